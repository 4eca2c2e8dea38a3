/// The same word twice in a row: "in Hell Hell". Legitimate doubles ("had had", "Baden-Baden")
/// come from the allow-list in `glossaries/garbles/allow.yaml`.
struct DoubledWordRule: Rule {
    static let description = RuleDescription(
        id: "repetition.doubled-word",
        severity: .error,
        summary: "A word repeated back to back, a common machine-translation slip (\"Hell Hell\").",
        flagged: [
            Example("The season continued in June in ⟦Hell Hell⟧.", fixed: "The season continued in June in Hell."),
            Example("He won ⟦the the⟧ final.", fixed: "He won the final."),
            Example(
                "The round at ⟦Riga Riga⟧, Latvia, was decisive.", fixed: "The round at Riga, Latvia, was decisive."),
        ],
        unflagged: [
            Example("He had had a puncture in the final."),
            Example("He said that that was the best weekend of his career."),
            Example("The team travelled on from Baden-Baden."),
            Example("He won in Hell. Hell was kind to him again a year later."),
            Example("The lap times were 42.1 42.3 and 42.5 seconds."),
        ])

    /// Folded doubled phrases that are legitimate ("had had", "Baden-Baden"), hyphens as spaces.
    let allowed: Set<String>

    init(_ context: RuleContext) {
        allowed = Set(
            context.glossary.doubledWords.map {
                GlossaryBuilder.surfaceKey($0.replacingOccurrences(of: "-", with: " "))
            })
    }

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        guard sentence.mayRepeatAWord else { return [] }
        var flags: [Diagnostic] = []
        for i in sentence.words.indices.dropLast()
        where sentence.isWord(i) && sentence.isWord(i + 1) && sentence.sameWord(i, i + 1)
            && sentence.adjacent(i, in: article)
        {
            if allowed.contains("\(sentence.folded[i]) \(sentence.folded[i + 1])") { continue }
            let word = sentence.text(i, in: article)
            let range = sentence.range(i..<(i + 2))
            flags.append(
                flag(
                    range, in: sentence, message: "'\(word)' is repeated", suggestions: [word],
                    fix: Fix(replacement: word, safe: true)))
        }
        return flags
    }
}
