/// A name doubled around one word: "the Nordic RallyX Nordic round". Machine translation puts a
/// Finnish compound's head word ("Nordic") both before and after the name it qualifies.
struct NameAroundWordRule: Rule {
    static let description = RuleDescription(
        id: "repetition.name-around-word",
        severity: .warning,
        summary: "A capitalised word repeated with one capitalised word between (\"Nordic RallyX Nordic\").",
        flagged: [
            Example("He won the ⟦Nordic RallyX Nordic⟧ round at Höljes."),
            Example("⟦Euro RX Euro⟧ points went to Bakkerud."),
        ],
        unflagged: [
            Example("He won the Nordic RallyX round at Höljes."),
            Example("The Manchester United Manchester City derby was sold out."),
            Example("Team Sweden and Team Norway met in the final."),
            Example("Walla Walla hosted nothing; Bora Bora neither."),
        ])

    init(_ context: RuleContext) {}

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        guard sentence.traitsPresent.contains(.capitalized) else { return [] }
        var flags: [Diagnostic] = []
        let count = sentence.words.count
        for i in sentence.words.indices where i + 2 < count && sentence.isCapitalized(i) {
            guard sentence.isWord(i), sentence.isWord(i + 1), sentence.isWord(i + 2), sentence.isCapitalized(i + 1),
                sentence.sameWord(i, i + 2), !sentence.sameWord(i, i + 1), sentence.folded[i].count >= 3,
                sentence.adjacent(i, in: article), sentence.adjacent(i + 1, in: article)
            else { continue }
            // "Manchester United Manchester City": the second one starts another name.
            if i + 3 < count, sentence.isWord(i + 3), sentence.isCapitalized(i + 3),
                sentence.adjacent(i + 2, in: article)
            {
                continue
            }
            let kept = article.document.text(sentence.range(i..<(i + 2)))
            flags.append(
                flag(
                    sentence.range(i..<(i + 3)), in: sentence,
                    message:
                        "'\(sentence.text(i, in: article))' is repeated around '\(sentence.text(i + 1, in: article))'",
                    suggestions: [kept], fix: Fix(replacement: kept, safe: false)))
        }
        return flags
    }
}
