/// The kind of statement a result was read from, for measuring the extractor per kind.
public enum ResultCueKind: String, Codable, Sendable, CaseIterable {
    /// A line of a results list ("1. Hansen 2. Kristoffersson").
    case resultsList = "results-list"
    /// An ordinal placing ("finished fourth").
    case placing
    /// A win ("won the final").
    case win
    /// A title ("European champion").
    case champion
    /// A retirement, puncture, disqualification...
    case failure

    init(_ kind: ResultCue.Kind) {
        switch kind {
        case .placing: self = .placing
        case .win: self = .win
        case .champion: self = .champion
        case .failure: self = .failure
        }
    }
}
