import ArgumentParser
import Foundation
import RXText

/// `rxtext score PATH...`: extract every article that has a reference annotation beside it and
/// measure flags and results against it, per article and pooled.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Measure extract against reference annotations (NAME.json or expected/NAME.gold.json).",
        discussion: """
            Each PATH is an article (.txt) or a folder of them, searched recursively; an article \
            without a gold file is skipped with a note on standard error. Exit status 0 when every \
            gold file was read, 2 when one could not be.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Articles or folders of articles.")
    var paths: [String]

    @Option(help: "Output format (text, json).")
    var format: Format = .text

    @Flag(help: "List each missed and each unsupported result.")
    var verbose = false

    @OptionGroup var confidence: ConfidenceOptions

    @OptionGroup var glossaries: GlossaryOptions

    func run() throws {
        let engine = try glossaries.engine()
        // Folders are searched as lint and records search them; a path that is not there stops
        // the run before anything is scored.
        let (articles, missing) = FileDiscovery(include: ["*.txt"]).files(for: paths)
        for (path, reason) in missing { printError("\(path): error: \(reason)") }
        if !missing.isEmpty { throw ExitCode(2) }
        var total = GoldScore()
        var rows: [(String, GoldScore)] = []
        var failed = false
        for article in articles {
            guard let gold = GoldScorer.goldPath(for: article) else {
                printError("\(article): no gold file beside it (NAME.json or expected/NAME.gold.json); skipped")
                continue
            }
            let document = try loadDocument(article)
            do {
                let score = try GoldScorer.score(
                    Extraction(document: document, engine: engine, minConfidence: confidence.minConfidence),
                    goldPath: gold)
                rows.append((article, score))
                total = total + score
            } catch {
                printError("error: \(error)")
                failed = true
            }
        }
        let output = StandardOutput()
        switch format {
        case .text:
            for (article, score) in rows {
                output.write(Self.line((article as NSString).lastPathComponent, score) + "\n")
                if verbose {
                    for missed in score.missedResults { output.write("  missed: \(missed)\n") }
                    for wrong in score.wrongResults { output.write("  unsupported: \(wrong)\n") }
                }
            }
            output.write(Self.line("all \(rows.count)", total) + "\n")
        case .json:
            let objects = rows.map { Self.json($0.0, $0.1) } + [Self.json("all", total)]
            output.write(JSONValue.array(objects).render(pretty: true) + "\n")
        }
        output.flush()
        if failed { throw ExitCode(2) }
    }

    static func line(_ name: String, _ score: GoldScore) -> String {
        "\(name): results recall \(score.requiredResultsMatched)/\(score.requiredResults), "
            + "precision \(score.resultsRight)/\(score.results); flags recall "
            + "\(score.requiredFlagsHit)/\(score.requiredFlags), precision \(score.flags - score.falseAlarms)/\(score.flags)"
    }

    static func json(_ name: String, _ score: GoldScore) -> JSONValue {
        .object([
            ("article", .string(name)),
            ("results_required", .int(score.requiredResults)), ("results_recalled", .int(score.requiredResultsMatched)),
            ("results", .int(score.results)), ("results_right", .int(score.resultsRight)),
            ("flags_required", .int(score.requiredFlags)), ("flags_hit", .int(score.requiredFlagsHit)),
            ("flags", .int(score.flags)), ("false_alarms", .int(score.falseAlarms)),
        ])
    }
}
