/// The folded form (`ICU.fold`) of each token of a sentence, made when it is read.
///
/// Rules gate on word ids and traits first and read the fold of few words: folding every token
/// of the archive into a `String` up front cost more than all the rules' reads together. A
/// word with letters outside ASCII is folded through the thread's `WordCache`; an ASCII word
/// is lower-cased in place.
public struct FoldedWords: RandomAccessCollection, Sendable {
    private let words: SentenceColumn<Token>
    private let bytes: [UInt8]

    init(_ words: SentenceColumn<Token>, of bytes: [UInt8]) {
        self.words = words
        self.bytes = bytes
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { words.count }

    public subscript(position: Int) -> String {
        withWord(position) { word in
            guard word.allSatisfy({ $0 < 0x80 }) else { return WordCache.current.fold(word) }
            return String(unsafeUninitializedCapacity: word.count) { target in
                for (offset, byte) in word.enumerated() { target[offset] = UTF8Scalars.asciiLowercased(byte) }
                return word.count
            }
        }
    }

    /// Whether words `a` and `b`, both of ASCII only, fold alike: their bytes compared without
    /// a `String`, ignoring case.
    func sameASCII(_ a: Int, _ b: Int) -> Bool {
        withWord(a) { first in
            withWord(b) { second in
                guard first.count == second.count else { return false }
                for (x, y) in zip(first, second)
                where UTF8Scalars.asciiLowercased(x) != UTF8Scalars.asciiLowercased(y) {
                    return false
                }
                return true
            }
        }
    }

    private func withWord<R>(_ position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = words[position].range
        return bytes.withUnsafeBufferPointer { all in body(UnsafeBufferPointer(rebasing: all[range.start..<range.end]))
        }
    }
}
