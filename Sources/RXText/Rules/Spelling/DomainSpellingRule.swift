/// Misspellings and variants of rallycross words from `glossaries/garbles/spellings.yaml`:
/// the Finnish "rallicross" left by the translator, "rally-cross", ...
struct DomainSpellingRule: Rule {
    static let description = RuleDescription(
        id: "spelling.domain-variant",
        severity: .error,
        summary: "A known misspelling or variant of a rallycross term, from the spelling glossary.",
        flagged: [
            Example(
                "He won the international ⟦rallicross⟧ competition.",
                fixed: "He won the international rallycross competition."),
            Example("⟦Rallikross⟧ is big in Finland.", fixed: "Rallycross is big in Finland."),
        ],
        unflagged: [
            Example("He won the international rallycross competition."),
            Example("Autocross is a different sport."),
        ])

    init(_ context: RuleContext) {}

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        sentence.matches.compactMap { match in
            guard case .spelling(let i) = match.entry else { return nil }
            let entry = article.lexicon.glossary.spellings[i]
            let original = article.document.text(match.range)
            let replacement = entry.right.matchingCase(of: original)
            let note = entry.note.map { " (\($0))" } ?? ""
            return flag(
                match.range, in: sentence, message: "'\(original)' is a misspelling of '\(entry.right)'\(note)",
                suggestions: [replacement], fix: Fix(replacement: replacement, safe: entry.safe))
        }
    }
}
