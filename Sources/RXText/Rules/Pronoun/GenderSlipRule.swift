/// "She drove to second", "her win" for a man: Finnish *hän* has no gender, and machine
/// translation guesses. Flagged where every driver the sentence names before the pronoun (or,
/// when it names none, the one before) is a glossary driver who is a man (`gender: female`
/// marks the women), and nothing else there can be the woman meant (a name the glossary does not
/// know, a wife, a mother, a team).
struct GenderSlipRule: Rule {
    static let description = RuleDescription(
        id: "pronoun.gender-slip",
        severity: .warning,
        summary: "\"she\" or \"her\" for a male driver (Finnish hän has no gender): he, his, him.",
        flagged: [
            Example("Timmy Hansen started from the front row, and ⟦she drove⟧ away at the start."),
            Example("Andreas Bakkerud was second. ⟦Her car⟧ had a puncture in the semi-final."),
            Example("Kevin Hansen won the final. It was ⟦her first⟧ win of the season."),
        ],
        unflagged: [
            Example("Klara Andersson started from the front row, and she drove away at the start."),
            Example("Timmy Hansen was second. His wife said she was proud of him."),
            Example("Andreas Bakkerud was second. Her car was the fastest, said Mandie August."),
            Example("The Peugeot was quick. She drove well, said the team."),
        ])

    static let markedWords = ["she", "her", "herself", "hers"]
    let marks: [MarkedWord]

    /// Words in the window that can be the woman meant.
    static let women: Set<String> = [
        "wife", "mother", "daughter", "sister", "girlfriend", "woman", "women", "lady", "ladies", "queen",
        "grandmother", "aunt", "niece", "partner", "fiancée", "fiancee", "co-driver", "spotter",
    ]

    init(_ context: RuleContext) {
        marks = Self.markedWords.map { context.marked($0) }
    }

    func checkArticle(_ article: AnnotatedArticle) -> [Diagnostic] {
        // Most articles have none of the pronouns read here: nothing is gathered for those (the
        // mentions by sentence are a dictionary insert per mention).
        guard article.sentences.contains(where: { sentence in marks.contains(where: sentence.has) }) else { return [] }
        let glossary = article.lexicon.glossary
        var bySentence: [Int: [Mention]] = [:]
        for mention in article.mentions { bySentence[mention.sentence, default: []].append(mention) }
        var flags: [Diagnostic] = []
        for (index, sentence) in article.sentences.enumerated() where marks.contains(where: sentence.has) {
            guard
                let pronoun = sentence.words.indices.first(where: { k in
                    sentence.isWord(k) && Self.markedWords.contains(sentence.folded[k])
                })
            else { continue }
            let before = (bySentence[index] ?? []).filter { $0.tokens.upperBound <= pronoun }
            let window = before.isEmpty ? (bySentence[index - 1] ?? []) : before
            let drivers = window.compactMap { mention -> Int? in
                if case .driver(let i) = mention.entity { return i }
                return nil
            }
            guard !drivers.isEmpty, drivers.allSatisfy({ glossary.drivers[$0].gender != "female" }),
                !window.contains(where: { if case .team = $0.entity { true } else { false } }),
                !mentionsSomeoneElse(article, sentence: index, pronoun: pronoun, window: before.isEmpty)
            else { continue }
            let word = sentence.folded[pronoun]
            let next = pronoun + 1 < sentence.words.count ? sentence.folded[pronoun + 1] : ""
            let replacement: String
            switch word {
            case "she": replacement = "he"
            case "herself": replacement = "himself"
            case "hers": replacement = "his"
            default: replacement = (next.first?.isLetter ?? false) && !Self.afterObject.contains(next) ? "his" : "him"
            }
            let original = sentence.text(pronoun, in: article)
            let end = pronoun + 1 < sentence.words.count && sentence.isWord(pronoun + 1) ? pronoun + 2 : pronoun + 1
            let rest = end > pronoun + 1 ? " " + sentence.text(pronoun + 1, in: article) : ""
            flags.append(
                flag(
                    sentence.range(pronoun..<end), in: sentence,
                    message:
                        "'\(original)' here is a male driver; Finnish 'hän' has no gender: '\(replacement.matchingCase(of: original))'",
                    suggestions: [replacement.matchingCase(of: original) + rest]))
        }
        return flags
    }

    /// Words after "her" that make it an object ("beat her to the line"): "him".
    static let afterObject: Set<String> = ["to", "in", "at", "on", "by", "from", "with", "for", "and", "but", "off"]

    /// A woman the window could mean: a family word, or a capitalised name the glossary does not
    /// know (a woman driver it does not list, the speaker of a quote), in the pronoun's sentence
    /// and, where that names no driver before it, the previous one.
    private func mentionsSomeoneElse(_ article: AnnotatedArticle, sentence index: Int, pronoun: Int, window: Bool)
        -> Bool
    {
        let sentences = window && index > 0 ? [index - 1, index] : [index]
        for s in sentences {
            let sentence = article.sentences[s]
            for k in sentence.words.indices where sentence.isWord(k) && k != pronoun {
                if Self.women.contains(sentence.folded[k]) { return true }
                let traits = sentence.traits[k]
                // A capitalised word outside every glossary entry, not opening the sentence.
                if k > 0, traits.contains(.capitalized), !traits.contains(.inEntity),
                    !article.lexicon.english.contains(sentence.folded[k])
                {
                    return true
                }
            }
        }
        return false
    }
}
