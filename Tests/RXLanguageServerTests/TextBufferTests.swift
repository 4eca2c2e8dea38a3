import Testing

@testable import RXLanguageServer

/// LSP positions count UTF-16 code units; rxtext's offsets are UTF-8 bytes.
@Suite struct TextBufferTests {
    // "ä" is 2 bytes and 1 unit, "🏁" 4 bytes and 2 units, "’" 3 bytes and 1 unit.
    static let text = "Kallio’s 🏁 team.\r\nÄänekoski won in Hell Hell.\rLast\n"

    @Test func positionsAndOffsetsRoundTrip() {
        let buffer = TextBuffer(Self.text)
        let bytes = Array(Self.text.utf8)
        let hell = bytes.firstRange(of: Array("Hell Hell".utf8))!.lowerBound
        #expect(buffer.position(of: hell) == .init(line: 1, character: 17))
        #expect(buffer.offset(of: .init(line: 1, character: 17)) == hell)
        let team = bytes.firstRange(of: Array("team".utf8))!.lowerBound
        #expect(buffer.position(of: team) == .init(line: 0, character: 12), "the flag is two units")
        #expect(buffer.offset(of: .init(line: 0, character: 12)) == team)
        #expect(
            buffer.position(of: bytes.firstRange(of: Array("Last".utf8))!.lowerBound) == .init(line: 2, character: 0))
        // Clamped: past a line's end is its end (before CRLF), past the last line the text's end.
        #expect(buffer.offset(of: .init(line: 0, character: 99)) == bytes.firstIndex(of: 13))
        #expect(buffer.offset(of: .init(line: 9, character: 0)) == bytes.count)
    }

    @Test func incrementalChangesEditTheRightBytes() {
        var buffer = TextBuffer(Self.text)
        // "Hell Hell" -> "Hell" on line 1, then a word inserted after the flag on line 0.
        buffer.replace(from: .init(line: 1, character: 21), to: .init(line: 1, character: 26), with: "")
        buffer.replace(from: .init(line: 0, character: 12), to: .init(line: 0, character: 12), with: "new ")
        #expect(buffer.text == "Kallio’s 🏁 new team.\r\nÄänekoski won in Hell.\rLast\n")
        buffer.replace(from: nil, to: nil, with: "all new")
        #expect(buffer.text == "all new")
        #expect(buffer.lineStarts == [0])
    }
}
