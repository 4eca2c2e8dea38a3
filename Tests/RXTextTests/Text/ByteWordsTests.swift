import Foundation
import Testing

@testable import RXText

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
