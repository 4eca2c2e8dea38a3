/// The structured race record of one article: the `record` object of the output contract
/// (README.md, "Output contract"). Field names are relied on by outside scripts.
public struct RaceRecord: Sendable, Equatable {
    public var season: Int?
    public var championship: String?
    public var raceClass: String?
    public var subject: Subject?
    public var events: [Event]
    public var results: [Result]
    public var mentions: [MentionRecord]

    public struct Subject: Sendable, Equatable {
        public var name: String
        public var nationality: String?
        public var age: Int?
        public var team: String?
        public var car: String?
    }

    public struct Event: Sendable, Equatable {
        public var round: Int
        public var country: String
        public var venue: String
        public var town: String
        public var month: Int
        public var day: Int
        /// The article names this event (by venue, country or month).
        public var mentioned: Bool
    }

    public struct Result: Sendable, Equatable {
        public var driver: String
        /// The glossary's driver id; nil for a driver the glossary does not list.
        public var driverID: String?
        /// The class the result was in, where the text names one.
        public var raceClass: String?
        public var season: Int?
        /// ISO 3166-1 alpha-2 of the event's country; nil for season-level results.
        public var event: String?
        public var round: Int?
        public var stage: Stage
        public var position: Int?
        public var outcome: Outcome?
        public var cause: String?
        public var evidence: Evidence
        /// How directly the text ties the result to its driver, 0...1: a results list or a name
        /// beside the placing is near 1, a pronoun resolved across sentences much less.
        public var confidence: Double
        /// What kind of statement the result was read from; not in the output contract's JSON
        /// (the review's precision per cue kind is measured with it). Nil for an editor's result.
        public var cue: ResultCueKind? = nil
    }

    public struct Evidence: Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var text: String
    }

    public struct MentionRecord: Sendable, Equatable {
        public var type: String
        public var name: String
        public var text: String
        public var start: Int
        public var end: Int
    }
}
