import Foundation

/// A real English word list (the target language's), for telling unknown words from known ones
/// (spelling rules) and surnames that are also words. Read from `wordlists/english.txt` of the
/// glossary directory in use (SCOWL via Debian's wamerican, folded and sorted by bytes), falling
/// back to `/usr/share/dict/words`; compiled into the lexicon once per process.
///
/// The words are kept in a `WordTable` over their bytes, built without making a `String` per
/// word (so a one-article `extract` does not pay for 75,000 string insertions), and a lookup is
/// one hash and a probe or two: the Finnish rules ask about most words of an archive that the
/// lexicon does not know, and a binary search of the sorted list was a dozen cache misses each.
public struct EnglishWords: Sendable {
    private let table: WordTable
    /// Tells word lists apart (copies share it): what per-thread memos of their answers are
    /// kept for (`WordFacts`).
    public let identity: Int

    public init(text: String) {
        var text = text
        table = text.withUTF8(Self.table)
        identity = Self.identities.withLock {
            Self.lastIdentity += 1
            return Self.lastIdentity
        }
    }

    private static let identities = Lock()
    nonisolated(unsafe) private static var lastIdentity = 0

    private static func table(_ text: UnsafeBufferPointer<UInt8>) -> WordTable {
        var packed: [UInt8] = []
        packed.reserveCapacity(text.count)
        var starts: [Int32] = [0]
        var sorted = true
        var previous = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var start = 0
        for index in 0...text.count {
            guard index == text.count || text[index] == 0x0A else { continue }
            if index > start && text[start] != UInt8(ascii: "#") {
                let word = UnsafeBufferPointer(rebasing: text[start..<index])
                if sorted && starts.count > 1 && compare(previous, word) >= 0 { sorted = false }
                previous = word
                packed.append(contentsOf: word)
                starts.append(Int32(packed.count))
            }
            start = index + 1
        }
        // A list sorted by bytes is taken as folded already (the shipped one is); any other
        // (a system dictionary) is folded, and possessives dropped, once.
        if sorted { return WordTable(words: packed, starts: starts) }
        let folded = Set(
            starts.indices.dropLast().map {
                ICU.fold(String(decoding: packed[Int(starts[$0])..<Int(starts[$0 + 1])], as: UTF8.self))
            }
        ).filter { !$0.hasSuffix("'s") }
        var table = WordTable(capacity: folded.count)
        for word in folded { _ = table.insert(word) }
        return table
    }

    public var count: Int { table.count }

    /// Whether a folded word (lower case, no diacritics) is English.
    public func contains(_ folded: String) -> Bool {
        var word = folded
        return word.withUTF8(contains)
    }

    /// Whether the folded word spelled by `utf8` is English.
    public func contains(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool { table.id(of: utf8) != nil }

    /// Byte-wise three-way comparison.
    private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let count = min(a.count, b.count)
        for i in 0..<count where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    /// Where a glossary directory keeps its English word list.
    public static func path(in glossaries: String) -> String {
        (glossaries as NSString).appendingPathComponent("wordlists/english.txt")
    }

    /// The word list of the glossary directory `glossaries`, else the system's, else none.
    public static func load(glossaries: String) -> EnglishWords {
        for path in [Self.path(in: glossaries), "/usr/share/dict/words"] {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { return EnglishWords(text: text) }
        }
        return EnglishWords(text: "")
    }
}
