import Foundation
import Testing

@testable import RXText

/// Inputs the fuzzers in `Fuzz/` once crashed on, minimised, kept in `Fixtures/Crashes/`. Each goes
/// through exactly what the fuzz target runs: `Extraction.render(bytes:path:engine:)` for article
/// inputs, `GlossaryLoader` plus `Lexicon` for files named `glossary-*`, and a lint of the input
/// read in small windows for files named `windows-*`. None may crash, and each must give a
/// sensible answer: a `DocumentError` or a glossary error naming its position, a well-formed
/// `extract` document whose spans lie inside the input, or flags that point at the file. (The folder may be empty: the
/// test then has no cases, and `checkPipeline` is still run on a sample by the test below.)
@Suite struct FuzzRegressionTests {
    static let crashes: [String] = {
        let directory = Fixtures.url("Crashes")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }()

    @Test(arguments: crashes)
    func crashInputIsHandled(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: Fixtures.url("Crashes/\(name)")))
        if name.hasPrefix("glossary-") {
            try Self.checkGlossary(bytes, name: name)
        } else if name.hasPrefix("windows-") {
            try Self.checkWindows(bytes)
        } else {
            try Self.checkPipeline(bytes, name: name)
        }
    }

    /// The checks themselves, on inputs of the kinds the seeds hold, so they cannot rot unused.
    @Test(arguments: [
        Array("He won in Hell Hell.\n".utf8), [0xEF, 0xBB, 0xBF] + Array("Kallio\r\nwon.\r".utf8),
        [0xFF, 0xFE, 0x41, 0x00], [],
    ])
    func sampleInputIsHandled(_ bytes: [UInt8]) throws {
        try Self.checkPipeline(bytes, name: "sample.txt")
    }

    /// The glossary check loads inputs beside the fuzz target's countries file: references to
    /// its countries must resolve, and a broken input must still be answered with positions.
    @Test func glossaryInputsAreCheckedBesideTheFuzzCountries() throws {
        let driver = "drivers:\n  - id: a-b\n    name: A B\n    nationality: FIN\n"
        let glossary = try GlossaryLoader().load(files: [("countries.yaml", Self.countries), ("fuzz.yaml", driver)])
        #expect(glossary.countries.map(\.alpha3) == ["FIN", "NOR"])
        #expect(glossary.drivers.map(\.nationality) == ["FIN"])
        try Self.checkGlossary(Array("drivers:\n  - id: x\n".utf8), name: "glossary-sample")
    }

    static func checkPipeline(_ bytes: [UInt8], name: String) throws {
        let rendered: String
        do {
            rendered = try Extraction.render(bytes: bytes, path: name, engine: TestLexicon.engine)
        } catch {
            #expect(!error.description.isEmpty)
            return
        }
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["source", "cleaned_text", "flags", "record"])
        let source = try #require(object["source"] as? [String: Any])
        #expect(source["bytes"] as? Int == bytes.count)
        for flag in try #require(object["flags"] as? [[String: Any]]) {
            let start = try #require(flag["start"] as? Int)
            let end = try #require(flag["end"] as? Int)
            #expect(0 <= start && start <= end && end <= bytes.count, "flag \(flag["rule"] ?? "?")")
        }
    }

    /// What `FuzzWindows` checks: the first byte picks a window size (64 + 4 × byte), the rest is
    /// a file read in windows of that size; every flag's file offsets, text, line and column must
    /// be those of the same span in the file read whole.
    static func checkWindows(_ input: [UInt8]) throws {
        guard let first = input.first else { return }
        let bytes = Array(input.dropFirst())
        let directory = try TemporaryDirectory()
        let path = try directory.write("windows.txt", bytes: bytes)
        guard let whole = try? Document(bytes: bytes, path: path) else { return }
        var options = LintOptions()
        options.jobs = 1
        options.hugeFileBytes = 0
        options.windowBytes = 64 + 4 * Int(first)
        var flags = 0
        LintSession(engine: TestLexicon.engine, options: options) { _ in TestLexicon.linter }.run([path], render: nil) {
            report, _ in
            #expect(report.error == nil)
            guard let window = report.document else { return }
            for flag in report.flags {
                flags += 1
                let start = window.fileOffset(flag.range.start)
                let end = window.fileOffset(flag.range.end)
                #expect(Array(bytes[start..<end]) == Array(window.bytes[flag.range.start..<flag.range.end]))
                #expect(window.position(of: flag.range.start) == whole.position(of: start), "\(flag.rule)")
                #expect(window.position(of: flag.range.end) == whole.position(of: end), "\(flag.rule)")
            }
        }
        #expect(flags > 0 || bytes.count < 100)
    }

    /// The windows check on inputs like the seeds: line endings of every kind, a BOM, one long line.
    @Test(arguments: [
        Array("He won in Hell Hell.\r\nThe EM went on.\r\n\r\n".utf8), Array("it was. it was. EM EM.\r".utf8),
        [0xEF, 0xBB, 0xBF] + Array(String(repeating: "The EM series, Hell Hell. ", count: 20).utf8),
    ])
    func sampleWindowsInputIsHandled(_ text: [UInt8]) throws {
        try Self.checkWindows([0] + text)
    }

    /// The countries file the glossary fuzz target loads beside each input.
    static let countries: String = {
        let path = Fixtures.repository.appendingPathComponent("Fuzz/glossary-countries.yaml").path
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            fatalError("cannot read \(path): \(error)")
        }
    }()

    static func checkGlossary(_ bytes: [UInt8], name: String) throws {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        do {
            let glossary = try GlossaryLoader().load(files: [("countries.yaml", countries), ("fuzz.yaml", text)])
            _ = Engine(glossary, english: EnglishWords(text: ""))
        } catch {
            #expect(!error.errors.isEmpty)
            for problem in error.errors { #expect(problem.line >= 1 && problem.column >= 1) }
        }
    }
}
