import ArgumentParser
import Foundation
import RXLanguageServer
import RXText

/// `rxtext lsp`: a language server on stdin and stdout, for editors (README: Neovim, Helix,
/// VS Code). The server is RXLanguageServer; this only builds the engine.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Serve the Language Server Protocol on stdin and stdout: rxtext's flags in an editor.",
        discussion: """
            Diagnostics as you type, from the rules, .rxtext.yaml, glossaries and review decisions lint \
            uses; code actions for suggestions and safe fixes and to reject a false alarm (recorded in \
            .rxtext/review.sqlite); hover for the rule's description and examples.
            """
    )

    @Option(
        help: "Configuration file for extra glossaries (default: the nearest .rxtext.yaml above the working directory)."
    )
    var config: String?

    @OptionGroup var glossaries: GlossaryOptions

    func run() throws {
        let project = try glossaries.project(paths: ["."], config: config)
        let status = LanguageServer(engine: project.engine).run()
        if status != 0 { throw ExitCode(status) }
    }
}
