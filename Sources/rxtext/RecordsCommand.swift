import ArgumentParser
import Foundation
import RXReview
import RXText

/// `rxtext records PATH...`: every article's race record, in parallel and in input order (lint's
/// `LintSession`), as JSON lines or CSV and, with `--db`, into a SQLite results database.
struct RecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Extract the race record of every article into JSON lines, CSV or a SQLite results database.",
        discussion: """
            JSON lines: one article per line ({"path", "sha256", "record"}). CSV: one result per row. \
            --db writes a SQLite database (docs/records.md) in one transaction per article; a re-run \
            updates it and keeps the editors' decisions. Decisions from `rxtext review` are applied: a \
            corrected result is emitted as corrected, a rejected one not at all, an added one with its \
            evidence. Exit status 2 when a file could not be read (the others are still recorded).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv
    }

    @Argument(help: "Files and directories (directories are searched recursively).")
    var paths: [String] = []

    @Option(help: "Output format: jsonl or csv.")
    var format: Format = .jsonl

    @Option(name: .customLong("db"), help: "Write the records into this SQLite results database.")
    var database: String?

    @Flag(help: "List the results that articles in the --db state differently, instead of the records.")
    var conflicts = false

    @Option(help: "Glob of file names to read in directories (repeatable; default *.txt and *.md).")
    var include: [String] = []

    @Option(help: "Glob of paths or names to skip (repeatable).")
    var exclude: [String] = []

    @Option(help: "Files read at once (default: the number of cores).")
    var jobs: Int?

    @OptionGroup var confidence: ConfidenceOptions

    @Option(help: "Review decisions (default: the nearest .rxtext/review.sqlite above the files).")
    var reviewDb: String?

    @OptionGroup var glossaries: GlossaryOptions

    func validate() throws {
        if paths.isEmpty && !conflicts { throw ValidationError("give files or directories to record") }
        if conflicts && database == nil { throw ValidationError("--conflicts reads the results database: give --db") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let store = try database.map(Self.openStore)
        var failed = false
        if !paths.isEmpty { failed = try record(into: store) }
        if conflicts, let store { try Self.printConflicts(store) }
        if failed { throw ExitCode(2) }
    }

    /// Records every file; true when some could not be read.
    private func record(into store: RecordStore?) throws -> Bool {
        let engine = try glossaries.engine()
        let decisions = try ResultDecisionSource.load(review: reviewDb, paths: paths, into: store)
        let discovery = FileDiscovery(
            include: include.isEmpty ? FileDiscovery.defaultInclude : include, exclude: exclude)
        let (files, discoveryErrors) = discovery.files(for: paths)
        for (path, reason) in discoveryErrors { printError("\(path): error: \(reason)") }

        var options = LintOptions()
        if let jobs { options.jobs = jobs }
        // Whole files only: a record needs the whole article (no huge-file parts).
        options.hugeFileBytes = .max
        // The session only reads the files, in parallel and in order: each is annotated once,
        // where its record is built, on the same worker. One rule runs on that annotation: the
        // record names a driver whose surname calque.surname recovers, as extract does.
        let surnames = Linter(rules: engine.rules.rule(id: Extraction.surnameRule).map { [$0] } ?? [])
        let session = LintSession(engine: engine, options: options) { _ in Linter(rules: []) }
        let built = BuiltRecords()
        let writer = RecordsWriter(format: format, quiet: conflicts)
        let builder = RecordBuilder(minConfidence: confidence.minConfidence)
        let glossary = engine.glossary
        let render: FileRenderer = { report in
            guard let document = report.document else { return [] }
            let article = Annotator(lexicon: engine.lexicon).annotate(document)
            let record = builder.build(article, renamedSurnames: Extraction.renamedSurnames(surnames.lint(article)))
            let decided =
                decisions?.decided(record, path: document.path, glossary: glossary)
                ?? ResultDecisionSet(root: "/").decided(record, path: document.path)
            built.put(document.path, decided)
            return writer.render(decided, of: document)
        }
        let output = StandardOutput()
        writer.begin(output)
        let progress = ProgressBar(files: files, hugeFileBytes: .max)
        var failures = discoveryErrors.count
        var storeError: Error?
        session.run(files, render: render) { report, rendered in
            progress.advance(bytes: report.document?.fileBytes ?? 0)
            guard let document = report.document, let decided = built.take(document.path) else {
                failures += 1
                progress.printing(flush: {}) { printError(report.error ?? "\(report.path): error: not recorded") }
                return
            }
            if let rendered, !writer.quiet { progress.printing(flush: output.flush) { output.write(utf8: rendered) } }
            guard let store, storeError == nil else { return }
            do { try store.store(decided, of: document) } catch { storeError = error }
        }
        progress.finish()
        output.flush()
        if let storeError, let store {
            printError("\(store.path): error: \(storeError)")
            throw ExitCode(2)
        }
        if let store, let counts = try? store.counts() {
            let summary = ["articles", "results", "result_sources", "drivers", "events", "result_decisions"]
                .map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: ", ")
            printError(
                "rxtext records: \(files.count - failures) of \(files.count) files recorded into \(store.path): \(summary)"
            )
        }
        return failures > 0
    }

    private static func openStore(_ path: String) throws -> RecordStore {
        do {
            return try RecordStore(path: path)
        } catch {
            printError("\(path): error: \(error)")
            throw ExitCode(2)
        }
    }

    private static func printConflicts(_ store: RecordStore) throws {
        let output = StandardOutput()
        for conflict in try store.conflicts() {
            let what = [conflict.driver, conflict.season.map(String.init), conflict.event, conflict.stage]
                .compactMap { $0 }.joined(separator: " ")
            output.write("\(what):\n")
            for claim in conflict.claims {
                let value = claim.position.map { "P\($0)" } ?? claim.outcome ?? "-"
                output.write("  \(claim.article): \(value) (\"\(claim.evidence)\")\n")
            }
        }
        output.flush()
    }
}

/// The decided records the workers built, until the calling thread stores them in order (a
/// path given twice is built twice, and taken twice).
private final class BuiltRecords: @unchecked Sendable {
    private var byPath: [String: [ResultDecisionSet.Decided]] = [:]
    private let lock = NSLock()

    func put(_ path: String, _ decided: ResultDecisionSet.Decided) {
        lock.withLock { byPath[path, default: []].append(decided) }
    }

    func take(_ path: String) -> ResultDecisionSet.Decided? {
        lock.withLock {
            guard var waiting = byPath[path], !waiting.isEmpty else { return nil }
            let first = waiting.removeFirst()
            byPath[path] = waiting.isEmpty ? nil : waiting
            return first
        }
    }
}
