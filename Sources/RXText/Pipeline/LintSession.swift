import Dispatch
import Foundation

/// Lints many files in parallel with bounded concurrency, delivering reports in input order.
/// This file schedules; one file is read, linted and reported in `FileLinting.swift`, fixed
/// and rewritten in `FileFixing.swift`, and a huge one linted in blocks in `HugeFiles.swift`.
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
                        lintFile(files[index], opened: file).forEachPart(ofAtMost: Self.flagsPerPart) { part in
                            state.append(index, (part, nil), render: render)
                        }
                    } else {
                        state.append(index, (lintFile(files[index], opened: file), nil), render: render)
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
                lintFile(path, opened: file).forEachPart(ofAtMost: Self.flagsPerPart) { deliver($0, render?($0)) }
            } else {
                let report = lintFile(path, opened: file)
                deliver(report, render?(report))
            }
        }
        return !state.cancelled
    }

    /// Opens a file once: the size `fstat` gives there says whether it is streamed in parts
    /// (with `inParts`); otherwise the file, or why it cannot be opened, goes to `lintFile`.
    private func open(_ path: String, inParts: Bool) -> (file: Result<ReadableFile, DocumentError>, streamed: Bool) {
        let file = Result { () throws(DocumentError) in try ReadableFile(path) }
        guard inParts, case .success(let open) = file else { return (file, false) }
        return (file, streams(open))
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
