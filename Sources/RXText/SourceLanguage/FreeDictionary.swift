import CVoikko
import Foundation

/// The FreeDict Finnish–English dictionary (Debian's dict-freedict-fin-eng: 38,634 headwords from
/// Wiktionary, CC BY-SA 3.0), read from its dictd files: `freedict-fin-eng.index` (headword, then
/// the entry's offset and length in base 64) and `freedict-fin-eng.dict.dz` (the entries,
/// compressed with dictzip: gzip in independent chunks of about 58 KB).
///
/// Nothing is read until a gloss is asked for, and then only the index and the chunks that hold
/// the entry: a gloss costs one chunk's inflation, not the whole dictionary's. The English-to-
/// Finnish direction (`headwords(glossedAs:)`) reads every entry once, on first use. zlib is
/// opened at run time like libvoikko, so neither is needed to build rxtext.
public final class FreeDictionary: @unchecked Sendable {
    /// Where Debian installs the dictionary: the path without `.index` / `.dict.dz`.
    public static let debianPath = "/usr/share/dictd/freedict-fin-eng"

    private let path: String
    private let zlib: Inflater
    private let lock = Lock()
    private var index: [String: [(offset: Int, length: Int)]]?
    private var compressed: DictZip?
    private var reverse: [String: [String]]?
    private var chunks: [Int: [UInt8]] = [:]

    /// The dictionary at `path` (the two files' common prefix), when both files and zlib are there.
    public static func open(path: String = debianPath) -> Result<FreeDictionary, LanguageToolError> {
        for suffix in [".index", ".dict.dz"] where !FileManager.default.isReadableFile(atPath: path + suffix) {
            return .failure(.missing("\(path + suffix) is not there"))
        }
        switch Inflater.open() {
        case .failure(let error): return .failure(error)
        case .success(let zlib): return .success(FreeDictionary(path: path, zlib: zlib))
        }
    }

    private init(path: String, zlib: Inflater) {
        self.path = path
        self.zlib = zlib
    }

    /// The English glosses of `headword` (Finnish, lower case for common words), senses in
    /// order, without repeats: "kärki" -> ["point", "edge", "end", "prong", "tip", ...]. Empty
    /// when the dictionary does not have the word (or cannot be read).
    public func glosses(_ headword: String) -> [String] {
        lock.withLock {
            guard let entries = loadedIndex()[headword] else { return [] }
            var glosses: [String] = []
            for entry in entries {
                guard let text = read(entry) else { continue }
                for gloss in Self.glosses(inEntry: text) where !glosses.contains(gloss) { glosses.append(gloss) }
            }
            return glosses
        }
    }

    /// The Finnish headwords one of whose glosses is `english` (lower case): "hill" ->
    /// ["mäki", ...]. Reads the whole dictionary on first use.
    public func headwords(glossedAs english: String) -> [String] {
        lock.withLock {
            if reverse == nil { reverse = buildReverse() }
            return reverse?[english] ?? []
        }
    }

    /// The English lines of a dictd entry, split into glosses. An entry is a head line ("kärki
    /// /kˈærkɪ/ <n>"), then for each sense a line of English glosses, numbered ("1. point,
    /// edge") when there are several, each followed by a Finnish definition.
    static func glosses(inEntry text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 1 else { return [] }
        var english: [Substring] = []
        if let first = lines.dropFirst().first, numberedSense(first) == nil { english.append(first) }
        for line in lines.dropFirst() {
            if let sense = numberedSense(line) { english.append(sense) }
        }
        var glosses: [String] = []
        for line in english {
            for item in line.split(separator: ",") {
                var gloss = item.trimmingCharacters(in: .whitespaces)
                // A stray sense number left at the end ("class, grade 2.").
                if let space = gloss.lastIndex(of: " "),
                    gloss[gloss.index(after: space)...].allSatisfy({
                        $0.isNumber || $0 == "."
                    })
                {
                    gloss = String(gloss[..<space])
                }
                gloss = gloss.lowercased()
                if !gloss.isEmpty && !glosses.contains(gloss) { glosses.append(gloss) }
            }
        }
        return glosses
    }

    /// The text of a numbered sense line ("2. place, spot" -> "place, spot").
    private static func numberedSense(_ line: Substring) -> Substring? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") else { return nil }
        return line.dropFirst(digits.count + 2)
    }

    // MARK: Reading the files (under `lock`)

    private func loadedIndex() -> [String: [(offset: Int, length: Int)]] {
        if let index { return index }
        var table: [String: [(offset: Int, length: Int)]] = [:]
        if let data = FileManager.default.contents(atPath: path + ".index") {
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 3, let offset = Self.base64(fields[1]), let length = Self.base64(fields[2]),
                    !fields[0].hasPrefix("00database")
                else { continue }
                table[String(fields[0]), default: []].append((offset, length))
            }
        }
        index = table
        return table
    }

    /// dictd's base-64 numbers: most significant digit first, A-Z a-z 0-9 + /.
    static func base64(_ text: Substring) -> Int? {
        var value = 0
        for byte in text.utf8 {
            let digit: Int
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = Int(byte) - 65
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = Int(byte) - 97 + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte) - 48 + 52
            case UInt8(ascii: "+"): digit = 62
            case UInt8(ascii: "/"): digit = 63
            default: return nil
            }
            guard value < Int.max >> 7 else { return nil }
            value = value * 64 + digit
        }
        return text.isEmpty ? nil : value
    }

    private func loadedDictZip() -> DictZip? {
        if let compressed { return compressed }
        guard let data = FileManager.default.contents(atPath: path + ".dict.dz") else { return nil }
        compressed = DictZip(Array(data))
        return compressed
    }

    /// An entry's text, from the chunks that hold it.
    private func read(_ entry: (offset: Int, length: Int)) -> String? {
        guard let dz = loadedDictZip(), entry.length > 0, entry.length < 1 << 20 else { return nil }
        let first = entry.offset / dz.chunkLength
        let last = (entry.offset + entry.length - 1) / dz.chunkLength
        guard last < dz.chunkCount else { return nil }
        var bytes: [UInt8] = []
        for chunk in first...last {
            guard let plain = inflated(chunk, of: dz) else { return nil }
            bytes += plain
        }
        let start = entry.offset - first * dz.chunkLength
        guard start + entry.length <= bytes.count else { return nil }
        return String(decoding: bytes[start..<(start + entry.length)], as: UTF8.self)
    }

    private func inflated(_ chunk: Int, of dz: DictZip) -> [UInt8]? {
        if let known = chunks[chunk] { return known }
        guard let plain = zlib.inflateRaw(dz.chunk(chunk), expected: dz.chunkLength) else { return nil }
        if chunks.count > 64 { chunks.removeAll() }
        chunks[chunk] = plain
        return plain
    }

    private func buildReverse() -> [String: [String]] {
        var reverse: [String: [String]] = [:]
        guard let dz = loadedDictZip() else { return [:] }
        var whole: [UInt8] = []
        whole.reserveCapacity(dz.chunkCount * dz.chunkLength)
        for chunk in 0..<dz.chunkCount {
            guard let plain = zlib.inflateRaw(dz.chunk(chunk), expected: dz.chunkLength) else { return [:] }
            whole += plain
        }
        for (headword, entries) in loadedIndex() {
            for entry in entries where entry.offset + entry.length <= whole.count {
                let text = String(decoding: whole[entry.offset..<(entry.offset + entry.length)], as: UTF8.self)
                for gloss in Self.glosses(inEntry: text) where !(reverse[gloss]?.contains(headword) ?? false) {
                    reverse[gloss, default: []].append(headword)
                }
            }
        }
        for key in reverse.keys { reverse[key]?.sort() }
        return reverse
    }
}

/// A dictzip file's layout: a gzip member whose header's extra field ("RA") lists the
/// compressed length of every chunk; each chunk is raw deflate, inflated on its own.
struct DictZip {
    let bytes: [UInt8]
    let chunkLength: Int
    /// Where each chunk starts in `bytes`, and one more entry where the last one ends.
    let starts: [Int]

    var chunkCount: Int { starts.count - 1 }

    init?(_ bytes: [UInt8]) {
        guard bytes.count > 12, bytes[0] == 0x1F, bytes[1] == 0x8B, bytes[2] == 8, bytes[3] & 4 != 0 else {
            return nil
        }
        let flags = bytes[3]
        let extraLength = Int(bytes[10]) | Int(bytes[11]) << 8
        var position = 12
        let extraEnd = position + extraLength
        guard extraEnd <= bytes.count else { return nil }
        var chunkLength = 0
        var sizes: [Int] = []
        while position + 4 <= extraEnd {
            let (id1, id2) = (bytes[position], bytes[position + 1])
            let length = Int(bytes[position + 2]) | Int(bytes[position + 3]) << 8
            let data = position + 4
            guard data + length <= extraEnd else { return nil }
            if id1 == UInt8(ascii: "R"), id2 == UInt8(ascii: "A"), length >= 6 {
                func word(_ at: Int) -> Int { Int(bytes[data + at]) | Int(bytes[data + at + 1]) << 8 }
                chunkLength = word(2)
                let count = word(4)
                guard 6 + 2 * count <= length else { return nil }
                sizes = (0..<count).map { word(6 + 2 * $0) }
            }
            position = data + length
        }
        guard chunkLength > 0, !sizes.isEmpty else { return nil }
        position = extraEnd
        if flags & 8 != 0 {  // file name
            while position < bytes.count && bytes[position] != 0 { position += 1 }
            position += 1
        }
        if flags & 16 != 0 {  // comment
            while position < bytes.count && bytes[position] != 0 { position += 1 }
            position += 1
        }
        if flags & 2 != 0 { position += 2 }  // header CRC
        var starts = [position]
        for size in sizes { starts.append(starts[starts.count - 1] + size) }
        guard let end = starts.last, end <= bytes.count else { return nil }
        self.bytes = bytes
        self.chunkLength = chunkLength
        self.starts = starts
    }

    func chunk(_ index: Int) -> ArraySlice<UInt8> { bytes[starts[index]..<starts[index + 1]] }
}

/// zlib's raw inflation, opened at run time (`libz.so.1`).
final class Inflater: @unchecked Sendable {
    /// zlib's `z_stream` on LP64 platforms, field for field; `inflateInit2_` checks its size.
    struct ZStream {
        var nextIn: UnsafeMutablePointer<UInt8>? = nil
        var availIn: UInt32 = 0
        var totalIn: UInt = 0
        var nextOut: UnsafeMutablePointer<UInt8>? = nil
        var availOut: UInt32 = 0
        var totalOut: UInt = 0
        var message: UnsafePointer<CChar>? = nil
        var state: OpaquePointer? = nil
        var allocate: OpaquePointer? = nil
        var free: OpaquePointer? = nil
        var opaque: UnsafeMutableRawPointer? = nil
        var dataType: Int32 = 0
        var adler: UInt = 0
        var reserved: UInt = 0
    }

    private typealias Init =
        @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32) -> Int32
    private typealias Inflate = @convention(c) (UnsafeMutableRawPointer?, Int32) -> Int32
    private typealias End = @convention(c) (UnsafeMutableRawPointer?) -> Int32
    private typealias Version = @convention(c) () -> UnsafePointer<CChar>?

    private let library: DynamicLibrary
    private let initialise: Init
    private let inflate: Inflate
    private let end: End
    private let version: UnsafePointer<CChar>

    static func open() -> Result<Inflater, LanguageToolError> {
        var failure = ""
        guard let library = DynamicLibrary([RXTEXT_ZLIB_LIBRARY, "libz.so"], failure: &failure) else {
            return .failure(.missing("zlib could not be opened (\(failure))"))
        }
        guard let initialise = library.function("inflateInit2_", as: Init.self),
            let inflate = library.function("inflate", as: Inflate.self),
            let end = library.function("inflateEnd", as: End.self),
            let version = library.function("zlibVersion", as: Version.self)?()
        else { return .failure(.missing("zlib lacks inflate")) }
        return .success(
            Inflater(library: library, initialise: initialise, inflate: inflate, end: end, version: version))
    }

    private init(
        library: DynamicLibrary, initialise: @escaping Init, inflate: @escaping Inflate, end: @escaping End,
        version: UnsafePointer<CChar>
    ) {
        self.library = library
        self.initialise = initialise
        self.inflate = inflate
        self.end = end
        self.version = version
    }

    /// The raw deflate data inflated (at most `expected` bytes out, a dictzip chunk's length);
    /// nil when zlib refuses it.
    func inflateRaw(_ input: ArraySlice<UInt8>, expected: Int) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: expected)
        var input = Array(input)
        var stream = ZStream()
        let produced: Int? = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                withUnsafeMutablePointer(to: &stream) { pointer -> Int? in
                    // -15: raw deflate, no zlib or gzip wrapper.
                    guard initialise(pointer, -15, version, Int32(MemoryLayout<ZStream>.size)) == 0 else {
                        return nil
                    }
                    defer { _ = end(pointer) }
                    pointer.pointee.nextIn = source.baseAddress
                    pointer.pointee.availIn = UInt32(source.count)
                    pointer.pointee.nextOut = target.baseAddress
                    pointer.pointee.availOut = UInt32(target.count)
                    // Z_SYNC_FLUSH (2): a dictzip chunk ends on a flush, not at the stream's end.
                    let status = inflate(pointer, 2)
                    guard status == 0 || status == 1 || (status == -5 && pointer.pointee.totalOut > 0) else {
                        return nil
                    }
                    return Int(pointer.pointee.totalOut)
                }
            }
        }
        guard let produced else { return nil }
        return Array(output.prefix(produced))
    }
}
