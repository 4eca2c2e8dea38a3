import CRXSHA

/// SHA-256 (FIPS 180-4), for the `source.sha256` field and every lint flag's fingerprint: small
/// enough to keep rather than pull in a crypto package. The rounds run with the x86 SHA
/// extensions where the CPU has them (`CRXSHA`), else in Swift here.
public enum SHA256 {
    private static let k: [UInt32] = withUnsafeBytes(of: rx_sha256_round_constants) {
        Array($0.bindMemory(to: UInt32.self))
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        hex(bytes, characters: 64)
    }

    /// The first `characters` hex digits of the digest (fingerprints keep 32). Every lint flag
    /// gets one, so the state stays on the stack and the digits are written from it directly.
    public static func hex(_ bytes: [UInt8], characters: Int) -> String {
        let count = min(characters, 64)
        return withState(of: bytes) { state in
            String(unsafeUninitializedCapacity: count) { output in
                for index in 0..<count {
                    let word = state[index / 8]
                    let nibble = (word >> UInt32(28 - 4 * (index % 8))) & 0x0F
                    output[index] =
                        nibble < 10 ? UInt8(ascii: "0") + UInt8(nibble) : UInt8(ascii: "a") + UInt8(nibble - 10)
                }
                return count
            }
        }
    }

    public static func digest(_ message: [UInt8]) -> [UInt8] {
        digest(message, hardware: hasHardwareRounds)
    }

    /// With `hardware` false, the digest of the Swift rounds even where the CPU has SHA
    /// extensions: the reference the tests compare the hardware path with.
    static func digest(_ message: [UInt8], hardware: Bool) -> [UInt8] {
        withState(of: message, hardware: hardware) { state in
            state.flatMap { value in
                [UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)]
            }
        }
    }

    /// Whether this CPU runs the rounds in hardware (x86 SHA extensions).
    static let hasHardwareRounds = rx_sha256_hardware_available() == 1

    /// Hashes `message` and hands `body` the final state, eight big-endian words.
    private static func withState<Result>(
        of message: [UInt8], hardware: Bool = hasHardwareRounds, _ body: (UnsafeMutableBufferPointer<UInt32>) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 8 + 64) { memory in
            let h = UnsafeMutableBufferPointer(rebasing: memory[0..<8])
            let w = UnsafeMutableBufferPointer(rebasing: memory[8...])
            for (index, value) in initialState.enumerated() { h[index] = value }
            // Whole blocks straight from the message; the tail and padding in one or two more.
            let whole = message.count / 64 * 64
            func compress(_ blocks: UnsafeBufferPointer<UInt8>) {
                if hardware {
                    rx_sha256_hardware_compress(h.baseAddress, blocks.baseAddress, blocks.count / 64)
                } else {
                    for block in stride(from: 0, to: blocks.count, by: 64) {
                        Self.compress(UnsafeBufferPointer(rebasing: blocks[block..<(block + 64)]), into: h, schedule: w)
                    }
                }
            }
            message.withUnsafeBufferPointer { bytes in
                compress(UnsafeBufferPointer(rebasing: bytes[0..<whole]))
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                    let rest = message.count - whole
                    for index in 0..<rest { tail[index] = bytes[whole + index] }
                    tail[rest] = 0x80
                    let length = rest < 56 ? 64 : 128
                    for index in (rest + 1)..<length { tail[index] = 0 }
                    let bitLength = UInt64(message.count) * 8
                    for index in 0..<8 { tail[length - 1 - index] = UInt8((bitLength >> UInt64(8 * index)) & 0xff) }
                    compress(UnsafeBufferPointer(rebasing: tail[0..<length]))
                }
            }
            return body(h)
        }
    }

    private static let initialState: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]

    /// One 64-byte block into the state, in Swift.
    private static func compress(
        _ block: UnsafeBufferPointer<UInt8>, into h: UnsafeMutableBufferPointer<UInt32>,
        schedule w: UnsafeMutableBufferPointer<UInt32>
    ) {
        for i in 0..<16 {
            let j = i * 4
            w[i] =
                UInt32(block[j]) << 24 | UInt32(block[j + 1]) << 16 | UInt32(block[j + 2]) << 8 | UInt32(block[j + 3])
        }
        for i in 16..<64 {
            let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
        k.withUnsafeBufferPointer { k in
            for i in 0..<64 {
                let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
                let choice = (e & f) ^ (~e & g)
                let temp1 = hh &+ s1 &+ choice &+ k[i] &+ w[i]
                let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
                let majority = (a & b) ^ (a & c) ^ (b & c)
                let temp2 = s0 &+ majority
                (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ temp2)
            }
        }
        h[0] &+= a
        h[1] &+= b
        h[2] &+= c
        h[3] &+= d
        h[4] &+= e
        h[5] &+= f
        h[6] &+= g
        h[7] &+= hh
    }

    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }
}
