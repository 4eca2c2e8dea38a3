import Foundation

/// Scores an extraction against a reference annotation ("gold": the format of
/// `corpus/expected/*.gold.json`), with the same rules as the project's measuring script: a flag
/// hits a gold span it overlaps; a result matches a gold result on driver (folded), season, event
/// country, stage (or `alt_stage`) and position or outcome.
///
/// It is in the library so that any folder of articles with their gold files can be measured
/// (`rxtext score`), not only the shipped corpus.
public struct GoldScore: Sendable, Equatable {
    public var requiredFlags = 0
    public var requiredFlagsHit = 0
    public var flags = 0
    public var falseAlarms = 0
    public var requiredResults = 0
    public var requiredResultsMatched = 0
    public var results = 0
    public var resultsRight = 0
    /// Gold results no emitted result matched, and emitted results no gold result supports.
    public var missedResults: [String] = []
    public var wrongResults: [String] = []

    public init() {}

    public var flagRecall: Double { ratio(requiredFlagsHit, requiredFlags) }
    public var flagPrecision: Double { ratio(flags - falseAlarms, flags) }
    public var resultRecall: Double { ratio(requiredResultsMatched, requiredResults) }
    public var resultPrecision: Double { ratio(resultsRight, results) }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }

    public static func + (a: GoldScore, b: GoldScore) -> GoldScore {
        var sum = a
        sum.requiredFlags += b.requiredFlags
        sum.requiredFlagsHit += b.requiredFlagsHit
        sum.flags += b.flags
        sum.falseAlarms += b.falseAlarms
        sum.requiredResults += b.requiredResults
        sum.requiredResultsMatched += b.requiredResultsMatched
        sum.results += b.results
        sum.resultsRight += b.resultsRight
        sum.missedResults += b.missedResults
        sum.wrongResults += b.wrongResults
        return sum
    }
}

public enum GoldScorerError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case spanNotInArticle(gold: String, text: String, occurrence: Int)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): not a gold file: \(reason)"
        case .spanNotInArticle(let gold, let text, let occurrence):
            "\(gold): flag text '\(text)' (occurrence \(occurrence)) is not in the article"
        }
    }
}

public enum GoldScorer {
    /// The gold file of an article: `NAME.json` beside it, else `expected/NAME.gold.json`.
    public static func goldPath(for article: String) -> String? {
        let url = URL(fileURLWithPath: article)
        let name = url.deletingPathExtension().lastPathComponent
        let folder = url.deletingLastPathComponent()
        let candidates = [
            folder.appendingPathComponent("\(name).json"),
            folder.appendingPathComponent("expected/\(name).gold.json"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }?.path
    }

    public static func score(_ extraction: Extraction, goldPath: String) throws -> GoldScore {
        let gold: [String: Any]
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: goldPath))
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw GoldScorerError.unreadable(path: goldPath, reason: "the top level is not an object")
            }
            gold = object
        } catch let error as GoldScorerError {
            throw error
        } catch {
            throw GoldScorerError.unreadable(path: goldPath, reason: "\(error.localizedDescription)")
        }
        var score = GoldScore()
        let document = extraction.document

        // Flags: gold spans by text and occurrence, in file bytes.
        var spans: [(range: Range<Int>, required: Bool)] = []
        for flag in gold["flags"] as? [[String: Any]] ?? [] {
            guard let text = flag["text"] as? String else { continue }
            let occurrence = flag["occurrence"] as? Int ?? 1
            guard let range = Self.occurrence(occurrence, of: Array(text.utf8), in: document.bytes) else {
                throw GoldScorerError.spanNotInArticle(gold: goldPath, text: text, occurrence: occurrence)
            }
            spans.append((range, flag["required"] as? Bool ?? true))
        }
        var hit = Set<Int>()
        for flag in extraction.flags {
            let range = document.fileOffset(flag.range.start)..<document.fileOffset(flag.range.end)
            var overlaps = false
            for (index, span) in spans.enumerated() where span.range.overlaps(range) {
                overlaps = true
                if span.required { hit.insert(index) }
            }
            if !overlaps { score.falseAlarms += 1 }
        }
        score.flags = extraction.flags.count
        score.requiredFlags = spans.filter(\.required).count
        score.requiredFlagsHit = hit.count

        // Results.
        let expected = gold["results"] as? [[String: Any]] ?? []
        var matched = Set<Int>()
        for result in extraction.record.results {
            var right = false
            for (index, want) in expected.enumerated() where matches(result, want) {
                right = true
                if want["required"] as? Bool ?? true { matched.insert(index) }
            }
            if right { score.resultsRight += 1 } else { score.wrongResults.append(describe(result)) }
        }
        score.results = extraction.record.results.count
        let required = expected.indices.filter { expected[$0]["required"] as? Bool ?? true }
        score.requiredResults = required.count
        score.requiredResultsMatched = matched.count
        score.missedResults = required.filter { !matched.contains($0) }.map { describe(expected[$0]) }
        return score
    }

    static func matches(_ result: RaceRecord.Result, _ want: [String: Any]) -> Bool {
        guard let driver = want["driver"] as? String, ICU.fold(result.driver) == ICU.fold(driver) else { return false }
        if want["season"] != nil {
            guard let season = want["season"] as? Int, result.season == season else { return false }
        }
        let event = want["event"] as? String
        if let event, !event.isEmpty {
            guard let got = result.event, ICU.fold(got) == ICU.fold(event) else { return false }
        } else if let got = result.event, !got.isEmpty {
            return false
        }
        var stages: Set<String> = []
        if let stage = want["stage"] as? String { stages.insert(stage) }
        if let alternative = want["alt_stage"] as? String { stages.insert(alternative) }
        guard stages.contains(result.stage.rawValue) else { return false }
        if let position = want["position"] as? Int { return result.position == position }
        if let outcome = want["outcome"] as? String {
            let synonyms: [String: Set<String>] = [
                "retired": ["retired", "dnf", "did-not-finish", "failure", "mechanical", "technical"],
                "puncture": ["puncture"], "did-not-qualify": ["did-not-qualify", "dnq", "eliminated", "out"],
            ]
            let got: Set<String> = [result.outcome?.rawValue ?? "", result.cause.map { ICU.fold($0) } ?? ""]
            return !got.isDisjoint(with: synonyms[outcome] ?? [outcome])
        }
        return result.position == nil
    }

    private static func occurrence(_ n: Int, of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, n >= 1, needle.count <= haystack.count else { return nil }
        var found = 0
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle) {
                found += 1
                if found == n { return start..<(start + needle.count) }
            }
            start += 1
        }
        return nil
    }

    private static func describe(_ result: RaceRecord.Result) -> String {
        let what = result.position.map { "P\($0)" } ?? result.outcome?.rawValue ?? "-"
        return
            "\(result.driver) \(result.season.map(String.init) ?? "-") \(result.event ?? "-") \(result.stage.rawValue) \(what)"
    }

    private static func describe(_ want: [String: Any]) -> String {
        let what = (want["position"] as? Int).map { "P\($0)" } ?? want["outcome"] as? String ?? "-"
        return "\(want["driver"] as? String ?? "?") \((want["season"] as? Int).map(String.init) ?? "-") "
            + "\(want["event"] as? String ?? "-") \(want["stage"] as? String ?? "?") \(what)"
    }
}
