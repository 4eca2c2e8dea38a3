/// One article, one spelling: "semi-finals" and "semifinals", "tyre" and "tire", "Baciuška" and
/// "Baciuska". The minority form is flagged with the article's majority form (the house-style
/// form on a tie).
struct SpellingConsistencyRule: Rule {
    static let description = RuleDescription(
        id: "spelling.consistency",
        severity: .warning,
        summary: "A word spelled two ways in one article; the less common spelling is flagged.",
        flagged: [
            Example("He reached the semi-finals. The semi-finals were wet. In France the ⟦semifinals⟧ went wrong."),
            Example("A tyre failed. The tyre was new. Another ⟦tire⟧ went later."),
            Example("Rokas Baciuška won. Baciuška led. ⟦Baciuska⟧ was champion."),
        ],
        unflagged: [
            Example("He reached the semi-finals. The semi-finals were wet."),
            Example("Baciuska won. Baciuska led."),
            Example("Everyone tires in a long season."),
        ])

    private struct Use {
        var key: String
        var form: String
        var range: ByteRange
        var sentence: AnnotatedSentence
    }

    func checkArticle(_ article: AnnotatedArticle) -> [Flag] {
        var groups: [String: [Use]] = [:]
        var preferred: [String: String] = [:]
        for sentence in article.sentences {
            for match in sentence.matches {
                switch match.entry {
                case .consistency(let group, let form):
                    let entry = article.lexicon.glossary.consistency[group]
                    groups[entry.id, default: []].append(
                        Use(key: entry.id, form: entry.forms[form], range: match.range, sentence: sentence))
                    preferred[entry.id] = entry.forms[0]
                case .driver, .driverSurname, .venue:
                    // Diacritics: the same name written with and without them.
                    let text = article.document.text(match.range)
                    let base = match.possessive ? String(text.prefix { $0 != "’" && $0 != "'" }) : text
                    let key = "name:" + ICU.fold(base)
                    groups[key, default: []].append(Use(key: key, form: base, range: match.range, sentence: sentence))
                    if base.unicodeScalars.contains(where: { !$0.isASCII }) { preferred[key] = base }
                default: continue
                }
            }
        }
        var flags: [Flag] = []
        for (key, uses) in groups.sorted(by: { $0.key < $1.key }) {
            var counts: [String: Int] = [:]
            for use in uses { counts[use.form, default: 0] += 1 }
            guard counts.count > 1 else { continue }
            let house = preferred[key]
            let majority = counts.max { ($0.value, $0.key == house ? 1 : 0) < ($1.value, $1.key == house ? 1 : 0) }!.key
            for use in uses where use.form != majority {
                let original = article.document.text(use.range)
                flags.append(
                    flag(
                        use.range, in: use.sentence,
                        message:
                            "'\(original)' is spelled '\(majority)' elsewhere in this article (\(counts[majority]!) times)",
                        suggestions: [majority.matchingCase(of: original)]))
            }
        }
        return flags
    }
}
