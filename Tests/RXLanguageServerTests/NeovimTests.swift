import Foundation
import TestSupport
import Testing

/// `rxtext lsp` with a real client: Neovim's built-in LSP client, headless, runs
/// Tests/Scripts/lsp_neovim_test.lua on a sample article with multi-byte text before its flags
/// (so UTF-16 and byte columns differ), and this test checks what Neovim saw, the file's bytes
/// after the code action and the write, and the review store after "reject".
/// scripts/test.sh installs Debian's neovim; without it the test fails with the install line.
@Suite struct NeovimTests {
    static let repository = Fixtures.repository
    static let glossaries = Fixtures.glossaries
    static let executable = CLI.executable
    static let article =
        "Kallio’s 🏁 team won the rallicross final in Hell Hell.\n\nÄänekoski was next in the EM final.\n"

    struct Seen: Decodable {
        struct Flag: Decodable {
            var code: String
            var lnum: Int
            var col: Int
            var endColumn: Int

            enum CodingKeys: String, CodingKey {
                case code, lnum, col
                case endColumn = "end_col"
            }
        }
        var opened: [Flag]?
        var edited: [Flag]?
        var final: [Flag]?
        var sync: Int?
        var applied: String?
        var rejected: String?
        var hover: String?
        var error: String?
    }

    /// The byte column of `text` in line `line` of `article`, as Neovim counts columns.
    func byteColumn(of text: String, line: Int, in article: String) throws -> Int {
        let lines = article.split(separator: "\n", omittingEmptySubsequences: false)
        let bytes = Array(lines[line].utf8)
        return try #require(bytes.firstRange(of: Array(text.utf8))?.lowerBound)
    }

    @Test(.timeLimit(.minutes(3))) func neovimGetsDiagnosticsAppliesAFixAndRejectsAFalseAlarm() throws {
        let which = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"), ["sh", "-c", "command -v nvim"])
        try #require(which.status == 0, "Neovim is needed: apt-get install neovim (scripts/test.sh installs it)")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rxtext-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("article.txt")
        try Data(Self.article.utf8).write(to: file)
        let resultFile = scratch.appendingPathComponent("result.json")
        let script = Self.repository.appendingPathComponent("Tests/Scripts/lsp_neovim_test.lua").path
        let run = try Subprocess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["timeout", "150", "nvim", "--headless", "--clean", "-n", "-i", "NONE", "-c", "luafile \(script)"],
            environment: [
                "RXTEXT": Self.executable.path, "GLOSSARIES": Self.glossaries, "ARTICLE": file.path,
                "RESULT": resultFile.path, "HOME": scratch.path, "RXTEXT_CACHE_DIR": "",
            ], directory: scratch)
        let seen = try JSONDecoder().decode(
            Seen.self, from: try #require(FileManager.default.contents(atPath: resultFile.path), "\(run.stderr)"))
        #expect(run.status == 0 && seen.error == nil, "\(seen.error ?? "")\n\(run.stdout)\(run.stderr)")

        // Diagnostics at the right columns: Neovim turned the server's UTF-16 positions into bytes.
        let opened = try #require(seen.opened)
        #expect(
            opened.map(\.code) == ["spelling.domain-variant", "repetition.doubled-word", "untranslated.abbreviation"])
        let rallicross = try byteColumn(of: "rallicross", line: 0, in: Self.article)
        let hell = try byteColumn(of: "Hell Hell", line: 0, in: Self.article)
        #expect(opened.first.map { [$0.lnum, $0.col, $0.endColumn] } == [0, rallicross, rallicross + 10])
        #expect(opened.dropFirst().first.map { [$0.col, $0.endColumn] } == [hell, hell + 9])
        #expect(opened.last.map { [$0.lnum, $0.col] } == [2, try byteColumn(of: "EM", line: 2, in: Self.article)])

        // Incremental sync: an insertion at the start of line 1 moved that line's flags only.
        #expect(seen.sync == 2)
        #expect(seen.edited?.map(\.col) == [rallicross + 10, hell + 10, opened[2].col])

        #expect(seen.applied == "Replace 'Hell Hell' with 'Hell' (safe fix)")
        #expect(seen.rejected == "Reject 'rallicross' as a false alarm [spelling.domain-variant]")
        #expect(seen.final?.map(\.code) == ["untranslated.abbreviation"])
        #expect(seen.hover?.contains("**untranslated.abbreviation**") == true, "\(seen.hover ?? "no hover")")
        #expect(seen.hover?.contains("Flagged:") == true)

        // The file Neovim wrote, byte for byte.
        let written = try Data(contentsOf: file)
        #expect(
            String(decoding: written, as: UTF8.self)
                == "Yesterday Kallio’s 🏁 team won the rallicross final in Hell.\n\nÄänekoski was next in the EM final.\n"
        )

        // The rejection is in the review store beside the article, and lint honours it.
        #expect(FileManager.default.fileExists(atPath: scratch.appendingPathComponent(".rxtext/review.sqlite").path))
        let lint = try Subprocess.run(
            Self.executable, ["lint", "article.txt", "--glossaries", Self.glossaries], directory: scratch)
        #expect(lint.stdout.contains("1 suppressed as rejected in review"), "\(lint.stdout)")
        #expect(!lint.stdout.contains("[spelling.domain-variant]"))
        #expect(lint.stdout.contains("[untranslated.abbreviation]"))
    }
}
