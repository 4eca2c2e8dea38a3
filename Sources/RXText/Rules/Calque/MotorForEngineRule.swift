/// "motor" where English says engine: Finnish moottori is both. "The motor broke", "the motor
/// race in the last heat". Motor racing, motorsport and motorhomes are left alone.
struct MotorForEngineRule: Rule {
    static let description = RuleDescription(
        id: "calque.motor-engine",
        severity: .warning,
        summary: "\"motor\" for a car's engine, a literal rendering of Finnish moottori.",
        flagged: [
            Example("But ⟦the motor⟧ race in the final heat ended his day."),
            Example("Then ⟦his motor⟧ stopped on the start line."),
        ],
        unflagged: [
            Example("He has loved motor racing since childhood."),
            Example("The motorhome was parked behind the paddock."),
            Example("He joined the Finnish motor sport federation."),
            Example("A motor race at Silverstone drew a big crowd."),
        ])

    static let markedWords = ["motor"]
    let motor: MarkedWord
    /// Words before "motor" that make it a noun ("the motor", "his motor").
    let determiners: Set<String>
    /// Words after "motor" that make a compound that is right ("motor racing").
    let compounds: Set<String>

    init(_ context: RuleContext) {
        motor = context.marked("motor")
        determiners = context.wordSet("determiners")
        compounds = context.wordSet("motor-compounds")
    }

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        guard sentence.has(motor) else { return [] }
        var flags: [Diagnostic] = []
        let words = sentence.folded
        let ids = sentence.wordIDs
        for i in words.indices where ids[i] == motor.id && i > 0 && determiners.contains(words[i - 1]) {
            let next = i + 1 < words.count ? words[i + 1] : ""
            if compounds.contains(next) || next == "-" { continue }
            flags.append(
                flag(
                    sentence.range((i - 1)..<(i + 1)), in: sentence,
                    message: "'motor' here is probably Finnish 'moottori' (engine): an engine failure?",
                    suggestions: ["\(sentence.text(i - 1, in: article)) engine"]))
        }
        return flags
    }
}
