/// Small decoding helpers over validated UTF-8 bytes.
enum UTF8Scalars {
    /// The scalar starting at `offset`, or nil past the end.
    static func scalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard offset < bytes.count else { return nil }
        let lead = bytes[offset]
        let length = sequenceLength(lead)
        guard offset + length <= bytes.count else { return nil }
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<length { value = (value << 6) | UInt32(bytes[offset + k] & 0x3F) }
        return Unicode.Scalar(value)
    }

    static func scalar(at offset: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        bytes.withUnsafeBufferPointer { scalar(at: offset, in: $0) }
    }

    /// The scalar ending just before `end` and its start offset.
    static func scalar(before end: Int, in bytes: [UInt8]) -> (Unicode.Scalar, Int)? {
        guard end > 0 else { return nil }
        var start = end - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start, in: bytes).map { ($0, start) }
    }

    /// Space, tab and the line and page breaks (U+0009 to U+000D).
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// A-Z.
    static func isASCIIUppercase(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// A-Z lowered, every other byte as it is: the case fold of ASCII.
    static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        isASCIIUppercase(byte) ? byte | 0x20 : byte
    }

    /// Letter case of the scalar at `offset`, with ASCII answered without a property lookup.
    static func isUppercase(at offset: Int, in bytes: [UInt8]) -> Bool {
        guard offset < bytes.count else { return false }
        let lead = bytes[offset]
        if lead < 0x80 { return isASCIIUppercase(lead) }
        return scalar(at: offset, in: bytes)?.properties.isUppercase ?? false
    }

    static func isLowercase(at offset: Int, in bytes: [UInt8]) -> Bool {
        guard offset < bytes.count else { return false }
        let lead = bytes[offset]
        if lead < 0x80 { return lead >= 0x61 && lead <= 0x7A }
        return scalar(at: offset, in: bytes)?.properties.isLowercase ?? false
    }

    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: 1
        case 0xC0..<0xE0: 2
        case 0xE0..<0xF0: 3
        default: 4
        }
    }

    /// Byte width of the whitespace scalar at `offset`, or nil if it is not whitespace.
    static func whitespaceWidth(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let lead = bytes[offset]
        if lead < 0x80 { return isASCIIWhitespace(lead) ? 1 : nil }
        guard let scalar = scalar(at: offset, in: bytes), scalar.properties.isWhitespace else { return nil }
        return sequenceLength(lead)
    }

    static func whitespaceWidth(at offset: Int, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { whitespaceWidth(at: offset, in: $0) }
    }

    /// Byte width of the whitespace scalar ending at `end`, or nil.
    static func whitespaceWidth(endingAt end: Int, in bytes: [UInt8]) -> Int? {
        guard end > 0 else { return nil }
        let last = bytes[end - 1]
        if last < 0x80 { return isASCIIWhitespace(last) ? 1 : nil }
        guard let (scalar, start) = scalar(before: end, in: bytes), scalar.properties.isWhitespace else { return nil }
        return end - start
    }
}
