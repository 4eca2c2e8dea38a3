/// Characters an editor cannot see: bidirectional controls (U+202E can reverse text on screen,
/// "Trojan Source") and zero-width characters. Text scraped from the web carries them; they can
/// hide words from a reviewer, so each is reported with its code point.
struct InvisibleCharacterRule: Rule {
    static let description = RuleDescription(
        id: "security.invisible-character",
        severity: .error,
        summary: "A bidirectional control or zero-width character that can hide text from an editor.",
        flagged: [
            Example("The winner was ⟦\u{202E}⟧oilaK.", fixed: "The winner was oilaK."),
            Example("Kal⟦\u{200B}⟧lio won at Hell.", fixed: "Kallio won at Hell."),
        ],
        unflagged: [
            Example("Kallio won at Hell."),
            Example("The family emoji 👨‍👩‍👧 joins with zero-width joiners on purpose."),
        ])

    init(_ context: RuleContext) {}

    /// Whether a sentence has a byte that starts a character of `invisible`, eight bytes at a
    /// time.
    private static func hasLeadByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteWords.contains(
            bytes,
            wordHas: { word in
                !ByteWords.isASCII(word)
                    && (ByteWords.hasByte(0xE2, in: word) || ByteWords.hasByte(0xEF, in: word)
                        || ByteWords.hasByte(0xD8, in: word))
            },
            byte: { $0 == 0xE2 || $0 == 0xEF || $0 == 0xD8 })
    }

    /// Bidi embeddings, overrides and isolates; zero-width space, non-joiner, marks; word joiner;
    /// a byte order mark inside the text.
    static let invisible: Set<UInt32> = [
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200B, 0x200C, 0x200E, 0x200F, 0x2060,
        0xFEFF, 0x061C,
    ]

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        let bytes = article.document.bytes
        // Every character of the set starts with E2, EF (three bytes: U+200B to U+FEFF) or D8
        // (two: U+061C): most sentences have none of those bytes, and one pass over the bytes
        // rules them out.
        let mayHave = bytes.withUnsafeBufferPointer { buffer in
            Self.hasLeadByte(UnsafeBufferPointer(rebasing: buffer[sentence.range.start..<sentence.range.end]))
        }
        guard mayHave else { return [] }
        var flags: [Diagnostic] = []
        var offset = sentence.range.start
        while offset < sentence.range.end {
            let lead = bytes[offset]
            let width = UTF8Scalars.sequenceLength(lead)
            if lead == 0xE2 || lead == 0xEF || lead == 0xD8, let scalar = UTF8Scalars.scalar(at: offset, in: bytes),
                Self.invisible.contains(scalar.value)
            {
                let code = "U+" + String(scalar.value, radix: 16, uppercase: true)
                flags.append(
                    flag(
                        ByteRange(offset, offset + width), in: sentence,
                        message:
                            "invisible character \(code) (\(Self.name(scalar.value))): it can hide or reorder text",
                        fix: Fix(replacement: "", safe: true)))
            }
            offset += width
        }
        return flags
    }

    static func name(_ value: UInt32) -> String {
        switch value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: "bidirectional control"
        case 0xFEFF: "byte order mark inside the text"
        default: "zero-width character"
        }
    }
}
