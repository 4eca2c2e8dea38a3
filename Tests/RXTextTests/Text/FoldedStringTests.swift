import Foundation
import Testing

@testable import RXText

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
