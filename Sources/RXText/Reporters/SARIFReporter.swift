import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SARIF 2.1.0 for code-scanning tools. Columns count Unicode code points (`columnKind`), byte
/// offsets are given too, and each result carries `partialFingerprints` so that a flag keeps its
/// identity when lines move.
public final class SARIFReporter: LintReporter {
    private let output: any TextOutput
    /// Results, rendered as they come, wait in a temporary file: SARIF is one document whose
    /// results come last, and 100,000 flags of one file held 690 MB as values (issue 21).
    private let results = SpilledResults()
    private var notifications: [JSONValue] = []
    private var artifacts: [JSONValue] = []

    public init(output: any TextOutput) {
        self.output = output
    }

    public func begin() {}

    public func report(_ file: FileReport, rendered: [UInt8]?) {
        let uri = Self.uri(file.path)
        if let error = file.error {
            notifications.append(
                .object([
                    ("level", .string("error")), ("message", .object([("text", .string(error))])),
                    (
                        "locations",
                        .array([
                            .object([
                                ("physicalLocation", .object([("artifactLocation", .object([("uri", .string(uri))]))]))
                            ])
                        ])
                    ),
                ]))
        }
        guard let document = file.document else { return }
        if file.isFirstPart {
            artifacts.append(
                .object([("location", .object([("uri", .string(uri))])), ("length", .int(document.fileBytes))]))
        }
        for (flag, fingerprint) in zip(file.flags, file.fingerprints) {
            let start = document.position(of: flag.range.start)
            let end = document.position(of: flag.range.end)
            var result: [(String, JSONValue)] = [
                ("ruleId", .string(flag.rule)),
                ("level", .string(flag.severity == .info ? "note" : flag.severity.rawValue)),
                ("message", .object([("text", .string(flag.message))])),
                (
                    "locations",
                    .array([
                        .object([
                            (
                                "physicalLocation",
                                .object([
                                    ("artifactLocation", .object([("uri", .string(uri))])),
                                    (
                                        "region",
                                        .object([
                                            ("startLine", .int(start.line)), ("startColumn", .int(start.column)),
                                            ("endLine", .int(end.line)), ("endColumn", .int(end.column)),
                                            ("byteOffset", .int(document.fileOffset(flag.range.start))),
                                            ("byteLength", .int(flag.range.count)),
                                            ("snippet", .object([("text", .string(document.text(flag.range)))])),
                                        ])
                                    ),
                                ])
                            )
                        ])
                    ])
                ),
                ("partialFingerprints", .object([("rxtextFlag/v1", .string(fingerprint))])),
            ]
            if let fix = flag.fix {
                result.append(
                    (
                        "fixes",
                        .array([
                            .object([
                                ("description", .object([("text", .string(fix.safe ? "safe fix" : "suggested fix"))])),
                                (
                                    "artifactChanges",
                                    .array([
                                        .object([
                                            ("artifactLocation", .object([("uri", .string(uri))])),
                                            (
                                                "replacements",
                                                .array([
                                                    .object([
                                                        (
                                                            "deletedRegion",
                                                            .object([
                                                                (
                                                                    "byteOffset",
                                                                    .int(document.fileOffset(flag.range.start))
                                                                ),
                                                                ("byteLength", .int(flag.range.count)),
                                                            ])
                                                        ),
                                                        (
                                                            "insertedContent",
                                                            .object([("text", .string(fix.replacement))])
                                                        ),
                                                    ])
                                                ])
                                            ),
                                        ])
                                    ])
                                ),
                            ])
                        ])
                    ))
            }
            results.append(JSONValue.object(result).render(pretty: true, indent: Self.resultDepth))
        }
    }

    public func end(_ summary: LintSummary) {
        let rules: [JSONValue] = RuleRegistry.all.map { rule in
            let description = rule.description
            return .object([
                ("id", .string(description.id)),
                ("shortDescription", .object([("text", .string(description.summary))])),
                (
                    "defaultConfiguration",
                    .object([("level", .string(description.severity == .info ? "note" : description.severity.rawValue))]
                    )
                ),
            ])
        }
        let log: JSONValue = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            (
                "runs",
                .array([
                    .object([
                        (
                            "tool",
                            .object([
                                (
                                    "driver",
                                    .object([
                                        ("name", .string("rxtext")), ("version", .string(RXTextVersion.current)),
                                        ("rules", .array(rules)),
                                    ])
                                )
                            ])
                        ),
                        (
                            "invocations",
                            .array([
                                .object([
                                    ("executionSuccessful", .bool(summary.filesWithErrors == 0)),
                                    ("toolExecutionNotifications", .array(notifications)),
                                ])
                            ])
                        ),
                        ("columnKind", .string("unicodeCodePoints")),
                        ("artifacts", .array(artifacts)),
                        ("results", .verbatim(Self.resultsMarker)),
                    ])
                ])
            ),
        ])
        // The document around the results, then the results as `.array(results)` would render
        // them at their depth: byte for byte the document rendered whole.
        let rendered = log.render(pretty: true)
        let parts = rendered.components(separatedBy: Self.resultsMarker)
        output.write(parts[0])
        if results.count == 0 {
            output.write("[]")
        } else {
            output.write("[")
            results.copy(to: output, separator: ",", before: "\n" + String(repeating: "  ", count: Self.resultDepth))
            output.write("\n" + String(repeating: "  ", count: Self.resultDepth - 1) + "]")
        }
        output.write(parts[1] + "\n")
    }

    /// Where a result sits in the document: log, runs, the run, results.
    private static let resultDepth = 4
    /// Stands in for the results while the document around them is rendered.
    private static let resultsMarker = "\u{0}rxtext-results\u{0}"

    /// A URI for a path: relative paths stay relative references, absolute ones become `file://`
    /// URIs (percent-encoding what URIs do not allow).
    static func uri(_ path: String) -> String {
        var result = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80 && (character.isLetter || character.isNumber || "-._~/".contains(character)) {
                result.append(character)
            } else {
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }
}

/// Rendered SARIF results in an unlinked temporary file (`tmpfile`), in order; in memory when no
/// temporary file can be made.
final class SpilledResults {
    private let file: UnsafeMutablePointer<FILE>? = tmpfile()
    private var inMemory: [String] = []
    private(set) var count = 0

    deinit { if let file { fclose(file) } }

    func append(_ rendered: String) {
        count += 1
        guard let file else { return inMemory.append(rendered) }
        var length = UInt32(rendered.utf8.count)
        fwrite(&length, 4, 1, file)
        var text = rendered
        text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, file) }
    }

    /// Each result, `before` each and `separator` between them, to `output`.
    func copy(to output: any TextOutput, separator: String, before: String) {
        var index = 0
        func emit(_ bytes: [UInt8]) {
            output.write((index > 0 ? separator : "") + before)
            output.write(utf8: bytes)
            index += 1
        }
        guard let file else {
            for rendered in inMemory { emit(Array(rendered.utf8)) }
            return
        }
        rewind(file)
        var length: UInt32 = 0
        while fread(&length, 4, 1, file) == 1 {
            var bytes = [UInt8](repeating: 0, count: Int(length))
            let read = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, Int(length), file) }
            guard read == Int(length) else { break }
            emit(bytes)
        }
    }
}
