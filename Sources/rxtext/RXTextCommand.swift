import ArgumentParser
import RXText

@main
struct RXTextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rxtext",
        abstract: "Clean up machine-translated rallycross news and turn it into race records.",
        version: "rxtext \(RXTextVersion.current) (ICU \(ICU.version), Unicode \(ICU.unicodeVersion))",
        subcommands: [
            ExtractCommand.self, LintCommand.self, CleanCommand.self, RulesCommand.self, TokensCommand.self,
            GlossaryCommand.self, ReviewCommand.self, ReportCommand.self, ScoreCommand.self, LSPCommand.self,
            RecordsCommand.self,
        ]
    )

    /// ArgumentParser exits 64 (EX_USAGE) on a usage error; rxtext's contract (README, `lint
    /// --help`) is 2 for usage and input errors alike, which scripts and CI test for.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code.rawValue == 64 {
                printError(fullMessage(for: error))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
