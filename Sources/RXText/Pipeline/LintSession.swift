import Dispatch
import Foundation

/// The result of linting one file.
public struct FileReport: Sendable {
    public var path: String
    public var document: Document?
    public var flags: [Flag]
    /// `Fingerprint.all(flags)`, in the same order.
    public var fingerprints: [String] = []
    /// Why the file could not be linted (bad bytes, unreadable), with its position if any.
    public var error: String?
    /// Flags suppressed by a baseline.
    public var suppressed: Int = 0
    /// Flags suppressed because an editor rejected them as false alarms in `rxtext review`.
    public var rejected: Int = 0
    /// Safe fixes written to the file.
    public var fixed: Int = 0
    /// Safe fixes skipped because they overlapped another fix.
    public var skippedFixes: Int = 0
    /// Review decisions whose flags survived `--fix` in a rewritten sentence, under their new keys,
    /// for the caller to store.
    public var carried: [DecisionSet.Carry] = []
    /// For `--fix --dry-run`: the unified diff that fixing would apply.
    public var diff: String?
    /// Huge files are reported in parts, block by block, so that their flags are never all in
    /// memory; a file reported whole is its own first and last part. Totals (a file counted,
    /// its bytes) belong to the last part.
    public var isFirstPart = true
    public var isLastPart = true

    /// Adds the next part of the same file: flags, fingerprints and counts.
    mutating func absorb(_ part: FileReport) {
        flags += part.flags
        fingerprints += part.fingerprints
        suppressed += part.suppressed
        rejected += part.rejected
        error = error ?? part.error
        isLastPart = part.isLastPart
    }

    public init(path: String, document: Document?, flags: [Flag], error: String?) {
        self.path = path
        self.document = document
        self.flags = flags
        self.error = error
    }
}

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

    public init() {}
}

/// Lints many files in parallel with bounded concurrency, delivering reports in input order.
public struct LintSession: Sendable {
    public let lexicon: Lexicon
    /// The linter for a file (per-directory configuration may differ).
    public let linterFor: @Sendable (String) -> Linter
    public let options: LintOptions

    public init(lexicon: Lexicon, options: LintOptions, linterFor: @escaping @Sendable (String) -> Linter) {
        self.lexicon = lexicon
        self.options = options
        self.linterFor = linterFor
    }

    /// Lints `files`, calling `deliver` on the calling thread, in order, as reports complete.
    /// When `cancellation` fires (Ctrl-C), files not started are skipped and delivery stops at
    /// the first file not finished; returns whether every file was delivered.
    @discardableResult
    public func run(_ files: [String], cancellation: Cancellation? = nil, deliver: (FileReport) -> Void) -> Bool {
        var whole: FileReport? = nil
        return run(files, cancellation: cancellation, render: nil) { report, _ in
            // Parts of a huge file are put back together: callers of this one want whole files.
            if report.isFirstPart { whole = report } else { whole?.absorb(report) }
            if report.isLastPart, var complete = whole {
                complete.isFirstPart = true
                deliver(complete)
                whole = nil
            }
        }
    }

    /// As `run(_:cancellation:deliver:)`, with each report also rendered by `render` on the worker
    /// that linted it; `deliver` gets the report and its text.
    @discardableResult
    public func run(
        _ files: [String], cancellation: Cancellation? = nil, render: (@Sendable (FileReport) -> String)?,
        deliver: (FileReport, String?) -> Void
    ) -> Bool {
        guard !files.isEmpty else { return true }
        let state = ReorderBuffer(count: files.count)
        cancellation?.onCancel { state.cancel() }
        let jobs = min(options.jobs, files.count)
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
                    if streams(files[index]) {
                        streamHugeFile(files[index], index: index, state: state, render: render)
                    } else {
                        state.append(index, (lint(files[index]), nil), render: render)
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

    /// Lints one file, applying fixes as the options say.
    public func lint(_ path: String) -> FileReport {
        let document: Document
        do {
            document = try Document.load(path: path)
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
                report.diff = UnifiedDiff.make(old: document.rawText(document.body), new: fixedText, path: path)
                return report
            }
            // Refuse to overwrite a file that changed since it was read.
            guard let current = try? Document.readFile(path), current == document.bytes else {
                report.error = "\(path): error: file changed while it was being linted; not fixed"
                return report
            }
            do {
                try AtomicFile.write(Array(fixedText.utf8), to: path)
            } catch {
                report.error = error.description
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
                report = LintSession(lexicon: lexicon, options: options, linterFor: linterFor).lint(fixed, flags: after)
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
    func flags(_ document: Document, linter: Linter) -> [Flag] {
        let annotator = Annotator(lexicon: lexicon)
        guard document.bytes.count > options.hugeFileBytes else { return linter.lint(annotator.annotate(document)) }
        var flags: [Flag] = []
        Self.lintInParallelBlocks(
            document, annotator: annotator, linter: linter, jobs: options.jobs, blockBytes: options.blockBytes
        ) { flags += $0 }
        return flags
    }

    /// Segments `document` on this thread and hands its blocks to `jobs` workers, a few blocks in
    /// flight; `body` gets each block's flags in document order, on this thread. With one job
    /// everything runs on this thread.
    static func lintInParallelBlocks(
        _ document: Document, annotator: Annotator, linter: Linter, jobs: Int, blockBytes: Int,
        _ body: ([Flag]) -> Void
    ) {
        guard jobs > 1 else {
            Annotator.segmentInBlocks(document, blockBytes: blockBytes) { block in
                body(linter.lint(annotator.annotate(document, block)))
            }
            return
        }
        let results = BlockResults()
        let inFlight = DispatchSemaphore(value: jobs + 1)
        let group = DispatchGroup()
        let workers = (0..<jobs).map { DispatchQueue(label: "rxtext.block.\($0)") }
        var submitted = 0
        var delivered = 0
        // This thread only finds the sentences; the workers split them into words, which is most
        // of ICU's work, so that this thread does not hold the workers back.
        Annotator.segmentInBlocks(document, blockBytes: blockBytes, tokenize: false) { block in
            inFlight.wait()
            while let flags = results.take(delivered) {
                body(flags)
                delivered += 1
            }
            let blockIndex = submitted
            submitted += 1
            workers[blockIndex % workers.count].async(group: group) {
                results.store(
                    blockIndex, linter.lint(annotator.annotate(document, Annotator.tokenizing(block, of: document))))
                inFlight.signal()
            }
        }
        group.wait()
        while let flags = results.take(delivered) {
            body(flags)
            delivered += 1
        }
    }

    /// Streams a huge file's report in parts, one per block, once it is the file's turn to be
    /// delivered: its flags then go out as they are found instead of piling up in memory, and
    /// one huge file at a time is in memory, linted on all cores.
    private func streamHugeFile(
        _ path: String, index: Int, state: ReorderBuffer, render: (@Sendable (FileReport) -> String)?
    ) {
        guard state.waitForTurn(index) else { return }
        let document: Document
        do {
            document = try Document.load(path: path)
        } catch {
            state.append(index, (FileReport(path: path, document: nil, flags: [], error: error.description), nil))
            return
        }
        var fingerprinter = Fingerprinter()
        var first = true
        func send(_ flags: [Flag], last: Bool) {
            var report = lint(document, flags: flags, fingerprinter: &fingerprinter)
            report.isFirstPart = first
            report.isLastPart = last
            first = false
            state.append(index, (report, render?(report)))
        }
        Self.lintInParallelBlocks(
            document, annotator: Annotator(lexicon: lexicon), linter: linterFor(path), jobs: options.jobs,
            blockBytes: options.blockBytes
        ) { flags in
            if !state.cancelled { send(flags, last: false) }
        }
        send([], last: true)
    }

    /// Whether `path` is to be streamed in parts: a huge file, linted without fixes or review
    /// decisions (both need all of a file's flags at once).
    private func streams(_ path: String) -> Bool {
        guard options.fix == .none, options.decisions?.isEmpty ?? true else { return false }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) > options.hugeFileBytes
    }

    func lint(_ document: Document, flags: [Flag]) -> FileReport {
        var fingerprinter = Fingerprinter()
        return lint(document, flags: flags, fingerprinter: &fingerprinter)
    }

    /// Decisions, fingerprints and baseline applied to flags of `document` (all of them, or one
    /// block's, with the fingerprinter carried from block to block).
    func lint(_ document: Document, flags: [Flag], fingerprinter: inout Fingerprinter) -> FileReport {
        var flags = flags
        var rejected = 0
        if let decisions = options.decisions { (flags, rejected) = decisions.apply(to: flags, in: document) }
        let fingerprints = fingerprinter.fingerprints(flags, in: document)
        let kept = flags.indices.filter { !options.baseline.contains(fingerprints[$0]) }
        var report = FileReport(path: document.path, document: document, flags: kept.map { flags[$0] }, error: nil)
        report.fingerprints = kept.map { fingerprints[$0] }
        report.suppressed = flags.count - kept.count
        report.rejected = rejected
        return report
    }
}

/// The flags of each block of a huge file, filled from several threads.
final class BlockResults: @unchecked Sendable {
    private var flags: [Int: [Flag]] = [:]
    private let lock = Lock()

    func store(_ index: Int, _ blockFlags: [Flag]) {
        lock.withLock { flags[index] = blockFlags }
    }

    /// Block `index`'s flags if it is done, removed from here.
    func take(_ index: Int) -> [Flag]? {
        lock.withLock { flags.removeValue(forKey: index) }
    }
}

/// Holds finished reports until their turn, so output order never depends on timing. A file's
/// report may come in parts (huge files); at most `maximumParts` of them wait at a time.
final class ReorderBuffer: @unchecked Sendable {
    typealias Entry = (FileReport, String?)
    private var slots: [[Entry]]
    /// The file being delivered.
    private var turn = 0
    private let condition = NSCondition()
    private(set) var cancelled = false
    static let maximumParts = 4

    init(count: Int) {
        slots = Array(repeating: [], count: count)
    }

    /// Adds a report, or the next part of one, rendering it first with `render` when given.
    /// Parts wait while `maximumParts` are already queued.
    func append(_ index: Int, _ entry: Entry, render: (@Sendable (FileReport) -> String)? = nil) {
        let entry = render.map { (entry.0, $0(entry.0)) } ?? entry
        condition.lock()
        while !entry.0.isFirstPart && slots[index].count >= Self.maximumParts && !cancelled { condition.wait() }
        slots[index].append(entry)
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until `index` is the file being delivered; false when the run was cancelled.
    func waitForTurn(_ index: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while turn < index && !cancelled { condition.wait() }
        return !cancelled
    }

    /// The next report or part of file `index`, or nil when cancelled.
    func take(_ index: Int) -> Entry? {
        condition.lock()
        defer { condition.unlock() }
        if turn < index {
            turn = index
            condition.broadcast()
        }
        while slots[index].isEmpty && !cancelled { condition.wait() }
        guard !cancelled else { return nil }
        let entry = slots[index].removeFirst()
        condition.broadcast()
        return entry
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}

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

/// A one-way switch that stops a lint run (Ctrl-C), safe to fire from a signal handler's queue.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var handlers: [@Sendable () -> Void] = []

    public init() {}

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    public func cancel() {
        lock.lock()
        cancelled = true
        let run = handlers
        lock.unlock()
        for handler in run { handler() }
    }

    func onCancel(_ handler: @escaping @Sendable () -> Void) {
        lock.lock()
        let already = cancelled
        if !already { handlers.append(handler) }
        lock.unlock()
        if already { handler() }
    }
}
