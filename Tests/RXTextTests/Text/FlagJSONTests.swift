import Foundation
import Testing

@testable import RXText

/// `FlagJSON` writes JSON lines without building a `JSONValue`; from the same field list, it must
/// write exactly what the value tree renders, for every flag of every sample article.
@Suite struct FlagJSONTests {
    @Test func writesWhatTheValueTreeRenders() throws {
        let corpus = Fixtures.repository.appendingPathComponent("corpus")
        let articles = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }
        var compared = 0
        for name in articles.sorted() {
            let document = try Document.load(path: corpus.appendingPathComponent(name).path)
            let flags = TestLexicon.linter.lint(Annotator(lexicon: TestLexicon.shared).annotate(document))
            let fingerprints = Fingerprint.all(flags, in: document)
            var cursor = PositionCursor(document)
            for (flag, fingerprint) in zip(flags, fingerprints) {
                var line: [UInt8] = []
                FlagJSON.appendLine(
                    flag, fingerprint: fingerprint, path: JSONText.literal("a \"path\".txt"), document: document,
                    cursor: &cursor, to: &line)
                guard case .object(let fields) = FlagJSON.value(flag, in: document, fingerprint: fingerprint) else {
                    Issue.record("FlagJSON.value is not an object")
                    continue
                }
                let expected = JSONValue.object([("path", .string("a \"path\".txt"))] + fields).render()
                #expect(String(decoding: line, as: UTF8.self) == expected)
                compared += 1
            }
        }
        #expect(compared > 50)
        #expect(articles.count >= 6)
    }
}

@Suite struct JSONNumberTests {
    @Test func integersAreWrittenAsTheirDecimalDigits() {
        for value in [0, 1, 9, 10, 99, 100, 12_345, 1_000_000, Int.max, -1, -10, -987_654, Int.min] {
            var bytes: [UInt8] = []
            JSONText.append(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }
}
