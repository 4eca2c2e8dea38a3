/// Runs the enabled rules over an annotated article and returns its flags in document order.
public struct Linter: Sendable {
    public let rules: [any Rule]
    /// Severity overrides by rule id (from configuration).
    public let severities: [String: Severity]

    /// `rules` compiled by a `RuleSet` (`RuleSet.linter` chooses them by configuration).
    public init(rules: [any Rule], severities: [String: Severity] = [:]) {
        self.rules = rules
        self.severities = severities
    }

    public func lint(_ article: AnnotatedArticle) -> [Diagnostic] {
        var flags: [Diagnostic] = []
        flags.reserveCapacity(32)
        for rule in rules { rule.lint(article, into: &flags) }
        if !severities.isEmpty {
            for index in flags.indices {
                if let severity = severities[flags[index].rule] { flags[index].severity = severity }
            }
        }
        // Sorted (stably), then duplicates dropped within each run of flags on the same span
        // and rule: equal flags can only meet there, so no flag needs hashing.
        let sorted = flags.sorted {
            ($0.range.start, $0.range.end, $0.rule) < ($1.range.start, $1.range.end, $1.rule)
        }
        var result: [Diagnostic] = []
        result.reserveCapacity(sorted.count)
        var runStart = 0
        for flag in sorted {
            if let last = result.last,
                (last.range, last.rule) != (flag.range, flag.rule)
            {
                runStart = result.count
            }
            if !result[runStart...].contains(flag) { result.append(flag) }
        }
        return result
    }
}
