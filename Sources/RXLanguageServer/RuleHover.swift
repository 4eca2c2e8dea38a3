import RXText

/// What hovering over a flag shows: the rule, its message and summary, and a few of the
/// examples it carries, flagged and not.
enum RuleHover {
    static func markdown(for flag: Diagnostic, in document: Document) -> String {
        var lines = ["**\(flag.rule)** (\(flag.severity.rawValue)): \(flag.message)"]
        if !flag.suggestions.isEmpty {
            lines.append("Suggestion: " + flag.suggestions.prefix(3).map { "`\($0)`" }.joined(separator: ", "))
        }
        guard let description = RuleRegistry.all.first(where: { $0.description.id == flag.rule })?.description else {
            return lines.joined(separator: "\n\n")
        }
        lines.append(description.summary)
        let flagged = description.flagged.prefix(3).map { "- " + $0.text }
        if !flagged.isEmpty { lines.append("Flagged:\n" + flagged.joined(separator: "\n")) }
        let unflagged = description.unflagged.prefix(2).map { "- " + $0.text }
        if !unflagged.isEmpty { lines.append("Not flagged:\n" + unflagged.joined(separator: "\n")) }
        lines.append("`rxtext rules` lists every rule; reject a false alarm with the code action.")
        return lines.joined(separator: "\n\n")
    }
}
