import CRXICU

/// What ICU says of words with letters outside ASCII (their fold, whether they mix scripts),
/// remembered per thread.
///
/// An archive names the same drivers and places ("Grönholm", "Höljes") over and over, and one
/// ICU fold of a word costs four allocations and two normalisations: a repeat costs a hash and
/// a compare here. Each thread has its own cache (`current`), so no lock is taken; it is
/// emptied when it reaches `capacity` words, which bounds its memory whatever the input.
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

    /// `ICU.fold(utf8)` (all options) as a String.
    public func fold(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        folded[id(of: utf8)]
    }

    /// Whether ICU's spoof checker finds letters of several scripts in the word (`rx_spoof_mixed_script`).
    func mixesScripts(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let id = id(of: utf8)
        if mixedScripts[id] < 0 {
            mixedScripts[id] = rx_spoof_mixed_script(utf8.baseAddress, Int32(utf8.count)) == 1 ? 1 : 0
        }
        return mixedScripts[id] == 1
    }

    private func id(of utf8: UnsafeBufferPointer<UInt8>) -> Int {
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
