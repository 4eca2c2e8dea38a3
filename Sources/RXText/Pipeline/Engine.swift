/// The glossaries compiled once per process: the lexicon and every rule compiled against it.
/// Every command lints, cleans and extracts through one; all files share it, read-only.
public final class Engine: Sendable {
    public let lexicon: Lexicon
    public let rules: RuleSet

    /// `english`: the target language's word list, from the glossary directory
    /// (`EnglishWords.load(glossaries:)`); `language`: Voikko and FreeDict where installed.
    public init(_ glossary: Glossary, english: EnglishWords, language: LanguageTools = .system) {
        lexicon = Lexicon(glossary, english: english, markedWords: RuleSet.markedWords)
        rules = RuleSet(lexicon: lexicon, language: language)
    }

    /// The glossaries of `directory` read from their YAML (no cache), with its word list.
    public convenience init(glossaries directory: String) throws(GlossaryErrors) {
        self.init(try GlossaryLoader().load(directory: directory), english: EnglishWords.load(glossaries: directory))
    }

    /// The glossaries of `directory` with those of `extra` merged in (a configuration's
    /// `glossaries:`), each through `cache` when there is one; the word list is `directory`'s.
    public static func load(
        directory: String, extra: [String] = [], cache: GlossaryCache? = .standard()
    ) throws(GlossaryErrors) -> Engine {
        func load(_ path: String) throws(GlossaryErrors) -> Glossary {
            if let cache { return try cache.load(directory: path) }
            return try GlossaryLoader().load(directory: path)
        }
        var glossary = try load(directory)
        for path in extra { glossary.merge(try load(path)) }
        return Engine(glossary, english: EnglishWords.load(glossaries: directory))
    }

    public var glossary: Glossary { lexicon.glossary }

    /// Every rule at its default severity.
    public var linter: Linter { rules.linter() }
}
