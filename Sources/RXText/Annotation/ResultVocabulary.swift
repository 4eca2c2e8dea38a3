/// The English words that state results in race reports, as folded token sequences.
///
/// Machine translation of Finnish reports renders heats (erä) as "rounds" or "batches" and the
/// semi-final (välierä) as an "intermediate round"; those calques reach these tables through the
/// garble glossary's `right` forms, so the vocabulary here stays plain English.
public enum Stage: String, Sendable, Codable, CaseIterable {
    case qualifying
    case semiFinal = "semi-final"
    case final
    case event
    case standings
}

public enum Outcome: String, Sendable, Codable {
    case finished
    case retired
    case puncture
    case didNotQualify = "did-not-qualify"
    case didNotStart = "did-not-start"
    case disqualified
}

enum ResultVocabulary {
    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
        "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    ]

    /// How many words "runner-up" takes from `index`: one when it is a word of its own, three
    /// when it comes as "runner", a joiner, "up"; nil elsewhere. Result and title cues both
    /// read second place from it.
    static func runnerUpLength(at index: Int, in words: [String]) -> Int? {
        if words[index] == "runner-up" { return 1 }
        return words[index] == "runner" && index + 2 < words.count && words[index + 2] == "up" ? 3 : nil
    }

    /// Words after which an ordinal states a placing ("was eighth", "finished fourth").
    static let placingVerbs: Set<String> = [
        "was", "were", "is", "be", "been", "finished", "finishing", "finish", "came", "come", "placed", "placing",
        "ended", "ending", "took", "taking", "claimed", "secured", "classified", "qualified", "home", "crossed", "ran",
        "drove", "run", "stood", "sat", "lay", "remained", "dropped", "rose", "climbed", "fell", "moved", "slipped",
        "recovered", "completed", "promoted", "demoted", "settle", "settled", "settling",
    ]

    /// Words after an ordinal that make it a placing ("sixth placed", "fourth place").
    static let placingNouns: Set<String> = ["place", "placed", "position", "fastest", "spot", "overall"]

    /// Words after an ordinal that make it a count, not a placing ("second podium of the season").
    static let countNouns: Set<String> = [
        "time", "times", "season", "seasons", "year", "years", "race", "races", "podium", "podiums", "win", "wins",
        "victory", "victories", "title", "titles", "half", "corner", "corners", "lap", "laps", "day", "days", "weekend",
        "full", "career", "attempt", "to", "of", "start", "starts", "three", "two", "four", "five", "six", "round",
        "rounds",
        "event", "events", "metres", "meters", "heat", "heats", "competition", "final", "semi", "semi-final",
    ]

    /// Words before a result cue that make it an intention, not a result ("chance to win").
    static let irrealis: Set<String> = [
        "to", "needed", "need", "needs", "chance", "hope", "hoped", "hoping", "wanted", "want", "aim", "aimed", "could",
        "would", "might", "may", "can", "if", "should",
    ]

    /// Stage cues, longest first within each stage.
    static let stageCues: [(words: [String], stage: Stage)] = [
        (["top", "qualifier"], .qualifying), (["intermediate", "classification"], .qualifying),
        (["qualifying"], .qualifying), (["qualification"], .qualifying), (["qualifiers"], .qualifying),
        (["heat"], .qualifying), (["heats"], .qualifying), (["q1"], .qualifying), (["q2"], .qualifying),
        (["q3"], .qualifying), (["q4"], .qualifying),
        (["last", "leg"], .qualifying), (["leg"], .qualifying), (["first", "day"], .qualifying),
        (["semi", "-", "final"], .semiFinal), (["semi", "-", "finals"], .semiFinal), (["semifinal"], .semiFinal),
        (["semifinals"], .semiFinal), (["semi", "final"], .semiFinal), (["semi", "finals"], .semiFinal),
        (["semi"], .semiFinal), (["semis"], .semiFinal),
        (["final"], .final), (["finals"], .final), (["finale"], .final),
        (["final", "standings"], .standings), (["final", "points"], .standings), (["standings"], .standings),
        (["points"], .standings), (["championship"], .standings), (["title"], .standings),
        (["series"], .standings), (["overall"], .standings), (["champion"], .standings),
    ]

    /// Failure phrases that carry their own outcome and cause.
    static let failureCues: [(words: [String], outcome: Outcome, cause: String?)] = [
        (["puncture"], .puncture, "tyre"), (["punctures"], .puncture, "tyre"), (["punctured"], .puncture, "tyre"),
        (["flat", "tyre"], .puncture, "tyre"), (["flat", "tire"], .puncture, "tyre"),
        (["engine", "failure"], .retired, "engine"), (["engine", "problem"], .retired, "engine"),
        (["engine", "problems"], .retired, "engine"), (["engine", "trouble"], .retired, "engine"),
        (["engine", "failed"], .retired, "engine"), (["engine", "broke"], .retired, "engine"),
        (["blown", "engine"], .retired, "engine"),
        (["driveshaft"], .retired, "driveshaft"), (["drive", "shaft"], .retired, "driveshaft"),
        (["propshaft"], .retired, "driveshaft"), (["gearbox"], .retired, "gearbox"),
        (["transmission", "failure"], .retired, "transmission"), (["steering", "failure"], .retired, "steering"),
        (["broken", "steering"], .retired, "steering"), (["suspension", "failure"], .retired, "suspension"),
        (["turbo", "failure"], .retired, "turbo"),
        (["technical", "problem"], .retired, "technical"), (["technical", "problems"], .retired, "technical"),
        (["technical", "issue"], .retired, "technical"), (["technical", "issues"], .retired, "technical"),
        (["technical", "failure"], .retired, "technical"), (["technical", "mishap"], .retired, "technical"),
        (["technical", "mishaps"], .retired, "technical"), (["technical", "trouble"], .retired, "technical"),
        (["technical", "troubles"], .retired, "technical"), (["mechanical", "failure"], .retired, "technical"),
        (["mechanical", "problem"], .retired, "technical"), (["mechanical", "problems"], .retired, "technical"),
        (["retired"], .retired, nil), (["retirement"], .retired, nil), (["retire"], .retired, nil),
        (["dnf"], .retired, nil), (["did", "not", "finish"], .retired, nil),
        (["failed", "to", "finish"], .retired, nil),
        (["end", "of", "the", "race"], .retired, nil), (["ended", "his", "race"], .retired, nil),
        (["out", "of", "the", "race"], .retired, nil), (["ended", "in", "the", "barriers"], .retired, "accident"),
        (["ended", "in", "the", "barrier"], .retired, "accident"), (["crashed", "out"], .retired, "accident"),
        (["slid", "into", "the", "barriers"], .retired, "accident"),
        (["went", "into", "the", "barriers"], .retired, "accident"),
        (["crashed", "into", "the", "barriers"], .retired, "accident"),
        (["spun", "into", "the", "barriers"], .retired, "accident"),
        (["went", "into", "the", "tyre", "wall"], .retired, "accident"),
        (["crashed", "into", "the", "tyre", "wall"], .retired, "accident"),
        (["ended", "up", "in", "the", "barriers"], .retired, "accident"),
        (["did", "not", "qualify"], .didNotQualify, nil), (["failed", "to", "qualify"], .didNotQualify, nil),
        (["dnq"], .didNotQualify, nil), (["missed", "the", "final"], .didNotQualify, nil),
        (["missed", "the", "semi", "-", "finals"], .didNotQualify, nil), (["did", "not", "start"], .didNotStart, nil),
        (["dns"], .didNotStart, nil), (["disqualified"], .disqualified, nil), (["excluded"], .disqualified, nil),
    ]

    /// Nouns that name what broke, for a retirement phrase without its own cause.
    static let causeNouns: [String: String] = [
        "engine": "engine", "gearbox": "gearbox", "driveshaft": "driveshaft", "steering": "steering",
        "transmission": "transmission", "turbo": "turbo", "suspension": "suspension", "clutch": "clutch",
        "technical": "technical", "mechanical": "technical", "tyre": "tyre", "tire": "tyre",
    ]

    /// Number words that make the next noun a count ("six rounds").
    static let countWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "all", "both",
        "several", "many", "few", "remaining",
    ]

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
    ]

    static let subjectPronouns: Set<String> = ["he", "his", "him", "she", "her", "i", "my", "me"]
}
