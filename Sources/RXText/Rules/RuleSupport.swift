/// Small helpers rules share for reading words of a sentence.
extension AnnotatedSentence {
    /// The NFC text of word `index`.
    func text(_ index: Int, in article: AnnotatedArticle) -> String {
        article.document.text(words[index].range)
    }

    /// The byte range covering words `tokens`.
    func range(_ tokens: Range<Int>) -> ByteRange {
        ByteRange(words[tokens.lowerBound].range.start, words[tokens.upperBound - 1].range.end)
    }

    func isWord(_ index: Int) -> Bool { words[index].kind == .word }

    /// Whether two tokens fold to the same word: by their ids when the lexicon knows either,
    /// else by their folds; two ASCII words (their traits say so) by their bytes, ignoring case.
    func sameWord(_ a: Int, _ b: Int) -> Bool {
        let (x, y) = (wordIDs[a], wordIDs[b])
        if x >= 0 || y >= 0 { return x == y }
        guard traits[a].union(traits[b]).contains(.outsideASCII) else { return folded.sameASCII(a, b) }
        return folded[a] == folded[b]
    }

    /// The word starts with an upper-case letter.
    func isCapitalized(_ index: Int) -> Bool { traits[index].contains(.capitalized) }

    func isLowercaseStart(_ index: Int, in article: AnnotatedArticle) -> Bool {
        UTF8Scalars.isLowercase(at: words[index].range.start, in: article.document.bytes)
    }

    /// Only whitespace separates words `a` and `a + 1`.
    func adjacent(_ a: Int, in article: AnnotatedArticle) -> Bool {
        let gap = article.document.bytes[words[a].range.end..<words[a + 1].range.start]
        return !gap.isEmpty && gap.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}

extension String {
    /// The string with its first letter in upper case ("what" -> "What").
    var capitalizingFirstLetter: String {
        guard let first = first else { return self }
        return first.uppercased() + dropFirst()
    }

    /// The replacement in the case pattern of the original: "Handsome" -> "Impressive".
    func matchingCase(of original: String) -> String {
        guard let first = original.first, first.isUppercase else { return self }
        if original.count > 1 && original.allSatisfy({ !$0.isLetter || $0.isUppercase }) { return uppercased() }
        return capitalizingFirstLetter
    }
}

/// A rough English stem for comparing derivations ("prepared", "prepare", "preparing" -> "prepar"):
/// the first suffix of the glossaries' `stem-suffixes` list that a word of more than three
/// letters besides it ends with is cut.
struct Stem: Sendable {
    private let suffixes: [String]
    private let asciiSuffixes: [[UInt8]]
    /// Each suffix's length in characters, counted once: `String.count` walks the grapheme
    /// breaks, and `same` asked it of every suffix for every word it compared.
    private let suffixLengths: [Int]

    init(suffixes: [String]) {
        self.suffixes = suffixes
        asciiSuffixes = suffixes.map { Array($0.utf8) }
        suffixLengths = suffixes.map(\.count)
    }

    func of(_ word: String) -> String {
        let length = word.count
        for (suffix, suffixLength) in zip(suffixes, suffixLengths)
        where length > suffixLength + 3 && word.hasSuffix(suffix) {
            return String(word.dropLast(suffixLength))
        }
        return word
    }

    /// `of(a) == of(b)`. Two rules ask it of every "X of the Y" and "X to Y" in the archive:
    /// ASCII words, nearly all, are compared on their bytes without building either stem (when
    /// the suffixes are ASCII too).
    func same(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        let ascii: Bool? = a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.allSatisfy({ $0 < 0x80 }), y.allSatisfy({ $0 < 0x80 }) else { return nil }
                let length = asciiStemLength(x)
                return length == asciiStemLength(y) && x.prefix(length).elementsEqual(y.prefix(length))
            }
        }
        return ascii ?? (of(a) == of(b))
    }

    /// The byte length of `of` for an ASCII word, where each character is one byte (an ASCII
    /// word cannot end with a suffix outside ASCII).
    private func asciiStemLength(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        for (suffix, characters) in zip(asciiSuffixes, suffixLengths)
        where word.count > characters + 3 && word.suffix(suffix.count).elementsEqual(suffix) {
            return word.count - suffix.count
        }
        return word.count
    }
}
