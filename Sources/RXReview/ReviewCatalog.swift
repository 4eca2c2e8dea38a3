import RXText

/// A flag as the review page shows it: the span inside its sentence inside its paragraph, split
/// into pieces so the page can insert each as text (never as markup).
public struct ReviewItem: Sendable, Encodable {
    public struct Context: Sendable, Encodable, Equatable {
        /// The paragraph before the sentence, the sentence before the span, the span, and so on.
        public var before: String
        public var sentenceBefore: String
        public var span: String
        public var sentenceAfter: String
        public var after: String
    }

    public var key: String
    public var file: String
    public var rule: String
    public var severity: Severity
    public var message: String
    public var text: String
    public var line: Int
    public var column: Int
    /// What `a` and `1`–`9` accept: the safe fix first, then the rule's other suggestions.
    public var suggestions: [String]
    public var sentence: String
    /// File byte offsets of `sentence`: the sentence, or the 400 bytes either side of the span
    /// a long one is cut to, so that a client can read the rest from the file.
    public var sentenceStart = 0
    public var sentenceEnd = 0
    public var context: Context
    /// The store's key parts, for recording a decision without re-linting.
    var decisionKey: DecisionKey

    enum CodingKeys: String, CodingKey {
        case key, file, rule, severity, message, text, line, column, suggestions, sentence, context
        case sentenceStart = "sentence_start"
        case sentenceEnd = "sentence_end"
    }
}

/// Every flag of the reviewed files, in file and then text order; built once per run.
///
/// A flag is kept as its diagnostic and key, and made into a `ReviewItem` (its sentence and
/// paragraph as text) only when a page asks for it: 500 KB of one-line text has 100,000 flags, and
/// their cards would be some 300 MB held for the whole run (issue 21).
public struct ReviewCatalog: Sendable {
    /// What the API filters and counts by, without the text a card carries.
    public struct Entry: Sendable {
        public let key: String
        let flag: Diagnostic
        let decisionKey: DecisionKey
        let document: Int

        public var file: String { decisionKey.path }
        public var rule: String { flag.rule }
        public var severity: Severity { flag.severity }
    }

    public let entries: [Entry]
    public let files: [String]
    /// The rules with a flag, sorted.
    public let rules: [String]
    private let documents: [Document]
    private let index: [String: Int]

    /// Context longer than this on either side of the sentence is cut: a single-line file can be
    /// one enormous paragraph.
    static let contextLimit = 600

    public init(reports: [FileReport], root: String) {
        var entries: [Entry] = []
        var files: [String] = []
        var documents: [Document] = []
        for report in reports {
            guard let document = report.document else { continue }
            let path = DecisionKey.relativePath(document.path, root: root)
            files.append(path)
            let keys = DecisionKey.all(report.flags, in: document, path: path)
            for (flag, key) in zip(report.flags, keys) {
                entries.append(
                    Entry(key: key.id, flag: flag, decisionKey: key, document: documents.count))
            }
            documents.append(document)
        }
        self.entries = entries
        self.files = files
        self.documents = documents
        rules = Set(entries.map(\.rule)).sorted()
        var index: [String: Int] = [:]
        for (offset, entry) in entries.enumerated() where index[entry.key] == nil { index[entry.key] = offset }
        self.index = index
    }

    public var count: Int { entries.count }

    /// The card of the flag at `position` in `entries`.
    public func item(at position: Int) -> ReviewItem {
        let entry = entries[position]
        return Self.item(entry.flag, key: entry.decisionKey, in: documents[entry.document])
    }

    public func item(_ key: String) -> ReviewItem? { index[key].map(item(at:)) }

    /// Every card at once: for the static HTML report, which shows them all anyway. The server
    /// makes only the cards of the page it answers.
    public var items: [ReviewItem] { entries.indices.map(item(at:)) }

    static func item(_ flag: Diagnostic, key: DecisionKey, in document: Document) -> ReviewItem {
        var suggestions: [String] = []
        for choice in (flag.fix.map { [$0.replacement] } ?? []) + flag.suggestions where !suggestions.contains(choice) {
            suggestions.append(choice)
        }
        let position = document.position(of: flag.range.start)
        return ReviewItem(
            key: key.id, file: key.path, rule: flag.rule, severity: flag.severity, message: flag.message,
            text: document.text(flag.range), line: position.line, column: position.column, suggestions: suggestions,
            sentence: document.text(flag.sentence), sentenceStart: document.fileOffset(flag.sentence.start),
            sentenceEnd: document.fileOffset(flag.sentence.end), context: context(flag, in: document), decisionKey: key)
    }

    /// The paragraph (a run of non-blank lines) around the flag, in five pieces.
    static func context(_ flag: Diagnostic, in document: Document) -> ReviewItem.Context {
        let sentence = ByteRange(min(flag.sentence.start, flag.range.start), max(flag.sentence.end, flag.range.end))
        let paragraph = paragraphRange(around: sentence, in: document)
        let before = document.text(ByteRange(paragraph.start, sentence.start))
        let after = document.text(ByteRange(sentence.end, paragraph.end))
        return ReviewItem.Context(
            before: before.count > contextLimit ? "…" + before.suffix(contextLimit) : before,
            sentenceBefore: document.text(ByteRange(sentence.start, flag.range.start)),
            span: document.text(flag.range),
            sentenceAfter: document.text(ByteRange(flag.range.end, sentence.end)),
            after: after.count > contextLimit ? after.prefix(contextLimit) + "…" : after)
    }

    /// How far the paragraph is looked for either side of the sentence: enough bytes for
    /// `contextLimit` characters and a cut mark, so a page of one enormous line costs each flag
    /// this much and not the whole line (500 KB of one-line text has 100,000 flags).
    static let scanLimit = 4 * contextLimit + 4

    static func paragraphRange(around range: ByteRange, in document: Document) -> ByteRange {
        let bytes = document.bytes
        let floor = max(document.bodyStart, range.start - scanLimit)
        let ceiling = min(bytes.count, range.end + scanLimit)
        func isBlank(_ line: Range<Int>) -> Bool {
            line.allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 || bytes[$0] == 0x0D || bytes[$0] == 0x0A }
        }
        func lineStart(before offset: Int) -> Int {
            var index = offset
            while index > floor, bytes[index - 1] != 0x0A, bytes[index - 1] != 0x0D { index -= 1 }
            return index
        }
        func lineEnd(from offset: Int) -> Int {
            var index = offset
            while index < ceiling, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
            return index
        }
        var start = lineStart(before: range.start)
        while start > floor {
            // Step over the line break (CRLF counts once) to the previous line.
            var end = start - 1
            if end > document.bodyStart, bytes[end] == 0x0A, bytes[end - 1] == 0x0D { end -= 1 }
            let previous = lineStart(before: end)
            if isBlank(previous..<end) { break }
            start = previous
        }
        var end = lineEnd(from: range.end)
        while end < ceiling {
            var next = end + 1
            if bytes[end] == 0x0D, next < bytes.count, bytes[next] == 0x0A { next += 1 }
            let nextEnd = lineEnd(from: next)
            if next >= bytes.count || isBlank(next..<nextEnd) { break }
            end = nextEnd
        }
        return ByteRange(start, max(start, end))
    }
}
