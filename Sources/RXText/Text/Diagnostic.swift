/// A finding: span, sentence, message, suggestions and an optional fix.
public struct Diagnostic: Sendable, Hashable {
    public var rule: String
    public var severity: Severity
    public var message: String
    public var range: ByteRange
    public var sentence: ByteRange
    public var suggestions: [String]
    public var fix: Fix?

    public init(
        rule: String, severity: Severity, message: String, range: ByteRange, sentence: ByteRange, suggestions: [String],
        fix: Fix?
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.range = range
        self.sentence = sentence
        self.suggestions = suggestions
        self.fix = fix
    }
}

/// A replacement for a flag's span. `safe` fixes may be applied without review (`lint --fix`,
/// `clean`); the others are suggestions for an editor.
public struct Fix: Sendable, Hashable {
    public var replacement: String
    public var safe: Bool

    public init(replacement: String, safe: Bool) {
        self.replacement = replacement
        self.safe = safe
    }
}

/// How serious a flag is: `--fail-on` and the reporters read it.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
