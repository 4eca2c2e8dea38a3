/// "One point before Kallio", "two points after him": Finnish *pistettä edellä* (points ahead)
/// and *pistettä perässä* (points behind) rendered word for word. English reads "before" and
/// "after" there as time, so the rule fires only when a rival stands after the preposition (a
/// driver, a pronoun, "the leader") and the phrase ends there: "ten points after Kallio won" is
/// time and is left alone.
struct PointsBeforeAfterRule: Rule {
    static let description = RuleDescription(
        id: "calque.points-before-after",
        severity: .warning,
        summary: "\"one point before/after X\" for Finnish pistettä edellä/perässä: ahead of, behind.",
        flagged: [
            Example("Kallio is now ⟦one point before⟧ Timmy Hansen in the standings."),
            Example("He ended the season ⟦two points after⟧ him."),
            Example("Bakkerud finished ⟦12 points after⟧ the leader."),
        ],
        unflagged: [
            Example("Kallio is now one point ahead of Timmy Hansen in the standings."),
            Example("He had 40 points before the final round."),
            Example("He scored ten points after Kallio retired."),
            Example("Two points after his crash, he was out."),
            Example("The point after him was made by the stewards' chief."),
        ])

    static let markedWords = ["point", "points"]
    let point: MarkedWord
    let points: MarkedWord

    /// Words that count points before "point(s)".
    static let counts: Set<String> = [
        "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
        "forty", "fifty", "few", "single",
    ]
    /// Rivals that are not names.
    static let rivals: [[String]] = [
        ["him"], ["her"], ["them"], ["the", "leader"], ["the", "leaders"], ["the", "championship", "leader"],
        ["the", "series", "leader"], ["his", "teammate"], ["her", "teammate"], ["his", "rival"], ["her", "rival"],
    ]
    /// Words after the rival that end the phrase: "two points after him in the standings".
    static let ends: Set<String> = ["and", "in", "at", "on", "with", "but", "while", "who", "overall", "going", "into"]

    init(_ context: RuleContext) {
        point = context.marked("point")
        points = context.marked("points")
    }

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        guard sentence.has(point) || sentence.has(points) else { return [] }
        var flags: [Diagnostic] = []
        let words = sentence.folded
        for i in words.indices.dropFirst().dropLast(2)
        where sentence.wordIDs[i] == point.id || sentence.wordIDs[i] == points.id {
            let preposition = words[i + 1]
            guard preposition == "before" || preposition == "after",
                sentence.words[i - 1].kind == .number || Self.counts.contains(words[i - 1]),
                let end = rivalEnd(at: i + 2, in: sentence),
                end == words.count || Self.ends.contains(words[end]) || isClosingPunctuation(end, in: sentence)
            else { continue }
            let english = preposition == "before" ? "ahead of" : "behind"
            let counted = article.document.text(sentence.range((i - 1)..<(i + 1)))
            flags.append(
                flag(
                    sentence.range((i - 1)..<(i + 2)), in: sentence,
                    message:
                        "'\(preposition)' here is Finnish 'pistettä \(preposition == "before" ? "edellä" : "perässä")' word for word: points \(english)",
                    suggestions: ["\(counted) \(english)"]))
        }
        return flags
    }

    /// Where the rival that starts at token `start` ends: a driver the lexicon knows, a run of
    /// capitalised words (an unlisted driver), or a pronoun or "the leader"; nil when none does.
    private func rivalEnd(at start: Int, in sentence: AnnotatedSentence) -> Int? {
        let words = sentence.folded
        for match in sentence.matches where match.tokens.lowerBound == start {
            switch match.entry {
            case .driver, .driverSurname: return match.possessive ? nil : match.tokens.upperBound
            default: continue
            }
        }
        for rival in Self.rivals where start + rival.count <= words.count {
            if rival.indices.allSatisfy({ words[start + $0] == rival[$0] }) { return start + rival.count }
        }
        var end = start
        while end < words.count && sentence.isWord(end) && sentence.isCapitalized(end) { end += 1 }
        // A capitalised run ending in a possessive is no rival ("after Kallio's crash").
        if end > start, end < words.count, words[end] == "'" || words[end] == "’" { return nil }
        return end > start ? end : nil
    }

    private func isClosingPunctuation(_ index: Int, in sentence: AnnotatedSentence) -> Bool {
        guard sentence.words[index].kind == .punctuation else { return false }
        return [".", ",", ";", ":", ")", "!", "?", "–", "—"].contains(sentence.folded[index])
    }
}
