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
        var range: ByteRange
        var sentence: AnnotatedSentence
    }

    /// One spelling of a word or name and where the article uses it.
    private struct Spelling {
        var form: String
        var uses: [Use]
    }

    /// Uses are gathered by spelling first (consistency forms by index, names by their bytes), so
    /// that nothing is hashed as a `String` per use: an article names the same people dozens of
    /// times, and Swift hashes text with diacritics through normalisation.
    func checkArticle(_ article: AnnotatedArticle) -> [Flag] {
        let consistency = article.lexicon.glossary.consistency
        var formUses: [Int: [Int: [Use]]] = [:]
        var names: [SpellingBytes: [Use]] = [:]
        for sentence in article.sentences {
            for match in sentence.matches {
                switch match.entry {
                case .consistency(let group, let form):
                    formUses[group, default: [:]][form, default: []].append(Use(range: match.range, sentence: sentence))
                case .driver, .driverSurname, .venue:
                    // Diacritics: the same name written with and without them.
                    names[SpellingBytes(match, in: article.document.bytes), default: []].append(
                        Use(range: match.range, sentence: sentence))
                default: continue
                }
            }
        }
        var groups: [String: [Spelling]] = [:]
        var preferred: [String: String] = [:]
        for (group, forms) in formUses {
            let entry = consistency[group]
            for (form, uses) in forms {
                groups[entry.id, default: []].append(Spelling(form: entry.forms[form], uses: uses))
            }
            preferred[entry.id] = entry.forms[0]
        }
        // The house form of a name is its last spelling with diacritics, in document order.
        var lastDiacriticUse: [String: Int] = [:]
        for (spelling, uses) in names {
            let form = String(decoding: spelling.bytes, as: UTF8.self)
            let key = "name:" + ICU.fold(form)
            groups[key, default: []].append(Spelling(form: form, uses: uses))
            guard form.unicodeScalars.contains(where: { !$0.isASCII }), let last = uses.last?.range.start,
                last > lastDiacriticUse[key, default: -1]
            else { continue }
            lastDiacriticUse[key] = last
            preferred[key] = form
        }
        var flags: [Flag] = []
        for (key, found) in groups.sorted(by: { $0.key < $1.key }) {
            // Spellings that are the same text (canonically equal bytes) count as one.
            var spellings: [Spelling] = []
            for spelling in found {
                if let same = spellings.firstIndex(where: { $0.form == spelling.form }) {
                    spellings[same].uses += spelling.uses
                } else {
                    spellings.append(spelling)
                }
            }
            guard spellings.count > 1 else { continue }
            let house = preferred[key]
            // Most uses wins, then the house form; a remaining tie goes to the form that sorts
            // first, so that the choice never depends on hashing order.
            let majority = spellings.max { a, b in
                let rankA = (a.uses.count, a.form == house ? 1 : 0)
                let rankB = (b.uses.count, b.form == house ? 1 : 0)
                return rankA < rankB || (rankA == rankB && a.form > b.form)
            }!
            for spelling in spellings where spelling.form != majority.form {
                for use in spelling.uses {
                    let original = article.document.text(use.range)
                    flags.append(
                        flag(
                            use.range, in: use.sentence,
                            message:
                                "'\(original)' is spelled '\(majority.form)' elsewhere in this article (\(majority.uses.count) times)",
                            suggestions: [majority.form.matchingCase(of: original)]))
                }
            }
        }
        return flags
    }
}

/// A name's exact spelling (its possessive ending cut off) as bytes, hashed in one call: Swift
/// hashes a `String` with diacritics through normalisation, and names here usually have them.
private struct SpellingBytes: Hashable {
    let bytes: ArraySlice<UInt8>

    init(_ match: LexiconMatch, in document: [UInt8]) {
        var end = match.range.end
        if match.possessive {
            // Up to the first apostrophe, ' or ’ (E2 80 99).
            var offset = match.range.start
            while offset < match.range.end {
                if document[offset] == UInt8(ascii: "'")
                    || (document[offset] == 0xE2 && offset + 2 < match.range.end && document[offset + 1] == 0x80
                        && document[offset + 2] == 0x99)
                {
                    break
                }
                offset += 1
            }
            end = offset
        }
        bytes = document[match.range.start..<end]
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (a: SpellingBytes, b: SpellingBytes) -> Bool { a.bytes.elementsEqual(b.bytes) }
}
