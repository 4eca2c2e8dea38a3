/// Finnish words the glossaries do not list, found by Voikko: inflected and compounded forms
/// ("SM-sarjassa", the "-luokka" of "Supercar-luokka"), words such as "autokrossi" and "betoni",
/// town demonyms ("porilainen"), and whole sentences left in Finnish that the word list alone
/// misses. A word is flagged when Voikko analyses it as Finnish (and not as a name) and the
/// English word list does not know it; a capitalised one only when it is inflected, in a
/// motorsport article. The suggestion gives the base form's English from FreeDict where it is
/// installed.
///
/// Off without libvoikko and voikko-fi. Names with Finnish endings are `untranslated.case-ending`'s.
struct FinnishWordRule: Rule {
    static let description = RuleDescription(
        id: "untranslated.finnish-word",
        severity: .error,
        summary: "A Finnish word (inflected or compounded) or sentence left in the English text, found by Voikko.",
        flagged: [
            Example("He raced in the Supercar-⟦luokka⟧ last year.", needs: [.morphology]),
            Example("He was third in the SRC-⟦luokassa⟧ after Kouvola.", needs: [.morphology]),
            Example("The ⟦autokrossi⟧ season starts in May.", needs: [.morphology]),
            Example("The ⟦porilainen⟧ driver won at home.", needs: [.morphology]),
            Example("The start area is ⟦betoni⟧ and gravel.", needs: [.morphology]),
            Example("Bakkerud won at Höljes. ⟦Harjoituksissa⟧ he was second.", needs: [.morphology]),
            Example("⟦Kilpailun voittaja ratkesi vasta viimeisellä kierroksella.⟧", needs: [.morphology]),
        ],
        unflagged: [
            Example("He raced in the Supercar class last year."),
            Example("A sauna after the final was welcome."),
            Example("Kallio drove a Ford Fiesta at Höljes and Kouvola."),
            // A Finnish compound written as a name is a surname until shown otherwise.
            Example("Lautamäki won at Höljes."),
            Example("The rallycross season starts in May."),
            // Left to untranslated.finnish, which lists these words.
            Example("He said the weekend was todella good for the team."),
        ],
        needs: [.morphology], alsoUses: [.dictionary])

    let voikko: Voikko?
    let dictionary: FreeDictionary?
    /// English and Voikko's readings of each word, shared with the other source-language rules.
    let facts: WordFacts

    /// Shorter words are English or listed far more often than Finnish left over.
    static let shortestWord = 4

    init(_ context: RuleContext) {
        voikko = context.language.morphology
        dictionary = context.language.dictionary
        facts = context.wordFacts
    }

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        guard voikko != nil else { return [] }
        var found: [(index: Int, reading: MorphAnalysis)] = []
        let motorsport = article.namesMotorsport
        for (index, traits) in sentence.traits.enumerated()
        where traits.contains(.word) && traits.isDisjoint(with: [.inMatch, .sourceWord]) {
            let capitalized = traits.contains(.capitalized)
            if capitalized && !motorsport { continue }
            guard let readings = finnishReadings(index, in: sentence, article: article),
                !capitalized || Self.isInflected(readings[0], of: readings)
            else { continue }
            found.append((index, readings[0]))
        }
        guard !found.isEmpty else { return [] }
        if FinnishTextRule.isFinnishSentence(sentence, in: article) { return [] }
        if found.count >= 2 && isFinnishSentence(sentence, in: article) {
            return [flag(sentence.range, in: sentence, message: "this sentence is Finnish: it was not translated")]
        }
        return found.map { index, reading in
            let text = sentence.text(index, in: article)
            let glosses = gloss(reading)
            let base = reading.baseform == text ? "" : ", a form of '\(reading.baseform)'"
            let meaning = glosses.isEmpty ? "" : ": \(glosses.prefix(3).joined(separator: ", "))"
            return flag(
                sentence.range(index..<(index + 1)), in: sentence,
                message: "'\(text)' is Finnish\(base)\(meaning); it was not translated",
                suggestions: Array(glosses.prefix(3)))
        }
    }

    /// A capitalised word is a name far more often than Finnish left over ("Lautamäki" is a
    /// compound to Voikko and a surname in the glossaries): it counts only when every reading is
    /// an inflected form ("Kilpailussa", "Kauden"), in a motorsport article.
    static func isInflected(_ reading: MorphAnalysis, of readings: [MorphAnalysis]) -> Bool {
        readings.allSatisfy { $0.grammaticalCase != nil && !$0.isNominative }
    }

    /// Voikko's readings of word `index` as a common Finnish word (the first is the one
    /// reported), when the English word list does not know it.
    private func finnishReadings(_ index: Int, in sentence: AnnotatedSentence, article: AnnotatedArticle)
        -> [MorphAnalysis]?
    {
        // A word the lexicon knows is a glossary word: English, or Finnish that other rules flag.
        guard sentence.wordIDs[index] < 0 else { return nil }
        let range = sentence.words[index].range
        let bytes = article.document.bytes
        guard FinnishSpelling.mayBeWord(bytes, range), FinnishSpelling.letterCount(bytes, range) >= Self.shortestWord,
            !facts.isEnglish(bytes, range)
        else { return nil }
        let readings = facts.readings(bytes, range)
        guard !readings.isEmpty, !readings.contains(where: \.isName) else { return nil }
        return readings
    }

    /// Most words of the sentence are Finnish (listed, or common words to Voikko that are not
    /// English words), of three or more.
    private func isFinnishSentence(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> Bool {
        var words = 0
        var finnish = 0
        for (index, traits) in sentence.traits.enumerated() where traits.contains(.word) && !traits.contains(.inEntity)
        {
            words += 1
            if traits.contains(.sourceWord) {
                finnish += 1
            } else if case let range = sentence.words[index].range, !facts.isEnglish(article.document.bytes, range),
                facts.readings(article.document.bytes, range).contains(where: { !$0.isName })
            {
                finnish += 1
            }
        }
        return words >= 3 && finnish * 2 > words
    }

    /// English for a reading: a town's demonym as "from Pori", else the base form's glosses,
    /// else its parts' ("auto + krossi").
    private func gloss(_ reading: MorphAnalysis) -> [String] {
        if let place = reading.parts.first, reading.parts.count == 1, place.first?.isUppercase == true,
            reading.baseform.hasSuffix("lainen") || reading.baseform.hasSuffix("läinen")
        {
            return ["from \(place)"]
        }
        guard let dictionary else { return [] }
        let whole = dictionary.glosses(reading.baseform.lowercased())
        if !whole.isEmpty { return whole }
        let parts = reading.parts.map { $0.lowercased() }
        guard parts.count > 1 else { return [] }
        let glossed = parts.map { dictionary.glosses($0).first }
        guard glossed.allSatisfy({ $0 != nil }) else { return [] }
        return [glossed.compactMap { $0 }.joined(separator: " ")]
    }
}
