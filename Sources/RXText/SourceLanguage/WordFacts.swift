/// What the source-language rules ask of a word as it is written, answered from its bytes:
/// whether it folds to an English word, and how Voikko reads it.
///
/// `untranslated.finnish-word`, `untranslated.case-ending` and `calque.surname` read the same
/// unknown and capitalised words of every sentence, and each asked these questions its own way,
/// making the word's fold as a `String` for the English list and another `String` for Voikko.
/// The rule set makes one `WordFacts` that all three read (`RuleContext.wordFacts`). An ASCII
/// word is folded on the stack, and each thread remembers its recent English answers in a small
/// table (the 75,000-word list does not stay in the processor's cache, and an archive asks about
/// the same few thousand words again and again); Voikko's own cache remembers each form's readings.
public struct WordFacts: Sendable {
    public let english: EnglishWords
    /// Voikko, when installed; without it every word has no readings.
    public let morphology: Voikko?
    /// Words up to this many bytes are folded on the stack.
    private static let scratchBytes = 128

    public init(english: EnglishWords, morphology: Voikko?) {
        self.english = english
        self.morphology = morphology
    }

    /// Whether `bytes[range]` folds (`ICU.fold`, as `AnnotatedSentence.folded` does) to a word
    /// of the English list.
    public func isEnglish(_ bytes: [UInt8], _ range: ByteRange) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.scratchBytes) { scratch in
                guard let count = ICU.foldASCII(all, range, into: scratch) else {
                    let word = UnsafeBufferPointer(rebasing: all[range.start..<range.end])
                    return english.contains(WordCache.current.fold(word))
                }
                let word = UnsafeBufferPointer(rebasing: scratch[..<count])
                guard count <= EnglishMemo.longestWord else { return english.contains(word) }
                return EnglishMemo.current(for: english.identity).answer(word) { english.contains(word) }
            }
        }
    }

    /// Voikko's readings of `bytes[range]` as written (NFC, as `Document.text` gives it); empty
    /// without Voikko or when it is not a Finnish word.
    public func readings(_ bytes: [UInt8], _ range: ByteRange) -> [MorphAnalysis] {
        guard let morphology else { return [] }
        return morphology.analyze(ICU.withNFC(bytes[range.start..<range.end]) { String(decoding: $0, as: UTF8.self) })
    }
}

/// One thread's recent answers to `WordFacts.isEnglish`, exact: slot `hash & (slots - 1)` holds
/// the last folded word asked there (its length, its answer, its bytes), and a word asked again
/// is answered from it. 4,096 slots of 24 bytes: 96 KB that stay in the cache, where the word
/// list is megabytes.
private final class EnglishMemo {
    static let slots = 4096
    static let slotBytes = 24
    /// Longer words are not remembered (two bytes of each slot are its length and answer).
    static let longestWord = slotBytes - 2

    /// The word list whose answers these are (`EnglishWords.identity`): a thread's memo serves
    /// one at a time and is emptied when another asks (tests load many; a run loads one).
    private var owner = 0
    private let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: slots * slotBytes)

    init() { storage.initialize(repeating: 0, count: Self.slots * Self.slotBytes) }
    deinit { storage.deallocate() }

    private static let memos = ThreadLocal { EnglishMemo() }

    /// The calling thread's memo, emptied if it held another list's answers.
    static func current(for owner: Int) -> EnglishMemo {
        let memo = memos.current
        if memo.owner != owner {
            memo.storage.update(repeating: 0, count: slots * slotBytes)
            memo.owner = owner
        }
        return memo
    }

    /// The remembered answer for `word` (at most `longestWord` bytes), else `ask()`'s, remembered.
    func answer(_ word: UnsafeBufferPointer<UInt8>, _ ask: () -> Bool) -> Bool {
        let slot = storage + (WordTable.hash(word) & (Self.slots - 1)) * Self.slotBytes
        if Int(slot[0]) == word.count + 1 {
            var same = true
            for offset in 0..<word.count where slot[2 + offset] != word[offset] {
                same = false
                break
            }
            if same { return slot[1] == 1 }
        }
        let english = ask()
        slot[0] = UInt8(word.count + 1)
        slot[1] = english ? 1 : 0
        for offset in 0..<word.count { slot[2 + offset] = word[offset] }
        return english
    }
}
