import ArgumentParser
import RXText

/// `rxtext clean FILE`: the article with safe fixes applied and web boilerplate removed.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Print an article with its safe fixes applied and web-page leftovers removed."
    )

    @Argument(help: "An article (UTF-8 text).")
    var file: String

    @Flag(help: "Rewrite the file (atomically) instead of printing.")
    var inPlace = false

    @Option(help: "Configuration file (default: the nearest .rxtext.yaml above the file).")
    var config: String?

    @OptionGroup var glossaries: GlossaryOptions

    @OptionGroup var decisions: DecisionOptions

    func run() throws {
        let project = try glossaries.project(paths: [file], config: config) { try decisions.load(for: [file]) }
        let document = try loadDocument(file)
        let cleaning = project.clean(document)
        let cleaned = cleaning.cleaned
        if inPlace {
            do {
                try AtomicFile.write(Array(cleaned.text.utf8), to: file)
            } catch {
                printError(error.description)
                throw ExitCode(2)
            }
            printError("\(file): \(cleaned.applied.count) fix(es) applied")
            if project.decisions != nil, let fixed = try? Document.load(path: file) {
                try decisions.store(project.carriedOver(cleaning, from: document, to: fixed), for: [file])
            }
        } else {
            let output = StandardOutput()
            output.write(cleaned.text)
            output.flush()
        }
    }
}
