import ArgumentParser
import RXText

/// `--min-confidence`, shared by the commands that build race records (extract, records,
/// score), so that its help, default and range are said once.
struct ConfidenceOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Leave out results read with less confidence than this (0-1).", valueName: "confidence"))
    var minConfidence: Double = RecordBuilder.defaultMinConfidence

    func validate() throws {
        guard (0...1).contains(minConfidence) else {
            throw ValidationError("--min-confidence must be between 0 and 1, not \(minConfidence)")
        }
    }
}
