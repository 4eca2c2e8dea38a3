/// What a phrase in the lexicon stands for.
public enum LexiconEntry: Hashable, Sendable {
    case driver(Int)
    /// A bare surname derived from driver names; several drivers when it is ambiguous.
    case driverSurname([Int])
    case country(Int, adjective: Bool)
    case venue(Int)
    case raceClass(Int)
    case championship(Int, finnish: Bool)
    case team(Int)
    case car(Int)
    case spelling(Int)
    case calque(Int)
    case consistency(group: Int, form: Int)
    /// An English rendering of the surname of these drivers ("Rock" for Kallio).
    case surnameLiteral([Int])
    case untranslated(Int)

    /// Matches of different categories may overlap; within a category the longest wins.
    public enum Category: Int, CaseIterable, Sendable {
        case entity, garble, consistency, surnameLiteral
    }

    public var category: Category {
        switch self {
        case .driver, .driverSurname, .country, .venue, .raceClass, .championship, .team, .car: .entity
        case .spelling, .calque, .untranslated: .garble
        case .consistency: .consistency
        case .surnameLiteral: .surnameLiteral
        }
    }
}

/// How the letter case of a match must agree with the glossary form.
public enum CaseRule: Hashable, Sendable {
    /// Case- and diacritic-insensitive.
    case any
    /// The NFC text must equal the form exactly (Finnish abbreviations: EM, not "em").
    case exact
    /// The first letter must be upper case (derived surnames, surname calques: "Rock", not "rock").
    case capitalized
}

/// One way a phrase reaches an entry: the form and why it is there (for `glossary find`).
///
/// A class compared by value: every match carries its sense, and a match is copied several
/// times on its way to the rules; one reference is one retain where the entry and two strings
/// were three or more.
public final class LexiconSense: Hashable, Sendable {
    public let entry: LexiconEntry
    public let form: String
    public let origin: String
    public let caseRule: CaseRule
    /// `entry.category`, kept: reading it from the entry copies the entry, and with it the
    /// drivers' array of a surname, at every match.
    public let category: LexiconEntry.Category

    init(entry: LexiconEntry, form: String, origin: String, caseRule: CaseRule) {
        self.entry = entry
        self.form = form
        self.origin = origin
        self.caseRule = caseRule
        category = entry.category
    }

    public static func == (a: LexiconSense, b: LexiconSense) -> Bool {
        a === b || (a.entry == b.entry && a.form == b.form && a.origin == b.origin && a.caseRule == b.caseRule)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(entry)
        hasher.combine(form)
        hasher.combine(origin)
        hasher.combine(caseRule)
    }
}

/// A phrase found in a sentence.
public struct LexiconMatch: Hashable, Sendable {
    public var range: ByteRange
    /// Indexes into the sentence's word-like token list.
    public var tokens: Range<Int>
    public var sense: LexiconSense
    /// The last token carried a possessive ("Kallio’s").
    public var possessive: Bool

    public var entry: LexiconEntry { sense.entry }
}
