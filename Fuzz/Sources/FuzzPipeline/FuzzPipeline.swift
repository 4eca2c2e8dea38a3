import Foundation
import FuzzDriver
import FuzzLexicon
import RXText

// libFuzzer target: arbitrary bytes through the whole `rxtext extract` pipeline.
// Built with `-sanitize=fuzzer,address -parse-as-library -use-ld=lld` (see ../../run.sh).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    // A DocumentError (invalid UTF-8, NUL, UTF-16) is a correct answer, not a finding.
    _ = try? Extraction.render(bytes: bytes, path: "fuzz.txt", engine: shippedEngine)
    return 0
}

/// SwiftPM links an executable's entry point as `<module>_main`; `-parse-as-library` emits none.
@_cdecl("FuzzPipeline_main")
public func fuzzPipelineMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    _ = shippedEngine  // load before the first input so start-up is not timed as an input
    return runLibFuzzer(argc, argv, fuzzPipeline)
}
