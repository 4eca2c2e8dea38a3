import Foundation
import TestSupport
import Testing

@testable import RXReview
@testable import RXText

/// `rxtext records --db`: the results database of a corpus, one row per result however many
/// articles state it, conflicts between articles, decisions kept across re-runs, and bad files
/// named while the others are still recorded.
@Suite struct RecordStoreTests {
    static let wins = "Johan Kristoffersson won the final at Höljes in the 2018 World RX season.\n"
    static let third = "At Höljes in 2018, Johan Kristoffersson was third in the final of the World RX round.\n"
    static let review =
        "Season review: in the 2018 World RX season Johan Kristoffersson won the final at Höljes.\n"

    func rxtext(_ arguments: [String], in scratch: Scratch) throws -> CommandResult {
        try CLI.run(arguments + ["--glossaries", Repository.glossaries], directory: scratch.url)
    }

    /// Each article's record as the library builds it, to count against the database.
    func records(_ files: [String]) throws -> [(path: String, record: RaceRecord)] {
        let engine = try Engine(glossaries: Repository.glossaries)
        return try files.map { file in
            return (file, Extraction(document: try Document.load(path: file), engine: engine).record)
        }
    }

    @Test func corpusDatabaseHasARowPerArticleSourceAndDistinctResult() throws {
        let scratch = try Scratch()
        let corpus = try scratch.corpus()
        let run = try rxtext(["records", "corpus", "--db", "results.sqlite"], in: scratch)
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }.sorted()
        let built = try records(files.map { corpus + "/" + $0 })
        let results = built.flatMap(\.record.results)
        #expect(results.count > 20, "the sample corpus states results")

        let store = try RecordStore(path: scratch.path + "/results.sqlite")
        let counts = try store.counts()
        #expect(counts["articles"] == files.count)
        #expect(counts["result_sources"] == results.count)
        #expect(
            counts["results"]
                == Set(
                    built.flatMap { article in
                        article.record.results.map { ResultIdentity.of($0, championship: article.record.championship) }
                    }
                ).count)
        #expect(counts["drivers"] == Set(results.map { $0.driverID ?? "name:" + ICU.fold($0.driver) }).count)
        #expect((counts["events"] ?? 0) > 0)
        #expect(try store.rows("SELECT value FROM meta WHERE name = 'schema'") == [["1"]])

        // docs/records.md's sample query: each driver's final placings, with the articles saying so.
        let finals = try store.rows(
            """
            SELECT d.name, r.season, r.event, s.position, a.path FROM results r
            JOIN drivers d ON d.id = r.driver_id JOIN result_sources s ON s.result_id = r.id
            JOIN articles a ON a.id = s.article_id
            WHERE r.stage = 'final' AND s.position IS NOT NULL ORDER BY a.path, s.ordinal
            """)
        let expected = built.flatMap { article in
            article.record.results.filter { $0.stage == .final && $0.position != nil }.map {
                [
                    $0.driver, $0.season.map(String.init) ?? "", $0.event ?? "", String($0.position!),
                    "corpus/" + URL(fileURLWithPath: article.path).lastPathComponent,
                ]
            }
        }
        #expect(!expected.isEmpty)
        #expect(finals == expected)
        // A fact of the sample corpus: Tahko third in the 2018 Finnish championship.
        #expect(
            try store.rows(
                """
                SELECT r.position FROM results r JOIN drivers d ON d.id = r.driver_id
                WHERE d.glossary_id = 'riku-tahko' AND r.stage = 'standings' AND r.season = 2018
                """) == [["3"]])
    }

    @Test func articlesThatDisagreeAreConflictsAndOnesThatAgreeAreSources() throws {
        let scratch = try Scratch()
        try scratch.write("a.txt", Self.wins)
        try scratch.write("b.txt", Self.third)
        try scratch.write("c.txt", Self.review)
        let run = try rxtext(["records", "a.txt", "b.txt", "c.txt", "--db", "r.sqlite"], in: scratch)
        #expect(run.status == 0, "\(run.stderr)")
        let store = try RecordStore(path: scratch.path + "/r.sqlite")
        let final = try store.rows(
            "SELECT r.sources, r.position FROM results r")
        // Three articles, one result: its values are the most confident source's (the first on ties).
        #expect(final == [["3", "1"]])
        let conflicts = try store.conflicts()
        #expect(conflicts.count == 1)
        #expect(conflicts.first?.driver == "Johan Kristoffersson")
        #expect(conflicts.first?.claims.map(\.article) == ["a.txt", "b.txt", "c.txt"])
        #expect(conflicts.first?.claims.map(\.position) == [1, 3, 1])

        let listed = try rxtext(["records", "--conflicts", "--db", "r.sqlite"], in: scratch)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("Johan Kristoffersson 2018 SE final:"))
        #expect(listed.stdout.contains("b.txt: P3 (\"Johan Kristoffersson was third\")"))

        // b.txt rewritten to agree: no conflict left, still one row.
        try scratch.write("b.txt", Self.wins)
        _ = try rxtext(["records", "b.txt", "--db", "r.sqlite"], in: scratch)
        #expect(try store.conflicts().isEmpty)
        #expect(try store.counts()["results"] == 1)
    }

    @Test func reRunKeepsDecisionsAndAppliesThem() throws {
        let scratch = try Scratch()
        try scratch.write("corpus/a.txt", Self.wins)
        try scratch.write("corpus/b.txt", Self.third)
        let review = try DecisionStore(path: StoreLocation.forReview([scratch.path + "/corpus"]))
        let key = try #require(ResultIdentity.keys(try records([scratch.path + "/corpus/a.txt"])[0].record).first)
        try review.recordResult(ResultDecision(path: "b.txt", result: key, action: .correct, position: 1))
        try review.recordResult(ResultDecision(path: "a.txt", result: key, action: .accept))

        for _ in 0..<2 {
            let run = try rxtext(["records", "corpus", "--db", "results.sqlite"], in: scratch)
            #expect(run.status == 0, "\(run.stderr)")
            let store = try RecordStore(path: scratch.path + "/results.sqlite")
            #expect(try store.counts()["result_decisions"] == 2)
            #expect(
                try store.rows(
                    "SELECT a.path, s.position, s.decision FROM result_sources s JOIN articles a ON a.id = s.article_id ORDER BY a.path"
                )
                    == [["corpus/a.txt", "1", "accept"], ["corpus/b.txt", "1", "correct"]])
            #expect(try store.conflicts().isEmpty)
        }

        // Rejected: the result is not emitted, and the decision outlives the run.
        try review.recordResult(ResultDecision(path: "b.txt", result: key, action: .reject))
        let jsonl = try rxtext(["records", "corpus", "--db", "results.sqlite"], in: scratch)
        let lines = jsonl.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].contains("\"results\":[]"))
        let store = try RecordStore(path: scratch.path + "/results.sqlite")
        #expect(try store.rows("SELECT action FROM result_decisions WHERE path = 'corpus/b.txt'") == [["reject"]])
        #expect(try store.counts()["result_sources"] == 1)
    }

    @Test func badFilesAreNamedAndTheOthersStillRecorded() throws {
        let scratch = try Scratch()
        try scratch.write("a.txt", Self.wins)
        try Data([0x4F, 0x6B, 0x20, 0xFF, 0xFE, 0x0A]).write(to: scratch.url.appendingPathComponent("bad.txt"))
        try scratch.write("c.txt", Self.review)
        let run = try rxtext(["records", "a.txt", "bad.txt", "missing.txt", "c.txt", "--db", "r.sqlite"], in: scratch)
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.txt:1:4: error: invalid UTF-8 at byte 3"), "\(run.stderr)")
        #expect(run.stderr.contains("missing.txt: error: no such file or directory"), "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count == 2)
        let store = try RecordStore(path: scratch.path + "/r.sqlite")
        #expect(try store.rows("SELECT path FROM articles ORDER BY path") == [["a.txt"], ["c.txt"]])
    }

    @Test func csvHasAHeaderAndOneRowPerResult() throws {
        let scratch = try Scratch()
        try scratch.write("a.txt", Self.wins)
        try scratch.write("c.txt", Self.review)
        let run = try rxtext(["records", "a.txt", "c.txt", "--format", "csv"], in: scratch)
        #expect(run.status == 0)
        let rows = run.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == RecordsWriterColumns.header)
        #expect(
            rows.count == 1
                + (try records([scratch.path + "/a.txt", scratch.path + "/c.txt"]).flatMap(\.record.results).count))
        #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("a.txt,") || $0.hasPrefix("c.txt,") })
    }
}

/// The CSV header `records --format csv` writes (the columns docs/records.md lists).
enum RecordsWriterColumns {
    static let header =
        "article,driver,driver_id,season,event,round,class,stage,position,outcome,cause,confidence,decision,evidence_start,evidence_end,evidence_text"
}
