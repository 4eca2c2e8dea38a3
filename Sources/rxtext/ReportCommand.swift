import ArgumentParser
import Foundation
import RXReview
import RXText

/// `rxtext report PATH --html OUT.html`: every flagged sentence on one static page.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML page listing every flagged sentence, with counts and filters."
    )

    @Argument(help: "Files and directories.")
    var paths: [String]

    @Option(help: "The HTML file to write.")
    var html: String

    @Option(help: "Configuration file (default: the nearest .rxtext.yaml above each file).")
    var config: String?

    @OptionGroup var glossaries: GlossaryOptions

    @OptionGroup var decisions: DecisionOptions

    func run() throws {
        var records: [String: DecisionRecord] = [:]
        if let path = decisions.db ?? StoreLocation.find(for: paths) {
            for record in (try? DecisionStore(path: path).all()) ?? [] { records[record.id] = record }
        }
        let (project, reports) = try CorpusReports.lint(paths, config: config, glossaries: glossaries) {
            try decisions.load(for: paths)
        }
        let root = project.decisions?.root ?? FileManager.default.currentDirectoryPath
        let page = HTMLReport().render(reports: reports, root: root, decisions: records)
        do {
            try AtomicFile.write(Array(page.utf8), to: html)
        } catch {
            printError("\(html): error: \(error)")
            throw ExitCode(2)
        }
        let flags = reports.reduce(0) { $0 + $1.flags.count }
        printError("\(html): \(flags) flags in \(reports.count) files")
        if reports.contains(where: { $0.error != nil }) { throw ExitCode(2) }
    }
}
