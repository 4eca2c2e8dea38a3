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
