/// A whole file's report cut into parts of at most `LintSession.flagsPerPart` flags, for runs
/// that take reports in parts: a file of a few hundred kilobytes can have a hundred thousand
/// flags (500 KB of "Hell Hell ..."), and rendering them at once held over 100 MB of output
/// (issue 21, item 1). Each part is rendered and written before the next is made.
extension FileReport {
    /// `body` gets the parts in order: the first with the diff, the flags in slices, and the
    /// last with the file's totals, as the parts of a huge file carry them. A report with an
    /// error, or with few flags, is its own only part.
    func forEachPart(ofAtMost limit: Int, _ body: (FileReport) -> Void) {
        guard flags.count > limit, error == nil, isFirstPart, isLastPart else { return body(self) }
        var start = 0
        while start < flags.count {
            let end = min(start + limit, flags.count)
            var part = FileReport(path: path, document: document, flags: Array(flags[start..<end]), error: nil)
            part.fingerprints = Array(fingerprints[start..<end])
            part.isFirstPart = start == 0
            part.isLastPart = end == flags.count
            if part.isFirstPart { part.diff = diff }
            if part.isLastPart {
                part.suppressed = suppressed
                part.rejected = rejected
                part.fixed = fixed
                part.skippedFixes = skippedFixes
                part.carried = carried
            }
            body(part)
            start = end
        }
    }
}

extension LintSession {
    /// The most flags a whole file's report is rendered with at once (`forEachPart`).
    public static let flagsPerPart = 4096
}
