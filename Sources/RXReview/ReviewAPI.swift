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

        init(_ state: DecisionState) {
            action = state.action
            replacement = state.replacement
            decidedAt = state.decidedAt
        }
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

    /// Flags per page when a request names no `limit`, and the most one page may hold: a card from
    /// a long line is about 3 KB, so a page stays under 2 MB whatever the file.
    public static let defaultLimit = 50
    public static let maximumLimit = 500

    /// Which flags `status=` keeps, by their decision.
    enum StatusFilter: String, CaseIterable {
        case pending, skipped, answered, accepted, edited, rejected
        /// Pending, then skipped, longest skipped first: what the page walks.
        case left

        func keeps(_ action: DecisionAction?) -> Bool {
            switch self {
            case .pending: action == nil
            case .skipped: action == .skip
            case .answered: action?.isAnswer == true
            case .accepted: action == .accept
            case .edited: action == .edit
            case .rejected: action == .reject
            case .left: action?.isAnswer != true
            }
        }
    }

    /// `GET /api/flags`'s parameters, checked: empty ones are absent, bad ones a 400.
    struct FlagQuery {
        var file: String?
        var rule: String?
        var severity: Severity?
        var status: StatusFilter?
        /// One flag by its key (the page asks for the one an undo brought back).
        var key: String?
        var offset = 0
        var limit = ReviewAPI.defaultLimit

        init(parameters: [String: String]) throws {
            func given(_ name: String) -> String? { parameters[name].flatMap { $0.isEmpty ? nil : $0 } }
            file = given("file")
            rule = given("rule")
            key = given("key")
            if let severity = given("severity") {
                guard let parsed = Severity(rawValue: severity) else {
                    throw APIError(.badRequest, "severity must be error, warning or info")
                }
                self.severity = parsed
            }
            if let status = given("status") {
                guard let parsed = StatusFilter(rawValue: status) else {
                    let names = StatusFilter.allCases.map(\.rawValue).joined(separator: ", ")
                    throw APIError(.badRequest, "status must be one of \(names)")
                }
                self.status = parsed
            }
            if let offset = given("offset") {
                guard let parsed = Int(offset), parsed >= 0 else {
                    throw APIError(.badRequest, "offset must be a whole number, 0 or more")
                }
                self.offset = parsed
            }
            if let limit = given("limit") {
                guard let parsed = Int(limit), (0...ReviewAPI.maximumLimit).contains(parsed) else {
                    throw APIError(
                        .badRequest, "limit must be a whole number from 0 to \(ReviewAPI.maximumLimit) (flags per page)"
                    )
                }
                self.limit = parsed
            }
        }

        /// The filters but `status`: the view the progress counts.
        func inView(_ entry: ReviewCatalog.Entry) -> Bool {
            (file.map { entry.file == $0 } ?? true) && (rule.map { entry.rule == $0 } ?? true)
                && (severity.map { entry.severity == $0 } ?? true) && (key.map { entry.key == $0 } ?? true)
        }
    }

    /// The view's flags by decision, `status` aside: what the page's progress bar shows.
    struct Progress: Encodable {
        var total = 0
        var answered = 0
        var pending = 0
        var skipped = 0
    }

    struct FlagList: Encodable {
        /// The page: at most `limit` flags from `offset` on.
        var flags: [FlagView]
        /// The flags every filter keeps, on all pages.
        var total: Int
        var answered: Int
        var offset: Int
        var limit: Int
        var progress: Progress
        var files: [String]
        var rules: [String]
    }

    /// `GET /api/flags?file=&rule=&severity=&status=&key=&offset=&limit=`: one page of the
    /// matching flags with their decisions, in file and text order (`status=left`: the skipped
    /// after the pending, longest skipped first). Every filter is applied before the page is cut,
    /// and only the page's cards are made.
    func flags(_ query: FlagQuery) throws -> FlagList {
        let decisions = try store.states()
        var progress = Progress()
        var matched: [Int] = []
        var skipped: [(position: Int, decidedAt: String)] = []
        var answered = 0
        for (position, entry) in catalog.entries.enumerated() where query.inView(entry) {
            let decision = decisions[entry.key]
            progress.total += 1
            switch decision?.action {
            case nil: progress.pending += 1
            case .skip: progress.skipped += 1
            case .accept, .edit, .reject: progress.answered += 1
            }
            guard query.status?.keeps(decision?.action) ?? true else { continue }
            if decision?.action.isAnswer == true { answered += 1 }
            if query.status == .left, let decision, decision.action == .skip {
                skipped.append((position, decision.decidedAt))
            } else {
                matched.append(position)
            }
        }
        skipped.sort { ($0.decidedAt, $0.position) < ($1.decidedAt, $1.position) }
        matched += skipped.map(\.position)
        let page = matched.dropFirst(query.offset).prefix(query.limit).map { position in
            FlagView(
                item: catalog.item(at: position),
                decision: decisions[catalog.entries[position].key].map(DecisionView.init))
        }
        return FlagList(
            flags: page, total: matched.count, answered: answered, offset: query.offset, limit: query.limit,
            progress: progress, files: catalog.files, rules: catalog.rules)
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
        let decisions = try store.states()
        var summary = Summary()
        var files: [String: Count] = [:]
        var rules: [String: RuleCount] = [:]
        for entry in catalog.entries {
            summary.total += 1
            files[entry.file, default: Count(name: entry.file)].total += 1
            rules[entry.rule, default: RuleCount(name: entry.rule)].total += 1
            let action = decisions[entry.key]?.action
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
                files[entry.file]?.left += 1
                rules[entry.rule]?.left += 1
            }
        }
        for stats in RulePrecision.table(decisions.values.map { ($0.rule, $0.action) }) {
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
