/// A word that is neither English nor in the glossaries, one or two edits away from a glossary
/// name: "Baciuskka", "Lohaec", "Nurjev". Probably a mangled proper name, in an article that
/// names motorsport (a driver, venue, class, championship or team of the glossaries): elsewhere
/// a name near a driver's is somebody else's.
struct NearGlossaryTermRule: Rule {
    static let description = RuleDescription(
        id: "spelling.near-glossary-term",
        severity: .info,
        summary: "An unknown word within a small edit distance of a driver, venue or series name.",
        flagged: [
            Example("The Lithuanian ⟦Baciuskka⟧ won the Supercar final."),
            Example("The round at ⟦Loheacc⟧ was wet, as at Höljes."),
        ],
        unflagged: [
            Example("The Lithuanian Baciuška won the final."),
            Example("He raced well in the rain."),
            Example("The Lithuanian Baciuska won the final."),
            Example("The Swede Westlund won the final."),
            Example("The chairman Baciuskka opened the bank's new branch."),
        ])

    /// Single-word names of the glossaries, for edit-distance lookups.
    let names: NameIndex
    let english: EnglishWords

    init(_ context: RuleContext) {
        names = NameIndex(glossary: context.glossary)
        english = context.lexicon.english
    }

    /// Article-wide so that a name repeated through the article is looked up once.
    func checkArticle(_ article: AnnotatedArticle) -> [Diagnostic] {
        guard article.namesMotorsport else { return [] }
        let nearest = Self.remembered.current.answers(for: names)
        var flags: [Diagnostic] = []
        for sentence in article.sentences {
            // Capitalised words outside every lexicon match, tested on their traits first.
            for (i, traits) in sentence.traits.enumerated()
            where traits.isSuperset(of: [.word, .capitalized]) && !traits.contains(.inMatch) {
                // An ASCII word folds to as many bytes as it has: a short one needs no fold.
                if !traits.contains(.outsideASCII) && sentence.words[i].range.count < 5 { continue }
                let word = sentence.folded[i]
                guard word.utf8.count >= 5,
                    word.utf8.allSatisfy({ $0 < 0x80 }) || word.count >= 5
                else { continue }
                let name = nearest.answer(for: word) { english.contains($0) ? nil : names.nearest(to: $0) }
                guard let name else { continue }
                flags.append(
                    flag(
                        sentence.range(i..<(i + 1)), in: sentence,
                        message: "'\(sentence.text(i, in: article))' is not a known word; did you mean '\(name)'?",
                        suggestions: [name]))
            }
        }
        return flags
    }
}

/// Single-word glossary names by length, for edit-distance lookups.
extension NearGlossaryTermRule {
    /// Each thread's answers so far: the archive's capitalised words repeat from article to
    /// article, and each new one costs an English-word lookup and a scan of the names.
    private static let remembered = ThreadLocal { NearestNames() }

    /// Words and the glossary name nearest each (nil: none near, or an English word), for one
    /// `NameIndex`; emptied when it reaches `capacity` words, and long words are not kept, so
    /// memory stays bounded.
    final class NearestNames {
        private var index: NameIndex?
        private var answers: [String: String?] = [:]
        let capacity: Int

        init(capacity: Int = 16384) {
            self.capacity = capacity
        }

        /// This cache, emptied first if its answers were for another lexicon's names.
        func answers(for index: NameIndex) -> NearestNames {
            if self.index !== index {
                self.index = index
                answers.removeAll()
            }
            return self
        }

        func answer(for word: String, _ compute: (String) -> String?) -> String? {
            // A hostile file's kilobyte-long "words" are answered without being remembered.
            guard word.utf8.count <= WordCache.longestWord else { return compute(word) }
            if let known = answers[word] { return known }
            if answers.count >= capacity { answers.removeAll(keepingCapacity: true) }
            let name = compute(word)
            answers[word] = .some(name)
            return name
        }
    }
}

final class NameIndex: Sendable {
    let byLength: [Int: [(folded: [Unicode.Scalar], letters: UInt64, name: String)]]

    init(glossary g: Glossary) {
        var names: [String: String] = [:]
        for driver in g.drivers { names[ICU.fold(driver.surname)] = driver.surname }
        for venue in g.venues {
            for form in [venue.name, venue.town] + venue.aliases where !form.contains(" ") {
                names[ICU.fold(form)] = form
            }
        }
        for team in g.teams where !team.name.contains(" ") { names[ICU.fold(team.name)] = team.name }
        var grouped: [Int: [(folded: [Unicode.Scalar], letters: UInt64, name: String)]] = [:]
        for (folded, name) in names.sorted(by: { $0.key < $1.key }) where folded.count >= 5 {
            let scalars = Array(folded.unicodeScalars)
            grouped[scalars.count, default: []].append((scalars, Self.letters(scalars), name))
        }
        byLength = grouped
    }

    /// The closest name within 1 edit (2 for names of 8 or more letters), if unique.
    func nearest(to word: String) -> String? {
        let scalars = Array(word.unicodeScalars)
        let limit = scalars.count >= 8 ? 2 : 1
        let letters = Self.letters(scalars)
        var best: (distance: Int, name: String)? = nil
        for length in (scalars.count - limit)...(scalars.count + limit) {
            // One edit adds or removes at most two letters from the set of letters used: a
            // cheap bound that skips most names before the edit distance is computed.
            for candidate in byLength[length] ?? [] where (candidate.letters ^ letters).nonzeroBitCount <= 2 * limit {
                let distance = EditDistance.between(scalars, candidate.folded, limit: limit)
                guard distance > 0, distance <= limit else { continue }
                // Two edits are a mangled name only when the name still starts as written:
                // "Westlund" is another Swede's name, not a garbled Östlund.
                if distance == 2 && candidate.folded.first != scalars.first { continue }
                if best == nil || distance < best!.distance { best = (distance, candidate.name) }
            }
        }
        return best?.name
    }
}

extension NameIndex {
    /// The set of letters a word uses, one bit each (scalars outside a-z share bits, which can
    /// only make two words look closer, never further apart).
    static func letters(_ scalars: [Unicode.Scalar]) -> UInt64 {
        var bits: UInt64 = 0
        for scalar in scalars {
            let value = scalar.value
            bits |= 1 << (value >= 0x61 && value <= 0x7A ? UInt64(value - 0x61) : 26 + UInt64(value % 38))
        }
        return bits
    }
}
