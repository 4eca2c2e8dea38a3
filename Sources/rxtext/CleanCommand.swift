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

    @OptionGroup var glossaries: GlossaryOptions

    @OptionGroup var decisions: DecisionOptions

    func run() throws {
        let engine = try glossaries.engine()
        let lexicon = engine.lexicon
        let document = try loadDocument(file)
        let linter = (Configuration.find(for: file).flatMap { try? Configuration.load(path: $0) } ?? Configuration())
            .linter(from: engine.rules)
        let article = Annotator(lexicon: lexicon).annotate(document)
        let flags = linter.lint(article)
        let decisionSet = try decisions.load(for: [file])
        let decided = decisionSet?.apply(to: flags, in: document).flags ?? flags
        let cleaned = Cleaner().clean(document, flags: decided)
        if inPlace {
            do {
                try AtomicFile.write(Array(cleaned.text.utf8), to: file)
            } catch {
                printError(error.description)
                throw ExitCode(2)
            }
            printError("\(file): \(cleaned.applied.count) fix(es) applied")
            if let decisionSet, let fixed = try? Document.load(path: file) {
                let after = linter.lint(Annotator(lexicon: lexicon).annotate(fixed))
                try decisions.store(
                    decisionSet.carriedOver(from: document, flags, applied: cleaned.applied, to: fixed, after),
                    for: [file])
            }
        } else {
            let output = StandardOutput()
            output.write(cleaned.text)
            output.flush()
        }
    }
}
