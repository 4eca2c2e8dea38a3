import Foundation
import RXText

/// The review page's JSON API, apart from HTTP: each call takes decoded parameters and returns
/// an encodable value or throws an `APIError` that becomes a 4xx response. Kept free of the
/// server so its rules (what may be decided, what undo restores) read in one place.
public final class ReviewAPI: Sendable {
    public let catalog: ReviewCatalog
    public let store: DecisionStore
    /// Editors' own text is bounded: the span of a flag is a phrase, not an article.
    static let maximumReplacement = 10_000

    public init(catalog: ReviewCatalog, store: DecisionStore) {
        self.catalog = catalog
        self.store = store
    }

    struct DecisionView: Encodable {
        var action: DecisionAction
        var replacement: String?
        var decidedAt: String
    }

    struct FlagView: Encodable {
        var item: ReviewItem
        var decision: DecisionView?

        func encode(to encoder: any Encoder) throws {
            try item.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(decision, forKey: .decision)
        }

        enum Keys: String, CodingKey { case decision }
    }

    struct FlagList: Encodable {
        var flags: [FlagView]
        var total: Int
        var answered: Int
        var files: [String]
        var rules: [String]
    }

    /// `GET /api/flags?file=&rule=&severity=`: the matching flags with their decisions.
    func flags(file: String?, rule: String?, severity: String?) throws -> FlagList {
        var level: Severity?
        if let severity, !severity.isEmpty {
            guard let parsed = Severity(rawValue: severity) else {
                throw APIError(.badRequest, "severity must be error, warning or info")
            }
            level = parsed
        }
        let decisions = try decisionsByKey()
        let views = catalog.items.filter { item in
            (file.map { $0.isEmpty || item.file == $0 } ?? true) && (rule.map { $0.isEmpty || item.rule == $0 } ?? true)
                && (level.map { item.severity == $0 } ?? true)
        }.map { item in
            FlagView(
                item: item,
                decision: decisions[item.key].map {
                    DecisionView(action: $0.action, replacement: $0.replacement, decidedAt: $0.decidedAt)
                })
        }
        return FlagList(
            flags: views, total: views.count, answered: views.filter { $0.decision?.action.isAnswer == true }.count,
            files: catalog.files, rules: catalog.rules)
    }

    struct DecisionRequest: Decodable {
        var key: String
        var action: String
        var replacement: String?
    }

    /// `POST /api/decisions`: one decision, durable before the response is sent.
    func decide(_ request: DecisionRequest) throws -> Summary {
        guard let item = catalog.item(request.key) else { throw APIError(.notFound, "no flag with key \(request.key)") }
        guard let action = DecisionAction(rawValue: request.action) else {
            throw APIError(.badRequest, "action must be accept, edit, reject or skip")
        }
        switch action {
        case .accept:
            guard let replacement = request.replacement, item.suggestions.contains(replacement) else {
                throw APIError(.badRequest, "accept takes one of the flag's suggestions as replacement")
            }
        case .edit:
            guard let replacement = request.replacement else { throw APIError(.badRequest, "edit needs a replacement") }
            guard replacement.utf8.count <= Self.maximumReplacement else {
                throw APIError(.contentTooLarge, "replacement longer than \(Self.maximumReplacement) bytes")
            }
        case .reject, .skip:
            guard request.replacement == nil else {
                throw APIError(.badRequest, "\(action.rawValue) takes no replacement")
            }
        }
        try store.record(
            DecisionRecord(
                key: item.decisionKey, sentence: item.sentence, action: action, replacement: request.replacement))
        return try summary()
    }

    struct Undone: Encodable {
        var key: String?
        var summary: Summary
    }

    /// `POST /api/undo`: reverts the latest decision, whichever flag it was.
    func undo() throws -> Undone {
        let key = try store.undo()
        return Undone(key: key, summary: try summary())
    }

    struct Count: Encodable {
        var name: String
        var total = 0
        var left = 0
    }

    struct RuleCount: Encodable {
        var name: String
        var total = 0
        var left = 0
        /// Measured over every stored decision for the rule, not only this run's files.
        var accepted = 0
        var edited = 0
        var rejected = 0
        var precision: Double?
    }

    public struct Summary: Encodable {
        public internal(set) var total = 0
        public internal(set) var answered = 0
        public internal(set) var accepted = 0
        public internal(set) var edited = 0
        public internal(set) var rejected = 0
        public internal(set) var skipped = 0
        public internal(set) var pending = 0
        var files: [Count] = []
        var rules: [RuleCount] = []
    }

    /// `GET /api/summary`: what is left, by file and by rule, and each rule's precision so far.
    public func summary() throws -> Summary {
        let records = try store.all()
        var decisions: [String: DecisionRecord] = [:]
        for record in records { decisions[record.id] = record }
        var summary = Summary()
        var files: [String: Count] = [:]
        var rules: [String: RuleCount] = [:]
        for item in catalog.items {
            summary.total += 1
            files[item.file, default: Count(name: item.file)].total += 1
            rules[item.rule, default: RuleCount(name: item.rule)].total += 1
            let action = decisions[item.key]?.action
            switch action {
            case .accept: summary.accepted += 1
            case .edit: summary.edited += 1
            case .reject: summary.rejected += 1
            case .skip: summary.skipped += 1
            case nil: summary.pending += 1
            }
            if action?.isAnswer == true {
                summary.answered += 1
            } else {
                files[item.file]?.left += 1
                rules[item.rule]?.left += 1
            }
        }
        for stats in RulePrecision.table(records) {
            var count = rules[stats.rule] ?? RuleCount(name: stats.rule)
            count.accepted = stats.accepted
            count.edited = stats.edited
            count.rejected = stats.rejected
            count.precision = stats.precision
            rules[stats.rule] = count
        }
        summary.files = catalog.files.compactMap { files[$0] }
        summary.rules = rules.values.sorted { $0.name < $1.name }
        return summary
    }

    private func decisionsByKey() throws -> [String: DecisionRecord] {
        var decisions: [String: DecisionRecord] = [:]
        for record in try store.all() { decisions[record.id] = record }
        return decisions
    }
}

/// A request the API refuses, with the status and a message for the page.
public struct APIError: Error, Sendable {
    public enum Status: Int, Sendable {
        case badRequest = 400
        case forbidden = 403
        case notFound = 404
        case methodNotAllowed = 405
        case conflict = 409
        case contentTooLarge = 413
        case misdirectedRequest = 421
    }

    public var status: Status
    public var message: String

    public init(_ status: Status, _ message: String) {
        self.status = status
        self.message = message
    }
}
