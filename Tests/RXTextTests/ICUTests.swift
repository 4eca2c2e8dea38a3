import Foundation
import Testing

@testable import RXText

@Suite struct ICUTests {
    @Test func versionsAreReported() {
        #expect(ICU.version.split(separator: ".").count >= 2)
        #expect(ICU.unicodeVersion.hasPrefix("1"))
    }

    @Test func foldingIgnoresCaseAndDiacritics() {
        #expect(ICU.fold("Baciuška") == ICU.fold("BACIUSKA"))
        #expect(ICU.fold("Baciuška") == "baciuska")
        #expect(ICU.fold("Stjørdal") == "stjordal")
        #expect(ICU.fold("Lånkebanen") == "lankebanen")
        #expect(ICU.fold("Straße", options: .caseInsensitive) == "strasse")
        #expect(ICU.fold("Nitišs", options: .caseInsensitive) == "nitišs")
        #expect(ICU.fold("Kallio’s") == "kallio's")
    }

    /// `withNFC` hands over the bytes themselves when they are NFC, else their NFC form.
    @Test func withNFCMatchesNFC() {
        for text in ["plain", "s\u{030C}", "Baciuška", "a\u{2000}b", "", "– “Hyvä”"] {
            let bytes = Array(("x" + text + "y").utf8)
            let slice = bytes[1..<(bytes.count - 1)]
            #expect(ICU.withNFC(slice) { Array($0) } == ICU.nfc(slice), "\(text)")
        }
    }

    @Test func nfcComposes() {
        let decomposed = Array("s\u{030C}".utf8)
        #expect(ICU.nfc(decomposed) == Array("\u{0161}".utf8))
        #expect(ICU.nfc(Array("plain".utf8)) == Array("plain".utf8))
        // Dashes, quotes and the ellipsis are NFC already; U+2000 and U+2001 are not: NFC maps
        // them to U+2002 and U+2003.
        let punctuation = "– “Hyvä”, he said… ‘x’ \u{2002}\u{206F}"
        #expect(ICU.nfc(Array(punctuation.utf8)) == Array(punctuation.utf8))
        #expect(ICU.nfc(Array("a\u{2000}b\u{2001}".utf8)) == Array("a\u{2002}b\u{2003}".utf8))
        #expect(ICU.nfc(Array("–e\u{0301}".utf8)) == Array("–\u{00E9}".utf8))
    }
}

@Suite struct JSONTextTests {
    @Test func escapesWhatJSONAndJavaScriptNeed() throws {
        let text = "a\"b\\c\nd\re\tf\u{08}\u{0C}\u{01}g\u{2028}h\u{2029}é🏁"
        let literal = JSONText.string(text)
        #expect(literal == "\"a\\\"b\\\\c\\nd\\re\\tf\\b\\f\\u0001g\\u2028h\\u2029é🏁\"")
        let decoded =
            try JSONSerialization.jsonObject(with: Data(literal.utf8), options: [.fragmentsAllowed]) as? String
        #expect(decoded == text)
    }

    /// Clean runs are skipped eight bytes at a time: a character to escape at any offset of a
    /// long run, and near its end, is still found.
    @Test(arguments: ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{2028}", "\u{2029}", "é", "–"])
    func escapesAtEveryOffsetOfALongRun(special: String) throws {
        for offset in 0..<20 {
            for tail in [0, 1, 7, 8, 9] {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: tail)
                #expect(JSONText.string(text) == Self.escapedOneByOne(text), "\(offset) \(tail)")
            }
        }
    }

    /// JSON escaping one scalar at a time, as the contract states it.
    private static func escapedOneByOne(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case "\u{08}": literal += "\\b"
            case "\u{0C}": literal += "\\f"
            case "\u{2028}": literal += "\\u2028"
            case "\u{2029}": literal += "\\u2029"
            case _ where scalar.value < 0x20: literal += String(format: "\\u%04x", scalar.value)
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }
}

/// The eight-byte tests hold for every word: each is checked against the same test asked of
/// the bytes one by one.
@Suite struct ByteWordsTests {
    /// A scan eight bytes at a time finds a byte wherever it is, in the words and in the tail.
    @Test func containsFindsAByteAtEveryOffset() {
        for count in 0..<30 {
            for position in -1..<count {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: count)
                if position >= 0 { bytes[position] = 0xE2 }
                let found = bytes.withUnsafeBufferPointer { buffer in
                    ByteWords.contains(buffer, wordHas: { ByteWords.hasByte(0xE2, in: $0) }, byte: { $0 == 0xE2 })
                }
                #expect(found == (position >= 0), "\(count) \(position)")
            }
        }
    }

    @Test func agreeWithTestingEachByte() {
        var generator = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [
            0x00, 0x01, 0x08, 0x09, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x40, 0x41, 0x5A, 0x5B, 0x5C, 0x60, 0x61, 0x7A, 0x7F,
            0x80, 0xE2, 0xFF,
        ]
        for round in 0..<20_000 {
            var bytes = (0..<8).map { _ in
                round % 2 == 0
                    ? interesting.randomElement(using: &generator)! : UInt8.random(in: 0...0x7F, using: &generator)
            }
            if round % 3 == 0 { bytes = bytes.map { $0 & 0x7F } }
            let word = bytes.withUnsafeBufferPointer { ByteWords.load($0, at: 0) }
            #expect(ByteWords.isASCII(word) == bytes.allSatisfy { $0 < 0x80 })
            for limit: UInt8 in [0x01, 0x20, 0x21, 0x80] {
                #expect(ByteWords.hasByte(below: limit, in: word) == bytes.contains { $0 < limit }, "\(bytes) \(limit)")
            }
            for value: UInt8 in [0x00, 0x20, 0x22, 0x5C, 0xE2] {
                #expect(ByteWords.hasByte(value, in: word) == bytes.contains(value), "\(bytes) \(value)")
                let marks = ByteWords.marks(of: value, in: word)
                let expected = bytes.indices.reduce(UInt64(0)) {
                    $0 | (bytes[$1] == value ? 0x80 << (8 * UInt64($1)) : 0)
                }
                #expect(marks == expected, "\(bytes) \(value)")
            }
            if bytes.allSatisfy({ $0 < 0x80 }) {
                var lowered = ByteWords.asciiLowercased(word)
                let expected = bytes.map(UTF8Scalars.asciiLowercased)
                #expect(withUnsafeBytes(of: &lowered) { Array($0) } == expected, "\(bytes)")
            }
        }
    }
}

@Suite struct FoldedStringTests {
    @Test(arguments: ["kallio", "Kallio", "KALLIO’S", "Baciuška", "semi-final", "Q4", "Straße", ""])
    func fastPathsAgreeWithICU(_ word: String) {
        let bytes = Array(word.utf8)
        let folded = ICU.fold(bytes)
        #expect(ICU.foldedString(ArraySlice(bytes)) == String(decoding: folded, as: UTF8.self))
        // The annotator's ASCII path: the same bytes for an ASCII word, nothing for the others.
        let ascii = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { scratch in
            bytes.withUnsafeBufferPointer { input in
                ICU.foldASCII(input, ByteRange(0, bytes.count), into: scratch).map { Array(scratch[..<$0]) }
            }
        }
        #expect(ascii == (bytes.allSatisfy { $0 < 0x80 } ? folded : nil))
    }

    /// The ASCII path reads eight bytes at a time, past a word's end where the text has room:
    /// words of every length, anywhere in a text and at its very end, into scratch of any room,
    /// fold as ICU folds them, and a byte outside ASCII anywhere in the word (and only there)
    /// sends the word to ICU.
    @Test func theASCIIPathAgreesWithICUWhereverTheWordIs() {
        let letters = Array("AbCdEfGhIjKlMnOpQrStUvWxYz-'09".utf8)
        for length in 0...20 {
            let word = (0..<length).map { letters[($0 * 7 + length) % letters.count] }
            for (before, after) in [(0, 0), (3, 0), (0, 5), (5, 11)] {
                let text =
                    Array(repeating: UInt8(ascii: "x"), count: before) + word + Array(repeating: 0xC3, count: after)
                let range = ByteRange(before, before + length)
                for room in [length, length + 3, 64] {
                    let folded = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { scratch in
                        text.withUnsafeBufferPointer { input in
                            ICU.foldASCII(input, range, into: scratch).map { Array(scratch[..<$0]) }
                        }
                    }
                    #expect(folded == ICU.fold(word), "\(length) \(before) \(after) \(room)")
                }
                for position in 0..<length {
                    var marked = text
                    marked[before + position] = 0xC3
                    let folded = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { scratch in
                        marked.withUnsafeBufferPointer { ICU.foldASCII($0, range, into: scratch) }
                    }
                    #expect(folded == nil, "\(length) \(position)")
                }
            }
        }
    }
}

@Suite struct WordCacheTests {
    /// A remembered fold is ICU's, first time and every repeat, and a full cache starts again
    /// without losing a word.
    @Test func foldsAsICUDoesAcrossAReset() {
        let cache = WordCache(capacity: 3)
        let words = ["Grönholm", "Höljes", "Baciuška", "Straße", "Grönholm", "ŠKODA", "Höljes", "Åmål", "Grönholm"]
        for word in words + words {
            var bytes = word
            let folded = bytes.withUTF8 { cache.fold($0) }
            #expect(folded == ICU.fold(word), "\(word)")
            #expect(cache.fold(word) == ICU.fold(word), "\(word)")
        }
        #expect(cache.count <= 3)
    }

    /// A word longer than `longestWord` bytes gets ICU's answers without taking room.
    @Test func longWordsAreAnsweredWithoutBeingRemembered() {
        let cache = WordCache()
        var long = String(repeating: "Grönholm", count: 20)
        #expect(long.utf8.count > WordCache.longestWord)
        #expect(long.withUTF8 { cache.fold($0) } == ICU.fold(long))
        #expect(long.withUTF8 { cache.mixesScripts($0) } == false)
        var spoofed = String(repeating: "K\u{0430}llio", count: 20)
        #expect(spoofed.withUTF8 { cache.mixesScripts($0) })
        #expect(cache.count == 0)
        var name = "Grönholm"
        _ = name.withUTF8 { cache.fold($0) }
        #expect(cache.count == 1)
    }

    /// The spoof checker's verdict, asked once per word and remembered across repeats.
    @Test func remembersWhetherAWordMixesScripts() {
        let cache = WordCache(capacity: 2)
        for word in ["K\u{0430}llio", "Grönholm", "K\u{0430}llio", "Хёльес", "rallycr\u{03BF}ss", "Grönholm"] {
            var bytes = word
            let expected = word == "K\u{0430}llio" || word == "rallycr\u{03BF}ss"
            #expect(bytes.withUTF8 { cache.mixesScripts($0) } == expected, "\(word)")
            #expect(bytes.withUTF8 { cache.fold($0) } == ICU.fold(word), "\(word)")
        }
    }

    /// Each thread has its own cache: no lock is needed.
    @Test func eachThreadHasItsOwn() {
        let here = WordCache.current
        #expect(WordCache.current === here)
        final class Box: @unchecked Sendable { var cache: WordCache? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.cache = WordCache.current
            done.signal()
        }
        thread.start()
        done.wait()
        #expect(box.cache != nil && box.cache !== here)
    }
}
