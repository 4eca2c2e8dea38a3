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
            GlossaryCommand.self, ReviewCommand.self, ReportCommand.self, ScoreCommand.self,
        ]
    )
}
