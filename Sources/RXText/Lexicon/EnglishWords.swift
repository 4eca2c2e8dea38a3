import Foundation

/// A real English word list (the target language's), for telling unknown words from known ones
/// (spelling rules) and surnames that are also words. Read from `wordlists/english.txt` of the
/// glossary directory in use (SCOWL via Debian's wamerican, folded and sorted by bytes), falling
/// back to `/usr/share/dict/words`; compiled into the lexicon once per process.
///
/// Kept without building a hash set: the file's bytes and its line offsets are looked up by
/// binary search, so a one-article `extract` does not pay for 75,000 string insertions.
public struct EnglishWords: Sendable {
    private let bytes: [UInt8]
    /// Start and end offsets of each word, sorted by the words' bytes.
    private let starts: [UInt32]
    private let ends: [UInt32]
    /// Where the words starting with each pair of bytes begin, by `bucket(_:)`: a lookup
    /// searches only its bucket (a dozen words, not 75,000). One more entry closes the last.
    private let bucketStarts: [UInt32]

    public init(text: String) {
        var bytes = Array(text.utf8)
        var words: [(Int, Int)] = []
        var start = 0
        for index in 0...bytes.count {
            guard index == bytes.count || bytes[index] == 0x0A else { continue }
            if index > start && bytes[start] != UInt8(ascii: "#") { words.append((start, index)) }
            start = index + 1
        }
        var sorted = true
        for k in words.indices.dropFirst() where Self.compare(bytes, words[k - 1], bytes, words[k]) >= 0 {
            sorted = false
            break
        }
        if !sorted {
            // An unsorted list (a system dictionary): fold, sort and deduplicate once.
            let folded = Set(words.map { ICU.fold(String(decoding: bytes[$0.0..<$0.1], as: UTF8.self)) })
                .filter { !$0.hasSuffix("'s") }.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
            bytes = []
            words = []
            for word in folded {
                words.append((bytes.count, bytes.count + word.count))
                bytes += word
            }
        }
        self.bytes = bytes
        starts = words.map { UInt32($0.0) }
        ends = words.map { UInt32($0.1) }
        // Sorted by bytes, so the words of each bucket follow one another in bucket order.
        var bucketStarts = [UInt32](repeating: 0, count: (1 << 16) + 1)
        var next = 0
        for (index, word) in words.enumerated() {
            let bucket = bytes.withUnsafeBufferPointer {
                Self.bucket(UnsafeBufferPointer(rebasing: $0[word.0..<word.1]))
            }
            while next <= bucket {
                bucketStarts[next] = UInt32(index)
                next += 1
            }
        }
        while next < bucketStarts.count {
            bucketStarts[next] = UInt32(words.count)
            next += 1
        }
        self.bucketStarts = bucketStarts
    }

    /// A word's first two bytes (the first and 0 for a one-byte word), which orders buckets as
    /// the words themselves are ordered.
    private static func bucket(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        word.isEmpty ? 0 : Int(word[0]) << 8 | (word.count > 1 ? Int(word[1]) : 0)
    }

    public var count: Int { starts.count }

    /// Whether a folded word (lower case, no diacritics) is English.
    public func contains(_ folded: String) -> Bool {
        var word = folded
        return word.withUTF8 { needle in
            let bucket = Self.bucket(needle)
            var low = Int(bucketStarts[bucket])
            var high = Int(bucketStarts[bucket + 1])
            while low < high {
                let mid = (low + high) / 2
                let order = bytes.withUnsafeBufferPointer { buffer in
                    Self.compare(UnsafeBufferPointer(rebasing: buffer[Int(starts[mid])..<Int(ends[mid])]), needle)
                }
                if order == 0 { return true }
                if order < 0 { low = mid + 1 } else { high = mid }
            }
            return false
        }
    }

    private static func compare(_ a: [UInt8], _ x: (Int, Int), _ b: [UInt8], _ y: (Int, Int)) -> Int {
        a.withUnsafeBufferPointer { left in
            b.withUnsafeBufferPointer { right in
                compare(UnsafeBufferPointer(rebasing: left[x.0..<x.1]), UnsafeBufferPointer(rebasing: right[y.0..<y.1]))
            }
        }
    }

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
