import Foundation
import RXText

/// `rxtext lint --stdin`: JSON lines `{"id": ..., "text": ...}` in, one JSON line per input out,
/// in input order, flushed per line, so an engine (Spark's RDD.pipe, Hadoop Streaming, GNU
/// parallel) can fan it out. A malformed line gives an error line for its id, never a crash.
struct StreamLinter {
    let session: LintSession
    let linter: Linter

    func run() {
        let output = StandardOutput()
        var lineNumber = 0
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            output.write(process(line, lineNumber: lineNumber).render() + "\n")
            output.flush()
        }
    }

    func process(_ line: String, lineNumber: Int) -> JSONValue {
        guard
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
                as? [String: Any]
        else {
            return .object([("id", .null), ("error", .string("line \(lineNumber): not a JSON object"))])
        }
        let id = Self.value(object["id"])
        guard let text = object["text"] as? String else {
            return .object([("id", id), ("error", .string("line \(lineNumber): missing string field 'text'"))])
        }
        let name: String
        if case .string(let string) = id { name = string } else { name = "<stdin:\(lineNumber)>" }
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

    /// A JSON scalar from JSONSerialization, echoed back as it came.
    static func value(_ any: Any?) -> JSONValue {
        switch any {
        case let string as String: return .string(string)
        case let number as NSNumber:
            let type = String(cString: number.objCType)
            if type == "c" || type == "B" { return .bool(number.boolValue) }
            return .int(number.intValue)
        default: return .null
        }
    }
}
