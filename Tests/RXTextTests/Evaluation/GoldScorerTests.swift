import Foundation
import Testing

@testable import RXText

/// The library's scorer on an article and gold file written here, with every count known.
@Suite struct GoldScorerTests {
    static let article = """
        Hansen wins at Höljes

        At Höljes in 2019 Timmy Hansen won the final, with Niclas Grönholm second. The rallicross \
        season goes on.
        """

    static func gold(results: String, flags: String = "[]") -> String {
        "{\"article\": \"a.txt\", \"flags\": \(flags), \"results\": \(results)}"
    }

    @Test func countsRecallAndPrecisionOfResultsAndFlags() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("a.txt", Self.article)
        try folder.write(
            "a.json",
            Self.gold(
                results: """
                    [{"driver": "Timmy Hansen", "season": 2019, "event": "SE", "stage": "final", "position": 1},
                     {"driver": "Niclas Grönholm", "season": 2019, "event": "SE", "stage": "final", "position": 2},
                     {"driver": "Kevin Hansen", "season": 2019, "event": "SE", "stage": "final", "position": 3}]
                    """,
                flags: #"[{"text": "rallicross", "occurrence": 1, "required": true}]"#))
        #expect(GoldScorer.goldPath(for: path) == folder.url.appendingPathComponent("a.json").path)
        let extraction = Extraction(document: try Document.load(path: path), engine: TestLexicon.engine)
        let score = try GoldScorer.score(extraction, goldPath: GoldScorer.goldPath(for: path)!)
        #expect(score.requiredResults == 3)
        #expect(score.requiredResultsMatched == 2)
        #expect(score.missedResults == ["Kevin Hansen 2019 SE final P3"])
        #expect(score.results == score.resultsRight + score.wrongResults.count)
        #expect(score.requiredFlags == 1 && score.requiredFlagsHit == 1)
    }

    @Test func aGoldSpanMissingFromTheArticleIsAnErrorNamingTheFile() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("a.txt", Self.article)
        let gold = try folder.write(
            "a.json", Self.gold(results: "[]", flags: #"[{"text": "nowhere", "occurrence": 1}]"#))
        let extraction = Extraction(document: try Document.load(path: path), engine: TestLexicon.engine)
        #expect {
            try GoldScorer.score(extraction, goldPath: gold)
        } throws: { error in
            "\(error)".contains(gold) && "\(error)".contains("nowhere")
        }
    }

    @Test func theScoreCommandPoolsAFolder() throws {
        let folder = try TemporaryDirectory()
        try folder.write("a.txt", Self.article)
        try folder.write(
            "a.json",
            Self.gold(
                results:
                    #"[{"driver": "Timmy Hansen", "season": 2019, "event": "SE", "stage": "final", "position": 1}]"#))
        try folder.write("b.txt", "No gold beside this one.\n")
        let result = try CLI.run(["score", folder.url.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("all 1: results recall 1/1"))
        #expect(result.stderr.contains("b.txt: no gold file"))
    }

    /// Folders are searched as lint and records search them (`FileDiscovery`): recursively,
    /// hidden files passed over; a path that is not there is an error before anything is scored.
    @Test func theScoreCommandFindsArticlesAsTheOtherCommandsDo() throws {
        let folder = try TemporaryDirectory()
        let gold = Self.gold(
            results: #"[{"driver": "Timmy Hansen", "season": 2019, "event": "SE", "stage": "final", "position": 1}]"#)
        for name in ["a", "deeper/b", ".hidden/c"] {
            try folder.write("\(name).txt", Self.article)
            try folder.write("\(name).json", gold)
        }
        let result = try CLI.run(["score", folder.url.path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("a.txt: results recall 1/1"))
        #expect(result.stdout.contains("\nb.txt: results recall 1/1"))
        #expect(result.stdout.contains("all 2: results recall 2/2"))
        let missing = try CLI.run(["score", folder.url.path, folder.url.path + "/nowhere"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nowhere: error: no such file or directory"))
        #expect(!missing.stdout.contains("all"))
    }
}
