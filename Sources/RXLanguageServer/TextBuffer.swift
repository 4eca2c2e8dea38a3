/// An open document's text as UTF-8 bytes (rxtext's offsets), with the conversion to and from
/// LSP positions: a line and a character offset counted in UTF-16 code units, as the protocol
/// requires. Lines end at LF, CRLF or a lone CR, as the protocol says.
public struct TextBuffer: Sendable, Equatable {
    public private(set) var bytes: [UInt8]
    /// The byte offset where each line starts.
    public private(set) var lineStarts: [Int]

    public init(_ text: String) {
        bytes = Array(text.utf8)
        lineStarts = Self.lineStarts(bytes)
    }

    public struct Position: Sendable, Equatable {
        public var line: Int
        public var character: Int

        public init(line: Int, character: Int) {
            self.line = line
            self.character = character
        }
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The byte offset of an LSP position; a character past the line's end is its end, a line
    /// past the last is the end of the text (the protocol asks for both to be clamped).
    public func offset(of position: Position) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        var offset = lineStarts[position.line]
        let end = contentEnd(ofLine: position.line)
        var units = 0
        while offset < end && units < position.character {
            let length = Self.scalarLength(bytes[offset])
            units += length == 4 ? 2 : 1
            offset += length
        }
        return min(offset, end)
    }

    /// The LSP position of a byte offset.
    public func position(of offset: Int) -> Position {
        let offset = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var units = 0
        var cursor = lineStarts[low]
        while cursor < offset {
            let length = Self.scalarLength(bytes[cursor])
            units += length == 4 ? 2 : 1
            cursor += length
        }
        return Position(line: low, character: units)
    }

    /// Replaces the text between two positions (an incremental change), or all of it.
    public mutating func replace(from start: Position?, to end: Position?, with text: String) {
        guard let start, let end else {
            self = TextBuffer(text)
            return
        }
        let lower = offset(of: start)
        let upper = max(lower, offset(of: end))
        bytes.replaceSubrange(lower..<upper, with: Array(text.utf8))
        lineStarts = Self.lineStarts(bytes)
    }

    /// Where a line's text ends, before its line break.
    private func contentEnd(ofLine line: Int) -> Int {
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        if end > lineStarts[line] && bytes[end - 1] == 10 { end -= 1 }
        if end > lineStarts[line] && bytes[end - 1] == 13 { end -= 1 }
        return end
    }

    private static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var index = 0
        while index < bytes.count {
            if bytes[index] == 10 {
                starts.append(index + 1)
            } else if bytes[index] == 13 {
                if index + 1 < bytes.count && bytes[index + 1] == 10 { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        return starts
    }

    /// The length of the UTF-8 sequence a lead byte opens (1 for a stray continuation byte).
    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
