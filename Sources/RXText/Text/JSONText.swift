/// Minimal JSON text building for streaming reporters (Foundation's encoder needs the whole value
/// in memory and orders keys its own way; the output contract wants a fixed, readable order).
public enum JSONText {
    /// A JSON string literal, quotes included. Works on UTF-8 bytes and copies runs that need
    /// no escaping in one go: output formatting is on the hot path of `lint`.
    public static func string(_ value: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 2)
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value` as a JSON string literal in UTF-8, quotes included.
    static func literal(_ value: String) -> [UInt8] {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return bytes
    }

    /// Appends UTF-8 bytes as a JSON string literal to a byte buffer.
    static func appendLiteral(utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        append(escaping: utf8, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `value` as a JSON string literal to a byte buffer.
    static func append(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var contiguous = value
        contiguous.withUTF8 { append(escaping: $0, to: &bytes) }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends an integer's decimal digits, without making a `String` of it (four per flag).
    static func append(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            // The magnitude of Int.min does not fit an Int: its digits come from the String.
            guard value != .min else { return bytes.append(contentsOf: String(value).utf8.dropFirst()) }
            return append(-value, to: &bytes)
        }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    private static func append(escaping source: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        var runStart = 0
        var index = 0
        func flush() {
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index])) }
        }
        while index < source.count {
            // Eight bytes at a time while none needs escaping: JSON lines quote whole sentences.
            if index + 8 <= source.count {
                let word = ByteWords.load(source, at: index)
                if !ByteWords.hasByte(below: 0x20, in: word) && !ByteWords.hasByte(UInt8(ascii: "\""), in: word)
                    && !ByteWords.hasByte(UInt8(ascii: "\\"), in: word) && !ByteWords.hasByte(0xE2, in: word)
                {
                    index += 8
                    continue
                }
            }
            let byte = source[index]
            // Most bytes need no escaping: one comparison before the switch.
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
                index += 1
                continue
            }
            var escape: [UInt8]? = nil
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = Array("\\\"".utf8)
            case UInt8(ascii: "\\"): escape = Array("\\\\".utf8)
            case 0x0A: escape = Array("\\n".utf8)
            case 0x0D: escape = Array("\\r".utf8)
            case 0x09: escape = Array("\\t".utf8)
            case 0x08: escape = Array("\\b".utf8)
            case 0x0C: escape = Array("\\f".utf8)
            case 0x00..<0x20:
                escape = Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            case 0xE2
            where index + 2 < source.count && source[index + 1] == 0x80
                && (source[index + 2] == 0xA8 || source[index + 2] == 0xA9):
                // U+2028 and U+2029 are valid JSON but break JavaScript string literals.
                escape = Array((source[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                width = 3
            default: break
            }
            if let escape {
                flush()
                bytes.append(contentsOf: escape)
                index += width
                runStart = index
            } else {
                index += 1
            }
        }
        flush()
    }

    public static func string(_ value: String?) -> String {
        value.map { string($0) } ?? "null"
    }
}
