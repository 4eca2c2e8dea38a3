import Foundation
import RXText

// libFuzzer target: arbitrary bytes as a glossary YAML file, beside a minimal countries file.
// Loading may succeed or fail with GlossaryErrors; it must not crash or hang.

/// Enough for venues, teams, championships and nationalities in the fuzzed file to resolve.
/// (FuzzRegressionTests keeps a copy: a crash input must be replayed beside the same file.)
private let countries = """
    countries:
      - id: fi
        code: "FI"
        alpha3: FIN
        name: Finland
        adjectives: [Finnish]
        finnish: [Suomi]
      - id: "no"
        code: "NO"
        alpha3: NOR
        name: Norway
        adjectives: [Norwegian]
        finnish: [Norja]

    """

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGlossary(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    do {
        let glossary = try GlossaryLoader().load(files: [("countries.yaml", countries), ("fuzz.yaml", text)])
        // A glossary that loads must also compile.
        _ = Lexicon(glossary)
    } catch {
        // Every problem reported as file:line:column is a correct answer.
        _ = String(describing: error)
    }
    return 0
}

/// libFuzzer's `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*)(const uint8_t *, size_t))`.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("FuzzGlossary_main")
public func fuzzGlossaryMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, fuzzGlossary)
}
