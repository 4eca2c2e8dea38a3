import ArgumentParser
import RXText

/// `rxtext glossary check|find`: for the people who keep the glossaries.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Check the glossaries, look up what a surface form resolves to, or suggest missing drivers.",
        subcommands: [Check.self, Find.self, Suggest.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a glossary directory; errors as file:line:column.")

        @Argument(help: "The glossary directory (default: the one rxtext uses).")
        var directory: String?

        func run() throws {
            let path = try GlossaryOptions.resolve(directory)
            let glossary = try GlossaryOptions.loadUncached(path)
            let lexicon = Engine(glossary, english: EnglishWords.load(glossaries: path)).lexicon
            print(
                "\(path): ok — \(glossary.drivers.count) drivers, \(glossary.venues.count) venues, \(glossary.countries.count) countries, "
                    + "\(glossary.classes.count) classes, \(glossary.championships.count) championships, \(glossary.teams.count) teams, "
                    + "\(glossary.cars.count) cars, \(glossary.calendars.count) calendars, \(glossary.calques.count) calques, "
                    + "\(glossary.spellings.count) spellings, \(lexicon.phraseCount) phrases compiled")
        }
    }

    struct Find: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which entries a word or phrase resolves to, and why.")

        @Argument(help: "A surface form, e.g. \"Baciuska\" or \"prize pool\".")
        var term: String

        @OptionGroup var glossaries: GlossaryOptions

        func run() throws {
            let explanations = try glossaries.engine().lexicon.explain(term)
            if explanations.isEmpty {
                print("'\(term)': no glossary entry")
                throw ExitCode(1)
            }
            for line in explanations { print(line) }
        }
    }
}

extension GlossaryCommand {
    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the driver names a corpus uses that the glossary does not know, as YAML entries.",
            discussion: """
                Reads every .txt file under the given paths as the results reader does and prints, most \
                named first, each unknown driver with its mention count, the nationality the text gives \
                and the first sentence naming it. Exit status: 0 (1 if a file could not be read).
                """)

        @Argument(help: "Files or directories of articles.")
        var paths: [String]

        @OptionGroup var glossaries: GlossaryOptions

        func run() throws {
            let engine = try glossaries.engine()
            let (files, problems) = FileDiscovery(include: ["*.txt"]).files(for: paths)
            var failed = !problems.isEmpty
            for (path, reason) in problems { printError("\(path): \(reason)") }
            var suggestions = GlossarySuggestions()
            let annotator = Annotator(lexicon: engine.lexicon)
            for file in files {
                do {
                    suggestions.add(annotator.annotate(try Document.load(path: file)))
                } catch {
                    printError(error.description)
                    failed = true
                }
            }
            print(suggestions.yaml(files: files.count), terminator: "")
            if failed { throw ExitCode(1) }
        }
    }
}

/// `--glossaries DIR` and the loading every command shares.
struct GlossaryOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Glossary directory (default: $RXTEXT_GLOSSARIES, then beside the executable, then ./glossaries).")
    var glossaries: String?

    /// The glossaries, configurations, rules and decisions for `paths` (`Project`); a broken
    /// configuration or glossary is printed and exits 2.
    func project(
        paths: [String], config: String? = nil, decisions: () throws -> DecisionSet? = { nil }
    ) throws -> Project {
        let project: Project
        do {
            project = try Project(paths: paths, glossaries: glossaries, configuration: config, decisions: decisions)
        } catch let error as Project.SetupError {
            printError(error.description)
            throw ExitCode(2)
        }
        // Once per process: the commands make one project.
        if let note = project.engine.rules.unavailableNote { printError(note) }
        return project
    }

    /// The glossaries alone, with no configuration (`glossary find`, `score`).
    func engine() throws -> Engine { try project(paths: []).engine }

    static func resolve(_ explicit: String?) throws -> String {
        guard let path = GlossaryLocator.locate(explicit: explicit) else {
            printError(Project.SetupError.noGlossaryDirectory(explicit: explicit).description)
            throw ExitCode(2)
        }
        return path
    }

    /// The glossary in `path` read from its YAML (`glossary check`: checking it is the point).
    static func loadUncached(_ path: String) throws -> Glossary {
        do {
            return try GlossaryLoader().load(directory: path)
        } catch {
            printError(Project.SetupError.glossaries(error).description)
            throw ExitCode(2)
        }
    }
}
