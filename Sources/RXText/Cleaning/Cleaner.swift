/// Applies safe fixes to an article's bytes. Fixes never overlap: when two would, the later one
/// is skipped and reported. Boilerplate removal is an empty replacement of its whole paragraph,
/// and the blank lines it leaves are collapsed.
public struct Cleaner: Sendable {
    public struct Result: Sendable {
        public var text: String
        public var applied: [Diagnostic]
        /// Safe fixes not applied because they overlapped an applied one.
        public var skipped: [Diagnostic]
    }

    public init() {}

    public func clean(_ document: Document, flags: [Diagnostic]) -> Result {
        let fixes = flags.filter { $0.fix?.safe == true }.sorted {
            ($0.range.start, $0.range.end) < ($1.range.start, $1.range.end)
        }
        var output: [UInt8] = []
        output.reserveCapacity(document.bytes.count)
        var cursor = document.bodyStart
        var applied: [Diagnostic] = []
        var skipped: [Diagnostic] = []
        for flag in fixes {
            guard flag.range.start >= cursor else {
                skipped.append(flag)
                continue
            }
            output += document.bytes[cursor..<flag.range.start]
            output += Array(flag.fix!.replacement.utf8)
            cursor = flag.range.end
            applied.append(flag)
        }
        output += document.bytes[cursor...]
        let text = Self.collapsingBlankLines(String(decoding: ICU.nfc(output), as: UTF8.self))
        return Result(text: text, applied: applied, skipped: skipped)
    }

    /// Removed paragraphs leave runs of blank lines; keep at most one, and no trailing ones.
    static func collapsingBlankLines(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines: [Substring] = []
        var blank = 0
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                blank += 1
                if blank > 1 { continue }
                lines.append("")
            } else {
                blank = 0
                lines.append(line)
            }
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
