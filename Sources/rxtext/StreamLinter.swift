import Foundation
import RXText

/// `rxtext lint --stdin`: JSON lines `{"id": ..., "text": ...}` in, one JSON line per input out,
/// in input order, flushed per line, so an engine (Spark's RDD.pipe, Hadoop Streaming, GNU
/// parallel) can fan it out. A malformed line gives an error line for its id, never a crash:
/// every input line, a blank one too, has its output line, and the id is echoed as its JSON
/// text (a number as it was spelled).
struct StreamLinter {
    let session: LintSession
    let linter: Linter

    func run() {
        let output = StandardOutput()
        var lineNumber = 0
        var lines = StdinLines()
        while let line = lines.next() {
            lineNumber += 1
            output.write(process(line, lineNumber: lineNumber).render() + "\n")
            output.flush()
        }
    }

    func process(_ line: [UInt8], lineNumber: Int) -> JSONValue {
        let id = RawJSONMember.text(of: "id", in: line).map(JSONValue.verbatim) ?? .null
        if line.allSatisfy({ [0x20, 0x09, 0x0D, 0x0B, 0x0C].contains($0) }) {
            return .object([
                ("id", .null), ("error", .string("line \(lineNumber): blank line, expected a JSON object")),
            ])
        }
        do {
            _ = try Document(bytes: line, path: "<stdin>")
        } catch {
            if case .invalidUTF8(let offset, _) = error.reason {
                return .object([
                    ("id", id), ("error", .string("line \(lineNumber): invalid UTF-8 at byte \(offset) of the line")),
                ])
            }
        }
        guard
            let object = try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
                as? [String: Any]
        else {
            return .object([("id", .null), ("error", .string("line \(lineNumber): not a JSON object"))])
        }
        guard let text = object["text"] as? String else {
            return .object([("id", id), ("error", .string("line \(lineNumber): missing string field 'text'"))])
        }
        let name: String
        if let string = object["id"] as? String { name = string } else { name = "<stdin:\(lineNumber)>" }
        let document: Document
        do {
            document = try Document(bytes: Array(text.utf8), path: name)
        } catch {
            return .object([("id", id), ("error", .string(error.description))])
        }
        let report = session.lint(document, linter: linter)
        let flags = zip(report.flags, report.fingerprints).map { FlagJSON.value($0, in: document, fingerprint: $1) }
        return .object([("id", id), ("flags", .array(flags))])
    }
}
