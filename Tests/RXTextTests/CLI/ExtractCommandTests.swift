import Foundation
import Testing

@testable import RXText

@Suite struct ExtractCommandTests {
    static let glossaries = Fixtures.repository.appendingPathComponent("glossaries").path
    static let article = """
        Kallio’s day at Hell

        Jesse Kallio won the Super1600 class of the EM series at Hell in Norway in June 2018. \
        After the qualifying heats he was second, and he won his semi-final.

        In Latvia, Kallio was fourth. The season ended with Kallio sixth in the standings.

        Leave a Reply
        """

    @Test func documentFollowsTheOutputContract() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", Self.article)
        let cleaned = directory.url.appendingPathComponent("clean.txt").path
        let recordPath = directory.url.appendingPathComponent("record.json").path
        let result = try CLI.run([
            "extract", path, "--glossaries", Self.glossaries, "--cleaned", cleaned, "--record", recordPath,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let source = try #require(json["source"] as? [String: Any])
        #expect(source["bytes"] as? Int == Self.article.utf8.count)
        #expect(source["sha256"] as? String == SHA256.hex(Array(Self.article.utf8)))
        #expect((json["cleaned_text"] as? String)?.contains("Leave a Reply") == false)
        #expect(try String(contentsOfFile: cleaned, encoding: .utf8) == json["cleaned_text"] as? String)
        let flags = try #require(json["flags"] as? [[String: Any]])
        #expect(
            flags.contains { $0["rule"] as? String == "untranslated.abbreviation" && $0["text"] as? String == "EM" })
        let record = try #require(json["record"] as? [String: Any])
        #expect(record["season"] as? Int == 2018)
        #expect(record["championship"] as? String == "FIA European Rallycross Championship")
        #expect(record["class"] as? String == "Super1600")
        let subject = try #require(record["subject"] as? [String: Any])
        #expect(subject["name"] as? String == "Jesse Kallio")
        #expect(subject["nationality"] as? String == "FIN")
        let results = try #require(record["results"] as? [[String: Any]])
        func has(_ event: String?, _ stage: String, _ position: Int) -> Bool {
            results.contains {
                $0["driver"] as? String == "Jesse Kallio" && ($0["event"] as? String) == event
                    && $0["stage"] as? String == stage
                    && $0["position"] as? Int == position
            }
        }
        #expect(has("NO", "final", 1))
        #expect(has("NO", "qualifying", 2))
        #expect(has("NO", "semi-final", 1))
        // "In Latvia, Kallio was fourth": no stage named; a top-six place is read as the final's,
        // which the reference annotation accepts beside the event's.
        #expect(has("LV", "final", 4) || has("LV", "event", 4))
        #expect(has(nil, "standings", 6))
        let saved =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: recordPath))) as? [String: Any]
        #expect(saved?["season"] as? Int == 2018)
    }

    @Test func badInputExitsTwo() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("bin.txt", bytes: [0x41, 0x00, 0x42])
        let result = try CLI.run(["extract", path, "--glossaries", Self.glossaries])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bin.txt: error: binary file (NUL byte at offset 1)"))
    }

    /// `records` annotates each article once and reads calque.surname on that annotation; its
    /// records are extract's, a driver that rule renames included ("Ari-Pekka Cape" is Niemi,
    /// where Voikko and FreeDict are installed).
    @Test func recordsGivesTheRecordsExtractGives() throws {
        let directory = try TemporaryDirectory()
        let renamed = try directory.write(
            "renamed.txt",
            """
            Rallycross 2019

            In the Finnish rallycross championship in 2019 Ari-Pekka Cape was sixth in the points, \
            and Jere Kalliokoski won.
            """)
        let corpus = Fixtures.repository.appendingPathComponent("corpus/kalliokoski-2018-eurorx.txt").path
        let paths = [renamed, corpus]
        let records = try CLI.run(["records"] + paths + ["--glossaries", Self.glossaries])
        #expect(records.status == 0, "\(records.stderr)")
        let lines = records.stdout.split(separator: "\n")
        #expect(lines.count == paths.count)
        func canonical(_ value: Any?) throws -> String {
            String(
                decoding: try JSONSerialization.data(withJSONObject: value ?? [:], options: .sortedKeys), as: UTF8.self)
        }
        for (path, line) in zip(paths, lines) {
            let extract = try CLI.run(["extract", path, "--glossaries", Self.glossaries])
            let extracted = try #require(
                try JSONSerialization.jsonObject(with: Data(extract.stdout.utf8)) as? [String: Any])
            let recorded = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(recorded["path"] as? String == path)
            #expect(try canonical(recorded["record"]) == canonical(extracted["record"]), "\(path)")
        }
        if SourceLanguageTests.tools.has(.morphology) && SourceLanguageTests.tools.has(.dictionary) {
            #expect(lines.first?.contains("\"Ari-Pekka Niemi\"") == true)
        }
    }
}
