import Foundation
import RXText

/// The input of the targets that read a file in windows: the first byte picks the window size
/// (64 to 1,084 bytes), the rest is the file, written to `path` and also read whole. Nil for
/// an input that is not text (the pipeline target checks those are refused) or is empty.
public struct WindowedInput {
    public let bytes: [UInt8]
    /// The file read whole, to check the windows against.
    public let whole: Document
    public let windowBytes: Int

    public init?(_ input: [UInt8], writtenTo path: String) {
        guard let first = input.first else { return nil }
        bytes = Array(input.dropFirst())
        guard let whole = try? Document(bytes: bytes, path: path),
            (try? Data(bytes).write(to: URL(fileURLWithPath: path))) != nil
        else { return nil }
        self.whole = whole
        windowBytes = 64 + 4 * Int(first)
    }
}
