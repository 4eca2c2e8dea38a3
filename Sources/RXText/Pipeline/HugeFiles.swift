import Dispatch
import Foundation

/// Files over `LintOptions.hugeFileBytes`: linted in blocks on every worker and, when the run
/// allows it, reported in parts as the blocks finish, so that memory holds a few blocks' worth of
/// annotation and flags rather than the whole file's.
extension LintSession {
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
        Annotator.segmentInBlocks(document, blockBytes: blockBytes) { block in
            inFlight.wait()
            while let flags = results.take(delivered) {
                body(flags)
                delivered += 1
            }
            let blockIndex = submitted
            submitted += 1
            workers[blockIndex % workers.count].async(group: group) {
                results.store(
                    blockIndex, linter.lint(annotator.annotate(document, block)))
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
    func streamHugeFile(
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
        // Parts are fingerprinted and rendered on a queue of their own, in order, so that this
        // thread only segments: measured, it had been doing a third of all the work.
        let parts = PartWriter(session: self, document: document)
        let waiting = DispatchSemaphore(value: 2)  // parts handed over but not yet written
        Self.lintInParallelBlocks(
            document, annotator: Annotator(lexicon: lexicon), linter: linterFor(path), jobs: options.jobs,
            blockBytes: options.blockBytes
        ) { flags in
            guard !state.cancelled else { return }
            waiting.wait()
            parts.queue.async {
                state.append(index, (parts.part(flags, last: false), nil), render: render)
                waiting.signal()
            }
        }
        parts.queue.sync { state.append(index, (parts.part([], last: true), nil), render: render) }
    }

    /// `streamHugeFile` for a run with one job, on the calling thread: each block's part goes
    /// to `deliver` as soon as it is linted.
    func streamHugeFileHere(_ path: String, state: ReorderBuffer, deliver: (FileReport) -> Void) {
        let document: Document
        do {
            document = try Document.load(path: path)
        } catch {
            return deliver(FileReport(path: path, document: nil, flags: [], error: error.description))
        }
        let parts = PartWriter(session: self, document: document)
        Self.lintInParallelBlocks(
            document, annotator: Annotator(lexicon: lexicon), linter: linterFor(path), jobs: 1,
            blockBytes: options.blockBytes
        ) { flags in
            if !state.cancelled { deliver(parts.part(flags, last: false)) }
        }
        deliver(parts.part([], last: true))
    }

    /// Whether `path` is to be streamed in parts: a huge file, linted without fixes or review
    /// decisions (both need all of a file's flags at once).
    func streams(_ path: String) -> Bool {
        guard options.fix == .none, options.decisions?.isEmpty ?? true else { return false }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) > options.hugeFileBytes
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

/// Turns a huge file's block flags into report parts, in order: the fingerprints carry from
/// part to part, so one thread at a time makes them (`queue` with several jobs, the calling
/// thread with one).
final class PartWriter: @unchecked Sendable {
    let queue = DispatchQueue(label: "rxtext.parts")
    private let session: LintSession
    private let document: Document
    private var fingerprinter = Fingerprinter()
    private var first = true

    init(session: LintSession, document: Document) {
        self.session = session
        self.document = document
    }

    /// The next part: `flags` are the next block's.
    func part(_ flags: [Flag], last: Bool) -> FileReport {
        var report = session.lint(document, flags: flags, fingerprinter: &fingerprinter)
        report.isFirstPart = first
        report.isLastPart = last
        first = false
        return report
    }
}
