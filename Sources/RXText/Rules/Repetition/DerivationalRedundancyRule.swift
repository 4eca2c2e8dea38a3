/// A verb followed by "to" and a form of itself: "prepared to prepare", "decided to decide".
/// Finnish figura etymologica and translated infinitive chains produce these.
struct DerivationalRedundancyRule: Rule {
    static let description = RuleDescription(
        id: "repetition.derivational",
        severity: .warning,
        summary: "A word followed by \"to\" and another form of the same word (\"prepared to prepare\").",
        flagged: [
            Example("I also ⟦prepared to prepare⟧ for it."),
            Example("The team ⟦decided to decide⟧ after the semi-finals."),
            Example("He was ⟦training to train⟧ harder in winter."),
        ],
        unflagged: [
            Example("He prepared to race in the final."),
            Example("They agreed to disagree about the joker lap."),
            Example("He wanted to want nothing more."),
        ])

    static let markedWords = ["to"]
    let to: MarkedWord
    let stem: Stem

    init(_ context: RuleContext) {
        to = context.marked("to")
        stem = Stem(suffixes: context.words("stem-suffixes"))
    }

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        guard sentence.has(to) else { return [] }
        var flags: [Diagnostic] = []
        let words = sentence.folded
        let ids = sentence.wordIDs
        for i in words.indices where i + 2 < words.count && ids[i + 1] == to.id {
            let first = words[i]
            let second = words[i + 2]
            guard sentence.isWord(i), sentence.isWord(i + 2), first != second, first.count >= 5, second.count >= 5
            else { continue }
            guard stem.same(first, second) else { continue }
            flags.append(
                flag(
                    sentence.range(i..<(i + 3)), in: sentence,
                    message:
                        "'\(sentence.text(i, in: article)) to \(sentence.text(i + 2, in: article))' says the same thing twice",
                    suggestions: [sentence.text(i, in: article)]))
        }
        return flags
    }
}
