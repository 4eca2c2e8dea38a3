import Foundation

/// Standard input split into lines of raw bytes: `readLine` would replace invalid UTF-8 with
/// U+FFFD before rxtext could refuse it, and `lint --stdin` answers such a line with an error.
struct StdinLines {
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private let descriptor: Int32

    init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
    }

    /// The next line without its "\n" (or "\r\n"); nil at the end of input. A last line without a
    /// newline is still a line.
    mutating func next() -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[start..<end])
                start = newline + 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            // Keep only the unread part before reading more.
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer += chunk[..<count]
            } else if count == 0 || errno != EINTR {
                atEnd = true
            }
        }
    }
}

/// The JSON text of the `id` member of a JSON object, as the input spelled it, found by walking
/// the object's top level (strings, numbers, literals, nested objects and arrays skipped by their
/// delimiters). Nil when the text is not an object or has no `id`.
enum RawJSONMember {
    static func text(of member: String, in bytes: [UInt8]) -> String? {
        var index = 0
        func skipSpace() {
            while index < bytes.count && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }
        /// Past a string starting at `index` (at its quote); false if it does not end.
        func skipString() -> Bool {
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case 0x5C: index += 2
                case 0x22:
                    index += 1
                    return true
                default: index += 1
                }
            }
            return false
        }
        /// Past one value; false on text that is not one.
        func skipValue() -> Bool {
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case 0x22: return skipString()
            case 0x7B, 0x5B:
                var depth = 0
                while index < bytes.count {
                    switch bytes[index] {
                    case 0x22:
                        if !skipString() { return false }
                        continue
                    case 0x7B, 0x5B: depth += 1
                    case 0x7D, 0x5D:
                        depth -= 1
                        if depth == 0 {
                            index += 1
                            return true
                        }
                    default: break
                    }
                    index += 1
                }
                return false
            default:
                let start = index
                while index < bytes.count && ![0x2C, 0x7D, 0x5D, 0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
                    index += 1
                }
                return index > start
            }
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == 0x7B else { return nil }
        index += 1
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x22 else { return nil }
            let keyStart = index
            guard skipString() else { return nil }
            let key =
                (try? JSONSerialization.jsonObject(
                    with: Data(bytes[keyStart..<index]), options: [.fragmentsAllowed])) as? String
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x3A else { return nil }
            index += 1
            skipSpace()
            let valueStart = index
            guard skipValue() else { return nil }
            if key == member { return String(validating: bytes[valueStart..<index], as: UTF8.self) }
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x2C else { return nil }
            index += 1
        }
    }
}
