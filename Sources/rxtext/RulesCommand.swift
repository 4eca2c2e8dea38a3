import ArgumentParser
import RXText

/// `rxtext rules`: every rule with its severity, description and examples.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every lint rule with its description and examples."
    )

    @Flag(help: "Print ids only.")
    var idsOnly = false

    func run() {
        for rule in RuleRegistry.all {
            let description = rule.description
            if idsOnly {
                print(description.id)
                continue
            }
            print("\(description.id) (\(description.severity.rawValue))")
            print("  \(description.summary)")
            for example in description.flagged {
                print("  flagged:     \(example.text.replacingOccurrences(of: "\n", with: "⏎"))")
            }
            for example in description.unflagged {
                print("  not flagged: \(example.text.replacingOccurrences(of: "\n", with: "⏎"))")
            }
            print("")
        }
    }
}
