/// An output format for `rxtext lint`. Reporters stream: `report` is called once per file, in
/// input order, as files finish.
public protocol LintReporter: AnyObject {
    func begin()
    /// One file's output as UTF-8 text, computed on the worker that linted the file (so that two
    /// cores are not held back by one thread formatting everything). Nil for reporters that
    /// need the whole run (SARIF); they do their work in `report`.
    var renderer: FileRenderer? { get }
    /// Called in input order on the calling thread, with `renderer`'s text when there is one.
    func report(_ file: FileReport, rendered: [UInt8]?)
    func end(_ summary: LintSummary)
}

extension LintReporter {
    public var renderer: FileRenderer? { nil }

    /// Renders on the calling thread (for callers that lint one file at a time).
    public func report(_ file: FileReport) {
        report(file, rendered: renderer?(file))
    }
}

/// Totals over a lint run.
public struct LintSummary: Sendable, Equatable {
    public var files = 0
    public var filesWithFlags = 0
    public var filesWithErrors = 0
    /// Of `filesWithErrors`, the files read and linted whose fix was not written (read-only,
    /// changed meanwhile, a write that failed): they were read, and the summary says so.
    public var filesNotFixed = 0
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    public var suppressed = 0
    /// Flags editors rejected in `rxtext review`.
    public var rejected = 0
    public var fixed = 0
    public var skippedFixes = 0
    /// `--fix --dry-run`: fixes the diffs show and a real run would write.
    public var wouldFix = 0
    public var bytes = 0
    /// Whether an earlier part of the file being reported in parts had flags.
    private var partHadFlags = false

    public init() {}

    public var flags: Int { errors + warnings + infos }

    /// Counts a file's report, or a part of one (the file itself is counted with its last part).
    public mutating func add(_ report: FileReport) {
        if report.isLastPart {
            files += 1
            if report.error != nil { filesWithErrors += 1 }
            if report.error != nil && report.document != nil { filesNotFixed += 1 }
            if !report.flags.isEmpty || partHadFlags { filesWithFlags += 1 }
            bytes += report.document?.fileBytes ?? 0
            partHadFlags = false
        } else if !report.flags.isEmpty {
            partHadFlags = true
        }
        for flag in report.flags {
            switch flag.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
        suppressed += report.suppressed
        rejected += report.rejected
        fixed += report.fixed
        skippedFixes += report.skippedFixes
        wouldFix += report.wouldFix
    }

    /// Findings at or above `threshold`.
    public func count(atLeast threshold: Severity) -> Int {
        switch threshold {
        case .error: errors
        case .warning: errors + warnings
        case .info: errors + warnings + infos
        }
    }

    public var json: JSONValue {
        .object([
            ("files", .int(files)), ("files_with_flags", .int(filesWithFlags)),
            ("files_with_errors", .int(filesWithErrors)), ("files_not_fixed", .int(filesNotFixed)),
            ("flags", .int(flags)), ("errors", .int(errors)), ("warnings", .int(warnings)), ("info", .int(infos)),
            ("suppressed", .int(suppressed)), ("fixed", .int(fixed)), ("skipped_fixes", .int(skippedFixes)),
            ("rejected", .int(rejected)),
        ])
    }

    /// "12 flags (3 errors, 8 warnings, 1 info) in 6 files"
    public var line: String {
        var text =
            "\(flags) flag\(flags == 1 ? "" : "s") (\(errors) error\(errors == 1 ? "" : "s"), "
            + "\(warnings) warning\(warnings == 1 ? "" : "s"), \(infos) info) in \(files) file\(files == 1 ? "" : "s")"
        let unread = filesWithErrors - filesNotFixed
        if unread > 0 { text += "; \(unread) file\(unread == 1 ? "" : "s") could not be read" }
        if filesNotFixed > 0 {
            text += "; \(filesNotFixed) file\(filesNotFixed == 1 ? "" : "s") could not be fixed"
        }
        if suppressed > 0 { text += "; \(suppressed) suppressed by the baseline" }
        if rejected > 0 { text += "; \(rejected) suppressed as rejected in review" }
        if fixed > 0 { text += "; \(fixed) fixed" }
        if wouldFix > 0 {
            text +=
                "; --dry-run: \(wouldFix) safe fix\(wouldFix == 1 ? "" : "es") would be applied (the flags are before fixing)"
        }
        if skippedFixes > 0 { text += "; \(skippedFixes) overlapping fix\(skippedFixes == 1 ? "" : "es") skipped" }
        return text
    }
}
