import Dispatch
import Foundation

/// What to do with each file besides reporting its flags.
public struct LintOptions: Sendable {
    public enum FixMode: Sendable {
        case none, write, dryRun
    }

    public var fix: FixMode = .none
    /// Fingerprints to suppress (`--baseline`).
    public var baseline: Set<String> = []
    /// Review decisions: rejected flags are suppressed, accepted and edited ones become safe fixes.
    public var decisions: DecisionSet?
    public var jobs: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Files larger than this are huge: linted in blocks and, when possible, reported in parts.
    /// A file linted whole holds about 27 bytes of annotation per byte of text (measured: a
    /// 3.9 MB file peaked at 173 MB), so the limit is set low enough that two workers on files
    /// just under it stay well inside 100 MB.
    public var hugeFileBytes = LintSession.blockThreshold
    /// The size of those blocks: measured, about 27 bytes of annotation per byte of text are
    /// alive while a block is linted, so 128 KB blocks keep that near 3.5 MB per block in flight.
    public var blockBytes = 1 << 17
    /// Huge files are read this much at a time when they are reported in parts
    /// (`HugeFileWindows`), so that memory holds a window of the file, not all of it. Measured
    /// on ten 10 MB files: 1 MB windows peak at 42 MB with one job and 69 MB with two; 4 MB
    /// windows at 52 and 91 MB, and no faster.
    public var windowBytes = 1 << 20
    /// The linted roots as `FixPermissions.tree(of:)` gives them: `--fix` follows a symlink only
    /// to a file under one of them. Empty: the working directory.
    public var fixTree: [String] = []

    public init() {}
}

/// Lints many files in parallel with bounded concurrency, delivering reports in input order.
public struct LintSession: Sendable {
    public let engine: Engine
    /// The linter for a file (per-directory configuration may differ).
    public let linterFor: @Sendable (String) -> Linter
    public let options: LintOptions

    public init(engine: Engine, options: LintOptions, linterFor: @escaping @Sendable (String) -> Linter) {
        self.engine = engine
        self.options = options
        self.linterFor = linterFor
    }

    /// Lints `files`, calling `deliver` on the calling thread, in order, as reports complete.
    /// When `cancellation` fires (Ctrl-C), files not started are skipped and delivery stops at
    /// the first file not finished; returns whether every file was delivered.
    @discardableResult
    public func run(_ files: [String], cancellation: Cancellation? = nil, deliver: (FileReport) -> Void) -> Bool {
        // Callers of this one want whole files: a huge file is read whole and linted in blocks,
        // not streamed in windows (whose parts would each point into a window of their own).
        run(files, cancellation: cancellation, render: nil, inParts: false) { report, _ in deliver(report) }
    }

    /// As `run(_:cancellation:deliver:)`, with each report also rendered by `render` on the worker
    /// that linted it; `deliver` gets the report and its text.
    @discardableResult
    public func run(
        _ files: [String], cancellation: Cancellation? = nil, render: FileRenderer?,
        deliver: (FileReport, [UInt8]?) -> Void
    ) -> Bool {
        run(files, cancellation: cancellation, render: render, inParts: true, deliver: deliver)
    }

    /// `inParts`: whether huge files may be streamed in parts (`streams(_:)`).
    private func run(
        _ files: [String], cancellation: Cancellation?, render: FileRenderer?, inParts: Bool,
        deliver: (FileReport, [UInt8]?) -> Void
    ) -> Bool {
        guard !files.isEmpty else { return true }
        let state = ReorderBuffer(count: files.count)
        cancellation?.onCancel { state.cancel() }
        let jobs = min(options.jobs, files.count)
        if options.jobs == 1 { return runHere(files, state: state, inParts: inParts, render: render, deliver: deliver) }
        let next = AtomicCounter()
        // One serial queue per worker: serial queues get a thread of their own at once. Jobs on a
        // shared concurrent queue compete with the caller, which blocks a thread of the same pool
        // below while it waits for reports in order; measured, the second worker then started
        // about 0.8 s late on 2 cores.
        for worker in 0..<jobs {
            DispatchQueue(label: "rxtext.lint.\(worker)").async {
                while true {
                    let index = next.increment()
                    if index >= files.count || state.cancelled { break }
                    let (file, streamed) = open(files[index], inParts: inParts)
                    if streamed {
                        streamHugeFile(files[index], index: index, state: state, render: render)
                    } else if inParts {
                        lint(files[index], file).forEachPart(ofAtMost: Self.flagsPerPart) { part in
                            state.append(index, (part, nil), render: render)
                        }
                    } else {
                        state.append(index, (lint(files[index], file), nil), render: render)
                    }
                }
            }
        }
        for index in files.indices {
            while true {
                guard let (report, text) = state.take(index) else { return false }
                deliver(report, text)
                if report.isLastPart { break }
            }
        }
        return true
    }

    /// One job: every file is linted, and rendered, on the calling thread. A worker thread
    /// would only hand each report over, and waking the caller for every file cost about 3% of
    /// a run of small files.
    private func runHere(
        _ files: [String], state: ReorderBuffer, inParts: Bool, render: FileRenderer?,
        deliver: (FileReport, [UInt8]?) -> Void
    ) -> Bool {
        for path in files {
            guard !state.cancelled else { return false }
            let (file, streamed) = open(path, inParts: inParts)
            if streamed {
                streamHugeFileHere(path, state: state) { deliver($0, render?($0)) }
            } else if inParts {
                lint(path, file).forEachPart(ofAtMost: Self.flagsPerPart) { deliver($0, render?($0)) }
            } else {
                let report = lint(path, file)
                deliver(report, render?(report))
            }
        }
        return !state.cancelled
    }

    /// Opens a file once: the size `fstat` gives there says whether it is streamed in parts
    /// (with `inParts`); otherwise the file, or why it cannot be opened, goes to `lint`.
    private func open(_ path: String, inParts: Bool) -> (file: Result<ReadableFile, DocumentError>, streamed: Bool) {
        let file = Result { () throws(DocumentError) in try ReadableFile(path) }
        guard inParts, case .success(let open) = file else { return (file, false) }
        return (file, streams(open))
    }

    /// Lints one file, applying fixes as the options say.
    public func lint(_ path: String) -> FileReport {
        lint(path, Result { () throws(DocumentError) in try ReadableFile(path) })
    }

    /// Lints a file the caller has opened (or failed to open).
    func lint(_ path: String, _ file: Result<ReadableFile, DocumentError>) -> FileReport {
        let document: Document
        do {
            document = try Document.load(file.get(), path: path)
        } catch {
            return FileReport(path: path, document: nil, flags: [], error: error.description)
        }
        let linter = linterFor(path)
        let raw = flags(document, linter: linter)
        var report = lint(document, flags: raw)
        if options.fix != .none {
            let cleaned = Cleaner().clean(document, flags: report.flags)
            report.skippedFixes = cleaned.skipped.count
            guard !cleaned.applied.isEmpty else { return report }
            let fixedText = cleaned.text
            if options.fix == .dryRun {
                report.wouldFix = cleaned.applied.count
                report.diff = UnifiedDiff.make(old: document.rawText(document.body), new: fixedText, path: path)
                return report
            }
            // Refuse to overwrite a file that changed since it was read.
            guard let current = try? Document.readFile(path), current == document.bytes else {
                report.error = "\(path): error: file changed while it was being linted; not fixed"
                return report
            }
            do {
                let tree = options.fixTree.isEmpty ? FixPermissions.tree(of: ["."]) : options.fixTree
                try AtomicFile.write(Array(fixedText.utf8), to: FixPermissions.target(of: path, tree: tree).get().path)
            } catch let refusal as FixPermissions.Refusal {
                report.error = "\(path): error: \(refusal)"
                return report
            } catch {
                report.error = "\(error)"
                return report
            }
            let applied = cleaned.applied.count
            let skipped = cleaned.skipped.count
            // Re-lint what was written: the report shows what remains.
            if let fixed = try? Document.load(path: path) {
                let after = flags(fixed, linter: linter)
                let carried =
                    options.decisions?.carriedOver(from: document, raw, applied: cleaned.applied, to: fixed, after)
                    ?? []
                var options = options
                options.decisions?.add(carried)
                report = LintSession(engine: engine, options: options, linterFor: linterFor).lint(fixed, flags: after)
                report.carried = carried
            }
            report.fixed = applied
            report.skippedFixes = skipped
        }
        return report
    }

    /// Files above this size are annotated in blocks so that memory does not grow with them.
    public static let blockThreshold = 512 << 10

    public func lint(_ document: Document, linter: Linter) -> FileReport {
        lint(document, flags: flags(document, linter: linter))
    }

    /// Every flag of the rules, before decisions and baseline.
    func flags(_ document: Document, linter: Linter) -> [Diagnostic] {
        let annotator = Annotator(lexicon: engine.lexicon)
        guard document.bytes.count > options.hugeFileBytes else { return linter.lint(annotator.annotate(document)) }
        var flags: [Diagnostic] = []
        Self.lintInParallelBlocks(
            { $0(document) }, annotator: annotator, linter: linter, jobs: options.jobs, blockBytes: options.blockBytes,
            { flags += $1 })
        return flags
    }

    func lint(_ document: Document, flags: [Diagnostic]) -> FileReport {
        var fingerprinter = Fingerprinter()
        return lint(document, flags: flags, fingerprinter: &fingerprinter)
    }

    /// Decisions, fingerprints and baseline applied to flags of `document` (all of them, or one
    /// block's, with the fingerprinter carried from block to block).
    func lint(_ document: Document, flags: [Diagnostic], fingerprinter: inout Fingerprinter) -> FileReport {
        var flags = flags
        var rejected = 0
        if let decisions = options.decisions { (flags, rejected) = decisions.apply(to: flags, in: document) }
        let fingerprints = fingerprinter.fingerprints(flags, in: document)
        var report = FileReport(path: document.path, document: document, flags: flags, error: nil)
        report.fingerprints = fingerprints
        report.rejected = rejected
        // Without a baseline every flag is kept, and nothing is filtered or copied.
        if !options.baseline.isEmpty {
            let kept = flags.indices.filter { !options.baseline.contains(fingerprints[$0]) }
            report.flags = kept.map { flags[$0] }
            report.fingerprints = kept.map { fingerprints[$0] }
            report.suppressed = flags.count - kept.count
        }
        return report
    }
}

/// The next file index for whichever worker asks first.
final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = Lock()

    func increment() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}
