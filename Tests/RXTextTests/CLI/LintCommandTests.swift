import Foundation
import TestSupport
import Testing

@testable import RXText

@Suite struct LintCommandTests {
    static let glossaries = Fixtures.repository.appendingPathComponent("glossaries").path
    static let garbled = "The season continued in June in Hell Hell.\n\nHe won the international rallicross event.\n"
    static let clean = "The season continued in June at Hell.\n"

    func lint(_ arguments: [String], stdin: String? = nil, in directory: TemporaryDirectory? = nil) throws
        -> CommandResult
    {
        try CLI.run(["lint", "--glossaries", Self.glossaries] + arguments, stdin: stdin, directory: directory?.url)
    }

    @Test func exitStatusFollowsFailOn() throws {
        let directory = try TemporaryDirectory()
        let garbled = try directory.write("a.txt", Self.garbled)
        let clean = try directory.write("b.txt", Self.clean)
        #expect(try lint([clean]).status == 0)
        #expect(try lint([garbled]).status == 1)
        let calque = try directory.write("c.txt", "It was a handsome win.\n")
        #expect(try lint([calque]).status == 0, "warnings do not fail by default")
        #expect(try lint([calque, "--fail-on", "warning"]).status == 1)
    }

    /// The README and `lint --help` promise 2 for usage errors; ArgumentParser's own is 64.
    @Test func usageErrorsExitTwoWithTheParsersMessage() throws {
        for arguments in [["lint", "--format", "bogus", "corpus"], ["extract"], ["score", "--no-such-flag", "x"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("Error:"), "\(arguments)")
        }
        #expect(try CLI.run(["lint", "--help"]).status == 0)
    }

    /// One `--min-confidence` for the commands that build records, checked alike in each.
    @Test func minConfidenceOutsideZeroToOneIsRefusedByEveryCommandThatTakesIt() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", Self.garbled)
        for command in ["extract", "records", "score"] {
            let result = try CLI.run([command, path, "--min-confidence", "1.5"])
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains("--min-confidence must be between 0 and 1, not 1.5"), "\(command)")
        }
    }

    @Test func textOutputIsCompilerStyleWithTheSpanMarked() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", Self.garbled)
        let result = try lint([path])
        #expect(result.stdout.contains("\(path):1:33: error: 'Hell' is repeated [repetition.doubled-word]"))
        #expect(result.stdout.contains("    The season continued in June in ⟦Hell Hell⟧."))
        #expect(result.stdout.contains("    suggestion: Hell (safe fix)"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour in a pipe")
        #expect(result.stdout.contains("2 flags (2 errors, 0 warnings, 0 info) in 1 file"))
    }

    @Test func badFileIsReportedAndOthersAreStillLinted() throws {
        let directory = try TemporaryDirectory()
        try directory.write("bad.txt", bytes: Array("ok\n".utf8) + [0xFF, 0xFE, 0x00])
        try directory.write("good.txt", Self.garbled)
        try directory.write("notes.json", "{}")
        let result = try lint([directory.url.path, "--format", "jsonl"])
        #expect(result.status == 2)
        let lines = result.stdout.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(
            lines.contains { ($0["error"] as? String)?.contains("bad.txt:2:1: error: invalid UTF-8 at byte 3") == true }
        )
        #expect(lines.filter { ($0["path"] as? String)?.hasSuffix("good.txt") == true && $0["rule"] != nil }.count == 2)
        #expect(!lines.contains { ($0["path"] as? String)?.hasSuffix("notes.json") == true })
    }

    @Test func outputOrderIsStableAcrossJobCounts() throws {
        let directory = try TemporaryDirectory()
        for index in 0..<12 { try directory.write("f\(index).txt", Self.garbled) }
        let one = try lint([directory.url.path, "--format", "jsonl", "--jobs", "1"])
        let many = try lint([directory.url.path, "--format", "jsonl", "--jobs", "4"])
        #expect(one.stdout == many.stdout)
        #expect(one.stdout.split(separator: "\n").count == 24)
    }

    @Test func includeExcludeAndConfigurationApply() throws {
        let directory = try TemporaryDirectory()
        try directory.write("keep.txt", Self.garbled)
        try directory.write("drafts/skip.txt", Self.garbled)
        try directory.write("notes.text", Self.garbled)
        var result = try lint([directory.url.path, "--format", "jsonl", "--exclude", "drafts"])
        #expect(
            result.stdout.contains("keep.txt") && !result.stdout.contains("skip.txt")
                && !result.stdout.contains("notes.text"))
        result = try lint([directory.url.path, "--format", "jsonl", "--include", "*.text"])
        #expect(result.stdout.contains("notes.text") && !result.stdout.contains("keep.txt"))
        try directory.write(
            ".rxtext.yaml",
            "rules:\n  disable: [spelling.domain-variant]\nseverity:\n  repetition.doubled-word: info\nignore: [\"drafts\"]\n"
        )
        result = try lint([directory.url.path, "--format", "jsonl"])
        #expect(!result.stdout.contains("spelling.domain-variant"))
        #expect(result.stdout.contains("\"severity\":\"info\""))
        #expect(!result.stdout.contains("skip.txt"))
        #expect(result.status == 0, "only an info flag is left")
    }

    @Test func badConfigurationNamesFileLineAndColumn() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", Self.clean)
        try directory.write(".rxtext.yaml", "rules:\n  disable: [no.such-rule]\n")
        let result = try lint([directory.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(".rxtext.yaml:2:13: error: unknown rule 'no.such-rule'"))
    }

    @Test func fixWritesAtomicallyKeepsPermissionsAndReportsWhatRemains() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", "He won in Hell Hell. It was a handsome win.\n\nLeave a Reply\n")
        chmod(path, 0o640)
        let result = try lint([path, "--fix", "--fail-on", "warning"])
        let fixed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(fixed == "He won in Hell. It was a handsome win.\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        #expect(result.status == 1, "the unsafe calque remains and is a warning")
        #expect(result.stdout.contains("handsome"))
        #expect(result.stdout.contains("2 fixed"))
        // Fixing again changes nothing.
        _ = try lint([path, "--fix"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == fixed)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter {
            $0.hasPrefix(".")
        }
        #expect(leftovers.isEmpty, "no temporary files left: \(leftovers)")
    }

    @Test func dryRunPrintsADiffAndWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", "Title\n\nHe won in Hell Hell.\n")
        let result = try lint([path, "--fix", "--dry-run"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Title\n\nHe won in Hell Hell.\n")
        #expect(
            result.stdout.contains(
                "--- \(path)\n+++ \(path) (fixed)\n@@ -1,3 +1,3 @@\n Title\n \n-He won in Hell Hell.\n+He won in Hell.\n"
            ))
        #expect(result.stdout.contains("; --dry-run: 1 safe fix would be applied (the flags are before fixing)\n"))
    }

    @Test func aMissingBaselineIsNamedAsMissing() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", Self.clean)
        let missing = directory.url.appendingPathComponent("nowhere.json").path
        let result = try lint([path, "--baseline", missing])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(missing): error: no such baseline file"), "\(result.stderr)")
        try directory.write("bad.json", "[]")
        let bad = try lint([path, "--baseline", directory.url.appendingPathComponent("bad.json").path])
        #expect(bad.stderr.contains("not a baseline file"), "\(bad.stderr)")
    }

    @Test func baselineSuppressesKnownFlagsOnly() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", Self.garbled)
        let baseline = directory.url.appendingPathComponent("baseline.json").path
        #expect(try lint([path, "--write-baseline", baseline]).status == 0)
        var result = try lint([path, "--baseline", baseline])
        #expect(result.status == 0)
        #expect(result.stdout.contains("2 suppressed by the baseline"))
        // A new garble elsewhere still fails; the old ones stay suppressed even though they moved.
        try directory.write("a.txt", "A new first line about the the final.\n\n" + Self.garbled)
        result = try lint([path, "--baseline", baseline, "--format", "jsonl"])
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stdout.contains("the the"))
    }

    @Test func stdinStreamAnswersEveryLineInOrder() throws {
        let input = [
            #"{"id": "a", "text": "He won in Hell Hell."}"#, #"not json"#, #"{"id": 7, "text": "A clean line."}"#,
            #"{"id": "b"}"#,
        ].joined(separator: "\n")
        let result = try lint(["--stdin", "--format", "jsonl"], stdin: input + "\n")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(lines.count == 4)
        #expect(lines[0]["id"] as? String == "a")
        #expect((lines[0]["flags"] as? [[String: Any]])?.first?["rule"] as? String == "repetition.doubled-word")
        #expect((lines[1]["error"] as? String)?.contains("line 2") == true)
        #expect(lines[2]["id"] as? Int == 7)
        #expect((lines[2]["flags"] as? [Any])?.isEmpty == true)
        #expect((lines[3]["error"] as? String)?.contains("text") == true)
    }

    /// Issue 21, item 5: ids echoed as their JSON text, invalid UTF-8 refused, blank lines answered.
    @Test func stdinEchoesIdsVerbatimAndAnswersBlankAndInvalidLines() throws {
        var input: [UInt8] = []
        for line in [
            #"{"id": 1.5, "text": "A clean line."}"#, #"{"id": 1e100, "text": "A clean line."}"#,
            #"{"id": 123456789012345678901234567890, "text": "A clean line."}"#, "", "   ",
            #"{"text": "A clean line.", "id": {"k": [1, "}"]}}"#,
        ] {
            input += Array(line.utf8) + [0x0A]
        }
        input += Array(#"{"id": "bad", "text": "caf"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8) + [0x0A]
        let directory = try TemporaryDirectory()
        let inputPath = try directory.write("in.jsonl", bytes: input)
        let result = try Subprocess.run(
            URL(fileURLWithPath: "/bin/sh"),
            [
                "-c", "\"$0\" lint --stdin --format jsonl --glossaries \"$2\" < \"$1\"", CLI.executable.path, inputPath,
                Self.glossaries,
            ])
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 7, "one output line per input line: \(result.stdout)")
        guard lines.count == 7 else { return }
        #expect(lines[0].hasPrefix(#"{"id":1.5,"flags":[]"#))
        #expect(lines[1].hasPrefix(#"{"id":1e100,"flags":[]"#))
        #expect(lines[2].hasPrefix(#"{"id":123456789012345678901234567890,"flags":[]"#))
        #expect(lines[3] == #"{"id":null,"error":"line 4: blank line, expected a JSON object"}"#)
        #expect(lines[4].contains(#""error":"line 5: blank line"#))
        #expect(lines[5].hasPrefix(#"{"id":{"k": [1, "}"]},"flags":[]"#))
        #expect(lines[6] == #"{"id":"bad","error":"line 7: invalid UTF-8 at byte 26 of the line"}"#)
        #expect(!result.stdout.contains("\u{FFFD}"))
    }

    @Test func githubAnnotationsAreEscaped() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a,b.txt", Self.garbled)
        let result = try lint([path, "--format", "github"])
        #expect(
            result.stdout.contains("::error file=\(path.replacingOccurrences(of: ",", with: "%2C")),line=1,col=33,"))
        #expect(result.stdout.contains("title=repetition.doubled-word::'Hell' is repeated"))
    }

    @Test func rulesCommandListsEveryRule() throws {
        let result = try CLI.run(["rules", "--ids-only"])
        #expect(result.stdout.split(separator: "\n").map(String.init) == RuleRegistry.all.map { $0.description.id })
    }

    @Test func cleanPrintsFixedTextWithoutBoilerplate() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", "– what a weekend in Hell Hell.\n\nShare this:\n\nLeave a Reply\n")
        let result = try CLI.run(["clean", path, "--glossaries", Self.glossaries])
        #expect(result.stdout == "– What a weekend in Hell.\n")
    }
}

@Suite struct InterruptTests {
    /// Ctrl-C stops promptly, reports the files already finished, and exits 130.
    @Test func sigintStopsPromptlyWithStatus130() throws {
        let directory = try TemporaryDirectory()
        let article = String(repeating: "He won in Hell Hell and the EM series. ", count: 400)
        for index in 0..<400 { try directory.write(String(format: "f%03d.txt", index), article) }
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = [
            "lint", directory.url.path, "--jobs", "1", "--format", "jsonl", "--glossaries",
            Fixtures.repository.appendingPathComponent("glossaries").path,
        ]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = DataCollector(output.fileHandleForReading)
        // Interrupt once some files have been reported, however slow the machine is.
        #expect(outputData.waitForFirstLine(timeout: 120))
        let interrupted = Date()
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(interrupted) < 5, "stops promptly")
        #expect(process.terminationStatus == 130)
        #expect(
            String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains(
                "interrupted after"))
        let lines = outputData.finish().split(separator: "\n")
        #expect(!lines.isEmpty && lines.count < 400 * 401)
        for line in lines { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil) }
    }
}

/// Reads a pipe on a background thread so the child never blocks on a full pipe.
private final class DataCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    private let firstLine = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            var signalled = false
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                self.data.append(chunk)
                if !signalled && chunk.contains(0x0A) {
                    signalled = true
                    self.firstLine.signal()
                }
            }
            if !signalled { self.firstLine.signal() }
            self.done.signal()
        }
    }

    func waitForFirstLine(timeout: Double) -> Bool {
        firstLine.wait(timeout: .now() + timeout) == .success
    }

    func finish() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite struct RelativePathTests {
    /// Relative paths such as "." and a bare config file name (Foundation's NSString path helpers
    /// trap on ".").
    @Test func dotAndRelativeConfigWork() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", "He won in Hell Hell.\n")
        try directory.write("house.yaml", "rules:\n  disable: [repetition.doubled-word]\n")
        let glossaries = Fixtures.repository.appendingPathComponent("glossaries").path
        var result = try CLI.run(["lint", ".", "--glossaries", glossaries], directory: directory.url)
        #expect(result.status == 1, "\(result.stderr)")
        result = try CLI.run(
            ["lint", "a.txt", "--config", "house.yaml", "--glossaries", glossaries], directory: directory.url)
        #expect(result.status == 0, "\(result.stderr)")
    }
}

@Suite struct AtomicWriteTests {
    /// SIGKILL at any moment of `lint --fix` leaves the old file or the fixed one, never a
    /// truncated or half-written file (temporary file in the same directory, fsync, rename).
    @Test func sigkillDuringFixLeavesOldOrNewFile() throws {
        let directory = try TemporaryDirectory()
        let original = String(repeating: "He won in Hell Hell and the the final.\n\n", count: 20_000)
        let glossaries = Fixtures.repository.appendingPathComponent("glossaries").path
        // The fixed text, from an unkilled run on a copy.
        let reference = try directory.write("reference.txt", original)
        _ = try CLI.run(["lint", reference, "--fix", "--glossaries", glossaries])
        let fixed = try String(contentsOfFile: reference, encoding: .utf8)
        #expect(fixed != original)
        var outcomes: Set<String> = []
        for attempt in 0..<12 {
            let path = try directory.write("a.txt", original)
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["lint", path, "--fix", "--format", "jsonl", "--glossaries", glossaries]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: 0.05 + Double(attempt) * 0.12)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try String(contentsOfFile: path, encoding: .utf8)
            #expect(now == original || now == fixed, "attempt \(attempt): \(now.utf8.count) bytes")
            outcomes.insert(now == original ? "old" : "new")
        }
        #expect(!outcomes.isEmpty)
    }
}
