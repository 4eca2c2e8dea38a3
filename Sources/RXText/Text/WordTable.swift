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
    /// Word ids by hash slot, -1 when empty. The size is a power of two, at most half full.
    private var slots = [Int32](repeating: -1, count: 64)

    var count: Int { starts.count - 1 }

    init() {}

    /// An empty table that holds `capacity` words before it grows.
    init(capacity: Int) {
        slots = [Int32](repeating: -1, count: Self.slotCount(for: capacity))
    }

    /// The table of distinct words given end to end, word `i` being `words[starts[i]..<starts[i + 1]]`
    /// (`starts` begins with 0), numbered in that order: no word is copied or compared.
    init(words: [UInt8], starts: [Int32]) {
        bytes = words
        self.starts = starts
        slots = [Int32](repeating: -1, count: Self.slotCount(for: starts.count - 1))
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
        var slot = Self.hash(utf8) & mask
        while true {
            let candidate = slots[slot]
            if candidate < 0 { return nil }
            if equals(Int(candidate), utf8) { return candidate }
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
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for id in 0..<count {
            let hash = bytes.withUnsafeBufferPointer { all in
                Self.hash(UnsafeBufferPointer(rebasing: all[Int(starts[id])..<Int(starts[id + 1])]))
            }
            place(Int32(id), hash: hash)
        }
    }

    /// FNV-1a, 64-bit. Not seeded: the keys are the glossaries' own words, not attacker input,
    /// and probing stays short because the table is at most half full.
    static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
