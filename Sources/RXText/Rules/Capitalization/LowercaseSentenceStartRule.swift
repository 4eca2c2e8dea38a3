/// A sentence, or a quote after a dialogue dash, that starts in lower case: "– what we are doing
/// ...". Machine translation loses the capital when it reorders a Finnish quote.
struct LowercaseSentenceStartRule: Rule {
    static let description = RuleDescription(
        id: "capitalization.sentence-start",
        severity: .warning,
        summary: "A sentence or a dialogue quote that starts with a lower-case letter.",
        flagged: [
            Example(
                "– ⟦what⟧ we did this season was enough, Kallio said.",
                fixed: "– What we did this season was enough, Kallio said."),
            Example("The season ended. ⟦it⟧ was hard work.", fixed: "The season ended. It was hard work."),
        ],
        unflagged: [
            Example("– What we did this season was enough, Kallio said."),
            Example("eBay and iPhone start in lower case by design."),
            Example("The season ended in October.\n\n3 wins came in the spring."),
            Example("He said: “we will see.”"),
        ])

    /// Names written with a lower-case first letter on purpose.
    static let exceptions: Set<String> = ["ebay", "iphone", "ipad", "e-mail", "x", "de", "van", "von", "der"]

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Flag] {
        guard let first = sentence.words.indices.first(where: { sentence.words[$0].kind == .word }) else { return [] }
        // Only the first token may come before the word: an opening dash or quotation mark.
        guard first == 0 || (first == 1 && Self.isOpener(sentence.text(0, in: article))) else { return [] }
        guard sentence.isLowercaseStart(first, in: article), !Self.exceptions.contains(sentence.folded[first]) else {
            return []
        }
        let word = sentence.text(first, in: article)
        if word.dropFirst().contains(where: { $0.isUppercase }) { return [] }  // camel case: a name such as eBay
        let replacement = word.capitalizingFirstLetter
        return [
            flag(
                sentence.range(first..<(first + 1)), in: sentence,
                message: "'\(word)' starts a sentence: capitalise it",
                suggestions: [replacement], fix: Fix(replacement: replacement, safe: true))
        ]
    }

    static func isOpener(_ text: String) -> Bool {
        ["–", "—", "-", "―"].contains(text)
    }
}
