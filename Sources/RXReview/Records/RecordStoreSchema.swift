/// The results database's tables, meant to be read with the `sqlite3` shell or pandas
/// (docs/records.md has sample queries). Article paths are relative to the database's folder.
enum RecordStoreSchema {
    static let version = 1

    static let tables = """
        CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS articles(
            id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL,
            season INTEGER, championship TEXT, class TEXT, subject TEXT, recorded_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS events(
            id INTEGER PRIMARY KEY, championship TEXT NOT NULL, season INTEGER NOT NULL, round INTEGER NOT NULL,
            country TEXT NOT NULL, venue TEXT NOT NULL, town TEXT NOT NULL, month INTEGER NOT NULL,
            day INTEGER NOT NULL, UNIQUE(championship, season, round));
        CREATE TABLE IF NOT EXISTS drivers(
            id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, glossary_id TEXT, name TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS results(
            id INTEGER PRIMARY KEY, identity TEXT NOT NULL UNIQUE,
            driver_id INTEGER NOT NULL REFERENCES drivers(id), season INTEGER, event TEXT, round INTEGER,
            event_id INTEGER REFERENCES events(id), class TEXT, stage TEXT NOT NULL,
            position INTEGER, outcome TEXT, cause TEXT, confidence REAL NOT NULL, sources INTEGER NOT NULL,
            evidence_article INTEGER NOT NULL REFERENCES articles(id), evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL, evidence_text TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS result_sources(
            result_id INTEGER NOT NULL REFERENCES results(id), article_id INTEGER NOT NULL REFERENCES articles(id),
            ordinal INTEGER NOT NULL, key TEXT NOT NULL, position INTEGER, outcome TEXT, cause TEXT,
            confidence REAL NOT NULL, cue TEXT, decision TEXT, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
            evidence_text TEXT NOT NULL, PRIMARY KEY(article_id, ordinal));
        CREATE INDEX IF NOT EXISTS result_sources_by_result ON result_sources(result_id);
        \(ResultDecisionRow.table)
        """
}
