import Foundation

/// One file through the rules: read, linted (in blocks when it is huge), and its flags turned into
/// a report with review decisions, fingerprints and the baseline applied.
extension LintSession {
    /// Reads and lints one file, applying fixes as the options say.
    public func lintFile(_ path: String) -> FileReport {
        lintFile(path, opened: Result { () throws(DocumentError) in try ReadableFile(path) })
    }

    /// Lints a file the caller has opened (or failed to open).
    func lintFile(_ path: String, opened file: Result<ReadableFile, DocumentError>) -> FileReport {
        let document: Document
        do {
            document = try Document.load(file.get(), path: path)
        } catch {
            return FileReport(path: path, document: nil, flags: [], error: error.description)
        }
        let linter = linterFor(path)
        let raw = flags(document, linter: linter)
        let report = report(document, flags: raw)
        return options.fix == .none ? report : applyingFixes(to: report, of: document, raw: raw, linter: linter)
    }

    /// Files above this size are annotated in blocks so that memory does not grow with them.
    public static let blockThreshold = 512 << 10

    /// Lints a document in memory (`lint --stdin`): its flags with decisions, fingerprints and
    /// baseline applied, nothing fixed.
    public func lint(_ document: Document, linter: Linter) -> FileReport {
        report(document, flags: flags(document, linter: linter))
    }

    /// Every flag of the rules, before decisions and baseline. A linter without rules needs no
    /// annotation (`rxtext records` annotates each file once, on its own).
    func flags(_ document: Document, linter: Linter) -> [Diagnostic] {
        guard !linter.rules.isEmpty else { return [] }
        let annotator = Annotator(lexicon: engine.lexicon)
        guard document.bytes.count > options.hugeFileBytes else { return linter.lint(annotator.annotate(document)) }
        var flags: [Diagnostic] = []
        Self.lintInParallelBlocks(
            { $0(document) }, annotator: annotator, linter: linter, jobs: options.jobs, blockBytes: options.blockBytes,
            { flags += $1 })
        return flags
    }

    /// The report of flags found already: decisions, fingerprints and baseline applied.
    func report(_ document: Document, flags: [Diagnostic]) -> FileReport {
        var fingerprinter = Fingerprinter()
        return report(document, flags: flags, fingerprinter: &fingerprinter)
    }

    /// Decisions, fingerprints and baseline applied to flags of `document` (all of them, or one
    /// block's, with the fingerprinter carried from block to block).
    func report(_ document: Document, flags: [Diagnostic], fingerprinter: inout Fingerprinter) -> FileReport {
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
