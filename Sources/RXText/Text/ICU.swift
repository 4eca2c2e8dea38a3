import CRXICU

/// Swift access to the ICU features rxtext uses, through the CRXICU shim.
public enum ICU {
    /// The linked ICU library's version, e.g. "72.1".
    public static let version: String = readVersion(rx_icu_version)
    /// The Unicode version ICU implements, e.g. "15.0".
    public static let unicodeVersion: String = readVersion(rx_unicode_version)

    private static func readVersion(_ read: (UnsafeMutablePointer<CChar>, Int32) -> Void) -> String {
        var buffer = [CChar](repeating: 0, count: 32)
        read(&buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The NFC form of UTF-8 bytes.
    public static func nfc<C: Collection<UInt8>>(_ utf8: C) -> [UInt8] {
        let bytes = Array(utf8)
        let alreadyNFC = bytes.withUnsafeBufferPointer { rx_is_nfc($0.baseAddress, Int32($0.count)) }
        if alreadyNFC == 1 { return bytes }
        return transform(bytes) { input, count, output, capacity in
            rx_nfc(input, count, output, capacity)
        }
    }

    /// Calls `body` with the NFC form of `utf8`: the bytes themselves, uncopied, when they are
    /// NFC already (nearly always; reporters and messages ask this of every flag's text).
    public static func withNFC<R>(_ utf8: ArraySlice<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        utf8.withUnsafeBufferPointer { buffer in
            if rx_is_nfc(buffer.baseAddress, Int32(buffer.count)) == 1 { return body(buffer) }
            return transform(Array(buffer)) { input, count, output, capacity in
                rx_nfc(input, count, output, capacity)
            }.withUnsafeBufferPointer(body)
        }
    }

    /// Case folding, diacritic removal or both, returned in NFC.
    public struct FoldOptions: OptionSet, Sendable, Hashable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        public static let caseInsensitive = FoldOptions(rawValue: Int32(RX_FOLD_CASE))
        public static let diacriticInsensitive = FoldOptions(rawValue: Int32(RX_FOLD_DIACRITICS))
        public static let all: FoldOptions = [.caseInsensitive, .diacriticInsensitive]
    }

    /// Folds UTF-8 bytes: "Baciuška" and "BACIUSKA" both fold to "baciuska" with `.all`.
    /// ASCII input takes a fast path without leaving Swift.
    public static func fold<C: Collection<UInt8>>(_ utf8: C, options: FoldOptions = .all) -> [UInt8] {
        if utf8.allSatisfy({ $0 < 0x80 }) {
            guard options.contains(.caseInsensitive) else { return Array(utf8) }
            return utf8.map(UTF8Scalars.asciiLowercased)
        }
        let bytes = Array(utf8)
        return transform(bytes) { input, count, output, capacity in
            rx_fold(input, count, options.rawValue, output, capacity)
        }
    }

    /// The fully folded form of a token's bytes as a String.
    public static func foldedString(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: fold(bytes), as: UTF8.self)
    }

    /// `fold` of the word at `range` written into `scratch`, for a word of ASCII only (there,
    /// folding is lower-casing); nil for any other word or one longer than `scratch`. The
    /// annotator's hot path: most words of an article take it, without ICU or an allocation.
    static func foldASCII(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: ByteRange, into scratch: UnsafeMutableBufferPointer<UInt8>
    ) -> Int? {
        guard range.count <= scratch.count else { return nil }
        var offset = 0
        // Eight bytes at a time, the last eight read past the word's end where the text and the
        // scratch have room (the bytes past it are zeroes, and not returned).
        while offset < range.count && range.start + offset + 8 <= bytes.count && offset + 8 <= scratch.count {
            let word = ByteWords.load(bytes, at: range.start + offset, keeping: range.count - offset)
            guard ByteWords.isASCII(word) else { return nil }
            ByteWords.store(ByteWords.asciiLowercased(word), into: scratch, at: offset)
            offset += 8
        }
        while offset < range.count {
            let byte = bytes[range.start + offset]
            if byte >= 0x80 { return nil }
            scratch[offset] = UTF8Scalars.asciiLowercased(byte)
            offset += 1
        }
        return range.count
    }

    /// Folds a string; see `fold(_:options:)`.
    public static func fold(_ string: String, options: FoldOptions = .all) -> String {
        String(decoding: fold(Array(string.utf8), options: options), as: UTF8.self)
    }

    /// Runs a C transform with the "negated needed capacity" convention, growing the buffer once.
    private static func transform(
        _ input: [UInt8],
        _ body: (UnsafePointer<UInt8>?, Int32, UnsafeMutablePointer<UInt8>?, Int32) -> Int32
    ) -> [UInt8] {
        var capacity = input.count * 2 + 16
        for _ in 0..<2 {
            var output = [UInt8](repeating: 0, count: capacity)
            let written = input.withUnsafeBufferPointer { source in
                output.withUnsafeMutableBufferPointer { target in
                    body(source.baseAddress, Int32(source.count), target.baseAddress, Int32(target.count))
                }
            }
            if written >= 0 { return Array(output.prefix(Int(written))) }
            if written == Int32.min { return input }  // ICU failed: leave the text as it was
            capacity = Int(-written) + 1
        }
        return input
    }
}

/// An ICU break iterator over UTF-8 bytes, reporting byte offsets.
///
/// Not thread-safe: each thread or task makes its own (cheap: clones a compiled template).
public final class BreakIterator {
    public enum Kind: Sendable {
        case word
        case sentence
    }

    private let handle: OpaquePointer
    private var base = 0

    public init(_ kind: Kind) {
        let template = kind == .word ? Self.wordTemplate : Self.sentenceTemplate
        var status: Int32 = 0
        let handle = Self.cloneLock.withLock { rx_breaker_clone(template.pointer, &status) }
        guard let handle else { fatalError("ICU could not clone a break iterator (status \(status))") }
        self.handle = handle
    }

    /// A fresh iterator for an explicit ICU locale (e.g. "" for the root rules the Unicode
    /// conformance tests describe).
    public init(_ kind: Kind, locale: String) {
        var status: Int32 = 0
        let code = kind == .word ? Int32(RX_BREAK_WORD) : Int32(RX_BREAK_SENTENCE)
        guard let handle = rx_breaker_open(code, locale, &status) else {
            fatalError("ICU could not open a break iterator for \(locale) (status \(status))")
        }
        self.handle = handle
    }

    deinit { rx_breaker_close(handle) }

    /// Points the iterator at `count` bytes starting at `pointer`; reported offsets are shifted by
    /// `base` so that they stay offsets into the whole file. The memory must outlive iteration.
    public func setText(_ pointer: UnsafePointer<UInt8>, count: Int, base: Int) {
        self.base = base
        let status = rx_breaker_set_text(handle, pointer, Int64(count))
        precondition(status <= 0, "ICU rejected the text (status \(status))")
    }

    /// The next boundary as an absolute byte offset, or nil at the end.
    public func next() -> Int? {
        let boundary = rx_breaker_next(handle)
        return boundary < 0 ? nil : Int(boundary) + base
    }

    /// The ICU rule status of the last boundary (word kinds: see `TokenKind`).
    public var ruleStatus: Int32 { rx_breaker_rule_status(handle) }

    /// Compiled iterators that every `BreakIterator` clones: compiling rules is the costly part.
    private struct Template: @unchecked Sendable {
        let pointer: OpaquePointer
        init(kind: Int32, locale: String) {
            var status: Int32 = 0
            guard let pointer = rx_breaker_open(kind, locale, &status) else {
                fatalError("ICU could not open a break iterator for \(locale) (status \(status))")
            }
            self.pointer = pointer
        }
    }

    private static let wordTemplate = Template(kind: Int32(RX_BREAK_WORD), locale: "en")
    /// `ss=standard` turns on ICU's sentence-break suppressions: no break after "Mr.", "No.", ...
    private static let sentenceTemplate = Template(kind: Int32(RX_BREAK_SENTENCE), locale: "en@ss=standard")
    private static let cloneLock = Lock()
}
