/// A half-open range of UTF-8 byte offsets into the original file: `start` inclusive, `end`
/// exclusive. Offsets always count the file's own bytes, BOM and CRLF included, so that editors
/// and scripts can slice the file they have.
public struct ByteRange: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "ByteRange start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    public var count: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    public func contains(_ other: ByteRange) -> Bool { other.start >= start && other.end <= end }
    public func overlaps(_ other: ByteRange) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: ByteRange, rhs: ByteRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "[\(start),\(end))" }
}

/// A 1-based line and column; the column counts Unicode scalars from the start of the line.
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position that `relative` (counted from line 1, column 1) is when counting starts here
    /// instead: the same column on this line, or the later line as it is.
    func advanced(by relative: SourcePosition) -> SourcePosition {
        relative.line == 1
            ? SourcePosition(line: line, column: column + relative.column - 1)
            : SourcePosition(line: line + relative.line - 1, column: relative.column)
    }

    public var description: String { "\(line):\(column)" }
}
