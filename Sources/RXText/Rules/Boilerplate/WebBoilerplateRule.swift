/// Web-page leftovers scraped with the article: "Leave a Reply", "Share this:", comment-form
/// text. Listed in `glossaries/garbles/boilerplate.yaml`; a line that starts with one and is short
/// is flagged, and `clean` removes it.
struct WebBoilerplateRule: Rule {
    static let description = RuleDescription(
        id: "boilerplate.web-leftover",
        severity: .warning,
        summary: "Web-page text (comment forms, share buttons) that is not part of the article.",
        flagged: [
            Example(
                "The season ended well.\n\n⟦Leave a Reply⟧\n\n⟦Your email address will not be published. Required fields are marked *⟧"
            ),
            Example("Next year looks promising.\n\n⟦Share this:⟧"),
            // One paragraph of a share widget: lines trimmed, each an entry or its link names.
            Example("Next year looks promising.\n\n⟦Share this: \nLike this:⟧"),
            Example(
                "Next year looks promising.\n\n⟦Click to share on Facebook (Opens in new window)\nClick to share on Twitter (Opens in new window)⟧"
            ),
            Example("Next year looks promising.\n\n⟦Share this:\nTwitter\nFacebook⟧"),
            Example("Next year looks promising.\n\n⟦Previous article⟧\n\n⟦Next article⟧"),
        ],
        unflagged: [
            Example("He said he would leave a reply to the stewards for Monday."),
            Example("Related to the rules, the joker lap was longer this year."),
            Example("Share this: the team wants every fan to know.\nLike this: a win at home."),
            Example("Next article in the series will cover the final (in August)."),
        ])

    static let maximumWords = 14

    let lines: BoilerplateLines

    init(_ context: RuleContext) {
        lines = BoilerplateLines(glossary: context.glossary)
    }

    /// Whole paragraphs are judged once per article; each flag is reported in the paragraph's
    /// first sentence.
    func checkArticle(_ article: AnnotatedArticle) -> [Diagnostic] {
        lines.find(in: article).compactMap { line in
            guard let sentence = article.sentences.first(where: { $0.range.start == line.firstSentenceStart }) else {
                return nil
            }
            return flag(
                line.range, in: sentence, message: "web-page text, not part of the article: '\(line.entry)'",
                fix: Fix(replacement: "", safe: true))
        }
    }
}

/// Whole lines of boilerplate, found once per article, with the glossary's entries folded.
struct BoilerplateLines: Sendable {
    struct Line {
        var range: ByteRange
        var entry: String
        var firstSentenceStart: Int
    }

    /// Boilerplate is a short line; longer paragraphs are prose and are not even folded.
    static let maximumBytes = 400

    /// The boilerplate entries with their folded forms, for line-prefix checks.
    let entries: [(text: String, folded: String)]
    /// Each folded entry with spaces, asterisks, colons and full stops trimmed, as a run of
    /// entries compares its parts with them: trimmed once here, not per part and entry.
    private let trimmedEntries: Set<String>
    /// The first two bytes of every folded entry, as a set of bits over all 65,536 pairs: most
    /// short paragraphs start with a pair that no entry starts with.
    private let pairs: [UInt64]

    init(glossary: Glossary) {
        entries = glossary.boilerplate.map { ($0.text, ICU.fold($0.text)) }
        trimmedEntries = Set(entries.map { String($0.folded.trimmingCharacters(in: " *:.")) })
        var pairs = [UInt64](repeating: 0, count: 1 << 10)
        for (_, folded) in entries {
            let utf8 = Array(folded.utf8)
            guard let first = utf8.first else { continue }
            // An entry of one byte may start any pair with that byte.
            for second in utf8.count > 1 ? [utf8[1]] : Array(0...UInt8.max) {
                let pair = Int(first) << 8 | Int(second)
                pairs[pair >> 6] |= 1 << UInt64(pair & 63)
            }
        }
        self.pairs = pairs
    }

    /// Whether some entry folds to a text starting with these two bytes.
    func mayStart(with first: UInt8, _ second: UInt8) -> Bool {
        let pair = Int(first) << 8 | Int(second)
        return pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0
    }

    func find(in article: AnnotatedArticle) -> [Line] {
        var result: [Line] = []
        let bytes = article.document.bytes
        for paragraph in article.paragraphs where paragraph.range.count <= Self.maximumBytes {
            // Most short paragraphs are prose: a start that no entry begins with rules them out
            // before the whole paragraph is folded, and most paragraphs fail that test already.
            if let pair = Self.foldedPair(bytes, paragraph.range), !mayStart(with: pair.0, pair.1) {
                continue
            }
            let head = FoldedHead(bytes, paragraph.range)
            if !entries.contains(where: { head.mayStart($0.folded) }) { continue }
            let text = article.document.text(paragraph.range)
            let folded = ICU.fold(text)
            guard let entry = entries.first(where: { folded.hasPrefix($0.1) }) else { continue }
            let rest = folded.dropFirst(entry.1.count)
            // The entry must end at a word boundary, and the line must be short.
            if let next = rest.first, next.isLetter || next.isNumber { continue }
            if !isBoilerplate(text) { continue }
            let first =
                article.sentences.first { paragraph.range.contains($0.range.start) }?.range.start
                ?? paragraph.range.start
            result.append(Line(range: paragraph.range, entry: entry.0, firstSentenceStart: first))
        }
        return result
    }

    /// The first two bytes of a paragraph's fold where they are certain without folding: two
    /// ASCII bytes lower-cased, or the lead bytes of a mark from U+2000 to U+203F (the dialogue
    /// dash that starts a quoted paragraph, quotation marks), which folds within those bytes;
    /// all but the typographic apostrophes U+2018 and U+2019, which fold to "'".
    static func foldedPair(_ bytes: [UInt8], _ range: ByteRange) -> (UInt8, UInt8)? {
        guard range.count >= 2 else { return nil }
        let (first, second) = (bytes[range.start], bytes[range.start + 1])
        if first < 0x80 && second < 0x80 {
            return (UTF8Scalars.asciiLowercased(first), UTF8Scalars.asciiLowercased(second))
        }
        guard first == 0xE2, second == 0x80, range.count >= 3 else { return nil }
        let third = bytes[range.start + 2]
        return third == 0x98 || third == 0x99 ? nil : (first, second)
    }

    /// The start of a paragraph as it folds, as far as that is certain without folding the
    /// whole paragraph: ASCII is lower-cased, a non-ASCII first character (a dialogue dash) is
    /// folded on its own, and from the next non-ASCII byte on nothing is certain. Compared with
    /// each entry byte by byte, as far as the entry goes or the first difference.
    struct FoldedHead {
        private let text: [UInt8]
        private let range: ByteRange
        /// The fold of a first character outside ASCII; empty when the paragraph starts in ASCII.
        private var first: [UInt8] = []
        /// Where the bytes after that character start.
        private var rest: Int

        init(_ text: [UInt8], _ range: ByteRange) {
            self.text = text
            self.range = range
            rest = range.start
            if rest < range.end, text[rest] >= 0x80 {
                let width = UTF8Scalars.sequenceLength(text[rest])
                first = ICU.fold(text[rest..<min(rest + width, range.end)])
                rest += width
            }
        }

        /// False only when the paragraph surely does not fold to a text starting with `entry`.
        func mayStart(_ entry: String) -> Bool {
            var firstIndex = 0
            var offset = rest
            for expected in entry.utf8 {
                if firstIndex < first.count {
                    if first[firstIndex] != expected { return false }
                    firstIndex += 1
                    continue
                }
                guard offset < range.end else { return false }
                let byte = text[offset]
                if byte >= 0x80 { return true }
                if UTF8Scalars.asciiLowercased(byte) != expected { return false }
                offset += 1
            }
            return true
        }
    }

    /// Whether a short paragraph that starts with an entry is boilerplate through and through,
    /// line by line (a share widget puts "Share this:" and "Like this:" on consecutive lines of
    /// one paragraph). Each line, its ends trimmed, is one of: the entry alone, a run of entries
    /// ("Share this: . Like this:"), the entry and a list of capitalised link names ("Share this:
    /// Facebook Twitter", "Click to share on Facebook (Opens in new window)"), or, after such a
    /// line, link names alone ("Twitter"). Never a sentence.
    func isBoilerplate(_ text: String) -> Bool {
        var afterEntry = false
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            let line = Self.withoutParentheses(rawLine.trimmingCharacters(in: " \t"))
            if line.isEmpty { continue }
            let folded = ICU.fold(line)
            if let entry = entries.first(where: { folded.hasPrefix($0.folded) }),
                folded.dropFirst(entry.folded.count).first.map({ !$0.isLetter && !$0.isNumber }) ?? true
            {
                if Self.isLinkList(line.dropFirst(entry.text.count)) || isRunOfEntries(folded) {
                    afterEntry = true
                    continue
                }
                return false
            }
            // Link names on lines of their own, under a share line.
            guard afterEntry, Self.isLinkList(Substring(line)), line.split(separator: " ").count <= 3 else {
                return false
            }
        }
        return afterEntry
    }

    /// Capitalised link names ("Facebook Twitter", "| Reddit, WhatsApp"), or nothing.
    private static func isLinkList(_ rest: Substring) -> Bool {
        let words = rest.split(whereSeparator: { $0.isWhitespace || $0 == "|" || $0 == "," || $0 == "•" })
        return words.count <= WebBoilerplateRule.maximumWords
            && words.allSatisfy { word in word.first.map { !$0.isLowercase } ?? true }
    }

    /// Every sentence of the line (split at full stops) is an entry.
    private func isRunOfEntries(_ folded: String) -> Bool {
        folded.split(separator: ".").allSatisfy { part in
            let trimmed = part.trimmingCharacters(in: " \t*:")
            return trimmed.isEmpty || trimmedEntries.contains(String(trimmed))
        }
    }

    /// The line without parenthesised asides: share buttons say "(Opens in new window)".
    private static func withoutParentheses(_ line: Substring) -> String {
        var result = ""
        var depth = 0
        for character in line {
            if character == "(" {
                depth += 1
            } else if character == ")" && depth > 0 {
                depth -= 1
            } else if depth == 0 {
                result.append(character)
            }
        }
        return String(result.trimmingCharacters(in: " \t"))
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var result = Substring(self)
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return result
    }
}
