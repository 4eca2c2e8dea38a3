import Foundation
import RXText

/// The results database of an archive: every article's race record in SQLite (schema in
/// `RecordStoreSchema`, described in docs/records.md), for the `sqlite3` shell or pandas.
///
/// One transaction per article: a re-run replaces what an earlier run stored for that article and
/// nothing else, so an interrupted run leaves every article either as before or as now. The same
/// result stated by several articles (`ResultIdentity`) is one `results` row with one
/// `result_sources` row per article; editors' decisions (`result_decisions`) are never touched by a
/// re-run and are applied to every article stored.
public final class RecordStore: @unchecked Sendable {
    public let path: String
    /// Article paths are stored relative to the database's folder.
    public let root: String
    private let database: SQLiteDatabase
    private let lock = NSLock()

    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path).standardizedFileURL
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        root = url.deletingLastPathComponent().path
        database = try SQLiteDatabase(path: url.path)
        try database.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")
        try database.transaction {
            try database.execute(RecordStoreSchema.tables)
            let version = try database.query("SELECT value FROM meta WHERE name = 'schema'").first?.first?.string
            if let version, version != String(RecordStoreSchema.version) {
                throw SQLiteError(
                    code: 0,
                    message:
                        "\(path): results database schema \(version); this rxtext reads \(RecordStoreSchema.version)")
            }
            try database.query(
                "INSERT OR IGNORE INTO meta(name, value) VALUES ('schema', ?)",
                [.text(String(RecordStoreSchema.version))])
        }
    }

    /// The article's path as this database names it.
    public func storedPath(_ articlePath: String) -> String { DecisionKey.relativePath(articlePath, root: root) }

    /// The decisions stored here, for `records` to apply.
    public func decisionSet() throws -> ResultDecisionSet {
        ResultDecisionSet(root: root, decisions: try decisions())
    }

    /// Adds or replaces decisions (an editor's later answer wins), in one transaction.
    public func importDecisions(_ decisions: [ResultDecision]) throws {
        try locked {
            try database.transaction {
                for decision in decisions {
                    try database.query(ResultDecisionRow.upsert, ResultDecisionRow.values(decision))
                }
            }
        }
    }

    public func decisions() throws -> [ResultDecision] {
        try locked {
            try database.query("SELECT \(ResultDecisionRow.columns) FROM result_decisions ORDER BY path, result")
                .compactMap(ResultDecisionRow.decision)
        }
    }

    /// Stores one article's record (decisions already applied: `decided`), replacing the
    /// article's earlier sources, in one transaction.
    public func store(_ decided: ResultDecisionSet.Decided, of document: Document) throws {
        let record = decided.record
        let path = storedPath(document.path)
        try locked {
            try database.transaction {
                let article = try upsertArticle(record, path: path, document: document)
                let previous = Set(
                    try database.query("SELECT result_id FROM result_sources WHERE article_id = ?", [.int(article)])
                        .compactMap { $0[0].int })
                try database.query("DELETE FROM result_sources WHERE article_id = ?", [.int(article)])
                let championship = record.championship ?? ""
                for event in record.events { try upsertEvent(event, championship: championship, season: record.season) }
                var touched = previous
                for (ordinal, result) in record.results.enumerated() {
                    let id = try upsertResult(result, article: article, championship: championship)
                    touched.insert(id)
                    try database.query(
                        """
                        INSERT INTO result_sources(result_id, article_id, ordinal, key, position, outcome, cause,
                            confidence, cue, decision, evidence_start, evidence_end, evidence_text)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        [
                            .int(id), .int(article), .int(Int64(ordinal)), .text(decided.keys[ordinal]),
                            .optional(result.position), SQLiteValue(result.outcome?.rawValue),
                            SQLiteValue(result.cause),
                            .real(result.confidence), SQLiteValue(result.cue?.rawValue),
                            SQLiteValue(decided.actions[ordinal]?.rawValue),
                            .int(Int64(result.evidence.start)), .int(Int64(result.evidence.end)),
                            .text(result.evidence.text),
                        ])
                }
                for id in touched.sorted() { try refresh(result: id) }
            }
        }
    }

    /// Rows per table, for `records --db`'s summary and the tests.
    public func counts() throws -> [String: Int] {
        try locked {
            var counts: [String: Int] = [:]
            for table in ["articles", "events", "drivers", "results", "result_sources", "result_decisions"] {
                counts[table] = Int(try database.query("SELECT COUNT(*) FROM \(table)").first?.first?.int ?? 0)
            }
            return counts
        }
    }

    /// Runs a read-only query (for tests and the sample queries of docs/records.md), every value
    /// as text ("" for NULL).
    public func rows(_ sql: String) throws -> [[String]] {
        try locked {
            try database.query(sql).map { row in
                row.map { value in
                    switch value {
                    case .null: ""
                    case .int(let number): String(number)
                    case .real(let number): String(number)
                    case .text(let text): text
                    }
                }
            }
        }
    }

    // MARK: - Writing one article

    private func upsertArticle(_ record: RaceRecord, path: String, document: Document) throws -> Int64 {
        try database.query(
            """
            INSERT INTO articles(path, sha256, bytes, season, championship, class, subject, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, bytes = excluded.bytes,
                season = excluded.season, championship = excluded.championship, class = excluded.class,
                subject = excluded.subject, recorded_at = excluded.recorded_at
            """,
            [
                .text(path), .text(SHA256.hex(document.bytes)), .int(Int64(document.bytes.count)),
                .optional(record.season), SQLiteValue(record.championship), SQLiteValue(record.raceClass),
                SQLiteValue(record.subject?.name), .text(ISO8601DateFormatter().string(from: Date())),
            ])
        return try id("SELECT id FROM articles WHERE path = ?", [.text(path)])
    }

    private func upsertEvent(_ event: RaceRecord.Event, championship: String, season: Int?) throws {
        guard let season else { return }
        try database.query(
            """
            INSERT INTO events(championship, season, round, country, venue, town, month, day)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(championship, season, round) DO UPDATE SET country = excluded.country,
                venue = excluded.venue, town = excluded.town, month = excluded.month, day = excluded.day
            """,
            [
                .text(championship), .int(Int64(season)), .int(Int64(event.round)), .text(event.country),
                .text(event.venue), .text(event.town), .int(Int64(event.month)), .int(Int64(event.day)),
            ])
    }

    private func upsertDriver(_ result: RaceRecord.Result) throws -> Int64 {
        let key = result.driverID ?? ("name:" + ICU.fold(result.driver))
        try database.query(
            """
            INSERT INTO drivers(key, glossary_id, name) VALUES (?, ?, ?)
            ON CONFLICT(key) DO UPDATE SET name = excluded.name
            """, [.text(key), SQLiteValue(result.driverID), .text(result.driver)])
        return try id("SELECT id FROM drivers WHERE key = ?", [.text(key)])
    }

    /// The result's row by identity; its values are the best source's, set by `refresh`.
    private func upsertResult(_ result: RaceRecord.Result, article: Int64, championship: String) throws -> Int64 {
        let identity = ResultIdentity.of(result, championship: championship.isEmpty ? nil : championship)
        let driver = try upsertDriver(result)
        var event: SQLiteValue = .null
        if let season = result.season, let round = result.round {
            event =
                try database.query(
                    "SELECT id FROM events WHERE championship = ? AND season = ? AND round = ?",
                    [.text(championship), .int(Int64(season)), .int(Int64(round))]
                ).first?.first ?? .null
        }
        try database.query(
            """
            INSERT INTO results(identity, driver_id, season, event, round, event_id, class, stage, position, outcome,
                cause, confidence, sources, evidence_article, evidence_start, evidence_end, evidence_text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
            ON CONFLICT(identity) DO UPDATE SET round = COALESCE(results.round, excluded.round),
                event_id = COALESCE(results.event_id, excluded.event_id)
            """,
            [
                .text(identity), .int(driver), .optional(result.season), SQLiteValue(result.event),
                .optional(result.round), event, SQLiteValue(result.raceClass), .text(result.stage.rawValue),
                .optional(result.position), SQLiteValue(result.outcome?.rawValue), SQLiteValue(result.cause),
                .real(result.confidence), .int(article), .int(Int64(result.evidence.start)),
                .int(Int64(result.evidence.end)), .text(result.evidence.text),
            ])
        return try id("SELECT id FROM results WHERE identity = ?", [.text(identity)])
    }

    /// A result's values from its best source (an editor's decision first, then the most
    /// confident, then the first stored), or the row deleted when no article states it any more.
    private func refresh(result id: Int64) throws {
        let best = try database.query(
            """
            SELECT article_id, position, outcome, cause, confidence, evidence_start, evidence_end, evidence_text,
                (SELECT COUNT(*) FROM result_sources WHERE result_id = ?)
            FROM result_sources WHERE result_id = ?
            ORDER BY decision IS NULL, confidence DESC, article_id, ordinal LIMIT 1
            """, [.int(id), .int(id)]
        ).first
        guard let best else {
            let driver = try database.query("SELECT driver_id FROM results WHERE id = ?", [.int(id)]).first?.first
            try database.query("DELETE FROM results WHERE id = ?", [.int(id)])
            if let driver {
                try database.query(
                    "DELETE FROM drivers WHERE id = ? AND NOT EXISTS (SELECT 1 FROM results WHERE driver_id = ?)",
                    [driver, driver])
            }
            return
        }
        try database.query(
            """
            UPDATE results SET evidence_article = ?, position = ?, outcome = ?, cause = ?, confidence = ?,
                evidence_start = ?, evidence_end = ?, evidence_text = ?, sources = ? WHERE id = ?
            """, best + [.int(id)])
    }

    private func id(_ sql: String, _ parameters: [SQLiteValue]) throws -> Int64 {
        guard let id = try database.query(sql, parameters).first?.first?.int else {
            throw SQLiteError(code: 0, message: "\(path): no row for \(parameters)")
        }
        return id
    }

    func locked<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// For `RecordStore+Conflicts`.
    func query(_ sql: String, _ parameters: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
        try database.query(sql, parameters)
    }
}

extension SQLiteValue {
    static func optional(_ number: Int?) -> SQLiteValue { number.map { .int(Int64($0)) } ?? .null }
}

/// `result_decisions` rows, in the results database and in the review store alike.
enum ResultDecisionRow {
    static let table = """
        CREATE TABLE IF NOT EXISTS result_decisions(
            path TEXT NOT NULL, result TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('accept', 'correct', 'reject', 'add')),
            driver TEXT, stage TEXT, position INTEGER, event TEXT, class TEXT,
            evidence_start INTEGER, evidence_end INTEGER, evidence_text TEXT, cue TEXT, decided_at TEXT NOT NULL,
            PRIMARY KEY(path, result));
        """

    static let upsert = """
        INSERT INTO result_decisions(path, result, action, driver, stage, position, event, class,
            evidence_start, evidence_end, evidence_text, cue, decided_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(path, result) DO UPDATE SET action = excluded.action, driver = excluded.driver,
            stage = excluded.stage, position = excluded.position, event = excluded.event,
            class = excluded.class, evidence_start = excluded.evidence_start,
            evidence_end = excluded.evidence_end, evidence_text = excluded.evidence_text,
            cue = excluded.cue, decided_at = excluded.decided_at
        """

    static let columns =
        "path, result, action, driver, stage, position, event, class, evidence_start, evidence_end, evidence_text, cue, decided_at"

    static func values(_ decision: ResultDecision) -> [SQLiteValue] {
        [
            .text(decision.path), .text(decision.result), .text(decision.action.rawValue), SQLiteValue(decision.driver),
            SQLiteValue(decision.stage?.rawValue), .optional(decision.position), SQLiteValue(decision.event),
            SQLiteValue(decision.raceClass), .optional(decision.evidenceStart), .optional(decision.evidenceEnd),
            SQLiteValue(decision.evidenceText), SQLiteValue(decision.cue?.rawValue), .text(decision.decidedAt),
        ]
    }

    static func decision(_ row: [SQLiteValue]) -> ResultDecision? {
        guard let path = row[0].string, let result = row[1].string,
            let action = row[2].string.flatMap(ResultAction.init(rawValue:)), let decidedAt = row[12].string
        else { return nil }
        var decision = ResultDecision(
            path: path, result: result, action: action, driver: row[3].string,
            stage: row[4].string.flatMap(Stage.init(rawValue:)), position: row[5].int.map { Int($0) },
            event: row[6].string, raceClass: row[7].string)
        decision.result = result
        decision.evidenceStart = row[8].int.map { Int($0) }
        decision.evidenceEnd = row[9].int.map { Int($0) }
        decision.evidenceText = row[10].string
        decision.cue = row[11].string.flatMap(ResultCueKind.init(rawValue:))
        decision.decidedAt = decidedAt
        return decision
    }
}
