import Foundation
import TestSupport
import Testing

/// `rxtext lint` at a terminal, run under util-linux's `script` so that standard output and
/// standard error are one pseudo-terminal, as in tmux: the progress bar must never share a line
/// with a report line, and a single huge file shows its bytes done.
@Suite struct ProgressBarTests {
    static let glossaries = Fixtures.repository.appendingPathComponent("glossaries").path
    static let garbled = "The season continued in June in Hell Hell.\n\nHe won the international rallicross event.\n"

    /// Runs `rxtext ARGUMENTS` on a pseudo-terminal and returns what the terminal received.
    func atATerminal(_ arguments: [String], in directory: TemporaryDirectory) throws -> String {
        let command = (["env", "-u", "CI", "NO_COLOR=1", "TERM=xterm", CLI.executable.path] + arguments)
            .map { "'\($0)'" }.joined(separator: " ")
        let result = try Subprocess.run(
            URL(fileURLWithPath: "/usr/bin/script"), ["-qefc", command, "/dev/null"], directory: directory.url)
        #expect([0, 1].contains(result.status), "\(result.stdout)\(result.stderr)")
        return result.stdout
    }

    /// The lines a terminal shows for `output`: a carriage return goes back to the start of the
    /// line, ESC [ K erases from there to its end, other escape sequences are dropped. Read by
    /// scalar: "\r\n" is one Character.
    static func screen(_ output: String) -> [String] {
        var lines: [String] = []
        var line: [Unicode.Scalar] = []
        var column = 0
        var characters = Array(output.unicodeScalars)[...]
        while let character = characters.popFirst() {
            switch character {
            case "\r": column = 0
            case "\n":
                lines.append(String(String.UnicodeScalarView(line)))
                line = []
                column = 0
            case "\u{1B}":
                var sequence = ""
                while let next = characters.popFirst() {
                    sequence.unicodeScalars.append(next)
                    if next.properties.isAlphabetic { break }
                }
                if sequence == "[K" { line.removeSubrange(min(column, line.count)...) }
            default:
                if column < line.count { line[column] = character } else { line.append(character) }
                column += 1
            }
        }
        if !line.isEmpty { lines.append(String(String.UnicodeScalarView(line))) }
        return lines
    }

    @Test func reportLinesNeverShareALineWithTheBar() throws {
        let directory = try TemporaryDirectory()
        // Enough output (over 64 KB) that report lines reach the terminal while the bar is up.
        for index in 0..<300 { try directory.write("articles/a\(index).txt", Self.garbled) }
        let output = try atATerminal(
            ["lint", "--glossaries", Self.glossaries, "--jobs", "1", "articles"], in: directory)
        #expect(output.contains("█"), "the bar was drawn")
        let lines = Self.screen(output)
        let reports = lines.filter { $0.contains(": error: ") }
        #expect(reports.count == 600, "\(reports.count) report lines")
        for line in lines where line.contains(": error: ") || line.hasPrefix("    ") {
            #expect(!line.contains("█") && !line.contains("░") && !line.contains(" files, "), "\(line)")
            #expect(line.hasPrefix("articles/") || line.hasPrefix("    "), "\(line)")
        }
        #expect(lines.contains { $0.hasPrefix("600 flags (600 errors") }, "\(lines.suffix(3))")
    }

    @Test func aSingleHugeFileShowsItsBytesDone() throws {
        let directory = try TemporaryDirectory()
        let paragraph = "The season continued in June at Hell and the field was large this year.\n\n"
        let text = String(repeating: paragraph, count: 2_600_000 / paragraph.utf8.count)
        try directory.write("huge.txt", text)
        let output = try atATerminal(["lint", "--glossaries", Self.glossaries, "huge.txt"], in: directory)
        let total = String(format: "%.1f", Double(text.utf8.count) / 1_000_000)
        let partial = try #require(
            output.firstMatch(of: try Regex("([0-9]+\\.[0-9])/\(total) MB")), "no bytes shown: \(output.suffix(300))")
        let done = try #require(Double(String(partial.output[1].substring ?? "")))
        #expect(done < Double(total)!, "a part before the end was shown")
        #expect(!Self.screen(output).contains { $0.contains(" MB/s") }, "the bar is cleared at the end")
    }
}
