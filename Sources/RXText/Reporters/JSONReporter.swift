/// `{"files": [{"path", "flags", "error"}], "summary": {...}}`, streamed file by file.
public final class JSONReporter: LintReporter {
    private let output: any TextOutput
    private var first = true
    /// The file being reported in parts (a huge file): its counts so far, and whether a flag
    /// has been written.
    private var streamed: (suppressed: Int, rejected: Int, wroteFlag: Bool)? = nil

    public init(output: any TextOutput) {
        self.output = output
    }

    public func begin() { output.write("{\"files\":[") }

    /// Whole files only: the parts of a huge file are written by `reportPart`, which has to
    /// know what came before.
    public var renderer: FileRenderer? {
        { file in file.isFirstPart && file.isLastPart ? Array(JSONReporter.fileJSON(file).render().utf8) : [] }
    }

    public func report(_ file: FileReport, rendered: [UInt8]?) {
        guard file.isFirstPart && file.isLastPart else { return reportPart(file) }
        output.write(first ? "\n" : ",\n")
        if let rendered { output.write(utf8: rendered) } else { output.write(Self.fileJSON(file).render()) }
        first = false
    }

    /// A part of a huge file: the object is opened with the first part, its flags written as
    /// they come, and closed with the last part's counts.
    private func reportPart(_ file: FileReport) {
        if file.isFirstPart {
            output.write((first ? "\n" : ",\n") + "{\"path\":" + JSONText.string(file.path) + ",\"flags\":[")
            first = false
            streamed = (0, 0, false)
        }
        guard var state = streamed else { return }
        if let document = file.document {
            for (flag, fingerprint) in zip(file.flags, file.fingerprints) {
                output.write(
                    (state.wroteFlag ? "," : "") + FlagJSON.value(flag, in: document, fingerprint: fingerprint).render()
                )
                state.wroteFlag = true
            }
        }
        state.suppressed += file.suppressed
        state.rejected += file.rejected
        streamed = state
        guard file.isLastPart else { return }
        var tail = "],\"error\":" + JSONText.string(file.error)
        if state.suppressed > 0 { tail += ",\"suppressed\":\(state.suppressed)" }
        if state.rejected > 0 { tail += ",\"rejected\":\(state.rejected)" }
        if file.fixed > 0 { tail += ",\"fixed\":\(file.fixed)" }
        output.write(tail + "}")
        streamed = nil
    }

    public func end(_ summary: LintSummary) {
        output.write("\n],\"summary\":\(summary.json.render())}\n")
    }

    static func fileJSON(_ file: FileReport) -> JSONValue {
        var fields: [(String, JSONValue)] = [("path", .string(file.path))]
        fields.append(
            (
                "flags",
                .array(
                    file.document.map { document in
                        zip(file.flags, file.fingerprints).map { FlagJSON.value($0, in: document, fingerprint: $1) }
                    } ?? [])
            ))
        fields.append(("error", .optional(file.error)))
        if file.suppressed > 0 { fields.append(("suppressed", .int(file.suppressed))) }
        if file.rejected > 0 { fields.append(("rejected", .int(file.rejected))) }
        if file.fixed > 0 { fields.append(("fixed", .int(file.fixed))) }
        return .object(fields)
    }
}

/// One FLAG per line with its `path`; a file that could not be read gives `{"path", "error"}`.
public final class JSONLinesReporter: LintReporter {
    private let output: any TextOutput

    public init(output: any TextOutput) {
        self.output = output
    }

    public func begin() {}

    public var renderer: FileRenderer? {
        { file in ByteOutput.collect { JSONLinesReporter.write(file, to: $0) } }
    }

    public func report(_ file: FileReport, rendered: [UInt8]?) {
        if let rendered { output.write(utf8: rendered) } else { Self.write(file, to: output) }
    }

    static func write(_ file: FileReport, to output: any TextOutput) {
        if let error = file.error {
            output.write(JSONValue.object([("path", .string(file.path)), ("error", .string(error))]).render() + "\n")
        }
        guard let document = file.document, !file.flags.isEmpty else { return }
        var cursor = PositionCursor(document)
        let path = JSONText.literal(file.path)
        var text: [UInt8] = []
        for (flag, fingerprint) in zip(file.flags, file.fingerprints) {
            FlagJSON.appendLine(
                flag, fingerprint: fingerprint, path: path, document: document, cursor: &cursor, to: &text)
            text.append(0x0A)
        }
        output.write(utf8: text)
    }

    public func end(_ summary: LintSummary) {}
}
