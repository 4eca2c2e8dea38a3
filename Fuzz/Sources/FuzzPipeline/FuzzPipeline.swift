import Foundation
import FuzzDriver
import RXText

// libFuzzer target: arbitrary bytes through the whole `rxtext extract` pipeline.
// Built with `-sanitize=fuzzer,address -parse-as-library -use-ld=lld` (see ../../run.sh).

/// The shipped glossaries: `$RXTEXT_GLOSSARIES`, else `glossaries/` of the checkout this file is in.
private let glossaryDirectory: String = {
    if let fromEnvironment = ProcessInfo.processInfo.environment[GlossaryLocator.environmentVariable],
        !fromEnvironment.isEmpty
    {
        return fromEnvironment
    }
    // Fuzz/Sources/FuzzPipeline/FuzzPipeline.swift -> the repository root.
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    let directory = url.appendingPathComponent("glossaries").path
    // The English word list is found through the same variable.
    setenv(GlossaryLocator.environmentVariable, directory, 1)
    return directory
}()

/// Compiled once per process, like the CLI does.
private let lexicon: Lexicon = {
    do {
        return Lexicon(try GlossaryLoader().load(directory: glossaryDirectory))
    } catch {
        fatalError("FuzzPipeline: cannot load the glossaries in \(glossaryDirectory): \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    // A DocumentError (invalid UTF-8, NUL, UTF-16) is a correct answer, not a finding.
    _ = try? Extraction.render(bytes: bytes, path: "fuzz.txt", lexicon: lexicon)
    return 0
}

/// SwiftPM links an executable's entry point as `<module>_main`; `-parse-as-library` emits none.
@_cdecl("FuzzPipeline_main")
public func fuzzPipelineMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    _ = lexicon  // load before the first input so start-up is not timed as an input
    return runLibFuzzer(argc, argv, fuzzPipeline)
}
