import ArgumentParser
import RXText

/// `rxtext tokens FILE`: how ICU segmented a text, for developers.
struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Print the paragraphs, sentences and tokens of a file with their byte offsets."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, tsv
    }

    @Argument(help: "A UTF-8 text file.")
    var file: String

    @Option(help: "Output format: json or tsv.")
    var format: Format = .json

    func run() throws {
        let document = try loadDocument(file)
        let output = StandardOutput()
        let writer: any TokenWriter = format == .json ? JSONTokenWriter(output: output) : TSVTokenWriter(output: output)
        writer.write(document)
        output.flush()
    }
}
