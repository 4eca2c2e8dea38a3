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
        // Names are gathered by exact spelling first and folded once per spelling at the end:
        // an article names the same few people dozens of times.
        var names: [SpellingBytes: [Use]] = [:]
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
                    let spelling = SpellingBytes(match, in: article.document.bytes)
                    names[spelling, default: []].append(Use(key: "", form: "", range: match.range, sentence: sentence))
                default: continue
                }
            }
        }
        // The house form of a name is its last spelling with diacritics, in document order.
        var lastDiacriticUse: [String: Int] = [:]
        for (spelling, uses) in names {
            let form = String(decoding: spelling.bytes, as: UTF8.self)
            let key = "name:" + ICU.fold(form)
            groups[key, default: []].append(
                contentsOf: uses.map { Use(key: key, form: form, range: $0.range, sentence: $0.sentence) })
            guard form.unicodeScalars.contains(where: { !$0.isASCII }), let last = uses.last?.range.start,
                last > lastDiacriticUse[key, default: -1]
            else { continue }
            lastDiacriticUse[key] = last
            preferred[key] = form
        }
        var flags: [Flag] = []
        for (key, uses) in groups.sorted(by: { $0.key < $1.key }) {
            var counts: [String: Int] = [:]
            for use in uses { counts[use.form, default: 0] += 1 }
            guard counts.count > 1 else { continue }
            let house = preferred[key]
            // Most uses wins, then the house form; a remaining tie goes to the form that sorts
            // first, so that the choice never depends on hashing order.
            let majority = counts.max { a, b in
                let (rankA, rankB) = ((a.value, a.key == house ? 1 : 0), (b.value, b.key == house ? 1 : 0))
                return rankA < rankB || (rankA == rankB && a.key > b.key)
            }!.key
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
