import Foundation
import Testing

@testable import RXText

/// Odd and hostile input, table-driven through the CLI: each case is linted beside a good file;
/// rxtext must not crash or hang, must name the file (and position) of a problem, must still lint
/// the good file, and must exit with the documented status. docs/hostile-input.md lists the same
/// cases.
@Suite struct HostileInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        /// Expected exit status when linted with the good file.
        var status: Int32
        /// Text the output (stdout + stderr) must contain.
        var expect: [String]
        var testDescription: String { name }
    }

    static let good = Array("He won in Hell Hell.\n".utf8)

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        let units = (bom ? [0xFEFF] : []) + Array(text.utf16)
        return units.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    static let cases: [Case] = [
        Case(
            name: "invalid UTF-8 at the start", bytes: [0xFF] + Array("abc".utf8), status: 2,
            expect: ["x.txt:1:1: error: invalid UTF-8 at byte 0"]),
        Case(
            name: "invalid UTF-8 in the middle", bytes: Array("line one\nab".utf8) + [0xC3, 0x28] + Array(" end".utf8),
            status: 2,
            expect: ["x.txt:2:3: error: invalid UTF-8 at byte 11"]),
        Case(
            name: "truncated UTF-8 at the end", bytes: Array("abc ".utf8) + [0xE2, 0x82], status: 2,
            expect: ["invalid UTF-8 at byte 4"]),
        Case(
            name: "overlong encoding", bytes: Array("a".utf8) + [0xC0, 0xAF], status: 2,
            expect: ["invalid UTF-8 at byte 1"]),
        Case(
            name: "encoded surrogate", bytes: Array("a".utf8) + [0xED, 0xA0, 0x80], status: 2,
            expect: ["invalid UTF-8 at byte 1"]),
        Case(
            name: "NUL bytes", bytes: Array("abc".utf8) + [0, 0, 0x41], status: 2,
            expect: ["binary file (NUL byte at offset 3)"]),
        Case(
            name: "UTF-16 LE with BOM", bytes: utf16("Hell Hell", bigEndian: false, bom: true), status: 2,
            expect: ["UTF-16 LE", "iconv"]),
        Case(
            name: "UTF-16 BE with BOM", bytes: utf16("Hell Hell", bigEndian: true, bom: true), status: 2,
            expect: ["UTF-16 BE"]),
        Case(
            name: "UTF-16 LE without BOM", bytes: utf16("Hell Hell", bigEndian: false, bom: false), status: 2,
            expect: ["UTF-16 LE", "no byte order mark"]),
        Case(
            name: "UTF-16 BE without BOM", bytes: utf16("Hell Hell", bigEndian: true, bom: false), status: 2,
            expect: ["UTF-16 BE"]),
        Case(
            name: "mixed CRLF, LF and CR", bytes: Array("One.\r\nTwo.\nThree.\rThe the end.\n".utf8), status: 1,
            expect: ["x.txt:4:1: error: 'The' is repeated"]),
        Case(
            name: "NFD and NFC mixed", bytes: Array("Baciuška and Baciu\u{0073}\u{030C}ka in Riga Riga.\n".utf8),
            status: 1,
            expect: ["x.txt:1:27: error: 'Riga' is repeated"]),
        Case(
            name: "bidirectional override", bytes: Array("The winner was \u{202E}oillaK.\n".utf8), status: 1,
            expect: ["invisible character U+202E"]),
        Case(
            name: "zero-width space", bytes: Array("Kal\u{200B}lio won.\n".utf8), status: 1,
            expect: ["invisible character U+200B"]),
        Case(
            name: "Cyrillic look-alike in a Latin name", bytes: Array("K\u{0430}llio won.\n".utf8), status: 1,
            expect: ["mixes letters of different scripts: U+430"]),
        Case(name: "empty file", bytes: [], status: 1, expect: ["in 2 files"]),
        Case(
            name: "one 10 MB word", bytes: Array(repeating: UInt8(ascii: "a"), count: 10_000_000), status: 1,
            expect: ["in 2 files"]),
    ]

    @Test(arguments: cases)
    func caseIsReportedAndTheGoodFileStillLinted(_ testCase: Case) throws {
        let directory = try TemporaryDirectory()
        try directory.write("x.txt", bytes: testCase.bytes)
        try directory.write("good.txt", bytes: Self.good)
        let started = Date()
        let result = try CLI.run(
            ["lint", ".", "--glossaries", Fixtures.repository.appendingPathComponent("glossaries").path],
            directory: directory.url)
        #expect(Date().timeIntervalSince(started) < 120, "no hang")
        #expect(result.status == testCase.status, "\(result.stdout)\(result.stderr)")
        let output = result.stdout + result.stderr
        for text in testCase.expect { #expect(output.contains(text), "missing '\(text)' in:\n\(output)") }
        #expect(output.contains("./good.txt:1:11: error: 'Hell' is repeated"), "the good file is still linted")
    }

    @Test func directorySymlinkLoopDoesNotHang() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a/one.txt", bytes: Self.good)
        try FileManager.default.createSymbolicLink(
            atPath: directory.url.path + "/a/loop", withDestinationPath: directory.url.path + "/a")
        let result = try CLI.run(
            [
                "lint", "a", "--format", "jsonl", "--glossaries",
                Fixtures.repository.appendingPathComponent("glossaries").path,
            ], directory: directory.url)
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").count == 1, "the file once, not once per loop")
    }

    /// Issue 21, item 7: links a folder walk passes over are named once, on stderr.
    @Test func linksAFolderWalkPassesOverAreNamedOnce() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a/one.txt", bytes: Self.good)
        try FileManager.default.createSymbolicLink(
            atPath: directory.url.path + "/a/loop", withDestinationPath: directory.url.path + "/a")
        try FileManager.default.createSymbolicLink(
            atPath: directory.url.path + "/a/gone.txt", withDestinationPath: "/nonexistent/x.txt")
        let result = try CLI.run(
            ["lint", "a", "--glossaries", Fixtures.repository.appendingPathComponent("glossaries").path],
            directory: directory.url)
        #expect(result.status == 1)
        let notes = result.stderr.split(separator: "\n").filter { $0.contains("symbolic link") }
        #expect(
            notes == [
                "rxtext: skipped 2 symbolic links (1 to a directory, not followed, 1 dangling): a/gone.txt, a/loop"
            ],
            "\(result.stderr)")
    }

    @Test func fifoAndDanglingSymlinkAreReportedNotWaitedOn() throws {
        let directory = try TemporaryDirectory()
        try directory.write("good.txt", bytes: Self.good)
        #expect(mkfifo(directory.url.path + "/pipe.txt", 0o644) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: directory.url.path + "/gone.txt", withDestinationPath: "/nonexistent/x.txt")
        let glossaries = Fixtures.repository.appendingPathComponent("glossaries").path
        let result = try CLI.run(
            ["lint", "pipe.txt", "gone.txt", "good.txt", "--glossaries", glossaries], directory: directory.url)
        #expect(result.status == 2)
        #expect(result.stdout.contains("pipe.txt: error: cannot read: not a regular file"))
        #expect(result.stdout.contains("gone.txt: error: no such file or directory"))
        #expect(result.stdout.contains("good.txt:1:11: error: 'Hell' is repeated"))
    }

    @Test func manyEmptyFilesAreLinted() throws {
        let directory = try TemporaryDirectory()
        for index in 0..<5_000 { try directory.write(String(format: "e%05d.txt", index), bytes: []) }
        let result = try CLI.run(
            ["lint", ".", "--glossaries", Fixtures.repository.appendingPathComponent("glossaries").path],
            directory: directory.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("0 flags (0 errors, 0 warnings, 0 info) in 5000 files"))
    }
}

@Suite struct HostileGlossaryTests {
    @Test func hugeAliasAndMakeCycleAreErrors() {
        let cars = """
            cars:
              - id: a
                name: Alpha
                make: b
              - id: b
                name: Beta
                make: a
            """
        let long = String(repeating: "x", count: 1_000_000)
        let teams = "teams:\n  - id: t\n    name: Team\n    aliases: [\(long)]\n"
        var errors: [String] = []
        do {
            _ = try GlossaryLoader().load(files: [("cars.yaml", cars), ("teams.yaml", teams)])
        } catch {
            errors = error.errors.map(\.description)
        }
        #expect(
            errors.contains { $0.hasPrefix("cars.yaml:4:11: error: car 'a' has make 'b', which has make 'a': a cycle") }
        )
        #expect(
            errors.contains { $0.hasPrefix("teams.yaml:4:15: error: 'xxxx") && $0.contains("is 1000000 bytes long") })
    }
}
