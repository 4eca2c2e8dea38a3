/// Maps byte offsets to 1-based line and column (Unicode scalars) in O(log n) plus a bounded scan.
///
/// Lines end at LF, CRLF or a lone CR. Very long lines (a 50 MB single-line file) get checkpoints
/// every `checkpointStride` bytes so that a lookup never rescans the whole line.
public struct LineIndex: Sendable {
    static let checkpointStride = 1 << 12

    /// Byte offset at which each line starts; `lineStarts[0]` is the start of the text body
    /// (after a BOM).
    private let lineStarts: [UInt32]
    /// (offset, column) pairs inside long lines, sorted by offset.
    private let checkpointOffsets: [UInt32]
    private let checkpointColumns: [UInt32]

    /// The kinds of line ending the text uses.
    public let lineEndings: LineEndings

    public struct LineEndings: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let lf = LineEndings(rawValue: 1)
        public static let crlf = LineEndings(rawValue: 2)
        public static let cr = LineEndings(rawValue: 4)
    }

    public init(bytes: [UInt8], bodyStart: Int) {
        var starts: [UInt32] = [UInt32(bodyStart)]
        var offsets: [UInt32] = []
        var columns: [UInt32] = []
        var endings: LineEndings = []
        var nextCheckpoint = bodyStart + LineIndex.checkpointStride
        // The last point on this line whose column is known: the line start or a checkpoint.
        var anchorOffset = bodyStart
        var anchorColumn = 0
        var i = bodyStart
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A {
                    endings.insert(.crlf)
                    i += 1
                } else {
                    endings.insert(byte == 0x0A ? .lf : .cr)
                }
                i += 1
                starts.append(UInt32(i))
                anchorOffset = i
                anchorColumn = 0
                nextCheckpoint = i + LineIndex.checkpointStride
                continue
            }
            if i >= nextCheckpoint && byte & 0xC0 != 0x80 {
                for k in anchorOffset..<i where bytes[k] & 0xC0 != 0x80 { anchorColumn += 1 }
                anchorOffset = i
                offsets.append(UInt32(i))
                columns.append(UInt32(anchorColumn))
                nextCheckpoint = i + LineIndex.checkpointStride
            }
            i += 1
        }
        self.lineStarts = starts
        self.checkpointOffsets = offsets
        self.checkpointColumns = columns
        self.lineEndings = endings
    }

    public var lineCount: Int { lineStarts.count }

    /// The byte offset where the given 1-based line starts.
    public func startOfLine(_ line: Int) -> Int { Int(lineStarts[line - 1]) }

    /// The 1-based line and column of `offset`, which must be a scalar boundary in `bytes`.
    public func position(of offset: Int, in bytes: [UInt8]) -> SourcePosition {
        let lineIndex = max(0, Self.lastIndex(in: lineStarts, notAfter: offset))
        let lineStart = Int(lineStarts[lineIndex])
        var from = lineStart
        var column = 0
        let checkpoint = Self.lastIndex(in: checkpointOffsets, notAfter: offset)
        if checkpoint >= 0, Int(checkpointOffsets[checkpoint]) >= lineStart {
            from = Int(checkpointOffsets[checkpoint])
            column = Int(checkpointColumns[checkpoint])
        }
        var k = from
        let end = min(offset, bytes.count)
        while k < end {
            if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return SourcePosition(line: lineIndex + 1, column: column + 1)
    }

    /// Index of the last element <= value, or -1 (binary search over a sorted array).
    private static func lastIndex(in sorted: [UInt32], notAfter value: Int) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if Int(sorted[mid]) <= value { low = mid + 1 } else { high = mid }
        }
        return low - 1
    }
}

/// Positions for offsets visited in increasing order (streaming output): each step scans only
/// the bytes since the previous offset, so a whole file costs one pass.
public struct PositionCursor {
    private let document: Document
    private var offset: Int
    private var position: SourcePosition

    public init(_ document: Document) {
        self.document = document
        offset = document.bodyStart
        position = document.window?.position ?? SourcePosition(line: 1, column: 1)
    }

    public mutating func position(of target: Int) -> SourcePosition {
        // Going backwards, or far ahead (the first flag of one block of a huge file): the index
        // finds it without scanning everything in between.
        guard target >= offset && target - offset <= LineIndex.checkpointStride else {
            position = document.position(of: target)
            offset = target
            return position
        }
        let bytes = document.bytes
        var line = position.line
        var column = position.column
        var index = offset
        while index < target {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        offset = target
        position = SourcePosition(line: line, column: column)
        return position
    }
}
