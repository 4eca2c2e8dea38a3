/// All glossaries compiled once per process into one immutable, shareable matcher.
///
/// Phrases are keyed by folded tokens (case- and diacritic-insensitive, possessives stripped at
/// lookup), so "Baciuska’s", "BACIUŠKA" and "Baciuška" all reach the same driver. Categories
/// (entities, garbles, consistency forms, surname calques) are matched side by side: a phrase can
/// be a venue for extraction and a doubled word for a rule at once.
///
/// Besides phrases, the lexicon numbers single words that annotation notes per token: the
/// source language's common words (`finnish-words` in the glossaries), and the words rules
/// start from (`markedWords`), so that the one lookup per token also answers those. What a
/// single rule looks up (an index of names, an allow-list) the rule builds itself when the rule
/// set is compiled.
///
/// A class: annotators, articles and rules all hold the lexicon, and a copy of a reference is
/// one retain where a copy of its tables was one per table.
public final class Lexicon: Sendable {
    public let glossary: Glossary
    /// The target language's word list, from the glossary directory.
    public let english: EnglishWords
    private let trie: PhraseTrie.Frozen
    /// The folded words of every phrase, numbered for the trie.
    private let words: WordTable
    /// How many distinct phrases the trie holds (`rxtext glossary check` prints it).
    public var phraseCount: Int { trie.phraseCount }

    /// Venues by id, for calendar rounds, which name their venue by id.
    public let venueIndex: [String: Int]
    /// Surname-literal renderings by driver, e.g. jesse-kallio: ["rock", "rocky", ...].
    public let surnameRenderings: [Int: [String]]
    /// Whether each driver's surname in lower case (diacritics kept) is in the English word
    /// list ("Block"), by glossary index: a bare surname that is needs the full name first.
    let surnameIsEnglish: [Bool]
    /// Which word ids are common words of the source language (`finnish-words` in the
    /// glossaries). They share the phrase words' table, so the one lookup the annotator makes per
    /// token also answers "is it one?".
    private let sourceWordIDs: [Bool]
    /// For each word id, the mark of the marked word it is (`WordMarks`), 0 for other words.
    private let markBits: [UInt16]
    /// The marked words by their folded text.
    private let marked: [String: MarkedWord]

    /// `markedWords`: the single words rules start from (`Rule.markedWords`), at most 16.
    public init(_ glossary: Glossary, english: EnglishWords, markedWords: [String] = []) {
        self.glossary = glossary
        self.english = english
        var builder = TrieBuilder()
        let g = glossary
        venueIndex = Dictionary(g.venues.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (i, driver) in g.drivers.enumerated() {
            builder.add(driver.name, aliases: driver.aliases, .driver(i), owner: "driver \(driver.id)")
        }
        // Bare surnames, derived: ambiguous ones keep every candidate.
        var surnames: [String: [Int]] = [:]
        var surnameForms: [String: String] = [:]
        for (i, driver) in g.drivers.enumerated() {
            let key = GlossaryBuilder.surfaceKey(driver.surname)
            surnames[key, default: []].append(i)
            surnameForms[key] = driver.surname
        }
        for (key, drivers) in surnames.sorted(by: { $0.key < $1.key }) {
            let names = drivers.map { g.drivers[$0].id }.joined(separator: ", ")
            builder.add(
                surnameForms[key]!, .driverSurname(drivers), origin: "bare surname of \(names) (derived)",
                caseRule: .capitalized)
        }
        for (i, country) in g.countries.enumerated() {
            builder.add(country.name, .country(i, adjective: false), origin: "country \(country.code): name")
            for adjective in country.adjectives {
                builder.add(adjective, .country(i, adjective: true), origin: "country \(country.code): adjective")
            }
        }
        for (i, venue) in g.venues.enumerated() {
            builder.add(
                venue.name, aliases: venue.aliases, .venue(i), owner: "venue \(venue.id)", nameKind: "circuit name")
        }
        for (i, raceClass) in g.classes.enumerated() {
            builder.add(raceClass.name, aliases: raceClass.aliases, .raceClass(i), owner: "class \(raceClass.id)")
        }
        for (i, championship) in g.championships.enumerated() {
            builder.add(
                championship.name, .championship(i, finnish: false), origin: "championship \(championship.id): name")
            for alias in championship.aliases {
                builder.add(alias, .championship(i, finnish: false), origin: "championship \(championship.id): alias")
            }
            for abbreviation in championship.finnish {
                builder.add(
                    abbreviation, .championship(i, finnish: true),
                    origin: "championship \(championship.id): Finnish abbreviation",
                    caseRule: .exact)
            }
        }
        for (i, team) in g.teams.enumerated() {
            builder.add(team.name, aliases: team.aliases, .team(i), owner: "team \(team.id)")
        }
        for (i, car) in g.cars.enumerated() {
            builder.add(car.name, aliases: car.aliases, .car(i), owner: "car \(car.id)")
        }
        for (i, spelling) in g.spellings.enumerated() {
            for wrong in spelling.wrong {
                builder.add(wrong, .spelling(i), origin: "spelling \(spelling.id): variant of '\(spelling.right)'")
            }
        }
        for (i, calque) in g.calques.enumerated() {
            for wrong in calque.wrong {
                builder.add(
                    wrong, .calque(i), origin: "calque \(calque.id): literal translation of '\(calque.finnish)'")
            }
        }
        for (i, entry) in g.untranslated.enumerated() {
            builder.add(
                entry.finnish, .untranslated(i), origin: "untranslated \(entry.id): Finnish '\(entry.finnish)'",
                caseRule: entry.exact ? .exact : .any)
        }
        for (groupIndex, group) in g.consistency.enumerated() {
            for (formIndex, form) in group.forms.enumerated() {
                builder.add(
                    form, .consistency(group: groupIndex, form: formIndex),
                    origin: "consistency \(group.id): form \(formIndex + 1)")
            }
        }
        let renderings = SurnameLiterals.renderings(for: g)
        var literalOwners: [String: [Int]] = [:]
        for (driver, phrases) in renderings {
            for phrase in phrases { literalOwners[phrase, default: []].append(driver) }
        }
        for (phrase, drivers) in literalOwners.sorted(by: { $0.key < $1.key }) {
            let names = drivers.sorted().map { g.drivers[$0].id }.joined(separator: ", ")
            builder.add(
                phrase, .surnameLiteral(drivers.sorted()), origin: "literal meaning of the surname of \(names)",
                caseRule: .capitalized)
        }
        surnameRenderings = renderings
        surnameIsEnglish = g.drivers.map { english.contains(ICU.fold($0.surname, options: .caseInsensitive)) }
        trie = builder.trie.frozen
        var words = builder.words
        // Folded like the tokens they are compared with (diacritics too: "hyvä" is "hyva"). Added
        // after the trie is frozen: a new id has no edges, so matching is unchanged.
        let sourceIDs = g.finnishWords.map { words.insert(ICU.fold($0)) }
        let folds = Array(Set(markedWords.map { ICU.fold($0) })).sorted()
        precondition(folds.count <= 16, "more marked words than WordMarks holds")
        let markedIDs = folds.map { words.insert($0) }
        var bits = [UInt16](repeating: 0, count: words.count)
        var marked: [String: MarkedWord] = [:]
        for (index, (word, id)) in zip(folds, markedIDs).enumerated() {
            let mark = WordMarks(rawValue: 1 << UInt16(index))
            bits[Int(id)] = mark.rawValue
            marked[word] = MarkedWord(id: id, mark: mark)
        }
        markBits = bits
        self.marked = marked
        var source = [Bool](repeating: false, count: words.count)
        for id in sourceIDs { source[Int(id)] = true }
        self.words = words
        sourceWordIDs = source
    }

    /// Every match in a run of word-like tokens, per category leftmost-longest and non-overlapping.
    public func matches(in tokens: [Token], of document: Document) -> [LexiconMatch] {
        let keys = tokens.map { token in
            ICU.fold(document.bytes[token.range.start..<token.range.end]).withUnsafeBufferPointer(wordKey(folded:))
        }
        var result: [LexiconMatch] = []
        tokens.withUnsafeBufferPointer { tokens in
            keys.withUnsafeBufferPointer { keys in matches(in: tokens, keys: keys, of: document, into: &result) }
        }
        return result
    }

    /// What the matcher needs of a token: the lexicon's id for its folded form, and for the form
    /// without a possessive ending; -1 where the lexicon has no such word.
    struct WordKey {
        var id: Int32
        var withoutPossessive: Int32
    }

    /// The key of a token from its folded UTF-8 (the annotator folds each token once, into a
    /// scratch buffer, and keys it from there).
    func wordKey(folded: UnsafeBufferPointer<UInt8>) -> WordKey {
        WordKey(id: words.id(of: folded) ?? -1, withoutPossessive: words.idWithoutPossessive(of: folded) ?? -1)
    }

    /// Matches over tokens whose keys the caller already has, appended to `result` in order (the
    /// annotator keeps one array of matches for a whole article).
    func matches(
        in tokens: UnsafeBufferPointer<Token>, keys: UnsafeBufferPointer<WordKey>, of document: Document,
        into result: inout [LexiconMatch]
    ) {
        withUnsafeTemporaryAllocation(of: Candidate.self, capacity: Self.categoryCount) { best in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.categoryCount) { nextFree in
                best.initialize(repeating: Candidate.none)
                nextFree.initialize(repeating: 0)
                matches(in: tokens, keys: keys, of: document, best: best, nextFree: nextFree, into: &result)
            }
        }
    }

    /// `best` holds the longest match so far of each category (by raw value) for the current
    /// start, `nextFree` the first token each category may match again; both on the stack.
    private func matches(
        in tokens: UnsafeBufferPointer<Token>, keys: UnsafeBufferPointer<WordKey>, of document: Document,
        best: UnsafeMutableBufferPointer<Candidate>,
        nextFree: UnsafeMutableBufferPointer<Int>,
        into result: inout [LexiconMatch]
    ) {
        // Matches are appended by start and, for one start, by category (`best` is indexed by the
        // category's raw value): the order the annotator and the rules read, with no sort.
        for start in keys.indices {
            // The categories with a candidate for this start, as bits: only those are read back.
            var found: UInt64 = 0
            var node = PhraseTrie.root
            var index = start
            while index < keys.count {
                var possessive = false
                let key = keys[index]
                var next = key.id >= 0 ? trie.child(of: node, key.id) : nil
                if next == nil, key.withoutPossessive >= 0 {
                    next = trie.child(of: node, key.withoutPossessive)
                    possessive = next != nil
                }
                guard let child = next else { break }
                node = child
                index += 1
                for sense in trie.senses(at: node)
                where caseAgrees(
                    sense, span: ByteRange(tokens[start].range.start, tokens[index - 1].range.end), document: document,
                    possessive: possessive)
                {
                    let category = Int(trie.categories[sense])
                    if best[category].sense >= 0, best[category].end >= index { continue }
                    best[category] = Candidate(end: index, sense: Int32(sense), possessive: possessive)
                    found |= 1 << UInt64(category)
                }
                if possessive { break }  // "Kallio’s" ends a phrase
            }
            while found != 0 {
                let category = found.trailingZeroBitCount
                found &= found - 1
                let match = best[category]
                best[category] = .none
                guard start >= nextFree[category] else { continue }
                nextFree[category] = match.end
                result.append(
                    LexiconMatch(
                        range: ByteRange(tokens[start].range.start, tokens[match.end - 1].range.end),
                        tokens: start..<match.end,
                        sense: trie.senses[Int(match.sense)], possessive: match.possessive))
            }
        }
    }

    /// At most 64: the matcher keeps a start's categories as bits of a `UInt64`.
    private static let categoryCount: Int = {
        let count = LexiconEntry.Category.allCases.count
        precondition(count <= 64, "more lexicon categories than the matcher's bit set holds")
        return count
    }()

    /// A sense number (-1 for none) and where its phrase ends.
    private struct Candidate {
        var end: Int
        var sense: Int32
        var possessive: Bool

        static let none = Candidate(end: 0, sense: -1, possessive: false)
    }

    private func caseAgrees(_ sense: Int, span: ByteRange, document: Document, possessive: Bool) -> Bool {
        switch trie.caseRules[sense] {
        case .any:
            return true
        case .capitalized:
            return UTF8Scalars.isUppercase(at: span.start, in: document.bytes)
        case .exact:
            return Self.exactCaseAgrees(trie.senses[sense], span: span, document: document, possessive: possessive)
        }
    }

    private static func exactCaseAgrees(
        _ sense: LexiconSense, span: ByteRange, document: Document, possessive: Bool
    ) -> Bool {
        if !possessive, let agrees = asciiAgrees(document.bytes[span.start..<span.end], sense.form) { return agrees }
        var text = document.text(span)
        if possessive, let cut = text.lastIndex(where: { $0 == "'" || $0 == "’" }) { text = String(text[..<cut]) }
        // Same letters in the same case, spacing aside: "EM", not "Em" or "em".
        return text.split(separator: " ").joined(separator: " ") == sense.form
    }

    /// `exactCaseAgrees` for an ASCII span and form ("EM", the abbreviations), on their bytes:
    /// the span's words with single spaces between them must be the form. Nil when either
    /// is not ASCII, where equal text need not be equal bytes.
    static func asciiAgrees(_ span: ArraySlice<UInt8>, _ form: String) -> Bool? {
        guard span.allSatisfy({ $0 < 0x80 }) else { return nil }
        var form = form
        return form.withUTF8 { expected -> Bool? in
            guard expected.allSatisfy({ $0 < 0x80 }) else { return nil }
            var position = 0
            var pendingSpace = false
            for byte in span {
                if byte == 0x20 {
                    pendingSpace = position > 0
                    continue
                }
                if pendingSpace {
                    guard position < expected.count, expected[position] == 0x20 else { return false }
                    position += 1
                    pendingSpace = false
                }
                guard position < expected.count, expected[position] == byte else { return false }
                position += 1
            }
            return position == expected.count
        }
    }

    /// The marked word `word` (folded), if the lexicon was compiled with it.
    public func marked(_ word: String) -> MarkedWord? {
        marked[ICU.fold(word)]
    }

    /// The marks of the word with this id: its own if it is a marked word, else none.
    func marks(id: Int32) -> WordMarks {
        id >= 0 ? WordMarks(rawValue: markBits[Int(id)]) : []
    }

    /// Whether the word with this id is a common word of the source language.
    func isSourceWord(id: Int32) -> Bool {
        id >= 0 && sourceWordIDs[Int(id)]
    }

    /// Explains what a surface form resolves to (`rxtext glossary find`).
    public func explain(_ term: String) -> [String] {
        guard let document = try? Document(bytes: Array(term.utf8), path: "<term>") else { return [] }
        let tokens = Segmenter().tokens(in: document.body, of: document).filter { $0.kind != .space }
        let matches = self.matches(in: tokens, of: document)
        return matches.map { match in
            let text = document.text(match.range)
            let whole =
                match.range == ByteRange(tokens.first!.range.start, tokens.last!.range.end) ? "" : " (part of the term)"
            let rule: String
            switch match.sense.caseRule {
            case .any: rule = "case- and diacritic-insensitive"
            case .exact: rule = "exact case"
            case .capitalized: rule = "capitalised only"
            }
            return
                "'\(text)'\(whole) -> \(match.sense.origin) [form '\(match.sense.form)', \(rule)\(match.possessive ? ", possessive" : "")]"
        }
    }
}

/// A single word the annotator notes in every sentence that has it (`AnnotatedSentence.marks`):
/// its id, which tokens folding to it carry (`AnnotatedSentence.wordIDs`), and its mark.
public struct MarkedWord: Sendable, Hashable {
    public let id: Int32
    public let mark: WordMarks
}

/// A set of marked words: those a sentence has.
public struct WordMarks: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
}

/// Collects phrases into the trie, tokenising each glossary form the way articles are tokenised.
private struct TrieBuilder {
    var trie = PhraseTrie()
    var words = WordTable()
    let segmenter = Segmenter()

    /// An entry's name and its aliases, with origins such as "team set-promotion: alias".
    mutating func add(
        _ name: String, aliases: [String], _ entry: LexiconEntry, owner: String, nameKind: String = "name"
    ) {
        add(name, entry, origin: "\(owner): \(nameKind)")
        for alias in aliases { add(alias, entry, origin: "\(owner): alias") }
    }

    mutating func add(_ form: String, _ entry: LexiconEntry, origin: String, caseRule: CaseRule = .any) {
        guard let document = try? Document(bytes: Array(form.utf8), path: "<glossary>") else { return }
        let keys = segmenter.tokens(in: document.body, of: document).filter { $0.kind != .space }
            .map { words.insert(ICU.foldedString(document.bytes[$0.range.start..<$0.range.end])) }
        trie.insert(keys, sense: LexiconSense(entry: entry, form: form, origin: origin, caseRule: caseRule))
    }
}
