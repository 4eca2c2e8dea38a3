#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits a document into paragraphs, sentences and tokens with ICU.
///
/// Streaming: `forEachSentence` holds one sentence's tokens at a time, so memory stays bounded on
/// huge files. Sentence breaking runs on a copy of each paragraph whose inner line breaks are
/// blanked to spaces (same byte length, so offsets are unchanged): hard-wrapped prose then
/// segments like flowing text. Not thread-safe; make one per task.
public final class Segmenter {
    private let words = BreakIterator(.word)
    private let sentences = BreakIterator(.sentence)

    public init() {}

    /// Calls `body` for every sentence of the document, in order. Without `tokenize` the
    /// sentences come without tokens, for a caller that splits them on other threads first.
    public func forEachSentence(
        in document: Document, tokenize: Bool = true,
        _ body: (Paragraph, Sentence) throws -> Void
    ) rethrows {
        var sentenceIndex = 0
        // A window that starts inside a sentence goes on with it.
        var continues = document.window?.continuesSentence == true
        for paragraph in Self.paragraphs(of: document) {
            var first = true
            try forEachSentenceRange(in: paragraph.range, of: document) { whole in
                for range in Self.pieces(of: whole, in: document.bytes) {
                    let sentence = Sentence(
                        index: sentenceIndex, range: range, paragraph: paragraph.index,
                        opensParagraph: first, isDialogue: paragraph.isDialogue,
                        tokens: tokenize ? tokens(in: range, of: document) : [],
                        continuesSentence: continues || range.start != whole.start)
                    first = false
                    continues = false
                    sentenceIndex += 1
                    try body(paragraph, sentence)
                }
            }
        }
    }

    /// All paragraphs and sentences of a document, for articles small enough to hold; without
    /// `tokenize`, the sentences come without tokens (annotation splits them itself).
    public func segment(_ document: Document, tokenize: Bool = true) -> Segmentation {
        var paragraphs: [Paragraph] = []
        var sentences: [Sentence] = []
        // Room for a sentence of every 64 bytes, about the average of sports copy, and a
        // paragraph per two lines: most articles fill these without growing them.
        paragraphs.reserveCapacity(document.lines.lineCount / 2 + 1)
        sentences.reserveCapacity(document.bytes.count / 64 + 1)
        forEachSentence(in: document, tokenize: tokenize) { paragraph, sentence in
            if paragraphs.last?.index != paragraph.index { paragraphs.append(paragraph) }
            sentences.append(sentence)
        }
        return Segmentation(paragraphs: paragraphs, sentences: sentences)
    }

    /// The most bytes a sentence is segmented, annotated and linted as one: a longer one (a
    /// scraped table, a list without punctuation, a garbled megabyte) is taken in pieces of at
    /// most this size, cut after a space, so that what one sentence costs is bounded whatever
    /// the input. Equal to the window of a huge file: a streamed file's sentences are never
    /// longer, so both ways of reading a file cut alike. Nothing a real article holds comes near.
    public static let longestSentence = 1 << 20

    /// `range` cut into pieces of at most `longestSentence` bytes (`limit`), each ending after
    /// the last space or tab in it; a piece without one ends at the last character boundary.
    static func pieces(of range: ByteRange, in bytes: [UInt8], limit: Int = longestSentence) -> [ByteRange] {
        guard range.count > limit else { return [range] }
        var pieces: [ByteRange] = []
        var start = range.start
        while range.end - start > limit {
            var cut = start + limit
            while cut > start + 1 && bytes[cut - 1] != 0x20 && bytes[cut - 1] != 0x09 { cut -= 1 }
            if cut <= start + 1 {
                cut = start + limit
                while cut > start + 1 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            }
            // The next piece starts at its first character that is not a space.
            pieces.append(trimmed(ByteRange(start, cut), in: bytes) ?? ByteRange(start, cut))
            start = cut
            while start < range.end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        }
        if start < range.end { pieces.append(ByteRange(start, range.end)) }
        return pieces
    }

    /// The word-break tokens of a range.
    public func tokens(in range: ByteRange, of document: Document) -> [Token] {
        var result: [Token] = []
        forEachToken(in: range, of: document, skippingSpaces: false) { result.append($0) }
        return result
    }

    /// The tokens of a range other than spaces, one at a time: what annotation keeps.
    func forEachWord(in range: ByteRange, of document: Document, _ body: (Token) -> Void) {
        forEachToken(in: range, of: document, skippingSpaces: true, body)
    }

    private func forEachToken(
        in range: ByteRange, of document: Document, skippingSpaces: Bool, _ body: (Token) -> Void
    ) {
        document.bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !range.isEmpty else { return }
            words.setText(base + range.start, count: range.count, base: range.start)
            var start = range.start
            while let end = words.next() {
                let kind =
                    Self.evidentKind(of: start..<end, in: buffer)
                    ?? Self.kind(status: words.ruleStatus, firstByteAt: start, in: buffer)
                if !skippingSpaces || kind != .space { body(Token(range: ByteRange(start, end), kind: kind)) }
                start = end
            }
        }
    }

    private func forEachSentenceRange(
        in range: ByteRange, of document: Document, _ body: (ByteRange) throws -> Void
    ) rethrows {
        let bytes = document.bytes
        let slice = bytes[range.start..<range.end]
        var blanked: [UInt8]? = nil
        if Self.containsLineBreak(slice, in: document) {
            blanked = slice.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
        }
        // Room for a paragraph's few sentences at once: growing one at a time reallocated twice
        // or three times a paragraph.
        var ranges: [ByteRange] = []
        ranges.reserveCapacity(8)
        func collect(_ buffer: UnsafeBufferPointer<UInt8>) {
            guard let base = buffer.baseAddress else { return }
            sentences.setText(base, count: buffer.count, base: range.start)
            var start = range.start
            while let end = sentences.next() {
                if let trimmed = Self.trimmed(ByteRange(start, end), in: bytes) { ranges.append(trimmed) }
                start = end
            }
        }
        if let blanked {
            blanked.withUnsafeBufferPointer(collect)
        } else {
            bytes.withUnsafeBufferPointer { collect(UnsafeBufferPointer(rebasing: $0[range.start..<range.end])) }
        }
        for sentence in Self.mergingAbbreviations(ranges, in: bytes) { try body(sentence) }
    }

    /// Whether a paragraph spans lines, looked for with `memchr` (a CR only where the document
    /// has one): most paragraphs are one line.
    private static func containsLineBreak(_ slice: ArraySlice<UInt8>, in document: Document) -> Bool {
        let endings = document.lines.lineEndings
        return slice.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            if (endings.contains(.lf) || endings.contains(.crlf)) && memchr(base, 0x0A, buffer.count) != nil {
                return true
            }
            return (endings.contains(.cr) || endings.contains(.crlf)) && memchr(base, 0x0D, buffer.count) != nil
        }
    }

    /// Abbreviations that ICU's English suppression list lacks but sports copy uses ("St. Petersburg",
    /// "Mt. Panorama"); a sentence "ending" in one runs on into the next.
    static let extraAbbreviations: Set<String> = [
        "St", "Ste", "Mt", "Ft", "No", "Nos", "Nr", "Jr", "Sr", "Dr", "Gen", "Gov", "Sen", "Rd", "Ave", "Co", "Corp",
        "Inc",
        "Ltd", "approx", "ca", "cf", "Fig", "Vol", "pt", "pts",
    ]

    /// The lengths of `extraAbbreviations`, as bits (all are shorter than 64 bytes).
    private static let abbreviationLengths: UInt64 = extraAbbreviations.reduce(0) { $0 | 1 << UInt64($1.utf8.count) }

    private static func mergingAbbreviations(_ ranges: [ByteRange], in bytes: [UInt8]) -> [ByteRange] {
        // Nearly every paragraph has nothing to merge: its ranges are returned as they are.
        guard ranges.dropLast().contains(where: { endsWithAbbreviation($0, in: bytes) }) else { return ranges }
        var merged: [ByteRange] = []
        for range in ranges {
            if let last = merged.last, endsWithAbbreviation(last, in: bytes) {
                merged[merged.count - 1] = ByteRange(last.start, range.end)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    private static func endsWithAbbreviation(_ range: ByteRange, in bytes: [UInt8]) -> Bool {
        guard range.count >= 2, bytes[range.end - 1] == UInt8(ascii: ".") else { return false }
        var start = range.end - 1
        while start > range.start, Self.isASCIILetter(bytes[start - 1]) { start -= 1 }
        guard start < range.end - 1, start == range.start || !Self.isASCIILetter(bytes[start - 1]) else { return false }
        // Nearly every sentence ends with a word of another length: no String is made for it.
        let length = range.end - 1 - start
        guard length < 64, abbreviationLengths & (1 << UInt64(length)) != 0 else { return false }
        let word = String(decoding: bytes[start..<(range.end - 1)], as: UTF8.self)
        return extraAbbreviations.contains(word)
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// Paragraphs: maximal runs of lines that hold more than whitespace. Lines come from the
    /// document's line index, which has found them already.
    public static func paragraphs(of document: Document) -> [Paragraph] {
        let bytes = document.bytes
        let lines = document.lines
        var result: [Paragraph] = []
        // At most one paragraph to two lines, but for the last: reserved at once, not grown.
        result.reserveCapacity(lines.lineCount / 2 + 1)
        var paragraphStart: Int? = nil
        var paragraphEnd = 0
        for line in 1...lines.lineCount {
            let start = lines.startOfLine(line)
            var end = bytes.count
            if line < lines.lineCount {
                // Up to the line's ending: LF, CR or CRLF.
                end = lines.startOfLine(line + 1) - 1
                if bytes[end] == 0x0A && end > start && bytes[end - 1] == 0x0D { end -= 1 }
            }
            if let content = trimmed(ByteRange(start, end), in: bytes) {
                if paragraphStart == nil { paragraphStart = content.start }
                paragraphEnd = content.end
            } else if let start = paragraphStart {
                result.append(makeParagraph(index: result.count, range: ByteRange(start, paragraphEnd), in: bytes))
                paragraphStart = nil
            }
        }
        if let start = paragraphStart {
            result.append(makeParagraph(index: result.count, range: ByteRange(start, paragraphEnd), in: bytes))
        }
        return result
    }

    private static func makeParagraph(index: Int, range: ByteRange, in bytes: [UInt8]) -> Paragraph {
        Paragraph(index: index, range: range, isDialogue: Dialogue.opensWithDash(range, in: bytes))
    }

    /// The range without leading and trailing whitespace, or nil when nothing is left.
    static func trimmed(_ range: ByteRange, in bytes: [UInt8]) -> ByteRange? {
        var start = range.start
        var end = range.end
        while start < end, let width = UTF8Scalars.whitespaceWidth(at: start, in: bytes) { start += width }
        while end > start, let width = UTF8Scalars.whitespaceWidth(endingAt: end, in: bytes) { end -= width }
        return start < end ? ByteRange(start, end) : nil
    }

    /// The kind of an ASCII character that ICU did not call a word or number, by the same
    /// Unicode properties as below, computed once.
    private static let asciiKinds: [TokenKind] = (0..<128).map { value in
        let scalar = Unicode.Scalar(UInt8(value))
        if scalar.properties.isWhitespace { return .space }
        return isPunctuation(scalar.properties.generalCategory) ? .punctuation : .symbol
    }

    private static func isPunctuation(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            true
        default:
            false
        }
    }

    /// The kind of a token that its bytes settle without asking ICU for its rule status: ASCII
    /// letters only make a word, and a token that starts with a space or a tab is whitespace
    /// (ICU keeps horizontal whitespace together, with any marks after it). Most tokens are one
    /// or the other; a test holds the answers equal to ICU's.
    static func evidentKind(of token: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) -> TokenKind? {
        let first = buffer[token.lowerBound]
        if first == 0x20 || first == 0x09 { return .space }
        for offset in token where !isASCIILetter(buffer[offset]) { return nil }
        return .word
    }

    static func kind(status: Int32, firstByteAt offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> TokenKind {
        if status >= 100 && status < 200 { return .number }
        if status >= 200 { return .word }
        if offset < buffer.count, buffer[offset] < 0x80 { return asciiKinds[Int(buffer[offset])] }
        guard let scalar = UTF8Scalars.scalar(at: offset, in: buffer) else { return .symbol }
        if scalar.properties.isWhitespace { return .space }
        return isPunctuation(scalar.properties.generalCategory) ? .punctuation : .symbol
    }
}

/// A document's paragraphs and sentences, held in memory.
public struct Segmentation: Sendable {
    public var paragraphs: [Paragraph]
    public var sentences: [Sentence]
}
