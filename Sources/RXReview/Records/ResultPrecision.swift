import RXText

/// How often editors found an extracted result right, by what it was read from (cue kind) or by
/// stage: `rxtext review --status`'s results table, as `RulePrecision` is for flags. A corrected
/// result was found but got a field wrong, so it counts against precision; an added one is a miss
/// (recall), counted apart.
public struct ResultPrecision: Sendable, Equatable {
    public var name: String
    public var accepted = 0
    public var corrected = 0
    public var rejected = 0
    public var added = 0

    public init(name: String) { self.name = name }

    public var answered: Int { accepted + corrected + rejected }

    /// Accepted over accepted, corrected and rejected; nil before any answer.
    public var precision: Double? { answered == 0 ? nil : Double(accepted) / Double(answered) }

    mutating func count(_ action: ResultAction) {
        switch action {
        case .accept: accepted += 1
        case .correct: corrected += 1
        case .reject: rejected += 1
        case .add: added += 1
        }
    }

    /// By cue kind ("editor" for added results, "unknown" for decisions stored without one).
    public static func byCue(_ decisions: [ResultDecision]) -> [ResultPrecision] {
        table(decisions) { $0.action == .add ? "editor" : $0.cue?.rawValue ?? "unknown" }
    }

    /// By the stage the extractor gave (an added result's stage is the editor's).
    public static func byStage(_ decisions: [ResultDecision]) -> [ResultPrecision] {
        table(decisions) { $0.extractedStage ?? $0.stage?.rawValue ?? "unknown" }
    }

    private static func table(_ decisions: [ResultDecision], by name: (ResultDecision) -> String) -> [ResultPrecision] {
        var rows: [String: ResultPrecision] = [:]
        for decision in decisions {
            let key = name(decision)
            rows[key, default: ResultPrecision(name: key)].count(decision.action)
        }
        return rows.values.sorted { $0.name < $1.name }
    }
}
