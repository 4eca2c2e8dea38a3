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

    static let determiners: Set<String> = ["the", "his", "her", "its", "their", "our", "my"]
    static let compounds: Set<String> = [
        "racing", "sport", "sports", "show", "club", "federation", "industry", "vehicle", "vehicles", "home", "homes",
        "cycle", "cycles", "bike", "bikes", "way", "ways", "insurance", "trade", "museum", "yacht", "boat", "boats",
        "car",
        "cars", "neurone", "neuron", "skills", "city",
    ]

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        guard sentence.ruleWords.contains(.motor) else { return [] }
        var flags: [Diagnostic] = []
        let words = sentence.folded
        let ids = sentence.wordIDs
        let motor = article.lexicon.id(of: .motor)
        for i in words.indices where ids[i] == motor && i > 0 && Self.determiners.contains(words[i - 1]) {
            let next = i + 1 < words.count ? words[i + 1] : ""
            if Self.compounds.contains(next) || next == "-" { continue }
            flags.append(
                flag(
                    sentence.range((i - 1)..<(i + 1)), in: sentence,
                    message: "'motor' here is probably Finnish 'moottori' (engine): an engine failure?",
                    suggestions: ["\(sentence.text(i - 1, in: article)) engine"]))
        }
        return flags
    }
}
