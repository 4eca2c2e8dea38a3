/// A Finnish case ending left on a name: "Heikkisen" (Heikkinen's), "Lydden Hillillä" (at Lydden
/// Hill), "Bakkerudin", "Supercarissa". Finnish inflects names where English uses a preposition or
/// a possessive, and machine translation sometimes copies the inflected name.
///
/// From the glossaries: a capitalised word that is a driver's surname, a venue's name or a class
/// with a case ending (after a linking "i" where Finnish puts one, "nen" names as "-se-"). With
/// Voikko, also surnames and place names the glossaries do not list, in motorsport articles,
/// when Voikko reads the word only as an inflected form of such a name (genitives only for
/// "-nen" names: "Milan" is a city, not Mila's).
struct CaseEndingRule: Rule {
    static let description = RuleDescription(
        id: "untranslated.case-ending",
        severity: .error,
        summary: "A Finnish case ending left on a name (\"Heikkisen\", \"Lydden Hillillä\").",
        flagged: [
            Example("⟦Heikkisen⟧ car was the fastest in the final."),
            Example("The round at Lydden ⟦Hillillä⟧ was wet."),
            Example("He drove the ⟦Supercarissa⟧ for the first time."),
            Example("He was the quickest of the ⟦Virtasen⟧ team in the Supercar class.", needs: [.morphology]),
        ],
        unflagged: [
            Example("Heikkinen's car was the fastest in the final."),
            Example("The round at Lydden Hill was wet."),
            Example("Milan hosted the Supercar final, and Marissa watched it."),
            Example("Hansen won at Höljes; the Helsinki round was dry."),
            // The same ending after a word that is not the venue's.
            Example("The round at Wembley Hillillä was wet."),
        ],
        needs: [.morphology], runsWithout: true)

    /// Names by their folded last word: the words before it for names of several words ("lydden"
    /// for Lydden Hill), and the name as written.
    let names: [String: [(before: [String], name: String)]]
    let voikko: Voikko?
    /// English and Voikko's readings of each word, shared with the other source-language rules.
    let facts: WordFacts

    /// Finnish case endings, folded (ä as a), longest first.
    static let endings = [
        "ineen", "ssa", "sta", "lla", "lta", "lle", "ksi", "na", "ta", "n",
    ]

    init(_ context: RuleContext) {
        voikko = context.language.morphology
        facts = context.wordFacts
        var names: [String: [(before: [String], name: String)]] = [:]
        func add(_ name: String) {
            let words = name.split(separator: " ").map { ICU.fold(String($0)) }
            guard let last = words.last, last.count >= 3, last.allSatisfy(\.isLetter) else { return }
            if names[last]?.contains(where: { $0.before == Array(words.dropLast()) }) ?? false { return }
            names[last, default: []].append((Array(words.dropLast()), name))
        }
        let glossary = context.glossary
        for driver in glossary.drivers { add(driver.surname) }
        for venue in glossary.venues {
            for name in [venue.name, venue.town] + venue.aliases { add(name) }
        }
        for raceClass in glossary.classes {
            for name in [raceClass.name] + raceClass.aliases where !name.contains(" ") { add(name) }
        }
        self.names = names
    }

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        var flags: [Diagnostic] = []
        for (index, traits) in sentence.traits.enumerated()
        where traits.contains(.word) && traits.contains(.capitalized) && !traits.contains(.inMatch) {
            // Every ending ends in n, a, e or i (ä folds to a): a cheap test on the last byte.
            let range = sentence.words[index].range
            let last = article.document.bytes[range.end - 1] | 0x20
            guard
                last == UInt8(ascii: "n") || last == UInt8(ascii: "a") || last == UInt8(ascii: "e")
                    || last == UInt8(ascii: "i") || last == 0xA4
            else { continue }
            guard !facts.isEnglish(article.document.bytes, range) else { continue }
            let folded = sentence.folded[index]
            guard folded.count >= 4 else { continue }
            if let name = glossaryName(index, folded, in: sentence) {
                flags.append(
                    flag(
                        sentence.range(index..<(index + 1)), in: sentence,
                        message:
                            "'\(sentence.text(index, in: article))' is '\(name)' with a Finnish case ending left on it",
                        suggestions: [name]))
            } else if voikko != nil, article.namesMotorsport, FinnishSpelling.mayBeWord(article.document.bytes, range),
                let reading = inflectedName(index, in: sentence, article: article)
            {
                flags.append(
                    flag(
                        sentence.range(index..<(index + 1)), in: sentence,
                        message:
                            "'\(sentence.text(index, in: article))' is the Finnish name '\(reading.baseform)' with a case ending left on it",
                        suggestions: [reading.baseform]))
            }
        }
        return flags
    }

    /// The glossary name that word `index` (folded: `folded`) is with an ending, the words
    /// before it agreeing.
    private func glossaryName(_ index: Int, _ folded: String, in sentence: AnnotatedSentence) -> String? {
        for ending in Self.endings where folded.hasSuffix(ending) && folded.count >= ending.count + 3 {
            let stem = String(folded.dropLast(ending.count))
            var stems = [stem]
            if stem.hasSuffix("i") { stems.append(String(stem.dropLast())) }  // Hill-i-llä
            if stem.hasSuffix("se") { stems.append(String(stem.dropLast(2)) + "nen") }  // Heikki-se-n
            if ending == "n", let last = stem.last, "aeiouy".contains(last),
                stem.dropLast().last == last
            {
                stems.append(String(stem.dropLast()))  // Kallio-o-n: the illative
            }
            for candidate in stems {
                guard let entries = names[candidate] else { continue }
                for entry in entries where index >= entry.before.count {
                    let start = index - entry.before.count
                    if entry.before.indices.allSatisfy({ sentence.folded[start + $0] == entry.before[$0] }) {
                        return entry.name
                    }
                }
            }
        }
        return nil
    }

    /// Voikko's reading of a capitalised word as a surname or place name in a case other than
    /// the nominative, when it has no reading as a word of its own.
    private func inflectedName(_ index: Int, in sentence: AnnotatedSentence, article: AnnotatedArticle)
        -> MorphAnalysis?
    {
        let readings = facts.readings(article.document.bytes, sentence.words[index].range)
        guard !readings.isEmpty else { return nil }
        let word = sentence.text(index, in: article)
        guard !readings.contains(where: { $0.isNominative || $0.baseform == word }) else { return nil }
        return readings.first { reading in
            guard reading.isSurname || reading.wordClass == "paikannimi", let grammaticalCase = reading.grammaticalCase
            else { return false }
            // A genitive "-n" is a foreign name's own ending far too often (Milan, Jordan);
            // "-sen" of a "-nen" name never is.
            if grammaticalCase == "omanto" { return reading.baseform.hasSuffix("nen") && word.hasSuffix("sen") }
            return true
        }
    }
}
