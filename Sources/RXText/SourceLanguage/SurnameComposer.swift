/// Finnish surnames (and names of venues in Finland) put back together from their English
/// renderings: "Cape" -> Niemi, "Aspen Hill" -> Haapamäki, "Smith" -> Seppä, "Cannon Hill" ->
/// Tykkimäki. Each English word is turned back into the Finnish words
/// it renders (the glossaries' surname words, then FreeDict's glosses read backwards), and a
/// composition is kept only when it is a Finnish surname: a driver's in the glossaries, one
/// Voikko tags as a surname (CLASS=sukunimi), or a compound Voikko accepts whose last part is a
/// word Finnish surnames end in (surname-words.yaml: mäki, niemi, koski, ...).
struct SurnameComposer: Sendable {
    let voikko: Voikko
    let dictionary: FreeDictionary?
    /// Finnish surname words by English rendering: "hill" -> ["mäki"].
    let surnameWords: [String: [String]]
    /// The Finnish surname words themselves, in lower case.
    let surnameParts: Set<String>
    /// The glossary drivers' surnames, and the one-word names of venues in Finland ("Tykkimäki",
    /// "Murtoharju"), by their lower case, with what they name.
    let glossaryNames: [String: (name: String, place: Bool)]

    /// At most this many Finnish words per English word are tried.
    static let maximumCandidates = 12

    /// Compositions asked for before, by their words: an archive repeats its capitalised pairs
    /// ("Last Sunday") in article after article, and each costs dictionary and Voikko lookups.
    private let remembered = Remembered()

    final class Remembered: @unchecked Sendable {
        private let lock = Lock()
        private var answers: [String: Composition?] = [:]
        static let capacity = 50_000

        func answer(_ key: String, _ compute: () -> Composition?) -> Composition? {
            if let known = lock.withLock({ answers[key] }) { return known }
            let answer = compute()
            lock.withLock {
                if answers.count >= Self.capacity { answers.removeAll(keepingCapacity: true) }
                answers[key] = answer
            }
            return answer
        }
    }

    init(glossary: Glossary, voikko: Voikko, dictionary: FreeDictionary?) {
        self.voikko = voikko
        self.dictionary = dictionary
        var words: [String: [String]] = [:]
        for word in glossary.surnameWords {
            for english in word.english { words[english.lowercased(), default: []].append(word.finnish.lowercased()) }
        }
        surnameWords = words
        surnameParts = Set(glossary.surnameWords.map { $0.finnish.lowercased() })
        var names: [String: (name: String, place: Bool)] = [:]
        for venue in glossary.venues where venue.country == "FI" {
            for name in [venue.name, venue.town] + venue.aliases where !name.contains(" ") {
                names[name.lowercased()] = (name, true)
            }
        }
        for driver in glossary.drivers where !driver.surname.contains(" ") {
            names[driver.surname.lowercased()] = (driver.surname, false)
        }
        glossaryNames = names
    }

    /// A surname put back together.
    struct Composition {
        var surname: String
        /// The Finnish words it was made of.
        var parts: [String]
        /// A glossary driver's surname or Finnish venue's name (not only one Voikko knows).
        var inGlossary: Bool
        /// A venue's name, not a surname.
        var place = false
    }

    /// The Finnish surname that `words` (one or two, as written) render part by part; a word
    /// whose `english` is false is taken as Finnish already ("Perkiö" of "Perkiö Hill"). Nil
    /// when no composition is a surname.
    func surname(for words: [String], english: [Bool]) -> Composition? {
        let key = zip(words, english).map { "\($0)\($1 ? "\u{1F}" : "\u{1E}")" }.joined()
        return remembered.answer(key) { compose(words, english: english) }
    }

    private func compose(_ words: [String], english: [Bool]) -> Composition? {
        let candidates = zip(words, english).map { word, isEnglish in
            isEnglish ? finnish(for: word.lowercased()) : [word.lowercased()]
        }
        guard candidates.allSatisfy({ !$0.isEmpty }), candidates.count <= 2 else { return nil }
        let compositions: [[String]] =
            candidates.count == 1
            ? candidates[0].map { [$0] } : candidates[0].flatMap { first in candidates[1].map { [first, $0] } }
        // A glossary name first, whichever rendering it takes; then what Voikko knows.
        for parts in compositions {
            if let known = glossaryNames[parts.joined()] {
                return Composition(surname: known.name, parts: parts, inGlossary: true, place: known.place)
            }
        }
        for parts in compositions {
            let compound = parts.joined()
            let name = compound.capitalizingFirstLetter
            let readings = voikko.analyze(name)
            if readings.contains(where: { $0.isSurname && $0.baseform == name }) {
                return Composition(surname: name, parts: parts, inGlossary: false)
            }
            // A compound ending in a surname word (mäki, niemi, koski): Haapamäki.
            if parts.count == 2, let last = parts.last, surnameParts.contains(last),
                (readings + voikko.analyze(compound)).contains(where: {
                    $0.isNominative && $0.parts.map { $0.lowercased() } == parts
                })
            {
                return Composition(surname: name, parts: parts, inGlossary: false)
            }
        }
        return nil
    }

    /// The Finnish single words that `english` renders: the glossaries' surname words first.
    private func finnish(for english: String) -> [String] {
        var words = surnameWords[english] ?? []
        for word in dictionary?.headwords(glossedAs: english) ?? []
        where !words.contains(word) && word.allSatisfy({ $0.isLetter && $0.isLowercase }) {
            words.append(word)
        }
        return Array(words.prefix(Self.maximumCandidates))
    }
}
