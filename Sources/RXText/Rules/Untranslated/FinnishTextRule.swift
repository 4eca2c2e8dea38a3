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
        ],
        unflagged: [
            Example("The season was really good and I am satisfied."),
            Example("Jesse Kallio drove at Hämeenlinna and Jyväskylä."),
            Example("The Höljes round was run in the rain."),
        ])

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Flag] {
        let finnish = article.lexicon.finnishWords
        var entity = Set<Int>()
        for match in sentence.matches where match.entry.category == .entity { entity.formUnion(match.tokens) }
        let wordIndexes = sentence.words.indices.filter { sentence.isWord($0) && !entity.contains($0) }
        guard !wordIndexes.isEmpty else { return [] }
        let finnishLike = wordIndexes.filter {
            finnish.contains(sentence.folded[$0].lowercased())
                || Self.looksFinnish(sentence.folded[$0], english: EnglishWords.shared)
                    && !sentence.isCapitalized($0, in: article)
        }
        if wordIndexes.count >= 3 && finnishLike.count * 2 > wordIndexes.count {
            return [flag(sentence.range, in: sentence, message: "this sentence looks Finnish: it was not translated")]
        }
        return wordIndexes.filter { finnish.contains(sentence.folded[$0]) && !sentence.isCapitalized($0, in: article) }
            .map { i in
                flag(
                    sentence.range(i..<(i + 1)), in: sentence,
                    message: "'\(sentence.text(i, in: article))' is a Finnish word left untranslated")
            }
    }

    /// Finnish spelling: ä, ö or y with a double vowel, or a typical Finnish ending; not English.
    static func looksFinnish(_ folded: String, english: EnglishWords) -> Bool {
        guard folded.count >= 3, !english.contains(folded) else { return false }
        if folded.contains("ä") || folded.contains("ö") { return true }
        let doubles = ["aa", "ii", "uu", "yy", "kk", "tt", "pp"]
        let endings = [
            "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "nen", "ksi", "ista", "ään", "aan", "ut", "yt",
            "nsa",
        ]
        let doubled = doubles.contains { folded.contains($0) }
        let ending = endings.contains { folded.hasSuffix($0) }
        return doubled && ending
    }
}
