/// Finnish motorsport words and idioms translated word for word, from
/// `glossaries/garbles/calques.yaml`: "prize pool" (palkintopalli, podium), "tire breach"
/// (rengasrikko, puncture), "the third time he says" (kolmas kerta toden sanoo, third time lucky).
struct GlossaryCalqueRule: Rule {
    static let description = RuleDescription(
        id: "calque.mistranslation",
        severity: .warning,
        summary: "A literal translation of a Finnish motorsport word or idiom, with the English an editor would use.",
        flagged: [
            Example("The season ended on the second ⟦prize pool⟧ of the year."),
            Example(
                "A ⟦tire breach⟧ in the last heat cost him the final.",
                fixed: "A puncture in the last heat cost him the final."),
            Example("It was a ⟦handsome⟧ class win."),
            Example("He won the ⟦first batch⟧ and the semi-final."),
        ],
        unflagged: [
            Example("The season ended on his second podium of the year."),
            Example("A puncture in the last heat cost him the final."),
            Example("It was an impressive class win."),
            // "except-before: [of]": the first batch of something is English.
            Example("The first batch of tickets sold out before the final."),
        ])

    /// The folded `except-before` words of each calque that has some, by calque index.
    let exceptBefore: [Int: Set<String>]

    init(_ context: RuleContext) {
        var exceptions: [Int: Set<String>] = [:]
        for (index, calque) in context.glossary.calques.enumerated() {
            if let words = calque.exceptBefore { exceptions[index] = Set(words.map { ICU.fold($0) }) }
        }
        exceptBefore = exceptions
    }

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        sentence.matches.compactMap { match in
            guard case .calque(let i) = match.entry else { return nil }
            if let words = exceptBefore[i], match.tokens.upperBound < sentence.words.count,
                words.contains(sentence.folded[match.tokens.upperBound])
            {
                return nil
            }
            let calque = article.lexicon.glossary.calques[i]
            let original = article.document.text(match.range)
            let suggestions = calque.right.map { $0.matchingCase(of: original) }
            let note = calque.note.map { "; \($0)" } ?? ""
            return flag(
                match.range, in: sentence,
                message:
                    "'\(original)' is a literal translation of Finnish '\(calque.finnish)': use '\(calque.right[0])'\(note)",
                suggestions: suggestions, fix: suggestions.first.map { Fix(replacement: $0, safe: calque.safe) })
        }
    }
}
