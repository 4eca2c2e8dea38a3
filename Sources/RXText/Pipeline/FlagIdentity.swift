/// A flag's identity across edits elsewhere in the file, the one concept behind both its
/// fingerprint (baselines, `fingerprint` in every output) and its review decision's key
/// (`DecisionKey`): rule, span text, its sentence with case, diacritics and spacing folded, and
/// which occurrence of that triple in the file it is (two "EM" flags in one sentence stay two).
/// Offsets are deliberately left out. `Fingerprinter` finds the identities; the two only hash
/// them differently (a decision key also names the file, relative to its store).
///
/// Built on bytes: every flag of a large run gets one, so this sits on the lint hot path.
public enum Fingerprint {
    /// Fingerprints of a file's flags, in the flags' order.
    public static func all(_ flags: [Diagnostic], in document: Document) -> [String] {
        var fingerprinter = Fingerprinter()
        return fingerprinter.fingerprints(flags, in: document)
    }

    /// A sentence as its identity sees it: folded (`ICU.fold`), runs of whitespace as one space,
    /// ends trimmed. An ASCII sentence, nearly every one, folds by lower-casing, done in the same
    /// pass as the spacing.
    static func foldedSentence(_ utf8: ArraySlice<UInt8>) -> [UInt8] {
        utf8.withUnsafeBufferPointer { sentence in
            if let folded = foldedSingleSpacedASCII(sentence) { return folded }
            if isASCII(sentence) { return collapsingWhitespace(sentence, lowercasingASCII: true) }
            return foldedByWords(sentence).withUnsafeBufferPointer { collapsingWhitespace($0) }
        }
    }

    /// The fold of a sentence of ASCII whose only whitespace is single spaces between words,
    /// nearly every sentence: its bytes lower-cased, eight at a time. Nil for any other.
    static func foldedSingleSpacedASCII(_ sentence: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let first = sentence.first, let last = sentence.last, first != 0x20, last != 0x20 else { return nil }
        var clean = true
        let folded = [UInt8](unsafeUninitializedCapacity: sentence.count) { result, written in
            var offset = 0
            var afterSpace = false
            while offset + 8 <= sentence.count {
                let word = ByteWords.load(sentence, at: offset)
                // Control bytes, tabs and line breaks are below 0x20.
                guard ByteWords.isASCII(word), !ByteWords.hasByte(below: 0x20, in: word) else {
                    clean = false
                    break
                }
                let spaces = ByteWords.marks(of: 0x20, in: word)
                if spaces & (spaces >> 8) != 0 || (afterSpace && spaces & 0x80 != 0) {
                    clean = false
                    break
                }
                afterSpace = spaces >> 63 != 0
                ByteWords.store(ByteWords.asciiLowercased(word), into: result, at: offset)
                offset += 8
            }
            while clean && offset < sentence.count {
                let byte = sentence[offset]
                if byte >= 0x80 || byte < 0x20 || (afterSpace && byte == 0x20) {
                    clean = false
                    break
                }
                afterSpace = byte == 0x20
                result[offset] = UTF8Scalars.asciiLowercased(byte)
                offset += 1
            }
            written = clean ? sentence.count : 0
        }
        return clean ? folded : nil
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !ByteWords.contains(bytes, wordHas: { !ByteWords.isASCII($0) }, byte: { $0 >= 0x80 })
    }

    /// `ICU.fold` of a sentence, one run between ASCII spaces at a time, through the thread's
    /// `WordCache`: the runs with letters outside ASCII are mostly names, folded once each. The
    /// result is the whole sentence's fold: folding maps each character with the marks that
    /// follow it, and no mark or composition reaches across an ASCII space.
    static func foldedByWords(_ sentence: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let folds = WordCache.current
        var result: [UInt8] = []
        result.reserveCapacity(sentence.count)
        var start = 0
        while start < sentence.count {
            if UTF8Scalars.isASCIIWhitespace(sentence[start]) {
                result.append(sentence[start])
                start += 1
                continue
            }
            var end = start
            var ascii = true
            while end < sentence.count, !UTF8Scalars.isASCIIWhitespace(sentence[end]) {
                ascii = ascii && sentence[end] < 0x80
                end += 1
            }
            let word = UnsafeBufferPointer(rebasing: sentence[start..<end])
            if ascii {
                // Copied in one go, then lower-cased in place: appending byte by byte cost more.
                let first = result.count
                result.append(contentsOf: word)
                result.withUnsafeMutableBufferPointer { folded in
                    for index in first..<folded.count { folded[index] = UTF8Scalars.asciiLowercased(folded[index]) }
                }
            } else {
                var folded = folds.fold(word)
                folded.withUTF8 { result.append(contentsOf: $0) }
            }
            start = end
        }
        return result
    }

    /// Runs of whitespace as one space, ends trimmed: edits to spacing do not change identity.
    /// Written through a pointer into an array of the input's size, the most it can take: the
    /// flagged sentences of a whole run pass through here.
    static func collapsingWhitespace(_ utf8: UnsafeBufferPointer<UInt8>, lowercasingASCII: Bool = false) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: utf8.count) { result, written in
            var count = 0
            var pendingSpace = false
            var offset = 0
            func emit(_ byte: UInt8) {
                if pendingSpace {
                    result[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                result[count] = byte
                count += 1
            }
            while offset < utf8.count {
                let byte = utf8[offset]
                if byte < 0x80 {
                    if UTF8Scalars.isASCIIWhitespace(byte) {
                        pendingSpace = count > 0
                    } else {
                        emit(lowercasingASCII ? UTF8Scalars.asciiLowercased(byte) : byte)
                    }
                    offset += 1
                    continue
                }
                let width = UTF8Scalars.sequenceLength(byte)
                let end = min(offset + width, utf8.count)
                if UTF8Scalars.whitespaceWidth(at: offset, in: utf8) != nil {
                    pendingSpace = count > 0
                } else {
                    for index in offset..<end { emit(utf8[index]) }
                }
                offset += width
            }
            written = count
        }
    }
}

/// Finds the identities of a file's flags (`Fingerprint`), possibly a block at a time (huge
/// files). It remembers how often each identity was seen as a hash, not as text, so that a huge
/// file costs a few bytes per flag here.
public struct Fingerprinter {
    private var seen: [Int: Int] = [:]
    private var key: [UInt8] = []

    public init() {}

    /// Fingerprints of `flags`, which follow in the file those already fingerprinted.
    public mutating func fingerprints(_ flags: [Diagnostic], in document: Document) -> [String] {
        var fingerprints: [String] = []
        fingerprints.reserveCapacity(flags.count)
        identify(flags, in: document) { _, _, key in fingerprints.append(SHA256.hex(key, characters: 32)) }
        return fingerprints
    }

    /// Calls `body` with each flag in order, its folded sentence (`Fingerprint.foldedSentence`)
    /// and its identity as bytes: rule, span and folded sentence, then the occurrence, each
    /// after a 0x1F separator.
    mutating func identify(
        _ flags: [Diagnostic], in document: Document,
        _ body: (_ occurrence: Int, _ foldedSentence: [UInt8], _ key: [UInt8]) -> Void
    ) {
        // The flags of a sentence come together (they are in document order), so the last
        // sentence folded is the one to keep: a table of every sentence folded held 800 bytes
        // per flag of a long one, 80 MB for 100,000 flags (issue 21).
        var last: (range: ByteRange, folded: [UInt8])? = nil
        for flag in flags {
            let sentence: [UInt8]
            if let last, last.range == flag.sentence {
                sentence = last.folded
            } else {
                sentence = Fingerprint.foldedSentence(document.bytes[flag.sentence.start..<flag.sentence.end])
                last = (flag.sentence, sentence)
            }
            key.removeAll(keepingCapacity: true)
            key.append(contentsOf: flag.rule.utf8)
            key.append(0x1F)
            key.append(contentsOf: document.bytes[flag.range.start..<flag.range.end])
            key.append(0x1F)
            key.append(contentsOf: sentence)
            var hasher = Hasher()
            key.withUnsafeBytes { hasher.combine(bytes: $0) }
            let identity = hasher.finalize()
            let occurrence = seen[identity, default: 0]
            seen[identity] = occurrence + 1
            key.append(0x1F)
            key.append(contentsOf: String(occurrence).utf8)
            body(occurrence, sentence, key)
        }
    }
}
