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
        run(files, cancellation: cancellation, render: nil) { report, _ in deliver(report) }
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
                    let report = lint(files[index])
                    // Huge files are not rendered ahead: their output streams from the caller's
                    // thread instead of being held whole in memory.
                    let small = (report.document?.bytes.count ?? 0) <= Self.blockThreshold
                    state.put(index, (report, small ? render?(report) : nil))
                }
            }
        }
        for index in files.indices {
            guard let (report, text) = state.take(index) else { return false }
            deliver(report, text)
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
    public static let blockThreshold = 4 << 20

    public func lint(_ document: Document, linter: Linter) -> FileReport {
        lint(document, flags: flags(document, linter: linter))
    }

    /// Every flag of the rules, before decisions and baseline.
    func flags(_ document: Document, linter: Linter) -> [Flag] {
        let annotator = Annotator(lexicon: lexicon)
        var flags: [Flag] = []
        if document.bytes.count > Self.blockThreshold {
            annotator.annotateInBlocks(document, blockBytes: 1 << 20) { block in flags += linter.lint(block) }
        } else {
            flags = linter.lint(annotator.annotate(document))
        }
        return flags
    }

    func lint(_ document: Document, flags: [Flag]) -> FileReport {
        var flags = flags
        var rejected = 0
        if let decisions = options.decisions { (flags, rejected) = decisions.apply(to: flags, in: document) }
        let fingerprints = Fingerprint.all(flags, in: document)
        let kept = flags.indices.filter { !options.baseline.contains(fingerprints[$0]) }
        var report = FileReport(path: document.path, document: document, flags: kept.map { flags[$0] }, error: nil)
        report.fingerprints = kept.map { fingerprints[$0] }
        report.suppressed = flags.count - kept.count
        report.rejected = rejected
        return report
    }
}

/// Holds finished reports until their turn, so output order never depends on timing.
final class ReorderBuffer: @unchecked Sendable {
    private var slots: [(FileReport, String?)?]
    private let condition = NSCondition()
    private(set) var cancelled = false

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func put(_ index: Int, _ report: (FileReport, String?)) {
        condition.lock()
        slots[index] = report
        condition.broadcast()
        condition.unlock()
    }

    func take(_ index: Int) -> (FileReport, String?)? {
        condition.lock()
        while slots[index] == nil && !cancelled { condition.wait() }
        let report = cancelled ? nil : slots[index]
        slots[index] = nil
        condition.unlock()
        return report
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
