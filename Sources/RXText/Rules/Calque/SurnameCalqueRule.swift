/// A Finnish surname translated as a common noun: Kallio (rock) as "the Rock", Kalliokoski
/// (rock + rapids) as "Rock Rapids". Driven by the drivers' literal meanings in the glossary; it
/// fires when the driver is named in the article, or when the form is "the X" and means a single
/// driver.
struct SurnameCalqueRule: Rule {
    static let description = RuleDescription(
        id: "calque.surname",
        severity: .error,
        summary: "A driver's surname rendered as its literal English meaning (Kallio as \"the Rock\").",
        flagged: [
            Example("Jesse Kallio won at Hell. A colourful season on ⟦the Rock⟧."),
            Example("Jere Kalliokoski reached the final. ⟦Rock Rapids⟧ was sixth."),
            Example("There is no news yet from the camp of ⟦the Grindstone⟧."),
        ],
        unflagged: [
            Example("Jesse Kallio won at Hell. The track is built on rock."),
            Example("Rock music played in the paddock."),
            Example("The crowd sat on the hill above the joker lap."),
        ])

    init(_ context: RuleContext) {}

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        let named = article.driversMentioned
        var flags: [Diagnostic] = []
        for match in sentence.matches {
            guard case .surnameLiteral(let drivers) = match.entry else { continue }
            let start = match.tokens.lowerBound
            let preceded = start > 0 && sentence.folded[start - 1] == "the"
            let inArticle = drivers.filter(named.contains)
            let candidates: [Int]
            if !inArticle.isEmpty {
                candidates = inArticle
            } else if preceded && drivers.count == 1 {
                candidates = drivers
            } else {
                continue
            }
            // A single sentence-initial capital proves nothing unless "the" makes it a name;
            // two capitalised words ("Rock Rapids") do.
            if start == 0 && !preceded && match.tokens.count < 2 { continue }
            let surnames = candidates.map { article.lexicon.glossary.drivers[$0].surname }
            let range = preceded ? sentence.range((start - 1)..<match.tokens.upperBound) : match.range
            let finnish = candidates.map { article.lexicon.glossary.drivers[$0].name }.joined(separator: " or ")
            flags.append(
                flag(
                    range, in: sentence,
                    message:
                        "'\(article.document.text(match.range))' looks like the surname of \(finnish) translated word for word",
                    suggestions: surnames))
        }
        return flags
    }
}
