import Foundation
import Testing

@testable import RXText

@Suite struct DocumentTests {
    func reason(_ bytes: [UInt8]) -> DocumentError.Reason? {
        do {
            _ = try Document(bytes: bytes, path: "a.txt")
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func emptyFileIsValidAndHasNoSentences() throws {
        let document = try Document(bytes: [], path: "empty.txt")
        #expect(Segmenter().segment(document).sentences.isEmpty)
    }

    @Test func invalidUTF8NamesTheByteOffsetAndPosition() {
        let bytes = Array("ok\nab".utf8) + [0xC3, 0x28] + Array(" tail".utf8)
        #expect(reason(bytes) == .invalidUTF8(offset: 5, position: SourcePosition(line: 2, column: 3)))
    }

    @Test(arguments: [
        ([0xC0, 0x80] as [UInt8], "overlong NUL"),
        ([0xE0, 0x80, 0xAF], "overlong slash"),
        ([0xED, 0xA0, 0x80], "UTF-16 surrogate"),
        ([0xF4, 0x90, 0x80, 0x80], "above U+10FFFF"),
        ([0x80], "stray continuation byte"),
        ([0xE2, 0x82], "truncated at the end"),
    ])
    func illFormedSequencesAreRejected(bytes: [UInt8], label: String) {
        #expect(
            reason(Array("x".utf8) + bytes) == .invalidUTF8(offset: 1, position: SourcePosition(line: 1, column: 2)),
            "\(label)")
    }

    @Test func nulBytesAreRefusedAsBinary() {
        #expect(reason(Array("abc".utf8) + [0, 1, 2, 3, 4, 5, 6, 7, 8]) == .binary(offset: 3))
    }

    @Test func utf16IsRecognisedByBOMAndByNULPattern() {
        #expect(reason([0xFF, 0xFE, 0x41, 0x00]) == .utf16(bigEndian: false, hasBOM: true))
        #expect(reason([0xFE, 0xFF, 0x00, 0x41]) == .utf16(bigEndian: true, hasBOM: true))
        let littleEndian = Array("Hello, Hell".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(reason(littleEndian) == .utf16(bigEndian: false, hasBOM: false))
    }

    /// Issue 21, item 7: UTF-32 LE's BOM starts with UTF-16 LE's, and was taken for it.
    @Test func utf32IsRecognisedByBOMAndByNULPattern() throws {
        func utf32(_ text: String, bigEndian: Bool) -> [UInt8] {
            text.unicodeScalars.flatMap { scalar -> [UInt8] in
                let value = scalar.value
                let little = [0, 8, 16, 24].map { UInt8((value >> $0) & 0xFF) }
                return bigEndian ? little.reversed() : little
            }
        }
        #expect(reason(utf32("\u{FEFF}Hell Hell", bigEndian: false)) == .utf32(bigEndian: false, hasBOM: true))
        #expect(reason(utf32("\u{FEFF}Hell Hell", bigEndian: true)) == .utf32(bigEndian: true, hasBOM: true))
        #expect(reason(utf32("Hyvinkää Hell", bigEndian: false)) == .utf32(bigEndian: false, hasBOM: false))
        #expect(reason(utf32("Hyvinkää Hell", bigEndian: true)) == .utf32(bigEndian: true, hasBOM: false))
        let error = DocumentError(path: "x.txt", reason: .utf32(bigEndian: false, hasBOM: true))
        #expect(error.description.hasSuffix("iconv -f UTF-32LE -t UTF-8"))
    }

    @Test func utf8BOMIsSkippedButOffsetsStayFileOffsets() throws {
        let document = try Document(bytes: [0xEF, 0xBB, 0xBF] + Array("Hell Hell.".utf8))
        let sentence = try #require(Segmenter().segment(document).sentences.first)
        #expect(sentence.range == ByteRange(3, 13))
        #expect(document.position(of: 3) == SourcePosition(line: 1, column: 1))
        #expect(document.position(of: 8) == SourcePosition(line: 1, column: 6))
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndingsKeepOffsetsExact(ending: String) throws {
        let text = "First line.\(ending)\(ending)Second – Baciuška’s line.\(ending)Third."
        let document = try Document(bytes: Array(text.utf8))
        let sentences = Segmenter().segment(document).sentences
        #expect(sentences.map { document.rawText($0.range) } == ["First line.", "Second – Baciuška’s line.", "Third."])
        let baciuska = try #require(sentences[1].tokens.first { document.text($0.range) == "Baciuška’s" })
        #expect(document.position(of: baciuska.range.start) == SourcePosition(line: 3, column: 10))
        #expect(document.position(of: sentences[2].range.start) == SourcePosition(line: 4, column: 1))
    }

    @Test func nfdInputKeepsOriginalOffsetsAndReportsNFCText() throws {
        let decomposed = "Baciu\u{0073}\u{030C}ka won."  // š as s + combining caron
        let document = try Document(bytes: Array("– ".utf8) + Array(decomposed.utf8))
        let tokens = Segmenter().segment(document).sentences[0].tokens
        let name = try #require(tokens.first { $0.kind == .word })
        #expect(name.range == ByteRange(4, 14))
        #expect(document.text(name.range) == "Baciu\u{0161}ka")
        #expect(document.text(name.range).unicodeScalars.count == 8)
        let won = try #require(tokens.first { document.text($0.range) == "won" })
        #expect(document.position(of: won.range.start) == SourcePosition(line: 1, column: 13))
    }

    @Test func missingFileAndDirectoryAreClearErrors() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: DocumentError(path: directory.url.path + "/nope.txt", reason: .notFound)) {
            try Document.load(path: directory.url.path + "/nope.txt")
        }
        #expect(throws: DocumentError(path: directory.url.path, reason: .isDirectory)) {
            try Document.load(path: directory.url.path)
        }
    }

    /// A file is read into an array of the size it had when opened; one that has grown since
    /// is still read to its end, and an empty one reads as empty.
    @Test func filesAreReadWholeWhateverTheirSizeWhenOpened() throws {
        let directory = try TemporaryDirectory()
        let first = Array("Kallio won in Hell.\n".utf8)
        let more = Array(String(repeating: "The EM series went on. ", count: 5000).utf8)
        let path = try directory.write("growing.txt", bytes: first)
        let file = try ReadableFile(path)
        #expect(file.size == first.count)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(more))
        try handle.close()
        #expect(try file.readAll() == first + more)
        #expect(try ReadableFile(path).readAll() == first + more)
        #expect(try ReadableFile(try directory.write("empty.txt", bytes: [])).readAll() == [])
    }

    @Test func longSingleLineUsesCheckpointsForColumns() throws {
        let chunk = "Kallio’s semi-final ä. "
        let text = String(repeating: chunk, count: 20_000)
        let document = try Document(bytes: Array(text.utf8))
        let offset = chunk.utf8.count * 15_000
        #expect(
            document.position(of: offset) == SourcePosition(line: 1, column: chunk.unicodeScalars.count * 15_000 + 1))
    }
    /// Line and column of every character (and of the end), counted the plain way in one pass.
    static func countedPositions(in bytes: [UInt8], bodyStart: Int) -> [Int: SourcePosition] {
        var positions: [Int: SourcePosition] = [:]
        var line = 1
        var column = 1
        for index in bodyStart..<bytes.count {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 { positions[index] = SourcePosition(line: line, column: column) }
            if byte == 0x0A || (byte == 0x0D && !(index + 1 < bytes.count && bytes[index + 1] == 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // the CR of a CRLF too: the LF after it is one column on
            }
        }
        positions[bytes.count] = SourcePosition(line: line, column: column)
        return positions
    }

    @Test func indexAgreesWithCountingOnRandomTexts() throws {
        // Lines of every ending, empty ones, and lines long enough for several checkpoints, with
        // characters of one to four bytes: positions must match counting at every character.
        var random = SplitMix64(seed: 2026)
        let pieces = ["a", "Kallio ", "ä", "’", "🏁", " ", "\n", "\r\n", "\r", "\n\n"]
        for round in 0..<6 {
            var text = ""
            for _ in 0..<(round < 3 ? 400 : 20_000) {
                let piece = pieces[Int(random.next() % UInt64(pieces.count))]
                // Lines of several kilobytes in the later rounds, several checkpoints long.
                if round >= 3 && piece.contains(where: \.isNewline) && random.next() % 1_000 != 0 { continue }
                text += piece
            }
            let bom: [UInt8] = round % 2 == 0 ? [0xEF, 0xBB, 0xBF] : []
            let document = try Document(bytes: bom + Array(text.utf8))
            let counted = Self.countedPositions(in: document.bytes, bodyStart: document.bodyStart)
            for (offset, expected) in counted where round < 3 || offset % 5 == 0 {
                #expect(document.position(of: offset) == expected, "round \(round), offset \(offset)")
            }
            #expect(document.lines.lineCount == counted[document.bytes.count]?.line, "round \(round)")
            if round >= 3 {
                let longest = (1...document.lines.lineCount).map { line in
                    (line < document.lines.lineCount ? document.lines.startOfLine(line + 1) : document.bytes.count)
                        - document.lines.startOfLine(line)
                }.max()
                #expect((longest ?? 0) > 2 * LineIndex.checkpointStride, "round \(round): no line long enough")
            }
        }
    }
}

@Suite struct PositionCursorTests {
    @Test func cursorAgreesWithTheIndexOnEveryScalarBoundary() throws {
        let text = "Baciuška’s\r\nline two\rthree\n\nfour – 🏁 end"
        let document = try Document(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        var cursor = PositionCursor(document)
        for offset in document.bodyStart..<document.bytes.count where document.bytes[offset] & 0xC0 != 0x80 {
            #expect(cursor.position(of: offset) == document.position(of: offset), "offset \(offset)")
        }
    }

    /// Steps of many bytes, which the cursor scans eight at a time: line breaks (LF, CR, CRLF)
    /// and multi-byte characters at every place in a word of eight.
    @Test func cursorAgreesWithTheIndexOverLongSteps() throws {
        let text = String(repeating: "Baciuška’s lap\r\nline two\rthree\n\nfour – 🏁 end of a longer line ", count: 6)
        let document = try Document(bytes: Array(text.utf8))
        let boundaries = (document.bodyStart..<document.bytes.count).filter { document.bytes[$0] & 0xC0 != 0x80 }
        for step in 1...23 {
            var cursor = PositionCursor(document)
            for offset in stride(from: 0, to: boundaries.count, by: step).map({ boundaries[$0] }) {
                #expect(cursor.position(of: offset) == document.position(of: offset), "step \(step), offset \(offset)")
            }
        }
    }
}
