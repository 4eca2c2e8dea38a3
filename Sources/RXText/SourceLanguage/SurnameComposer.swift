/// Finnish surnames put back together from their English renderings: "Cape" -> Niemi, "Aspen
/// Hill" -> Haapamäki, "Smith" -> Seppä. Each English word is turned back into the Finnish words
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
    /// The glossary drivers' surnames by their lower case.
    let glossarySurnames: [String: String]

    /// At most this many Finnish words per English word are tried.
    static let maximumCandidates = 12

    init(glossary: Glossary, voikko: Voikko, dictionary: FreeDictionary?) {
        self.voikko = voikko
        self.dictionary = dictionary
        var words: [String: [String]] = [:]
        for word in glossary.surnameWords {
            for english in word.english { words[english.lowercased(), default: []].append(word.finnish.lowercased()) }
        }
        surnameWords = words
        surnameParts = Set(glossary.surnameWords.map { $0.finnish.lowercased() })
        var surnames: [String: String] = [:]
        for driver in glossary.drivers where !driver.surname.contains(" ") {
            surnames[driver.surname.lowercased()] = driver.surname
        }
        glossarySurnames = surnames
    }

    /// A surname put back together.
    struct Composition {
        var surname: String
        /// The Finnish words it was made of.
        var parts: [String]
        /// A glossary driver's surname (not only one Voikko knows).
        var inGlossary: Bool
    }

    /// The Finnish surname that `words` (one or two, as written) render part by part; a word
    /// whose `english` is false is taken as Finnish already ("Perkiö" of "Perkiö Hill"). Nil
    /// when no composition is a surname.
    func surname(for words: [String], english: [Bool]) -> Composition? {
        let candidates = zip(words, english).map { word, isEnglish in
            isEnglish ? finnish(for: word.lowercased()) : [word.lowercased()]
        }
        guard candidates.allSatisfy({ !$0.isEmpty }) else { return nil }
        switch candidates.count {
        case 1:
            for word in candidates[0] {
                if let known = glossarySurnames[word] {
                    return Composition(surname: known, parts: [word], inGlossary: true)
                }
                let name = word.capitalizingFirstLetter
                if voikko.analyze(name).contains(where: { $0.isSurname && $0.baseform == name }) {
                    return Composition(surname: name, parts: [word], inGlossary: false)
                }
            }
        case 2:
            for first in candidates[0] {
                for second in candidates[1] {
                    let compound = first + second
                    let parts = [first, second]
                    if let known = glossarySurnames[compound] {
                        return Composition(surname: known, parts: parts, inGlossary: true)
                    }
                    let name = compound.capitalizingFirstLetter
                    let readings = voikko.analyze(name) + voikko.analyze(compound)
                    if readings.contains(where: { $0.isSurname && $0.baseform == name }) {
                        return Composition(surname: name, parts: parts, inGlossary: false)
                    }
                    if surnameParts.contains(second),
                        readings.contains(where: { $0.isNominative && $0.parts.map { $0.lowercased() } == parts })
                    {
                        return Composition(surname: name, parts: parts, inGlossary: false)
                    }
                }
            }
        default: break
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
