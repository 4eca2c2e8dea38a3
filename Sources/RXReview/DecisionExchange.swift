import Foundation
import RXText

/// `rxtext review --export` and `--import`: decisions as JSON lines, paths relative to the
/// store's root, so a corpus checked out elsewhere takes them as they are.
public enum DecisionExchange {
    /// Writes every decision of `store` to `path` (atomically); returns how many.
    public static func export(_ store: DecisionStore, to path: String) throws -> Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = ""
        let records = try store.all()
        for record in records { text += String(decoding: try encoder.encode(record), as: UTF8.self) + "\n" }
        try AtomicFile.write(Array(text.utf8), to: path)
        return records.count
    }

    /// A file that could not be imported: unreadable, or the lines that are not decisions.
    public struct ImportError: Error, CustomStringConvertible {
        public var path: String
        /// 1-based numbers of the lines that are not decisions; empty when the file is unreadable.
        public var badLines: [Int]

        public var description: String {
            if badLines.isEmpty { return "\(path): error: cannot read" }
            return badLines.map { "\(path):\($0): error: not a decision (see rxtext review --export)\n" }.joined()
                + "\(path): error: \(badLines.count) bad line(s); nothing imported"
        }
    }

    /// All or nothing: one bad line and nothing is imported. Returns how many were read.
    public static func `import`(_ path: String, into store: DecisionStore) throws -> Int {
        guard let data = FileManager.default.contents(atPath: path) else { throw ImportError(path: path, badLines: []) }
        var records: [DecisionRecord] = []
        var badLines: [Int] = []
        for (index, line) in String(decoding: data, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let record = try? JSONDecoder().decode(DecisionRecord.self, from: Data(line.utf8)), record.isValid
            else {
                badLines.append(index + 1)
                continue
            }
            records.append(record)
        }
        if !badLines.isEmpty { throw ImportError(path: path, badLines: badLines) }
        _ = try store.importRecords(records)
        return records.count
    }
}
