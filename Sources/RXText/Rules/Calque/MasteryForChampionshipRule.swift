/// "mastery" where English says championship or title: Finnish *mestaruus* is both. The
/// glossary lists the set phrases ("won the mastery", "SM mastery"); this rule reads the
/// shapes no list holds: the plural ("two masteries"), "the mastery" as a thing fought for or
/// handed out ("the fight of the mastery", "the mastery went in the end to ..."), and mastery
/// of a class or a series ("the mastery of the Supercar class"). Mastery as skill ("his mastery
/// of the wet track", "drove with total mastery") is English.
struct MasteryForChampionshipRule: Rule {
    static let description = RuleDescription(
        id: "calque.mastery",
        severity: .warning,
        summary: "\"mastery\" for a championship or title, a literal rendering of Finnish mestaruus.",
        flagged: [
            Example("He has won two Finnish ⟦masteries⟧ in the Supercar class."),
            Example("In the end ⟦the mastery⟧ of the season went to Rytkönen."),
            Example("The fight of ⟦the mastery⟧ lasted to the last round."),
            Example("Kalliokoski took ⟦mastery⟧ of the Super1600 class in 2015."),
        ],
        unflagged: [
            Example("His mastery of the wet track gave him the win."),
            Example("He drove with total mastery."),
            Example("The mastery of car control takes years."),
            Example("Kalliokoski won the Finnish championship."),
        ])

    static let markedWords = ["mastery", "masteries"]
    let mastery: MarkedWord
    let masteries: MarkedWord

    init(_ context: RuleContext) {
        mastery = context.marked("mastery")
        masteries = context.marked("masteries")
    }

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        guard sentence.has(mastery) || sentence.has(masteries) else { return [] }
        var flags: [Diagnostic] = []
        let words = sentence.folded
        for i in words.indices where sentence.wordIDs[i] == mastery.id || sentence.wordIDs[i] == masteries.id {
            // The glossary's set phrases flag these words already.
            if sentence.matches.contains(where: { $0.entry.category == .garble && $0.tokens.contains(i) }) { continue }
            let plural = sentence.wordIDs[i] == masteries.id
            let definite = i > 0 && words[i - 1] == "the"
            let next = i + 1 < words.count ? words[i + 1] : ""
            let ofEntity = next == "of" && namesAChampionship(after: i + 1, in: sentence)
            // "the mastery of car control": skill, when what follows "of" is no class or series.
            guard plural || ofEntity || (definite && next != "of") else { continue }
            let start = definite ? i - 1 : i
            let replacement = plural ? "championships" : "championship"
            flags.append(
                flag(
                    sentence.range(start..<(i + 1)), in: sentence,
                    message:
                        "'\(sentence.text(i, in: article))' here is probably Finnish 'mestaruus' word for word: the \(replacement) or the title",
                    suggestions: [(definite ? "the " : "") + replacement, (definite ? "the " : "") + "title"]))
        }
        return flags
    }

    /// "of the Supercar class", "of the season", "of the SM series": within three words after
    /// "of", a class, a championship or a season word.
    private func namesAChampionship(after of: Int, in sentence: AnnotatedSentence) -> Bool {
        let window = (of + 1)..<min(sentence.words.count, of + 4)
        if sentence.folded[window].contains(where: { ["season", "series", "class", "championship"].contains($0) }) {
            return true
        }
        return sentence.matches.contains { match in
            guard window.contains(match.tokens.lowerBound) else { return false }
            switch match.entry {
            case .raceClass, .championship: return true
            default: return false
            }
        }
    }
}
