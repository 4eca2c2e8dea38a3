/// Compiler-style text: `path:line:col: severity: message [rule]`, then the sentence with the
/// span marked and the suggestion. ANSI colour only when asked (a terminal without NO_COLOR).
public final class TextReporter: LintReporter {
    private let output: any TextOutput
    private let color: Bool

    public init(output: any TextOutput, color: Bool) {
        self.output = output
        self.color = color
    }

    public func begin() {}

    public var renderer: FileRenderer? {
        let color = color
        return { file in ByteOutput.collect { TextReporter.write(file, color: color, to: $0) } }
    }

    public func report(_ file: FileReport, rendered: [UInt8]?) {
        if let rendered { output.write(utf8: rendered) } else { Self.write(file, color: color, to: output) }
    }

    static func write(_ file: FileReport, color: Bool, to output: any TextOutput) {
        func paint(_ text: String, _ code: String) -> String {
            color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
        }
        if let error = file.error { output.write(paint(error, "1;31") + "\n") }
        if let diff = file.diff { output.write(diff) }
        guard let document = file.document else { return }
        var cursor = PositionCursor(document)
        for flag in file.flags {
            let position = cursor.position(of: flag.range.start)
            let severity = paint(
                flag.severity.rawValue, flag.severity == .error ? "1;31" : flag.severity == .warning ? "1;33" : "1;36")
            output.write(
                "\(file.path):\(position.line):\(position.column): \(severity): \(flag.message) [\(flag.rule)]\n")
            let before = document.text(ByteRange(flag.sentence.start, flag.range.start))
            let span = document.text(flag.range)
            let after = document.text(ByteRange(flag.range.end, max(flag.range.end, flag.sentence.end)))
            let line = "\(before)\(paint("⟦" + span + "⟧", "1"))\(after)".replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "\r", with: " ")
            output.write("    \(line)\n")
            // An edit in review replaces the fix: the editor's text, not the suggestion, is what gets applied.
            let safeFix = flag.fix.flatMap { $0.safe ? $0.replacement : nil }
            if let suggestion = flag.suggestions.first, !suggestion.isEmpty {
                let safe = safeFix == suggestion ? " (safe fix)" : ""
                output.write("    suggestion: \(paint(suggestion, "32"))\(safe)\n")
            }
            if let safeFix, safeFix != flag.suggestions.first {
                output.write("    fix: \(paint(safeFix, "32")) (safe fix)\n")
            }
        }
    }

    public func end(_ summary: LintSummary) {
        output.write(summary.line + "\n")
    }
}
