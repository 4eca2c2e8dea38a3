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

/// A rough English stem for comparing derivations ("prepared", "prepare", "preparing" -> "prepar").
enum Stem {
    private static let suffixes = ["ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "er", "s", "e", "y"]
    private static let asciiSuffixes = suffixes.map { Array($0.utf8) }

    static func of(_ word: String) -> String {
        var stem = word
        for suffix in suffixes {
            if stem.count > suffix.count + 3 && stem.hasSuffix(suffix) {
                stem = String(stem.dropLast(suffix.count))
                break
            }
        }
        return stem
    }

    /// `of(a) == of(b)`. Two rules ask it of every "X of the Y" and "X to Y" in the archive:
    /// ASCII words, nearly all, are compared on their bytes without building either stem.
    static func same(_ a: String, _ b: String) -> Bool {
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

    /// The byte length of `of` for an ASCII word, where each character is one byte.
    private static func asciiStemLength(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        for suffix in asciiSuffixes
        where word.count > suffix.count + 3 && word.suffix(suffix.count).elementsEqual(suffix) {
            return word.count - suffix.count
        }
        return word.count
    }
}

/// Words that rules look for in every sentence ("X of the X", "prepared to prepare"). The lexicon
/// gives each an id, and rules compare the tokens' ids with it (`AnnotatedSentence.wordIDs`)
/// rather than each token's folded `String` with a literal; a sentence without the word a rule
/// starts from (`AnnotatedSentence.ruleWords`) is passed over whole.
enum RuleWord: Int, CaseIterable {
    case of, the, to, motor

    /// The word as folded tokens spell it.
    var text: String {
        switch self {
        case .of: "of"
        case .the: "the"
        case .to: "to"
        case .motor: "motor"
        }
    }
}

/// A set of `RuleWord`s: those a sentence has.
public struct RuleWords: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ word: RuleWord) { rawValue = 1 << UInt8(word.rawValue) }

    func contains(_ word: RuleWord) -> Bool { contains(RuleWords(word)) }
}
