import Foundation
import FuzzDriver
import FuzzLexicon
import RXText

// libFuzzer target: the streamed and the whole-file paths give the same flags (issue 21). The
// first input byte picks a window size (64 to 1,084 bytes), the rest is the file, linted once
// read whole and once as a huge file in windows of that size, with the rules that judge one
// sentence at a time. Windows this small cut sentences that a whole read holds whole, so:
//   - in every sentence of the whole read that no window cuts, the flags are the same (rule,
//     offsets, message, suggestions, fix);
//   - in a sentence a window cuts, the stream offers no safe fix the whole read does not (a
//     false capitalisation at every cut was the bug). What a window cannot see there (a
//     doubled word astride the cut) it may miss; at the shipped size a window is
//     `Segmenter.longestSentence` and both paths cut alike (`StreamedEquivalenceTests`).

/// One file per process, rewritten for each input.
private let path = NSTemporaryDirectory() + "/rxtext-fuzz-equivalence-\(getpid()).txt"

/// Rules that read more of the article than a sentence (they compare sentences, or ask whether
/// the article names motorsport or which drivers it mentions): they see one block of an article
/// at a time, and blocks fall elsewhere in a stream. (`StreamedEquivalenceTests.articleRules`.)
private let articleRules: Set<String> = [
    "pronoun.it-for-driver", "pronoun.gender-slip", "boilerplate.web-leftover", "spelling.near-glossary-term",
    "spelling.consistency", "calque.surname", "untranslated.finnish-word", "untranslated.case-ending",
]

private let sentenceLinter = shippedEngine.rules.linter(disabled: articleRules)

/// What is compared of a flag, with file offsets.
private struct FlagFacts: Hashable, CustomStringConvertible {
    var rule: String
    var start: Int
    var end: Int
    var message: String
    var suggestions: [String]
    var fix: String?
    var safe: Bool

    init(_ flag: Diagnostic, in document: Document) {
        rule = flag.rule
        start = document.fileOffset(flag.range.start)
        end = document.fileOffset(flag.range.end)
        message = flag.message
        suggestions = flag.suggestions
        fix = flag.fix?.replacement
        safe = flag.fix?.safe ?? false
    }

    var description: String { "\(rule) \(start)-\(end) \(message) fix \(fix ?? "none")\(safe ? " (safe)" : "")" }
}

private func flags(windowBytes: Int?) -> (flags: [FlagFacts], cuts: Set<Int>) {
    var options = LintOptions()
    options.jobs = 1
    options.hugeFileBytes = windowBytes == nil ? .max : 0
    options.windowBytes = windowBytes ?? options.windowBytes
    let session = LintSession(engine: shippedEngine, options: options) { _ in sentenceLinter }
    var found: [FlagFacts] = []
    var cuts: Set<Int> = []
    session.run([path], render: nil) { report, _ in
        if let error = report.error { fatalError("FuzzEquivalence: a valid file was refused: \(error)") }
        guard let document = report.document else { return }
        if let window = document.window, window.continuesSentence { cuts.insert(window.offset) }
        found += report.flags.map { FlagFacts($0, in: document) }
    }
    return (found, cuts)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEquivalence(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let input = WindowedInput(fuzzInput(data, size), writtenTo: path) else { return 0 }
    let read = flags(windowBytes: nil).flags
    let (streamed, cuts) = flags(windowBytes: input.windowBytes)
    // The whole read's sentences, and whether a window cuts each.
    var sentences: [(range: ByteRange, cut: Bool)] = []
    Segmenter().forEachSentence(in: input.whole, tokenize: false) { _, sentence in
        let range = sentence.range
        sentences.append((range, cuts.contains { range.start < $0 && $0 < range.end }))
    }
    func sentence(of flag: FlagFacts) -> Int? {
        sentences.firstIndex { $0.range.start <= flag.start && flag.end <= $0.range.end }
    }
    func held(_ flag: FlagFacts) -> Bool { sentence(of: flag).map { !sentences[$0].cut } ?? false }
    let heldRead = read.filter(held)
    let heldStreamed = streamed.filter(held)
    if heldRead != heldStreamed {
        fatalError(
            "FuzzEquivalence: in sentences no window cuts, read whole: \(heldRead.filter { !heldStreamed.contains($0) }), "
                + "streamed: \(heldStreamed.filter { !heldRead.contains($0) })")
    }
    let offered = Set(read.filter(\.safe))
    for flag in streamed where flag.safe && !held(flag) && !offered.contains(flag) {
        fatalError("FuzzEquivalence: a safe fix only the stream offers, in a sentence a window cuts: \(flag)")
    }
    return 0
}

@_cdecl("FuzzEquivalence_main")
public func fuzzEquivalenceMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    _ = shippedEngine  // load before the first input so start-up is not timed as an input
    return runLibFuzzer(argc, argv, fuzzEquivalence)
}
