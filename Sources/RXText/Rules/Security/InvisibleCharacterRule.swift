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
            Example("Kal⟦\u{200D}⟧lio won at Hell.", fixed: "Kallio won at Hell."),
            Example("Kal⟦\u{00AD}⟧lio won at Hell.", fixed: "Kallio won at Hell."),
            Example("Kallio⟦\u{3164}⟧ won at Hell.", fixed: "Kallio won at Hell."),
            Example("The winner⟦\u{FFA0}⟧ was Kallio.", fixed: "The winner was Kallio."),
        ],
        unflagged: [
            Example("Kallio won at Hell."),
            Example("The family emoji 👨‍👩‍👧 joins with zero-width joiners on purpose."),
        ])

    init(_ context: RuleContext) {}

    /// Whether a sentence has a byte that starts a character of `invisible` (or, for the soft
    /// hyphen, is its second byte), eight bytes at a time.
    private static func hasLeadByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteWords.contains(
            bytes,
            wordHas: { word in
                !ByteWords.isASCII(word)
                    && (ByteWords.hasByte(0xE2, in: word) || ByteWords.hasByte(0xEF, in: word)
                        || ByteWords.hasByte(0xD8, in: word) || ByteWords.hasByte(0xAD, in: word)
                        || ByteWords.hasByte(0xE3, in: word) || ByteWords.hasByte(0xE1, in: word))
            },
            byte: { isLeadByte($0) || $0 == 0xAD })
    }

    /// The first bytes of the characters of `invisible`: E2, EF, E3, E1 (three bytes), D8 and
    /// C2 (two: U+061C, U+00AD).
    private static func isLeadByte(_ byte: UInt8) -> Bool {
        byte == 0xE2 || byte == 0xEF || byte == 0xD8 || byte == 0xC2 || byte == 0xE3 || byte == 0xE1
    }

    /// Bidi embeddings, overrides and isolates; zero-width space, non-joiner, joiner (outside an
    /// emoji sequence, `isEmojiJoiner`), marks; word joiner; a byte order mark inside the text;
    /// the soft hyphen; the Hangul fillers, which render as blank space of a letter's width.
    static let invisible: Set<UInt32> = [
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
        0x2060, 0xFEFF, 0x061C, 0x00AD, 0x3164, 0xFFA0, 0x115F, 0x1160,
    ]

    /// A zero-width joiner between two emoji (👨‍👩‍👧, 🏳️‍🌈: a variation selector or a skin tone
    /// may come between) joins them on purpose.
    static func isEmojiJoiner(at offset: Int, in bytes: [UInt8]) -> Bool {
        func isEmoji(_ scalar: Unicode.Scalar) -> Bool { scalar.value > 0x7F && scalar.properties.isEmoji }
        func isModifier(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(scalar.value)
        }
        var before = offset
        var previous: Unicode.Scalar? = nil
        // A few modifiers at most: a long run of them is not an emoji sequence.
        for _ in 0..<4 {
            guard let (scalar, start) = UTF8Scalars.scalar(before: before, in: bytes) else { break }
            before = start
            if !isModifier(scalar) {
                previous = scalar
                break
            }
        }
        guard let previous, isEmoji(previous), let next = UTF8Scalars.scalar(at: offset + 3, in: bytes) else {
            return false
        }
        return isEmoji(next)
    }

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
            if Self.isLeadByte(lead), let scalar = UTF8Scalars.scalar(at: offset, in: bytes),
                Self.invisible.contains(scalar.value),
                scalar.value != 0x200D || !Self.isEmojiJoiner(at: offset, in: bytes)
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
        case 0x200D: "zero-width joiner outside an emoji sequence"
        case 0x00AD: "soft hyphen"
        case 0x3164, 0xFFA0, 0x115F, 0x1160: "Hangul filler"
        default: "zero-width character"
        }
    }
}
