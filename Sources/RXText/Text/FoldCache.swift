#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `ICU.fold` of words with letters outside ASCII, remembered per thread.
///
/// An archive names the same drivers and places ("Grönholm", "Höljes") over and over, and one
/// ICU fold of a word costs four allocations and two normalisations: a repeat costs a hash and
/// a compare here. Each thread has its own cache (`current`), so no lock is taken; it is
/// emptied when it reaches `capacity` words, which bounds its memory whatever the input.
public final class FoldCache {
    private var words = WordTable()
    private var folded: [String] = []
    let capacity: Int

    /// Words remembered now.
    var count: Int { folded.count }

    init(capacity: Int = 8192) {
        self.capacity = capacity
    }

    /// `ICU.fold(utf8)` (all options) as a String.
    public func fold(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        if let id = words.id(of: utf8) { return folded[Int(id)] }
        let result = String(decoding: ICU.fold(utf8), as: UTF8.self)
        if folded.count >= capacity {
            words = WordTable()
            folded.removeAll(keepingCapacity: true)
        }
        _ = words.insert(utf8)
        folded.append(result)
        return result
    }

    /// `ICU.fold(string)` (all options).
    public func fold(_ string: String) -> String {
        var string = string
        return string.withUTF8(fold)
    }

    /// The calling thread's cache.
    public static var current: FoldCache {
        if let pointer = pthread_getspecific(threadKey) {
            return Unmanaged<FoldCache>.fromOpaque(pointer).takeUnretainedValue()
        }
        let cache = FoldCache()
        pthread_setspecific(threadKey, Unmanaged.passRetained(cache).toOpaque())
        return cache
    }

    /// Released with its thread.
    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<FoldCache>.fromOpaque(pointer).release()
        }
        precondition(status == 0, "pthread_key_create failed (\(status))")
        return key
    }()
}
