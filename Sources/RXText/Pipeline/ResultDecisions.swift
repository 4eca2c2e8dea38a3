import Foundation

/// What identifies a result across articles and re-runs: its driver (the glossary id, else the
/// folded name), season, championship (the article's), event country, class and stage. Position,
/// outcome and offsets are left out on purpose: two articles stating the same final with different
/// placings are one result in conflict, and an edit elsewhere in the text keeps the key. So is the
/// round: an article that does not say which round ("the final at Höljes" in a season review)
/// states the same result. The championship keeps apart what only looks alike: second in the
/// Finnish championship and third in the European one are two standings, not a conflict.
public enum ResultIdentity {
    public static func of(_ result: RaceRecord.Result, championship: String?) -> String {
        let driver = result.driverID ?? ("name:" + ICU.fold(result.driver))
        let fields = [
            driver, result.season.map(String.init) ?? "", championship.map { ICU.fold($0) } ?? "", result.event ?? "",
            result.raceClass.map { ICU.fold($0) } ?? "", result.stage.rawValue,
        ]
        return fields.joined(separator: "|")
    }

    /// The keys of an article's results, in order: the identity and which occurrence of it in the
    /// article it is ("…|final#0"), so two results with one identity in one article keep apart.
    public static func keys(_ record: RaceRecord) -> [String] {
        var seen: [String: Int] = [:]
        return record.results.map { result in
            let identity = of(result, championship: record.championship)
            let occurrence = seen[identity, default: 0]
            seen[identity] = occurrence + 1
            return "\(identity)#\(occurrence)"
        }
    }
}

/// What an editor did with an extracted result.
public enum ResultAction: String, Codable, Sendable, CaseIterable {
    /// Right as extracted.
    case accept
    /// Right result, some field wrong: the decision carries the corrected fields.
    case correct
    /// Not a result the article states.
    case reject
    /// A result the extractor missed, with the words the editor selected as its evidence.
    case add
}

/// One editor's decision on one result of one article. `path` is the article relative to the
/// decision store's root; `result` is the result's `ResultIdentity` key, or for an added result
/// "added@START-END" (its evidence's byte offsets).
public struct ResultDecision: Codable, Sendable, Equatable {
    public var path: String
    public var result: String
    public var action: ResultAction
    /// The correction (for `correct`) or the new result (for `add`); nil fields are unchanged.
    public var driver: String?
    public var stage: Stage?
    public var position: Int?
    public var event: String?
    public var raceClass: String?
    /// The editor's evidence for an added result: byte offsets into the article and their text.
    public var evidenceStart: Int?
    public var evidenceEnd: Int?
    public var evidenceText: String?
    /// The kind of statement the decided result was read from (for precision per cue kind).
    public var cue: ResultCueKind?
    public var decidedAt: String

    public init(
        path: String, result: String, action: ResultAction, driver: String? = nil, stage: Stage? = nil,
        position: Int? = nil, event: String? = nil, raceClass: String? = nil, evidence: RaceRecord.Evidence? = nil,
        cue: ResultCueKind? = nil, decidedAt: Date = Date()
    ) {
        self.cue = cue
        self.path = path
        self.result = action == .add ? (evidence.map { "added@\($0.start)-\($0.end)" } ?? result) : result
        self.action = action
        self.driver = driver
        self.stage = stage
        self.position = position
        self.event = event
        self.raceClass = raceClass
        evidenceStart = evidence?.start
        evidenceEnd = evidence?.end
        evidenceText = evidence?.text
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        self.decidedAt = formatter.string(from: decidedAt)
    }

    /// The result an `add` decision states, in `record`'s season and (unless it names one) class.
    public func addedResult(in record: RaceRecord, glossary: Glossary? = nil) -> RaceRecord.Result? {
        guard action == .add, problem == nil else { return nil }
        let evidence = RaceRecord.Evidence(start: evidenceStart!, end: evidenceEnd!, text: evidenceText!)
        let result = RaceRecord.Result(
            driver: driver!, driverID: nil, raceClass: raceClass ?? record.raceClass, season: record.season,
            event: event, round: nil, stage: stage!, position: position, outcome: nil, cause: nil, evidence: evidence,
            confidence: 1)
        return ResultDecisionSet.corrected(result, by: self, glossary: glossary)
    }

    /// Why a decision cannot be applied, or nil when it can: an added result needs a driver, a
    /// stage and its evidence; a correction changes at least one field.
    /// The stage the extractor gave the decided result (from its key); nil for an added one.
    public var extractedStage: String? {
        guard action != .add, let identity = result.split(separator: "#").first else { return nil }
        return identity.split(separator: "|", omittingEmptySubsequences: false).last.map(String.init)
    }

    public var problem: String? {
        switch action {
        case .accept, .reject: return nil
        case .correct:
            let fields: [Any?] = [driver, stage, position, event, raceClass]
            return fields.allSatisfy { $0 == nil }
                ? "a correction changes driver, stage, position, event or class" : nil
        case .add:
            if driver == nil || stage == nil { return "an added result needs a driver and a stage" }
            guard let start = evidenceStart, let end = evidenceEnd, evidenceText != nil, start < end else {
                return "an added result needs its evidence (the selected words)"
            }
            return nil
        }
    }

    enum CodingKeys: String, CodingKey {
        case path, result, action, driver, stage, position, event, cue
        case raceClass = "class"
        case evidenceStart = "evidence_start"
        case evidenceEnd = "evidence_end"
        case evidenceText = "evidence_text"
        case decidedAt = "decided_at"
    }
}

/// The editors' decisions on results, as `records` and `extract` apply them: RXText never links
/// SQLite, so the CLI loads this from RXReview's store.
public struct ResultDecisionSet: Sendable {
    /// The directory stored paths are relative to.
    public var root: String
    /// Decisions by article path (relative to `root`), then by result key.
    public var byArticle: [String: [String: ResultDecision]]

    public init(root: String, decisions: [ResultDecision] = []) {
        self.root = root
        byArticle = [:]
        for decision in decisions { byArticle[decision.path, default: [:]][decision.result] = decision }
    }

    public var isEmpty: Bool { byArticle.isEmpty }

    /// The decisions on one article (by its path as given to the command).
    public func decisions(for articlePath: String) -> [String: ResultDecision] {
        byArticle[DecisionKey.relativePath(articlePath, root: root)] ?? [:]
    }

    /// The record as the editors left it: a rejected result is dropped, a corrected one carries
    /// the editor's fields (and full confidence: a person checked it), an added one is appended
    /// with the editor's evidence. `glossary` turns a corrected or added driver's name into its id.
    public func apply(to record: RaceRecord, path: String, glossary: Glossary? = nil) -> RaceRecord {
        decided(record, path: path, glossary: glossary).record
    }

    /// A record with the decisions applied, and for each of its results the key of the result it
    /// came from (or of the added result) and the decision taken on it, if any.
    public struct Decided: Sendable {
        public var record: RaceRecord
        public var keys: [String]
        public var actions: [ResultAction?]
    }

    public func decided(_ record: RaceRecord, path: String, glossary: Glossary? = nil) -> Decided {
        let decisions = decisions(for: path)
        let keys = ResultIdentity.keys(record)
        guard !decisions.isEmpty else {
            return Decided(record: record, keys: keys, actions: Array(repeating: nil, count: keys.count))
        }
        var decided = Decided(record: record, keys: [], actions: [])
        decided.record.results = []
        func append(_ result: RaceRecord.Result, _ key: String, _ action: ResultAction?) {
            decided.record.results.append(result)
            decided.keys.append(key)
            decided.actions.append(action)
        }
        for (result, key) in zip(record.results, keys) {
            guard let decision = decisions[key] else {
                append(result, key, nil)
                continue
            }
            switch decision.action {
            case .reject, .add: continue
            case .accept:
                var accepted = result
                accepted.confidence = 1
                append(accepted, key, .accept)
            case .correct: append(Self.corrected(result, by: decision, glossary: glossary), key, .correct)
            }
        }
        let added = decisions.values.filter { $0.action == .add && $0.problem == nil }
        for decision in added.sorted(by: { ($0.evidenceStart!, $0.result) < ($1.evidenceStart!, $1.result) }) {
            guard let result = decision.addedResult(in: record, glossary: glossary) else { continue }
            append(result, decision.result, .add)
        }
        return decided
    }

    static func corrected(
        _ result: RaceRecord.Result, by decision: ResultDecision, glossary: Glossary?
    ) -> RaceRecord.Result {
        var corrected = result
        if let driver = decision.driver, driver != result.driver || decision.action == .add {
            corrected.driver = driver
            let folded = ICU.fold(driver)
            corrected.driverID = glossary?.drivers.first { ICU.fold($0.name) == folded }?.id
        }
        if let stage = decision.stage { corrected.stage = stage }
        if let position = decision.position {
            // A placing carries no outcome, as the extractor writes it.
            corrected.position = position
            corrected.outcome = nil
        }
        if let event = decision.event {
            corrected.event = event
            if event != result.event { corrected.round = nil }
        }
        if let raceClass = decision.raceClass { corrected.raceClass = raceClass }
        corrected.confidence = 1
        return corrected
    }
}

extension RaceRecord.Evidence {
    /// The evidence `text` starting at byte `start`.
    public static func span(start: Int, text: String) -> RaceRecord.Evidence {
        RaceRecord.Evidence(start: start, end: start + text.utf8.count, text: text)
    }
}
