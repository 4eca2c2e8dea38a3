import Foundation
import Testing

@testable import RXText

/// Every command assembles its glossaries, configuration, rules and decisions through one
/// `Project`: `extract` and `clean` honour `.rxtext.yaml` as `lint` does.
@Suite struct ProjectTests {
    static let glossaries = Fixtures.repository.appendingPathComponent("glossaries").path
    static let article = "Title\n\nHe won in Hell Hell. The kolour of the car was red.\n"

    /// A directory with the article, a house glossary that knows "kolour", and a configuration
    /// that adds the glossary and disables the doubled-word rule.
    static func houseProject() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", article)
        try directory.write(
            "house/spellings.yaml",
            "spellings:\n  - id: house-kolour\n    right: colour\n    wrong: [kolour]\n    safe: true\n    note: house\n"
        )
        try directory.write(".rxtext.yaml", "glossaries: [house]\nrules:\n  disable: [repetition.doubled-word]\n")
        return directory
    }

    static func rules(ofExtract stdout: String) throws -> [String] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        return try #require(json["flags"] as? [[String: Any]]).compactMap { $0["rule"] as? String }
    }

    @Test func extractHonoursTheConfiguration() throws {
        let directory = try Self.houseProject()
        let path = directory.url.appendingPathComponent("a.txt").path
        let result = try CLI.run(["extract", path, "--glossaries", Self.glossaries])
        #expect(result.status == 0, "\(result.stderr)")
        let rules = try Self.rules(ofExtract: result.stdout)
        #expect(!rules.contains("repetition.doubled-word"), "disabled in .rxtext.yaml")
        #expect(rules.contains("spelling.domain-variant"), "the configuration's extra glossary is loaded")
        #expect(result.stdout.contains("Hell Hell. The colour"))
    }

    @Test func extractAndLintReportTheSameFlags() throws {
        let directory = try Self.houseProject()
        let path = directory.url.appendingPathComponent("a.txt").path
        let extract = try CLI.run(["extract", path, "--glossaries", Self.glossaries])
        let lint = try CLI.run(["lint", path, "--format", "jsonl", "--glossaries", Self.glossaries])
        let linted = lint.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["rule"] as? String
        }
        #expect(!linted.isEmpty)
        #expect(try Self.rules(ofExtract: extract.stdout) == linted)
    }

    @Test func cleanHonoursTheConfigurationAndItsGlossaries() throws {
        let directory = try Self.houseProject()
        let path = directory.url.appendingPathComponent("a.txt").path
        let result = try CLI.run(["clean", path, "--glossaries", Self.glossaries])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Title\n\nHe won in Hell Hell. The colour of the car was red.\n")
    }

    @Test func cleanTakesAnExplicitConfiguration() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", Self.article)
        let plain = try CLI.run(["clean", path, "--glossaries", Self.glossaries])
        #expect(plain.stdout == "Title\n\nHe won in Hell. The kolour of the car was red.\n")
        let config = try directory.write("house.yaml", "rules:\n  disable: [repetition.doubled-word]\n")
        let configured = try CLI.run(["clean", path, "--config", config, "--glossaries", Self.glossaries])
        #expect(configured.status == 0, "\(configured.stderr)")
        #expect(configured.stdout == Self.article)
    }

    @Test(arguments: ["clean", "extract"]) func brokenConfigurationExitsTwoNamingTheLine(command: String) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", Self.article)
        try directory.write(".rxtext.yaml", "rules:\n  disable: [no.such-rule]\n")
        let result = try CLI.run([command, path, "--glossaries", Self.glossaries])
        #expect(result.status == 2)
        #expect(result.stderr.contains(".rxtext.yaml:2:13: error: unknown rule 'no.such-rule'"))
        #expect(result.stdout.isEmpty)
    }

    /// The library entry point, without the command line: a file's linter is its configuration's.
    @Test func aFilesLinterIsItsConfigurations() throws {
        let directory = try Self.houseProject()
        let path = directory.url.appendingPathComponent("a.txt").path
        let project = try Project(paths: [path], glossaries: Self.glossaries, configuration: nil, cache: nil)
        #expect(project.configurations.extraGlossaries.count == 1)
        let rules = project.flags(of: try Document.load(path: path)).map(\.rule)
        #expect(rules == ["spelling.domain-variant"])
        let elsewhere = try TemporaryDirectory()
        let other = try elsewhere.write("b.txt", Self.article)
        #expect(project.flags(of: try Document.load(path: other)).map(\.rule).contains("repetition.doubled-word"))
    }
}
