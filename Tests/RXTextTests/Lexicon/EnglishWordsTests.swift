import Testing

@testable import RXText

@Suite struct EnglishWordsTests {
    /// Each word is found, and no other: one-byte words, words sharing a prefix, prefixes and
    /// extensions of listed words, non-ASCII bytes.
    @Test func everyListedWordIsFoundAndNoOther() {
        let listed = ["a", "aa", "ab", "abc", "b", "ba", "kallio", "z", "zz", "zzz", "åland", "öljy"]
        let words = EnglishWords(
            text: listed.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
                .joined(separator: "\n"))
        #expect(words.count == listed.count)
        for word in listed { #expect(words.contains(word), "\(word)") }
        for word in ["", "ac", "abd", "c", "kalli", "kallion", "zzzz", "y", "å", "ö"] {
            #expect(!words.contains(word), "\(word)")
        }
    }

    /// An unsorted list (a system dictionary) is folded first, its possessives dropped.
    @Test func anUnsortedListIsFolded() {
        let words = EnglishWords(text: "Zebra\napple\nMango\n# a comment\nmango's\n")
        for word in ["zebra", "apple", "mango"] { #expect(words.contains(word), "\(word)") }
        #expect(!words.contains("Zebra"))
        #expect(!words.contains("mango's"))
    }
}
