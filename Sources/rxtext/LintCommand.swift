import ArgumentParser
import Foundation
import RXText

#if canImport(Glibc)
    import Glibc
#endif

/// `rxtext lint PATH...`: flag garbles across files and directories.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Flag machine-translation garbles in files and directories.",
        discussion: """
            Exit status: 0 when nothing is at or above --fail-on, 1 when something is, 2 on usage \
            or input errors (a file that cannot be read is reported; the others are still linted).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonl, sarif, github
    }

    @Argument(help: "Files and directories (directories are searched recursively).")
    var paths: [String] = []

    @Option(help: "Output format: text, json, jsonl, sarif or github.")
    var format: Format = .text

    @Option(help: "Exit with status 1 when a flag is at or above this severity: error, warning or info.")
    var failOn: Severity = .error

    @Option(help: "Glob of file names to lint in directories (repeatable; default *.txt and *.md).")
    var include: [String] = []

    @Option(help: "Glob of paths or names to skip (repeatable).")
    var exclude: [String] = []

    @Option(help: "Configuration file (default: the nearest .rxtext.yaml above each file).")
    var config: String?

    @Flag(help: "Apply safe fixes in place (atomically), then report what remains.")
    var fix = false

    @Flag(help: "With --fix: print a unified diff instead of writing.")
    var dryRun = false

    @Option(help: "Suppress flags whose fingerprints are in this baseline file.")
    var baseline: String?

    @Option(help: "Write the fingerprints of all current flags to this baseline file.")
    var writeBaseline: String?

    @Flag(help: "Read JSON lines {\"id\", \"text\"} from standard input; write one JSON line per input.")
    var stdin = false

    @Option(help: "Files linted at once (default: the number of cores).")
    var jobs: Int?

    @OptionGroup var glossaries: GlossaryOptions

    @OptionGroup var decisions: DecisionOptions

    func validate() throws {
        if paths.isEmpty && !stdin { throw ValidationError("give files or directories to lint, or --stdin") }
        if dryRun && !fix { throw ValidationError("--dry-run goes with --fix") }
        if stdin && fix { throw ValidationError("--fix cannot be used with --stdin") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let project = try glossaries.project(paths: stdin ? ["."] : paths, config: config) {
            stdin ? nil : try decisions.load(for: paths)
        }
        var options = LintOptions()
        options.fix = fix ? (dryRun ? .dryRun : .write) : .none
        options.fixTree = FixPermissions.tree(of: paths)
        if let jobs { options.jobs = jobs }
        if let baseline {
            do {
                options.baseline = try Baseline.read(baseline)
            } catch {
                printError(error.description)
                throw ExitCode(2)
            }
        }
        let session = project.session(options)

        if stdin {
            StreamLinter(session: session, linter: project.linter(for: ".")).run()
            return
        }

        let walk = project.discovery(include: include, exclude: exclude).walk(paths)
        let (files, discoveryErrors) = (walk.files, walk.errors)
        if let note = walk.skippedLinksNote { printError("rxtext: \(note)") }
        if options.fix == .write {
            for path in StaleTemporaries.remove(besides: files, before: Int(Date().timeIntervalSince1970)) {
                printError("rxtext: removed \(path), a temporary file an interrupted --fix left")
            }
        }
        let output = StandardOutput()
        let reporter = makeReporter(output: output)
        var summary = LintSummary()
        var fingerprints: Set<String> = []
        var carried: [DecisionSet.Carry] = []
        let progress = ProgressBar(files: files, hugeFileBytes: options.hugeFileBytes)
        reporter.begin()
        for (path, reason) in discoveryErrors {
            let report = FileReport(path: path, document: nil, flags: [], error: "\(path): error: \(reason)")
            summary.add(report)
            reporter.report(report)
        }
        // Ctrl-C: stop starting files, report the ones finished, exit 130.
        let cancellation = Cancellation()
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler { cancellation.cancel() }
        interrupt.resume()
        let completed = session.run(files, cancellation: cancellation, render: reporter.renderer) { report, rendered in
            summary.add(report)
            if writeBaseline != nil { fingerprints.formUnion(report.fingerprints) }
            carried += report.carried
            progress.printing(flush: output.flush) { reporter.report(report, rendered: rendered) }
            if report.isLastPart {
                progress.advance(bytes: report.document?.fileBytes ?? 0)
            } else if let window = report.document {
                progress.advance(partThrough: window.fileOffset(window.bytes.count))
            }
        }
        progress.finish()
        reporter.end(summary)
        output.flush()
        try decisions.store(carried, for: paths)
        if !completed {
            printError("rxtext: interrupted after \(summary.files) of \(files.count) files")
            throw ExitCode(130)
        }
        if let writeBaseline {
            do {
                try Baseline.write(fingerprints, to: writeBaseline)
            } catch {
                printError("error: \(error)")
                throw ExitCode(2)
            }
        }
        if summary.filesWithErrors > 0 { throw ExitCode(2) }
        // With a new baseline written, the current flags are accepted.
        if writeBaseline == nil && summary.count(atLeast: failOn) > 0 { throw ExitCode(1) }
    }

    private func makeReporter(output: StandardOutput) -> any LintReporter {
        switch format {
        case .text: TextReporter(output: output, color: Terminal.wantsColor(descriptor: 1))
        case .json: JSONReporter(output: output)
        case .jsonl: JSONLinesReporter(output: output)
        case .sarif: SARIFReporter(output: output)
        case .github: GitHubReporter(output: output)
        }
    }

}

extension Severity: ExpressibleByArgument {}

/// Colour and progress only for people at a terminal.
enum Terminal {
    static func wantsColor(descriptor: Int32) -> Bool {
        isatty(descriptor) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    static var isInteractive: Bool {
        isatty(2) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
    }
}
