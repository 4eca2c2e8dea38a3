import Foundation

/// The folded words the lexicon knows, numbered, in an open-addressing hash table over their UTF-8
/// bytes.
///
/// Every token of every article is looked up here, so it avoids what a `[String: Int]` costs per
/// lookup: no `String` is needed, and the hash is FNV-1a over a few bytes rather than SipHash
/// with its finalisation. Lookups also accept a token with its possessive ("'s") cut off.
struct WordTable: Sendable {
    /// Every word's bytes, end to end; word `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]
    /// By hash slot, 0 when empty, else the word's id + 1 in the low 24 bits and 8 more bits
    /// of its hash above them: a probe that meets another word's slot is told apart by those
    /// bits, mostly without reading that word's bytes (a miss in the cache, on every token).
    /// The size is a power of two, at most half full.
    private var slots = [UInt32](repeating: 0, count: 64)

    /// Ids fit in the slot's low 24 bits.
    private static let idBits: UInt32 = 24
    private static let idMask: UInt32 = (1 << idBits) - 1

    var count: Int { starts.count - 1 }

    init() {}

    /// An empty table that holds `capacity` words before it grows.
    init(capacity: Int) {
        slots = [UInt32](repeating: 0, count: Self.slotCount(for: capacity))
    }

    /// The table of distinct words given end to end, word `i` being `words[starts[i]..<starts[i + 1]]`
    /// (`starts` begins with 0), numbered in that order: no word is copied or compared.
    init(words: [UInt8], starts: [Int32]) {
        bytes = words
        self.starts = starts
        precondition(starts.count - 1 < Int(Self.idMask), "more words than a slot numbers")
        slots = [UInt32](repeating: 0, count: Self.slotCount(for: starts.count - 1))
        words.withUnsafeBufferPointer { all in
            for id in 0..<count {
                place(
                    Int32(id),
                    hash: Self.hash(UnsafeBufferPointer(rebasing: all[Int(starts[id])..<Int(starts[id + 1])])))
            }
        }
    }

    /// Slots for `words` words: a power of two, at most half full.
    private static func slotCount(for words: Int) -> Int {
        var size = 64
        while size < 2 * words { size *= 2 }
        return size
    }

    /// The id of `word`, adding it if it is new.
    mutating func insert(_ word: String) -> Int32 {
        Array(word.utf8).withUnsafeBufferPointer { insert($0) }
    }

    /// The id of the word with these bytes, adding it if it is new.
    mutating func insert(_ utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let known = id(of: utf8) { return known }
        precondition(count + 1 < Int(Self.idMask), "more words than a slot numbers")
        if 2 * (count + 1) > slots.count { grow() }
        let new = Int32(count)
        bytes.append(contentsOf: utf8)
        starts.append(Int32(bytes.count))
        place(new, hash: Self.hash(utf8))
        return new
    }

    /// The id of the word spelled by `utf8`, if the table has it.
    func id(of utf8: UnsafeBufferPointer<UInt8>) -> Int32? {
        let mask = slots.count - 1
        let hash = Self.hash(utf8)
        let tag = Self.tag(hash)
        var slot = hash & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry & ~Self.idMask == tag {
                let candidate = Int(entry & Self.idMask) - 1
                if equals(candidate, utf8) { return Int32(candidate) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The id of a folded token without its possessive ending ("kallio's" -> "kallio",
    /// "hakkinens'" -> "hakkinens"), or nil when it has none or the table lacks the rest.
    func idWithoutPossessive(of utf8: UnsafeBufferPointer<UInt8>) -> Int32? {
        let apostrophe = UInt8(ascii: "'")
        let count = utf8.count
        if count > 2 && utf8[count - 2] == apostrophe && utf8[count - 1] == UInt8(ascii: "s") {
            return id(of: UnsafeBufferPointer(rebasing: utf8[..<(count - 2)]))
        }
        if count > 1 && utf8[count - 1] == apostrophe {
            return id(of: UnsafeBufferPointer(rebasing: utf8[..<(count - 1)]))
        }
        return nil
    }

    private func equals(_ id: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id])
        let end = Int(starts[id + 1])
        guard end - start == utf8.count else { return false }
        // Byte by byte: words are a few bytes long, shorter than a call to memcmp is worth.
        return bytes.withUnsafeBufferPointer { all in
            for offset in 0..<utf8.count where all[start + offset] != utf8[offset] { return false }
            return true
        }
    }

    private mutating func place(_ id: Int32, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (UInt32(id) + 1) | Self.tag(hash)
    }

    /// The hash's top 8 bits, where a slot keeps them: the slot itself comes from the low bits.
    private static func tag(_ hash: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: UInt(bitPattern: hash) >> 56) << idBits
    }

    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        for id in 0..<count {
            let hash = bytes.withUnsafeBufferPointer { all in
                Self.hash(UnsafeBufferPointer(rebasing: all[Int(starts[id])..<Int(starts[id + 1])]))
            }
            place(Int32(id), hash: hash)
        }
    }

    /// wyhash's scheme: up to 16 bytes are read as a few overlapping loads and mixed by two
    /// 64x64->128-bit multiplies, whatever the length. FNV-1a's multiply per byte was a chain as
    /// long as the word, on every token of every article. Not seeded: the keys are the
    /// glossaries' own words, not attacker input, and probing stays short because the table is
    /// at most half full.
    static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        let count = utf8.count
        guard let base = utf8.baseAddress, count > 0 else { return 0 }
        let raw = UnsafeRawPointer(base)
        func load64(_ offset: Int) -> UInt64 {
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        func load32(_ offset: Int) -> UInt64 {
            UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        }
        let secret: UInt64 = 0xe703_7ed1_a0b4_28db
        var seed: UInt64 = 0xa076_1d64_78bd_642f
        let a: UInt64
        let b: UInt64
        if count <= 16 {
            if count >= 4 {
                let step = (count >> 3) << 2
                a = load32(0) << 32 | load32(step)
                b = load32(count - 4) << 32 | load32(count - 4 - step)
            } else {
                a = UInt64(base[0]) << 16 | UInt64(base[count >> 1]) << 8 | UInt64(base[count - 1])
                b = 0
            }
        } else {
            var offset = 0
            while count - offset > 16 {
                seed = mix(load64(offset) ^ secret, load64(offset + 8) ^ seed)
                offset += 16
            }
            a = load64(count - 16)
            b = load64(count - 8)
        }
        return Int(truncatingIfNeeded: mix(secret ^ UInt64(count), mix(a ^ secret, b ^ seed)))
    }

    /// The two halves of the 128-bit product, folded together.
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }
}
