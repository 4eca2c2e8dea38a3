import Foundation
import FuzzDriver
import FuzzLexicon
import RXText

// libFuzzer target: arbitrary bytes as a huge file read in small windows (`HugeFileWindows`).
// The first input byte picks the window size (64 to 1,084 bytes), the rest is the file. Whatever
// the cuts, every reported flag must point at the file: its offsets, line and column and text
// are checked against the file read whole.

/// One file per process, rewritten for each input.
private let path = NSTemporaryDirectory() + "/rxtext-fuzz-windows-\(getpid()).txt"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWindows(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let input = WindowedInput(fuzzInput(data, size), writtenTo: path) else { return 0 }
    let (bytes, whole) = (input.bytes, input.whole)
    var options = LintOptions()
    options.jobs = 1
    options.hugeFileBytes = 0
    options.windowBytes = input.windowBytes
    let session = LintSession(engine: shippedEngine, options: options) { _ in shippedEngine.linter }
    session.run([path], render: nil) { report, _ in
        if let error = report.error { fatalError("FuzzWindows: a valid file was refused: \(error)") }
        guard let window = report.document else { return }
        for flag in report.flags {
            let start = window.fileOffset(flag.range.start)
            let end = window.fileOffset(flag.range.end)
            guard start >= 0, start <= end, end <= bytes.count,
                Array(bytes[start..<end]) == Array(window.bytes[flag.range.start..<flag.range.end]),
                window.position(of: flag.range.start) == whole.position(of: start),
                window.position(of: flag.range.end) == whole.position(of: end)
            else {
                fatalError("FuzzWindows: flag \(flag.rule) at \(flag.range) of a window does not point at the file")
            }
        }
    }
    return 0
}

@_cdecl("FuzzWindows_main")
public func fuzzWindowsMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    _ = shippedEngine  // load before the first input so start-up is not timed as an input
    return runLibFuzzer(argc, argv, fuzzWindows)
}
