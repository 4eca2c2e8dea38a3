/// A word that mixes scripts the way look-alike spoofs do: a Cyrillic "а" inside a Latin name
/// ("Kаllio") looks right and matches nothing. ICU's spoof checker decides (highly restrictive
/// level); only words with non-ASCII letters are checked.
struct MixedScriptRule: Rule {
    static let description = RuleDescription(
        id: "security.mixed-script",
        severity: .error,
        summary: "A word mixing look-alike letters from different scripts (Latin with Cyrillic or Greek).",
        flagged: [
            Example("⟦K\u{0430}llio⟧ won at Hell."),
            Example("The ⟦rallycr\u{03BF}ss⟧ season."),
        ],
        unflagged: [
            Example("Baciuška won at Riga, ahead of Nuriev."),
            Example("Москва and Αθήνα are written in their own scripts."),
        ])

    init(_ context: RuleContext) {}

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        // Mixing scripts needs a byte outside ASCII, which annotation noted; most words have none.
        guard sentence.traitsPresent.isSuperset(of: [.word, .outsideASCII]) else { return [] }
        let bytes = article.document.bytes
        var flags: [Diagnostic] = []
        for (index, traits) in sentence.traits.enumerated() where traits.isSuperset(of: [.word, .outsideASCII]) {
            let token = sentence.words[index]
            guard bytes[token.range.start..<token.range.end].withUnsafeBufferPointer(WordCache.current.mixesScripts)
            else { continue }
            flags.append(
                flag(
                    token.range, in: sentence,
                    message:
                        "'\(sentence.text(index, in: article))' mixes letters of different scripts: \(Self.scripts(article.document.text(token.range)))"
                ))
        }
        return flags
    }

    /// "Latin, Cyrillic U+0430": the code points outside ASCII, to show what is hiding.
    static func scripts(_ word: String) -> String {
        word.unicodeScalars.filter { !$0.isASCII }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
            .joined(separator: " ")
    }
}
