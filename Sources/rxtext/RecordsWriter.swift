import Foundation
import RXText

/// `records` output: one JSON line per article, or one CSV row per result (RFC 4180 quoting),
/// rendered on the worker that built the record.
struct RecordsWriter: Sendable {
    let format: RecordsCommand.Format
    /// With `--conflicts` the records go to the database only.
    let quiet: Bool

    static let csvColumns = [
        "article", "driver", "driver_id", "season", "event", "round", "class", "stage", "position", "outcome", "cause",
        "confidence", "decision", "evidence_start", "evidence_end", "evidence_text",
    ]

    func begin(_ output: StandardOutput) {
        if format == .csv && !quiet { output.write(Self.csvLine(Self.csvColumns)) }
    }

    func render(_ decided: ResultDecisionSet.Decided, of document: Document) -> [UInt8] {
        switch format {
        case .jsonl:
            let line = JSONValue.object([
                ("path", .string(document.path)), ("sha256", .string(SHA256.hex(document.bytes))),
                ("record", decided.record.json),
            ])
            return Array((line.render() + "\n").utf8)
        case .csv:
            var text = ""
            for (result, action) in zip(decided.record.results, decided.actions) {
                text += Self.csvLine([
                    document.path, result.driver, result.driverID ?? "", result.season.map(String.init) ?? "",
                    result.event ?? "", result.round.map(String.init) ?? "", result.raceClass ?? "",
                    result.stage.rawValue, result.position.map(String.init) ?? "", result.outcome?.rawValue ?? "",
                    result.cause ?? "", String(format: "%.2f", result.confidence), action?.rawValue ?? "",
                    String(result.evidence.start), String(result.evidence.end), result.evidence.text,
                ])
            }
            return Array(text.utf8)
        }
    }

    /// Fields with a comma, quote or line break are quoted, quotes doubled.
    static func csvLine(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }
}
