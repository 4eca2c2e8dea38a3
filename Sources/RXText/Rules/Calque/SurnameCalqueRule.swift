/// A Finnish surname translated as a common noun: Kallio (rock) as "the Rock", Kalliokoski
/// (rock + rapids) as "Rock Rapids". Driven by the drivers' literal meanings in the glossary; it
/// fires when the driver is named in the article, when the form is "the X" and means a single
/// driver, or when the driver's own first name stands before it ("Matti Downhill" for Matti
/// Alamäki, who is not named in full).
///
/// With Voikko (and FreeDict, where installed) it also finds surnames the glossaries do not
/// list, in motorsport articles: a Finnish first name (a glossary driver's, or one Voikko tags
/// as a first name that is not an English word) followed by one or two capitalised English
/// words that compose back into a Finnish surname (`SurnameComposer`): "Ari-Pekka Cape" (Niemi),
/// "Teemu Aspen Hill" (Haapamäki).
struct SurnameCalqueRule: Rule {
    static let description = RuleDescription(
        id: "calque.surname",
        severity: .error,
        summary: "A Finnish surname (or venue name) rendered as its literal English meaning (Kallio as \"the Rock\").",
        flagged: [
            Example("Jesse Kallio won at Hell. A colourful season on ⟦the Rock⟧."),
            Example("Jere Kalliokoski reached the final. ⟦Rock Rapids⟧ was sixth."),
            Example("There is no news yet from the camp of ⟦the Grindstone⟧."),
            // No full name in the article: the first name is the anchor.
            Example("Matti ⟦Downhill⟧ was fifth."),
            Example("In the final, Jesse ⟦Rock⟧ took the lead."),
            // Composed from the parts' meanings, for surnames the glossaries do not list.
            Example("Ari-Pekka ⟦Cape⟧ was second in the Supercar final.", needs: [.morphology]),
            Example("Teemu ⟦Aspen Hill⟧ won his heat in the Supercar class.", needs: [.morphology]),
            Example("Jussi ⟦Smith⟧ was fourth in the Supercar final.", needs: [.morphology, .dictionary]),
            // Two words that compose into a glossary driver's surname need no first name:
            // Kalliokoski, Perkiömäki.
            Example("The car of ⟦Rock Rapids⟧ Motorsport won the Supercar final.", needs: [.morphology]),
            Example("⟦Perkiö Hill⟧ was third in the Supercar final.", needs: [.morphology]),
            // The same for venues in Finland: Tykkimäki (tykki = cannon, mäki = hill).
            Example("The Supercar round at ⟦Cannon Hill⟧ was wet.", needs: [.morphology, .dictionary]),
        ],
        unflagged: [
            Example("Jesse Kallio won at Hell. The track is built on rock."),
            Example("Rock music played in the paddock."),
            Example("The crowd sat on the hill above the joker lap."),
            // A first name is no anchor before a word that is not capitalised, nor before the
            // literal of another driver's surname ("Damon Hill" is no Matti).
            Example("Matti drove downhill to the paddock."),
            Example("Winter Rock was the festival in the paddock."),
            Example("Matti Rock was fifth."),
            // English first names, and articles that are not about motorsport.
            Example("John Smith was fourth in the Supercar final."),
            Example("Jussi Smith was fourth in the spelling contest."),
            Example("Rock music played in the paddock after the Supercar final."),
            Example("Grand Hill was third in the Supercar final."),
        ],
        needs: [.morphology, .dictionary], runsWithout: true)

    /// Drivers by their folded first name (the name without the surname: "matti" for Matti
    /// Alamäki, "ari-pekka" for Ari-Pekka Niemi).
    let firstNames: [String: [Int]]

    /// Composes unlisted surnames; nil without Voikko.
    let composer: SurnameComposer?
    /// English and Voikko's readings of each word, shared with the other source-language rules.
    let facts: WordFacts

    init(_ context: RuleContext) {
        firstNames = Self.firstNames(context.glossary)
        facts = context.wordFacts
        composer = context.language.morphology.map {
            SurnameComposer(glossary: context.glossary, voikko: $0, dictionary: context.language.dictionary)
        }
    }

    static func firstNames(_ glossary: Glossary) -> [String: [Int]] {
        var names: [String: [Int]] = [:]
        for (index, driver) in glossary.drivers.enumerated() {
            guard driver.name.hasSuffix(driver.surname), driver.name.count > driver.surname.count else { continue }
            let first = driver.name.dropLast(driver.surname.count).split(separator: " ").first.map(String.init)
            guard let first, first.first?.isUppercase == true else { continue }
            names[ICU.fold(first), default: []].append(index)
        }
        return names
    }

    /// The drivers whose first name is the word before token `start`, when it is one.
    func firstNameDrivers(before start: Int, in sentence: AnnotatedSentence, article: AnnotatedArticle) -> [Int]? {
        guard start > 0, sentence.isWord(start - 1), sentence.isCapitalized(start - 1),
            sentence.adjacent(start - 1, in: article)
        else { return nil }
        return firstNames[sentence.folded[start - 1]]
    }

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        let named = article.driversMentioned
        var flags: [Diagnostic] = []
        for match in sentence.matches {
            guard case .surnameLiteral(let drivers) = match.entry else { continue }
            let start = match.tokens.lowerBound
            let preceded = start > 0 && sentence.folded[start - 1] == "the"
            let inArticle = drivers.filter(named.contains)
            let candidates: [Int]
            if !inArticle.isEmpty {
                candidates = inArticle
            } else if preceded && drivers.count == 1 {
                candidates = drivers
            } else if let named = firstNameDrivers(before: start, in: sentence, article: article),
                case let same = drivers.filter(named.contains), !same.isEmpty
            {
                // A driver's own first name before the literal of his surname.
                candidates = same
            } else {
                continue
            }
            // A single sentence-initial capital proves nothing unless "the" makes it a name;
            // two capitalised words ("Rock Rapids") do.
            if start == 0 && !preceded && match.tokens.count < 2 { continue }
            let surnames = candidates.map { article.lexicon.glossary.drivers[$0].surname }
            let range = preceded ? sentence.range((start - 1)..<match.tokens.upperBound) : match.range
            let finnish = candidates.map { article.lexicon.glossary.drivers[$0].name }.joined(separator: " or ")
            flags.append(
                flag(
                    range, in: sentence,
                    message:
                        "'\(article.document.text(match.range))' looks like the surname of \(finnish) translated word for word",
                    suggestions: surnames))
        }
        if let composer, article.namesMotorsport {
            let flagged = flags.map(\.range)
            flags += composed(sentence, in: article, composer: composer).filter { found in
                !flagged.contains { $0.overlaps(found.range) }
            }
        }
        return flags
    }

    /// Capitalised English words after a Finnish first name that compose into a Finnish surname.
    private func composed(_ sentence: AnnotatedSentence, in article: AnnotatedArticle, composer: SurnameComposer)
        -> [Diagnostic]
    {
        // Every window has a capitalised word past the first that names no entity: most
        // sentences have none, and their traits say so without a word being read.
        guard
            sentence.traits.dropFirst().contains(where: {
                $0.contains(.capitalized) && !$0.contains(.inEntity) && $0.contains(.word)
            })
        else { return [] }
        var flags: [Diagnostic] = []
        let bytes = article.document.bytes
        /// Word `index` may be a rendered surname part: a capitalised word that names no entity
        /// (a glossary driver's literal, "Aspen Hill" after another first name, may), after a
        /// space.
        func part(_ index: Int) -> Bool {
            index < sentence.words.count && sentence.isWord(index) && sentence.isCapitalized(index)
                && !sentence.traits[index].contains(.inEntity)
                && (index == 0 || sentence.adjacent(index - 1, in: article))
                && FinnishSpelling.isLetters(bytes, sentence.words[index].range) {
                    sentence.folded[index]
                }
        }
        var index = 0
        while index < sentence.words.count {
            defer { index += 1 }
            guard part(index) else { continue }
            // Without a first name only two words are read, the second rendering a surname word
            // ("Hill", "Rapids"): glossary names end in one. Most capitalised pairs stop here.
            let pair = part(index + 1) && composer.surnameWords[sentence.folded[index + 1]] != nil
            let anchored =
                index > 0 && sentence.isCapitalized(index - 1)
                && isFinnishFirstName(index - 1, in: sentence, article: article)
            if !pair && !anchored { continue }
            var found: (ByteRange, SurnameComposer.Composition)? = nil
            for length in [2, 1] where (index..<(index + length)).allSatisfy(part) {
                let tokens = index..<(index + length)
                // At least one English word; a word English does not know is taken as Finnish
                // already ("Perkiö Hill": Perkiömäki).
                let known = tokens.map { facts.isEnglish(bytes, sentence.words[$0].range) }
                guard known.contains(true), anchored || length == 2 else { continue }
                let words = tokens.map { sentence.text($0, in: article) }
                guard let composition = composer.surname(for: words, english: known) else { continue }
                // Without a first name, only a glossary driver's surname is evidence enough.
                guard anchored || composition.inGlossary else { continue }
                found = (sentence.range(tokens), composition)
                index += length - 1
                break
            }
            guard let (range, composition) = found else { continue }
            let text = article.document.text(range)
            flags.append(
                flag(
                    range, in: sentence,
                    message:
                        "'\(text)' looks like the Finnish \(composition.place ? "place name" : "surname") \(composition.surname) (\(composition.parts.joined(separator: " + "))) translated word for word",
                    suggestions: [composition.surname]))
        }
        return flags
    }

    /// Word `index` is a Finnish first name: a glossary driver's, or one Voikko tags as a first
    /// name that is not an English word ("Matti", "Pekka"; not "John").
    private func isFinnishFirstName(_ index: Int, in sentence: AnnotatedSentence, article: AnnotatedArticle) -> Bool {
        guard sentence.isWord(index), sentence.isCapitalized(index) else { return false }
        let range = sentence.words[index].range
        if facts.isEnglish(article.document.bytes, range) { return false }
        if firstNames[sentence.folded[index]] != nil { return true }
        let readings = facts.readings(article.document.bytes, range)
        guard readings.contains(where: \.isFirstName) else { return false }
        let text = sentence.text(index, in: article)
        return readings.contains { $0.isFirstName && $0.baseform == text }
    }
}
