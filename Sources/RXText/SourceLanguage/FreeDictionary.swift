import CVoikko
import Foundation

/// The FreeDict Finnish–English dictionary (Debian's dict-freedict-fin-eng: 38,634 headwords from
/// Wiktionary, CC BY-SA 3.0), read from its dictd files: `freedict-fin-eng.index` (headword, then
/// the entry's offset and length in base 64) and `freedict-fin-eng.dict.dz` (the entries,
/// compressed with dictzip: gzip in independent chunks of about 58 KB, inflated with zlib opened
/// at run time like libvoikko, so neither is needed to build rxtext).
///
/// Nothing is read until a gloss is asked for. Then every entry is read once and its English
/// glosses kept in two tables of sorted lines, Finnish to English and English to Finnish, looked
/// up by binary search; the tables are saved in rxtext's cache directory (beside the glossary
/// cache, under a key of the dictionary files' paths, sizes and dates), so the next run reads two
/// files instead of inflating and parsing the dictionary (a third of a second).
public final class FreeDictionary: @unchecked Sendable {
    /// Where Debian installs the dictionary: the path without `.index` / `.dict.dz`.
    public static let debianPath = "/usr/share/dictd/freedict-fin-eng"

    private let path: String
    private let zlib: Inflater
    private let cacheDirectory: String?
    private let lock = Lock()
    private var tables: (forward: SortedTable, reverse: SortedTable)?

    /// The dictionary at `path` (the two files' common prefix), when both files and zlib are
    /// there; its tables cached in `cacheDirectory` (nil: not cached).
    public static func open(
        path: String = debianPath, cacheDirectory: String? = GlossaryCache.standard()?.directory
    ) -> Result<FreeDictionary, LanguageToolError> {
        for suffix in [".index", ".dict.dz"] where !FileManager.default.isReadableFile(atPath: path + suffix) {
            return .failure(.missing("\(path + suffix) is not there"))
        }
        switch Inflater.open() {
        case .failure(let error): return .failure(error)
        case .success(let zlib): return .success(FreeDictionary(path: path, zlib: zlib, cacheDirectory: cacheDirectory))
        }
    }

    private init(path: String, zlib: Inflater, cacheDirectory: String?) {
        self.path = path
        self.zlib = zlib
        self.cacheDirectory = cacheDirectory
    }

    /// The English glosses of `headword` (Finnish, lower case for common words), senses in
    /// order, without repeats: "kärki" -> ["point", "edge", "end", "prong", "tip", ...]. Empty
    /// when the dictionary does not have the word (or cannot be read).
    public func glosses(_ headword: String) -> [String] {
        loaded().forward.values(for: headword)
    }

    /// The Finnish headwords one of whose glosses is `english` (lower case): "hill" ->
    /// ["kukkula", "kumpu", "mullata", "mäki"].
    public func headwords(glossedAs english: String) -> [String] {
        loaded().reverse.values(for: english)
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
                var gloss = item.drop { $0 == " " }
                while gloss.last == " " { gloss = gloss.dropLast() }
                // A stray sense number left at the end ("class, grade 2.").
                if let space = gloss.lastIndex(of: " "),
                    gloss[gloss.index(after: space)...].allSatisfy({ $0.isNumber || $0 == "." })
                {
                    gloss = gloss[..<space]
                }
                let text = gloss.lowercased()
                // "|" and tabs separate the tables' fields.
                if !text.isEmpty && !text.contains(where: { $0 == "|" || $0 == "\t" }) && !glosses.contains(text) {
                    glosses.append(text)
                }
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

    // MARK: The tables

    private func loaded() -> (forward: SortedTable, reverse: SortedTable) {
        lock.withLock {
            if let tables { return tables }
            let made = cachedTables() ?? builtTables()
            tables = made
            return made
        }
    }

    /// The cache files' path without its suffix: a key of the dictionary files and the format.
    private func cachePath() -> String? {
        guard let cacheDirectory else { return nil }
        var key = Array("rxtext freedict tables 1\u{1F}".utf8)
        for suffix in [".index", ".dict.dz"] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path + suffix)
            let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
            let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            key += Array("\(path)\(suffix)\u{1F}\(size)\u{1F}\(date)\u{1E}".utf8)
        }
        return cacheDirectory + "/freedict-" + SHA256.hex(key, characters: 32)
    }

    private func cachedTables() -> (forward: SortedTable, reverse: SortedTable)? {
        guard let base = cachePath(), let forward = FileManager.default.contents(atPath: base + ".forward"),
            let reverse = FileManager.default.contents(atPath: base + ".reverse")
        else { return nil }
        return (SortedTable(Array(forward)), SortedTable(Array(reverse)))
    }

    /// Every entry read: headword -> glosses, gloss -> headwords; saved to the cache when it can be.
    private func builtTables() -> (forward: SortedTable, reverse: SortedTable) {
        var forward: [String: [String]] = [:]
        var reverse: [String: [String]] = [:]
        if let index = FileManager.default.contents(atPath: path + ".index"),
            let compressed = FileManager.default.contents(atPath: path + ".dict.dz"),
            let dz = DictZip(Array(compressed))
        {
            var whole: [UInt8] = []
            whole.reserveCapacity(dz.chunkCount * dz.chunkLength)
            for chunk in 0..<dz.chunkCount {
                guard let plain = zlib.inflateRaw(dz.chunk(chunk), expected: dz.chunkLength) else { break }
                whole += plain
            }
            for line in String(decoding: index, as: UTF8.self).split(separator: "\n") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 3, !fields[0].hasPrefix("00database"), !fields[0].contains("|"),
                    let offset = Self.base64(fields[1]), let length = Self.base64(fields[2]),
                    offset + length <= whole.count
                else { continue }
                let headword = String(fields[0])
                let text = String(decoding: whole[offset..<(offset + length)], as: UTF8.self)
                for gloss in Self.glosses(inEntry: text) {
                    if !(forward[headword]?.contains(gloss) ?? false) { forward[headword, default: []].append(gloss) }
                    if !(reverse[gloss]?.contains(headword) ?? false) { reverse[gloss, default: []].append(headword) }
                }
            }
        }
        let tables = (SortedTable(forward), SortedTable(reverse))
        if let base = cachePath(), let directory = cacheDirectory {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try? AtomicFile.write(tables.0.bytes, to: base + ".forward")
            try? AtomicFile.write(tables.1.bytes, to: base + ".reverse")
        }
        return tables
    }
}

/// Lines "key TAB value|value|..." sorted by their bytes, looked up by binary search on the key:
/// what a table costs to load is reading its bytes and finding its line starts.
struct SortedTable: Sendable {
    let bytes: [UInt8]
    private let starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts: [Int] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if index > start { starts.append(start) }
            start = index + 1
        }
        if start < bytes.count { starts.append(start) }
        self.starts = starts
    }

    init(_ table: [String: [String]]) {
        var lines = table.map { key, values in Array("\(key)\t\(values.joined(separator: "|"))".utf8) }
        lines.sort { $0.lexicographicallyPrecedes($1) }
        self.init(lines.flatMap { $0 + [0x0A] })
    }

    /// The values of `key`; empty when it is not there.
    func values(for key: String) -> [String] {
        let key = Array(key.utf8)
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            let order = compare(key, line: starts[middle])
            if order == 0 {
                var start = starts[middle]
                while bytes[start] != 0x09 { start += 1 }
                var end = start + 1
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                return String(decoding: bytes[(start + 1)..<end], as: UTF8.self).split(separator: "|").map(String.init)
            }
            if order < 0 { high = middle } else { low = middle + 1 }
        }
        return []
    }

    /// -1, 0 or 1 as `key` sorts before, as or after the key of the line at `start`.
    private func compare(_ key: [UInt8], line start: Int) -> Int {
        var offset = 0
        while true {
            let position = start + offset
            let lineEnded = position >= bytes.count || bytes[position] == 0x09 || bytes[position] == 0x0A
            if offset == key.count { return lineEnded ? 0 : -1 }
            if lineEnded { return 1 }
            if key[offset] != bytes[position] { return key[offset] < bytes[position] ? -1 : 1 }
            offset += 1
        }
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
