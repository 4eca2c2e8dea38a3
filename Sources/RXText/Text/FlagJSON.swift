/// The output contract's FLAG object, its fields named and ordered here once. Two writers take
/// them: `FlagJSON.value` builds a `JSONValue` (`lint --format json`, `--stdin`, `extract`,
/// `--pretty`), and `FlagJSON.appendLine` writes JSON text straight into bytes, with no value
/// tree or string per field (`--format jsonl`, through which every flag of a large run passes).
public enum FlagJSON {
    /// `flag` as the contract's object, with `fingerprint` last when there is one.
    public static func value(_ flag: Diagnostic, in document: Document, fingerprint: String? = nil) -> JSONValue {
        var fields = ValueFields()
        write(flag, in: document, position: document.position(of: flag.range.start), fingerprint, to: &fields)
        return .object(fields.fields)
    }

    /// One JSON line's object (no newline): `path` (the file's path already a JSON literal,
    /// `JSONText.literal`, escaped once per file) and the flag's fields, positions through `cursor`.
    static func appendLine(
        _ flag: Diagnostic, fingerprint: String, path: [UInt8], document: Document, cursor: inout PositionCursor,
        to out: inout [UInt8]
    ) {
        var fields = ByteFields()
        swap(&fields.out, &out)
        fields.out.append(UInt8(ascii: "{"))
        fields.key("path")
        fields.out.append(contentsOf: path)
        write(flag, in: document, position: cursor.position(of: flag.range.start), fingerprint, to: &fields)
        fields.out.append(UInt8(ascii: "}"))
        swap(&fields.out, &out)
    }

    /// The fields, in the contract's order.
    private static func write(
        _ flag: Diagnostic, in document: Document, position: SourcePosition, _ fingerprint: String?,
        to fields: inout some Fields
    ) {
        fields.string("rule", flag.rule)
        fields.string("severity", flag.severity.rawValue)
        fields.string("message", flag.message)
        fields.int("start", document.fileOffset(flag.range.start))
        fields.int("end", document.fileOffset(flag.range.end))
        fields.int("line", position.line)
        fields.int("column", position.column)
        fields.text("text", document.bytes[flag.range.start..<flag.range.end])
        fields.text("sentence", document.bytes[flag.sentence.start..<flag.sentence.end])
        // Where the (possibly cut) sentence lies, so a client can read the rest (issue 21).
        fields.int("sentence_start", document.fileOffset(flag.sentence.start))
        fields.int("sentence_end", document.fileOffset(flag.sentence.end))
        fields.strings("suggestions", flag.suggestions)
        fields.fix("fix", flag.fix)
        if let fingerprint { fields.string("fingerprint", fingerprint) }
    }
}

/// Where the FLAG fields go; `text` is document bytes, reported in NFC.
private protocol Fields {
    mutating func string(_ key: StaticString, _ value: String)
    mutating func int(_ key: StaticString, _ value: Int)
    mutating func text(_ key: StaticString, _ bytes: ArraySlice<UInt8>)
    mutating func strings(_ key: StaticString, _ values: [String])
    mutating func fix(_ key: StaticString, _ fix: Fix?)
}

/// The fields as a `JSONValue` object's.
private struct ValueFields: Fields {
    var fields: [(String, JSONValue)] = []

    mutating func string(_ key: StaticString, _ value: String) { fields.append(("\(key)", .string(value))) }
    mutating func int(_ key: StaticString, _ value: Int) { fields.append(("\(key)", .int(value))) }
    mutating func text(_ key: StaticString, _ bytes: ArraySlice<UInt8>) {
        fields.append(("\(key)", .string(ICU.withNFC(bytes) { String(decoding: $0, as: UTF8.self) })))
    }
    mutating func strings(_ key: StaticString, _ values: [String]) {
        fields.append(("\(key)", .array(values.map(JSONValue.string))))
    }
    mutating func fix(_ key: StaticString, _ fix: Fix?) {
        let value: JSONValue =
            fix.map { .object([("replacement", .string($0.replacement)), ("safe", .bool($0.safe))]) } ?? .null
        fields.append(("\(key)", value))
    }
}

/// The fields as compact JSON text, appended to `out` after an opening brace.
private struct ByteFields: Fields {
    var out: [UInt8] = []
    private var first = true

    /// `"key":`, after a comma unless it is the object's first.
    mutating func key(_ name: StaticString) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(contentsOf: "\":".utf8)
    }

    mutating func string(_ key: StaticString, _ value: String) {
        self.key(key)
        JSONText.append(value, to: &out)
    }
    mutating func int(_ key: StaticString, _ value: Int) {
        self.key(key)
        JSONText.append(value, to: &out)
    }
    mutating func text(_ key: StaticString, _ bytes: ArraySlice<UInt8>) {
        self.key(key)
        ICU.withNFC(bytes) { JSONText.appendLiteral(utf8: $0, to: &out) }
    }
    mutating func strings(_ key: StaticString, _ values: [String]) {
        self.key(key)
        out.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.append(value, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }
    mutating func fix(_ key: StaticString, _ fix: Fix?) {
        self.key(key)
        guard let fix else { return out.append(contentsOf: "null".utf8) }
        out.append(contentsOf: "{\"replacement\":".utf8)
        JSONText.append(fix.replacement, to: &out)
        out.append(contentsOf: (fix.safe ? ",\"safe\":true}" : ",\"safe\":false}").utf8)
    }
}
