/// Why a file could not be read as an article. Every case names the file and, where one exists,
/// the byte offset and line:column of the problem.
public struct DocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case notFound
        case isDirectory
        case unreadable(String)
        case invalidUTF8(offset: Int, position: SourcePosition)
        case binary(offset: Int)
        case utf16(bigEndian: Bool, hasBOM: Bool)
        case utf32(bigEndian: Bool, hasBOM: Bool)
        case tooLarge(bytes: Int)
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// The byte offset the problem is at, if it has one.
    public var offset: Int? {
        switch reason {
        case .invalidUTF8(let offset, _), .binary(let offset): offset
        default: nil
        }
    }

    public var message: String {
        switch reason {
        case .notFound:
            return "no such file"
        case .isDirectory:
            return "is a directory, expected a text file"
        case .unreadable(let why):
            return "cannot read: \(why)"
        case .invalidUTF8(let offset, let position):
            return "invalid UTF-8 at byte \(offset) (line \(position.line), column \(position.column));"
                + " rxtext reads UTF-8 only"
        case .binary(let offset):
            return "binary file (NUL byte at offset \(offset)); rxtext reads UTF-8 text only"
        case .utf16(let bigEndian, let hasBOM):
            let kind = "UTF-16 \(bigEndian ? "BE" : "LE")"
            let how = hasBOM ? "byte order mark" : "NUL byte pattern, no byte order mark"
            return "file is \(kind) (detected by its \(how)); convert it first:"
                + " iconv -f UTF-16\(bigEndian ? "BE" : "LE") -t UTF-8"
        case .utf32(let bigEndian, let hasBOM):
            let order = bigEndian ? "BE" : "LE"
            let how = hasBOM ? "byte order mark" : "NUL byte pattern, no byte order mark"
            return
                "file is UTF-32 \(order) (detected by its \(how)); convert it first: iconv -f UTF-32\(order) -t UTF-8"
        case .tooLarge(let bytes):
            return "file too large (\(bytes) bytes); offsets are limited to 4 GiB"
        }
    }

    /// `path: error: message`, or `path:line:column: error: message` when there is a position.
    public var description: String {
        if case .invalidUTF8(_, let position) = reason {
            return "\(path):\(position.line):\(position.column): error: \(message)"
        }
        return "\(path): error: \(message)"
    }
}
