import Foundation
import TestSupport
import Testing

@testable import RXReview
@testable import RXText

/// Decisions on results feeding back: `extract` and `records` emit corrected results as
/// corrected, rejected ones not at all and added ones with the editor's evidence; `review
/// --status` measures the extractor per cue kind and per stage; `undo` reverts either kind of
/// decision; `--export-gold` writes a verified article that scores 1.0 against itself.
@Suite struct ResultDecisionTests {
    static let article =
        "Johan Kristoffersson won the final at Höljes in the 2018 World RX season. Andreas Bakkerud was third in "
        + "the final there. Timmy Hansen was second in qualifying, and Niclas Grönholm retired. Earlier in "
        + "qualifying Grönholm had a puncture. Kevin Eriksson completed the top five.\n"

    /// The article under review with every extracted result decided and one added.
    func reviewed() throws -> (scratch: Scratch, file: String, store: DecisionStore, keys: [String]) {
        let scratch = try Scratch()
        let file = try scratch.write("corpus/a.txt", Self.article)
        let store = try DecisionStore(path: StoreLocation.forReview([scratch.path + "/corpus"]))
        let engine = try Engine(glossaries: Repository.glossaries)
        let record = Extraction(document: try Document.load(path: file), engine: engine).record
        let drivers = record.results.map(\.driver)
        #expect(
            drivers == [
                "Johan Kristoffersson", "Andreas Bakkerud", "Timmy Hansen", "Niclas Grönholm", "Niclas Grönholm",
            ])
        let keys = ResultIdentity.keys(record)
        let cues = record.results.map(\.cue)
        func decide(_ index: Int, _ action: ResultAction, position: Int? = nil) throws {
            try store.recordResult(
                ResultDecision(path: "a.txt", result: keys[index], action: action, position: position, cue: cues[index])
            )
        }
        try decide(0, .accept)
        try decide(1, .correct, position: 4)
        try decide(2, .reject)
        try decide(3, .reject)
        try decide(4, .accept)
        let words = "Kevin Eriksson completed the top five"
        let start = try #require(Self.article.utf8.firstRange(of: words.utf8)).lowerBound
        let offset = Self.article.utf8.distance(from: Self.article.utf8.startIndex, to: start)
        try store.recordResult(
            ResultDecision(
                path: "a.txt", result: "", action: .add, driver: "Kevin Eriksson", stage: .final, position: 5,
                event: "SE", evidence: RaceRecord.Evidence(start: offset, end: offset + words.utf8.count, text: words)))
        return (scratch, file, store, keys)
    }

    func rxtext(_ arguments: [String], in scratch: Scratch) throws -> CommandResult {
        try CLI.run(arguments + ["--glossaries", Repository.glossaries], directory: scratch.url)
    }

    func results(_ json: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let record = try #require(object["record"] as? [String: Any])
        return try #require(record["results"] as? [[String: Any]])
    }

    @Test func extractAndRecordsApplyTheDecisions() throws {
        let (scratch, _, _, _) = try reviewed()
        let extract = try rxtext(["extract", "corpus/a.txt"], in: scratch)
        #expect(extract.status == 0, "\(extract.stderr)")
        let emitted = try results(extract.stdout)
        #expect(
            emitted.map { $0["driver"] as? String } == [
                "Johan Kristoffersson", "Andreas Bakkerud", "Niclas Grönholm", "Kevin Eriksson",
            ])
        #expect(emitted.map { $0["position"] as? Int } == [1, 4, nil, 5])
        #expect(emitted[2]["outcome"] as? String == "puncture")
        let added = try #require(emitted[3]["evidence"] as? [String: Any])
        #expect(added["text"] as? String == "Kevin Eriksson completed the top five")
        #expect(emitted[3]["driver_id"] as? String == "kevin-eriksson")

        let line = try rxtext(["records", "corpus"], in: scratch)
        #expect(line.status == 0, "\(line.stderr)")
        let recorded = try results(String(line.stdout.split(separator: "\n")[0]))
        #expect(recorded.map { $0["position"] as? Int } == [1, 4, nil, 5])
    }

    @Test func statusMeasuresTheExtractorPerCueKindAndStage() throws {
        let (scratch, _, _, _) = try reviewed()
        let status = try rxtext(["review", "--status", "--db", "corpus/.rxtext/review.sqlite"], in: scratch)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("6 decisions on results: 2 accepted, 1 corrected, 2 rejected, 1 added"))
        let lines = status.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        // win: accepted; placing: one corrected (Bakkerud), one rejected (Hansen); failure: one each.
        #expect(lines.contains("win 1 0 0 0 100%"), "\(status.stdout)")
        #expect(lines.contains("placing 0 1 1 0 0%"), "\(status.stdout)")
        #expect(lines.contains("failure 1 0 1 0 50%"), "\(status.stdout)")
        #expect(lines.contains("editor 0 0 0 1 -"), "\(status.stdout)")
        #expect(lines.contains("final 1 1 0 1 50%"), "\(status.stdout)")
        #expect(lines.contains("qualifying 1 0 2 0 33%"), "\(status.stdout)")
    }

    @Test func undoRevertsResultAndFlagDecisionsInOrder() throws {
        let (_, _, store, keys) = try reviewed()
        try store.recordResult(ResultDecision(path: "a.txt", result: keys[1], action: .reject))
        let flag = DecisionKey(path: "a.txt", rule: "r", span: "x", sentenceHash: "h", occurrence: 0)
        try store.record(DecisionRecord(key: flag, sentence: "s", action: .reject, replacement: nil))
        #expect(try store.undo() == flag.id)
        #expect(try store.all().isEmpty)
        // The reject is undone to the correction it replaced, then the added result disappears.
        try store.undo()
        let corrected = try store.resultDecisions().first { $0.result == keys[1] }
        #expect(corrected?.action == .correct)
        #expect(corrected?.position == 4)
        #expect(try store.resultDecisions().count == 6)
        try store.undo()
        #expect(try store.resultDecisions().count == 5)
        #expect(try store.resultDecisions().allSatisfy { $0.action != .add })
    }

    @Test func anExportedGoldFileScoresOneAgainstItsOwnRecord() throws {
        let (scratch, file, store, _) = try reviewed()
        try scratch.write("corpus/unreviewed.txt", "Timmy Hansen won the final at Höljes in 2018.\n")
        let export = try rxtext(["review", "corpus", "--export-gold", "gold"], in: scratch)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("1 verified article(s)"))
        let gold = scratch.path + "/gold/a.gold.json"
        #expect(FileManager.default.fileExists(atPath: gold))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/gold/unreviewed.gold.json"))

        let engine = try Engine(glossaries: Repository.glossaries)
        let extraction = Extraction(
            document: try Document.load(path: file), engine: engine, decisions: try store.decisionSet(),
            resultDecisions: try store.resultDecisionSet())
        let score = try GoldScorer.score(extraction, goldPath: gold)
        #expect(score.requiredResults == 4)
        #expect(score.resultRecall == 1)
        #expect(score.resultPrecision == 1)
        #expect(score.flagPrecision == 1)
        // Against the extractor alone it does not: the editor's corrections are what it measures.
        let raw = Extraction(document: try Document.load(path: file), engine: engine)
        #expect(try GoldScorer.score(raw, goldPath: gold).resultPrecision < 1)
    }
}

/// The results view's API refuses what it cannot store and cuts an added result's evidence from
/// the article itself, whatever the page sends.
@Suite struct ResultsAPITests {
    @Test func decisionsAreCheckedAndEvidenceIsCutFromTheArticle() throws {
        let scratch = try Scratch()
        let file = try scratch.write("corpus/a.txt", ResultDecisionTests.article)
        let store = try DecisionStore(path: StoreLocation.forReview([scratch.path + "/corpus"]))
        let api = ResultsAPI(
            documents: [try Document.load(path: file)], store: store,
            engine: try Engine(glossaries: Repository.glossaries))
        let view = try api.results(file: "a.txt")
        #expect(view.results.count == 5)
        // UTF-16 offsets: "Höljes" is one unit shorter there than in bytes.
        let text = Array(view.text.utf16)
        for result in view.results {
            #expect(String(decoding: text[result.from..<result.to], as: UTF16.self) == result.evidence)
        }
        func refused(_ request: ResultsAPI.DecisionRequest) -> Bool {
            (try? api.decide(request)) == nil
        }
        #expect(refused(.init(file: "a.txt", key: view.results[0].key, action: "approve")))
        #expect(refused(.init(file: "b.txt", key: view.results[0].key, action: "accept")))
        #expect(refused(.init(file: "a.txt", key: "nobody|2018|SE||final#0", action: "accept")))
        #expect(refused(.init(file: "a.txt", key: view.results[0].key, action: "correct", stage: "podium")))
        #expect(refused(.init(file: "a.txt", key: view.results[0].key, action: "correct")))
        #expect(refused(.init(file: "a.txt", action: "add", driver: "Kevin Eriksson", stage: "final", from: 9, to: 3)))
        #expect(try store.resultDecisions().isEmpty)

        let words = "Kevin Eriksson completed the top five"
        let from = try #require(view.text.range(of: words)).lowerBound.utf16Offset(in: view.text)
        let added = try api.decide(
            .init(
                file: "a.txt", action: "add", driver: "Kevin Eriksson", stage: "final", position: 5, from: from,
                to: from + words.utf16.count))
        let stored = try #require(try store.resultDecisions().first)
        #expect(stored.result == added.key)
        #expect(stored.evidenceText == words)
        let bytes = Array(ResultDecisionTests.article.utf8)
        #expect(String(decoding: bytes[stored.evidenceStart!..<stored.evidenceEnd!], as: UTF8.self) == words)
    }
}
