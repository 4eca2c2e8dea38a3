import Foundation
import RXText

/// Result decisions share the flag decisions' history, so `undo` reverts the latest answer of
/// either view: a history row for a result carries the key "result␟PATH␟RESULT" and the decision
/// it replaced as JSON (nil when there was none).
enum ResultDecisionHistory {
    static let table = ResultDecisionRow.table
    private static let prefix = "result\u{1F}"

    static func key(_ decision: ResultDecision) -> String { prefix + decision.path + "\u{1F}" + decision.result }

    static func isResultKey(_ key: String) -> Bool { key.hasPrefix(prefix) }

    /// The article path and result key of a history key.
    static func parts(_ key: String) -> (path: String, result: String)? {
        let fields = key.dropFirst(prefix.count).split(
            separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
        guard fields.count == 2 else { return nil }
        return (String(fields[0]), String(fields[1]))
    }
}

extension DecisionStore {
    /// Stores a decision on a result in one transaction (durable once this returns, as flag
    /// decisions are), replacing any earlier one on the same result, undoably.
    public func recordResult(_ decision: ResultDecision) throws {
        if let problem = decision.problem { throw SQLiteError(code: 0, message: "\(decision.result): \(problem)") }
        try locked {
            try database.transaction {
                let previous = try database.query(
                    "SELECT \(ResultDecisionRow.columns) FROM result_decisions WHERE path = ? AND result = ?",
                    [.text(decision.path), .text(decision.result)]
                ).first.flatMap(ResultDecisionRow.decision)
                let json = try previous.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
                try database.query(
                    "INSERT INTO history(key, previous_action, previous_replacement, previous_decided_at) VALUES (?, ?, ?, ?)",
                    [
                        .text(ResultDecisionHistory.key(decision)), SQLiteValue(previous?.action.rawValue),
                        SQLiteValue(json), SQLiteValue(previous?.decidedAt),
                    ])
                try database.query(ResultDecisionRow.upsert, ResultDecisionRow.values(decision))
            }
        }
    }

    /// Every decision on results, by article path and result key.
    public func resultDecisions() throws -> [ResultDecision] {
        try locked {
            try database.query("SELECT \(ResultDecisionRow.columns) FROM result_decisions ORDER BY path, result")
                .compactMap(ResultDecisionRow.decision)
        }
    }

    /// The decisions on results as `records` and `extract` apply them.
    public func resultDecisionSet() throws -> ResultDecisionSet {
        ResultDecisionSet(root: root, decisions: try resultDecisions())
    }

    /// `undo` of a result decision, inside its transaction: the replaced decision back, or none.
    func restoreResultDecision(key: String, previous: String?) throws {
        guard let (path, result) = ResultDecisionHistory.parts(key) else { return }
        if let previous, let decision = try? JSONDecoder().decode(ResultDecision.self, from: Data(previous.utf8)) {
            try database.query(ResultDecisionRow.upsert, ResultDecisionRow.values(decision))
        } else {
            try database.query(
                "DELETE FROM result_decisions WHERE path = ? AND result = ?", [.text(path), .text(result)])
        }
    }
}

extension DecisionStore {
    /// Once a driver is in the glossary, its results are keyed by its id where they were keyed by
    /// "name:" and the folded name (`ResultIdentity`): the decisions on them, and their undo
    /// history, move to the new keys in one transaction so that no answer is lost to a re-key.
    /// A decision already stored under the new key is kept. Returns how many moved.
    @discardableResult
    public func rekeyResults(named names: [String], to id: String) throws -> Int {
        let prefixes = Set(names.map { "name:" + ICU.fold($0) + "|" })
        return try locked {
            try database.transaction {
                var moved = 0
                let rows = try database.query("SELECT path, result FROM result_decisions")
                for row in rows {
                    guard let path = row[0].string, let result = row[1].string,
                        let prefix = prefixes.first(where: { result.hasPrefix($0) })
                    else { continue }
                    let renamed = id + "|" + result.dropFirst(prefix.count)
                    let taken = try database.query(
                        "SELECT 1 FROM result_decisions WHERE path = ? AND result = ?", [.text(path), .text(renamed)])
                    guard taken.isEmpty else { continue }
                    try database.query(
                        "UPDATE result_decisions SET result = ? WHERE path = ? AND result = ?",
                        [.text(renamed), .text(path), .text(result)])
                    let old = ResultDecision(path: path, result: result, action: .accept)
                    let new = ResultDecision(path: path, result: renamed, action: .accept)
                    try database.query(
                        "UPDATE history SET key = ? WHERE key = ?",
                        [.text(ResultDecisionHistory.key(new)), .text(ResultDecisionHistory.key(old))])
                    moved += 1
                }
                return moved
            }
        }
    }
}
