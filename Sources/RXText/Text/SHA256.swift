import Crypto

/// SHA-256 (FIPS 180-4), for the `source.sha256` field, every lint flag's fingerprint, review
/// decision keys and the glossary cache's file names: swift-crypto's (BoringSSL's rounds, with the
/// x86 SHA extensions where the CPU has them).
public enum SHA256 {
    public static func hex(_ bytes: [UInt8]) -> String {
        hex(bytes, characters: 64)
    }

    /// The first `characters` hex digits of the digest (fingerprints keep 32). Every lint flag
    /// gets one: the digest is read out as four words and the digits written from them.
    public static func hex(_ bytes: [UInt8], characters: Int) -> String {
        let count = max(0, min(characters, 64))
        let words = digestWords(bytes)
        return String(unsafeUninitializedCapacity: count) { output in
            for index in 0..<count {
                let word = index < 16 ? words.0 : index < 32 ? words.1 : index < 48 ? words.2 : words.3
                let nibble = UInt8(truncatingIfNeeded: word >> UInt64(60 - 4 * (index % 16))) & 0x0F
                output[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return count
        }
    }

    public static func digest(_ message: [UInt8]) -> [UInt8] {
        let words = digestWords(message)
        return [words.0, words.1, words.2, words.3].flatMap { word in
            (0..<8).map { UInt8(truncatingIfNeeded: word >> UInt64(56 - 8 * $0)) }
        }
    }

    /// The digest as four big-endian words: digest byte 0 is the top byte of the first.
    private static func digestWords(_ message: [UInt8]) -> (UInt64, UInt64, UInt64, UInt64) {
        var hasher = Crypto.SHA256()
        message.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hasher.finalize().withUnsafeBytes { raw in
            (
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
            )
        }
    }
}
