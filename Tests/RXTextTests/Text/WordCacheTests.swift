import Foundation
import Testing

@testable import RXText

@Suite struct WordCacheTests {
    /// A remembered fold is ICU's, first time and every repeat, and a full cache starts again
    /// without losing a word.
    @Test func foldsAsICUDoesAcrossAReset() {
        let cache = WordCache(capacity: 3)
        let words = ["Grönholm", "Höljes", "Baciuška", "Straße", "Grönholm", "ŠKODA", "Höljes", "Åmål", "Grönholm"]
        for word in words + words {
            var bytes = word
            let folded = bytes.withUTF8 { cache.fold($0) }
            #expect(folded == ICU.fold(word), "\(word)")
            #expect(cache.fold(word) == ICU.fold(word), "\(word)")
        }
        #expect(cache.count <= 3)
    }

    /// A word longer than `longestWord` bytes gets ICU's answers without taking room.
    @Test func longWordsAreAnsweredWithoutBeingRemembered() {
        let cache = WordCache()
        var long = String(repeating: "Grönholm", count: 20)
        #expect(long.utf8.count > WordCache.longestWord)
        #expect(long.withUTF8 { cache.fold($0) } == ICU.fold(long))
        #expect(long.withUTF8 { cache.mixesScripts($0) } == false)
        var spoofed = String(repeating: "K\u{0430}llio", count: 20)
        #expect(spoofed.withUTF8 { cache.mixesScripts($0) })
        #expect(cache.count == 0)
        var name = "Grönholm"
        _ = name.withUTF8 { cache.fold($0) }
        #expect(cache.count == 1)
    }

    /// The spoof checker's verdict, asked once per word and remembered across repeats.
    @Test func remembersWhetherAWordMixesScripts() {
        let cache = WordCache(capacity: 2)
        for word in ["K\u{0430}llio", "Grönholm", "K\u{0430}llio", "Хёльес", "rallycr\u{03BF}ss", "Grönholm"] {
            var bytes = word
            let expected = word == "K\u{0430}llio" || word == "rallycr\u{03BF}ss"
            #expect(bytes.withUTF8 { cache.mixesScripts($0) } == expected, "\(word)")
            #expect(bytes.withUTF8 { cache.fold($0) } == ICU.fold(word), "\(word)")
        }
    }

    /// Each thread has its own cache: no lock is needed.
    @Test func eachThreadHasItsOwn() {
        let here = WordCache.current
        #expect(WordCache.current === here)
        final class Box: @unchecked Sendable { var cache: WordCache? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.cache = WordCache.current
            done.signal()
        }
        thread.start()
        done.wait()
        #expect(box.cache != nil && box.cache !== here)
    }
}
