#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// Every file of a run is indexed, so lines are found with `memchr` (a text without CR,
    /// nearly all of them) or a byte test, and only lines longer than `checkpointStride` are
    /// walked character by character.
    public init(bytes: [UInt8], bodyStart: Int) {
        var starts: [UInt32] = [UInt32(bodyStart)]
        var offsets: [UInt32] = []
        var columns: [UInt32] = []
        var endings: LineEndings = []
        bytes.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            guard let base = buffer.baseAddress, bodyStart < n else { return }
            let hasCR = memchr(base + bodyStart, 0x0D, n - bodyStart) != nil
            var lineStart = bodyStart
            while true {
                var end = n
                if hasCR {
                    end = lineStart
                    while end < n && buffer[end] != 0x0A && buffer[end] != 0x0D { end += 1 }
                } else if let found = memchr(base + lineStart, 0x0A, n - lineStart) {
                    end = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                }
                if end - lineStart > LineIndex.checkpointStride {
                    Self.addCheckpoints(in: lineStart..<end, of: buffer, offsets: &offsets, columns: &columns)
                }
                guard end < n else { break }
                if buffer[end] == 0x0D && end + 1 < n && buffer[end + 1] == 0x0A {
                    endings.insert(.crlf)
                    lineStart = end + 2
                } else {
                    endings.insert(buffer[end] == 0x0A ? .lf : .cr)
                    lineStart = end + 1
                }
                starts.append(UInt32(lineStart))
            }
        }
        self.lineStarts = starts
        self.checkpointOffsets = offsets
        self.checkpointColumns = columns
        self.lineEndings = endings
    }

    /// A checkpoint at the first character at least `checkpointStride` bytes after the line
    /// start or the previous checkpoint, with its column counted from the line start.
    private static func addCheckpoints(
        in line: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>, offsets: inout [UInt32], columns: inout [UInt32]
    ) {
        var column = 0
        var anchor = line.lowerBound
        var next = anchor + checkpointStride
        while next < line.upperBound {
            var offset = next
            while offset < line.upperBound && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            guard offset < line.upperBound else { return }
            for k in anchor..<offset where bytes[k] & 0xC0 != 0x80 { column += 1 }
            offsets.append(UInt32(offset))
            columns.append(UInt32(column))
            anchor = offset
            next = offset + checkpointStride
        }
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
        var line = position.line
        var column = position.column
        var index = offset
        document.bytes.withUnsafeBufferPointer { bytes in
            while index < target {
                // Eight bytes with no line break at a time: a column per byte that does not
                // continue a character (10xxxxxx). Every byte up to the last flag of every file
                // passes here.
                if index + 8 <= target {
                    let word = ByteWords.load(bytes, at: index)
                    if !ByteWords.hasByte(0x0A, in: word) && !ByteWords.hasByte(0x0D, in: word) {
                        let continuations = word & ~(word << 1) & ByteWords.highBits
                        column += 8 - continuations.nonzeroBitCount
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                index += 1
            }
        }
        offset = target
        position = SourcePosition(line: line, column: column)
        return position
    }
}
