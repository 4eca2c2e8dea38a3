/// Quoted speech: Finnish articles open a quote paragraph with a dash ("– Well, ..."), and use
/// quotation marks for short quotes inside a sentence.
enum Dialogue {
    /// Dashes that open a dialogue paragraph: en dash, em dash, horizontal bar, or a hyphen
    /// followed by a space.
    static func opensWithDash(_ range: ByteRange, in bytes: [UInt8]) -> Bool {
        guard let first = UTF8Scalars.scalar(at: range.start, in: bytes) else { return false }
        switch first {
        case "\u{2013}", "\u{2014}", "\u{2015}": return true
        case "-":
            let next = range.start + 1
            return next < range.end && (bytes[next] == 0x20 || bytes[next] == 0x09)
        default: return false
        }
    }

    /// The width of the dialogue dash and the spaces after it, or 0.
    static func dashPrefixLength(_ range: ByteRange, in bytes: [UInt8]) -> Int {
        guard opensWithDash(range, in: bytes) else { return 0 }
        var offset = range.start + UTF8Scalars.sequenceLength(bytes[range.start])
        while offset < range.end && (bytes[offset] == 0x20 || bytes[offset] == 0x09) { offset += 1 }
        return offset - range.start
    }

    private static let openers: Set<Unicode.Scalar> = ["\u{201C}", "\u{201E}", "\u{00AB}", "\"", "\u{201D}"]
    private static let closers: Set<Unicode.Scalar> = ["\u{201D}", "\u{00BB}", "\"", "\u{201C}"]

    /// Spans from an opening to a matching closing quotation mark, marks included. Straight and
    /// Finnish-style (”…”) quotes open after a space or the start and close before anything.
    static func quotedSpans(in range: ByteRange, of bytes: [UInt8]) -> [ByteRange] {
        var spans: [ByteRange] = []
        var openedAt: Int? = nil
        var offset = range.start
        var previous: Unicode.Scalar? = nil
        while offset < range.end {
            let lead = bytes[offset]
            let width = UTF8Scalars.sequenceLength(lead)
            // Every quotation mark is '"' or starts with byte C2 (« ») or E2 (“ ” „): skip the
            // rest without decoding, remembering only whether it was a space or an opener context.
            guard lead == 0x22 || lead == 0xC2 || lead == 0xE2, let scalar = UTF8Scalars.scalar(at: offset, in: bytes)
            else {
                previous = lead < 0x80 ? Unicode.Scalar(lead) : UTF8Scalars.scalar(at: offset, in: bytes)
                offset += width
                continue
            }
            if let start = openedAt {
                if closers.contains(scalar) {
                    spans.append(ByteRange(start, offset + width))
                    openedAt = nil
                }
            } else if openers.contains(scalar) {
                let afterBoundary =
                    previous.map { $0.properties.isWhitespace || "([–—-".unicodeScalars.contains($0) } ?? true
                if afterBoundary { openedAt = offset }
            }
            previous = scalar
            offset += width
        }
        return spans
    }
}
