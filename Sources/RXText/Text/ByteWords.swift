/// Tests on eight bytes at once, for the loops that read every byte of a flagged sentence (JSON
/// escaping, fingerprint folding). Each test answers for the eight bytes together, exactly; it
/// does not say which byte it was. Byte order does not matter to any of them.
enum ByteWords {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset`, which need not be aligned; `offset + 8` must be in `bytes`.
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        precondition(offset >= 0 && offset + 8 <= bytes.count, "eight bytes past the end")
        return UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// The first `count` (at most 8) of the eight bytes at `offset`, the rest zero; the eight
    /// must all be in `bytes`, though only `count` are kept.
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, keeping count: Int) -> UInt64 {
        let word = UInt64(littleEndian: load(bytes, at: offset))
        return count >= 8 ? word.littleEndian : (word & ((1 << (8 * UInt64(count))) - 1)).littleEndian
    }

    /// Stores the eight bytes of `word` at `offset` of `bytes`, in the order `load` read them.
    static func store(_ word: UInt64, into bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        precondition(offset >= 0 && offset + 8 <= bytes.count, "eight bytes past the end")
        UnsafeMutableRawPointer(bytes.baseAddress! + offset).storeBytes(of: word, as: UInt64.self)
    }

    static func isASCII(_ word: UInt64) -> Bool { word & highBits == 0 }

    /// Whether some byte of `bytes` passes `test`, read eight at a time through `wordHas`, which
    /// must answer exactly whether some byte of a word passes it.
    static func contains(
        _ bytes: UnsafeBufferPointer<UInt8>, wordHas: (UInt64) -> Bool, byte test: (UInt8) -> Bool
    ) -> Bool {
        var offset = 0
        while offset + 8 <= bytes.count {
            if wordHas(load(bytes, at: offset)) { return true }
            offset += 8
        }
        return bytes[offset...].contains(where: test)
    }

    /// Whether some byte is below `limit`, which is at most 0x80.
    static func hasByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    static func hasByte(_ value: UInt8, in word: UInt64) -> Bool {
        hasByte(below: 1, in: word ^ (ones &* UInt64(value)))
    }

    /// 0x80 in each byte equal to `value`, zero in the others: which bytes, exactly. Byte `i`
    /// in memory is bits `8i` to `8i + 7` of the result.
    static func marks(of value: UInt8, in word: UInt64) -> UInt64 {
        let differences = UInt64(littleEndian: word) ^ (ones &* UInt64(value))
        let lowBits = ~highBits
        return ~(((differences & lowBits) &+ lowBits) | differences | lowBits)
    }

    /// A-Z lowered, the rest as it is, in eight ASCII bytes (no byte may be 0x80 or above: a
    /// carry would cross into the next byte).
    static func asciiLowercased(_ word: UInt64) -> UInt64 {
        let atLeastA = word &+ ones &* (0x80 - 0x41)
        let aboveZ = word &+ ones &* (0x7F - 0x5A)
        return word | ((atLeastA & ~aboveZ & highBits) >> 2)
    }
}
