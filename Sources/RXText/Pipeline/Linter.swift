/// Runs the enabled rules over an annotated article and returns its flags in document order.
public struct Linter: Sendable {
    public let rules: [any Rule]
    /// Severity overrides by rule id (from configuration).
    public let severities: [String: Severity]

    public init(rules: [any Rule] = RuleRegistry.all.map { $0.init() }, severities: [String: Severity] = [:]) {
        self.rules = rules
        self.severities = severities
    }

    /// Only the rules whose ids are in `enabled` (all when nil), less those in `disabled`.
    public init(enabled: Set<String>? = nil, disabled: Set<String> = [], severities: [String: Severity] = [:]) {
        self.init(
            rules: RuleRegistry.all.filter { type in
                let id = type.description.id
                return (enabled?.contains(id) ?? true) && !disabled.contains(id)
            }.map { $0.init() }, severities: severities)
    }

    public func lint(_ article: AnnotatedArticle) -> [Flag] {
        var flags: [Flag] = []
        for rule in rules {
            for sentence in article.sentences { flags += rule.check(sentence, in: article) }
            flags += rule.checkArticle(article)
        }
        for index in flags.indices {
            if let severity = severities[flags[index].rule] { flags[index].severity = severity }
        }
        var seen = Set<Flag>()
        return flags.filter { seen.insert($0).inserted }.sorted {
            ($0.range.start, $0.range.end, $0.rule) < ($1.range.start, $1.range.end, $1.rule)
        }
    }
}
