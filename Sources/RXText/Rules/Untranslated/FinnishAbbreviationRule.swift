/// Finnish championship abbreviations left untranslated: EM (Euroopan mestaruus, European
/// Championship), MM (World Championship), SM (Finnish Championship), also inside compounds
/// ("EM-debut", "EM-points") and glued to a year ("EM16").
struct FinnishAbbreviationRule: Rule {
    static let description = RuleDescription(
        id: "untranslated.abbreviation",
        severity: .error,
        summary: "A Finnish championship abbreviation (EM, MM, SM) left in the English text.",
        flagged: [
            Example("He contested the full ⟦EM⟧ series in 2018."),
            Example("A successful ⟦EM⟧-debut two years ago helped."),
            Example("He raced in the ⟦EM⟧16 Super1600 class."),
            Example("Grönholm was seventh in the ⟦MM⟧ points."),
            // Digits other than ASCII take the slower path past the ASCII capitals gate.
            Example("He raced in the ⟦EM⟧١٦ season."),
        ],
        unflagged: [
            Example("He contested the full European Championship in 2018."),
            Example("The gap was 12 mm at the front splitter."),
            Example("The final started at 3 pm."),
            Example("Emma and Sam were in the grandstand."),
            Example("Höljes and Åmål were both wet; ÉMILE was not there."),
        ])

    let table: AbbreviationTable

    init(_ context: RuleContext) {
        table = AbbreviationTable(glossary: context.glossary)
    }

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        // With keys of two capitals or more, so must a word start: most sentences have none.
        if table.keysAreASCIICapitalPairs && !sentence.traitsPresent.contains(.capitalPair) { return [] }
        var flags: [Diagnostic] = []
        // An abbreviation starts with a capital (`lookup` checks the byte): the token's trait
        // rules out most words first.
        for i in sentence.words.indices
        where sentence.isCapitalized(i) && (sentence.isWord(i) || sentence.words[i].kind == .number) {
            guard let (abbreviation, english) = table.lookup(sentence.words[i].range, in: article.document.bytes)
            else { continue }
            let text = sentence.text(i, in: article)
            let range = ByteRange(
                sentence.words[i].range.start, sentence.words[i].range.start + abbreviation.utf8.count)
            let hyphenated = i + 1 < sentence.words.count && sentence.text(i + 1, in: article) == "-"
            let form = hyphenated ? "'\(abbreviation)-'" : "'\(text)'"
            flags.append(
                flag(
                    range, in: sentence,
                    message: "\(form) is the Finnish abbreviation for the \(english): translate it",
                    suggestions: [english]))
        }
        return flags
    }
}

/// Upper-case Finnish abbreviations and their English, from the championship glossary's
/// `finnish` forms and `untranslated.yaml` entries marked `exact`.
final class AbbreviationTable: Sendable {
    let english: [String: String]

    init(glossary: Glossary) {
        var table: [String: String] = [:]
        for championship in glossary.championships {
            for abbreviation in championship.finnish where abbreviation.allSatisfy({ $0.isUppercase }) {
                table[abbreviation] = Self.shortName(championship)
            }
        }
        for entry in glossary.untranslated where entry.exact && entry.finnish.allSatisfy({ $0.isUppercase }) {
            table[entry.finnish] = entry.right.first ?? entry.finnish
        }
        english = table
        keysAreASCIICapitalPairs = table.keys.allSatisfy { key in
            key.utf8.count >= 2 && key.utf8.allSatisfy(UTF8Scalars.isASCIIUppercase)
        }
    }

    /// Every key is two or more ASCII capitals (EM, SM): then a word matches only if its first
    /// two bytes are ASCII capitals, which rules out names such as "Höljes" without a `String`.
    let keysAreASCIICapitalPairs: Bool

    /// "FIA European Rallycross Championship" reads as "European Championship" in running text.
    private static func shortName(_ championship: Glossary.Championship) -> String {
        championship.aliases.first { $0.hasSuffix("Championship") && !$0.contains("Rallycross") } ?? championship.name
    }

    /// The abbreviation and its English if the word at `range` is one, or one followed by digits
    /// ("EM16").
    func lookup(_ range: ByteRange, in text: [UInt8]) -> (String, String)? {
        // Abbreviations are short and start with a capital ASCII letter: most words stop here,
        // before a slice or a string is made.
        guard !range.isEmpty, range.count <= 8, UTF8Scalars.isASCIIUppercase(text[range.start]) else {
            return nil
        }
        // With keys of two capitals or more, so must the word start ("The" stops here).
        if keysAreASCIICapitalPairs
            && !(range.count > 1 && UTF8Scalars.isASCIIUppercase(text[range.start + 1]))
        {
            return nil
        }
        let word = text[range.start..<range.end]
        guard word.allSatisfy({ $0 < 0x80 }) else { return lookup(String(decoding: word, as: UTF8.self)) }
        let letters = word.prefix { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        let rest = word[letters.endIndex...]
        // Table keys are all capitals: "Emma" and "Sam" stop here.
        guard letters.allSatisfy({ $0 <= 0x5A }), rest.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let abbreviation = String(decoding: letters, as: UTF8.self)
        guard let english = english[abbreviation] else { return nil }
        return (abbreviation, english)
    }

    private func lookup(_ word: String) -> (String, String)? {
        if let english = english[word] { return (word, english) }
        let letters = String(word.prefix { $0.isLetter })
        guard letters.count < word.count, let english = english[letters],
            word.dropFirst(letters.count).allSatisfy({ $0.isNumber })
        else { return nil }
        return (letters, english)
    }

}
