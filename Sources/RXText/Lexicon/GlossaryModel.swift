/// The glossaries as data: one struct per kind of entry, as `glossaries/README.md` describes.
/// Loaded by `GlossaryLoader`, compiled into a `Lexicon`.
public struct Glossary: Sendable, Codable {
    public var drivers: [Driver] = []
    public var surnameWords: [SurnameWord] = []
    public var countries: [Country] = []
    public var venues: [Venue] = []
    public var classes: [RaceClass] = []
    public var championships: [Championship] = []
    public var teams: [Team] = []
    public var cars: [Car] = []
    public var calendars: [Calendar] = []
    public var spellings: [Spelling] = []
    public var consistency: [ConsistencyGroup] = []
    public var calques: [Calque] = []
    public var untranslated: [Untranslated] = []
    public var finnishWords: [String] = []
    public var boilerplate: [Boilerplate] = []
    public var doubledWords: [String] = []
    /// Named lists of target-language words that rules consult (`word-lists:`).
    public var wordLists: [WordList] = []

    public init() {}

    /// The words of list `id`, in order, across every directory merged (empty when no list has
    /// that id).
    public func words(_ id: String) -> [String] {
        wordLists.filter { $0.id == id }.flatMap(\.words)
    }

    public struct Driver: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var nationality: String
        public var born: Int?
        public var aliases: [String]
        public var surname: String
        public var literal: [String]?
        public var series: [String]
        /// "female" where the driver is a woman; pronoun checks take every other driver as a man.
        public var gender: String? = nil
    }

    public struct SurnameWord: Sendable, Hashable, Codable {
        public var id: String
        public var finnish: String
        public var english: [String]
    }

    public struct Country: Sendable, Hashable, Codable {
        public var id: String
        public var code: String
        public var alpha3: String
        public var name: String
        public var adjectives: [String]
        public var finnish: [String]
    }

    public struct Venue: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var town: String
        public var region: String?
        public var country: String
        public var aliases: [String]
    }

    public struct RaceClass: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var aliases: [String]
        public var championships: [String]
    }

    public struct Championship: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var aliases: [String]
        public var finnish: [String]
        public var region: String?
    }

    public struct Team: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var aliases: [String]
    }

    public struct Car: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var make: String?
        public var aliases: [String]
    }

    public struct Calendar: Sendable, Hashable, Codable {
        public var id: String
        public var championship: String
        public var season: Int
        public var raceClass: String
        public var rounds: [Round]

        public struct Round: Sendable, Hashable, Codable {
            public var round: Int
            public var venue: String
            /// Month (1-12) and day of the first day of the weekend.
            public var month: Int
            public var day: Int
            public var winner: String?
        }
    }

    public struct Spelling: Sendable, Hashable, Codable {
        public var id: String
        public var right: String
        public var wrong: [String]
        public var safe: Bool
        public var note: String?
    }

    public struct ConsistencyGroup: Sendable, Hashable, Codable {
        public var id: String
        public var forms: [String]
    }

    public struct Calque: Sendable, Hashable, Codable {
        public var id: String
        public var finnish: String
        public var wrong: [String]
        public var right: [String]
        public var kind: String
        public var safe: Bool
        public var note: String?
        /// Words after which a `wrong` form is English, not the calque ("first batch of
        /// vaccines"): the form is not flagged when the next word is one of them.
        public var exceptBefore: [String]?
    }

    public struct Untranslated: Sendable, Hashable, Codable {
        public var id: String
        public var finnish: String
        public var right: [String]
        public var exact: Bool
        public var hyphenated: Bool
    }

    public struct Boilerplate: Sendable, Hashable, Codable {
        public var id: String
        public var text: String
    }

    public struct WordList: Sendable, Hashable, Codable {
        public var id: String
        public var words: [String]
    }
}

extension Glossary {
    /// Adds another directory's entries (a project's house glossary on top of the shipped one).
    public mutating func merge(_ other: Glossary) {
        drivers += other.drivers
        surnameWords += other.surnameWords
        countries += other.countries
        venues += other.venues
        classes += other.classes
        championships += other.championships
        teams += other.teams
        cars += other.cars
        calendars += other.calendars
        spellings += other.spellings
        consistency += other.consistency
        calques += other.calques
        untranslated += other.untranslated
        finnishWords += other.finnishWords
        boilerplate += other.boilerplate
        doubledWords += other.doubledWords
        wordLists += other.wordLists
    }
}
