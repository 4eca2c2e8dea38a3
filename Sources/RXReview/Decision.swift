import Foundation
import RXText

/// What an editor did with a flag.
public enum DecisionAction: String, Codable, Sendable, CaseIterable {
    case accept, edit, reject, skip

    /// Skips are remembered (a restarted review shows them last) but answer nothing.
    public var isAnswer: Bool { self != .skip }
}

/// One stored decision: the key's parts (kept readable, so an export can be checked by eye and a
/// key recomputed on import), the sentence as the editor saw it, and the answer.
public struct DecisionRecord: Codable, Sendable, Equatable {
    public var path: String
    public var rule: String
    public var text: String
    public var sentenceHash: String
    public var occurrence: Int
    public var sentence: String
    public var action: DecisionAction
    /// The accepted suggestion or the editor's text; nil for reject and skip.
    public var replacement: String?
    public var decidedAt: String

    public init(
        key: DecisionKey, sentence: String, action: DecisionAction, replacement: String?, decidedAt: Date = Date()
    ) {
        path = key.path
        rule = key.rule
        text = key.span
        sentenceHash = key.sentenceHash
        occurrence = key.occurrence
        self.sentence = sentence
        self.action = action
        self.replacement = replacement
        self.decidedAt = Self.timestamp(decidedAt)
    }

    public var key: DecisionKey {
        DecisionKey(path: path, rule: rule, span: text, sentenceHash: sentenceHash, occurrence: occurrence)
    }

    public var id: String { key.id }

    /// Replacing decisions carry their text; the others carry none.
    public var isValid: Bool {
        switch action {
        case .accept, .edit: replacement != nil
        case .reject, .skip: replacement == nil
        }
    }

    enum CodingKeys: String, CodingKey {
        case path, rule, text, occurrence, sentence, action, replacement
        case sentenceHash = "sentence_hash"
        case decidedAt = "decided_at"
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

/// A stored decision without the sentence it was made in: what listing and counting flags need,
/// a few dozen bytes a decision however long its sentence.
public struct DecisionState: Sendable, Equatable {
    public var rule: String
    public var action: DecisionAction
    public var replacement: String?
    public var decidedAt: String
}

/// How often editors agreed with a rule. A rule whose precision is low is noisy: its flags are
/// mostly rejected, and it wants a narrower pattern or a lower severity.
public struct RulePrecision: Sendable, Equatable, Codable {
    public var rule: String
    public var accepted = 0
    public var edited = 0
    public var rejected = 0
    public var skipped = 0

    public init(rule: String) { self.rule = rule }

    public var answered: Int { accepted + edited + rejected }

    /// Accepted or edited over all answered; nil before any answer.
    public var precision: Double? { answered == 0 ? nil : Double(accepted + edited) / Double(answered) }

    mutating func count(_ action: DecisionAction) {
        switch action {
        case .accept: accepted += 1
        case .edit: edited += 1
        case .reject: rejected += 1
        case .skip: skipped += 1
        }
    }

    public static func table(_ records: [DecisionRecord]) -> [RulePrecision] {
        table(records.map { ($0.rule, $0.action) })
    }

    static func table(_ decisions: [(rule: String, action: DecisionAction)]) -> [RulePrecision] {
        var byRule: [String: RulePrecision] = [:]
        for (rule, action) in decisions { byRule[rule, default: RulePrecision(rule: rule)].count(action) }
        return byRule.values.sorted { $0.rule < $1.rule }
    }
}
