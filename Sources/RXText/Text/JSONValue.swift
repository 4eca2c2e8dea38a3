/// A JSON value with ordered object keys, so output reads in the order the contract lists fields.
public indirect enum JSONValue: Equatable, Sendable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case int(Int)
    /// A number in 0...1 written with two decimals (a confidence).
    case fraction(Double)
    case bool(Bool)
    case null
    /// JSON text written as given: an id `lint --stdin` echoes exactly as it came (`1.5`,
    /// `1e100`, a 30-digit integer), which no number type would keep.
    case verbatim(String)

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.render() == rhs.render() }

    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    public static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }

    /// Compact JSON, or indented by two spaces with `pretty`.
    /// `indent`: the depth the value sits at inside a pretty document (its inner lines are
    /// indented from there), for a writer that renders a large document a value at a time.
    public func render(pretty: Bool = false, indent: Int = 0) -> String {
        var output: [UInt8] = []
        write(to: &output, pretty: pretty, indent: indent)
        return String(decoding: output, as: UTF8.self)
    }

    /// Written as UTF-8 bytes, not through intermediate strings: `lint --format json` renders
    /// one object per flag.
    private func write(to output: inout [UInt8], pretty: Bool, indent: Int) {
        func newline(_ depth: Int) {
            guard pretty else { return }
            output.append(0x0A)
            output.append(contentsOf: repeatElement(0x20, count: 2 * depth))
        }
        switch self {
        case .object(let fields):
            if fields.isEmpty {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in fields.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                JSONText.append(key, to: &output)
                output.append(contentsOf: (pretty ? ": " : ":").utf8)
                value.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            newline(indent)
            output.append(UInt8(ascii: "}"))
        case .array(let items):
            if items.isEmpty {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                item.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            newline(indent)
            output.append(UInt8(ascii: "]"))
        case .string(let text): JSONText.append(text, to: &output)
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .fraction(let value):
            let hundredths = Int((min(1, max(0, value)) * 100).rounded())
            let text = hundredths == 100 ? "1.0" : hundredths < 10 ? "0.0\(hundredths)" : "0.\(hundredths)"
            output.append(contentsOf: text.utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: output.append(contentsOf: "null".utf8)
        case .verbatim(let text): output.append(contentsOf: text.utf8)
        }
    }
}
