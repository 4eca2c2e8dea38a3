/// An article with everything the later stages read: sentences with their words and lexicon
/// matches, and the entity mentions resolved against the whole article.
public struct AnnotatedArticle: Sendable {
    public let document: Document
    public let lexicon: Lexicon
    public let paragraphs: [Paragraph]
    public let sentences: [AnnotatedSentence]
    public let mentions: [Mention]
    /// Drivers named in the article (full name or resolved surname), by glossary index.
    public let driversMentioned: Set<Int>
    /// The article is about motorsport as far as the glossaries can tell: it names a driver, a
    /// venue, a class, a championship or a team (a car make or a country alone says nothing).
    /// Rules that read Finnish into capitalised English words ask this first: on ordinary news
    /// they must not fire.
    public let namesMotorsport: Bool

    init(
        document: Document, lexicon: Lexicon, paragraphs: [Paragraph], sentences: [AnnotatedSentence],
        mentions: [Mention]
    ) {
        self.document = document
        self.lexicon = lexicon
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.mentions = mentions
        driversMentioned = Set(mentions.compactMap { if case .driver(let index) = $0.entity { index } else { nil } })
        namesMotorsport = mentions.contains { mention in
            switch mention.entity {
            case .driver, .venue, .raceClass, .championship, .team: true
            case .country, .car: false
            }
        }
    }
}

/// One sentence: its non-space tokens with their ids and traits, and the lexicon's matches over them.
///
/// A class, not a struct: every rule loops over the sentences, and passing one reference is
/// cheaper than retaining each of its columns at every step.
public final class AnnotatedSentence: Sendable {
    public let sentence: Sentence
    /// Non-space tokens (words, numbers, punctuation, symbols) in order.
    public let words: SentenceColumn<Token>
    /// `ICU.fold` of each entry of `words`, made when read.
    public let folded: FoldedWords
    public let matches: SentenceColumn<LexiconMatch>
    /// What the rules ask of each entry of `words`, worked out once here: several rules read
    /// every word of the archive.
    public let traits: SentenceColumn<TokenTraits>
    /// The lexicon's id of each entry of `folded`, -1 for a word it does not know: equal ids are
    /// equal words, and rules compare them with their marked words' ids (`MarkedWord.id`).
    public let wordIDs: SentenceColumn<Int32>
    /// Which marked words the sentence has: a rule that starts from one ("of", "to", "motor")
    /// passes over a sentence without it (`has(_:)`).
    public let marks: WordMarks
    /// Every trait that some entry of `words` has: a rule that reads only words with a trait
    /// (Finnish words, words outside ASCII) passes over a sentence without one.
    public let traitsPresent: TokenTraits
    /// Whether two neighbouring words may be the same word (`sameWord`): equal ids, or two
    /// words the lexicon does not know that could fold alike. When false, none are.
    public let mayRepeatAWord: Bool

    init(
        sentence: Sentence, words: SentenceColumn<Token>, bytes: [UInt8], matches: SentenceColumn<LexiconMatch>,
        traits: SentenceColumn<TokenTraits>, wordIDs: SentenceColumn<Int32>, summary: SentenceSummary
    ) {
        self.sentence = sentence
        self.words = words
        self.folded = FoldedWords(words, of: bytes)
        self.matches = matches
        self.traits = traits
        self.wordIDs = wordIDs
        marks = summary.marks
        traitsPresent = summary.traits
        mayRepeatAWord = summary.mayRepeatAWord
    }

    public var range: ByteRange { sentence.range }

    /// Whether some word of the sentence is `word`.
    public func has(_ word: MarkedWord) -> Bool { marks.contains(word.mark) }
}

/// What annotation notes about a sentence while it passes over its words, for the rules to
/// pass over sentences without what they look for (`AnnotatedSentence.marks` and the rest).
struct SentenceSummary {
    var marks: WordMarks = []
    var traits: TokenTraits = []
    var mayRepeatAWord = false
}

/// One sentence's entries of a column that the whole article shares (tokens, traits, ids, matches),
/// indexed from 0 like an array of its own. An article allocates each column once, not once
/// per sentence: a run makes and frees a few arrays per article instead of a few per sentence.
public struct SentenceColumn<Element>: RandomAccessCollection {
    private let entries: ArraySlice<Element>

    init(_ entries: ArraySlice<Element>) {
        self.entries = entries
    }

    init(_ entries: [Element]) {
        self.entries = entries[...]
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }

    public subscript(position: Int) -> Element {
        entries[entries.startIndex + position]
    }
}

extension SentenceColumn: Sendable where Element: Sendable {}

/// Facts about one token of an `AnnotatedSentence`.
public struct TokenTraits: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A word token (not a number, punctuation or a symbol).
    public static let word = TokenTraits(rawValue: 1 << 0)
    /// Starts with an upper-case letter.
    public static let capitalized = TokenTraits(rawValue: 1 << 1)
    /// Inside a lexicon match of an entity (a driver, venue, ...).
    public static let inEntity = TokenTraits(rawValue: 1 << 2)
    /// Inside any lexicon match.
    public static let inMatch = TokenTraits(rawValue: 1 << 3)
    /// Folds to a common word of the source language (the glossaries' `finnish-words`).
    public static let sourceWord = TokenTraits(rawValue: 1 << 4)
    /// Has a byte outside ASCII (a letter with a diacritic, a dash, another script).
    public static let outsideASCII = TokenTraits(rawValue: 1 << 5)
    /// Starts with two ASCII capitals ("EM", "FIA").
    public static let capitalPair = TokenTraits(rawValue: 1 << 6)
}

/// An entity named in the text.
public struct Mention: Hashable, Sendable {
    public enum Entity: Hashable, Sendable {
        case driver(Int)
        case venue(Int)
        case country(Int, adjective: Bool)
        case raceClass(Int)
        case championship(Int, finnish: Bool)
        case team(Int)
        case car(Int)
    }

    public var entity: Entity
    public var range: ByteRange
    public var sentence: Int
    /// Token indexes within the sentence's `words`.
    public var tokens: Range<Int>

    /// The contract's mention type: driver, venue, country, class, championship, team, car.
    public var type: String {
        switch entity {
        case .driver: "driver"
        case .venue: "venue"
        case .country: "country"
        case .raceClass: "class"
        case .championship: "championship"
        case .team: "team"
        case .car: "car"
        }
    }

    public func canonicalName(in glossary: Glossary) -> String {
        switch entity {
        case .driver(let i): glossary.drivers[i].name
        case .venue(let i): glossary.venues[i].name
        case .country(let i, _): glossary.countries[i].name
        case .raceClass(let i): glossary.classes[i].name
        case .championship(let i, _): glossary.championships[i].name
        case .team(let i): glossary.teams[i].name
        case .car(let i): glossary.cars[i].name
        }
    }
}
