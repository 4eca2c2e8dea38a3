/// What every command assembles before it reads an article, assembled in one place: the
/// glossaries (with the extra ones configurations name), the configurations, the rules compiled
/// once and each file's linter, and the editors' review decisions. `lint`, `lint --stdin`,
/// `extract`, `clean`, `review` and `report` all go through one, so they agree by construction.
public struct Project: Sendable {
    public let engine: Engine
    public let configurations: ConfigurationSet
    /// The answered review decisions, nil when the paths were never reviewed.
    public let decisions: DecisionSet?

    /// Why a project could not be assembled; the command line prints it and exits 2.
    public enum SetupError: Error, CustomStringConvertible {
        /// A broken `.rxtext.yaml` (or `--config`).
        case configuration(GlossaryErrors)
        /// No glossary directory among the candidates `GlossaryLocator` tried.
        case noGlossaryDirectory(explicit: String?)
        case glossaries(GlossaryErrors)

        public var description: String {
            switch self {
            case .configuration(let errors): errors.description
            case .noGlossaryDirectory(let explicit):
                "error: no glossary directory found (looked in: "
                    + "\(GlossaryLocator.candidates(explicit: explicit).prefix(4).joined(separator: ", ")), ...); "
                    + "pass --glossaries DIR or set \(GlossaryLocator.environmentVariable)"
            case .glossaries(let errors):
                errors.description
                    + "\nerror: \(errors.errors.count) glossary problem(s); fix them before running rxtext"
            }
        }
    }

    /// Reads the configurations of `paths` (or `configuration`, `--config`), then the glossary
    /// directory (`glossaries`, `--glossaries`, or where `GlossaryLocator` finds one) with the
    /// extra directories the configurations name, through `cache`; then `decisions`, which the
    /// caller loads from its store (RXText never links SQLite).
    public init(
        paths: [String], glossaries: String?, configuration: String?, cache: GlossaryCache? = .standard(),
        decisions: () throws -> DecisionSet? = { nil }
    ) throws {
        do {
            configurations = try ConfigurationSet(explicit: configuration, paths: paths)
        } catch {
            throw SetupError.configuration(error)
        }
        guard let directory = GlossaryLocator.locate(explicit: glossaries) else {
            throw SetupError.noGlossaryDirectory(explicit: glossaries)
        }
        do {
            engine = try Engine.load(directory: directory, extra: configurations.extraGlossaries, cache: cache)
        } catch {
            throw SetupError.glossaries(error)
        }
        self.decisions = try decisions()
    }

    /// A project over rules compiled already (tests, benchmarks): no configuration file is read
    /// unless `paths` find one.
    public init(engine: Engine, configurations: ConfigurationSet, decisions: DecisionSet? = nil) {
        self.engine = engine
        self.configurations = configurations
        self.decisions = decisions
    }

    /// The rules that run on `path`, as its configuration enables them and sets their severities.
    public func linter(for path: String) -> Linter {
        configurations.linter(for: path, from: engine.rules)
    }

    /// Files under `paths` that match `include` (default `*.txt`, `*.md`) and neither `exclude`
    /// nor a configuration's `ignore`.
    public func discovery(include: [String] = [], exclude: [String] = []) -> FileDiscovery {
        FileDiscovery(
            include: include.isEmpty ? FileDiscovery.defaultInclude : include, exclude: exclude + configurations.ignore)
    }

    /// Lints many files with this project's linters and decisions.
    public func session(_ options: LintOptions = LintOptions()) -> LintSession {
        var options = options
        options.decisions = decisions
        let configurations = configurations
        let rules = engine.rules
        return LintSession(engine: engine, options: options) { configurations.linter(for: $0, from: rules) }
    }

    /// Every file under `paths` linted into memory, in order, the ones that could not be read or
    /// found with their error (`review` and `report` show every flag at once).
    public func reports(for paths: [String]) -> [FileReport] {
        let (files, problems) = discovery().files(for: paths)
        var reports = problems.map { path, reason in
            FileReport(path: path, document: nil, flags: [], error: "\(path): error: \(reason)")
        }
        session().run(files) { reports.append($0) }
        return reports
    }

    /// The whole pipeline on one article (`rxtext extract`).
    /// `resultDecisions`: an editor's decisions on the article's results (`rxtext review`).
    public func extraction(
        of document: Document, minConfidence: Double = RecordBuilder.defaultMinConfidence,
        resultDecisions: ResultDecisionSet? = nil
    ) -> Extraction {
        Extraction(
            document: document, engine: engine, linter: linter(for: document.path), decisions: decisions,
            minConfidence: minConfidence, resultDecisions: resultDecisions)
    }

    /// One article's flags with the decisions applied, and the article with their safe fixes
    /// (`rxtext clean`).
    public struct Cleaning: Sendable {
        /// Every flag of the rules, before decisions: decisions carried over after a rewrite
        /// are found among these.
        public var flags: [Diagnostic]
        public var cleaned: Cleaner.Result
    }

    public func clean(_ document: Document) -> Cleaning {
        let flags = self.flags(of: document)
        let decided = decisions?.apply(to: flags, in: document).flags ?? flags
        return Cleaning(flags: flags, cleaned: Cleaner().clean(document, flags: decided))
    }

    /// Every flag of the file's rules on a whole document, before decisions.
    public func flags(of document: Document) -> [Diagnostic] {
        linter(for: document.path).lint(Annotator(lexicon: engine.lexicon).annotate(document))
    }

    /// Decisions whose flags a rewrite of `document` into `fixed` moved to new keys
    /// (`DecisionSet.carriedOver`), for the caller to store.
    public func carriedOver(_ cleaning: Cleaning, from document: Document, to fixed: Document) -> [DecisionSet.Carry] {
        guard let decisions else { return [] }
        return decisions.carriedOver(
            from: document, cleaning.flags, applied: cleaning.cleaned.applied, to: fixed, flags(of: fixed))
    }
}
