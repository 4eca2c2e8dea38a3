/// SARIF 2.1.0 for code-scanning tools. Columns count Unicode code points (`columnKind`), byte
/// offsets are given too, and each result carries `partialFingerprints` so that a flag keeps its
/// identity when lines move.
public final class SARIFReporter: LintReporter {
    private let output: any TextOutput
    private var results: [JSONValue] = []
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
            results.append(.object(result))
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
                        ("results", .array(results)),
                    ])
                ])
            ),
        ])
        output.write(log.render(pretty: true) + "\n")
    }

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
