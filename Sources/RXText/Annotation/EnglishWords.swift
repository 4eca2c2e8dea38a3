import Foundation

/// A real English word list, for telling unknown words from known ones (spelling rules) and
/// surnames that are also words. Read from `glossaries/wordlists/english.txt` (derived from SCOWL
/// via Debian's wamerican), falling back to `/usr/share/dict/words`. Loaded once, on first use.
public struct EnglishWords: Sendable {
    private let words: Set<String>

    public init(words: Set<String>) {
        self.words = words
    }

    public func contains(_ folded: String) -> Bool { words.contains(folded) }
    public var count: Int { words.count }

    public static let shared: EnglishWords = {
        var paths: [String] = []
        if let directory = GlossaryLocator.locate() { paths.append(directory + "/wordlists/english.txt") }
        paths.append("/usr/share/dict/words")
        for path in paths {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                return EnglishWords(words: parse(text))
            }
        }
        return EnglishWords(words: [])
    }()

    static func parse(_ text: String) -> Set<String> {
        var result = Set<String>()
        result.reserveCapacity(120_000)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            if line.hasSuffix("'s") { continue }
            result.insert(ICU.fold(String(line), options: .caseInsensitive))
        }
        return result
    }
}
