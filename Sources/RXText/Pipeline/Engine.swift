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

    /// The glossaries of `directory` with those of `extra` (a configuration's `glossaries:`)
    /// read as one, through `cache` when there is one; the word list is `directory`'s. Read as
    /// one, a house glossary's driver may name a nationality of the shipped `countries.yaml`, and
    /// an id it repeats is an error rather than two entries.
    public static func load(
        directory: String, extra: [String] = [], cache: GlossaryCache? = .standard()
    ) throws(GlossaryErrors) -> Engine {
        let directories = [directory] + extra.filter { $0 != directory }
        let glossary: Glossary
        if let cache {
            glossary = extra.isEmpty ? try cache.load(directory: directory) : try cache.load(directories: directories)
        } else {
            glossary = try GlossaryLoader().load(directories: directories)
        }
        return Engine(glossary, english: EnglishWords.load(glossaries: directory))
    }

    public var glossary: Glossary { lexicon.glossary }

    /// Every rule at its default severity.
    public var linter: Linter { rules.linter() }
}
