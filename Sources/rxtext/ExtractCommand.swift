import ArgumentParser
import Foundation
import RXText

/// `rxtext extract FILE`: cleaned text, flags and the race record as one JSON document.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the cleaned text, flags and race record of an article as JSON."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
    }

    @Argument(help: "An article (UTF-8 text).")
    var file: String

    @Option(help: "Output format (json).")
    var format: Format = .json

    @Flag(help: "Indent the JSON.")
    var pretty = false

    @Option(help: "Also write the cleaned text to this file.")
    var cleaned: String?

    @Option(help: "Also write the race record (JSON) to this file.")
    var record: String?

    @OptionGroup var confidence: ConfidenceOptions

    @Option(help: "Configuration file (default: the nearest .rxtext.yaml above the file).")
    var config: String?

    @OptionGroup var glossaries: GlossaryOptions

    @OptionGroup var decisions: DecisionOptions

    func run() throws {
        let project = try glossaries.project(paths: [file], config: config) { try decisions.load(for: [file]) }
        let extraction = project.extraction(
            of: try loadDocument(file), minConfidence: confidence.minConfidence,
            resultDecisions: try ResultDecisionSource.load(review: decisions.db, paths: [file]))
        do {
            if let cleaned { try AtomicFile.write(Array(extraction.cleaned.text.utf8), to: cleaned) }
            if let record {
                try AtomicFile.write(Array((extraction.record.json.render(pretty: pretty) + "\n").utf8), to: record)
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let output = StandardOutput()
        output.write(extraction.json.render(pretty: pretty) + "\n")
        output.flush()
    }
}
