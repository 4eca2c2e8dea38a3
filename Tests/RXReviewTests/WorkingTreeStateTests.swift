import Foundation
import TestSupport
import Testing

@testable import RXReview
@testable import RXText

/// A "reject" in `rxtext review corpus/` writes `corpus/.rxtext/review.sqlite`, which `lint
/// corpus/` honours: the suite's results must not depend on it. Tests that lint the corpus lint a
/// `CorpusCopy`; this test makes a checkout with a decision in its store and shows that the
/// decision counts there and not in the copy the tests use.
@Suite struct WorkingTreeStateTests {
    func summary(of corpus: URL) throws -> [String: Any] {
        let result = try CLI.run(
            ["lint", "--format", "json", "--glossaries", Repository.glossaries, "corpus"],
            directory: corpus.deletingLastPathComponent())
        #expect(result.status == 1, "the corpus has error flags: \(result.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
        return try #require(object["summary"] as? [String: Any])
    }

    @Test func aDecisionInTheWorkingTreeDoesNotReachTheCopyTestsLint() throws {
        let scratch = try Scratch()
        let checkout = try CorpusCopy.make(
            from: Repository.root.appendingPathComponent("corpus"), in: scratch.url.appendingPathComponent("checkout"))
        let before = try summary(of: checkout)
        let flags = try #require(before["flags"] as? Int)
        #expect(flags > 0)

        // One false alarm rejected in the checkout's own store, as the review page records it.
        let article = try #require(
            try FileManager.default.contentsOfDirectory(atPath: checkout.path).filter { $0.hasSuffix(".txt") }.sorted()
                .first)
        let document = try Document.load(path: checkout.appendingPathComponent(article).path)
        let engine = try Engine(glossaries: Repository.glossaries)
        let first = try #require(engine.linter.lint(Annotator(lexicon: engine.lexicon).annotate(document)).first)
        let store = try DecisionStore(path: StoreLocation.forReview([checkout.path]))
        let key = try #require(DecisionKey.all([first], in: document, path: article).first)
        try store.record(DecisionRecord(key: key, sentence: "", action: .reject, replacement: nil))
        let reviewed = try summary(of: checkout)
        #expect(reviewed["rejected"] as? Int == 1, "the checkout honours its store")
        #expect(reviewed["flags"] as? Int == flags - 1)

        // The copy the tests lint leaves the store behind and sees every flag.
        let copy = try CorpusCopy.make(from: checkout, in: scratch.url.appendingPathComponent("suite"))
        #expect(!FileManager.default.fileExists(atPath: copy.appendingPathComponent(CorpusCopy.stateFolder).path))
        let copied = try summary(of: copy)
        #expect(copied["rejected"] as? Int == 0)
        #expect(copied["flags"] as? Int == flags)
    }
}
