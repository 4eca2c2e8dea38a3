/// A page of `Sources/RXReview/Page`, compiled into the binary (PageResources, made by the
/// EmbedResources plugin). In an `.html` file `{{name}}` is replaced by the file `name` of that
/// folder, once, when the template is made (an included `.html` file is filled in the same way;
/// CSS and JS go in verbatim), and `{{nonce}}` by each response's nonce.
struct PageTemplate: Sendable {
    private let parts: [String]

    init(_ fileName: String) {
        parts = Self.filled(fileName).components(separatedBy: Self.nonceMarker)
    }

    func render(nonce: String) -> String { parts.joined(separator: nonce) }

    private static let nonceMarker = "{{nonce}}"

    private static func filled(_ fileName: String) -> String {
        guard let text = PageResources.files[fileName] else { preconditionFailure("no page file \(fileName)") }
        guard fileName.hasSuffix(".html") else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            result += rest[..<open.lowerBound]
            let name = String(rest[open.upperBound..<close.lowerBound])
            result += name == "nonce" ? nonceMarker : filled(name)
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
