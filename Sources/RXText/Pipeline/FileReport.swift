/// The result of linting one file.
public struct FileReport: Sendable {
    public var path: String
    public var document: Document?
    public var flags: [Diagnostic]
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
    /// With `--fix --dry-run`: the safe fixes the diff shows, which a real run would write.
    public var wouldFix: Int = 0
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

    public init(path: String, document: Document?, flags: [Diagnostic], error: String?) {
        self.path = path
        self.document = document
        self.flags = flags
        self.error = error
    }
}

/// A file's report as the UTF-8 text a reporter writes for it, made on the worker that linted
/// the file (`LintSession.run(_:render:)`).
public typealias FileRenderer = @Sendable (FileReport) -> [UInt8]
