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
    }
}

/// One sentence: its non-space tokens with their folded forms, and the lexicon's matches over them.
///
/// A class, not a struct: every rule loops over the sentences, and passing one reference is
/// cheaper than retaining each of its arrays at every step.
public final class AnnotatedSentence: Sendable {
    public let sentence: Sentence
    /// Non-space tokens (words, numbers, punctuation, symbols) in order.
    public let words: [Token]
    /// `ICU.fold` of each entry of `words`.
    public let folded: [String]
    public let matches: [LexiconMatch]

    init(sentence: Sentence, words: [Token], folded: [String], matches: [LexiconMatch]) {
        self.sentence = sentence
        self.words = words
        self.folded = folded
        self.matches = matches
    }

    public var range: ByteRange { sentence.range }
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
