import Foundation
import Testing

@testable import RXText

/// The sample corpus against its reference annotations (corpus/expected/*.gold.json, written for
/// rxtext in the format of the project's scoring script) and against snapshots of the record and
/// flags (corpus/expected/*.record.json, *.flags.json) that pin behaviour field by field.
@Suite struct CorpusTests {
    static let corpus = Fixtures.repository.appendingPathComponent("corpus")
    static let articles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }()

    static func extraction(_ name: String) throws -> Extraction {
        let document = try Document.load(path: corpus.appendingPathComponent("\(name).txt").path)
        return Extraction(document: document, engine: TestLexicon.engine)
    }

    static func json(_ relative: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: corpus.appendingPathComponent(relative)))
    }

    @Test func corpusHasAtLeastSixArticles() {
        #expect(Self.articles.count >= 6)
    }

    /// Flags against the reference annotation, pooled over the corpus: recall of the required
    /// spans and precision (a flag overlapping no reference span is a false alarm).
    @Test func flagsMeetRecallAndPrecisionOnTheReferenceAnnotations() throws {
        var required = 0
        var hit = 0
        var flags = 0
        var falseAlarms: [String] = []
        for name in Self.articles {
            let extraction = try Self.extraction(name)
            let gold = try #require(try Self.json("expected/\(name).gold.json") as? [String: Any])
            let spans = try GoldScorer.flagSpans(gold, in: extraction.document)
            let score = GoldScorer.scoreFlags(extraction.flags, spans)
            required += score.required
            hit += score.hit
            flags += extraction.flags.count
            falseAlarms += score.falseAlarms.map { "\(name): \($0.rule) '\(extraction.document.text($0.range))'" }
        }
        let recall = Double(hit) / Double(required)
        let precision = Double(flags - falseAlarms.count) / Double(flags)
        #expect(recall >= 0.9, "flag recall \(hit)/\(required)")
        #expect(precision >= 0.95, "false alarms: \(falseAlarms)")
    }

    /// Results against the reference annotation, pooled: what fraction of the required results
    /// the records state, and what fraction of stated results the reference supports.
    @Test func resultsMeetRecallOnTheReferenceAnnotations() throws {
        var required = 0
        var matched = 0
        for name in Self.articles {
            let extraction = try Self.extraction(name)
            let gold = try #require(try Self.json("expected/\(name).gold.json") as? [String: Any])
            let score = GoldScorer.scoreResults(extraction.record.results, gold)
            required += score.required
            matched += score.matched
        }
        #expect(Double(matched) / Double(required) >= 0.65, "result recall \(matched)/\(required)")
    }

    @Test(arguments: articles)
    func recordMatchesItsSnapshotFieldByField(name: String) throws {
        let record = try Self.extraction(name).record
        let expected = try #require(try Self.json("expected/\(name).record.json") as? [String: Any])
        #expect(record.season == expected["season"] as? Int)
        #expect(record.championship == expected["championship"] as? String)
        #expect(record.raceClass == expected["class"] as? String)
        let subject = expected["subject"] as? [String: Any]
        #expect(record.subject?.name == subject?["name"] as? String)
        #expect(record.subject?.nationality == subject?["nationality"] as? String)
        #expect(record.subject?.age == subject?["age"] as? Int)
        #expect(record.subject?.team == subject?["team"] as? String)
        #expect(record.subject?.car == subject?["car"] as? String)
        let events = try #require(expected["events"] as? [[String: Any]])
        #expect(record.events.map(\.round) == events.map { $0["round"] as! Int })
        #expect(record.events.map(\.country) == events.map { $0["country"] as! String })
        let results = try #require(expected["results"] as? [[String: Any]])
        #expect(record.results.count == results.count)
        for (got, want) in zip(record.results, results) {
            #expect(got.driver == want["driver"] as? String)
            #expect(got.season == want["season"] as? Int)
            #expect(got.event == want["event"] as? String)
            #expect(got.stage.rawValue == want["stage"] as? String)
            #expect(got.position == want["position"] as? Int)
            #expect(got.outcome?.rawValue == want["outcome"] as? String)
            #expect(got.cause == want["cause"] as? String)
        }
    }

    @Test(arguments: articles)
    func flagsMatchTheirSnapshot(name: String) throws {
        let extraction = try Self.extraction(name)
        let expected = try #require(try Self.json("expected/\(name).flags.json") as? [[String: Any]])
        let got = extraction.flags.map {
            "\($0.rule) \($0.range.start)-\($0.range.end) \(extraction.document.text($0.range))"
        }
        let want = expected.map { "\($0["rule"]!) \($0["start"]!)-\($0["end"]!) \($0["text"]!)" }
        #expect(got == want)
    }

    /// Clean professional English must not look garbled: at most one flag per 1000 words.
    @Test func cleanEnglishRaisesAlmostNoFlags() throws {
        let document = try Document.load(path: Self.corpus.appendingPathComponent("clean/clean-english.txt").path)
        let extraction = Extraction(document: document, engine: TestLexicon.engine)
        let words = document.rawText(document.body).split(whereSeparator: { $0.isWhitespace }).count
        #expect(words >= 1000)
        let flags = extraction.flags.map { "\($0.rule): \(document.text($0.range))" }
        #expect(Double(flags.count) * 1000 / Double(words) <= 1.0, "\(flags)")
    }
}

/// The reference-annotation scoring (same rules as the project's scoring script): a gold flag
/// is named by its exact text and occurrence; a result matches on driver, season, event, stage
/// and position or outcome.
enum GoldScorer {
    struct Span {
        var range: ByteRange
        var required: Bool
    }

    static func flagSpans(_ gold: [String: Any], in document: Document) throws -> [Span] {
        let flags = gold["flags"] as? [[String: Any]] ?? []
        return try flags.map { flag in
            let text = Array((flag["text"] as! String).utf8)
            let occurrence = flag["occurrence"] as! Int
            var found = -1
            var from = 0
            for _ in 0..<occurrence {
                guard let at = find(text, in: document.bytes, from: from) else {
                    throw ScoringError.missing(flag["text"] as! String)
                }
                found = at
                from = at + 1
            }
            return Span(range: ByteRange(found, found + text.count), required: flag["required"] as? Bool ?? true)
        }
    }

    enum ScoringError: Error { case missing(String) }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = from
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0] && Array(haystack[index..<(index + needle.count)]) == needle {
                return index
            }
            index += 1
        }
        return nil
    }

    static func scoreFlags(_ flags: [Diagnostic], _ spans: [Span]) -> (
        required: Int, hit: Int, falseAlarms: [Diagnostic]
    ) {
        var hitRequired = Set<Int>()
        var falseAlarms: [Diagnostic] = []
        for flag in flags {
            var hit = false
            for (index, span) in spans.enumerated() where span.range.overlaps(flag.range) {
                hit = true
                if span.required { hitRequired.insert(index) }
            }
            if !hit { falseAlarms.append(flag) }
        }
        return (spans.filter(\.required).count, hitRequired.count, falseAlarms)
    }

    static func scoreResults(_ results: [RaceRecord.Result], _ gold: [String: Any]) -> (required: Int, matched: Int) {
        let expected = gold["results"] as? [[String: Any]] ?? []
        var matched = Set<Int>()
        for result in results {
            for (index, want) in expected.enumerated()
            where matches(result, want) && (want["required"] as? Bool ?? true) {
                matched.insert(index)
            }
        }
        return (expected.filter { $0["required"] as? Bool ?? true }.count, matched.count)
    }

    static func matches(_ result: RaceRecord.Result, _ want: [String: Any]) -> Bool {
        guard ICU.fold(result.driver) == ICU.fold(want["driver"] as! String) else { return false }
        if let season = want["season"] as? Int, result.season != season { return false }
        if (want["event"] as? String) != result.event { return false }
        var stages: Set<String> = [want["stage"] as! String]
        if let alternative = want["alt_stage"] as? String { stages.insert(alternative) }
        guard stages.contains(result.stage.rawValue) else { return false }
        if let position = want["position"] as? Int { return result.position == position }
        if let outcome = want["outcome"] as? String {
            let synonyms: [String: Set<String>] = [
                "retired": ["retired", "technical"], "puncture": ["puncture"], "did-not-qualify": ["did-not-qualify"],
            ]
            let got: Set<String> = [result.outcome?.rawValue ?? "", result.cause ?? ""]
            return !got.isDisjoint(with: synonyms[outcome] ?? [outcome])
        }
        return result.position == nil
    }
}
