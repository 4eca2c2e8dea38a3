/// One article through the whole pipeline: annotation, lint, cleaning and the race record. The
/// `rxtext extract` document.
public struct Extraction: Sendable {
    public let document: Document
    public let article: AnnotatedArticle
    public let flags: [Diagnostic]
    /// Flags left out because an editor rejected them in `rxtext review`.
    public let rejected: Int
    public let cleaned: Cleaner.Result
    public let record: RaceRecord

    /// `linter`: the configuration's (default: every rule of `engine`). Results read with less
    /// than `minConfidence` are left out of the record; `resultDecisions` are the editors' on them.
    public init(
        document: Document, engine: Engine, linter: Linter? = nil, decisions: DecisionSet? = nil,
        minConfidence: Double = RecordBuilder.defaultMinConfidence, resultDecisions: ResultDecisionSet? = nil
    ) {
        self.document = document
        article = Annotator(lexicon: engine.lexicon).annotate(document)
        let linter = linter ?? engine.linter
        let all = linter.lint(article)
        (flags, rejected) = decisions?.apply(to: all, in: document) ?? (all, 0)
        cleaned = Cleaner().clean(document, flags: flags)
        let built = RecordBuilder(minConfidence: minConfidence).build(
            article, renamedSurnames: Self.renamedSurnames(flags))
        record = resultDecisions?.apply(to: built, path: document.path, glossary: engine.glossary) ?? built
    }

    /// The linter's reading of a surname rendered as its meaning ("Ari-Pekka Cape" is Niemi)
    /// names the driver in the record too (`rxtext records` reads it from the same rule).
    public static func renamedSurnames(_ flags: [Diagnostic]) -> [ByteRange: String] {
        Dictionary(
            flags.filter { $0.rule == surnameRule }.compactMap { flag in
                flag.suggestions.first.map { (flag.range, $0) }
            }, uniquingKeysWith: { first, _ in first })
    }

    public static let surnameRule = "calque.surname"

    /// Bytes in, the `extract` document out (compact JSON): the whole pipeline in one call. The
    /// fuzz target `Fuzz/FuzzPipeline` and `FuzzRegressionTests` both run exactly this.
    public static func render(
        bytes: [UInt8], path: String = "<memory>", engine: Engine
    ) throws(DocumentError) -> String {
        Extraction(document: try Document(bytes: bytes, path: path), engine: engine).json.render()
    }

    /// The output contract's document: source, cleaned_text, flags, record.
    public var json: JSONValue {
        .object([
            (
                "source",
                .object([
                    ("path", .string(document.path)), ("sha256", .string(SHA256.hex(document.bytes))),
                    ("bytes", .int(document.bytes.count)),
                ])
            ),
            ("cleaned_text", .string(cleaned.text)),
            ("flags", .array(flags.map { $0.json(in: document) })),
            ("record", record.json),
        ])
    }
}

extension Diagnostic {
    /// The contract's FLAG object.
    public func json(in document: Document) -> JSONValue {
        let position = document.position(of: range.start)
        return .object([
            ("rule", .string(rule)), ("severity", .string(severity.rawValue)), ("message", .string(message)),
            ("start", .int(document.fileOffset(range.start))), ("end", .int(document.fileOffset(range.end))),
            ("line", .int(position.line)),
            ("column", .int(position.column)), ("text", .string(document.text(range))),
            ("sentence", .string(document.text(sentence))),
            ("sentence_start", .int(document.fileOffset(sentence.start))),
            ("sentence_end", .int(document.fileOffset(sentence.end))),
            ("suggestions", .array(suggestions.map(JSONValue.string))),
            (
                "fix",
                fix.map { .object([("replacement", .string($0.replacement)), ("safe", .bool($0.safe))]) } ?? .null
            ),
        ])
    }
}
