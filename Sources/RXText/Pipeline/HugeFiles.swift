import Dispatch
import Foundation

/// Files over `LintOptions.hugeFileBytes`: linted in blocks on every worker and, when the run
/// allows it, reported in parts as the blocks finish, so that memory holds a few blocks' worth of
/// annotation and flags rather than the whole file's.
extension LintSession {
    /// Segments each document `windows` gives (one, or the windows of a huge file) on this
    /// thread and hands its blocks to `jobs` workers, a few blocks in flight, without waiting
    /// between windows; `body` gets each block's flags, with the document they are offsets
    /// into, in order, on this thread. With one job everything runs on this thread.
    static func lintInParallelBlocks(
        _ windows: ((Document) -> Void) throws -> Void, annotator: Annotator, linter: Linter, jobs: Int,
        blockBytes: Int, _ body: (Document, [Diagnostic]) -> Void
    ) rethrows {
        // `body` is called from inside the `windows` callback: not escaping, only nested.
        try withoutActuallyEscaping(body) { body in
            try lintInParallelBlocks(
                windows, annotator: annotator, linter: linter, jobs: jobs, blockBytes: blockBytes, nested: body)
        }
    }

    private static func lintInParallelBlocks(
        _ windows: ((Document) -> Void) throws -> Void, annotator: Annotator, linter: Linter, jobs: Int,
        blockBytes: Int, nested body: @escaping (Document, [Diagnostic]) -> Void
    ) rethrows {
        // No flag on a piece of a word a window cut (`HugeFileWindows.withoutCutWords`).
        @Sendable func lint(_ block: Segmentation, of document: Document) -> [Diagnostic] {
            HugeFileWindows.withoutCutWords(linter.lint(annotator.annotate(document, block)), in: document)
        }
        guard jobs > 1 else {
            try windows { document in
                Annotator.segmentInBlocks(document, blockBytes: blockBytes) { block in
                    body(document, lint(block, of: document))
                }
            }
            return
        }
        let results = BlockResults()
        let inFlight = DispatchSemaphore(value: jobs + 1)
        let group = DispatchGroup()
        let workers = (0..<jobs).map { DispatchQueue(label: "rxtext.block.\($0)") }
        var submitted = 0
        var delivered = 0
        func deliverFinished() {
            while let (document, flags) = results.take(delivered) {
                body(document, flags)
                delivered += 1
            }
        }
        defer {
            // Also when reading a window fails: the blocks already submitted are delivered.
            group.wait()
            deliverFinished()
        }
        // This thread only reads windows and finds the sentences; the workers split them into
        // words, which is most of ICU's work, so that this thread does not hold the workers back.
        try windows { document in
            Annotator.segmentInBlocks(document, blockBytes: blockBytes) { block in
                inFlight.wait()
                deliverFinished()
                let blockIndex = submitted
                submitted += 1
                workers[blockIndex % workers.count].async(group: group) {
                    results.store(blockIndex, document, lint(block, of: document))
                    inFlight.signal()
                }
            }
        }
    }

    /// Streams a huge file's report in parts, one per block, once it is the file's turn to be
    /// delivered: the file is read a window at a time (`HugeFileWindows`) and its flags go out
    /// as they are found, so that neither the file nor its flags pile up in memory, and one
    /// huge file at a time is linted, on all cores.
    func streamHugeFile(
        _ path: String, index: Int, state: ReorderBuffer, render: FileRenderer?
    ) {
        guard state.waitForTurn(index) else { return }
        // Parts are fingerprinted and rendered on a queue of their own, in order, so that this
        // thread only segments: measured, it had been doing a third of all the work.
        let parts = PartWriter(session: self, path: path)
        let waiting = DispatchSemaphore(value: 2)  // parts handed over but not yet written
        let failure = readWindows(path, jobs: options.jobs) { document, flags in
            guard !state.cancelled else { return }
            waiting.wait()
            parts.queue.async {
                state.append(index, (parts.part(flags, of: document), nil), render: render)
                waiting.signal()
            }
        }
        parts.queue.sync { state.append(index, (parts.last(error: failure), nil), render: render) }
    }

    /// `streamHugeFile` for a run with one job, on the calling thread: each block's part goes
    /// to `deliver` as soon as it is linted.
    func streamHugeFileHere(_ path: String, state: ReorderBuffer, deliver: (FileReport) -> Void) {
        let parts = PartWriter(session: self, path: path)
        let failure = readWindows(path, jobs: 1) { document, flags in
            if !state.cancelled { deliver(parts.part(flags, of: document)) }
        }
        deliver(parts.last(error: failure))
    }

    /// Lints a huge file window by window; returns why reading it failed, if it did.
    private func readWindows(_ path: String, jobs: Int, _ body: (Document, [Diagnostic]) -> Void) -> String? {
        do {
            try Self.lintInParallelBlocks(
                { each in try HugeFileWindows.read(path, windowBytes: options.windowBytes, each) },
                annotator: Annotator(lexicon: engine.lexicon), linter: linterFor(path), jobs: jobs,
                blockBytes: options.blockBytes, body)
            return nil
        } catch {
            return (error as? DocumentError)?.description ?? "\(path): error: \(error)"
        }
    }

    /// Whether an open file is to be streamed in parts: a huge file, linted without fixes or
    /// review decisions (both need all of a file's flags at once).
    func streams(_ file: ReadableFile) -> Bool {
        options.fix == .none && (options.decisions?.isEmpty ?? true) && file.size > options.hugeFileBytes
    }
}

/// The flags of each block of a huge file, with the document they point into, filled from
/// several threads.
final class BlockResults: @unchecked Sendable {
    private var blocks: [Int: (Document, [Diagnostic])] = [:]
    private let lock = Lock()

    func store(_ index: Int, _ document: Document, _ flags: [Diagnostic]) {
        lock.withLock { blocks[index] = (document, flags) }
    }

    /// Block `index`'s document and flags if it is done, removed from here.
    func take(_ index: Int) -> (Document, [Diagnostic])? {
        lock.withLock { blocks.removeValue(forKey: index) }
    }
}

/// Turns a huge file's block flags into report parts, in order: the fingerprints carry from
/// part to part, so one thread at a time makes them (`queue` with several jobs, the calling
/// thread with one).
final class PartWriter: @unchecked Sendable {
    let queue = DispatchQueue(label: "rxtext.parts")
    private let session: LintSession
    private let path: String
    private var fingerprinter = Fingerprinter()
    private var first = true
    /// The window of the latest part: the last part points at the file's last window, whose
    /// `fileBytes` reporters count.
    private var latest: Document?

    init(session: LintSession, path: String) {
        self.session = session
        self.path = path
    }

    /// The next part: `flags` are the next block's, offsets into `document`. The file's last
    /// part is `last(error:)`.
    func part(_ flags: [Diagnostic], of document: Document) -> FileReport {
        var report = session.report(document, flags: flags, fingerprinter: &fingerprinter)
        report.isFirstPart = first
        report.isLastPart = false
        first = false
        latest = document
        return report
    }

    /// The closing part, with the error that cut the file short if one did.
    func last(error: String?) -> FileReport {
        var report = FileReport(path: path, document: latest, flags: [], error: error)
        report.isFirstPart = first
        first = false
        return report
    }
}
