import RXText

/// A result two or more articles state differently: the same driver, season, event, class and
/// stage with another position or outcome. What `rxtext records --conflicts` lists.
public struct ResultConflict: Sendable, Equatable {
    public struct Claim: Sendable, Equatable {
        public var article: String
        public var position: Int?
        public var outcome: String?
        public var evidence: String
    }

    public var identity: String
    public var driver: String
    public var season: Int?
    public var event: String?
    public var stage: String
    public var claims: [Claim]
}

extension RecordStore {
    /// Every result whose sources, from more than one article, disagree on position or outcome,
    /// in identity order, each article's claim in path order.
    public func conflicts() throws -> [ResultConflict] {
        let rows = try locked {
            try query(
                """
                SELECT r.identity, d.name, r.season, r.event, r.stage, a.path, s.position, s.outcome, s.evidence_text
                FROM results r JOIN drivers d ON d.id = r.driver_id
                    JOIN result_sources s ON s.result_id = r.id JOIN articles a ON a.id = s.article_id
                WHERE r.id IN (
                    SELECT result_id FROM result_sources GROUP BY result_id
                    HAVING COUNT(DISTINCT article_id) > 1
                        AND COUNT(DISTINCT COALESCE(position, '') || '/' || COALESCE(outcome, '')) > 1)
                ORDER BY r.identity, a.path, s.ordinal
                """)
        }
        var conflicts: [ResultConflict] = []
        for row in rows {
            guard let identity = row[0].string, let driver = row[1].string, let stage = row[4].string,
                let article = row[5].string, let evidence = row[8].string
            else { continue }
            let claim = ResultConflict.Claim(
                article: article, position: row[6].int.map { Int($0) }, outcome: row[7].string, evidence: evidence)
            if conflicts.last?.identity == identity {
                conflicts[conflicts.count - 1].claims.append(claim)
            } else {
                conflicts.append(
                    ResultConflict(
                        identity: identity, driver: driver, season: row[2].int.map { Int($0) }, event: row[3].string,
                        stage: stage, claims: [claim]))
            }
        }
        return conflicts
    }
}
