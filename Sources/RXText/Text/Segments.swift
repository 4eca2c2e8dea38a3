/// What a word-break segment is, from ICU's rule status and the segment's first scalar.
public enum TokenKind: String, Sendable, Codable, CaseIterable {
    case word
    case number
    case punctuation
    case space
    case symbol
}

/// One word-break segment of a sentence.
public struct Token: Hashable, Sendable {
    public var range: ByteRange
    public var kind: TokenKind

    public init(range: ByteRange, kind: TokenKind) {
        self.range = range
        self.kind = kind
    }

    public var isWordLike: Bool { kind == .word || kind == .number }
}

/// A paragraph: a run of non-blank lines. Dialogue paragraphs open with a dash, the Finnish
/// convention for quoted speech ("– Well, ...").
public struct Paragraph: Hashable, Sendable {
    public var index: Int
    public var range: ByteRange
    public var isDialogue: Bool

    /// Spans between quotation marks, marks included. Found on request: only the `tokens`
    /// command reports them, and finding them for every paragraph of a lint run cost about 1%.
    public func quotes(in document: Document) -> [ByteRange] {
        Dialogue.quotedSpans(in: range, of: document.bytes)
    }
}

/// A sentence with its tokens (spaces included, in order).
public struct Sentence: Hashable, Sendable {
    public var index: Int
    public var range: ByteRange
    public var paragraph: Int
    /// The sentence is the first of its paragraph.
    public var opensParagraph: Bool
    /// The sentence belongs to a dialogue paragraph.
    public var isDialogue: Bool
    public var tokens: [Token]
    /// The "sentence" goes on from the one before: a piece of a sentence longer than
    /// `Segmenter.longestSentence`, or the start of a window of a huge file that a sentence
    /// runs into. Its first word does not start a sentence.
    public var continuesSentence = false

    /// Tokens that are words or numbers: what most rules look at.
    public var words: [Token] { tokens.filter(\.isWordLike) }
}
