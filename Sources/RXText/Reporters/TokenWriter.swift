/// Writes how a document was segmented (`rxtext tokens`), streaming sentence by sentence.
public protocol TokenWriter {
    func write(_ document: Document)
}

/// `{"path", "paragraphs": [...], "sentences": [{..., "tokens": [...]}]}`; every item carries
/// `text`, `start`, `end`, `line`, `column` as in the output contract.
public struct JSONTokenWriter: TokenWriter {
    let output: any TextOutput

    public init(output: any TextOutput) { self.output = output }

    public func write(_ document: Document) {
        let paragraphs = Segmenter.paragraphs(of: document)
        output.write("{\"path\":\(JSONText.string(document.path)),\"bytes\":\(document.bytes.count),\"paragraphs\":[")
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { output.write(",") }
            output.write(
                "\n{\"index\":\(paragraph.index),\(Self.span(paragraph.range, in: document, withText: false)),\"dialogue\":\(paragraph.isDialogue),\"quotes\":["
                    + paragraph.quotes(in: document).map { "{\(Self.span($0, in: document))}" }.joined(separator: ",")
                    + "]}")
        }
        output.write("],\"sentences\":[")
        var cursor = PositionCursor(document)
        Segmenter().forEachSentence(in: document) { _, sentence in
            if sentence.index > 0 { output.write(",") }
            output.write(
                "\n{\"index\":\(sentence.index),\"paragraph\":\(sentence.paragraph),\"dialogue\":\(sentence.isDialogue),\(Self.span(sentence.range, in: document, cursor: &cursor)),\"tokens\":["
            )
            for (index, token) in sentence.tokens.enumerated() {
                if index > 0 { output.write(",") }
                output.write(
                    "\n {\"kind\":\"\(token.kind.rawValue)\",\(Self.span(token.range, in: document, cursor: &cursor))}")
            }
            output.write("]}")
        }
        output.write("]}\n")
    }

    static func span(_ range: ByteRange, in document: Document, withText: Bool = true) -> String {
        var cursor = PositionCursor(document)
        return span(range, in: document, withText: withText, cursor: &cursor)
    }

    static func span(_ range: ByteRange, in document: Document, withText: Bool = true, cursor: inout PositionCursor)
        -> String
    {
        let position = cursor.position(of: range.start)
        let text = withText ? "\"text\":\(JSONText.string(document.text(range)))," : ""
        return
            "\(text)\"start\":\(range.start),\"end\":\(range.end),\"line\":\(position.line),\"column\":\(position.column)"
    }
}

/// One row per paragraph, sentence and token: `type kind start end line column text`, with tabs
/// and line breaks in the text escaped as \t, \n, \r.
public struct TSVTokenWriter: TokenWriter {
    let output: any TextOutput

    public init(output: any TextOutput) { self.output = output }

    public func write(_ document: Document) {
        output.write("type\tkind\tstart\tend\tline\tcolumn\ttext\n")
        var cursor = PositionCursor(document)
        Segmenter().forEachSentence(in: document) { paragraph, sentence in
            if sentence.opensParagraph {
                // Paragraph rows carry no text (as in JSON): a paragraph can be the whole file.
                row(
                    "paragraph", paragraph.isDialogue ? "dialogue" : "prose", paragraph.range, document, &cursor,
                    withText: false)
            }
            row("sentence", sentence.isDialogue ? "dialogue" : "prose", sentence.range, document, &cursor)
            for token in sentence.tokens { row("token", token.kind.rawValue, token.range, document, &cursor) }
        }
    }

    private func row(
        _ type: String, _ kind: String, _ range: ByteRange, _ document: Document, _ cursor: inout PositionCursor,
        withText: Bool = true
    ) {
        let position = cursor.position(of: range.start)
        let text = withText ? document.text(range).replacingTabsAndBreaks() : ""
        output.write("\(type)\t\(kind)\t\(range.start)\t\(range.end)\t\(position.line)\t\(position.column)\t\(text)\n")
    }
}

extension String {
    fileprivate func replacingTabsAndBreaks() -> String {
        var result = ""
        for character in unicodeScalars {
            switch character {
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\\": result += "\\\\"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
