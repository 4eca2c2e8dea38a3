/// A noun that opens and closes a short phrase: "the finals of the German Grand Prix finals".
/// Machine translation keeps both the head noun and its Finnish compound tail.
struct RepeatedNounRule: Rule {
    static let description = RuleDescription(
        id: "repetition.noun-around-span",
        severity: .warning,
        summary:
            "The same noun before and after a short \"of ...\" phrase (\"finals of the German Grand Prix finals\").",
        flagged: [
            Example("It was said after the ⟦finals of the German Grand Prix finals⟧."),
            Example("The ⟦heats of the Swedish round heats⟧ were wet."),
        ],
        unflagged: [
            Example("The rally of the rally kind is covered elsewhere."),
            Example("The finals of the German and Latvian rounds were close."),
            Example("He won the final of the Latvian round and the final of the German one."),
        ])

    static let maximumGap = 5
    static let markedWords = ["of"]
    let of: MarkedWord
    /// The phrase between must be one noun phrase: a conjunction or article ends it (the
    /// glossaries' `noun-phrase-breakers`).
    let functionWords: Set<String>

    init(_ context: RuleContext) {
        of = context.marked("of")
        functionWords = context.wordSet("noun-phrase-breakers")
    }

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        guard sentence.has(of) else { return [] }
        var flags: [Diagnostic] = []
        let words = sentence.folded
        let ids = sentence.wordIDs
        for i in words.indices
        where i + 3 < words.count && ids[i + 1] == of.id && sentence.isWord(i) && words[i].count >= 4 {
            var j = i + 2
            if words[j] == "the" { j += 1 }
            let start = j
            while j < words.count && j - start <= Self.maximumGap && sentence.isWord(j)
                && !functionWords.contains(words[j])
            {
                if j > start && words[j] == words[i] {
                    // Needs at least one capitalised word between: a named thing ("German Grand Prix").
                    let named = (start..<j).contains { sentence.isCapitalized($0) }
                    if named {
                        let middle = (start..<j).map { sentence.text($0, in: article) }.joined(separator: " ")
                        flags.append(
                            flag(
                                sentence.range(i..<(j + 1)), in: sentence,
                                message: "'\(sentence.text(i, in: article))' appears on both sides of the phrase",
                                suggestions: ["\(middle) \(sentence.text(j, in: article))"]))
                    }
                    break
                }
                j += 1
            }
        }
        return flags
    }
}
