/// "X of the X": "the rally of the rally", "the race of the race". A literal rendering of a
/// Finnish genitive compound.
struct OfTheSameRule: Rule {
    static let description = RuleDescription(
        id: "repetition.x-of-the-x",
        severity: .warning,
        summary: "A noun repeated around \"of the\" (\"rally of the rally\").",
        flagged: [
            Example("It was his first season in the international ⟦rally of the rally⟧."),
            Example("The title was decided in the ⟦final of the final⟧."),
            Example("He called it the ⟦race of the races⟧."),
        ],
        unflagged: [
            Example("He was the fastest driver of the weekend."),
            Example("It was the end of the end-of-season party."),
            Example("He is the champion of champions in our book."),
        ])

    static let markedWords = ["of", "the"]
    let of: MarkedWord
    let the: MarkedWord
    let stem: Stem

    init(_ context: RuleContext) {
        of = context.marked("of")
        the = context.marked("the")
        stem = Stem(suffixes: context.words("stem-suffixes"))
    }

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        guard sentence.has(of) && sentence.has(the) else { return [] }
        var flags: [Diagnostic] = []
        let words = sentence.folded
        let ids = sentence.wordIDs
        for i in words.indices
        where i + 3 < words.count && ids[i + 1] == of.id && ids[i + 2] == the.id && sentence.isWord(i) {
            guard sentence.isWord(i + 3), words[i].count >= 3,
                stem.same(words[i], words[i + 3])
            else { continue }
            // "end-of-season": a hyphen after the second noun makes it a modifier, not a repeat.
            if i + 4 < words.count && words[i + 4] == "-" { continue }
            let noun = sentence.text(i, in: article)
            flags.append(
                flag(
                    sentence.range(i..<(i + 4)), in: sentence, message: "'\(noun)' is repeated around 'of the'",
                    suggestions: [noun]))
        }
        return flags
    }
}
