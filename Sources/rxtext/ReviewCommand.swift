import ArgumentParser
import Foundation
import RXReview
import RXText

/// `rxtext review PATH...`: walk the flags in a browser; decisions kept in SQLite.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review flags in the browser: accept, edit or reject each; decisions are kept in SQLite.",
        discussion: """
            Serves a page on 127.0.0.1 and prints its URL (with a per-run token). Keys: a or 1-9 accept a \
            suggestion, e edit, r reject, s skip, u undo, j/k next/previous flag, v summary (with each \
            driver's season as a timeline), \
            t results (g there adds a driver no glossary knows to the house glossary .rxtext.yaml names). \
            Decisions go to .rxtext/review.sqlite \
            beside the corpus (or --db), one transaction each; lint, clean and extract honour them.
            """
    )

    @Argument(help: "Files and directories to review.")
    var paths: [String] = []

    @Option(help: "Port on 127.0.0.1 (default: a free port).")
    var port: Int = 0

    @Flag(help: "Open the page in the default browser.")
    var open = false

    @Flag(help: "Print decision counts and each rule's precision, then exit.")
    var status = false

    @Option(name: .customLong("export"), help: "Write every decision to this JSON-lines file, then exit.")
    var exportPath: String?

    @Option(name: .customLong("import"), help: "Add the decisions of a JSON-lines export, then exit.")
    var importPath: String?

    @Option(help: "Write each verified article (every result decided) as a gold file into this directory, then exit.")
    var exportGold: String?

    @Option(help: "Configuration file (default: the nearest .rxtext.yaml above each file).")
    var config: String?

    @OptionGroup var glossaries: GlossaryOptions

    @OptionGroup var decisions: DecisionOptions

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0 to 65535") }
        let modes = [status, exportPath != nil, importPath != nil, exportGold != nil].filter { $0 }.count
        if modes > 1 { throw ValidationError("give one of --status, --export, --import and --export-gold") }
        if (modes == 0 || exportGold != nil) && paths.isEmpty {
            throw ValidationError("give the files or directories to review")
        }
    }

    func run() async throws {
        let storePath = decisions.db ?? StoreLocation.forReview(paths.isEmpty ? ["."] : paths)
        if (status || exportPath != nil || exportGold != nil) && !FileManager.default.fileExists(atPath: storePath) {
            let reviewed =
                paths.isEmpty ? "the reviewed folder (rxtext review --status corpus/)" : "rxtext review PATH first"
            printError(
                "\(storePath): error: no review decisions here; give \(reviewed), or --db")
            throw ExitCode(2)
        }
        let store: DecisionStore
        do {
            store = try DecisionStore(path: storePath)
        } catch {
            printError("\(storePath): error: \(error)")
            throw ExitCode(2)
        }
        if status {
            try printStatus(store)
            return try printResultStatus(store)
        }
        if let exportGold { return try exportGoldFiles(store, to: exportGold) }
        if let exportPath { return try export(store, to: exportPath) }
        if let importPath { return try importDecisions(importPath, into: store) }
        try await serve(store)
    }

    private func serve(_ store: DecisionStore) async throws {
        let (project, catalog, documents) = try lint(root: store.root)
        let api = ReviewAPI(catalog: catalog, store: store)
        // The results read with the house glossaries too, and again once the page adds a driver.
        let (paths, config, glossaryDirectory) = (paths, config, glossaries.glossaries)
        let results = ResultsAPI(
            documents: documents, store: store, engine: project.engine,
            house: try houseGlossary(project),
            reload: {
                try Project(paths: paths, glossaries: glossaryDirectory, configuration: config).engine
            })
        let server = ReviewServer(api: api, results: results)
        let summary = try api.summary()
        let openBrowser = open
        // The banner comes once the port is bound: a port in use is an error, not a server.
        let banner =
            "rxtext review: \(catalog.count) flags in \(catalog.files.count) files, \(summary.answered) answered; "
            + "decisions in \(store.path). Ctrl-C stops the server; answers are saved as you go."
        do {
            try await server.run(port: port) { bound in
                printError(banner)
                let url = "http://127.0.0.1:\(bound)/?token=\(server.token)"
                let output = StandardOutput()
                output.write("\(url)\n")
                output.flush()
                if openBrowser { Self.openInBrowser(url) }
            }
        } catch  where ServerStartError.isAddressInUse(error) {
            printError(
                "rxtext review: error: port \(port) on 127.0.0.1 is in use; choose another with --port, or leave "
                    + "--port out for a free one")
            throw ExitCode(2)
        }
    }

    /// The flags as the catalog keeps them, and the documents; the reports themselves (every
    /// flag's diagnostic a second time) are let go before the results are read.
    private func lint(root: String) throws -> (Project, ReviewCatalog, [Document]) {
        let (project, reports) = try CorpusReports.lint(paths, config: config, glossaries: glossaries) { nil }
        return (project, ReviewCatalog(reports: reports, root: root), reports.compactMap(\.document))
    }

    /// The house glossary the configurations name, where the page adds drivers; with none, the
    /// page is told which `.rxtext.yaml` to name one in.
    private func houseGlossary(_ project: Project) throws -> HouseGlossary {
        let base = try GlossaryOptions.resolve(glossaries.glossaries)
        let found = config ?? paths.lazy.compactMap { Configuration.find(for: $0) }.first
        // Where a new one would go: the first reviewed folder (or a file's folder).
        let folder = paths.first.map { path -> String in
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                return path
            }
            return path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        }
        let configuration = found ?? (folder ?? ".") + "/" + Configuration.fileName
        return HouseGlossary(
            base: base, extra: project.configurations.extraGlossaries, configuration: configuration)
    }

    private func export(_ store: DecisionStore, to path: String) throws {
        do {
            let count = try DecisionExchange.export(store, to: path)
            printError("\(path): \(count) decisions exported")
        } catch {
            printError("\(path): error: \(error)")
            throw ExitCode(2)
        }
    }

    private func importDecisions(_ path: String, into store: DecisionStore) throws {
        do {
            let count = try DecisionExchange.import(path, into: store)
            printError("\(path): \(count) decisions imported into \(store.path)")
        } catch let error as DecisionExchange.ImportError {
            printError(error.description)
            throw ExitCode(2)
        }
    }

    private func printStatus(_ store: DecisionStore) throws {
        let records = try store.all()
        var counts: [DecisionAction: Int] = [:]
        for record in records { counts[record.action, default: 0] += 1 }
        print(
            "\(store.path): \(records.count) decisions: \(counts[.accept] ?? 0) accepted, \(counts[.edit] ?? 0) edited, "
                + "\(counts[.reject] ?? 0) rejected, \(counts[.skip] ?? 0) skipped")
        let table = RulePrecision.table(records)
        guard !table.isEmpty else { return }
        let width = max(4, table.map(\.rule.count).max() ?? 4)
        func pad(_ text: String, _ count: Int, left: Bool = false) -> String {
            let space = String(repeating: " ", count: max(0, count - text.count))
            return left ? text + space : space + text
        }
        print(pad("rule", width, left: true) + "  accepted  edited  rejected  skipped  precision")
        for row in table {
            let precision = row.precision.map { String(format: "%.0f%%", $0 * 100) } ?? "-"
            print(
                pad(row.rule, width, left: true) + pad(String(row.accepted), 10) + pad(String(row.edited), 8)
                    + pad(String(row.rejected), 10) + pad(String(row.skipped), 9) + pad(precision, 11))
        }
    }

    private static func openInBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            printError("rxtext review: could not open a browser (\(error)); open the URL above by hand")
        }
    }
}
