import Foundation
import FuzzDriver
import RXText

// libFuzzer target: arbitrary bytes as a glossary YAML file, beside a minimal countries file.
// Loading may succeed or fail with GlossaryErrors; it must not crash or hang.

/// `Fuzz/glossary-countries.yaml`, read once: enough for the fuzzed file's references to resolve.
private let countries: String = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("glossary-countries.yaml").path
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        fatalError("FuzzGlossary: cannot read \(path)")
    }
    return text
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGlossary(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    do {
        let glossary = try GlossaryLoader().load(files: [("countries.yaml", countries), ("fuzz.yaml", text)])
        // A glossary that loads must also compile.
        _ = Engine(glossary, english: EnglishWords(text: ""))
    } catch {
        // Every problem reported as file:line:column is a correct answer.
        _ = String(describing: error)
    }
    return 0
}

@_cdecl("FuzzGlossary_main")
public func fuzzGlossaryMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    _ = countries  // read before the first input
    return runLibFuzzer(argc, argv, fuzzGlossary)
}
