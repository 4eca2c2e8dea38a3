import Foundation
import RXText

/// The review decisions in SQLite: one row per flag key, plus a history of changes for undo.
///
/// Durability is the point: WAL with `synchronous=FULL` and one transaction per decision, so once
/// `record` returns, a killed server (SIGKILL included) keeps that answer, and a restarted review
/// resumes from it.
public final class DecisionStore: @unchecked Sendable {
    public let path: String
    /// The directory stored paths are relative to: the folder holding `.rxtext/`, or the database's
    /// own folder for a `--db` elsewhere.
    public let root: String
    let database: SQLiteDatabase
    private let lock = NSLock()
    static let schemaVersion = 1

    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path).standardizedFileURL
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        root = StoreLocation.root(ofDatabase: url.path)
        database = try SQLiteDatabase(path: url.path)
        try database.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;")
        try database.transaction {
            try database.execute(
                """
                CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS decisions(
                    key TEXT PRIMARY KEY, path TEXT NOT NULL, rule TEXT NOT NULL, text TEXT NOT NULL,
                    sentence_hash TEXT NOT NULL, occurrence INTEGER NOT NULL, sentence TEXT NOT NULL,
                    action TEXT NOT NULL CHECK (action IN ('accept', 'edit', 'reject', 'skip')),
                    replacement TEXT, decided_at TEXT NOT NULL);
                \(ResultDecisionHistory.table)
                CREATE TABLE IF NOT EXISTS history(
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL,
                    previous_action TEXT, previous_replacement TEXT, previous_decided_at TEXT);
                """)
            let version = try database.query("SELECT value FROM meta WHERE name = 'schema'").first?.first?.string
            if let version, version != String(Self.schemaVersion) {
                throw SQLiteError(
                    code: 0,
                    message: "\(path): decision store schema \(version); this rxtext reads \(Self.schemaVersion)")
            }
            try database.query(
                "INSERT OR IGNORE INTO meta(name, value) VALUES ('schema', ?)", [.text(String(Self.schemaVersion))])
        }
    }

    /// Stores a decision, replacing any earlier one for the same flag, and remembers what it
    /// replaced so `undo` can restore it.
    public func record(_ decision: DecisionRecord) throws {
        try locked {
            try database.transaction {
                let previous = try database.query(
                    "SELECT action, replacement, decided_at FROM decisions WHERE key = ?", [.text(decision.id)]
                ).first
                try database.query(
                    "INSERT INTO history(key, previous_action, previous_replacement, previous_decided_at) VALUES (?, ?, ?, ?)",
                    [.text(decision.id)] + (previous ?? [.null, .null, .null]))
                try upsert(decision)
            }
        }
    }

    /// Reverts the latest decision (across restarts too). Returns its key, or nil when there is
    /// nothing left to undo.
    @discardableResult
    public func undo() throws -> String? {
        try locked {
            try database.transaction {
                guard
                    let last = try database.query(
                        "SELECT seq, key, previous_action, previous_replacement, previous_decided_at FROM history ORDER BY seq DESC LIMIT 1"
                    ).first, let seq = last[0].int, let key = last[1].string
                else { return nil }
                if ResultDecisionHistory.isResultKey(key) {
                    try restoreResultDecision(key: key, previous: last[3].string)
                } else if let action = last[2].string, let decidedAt = last[4].string {
                    try database.query(
                        "UPDATE decisions SET action = ?, replacement = ?, decided_at = ? WHERE key = ?",
                        [.text(action), last[3], .text(decidedAt), .text(key)])
                } else {
                    try database.query("DELETE FROM decisions WHERE key = ?", [.text(key)])
                }
                try database.query("DELETE FROM history WHERE seq = ?", [.int(seq)])
                return key
            }
        }
    }

    /// Every stored decision, in a stable order (path, rule, text).
    public func all() throws -> [DecisionRecord] {
        try locked {
            try database.query(
                """
                SELECT path, rule, text, sentence_hash, occurrence, sentence, action, replacement, decided_at
                FROM decisions ORDER BY path, rule, text, sentence_hash, occurrence
                """
            ).compactMap(Self.record)
        }
    }

    /// Every stored decision by key, without its sentence: what each page of flags reads, so a
    /// request costs the decisions' answers and not the sentences they were made in.
    public func states() throws -> [String: DecisionState] {
        try locked {
            var states: [String: DecisionState] = [:]
            for row in try database.query("SELECT key, rule, action, replacement, decided_at FROM decisions") {
                guard let key = row[0].string, let rule = row[1].string,
                    let action = row[2].string.flatMap(DecisionAction.init(rawValue:)), let decidedAt = row[4].string
                else { continue }
                states[key] = DecisionState(
                    rule: rule, action: action, replacement: row[3].string, decidedAt: decidedAt)
            }
            return states
        }
    }

    /// Adds decisions from another machine in one transaction; an imported decision replaces a
    /// local one for the same flag. Imports are not undoable.
    @discardableResult
    public func importRecords(_ records: [DecisionRecord]) throws -> Int {
        try locked {
            try database.transaction {
                for record in records { try upsert(record) }
                return records.count
            }
        }
    }

    /// The answers lint, clean and extract apply; skips are not answers and are left out.
    public func decisionSet() throws -> DecisionSet {
        var verdicts: [String: DecisionSet.Verdict] = [:]
        for record in try all() {
            switch record.action {
            case .reject: verdicts[record.id] = .rejected
            case .accept, .edit: verdicts[record.id] = record.replacement.map { .replace($0) }
            case .skip: break
            }
        }
        return DecisionSet(root: root, verdicts: verdicts)
    }

    private func upsert(_ decision: DecisionRecord) throws {
        try database.query(
            """
            INSERT INTO decisions(key, path, rule, text, sentence_hash, occurrence, sentence, action, replacement, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(key) DO UPDATE SET sentence = excluded.sentence, action = excluded.action,
                replacement = excluded.replacement, decided_at = excluded.decided_at
            """,
            [
                .text(decision.id), .text(decision.path), .text(decision.rule), .text(decision.text),
                .text(decision.sentenceHash), .int(Int64(decision.occurrence)), .text(decision.sentence),
                .text(decision.action.rawValue), SQLiteValue(decision.replacement), .text(decision.decidedAt),
            ])
    }

    private static func record(_ row: [SQLiteValue]) -> DecisionRecord? {
        guard let path = row[0].string, let rule = row[1].string, let text = row[2].string,
            let hash = row[3].string, let occurrence = row[4].int, let sentence = row[5].string,
            let action = row[6].string.flatMap(DecisionAction.init(rawValue:)), let decidedAt = row[8].string
        else { return nil }
        var record = DecisionRecord(
            key: DecisionKey(path: path, rule: rule, span: text, sentenceHash: hash, occurrence: Int(occurrence)),
            sentence: sentence, action: action, replacement: row[7].string)
        record.decidedAt = decidedAt
        return record
    }

    func locked<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}

/// Where the decisions live: `.rxtext/review.sqlite` beside the corpus.
public enum StoreLocation {
    public static let folder = ".rxtext"
    public static let file = "review.sqlite"

    /// The nearest existing store above any of `paths` (each path's own folder first), or nil.
    public static func find(for paths: [String]) -> String? {
        for path in paths {
            var directory = startDirectory(path)
            while true {
                let candidate = directory.appendingPathComponent(folder).appendingPathComponent(file)
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }

    /// Where a new review of `paths` keeps its store: an existing one above them, else in the
    /// first path (a directory) or beside it (a file).
    public static func forReview(_ paths: [String]) -> String {
        if let existing = find(for: paths) { return existing }
        return startDirectory(paths.first ?? ".").appendingPathComponent(folder).appendingPathComponent(file).path
    }

    static func root(ofDatabase path: String) -> String {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        return directory.lastPathComponent == folder ? directory.deletingLastPathComponent().path : directory.path
    }

    private static func startDirectory(_ path: String) -> URL {
        var isDirectory: ObjCBool = false
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return url
        }
        return url.deletingLastPathComponent()
    }
}
