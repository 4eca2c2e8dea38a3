import Foundation
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
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    // A DocumentError (invalid UTF-8, NUL, UTF-16) is a correct answer, not a finding.
    _ = try? Extraction.render(bytes: bytes, path: "fuzz.txt", lexicon: lexicon)
    return 0
}

/// libFuzzer's `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*)(const uint8_t *, size_t))`.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's entry point as `<module>_main`; `-parse-as-library` emits none.
@_cdecl("FuzzPipeline_main")
public func fuzzPipelineMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    _ = lexicon  // load before the first input so start-up is not timed as an input
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, fuzzPipeline)
}
