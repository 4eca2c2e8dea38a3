import CRXICU

/// An article's bytes as read from disk, checked and indexed. Nothing is rewritten: every offset
/// rxtext reports is an offset into the file, whatever BOM, line endings or normalisation it has:
/// into `bytes`, or for one window of a huge file (`window`), `fileOffset(_:)` of one.
///
/// Policy (documented in README): UTF-8 only, with or without a BOM; UTF-16 is recognised by its
/// BOM (or its NUL pattern) and refused with a conversion hint, because offsets into a transcoded
/// copy would not be offsets into the user's file; NUL bytes mean binary and are refused.
public struct Document: Sendable {
    public let path: String
    public let bytes: [UInt8]
    /// 3 when the file starts with a UTF-8 BOM, else 0: the BOM is not part of the text.
    public let bodyStart: Int
    public let lines: LineIndex
    /// Where `bytes` sit in the file when they are one window of a huge file read a piece at a
    /// time (`HugeFileWindows`); nil when they are the whole file. Offsets inside rxtext are
    /// offsets into `bytes`; reporters turn them into file offsets and positions.
    public let window: Window?

    /// A window's place in its file: the offset, line and column of its first byte, and the
    /// file's size.
    public struct Window: Sendable, Equatable {
        public var offset: Int
        public var position: SourcePosition
        public var fileBytes: Int
        /// The window starts inside a sentence the previous window could not hold whole (a line
        /// longer than a window, without a sentence break): its first word does not open a
        /// sentence.
        public var continuesSentence: Bool
        /// The window was cut where no space is, inside a word longer than the window: its first
        /// or last word is part of one, which no flag may be offered on (`HugeFileWindows`).
        public var startsInsideWord = false
        public var endsInsideWord = false

        public init(offset: Int, position: SourcePosition, fileBytes: Int, continuesSentence: Bool = false) {
            self.offset = offset
            self.position = position
            self.fileBytes = fileBytes
            self.continuesSentence = continuesSentence
        }
    }

    /// One window of a huge file, whose bytes the caller has already checked (a window is valid
    /// UTF-8 cut at character boundaries, and only the file's start may hold a BOM).
    init(window bytes: [UInt8], path: String, at window: Window) {
        self.path = path
        self.bytes = bytes
        bodyStart = window.offset == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        lines = LineIndex(bytes: bytes, bodyStart: bodyStart)
        self.window = window
    }

    public init(bytes: [UInt8], path: String = "<memory>") throws(DocumentError) {
        guard bytes.count < Int(UInt32.max) else {
            throw DocumentError(path: path, reason: .tooLarge(bytes: bytes.count))
        }
        // UTF-32 LE's byte order mark starts with UTF-16 LE's: it is looked for first.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            throw DocumentError(path: path, reason: .utf32(bigEndian: false, hasBOM: true))
        }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw DocumentError(path: path, reason: .utf32(bigEndian: true, hasBOM: true))
        }
        if bytes.count >= 2 {
            if bytes[0] == 0xFF && bytes[1] == 0xFE {
                throw DocumentError(path: path, reason: .utf16(bigEndian: false, hasBOM: true))
            }
            if bytes[0] == 0xFE && bytes[1] == 0xFF {
                throw DocumentError(path: path, reason: .utf16(bigEndian: true, hasBOM: true))
            }
        }
        let bodyStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var offset: Int64 = -1
        let check = bytes.withUnsafeBufferPointer { buffer in
            rx_utf8_check(buffer.baseAddress.map { $0 + bodyStart }, Int64(buffer.count - bodyStart), &offset)
        }
        let badOffset = Int(offset) + bodyStart
        if check == Int32(RX_UTF8_NUL) {
            if let bigEndian = Self.looksLikeUTF32(bytes) {
                throw DocumentError(path: path, reason: .utf32(bigEndian: bigEndian, hasBOM: false))
            }
            if let bigEndian = Self.looksLikeUTF16(bytes) {
                throw DocumentError(path: path, reason: .utf16(bigEndian: bigEndian, hasBOM: false))
            }
            throw DocumentError(path: path, reason: .binary(offset: badOffset))
        }
        if check == Int32(RX_UTF8_INVALID) {
            // The prefix before the bad byte is valid, so it can be indexed for a line and column.
            let prefix = Array(bytes[..<badOffset])
            let position = LineIndex(bytes: prefix, bodyStart: bodyStart).position(of: badOffset, in: prefix)
            throw DocumentError(path: path, reason: .invalidUTF8(offset: badOffset, position: position))
        }
        self.path = path
        self.bytes = bytes
        self.bodyStart = bodyStart
        self.lines = LineIndex(bytes: bytes, bodyStart: bodyStart)
        window = nil
    }

    /// Reads and checks a file. Errors name the path and, for bad bytes, the offset.
    public static func load(path: String) throws(DocumentError) -> Document {
        try load(ReadableFile(path), path: path)
    }

    /// Reads and checks a file the caller has opened (lint opens each file once, and its size
    /// there says whether it is read whole).
    static func load(_ file: ReadableFile, path: String) throws(DocumentError) -> Document {
        try Document(bytes: file.readAll(), path: path)
    }

    /// The whole file's bytes, read with POSIX calls so that errors keep their errno.
    public static func readFile(_ path: String) throws(DocumentError) -> [UInt8] {
        try ReadableFile(path).readAll()
    }

    /// UTF-32 without a BOM shows as three NUL bytes in every four of text below U+0100: the
    /// last three (little-endian) or the first three (big-endian). Nil when it does not look so.
    private static func looksLikeUTF32(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(512)
        guard sample.count >= 8, sample.count % 4 == 0 else { return nil }
        var nulAt = [0, 0, 0, 0]
        for (index, byte) in sample.enumerated() where byte == 0 { nulAt[index % 4] += 1 }
        let units = sample.count / 4
        if nulAt[0] == 0 && nulAt[1] * 10 >= units * 8 && nulAt[2] == units && nulAt[3] == units { return false }
        if nulAt[3] == 0 && nulAt[2] * 10 >= units * 8 && nulAt[1] == units && nulAt[0] == units { return true }
        return nil
    }

    /// UTF-16 without a BOM shows as NUL bytes in every other position of ASCII text.
    /// Returns whether it looks big-endian, or nil when it does not look like UTF-16.
    private static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(512)
        guard sample.count >= 4, sample.count % 2 == 0 else { return nil }
        var evenNUL = 0
        var oddNUL = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { evenNUL += 1 } else { oddNUL += 1 }
        }
        let pairs = sample.count / 2
        if evenNUL * 10 >= pairs * 8 && oddNUL == 0 { return true }
        if oddNUL * 10 >= pairs * 8 && evenNUL == 0 { return false }
        return nil
    }

    /// The text body's range (the whole file less a BOM).
    public var body: ByteRange { ByteRange(bodyStart, bytes.count) }

    /// The line and column in the file of a byte offset into `bytes`.
    public func position(of offset: Int) -> SourcePosition {
        let position = lines.position(of: offset, in: bytes)
        return window.map { $0.position.advanced(by: position) } ?? position
    }

    /// The file offset of a byte offset into `bytes`.
    public func fileOffset(_ offset: Int) -> Int { offset + (window?.offset ?? 0) }

    /// The size of the file `bytes` came from (all of it, for a window).
    public var fileBytes: Int { window?.fileBytes ?? bytes.count }

    /// The text of a range as the file has it.
    public func rawText(_ range: ByteRange) -> String {
        String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    /// The text of a range in NFC, the form rxtext compares and reports.
    public func text(_ range: ByteRange) -> String {
        ICU.withNFC(bytes[range.start..<range.end]) { String(decoding: $0, as: UTF8.self) }
    }
}
