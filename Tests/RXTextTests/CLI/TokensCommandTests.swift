import Foundation
import Testing

@testable import RXText

@Suite struct TokensCommandTests {
    @Test func jsonListsSentencesAndTokensWithContractFields() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", "Hell Hell.\r\n\r\n– what a day, Kallio’s 4th.")
        let result = try CLI.run(["tokens", path])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let sentences = json["sentences"] as! [[String: Any]]
        #expect(sentences.count == 2)
        #expect(sentences[1]["text"] as? String == "– what a day, Kallio’s 4th.")
        #expect(sentences[1]["dialogue"] as? Bool == true)
        #expect(sentences[1]["line"] as? Int == 3)
        let tokens = sentences[1]["tokens"] as! [[String: Any]]
        let kallio = try #require(tokens.first { $0["text"] as? String == "Kallio’s" })
        #expect(kallio["kind"] as? String == "word")
        #expect(kallio["start"] as? Int == 30)
        #expect(kallio["end"] as? Int == 40)
        #expect(kallio["column"] as? Int == 15)
    }

    @Test func tsvHasOneRowPerItem() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", "One two.")
        let result = try CLI.run(["tokens", path, "--format", "tsv"])
        #expect(
            result.stdout.split(separator: "\n") == [
                "type\tkind\tstart\tend\tline\tcolumn\ttext", "paragraph\tprose\t0\t8\t1\t1\t",
                "sentence\tprose\t0\t8\t1\t1\tOne two.", "token\tword\t0\t3\t1\t1\tOne", "token\tspace\t3\t4\t1\t4\t ",
                "token\tword\t4\t7\t1\t5\ttwo", "token\tpunctuation\t7\t8\t1\t8\t.",
            ])
    }

    @Test func badInputExitsWithStatusTwoAndNamesTheFile() throws {
        let directory = try TemporaryDirectory()
        let bad = try directory.write("bad.txt", bytes: Array("abc\n".utf8) + [0xFF])
        var result = try CLI.run(["tokens", bad])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.txt:2:1: error: invalid UTF-8 at byte 4"))
        result = try CLI.run(["tokens", directory.url.path + "/missing.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing.txt: error: no such file"))
        result = try CLI.run(["tokens", directory.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is a directory"))
    }

    @Test func versionNamesICU() throws {
        let result = try CLI.run(["--version"])
        #expect(result.stdout.contains("ICU \(ICU.version)"))
    }
}
