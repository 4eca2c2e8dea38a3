/// GitHub Actions workflow commands: `::error file=...,line=...,col=...,title=...::message`.
public final class GitHubReporter: LintReporter {
    private let output: any TextOutput

    public init(output: any TextOutput) {
        self.output = output
    }

    public func begin() {}

    public var renderer: FileRenderer? {
        { file in ByteOutput.collect { GitHubReporter.write(file, to: $0) } }
    }

    public func report(_ file: FileReport, rendered: [UInt8]?) {
        if let rendered { output.write(utf8: rendered) } else { Self.write(file, to: output) }
    }

    static func write(_ file: FileReport, to output: any TextOutput) {
        if let error = file.error {
            output.write("::error file=\(Self.property(file.path))::\(Self.data(error))\n")
        }
        guard let document = file.document else { return }
        for flag in file.flags {
            let start = document.position(of: flag.range.start)
            let end = document.position(of: flag.range.end)
            let command = flag.severity == .error ? "error" : flag.severity == .warning ? "warning" : "notice"
            var message = flag.message
            if let suggestion = flag.suggestions.first, !suggestion.isEmpty { message += " Suggestion: \(suggestion)" }
            output.write(
                "::\(command) file=\(Self.property(file.path)),line=\(start.line),col=\(start.column),endLine=\(end.line),"
                    + "endColumn=\(end.column),title=\(Self.property(flag.rule))::\(Self.data(message))\n")
        }
    }

    public func end(_ summary: LintSummary) {}

    /// Escaping rules of workflow commands (actions/toolkit).
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
