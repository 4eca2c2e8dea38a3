import Foundation

/// Drivers a corpus names that the glossary does not know, for `rxtext glossary suggest`: the
/// names the results reader takes as drivers (`driver_id: null` in the record), each with how
/// often the corpus names it, the nationality the text gives it ("the Belgian Koen Pauwels") and
/// the first sentence naming it, written as `drivers.yaml` entries a glossary keeper can paste.
public struct GlossarySuggestions: Sendable {
    public struct Suggestion: Sendable, Equatable {
        public var name: String
        public var mentions: Int
        public var articles: Int
        /// ISO 3166-1 alpha-3, where a country adjective stands before the name.
        public var nationality: String?
        public var path: String
        public var line: Int
        public var sentence: String
    }

    private var byKey: [String: Suggestion] = [:]
    private var order: [String] = []

    public init() {}

    public mutating func add(_ article: AnnotatedArticle) {
        let glossary = article.lexicon.glossary
        let names = DriverNames(article)
        var seenHere: Set<String> = []
        for (index, named) in names.bySentence.enumerated() {
            let sentence = article.sentences[index]
            for name in named where name.driver.id == nil {
                let key = ICU.fold(name.driver.name)
                // A country adjective just before the name ("the Belgian Koen Pauwels").
                let nationality = names.mentionsBySentence[index].lazy.compactMap { mention -> String? in
                    guard mention.tokens.upperBound == name.tokens.lowerBound,
                        case .country(let c, adjective: true) = mention.entity
                    else { return nil }
                    return glossary.countries[c].alpha3
                }.first
                if var known = byKey[key] {
                    known.mentions += 1
                    if seenHere.insert(key).inserted { known.articles += 1 }
                    if known.nationality == nil { known.nationality = nationality }
                    byKey[key] = known
                    continue
                }
                seenHere.insert(key)
                order.append(key)
                let start = sentence.words[name.tokens.lowerBound].range.start
                byKey[key] = Suggestion(
                    name: name.driver.name, mentions: 1, articles: 1, nationality: nationality,
                    path: article.document.path, line: article.document.position(of: start).line,
                    sentence: Self.excerpt(article.document.text(sentence.range)))
            }
        }
    }

    /// Most named first; the corpus's order among equals.
    public var suggestions: [Suggestion] {
        order.enumerated().map { (offset: $0.offset, suggestion: byKey[$0.element]!) }
            .sorted { a, b in
                a.suggestion.mentions != b.suggestion.mentions
                    ? a.suggestion.mentions > b.suggestion.mentions : a.offset < b.offset
            }
            .map(\.suggestion)
    }

    /// `drivers.yaml` entries, each with a comment saying where the name was seen.
    public func yaml(files: Int) -> String {
        let list = suggestions
        var lines = [
            "# \(list.count) driver name\(list.count == 1 ? "" : "s") the glossary does not know, in \(files) file\(files == 1 ? "" : "s");",
            "# check each against a source before pasting it into glossaries/drivers.yaml.",
            "drivers:",
        ]
        for suggestion in list {
            lines.append(
                "  # \(suggestion.mentions) mention\(suggestion.mentions == 1 ? "" : "s") in \(suggestion.articles) "
                    + "article\(suggestion.articles == 1 ? "" : "s"); first \(suggestion.path):\(suggestion.line): "
                    + suggestion.sentence)
            lines += Self.entry(
                id: Self.id(for: suggestion.name), name: suggestion.name, nationality: suggestion.nationality)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One `drivers:` list item as YAML lines (indented under `drivers:`): what `suggest` prints
    /// and what the review page appends to a house glossary.
    public static func entry(id: String, name: String, nationality: String?, aliases: [String] = []) -> [String] {
        var lines = ["  - id: \(quoted(id))", "    name: \(quoted(name))"]
        if let nationality { lines.append("    nationality: \(quoted(nationality))") }
        if !aliases.isEmpty { lines.append("    aliases: [\(aliases.map { quoted($0) }.joined(separator: ", "))]") }
        return lines
    }

    /// The glossary's id convention: the ASCII folding of the name, words joined by hyphens.
    public static func id(for name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var id = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
                id.unicodeScalars.append(scalar)
            } else if !id.hasSuffix("-") && !id.isEmpty {
                id += "-"
            }
        }
        while id.hasSuffix("-") { id.removeLast() }
        return id
    }

    /// A YAML scalar that reads back as exactly `text`: plain when it is letters (and inner
    /// spaces, hyphens, dots, apostrophes; no comma, so also inside `[a, b]`) starting with a
    /// letter, else double-quoted with `\`, `"` and control characters escaped.
    static func quoted(_ text: String) -> String {
        let plain =
            text.first?.isLetter == true && text.last?.isWhitespace == false
            && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "'" || $0 == "." }
        if plain { return text }
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    escaped += String(format: "\\u%04X", scalar.value)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped + "\""
    }

    /// The sentence on one line, up to 140 characters.
    private static func excerpt(_ text: String) -> String {
        let line = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        return line.count <= 140 ? line : String(line.prefix(139)) + "…"
    }
}
