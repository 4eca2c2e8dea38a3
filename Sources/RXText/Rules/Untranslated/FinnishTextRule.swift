/// Finnish left in the English text: a whole sentence (most of its words are common Finnish words
/// or look Finnish), or single Finnish words from the glossary's list. No network, no model: a
/// word list and the letters Finnish uses.
struct FinnishTextRule: Rule {
    static let description = RuleDescription(
        id: "untranslated.finnish",
        severity: .error,
        summary: "Finnish words or a whole Finnish sentence left untranslated.",
        flagged: [
            Example("⟦Kausi oli todella hyvä ja olen tyytyväinen.⟧"),
            Example("He said the weekend was ⟦todella⟧ good for the team."),
            // Listed words are matched folded, like the text: "hyvä" as well as "todella".
            Example("He said the weekend was ⟦todella⟧ ⟦hyvä⟧ for the team."),
        ],
        unflagged: [
            Example("The season was really good and I am satisfied."),
            Example("Jesse Kallio drove at Hämeenlinna and Jyväskylä."),
            Example("The Höljes round was run in the rain."),
        ])

    init(_ context: RuleContext) {}

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        // Both findings need a word of the Finnish list.
        guard sentence.traitsPresent.contains(.sourceWord) else { return [] }
        if Self.isFinnishSentence(sentence, in: article) {
            return [flag(sentence.range, in: sentence, message: "this sentence looks Finnish: it was not translated")]
        }
        var listed: [Int] = []
        for (index, traits) in sentence.traits.enumerated()
        where traits.contains(.word) && traits.contains(.sourceWord)
            && traits.isDisjoint(with: [.inEntity, .capitalized])
        {
            listed.append(index)
        }
        return listed.map { i in
            flag(
                sentence.range(i..<(i + 1)), in: sentence,
                message: "'\(sentence.text(i, in: article))' is a Finnish word left untranslated")
        }
    }

    /// Whether this rule flags the sentence whole: three words or more, most of them common
    /// Finnish words or Finnish-looking. `untranslated.finnish-word` leaves such sentences to it.
    static func isFinnishSentence(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> Bool {
        guard sentence.traitsPresent.contains(.sourceWord) else { return false }
        // One pass over the words' traits (the word list was consulted in annotation).
        var wordCount = 0
        var inList = 0
        for traits in sentence.traits where traits.contains(.word) && !traits.contains(.inEntity) {
            wordCount += 1
            if traits.contains(.sourceWord) { inList += 1 }
        }
        // Every Finnish sentence has some common Finnish word (ja, on, oli, ...): without one,
        // the costlier spelling test is not needed.
        guard wordCount >= 3 && inList > 0 else { return false }
        var finnishLike = inList
        for (index, traits) in sentence.traits.enumerated()
        where traits.contains(.word) && traits.isDisjoint(with: [.inEntity, .sourceWord, .capitalized])
            && looksFinnish(index, in: sentence, article: article)
        {
            finnishLike += 1
        }
        return finnishLike * 2 > wordCount
    }

    private static let doubles: Set<UInt8> = Set("aiuyktp".utf8)

    /// A doubled letter typical of Finnish ("aa", "kk", ...), checked on bytes.
    private static func hasFinnishDouble(_ folded: String) -> Bool {
        var previous: UInt8 = 0
        for byte in folded.utf8 {
            if byte == previous && doubles.contains(byte) { return true }
            previous = byte
        }
        return false
    }
    private static let endings = ["ssa", "sta", "lla", "lta", "nen", "ksi", "ista", "aan", "ut", "yt", "nsa"]

    /// Finnish spelling: ä or ö, or a double letter with a typical Finnish ending; and not English.
    /// Cheap letter checks come first; the word list is consulted last.
    static func looksFinnish(_ index: Int, in sentence: AnnotatedSentence, article: AnnotatedArticle) -> Bool {
        let folded = sentence.folded[index]
        guard folded.count >= 3 else { return false }
        let range = sentence.words[index].range
        let raw = article.document.bytes[range.start..<range.end]
        // ä, ö, Ä, Ö in UTF-8 (NFC); the folded form has lost them.
        var umlaut = false
        for (a, b) in zip(raw, raw.dropFirst()) where a == 0xC3 && (b == 0xA4 || b == 0xB6 || b == 0x84 || b == 0x96) {
            umlaut = true
            break
        }
        let pattern = umlaut || (hasFinnishDouble(folded) && endings.contains { folded.hasSuffix($0) })
        return pattern && !article.lexicon.english.contains(folded)
    }
}
