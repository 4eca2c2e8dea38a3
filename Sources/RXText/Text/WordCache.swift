import CRXICU

/// What ICU says of words (their fold, whether they mix scripts), remembered per thread; asked
/// of words with letters outside ASCII and of names.
///
/// An archive names the same drivers and places ("Grönholm", "Höljes") over and over, and one
/// ICU fold of a word costs four allocations and two normalisations: a repeat costs a hash and
/// a compare here. Each thread has its own cache (`current`), so no lock is taken. Its memory is
/// bounded whatever the input: it is emptied when it reaches `capacity` words, and a word longer
/// than `longestWord` bytes is answered without being remembered.
public final class WordCache {
    private var words = WordTable()
    private var folded: [String] = []
    /// Per word: 1 if it mixes scripts, 0 if not, -1 not asked yet.
    private var mixedScripts: [Int8] = []
    let capacity: Int

    /// Words remembered now.
    var count: Int { folded.count }

    init(capacity: Int = 8192) {
        self.capacity = capacity
    }

    /// Words longer than this are not remembered: names are short, and a hostile file's
    /// kilobyte-long "words" must not fill memory.
    static let longestWord = 64

    /// `ICU.fold(utf8)` (all options) as a String.
    public func fold(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        guard let id = id(of: utf8) else { return String(decoding: ICU.fold(utf8), as: UTF8.self) }
        return folded[id]
    }

    /// Whether ICU's spoof checker finds letters of several scripts in the word (`rx_spoof_mixed_script`).
    func mixesScripts(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        func ask() -> Int8 { rx_spoof_mixed_script(utf8.baseAddress, Int32(utf8.count)) == 1 ? 1 : 0 }
        guard let id = id(of: utf8) else { return ask() == 1 }
        if mixedScripts[id] < 0 { mixedScripts[id] = ask() }
        return mixedScripts[id] == 1
    }

    /// The word's number here, added if it is new; nil for a word too long to remember.
    private func id(of utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        guard utf8.count <= Self.longestWord else { return nil }
        if let id = words.id(of: utf8) { return Int(id) }
        if folded.count >= capacity {
            words = WordTable()
            folded.removeAll(keepingCapacity: true)
            mixedScripts.removeAll(keepingCapacity: true)
        }
        folded.append(String(decoding: ICU.fold(utf8), as: UTF8.self))
        mixedScripts.append(-1)
        return Int(words.insert(utf8))
    }

    /// `ICU.fold(string)` (all options).
    public func fold(_ string: String) -> String {
        var string = string
        return string.withUTF8(fold)
    }

    /// The calling thread's cache.
    public static var current: WordCache { perThread.current }

    private static let perThread = ThreadLocal { WordCache() }
}
