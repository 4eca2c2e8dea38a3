/// What a rule is compiled against (`Rule.init(_:)`): the lexicon, and through it the glossaries
/// and the target language's word lists.
public struct RuleContext: Sendable {
    public let lexicon: Lexicon
    /// What rxtext knows of the source language beyond the glossaries (Voikko, FreeDict), when
    /// installed.
    public let language: LanguageTools
    /// What the source-language rules ask of each written word (English? Voikko's readings?),
    /// answered once per form for all of them.
    public let wordFacts: WordFacts

    public init(lexicon: Lexicon, language: LanguageTools = .system) {
        self.lexicon = lexicon
        self.language = language
        wordFacts = WordFacts(english: lexicon.english, morphology: language.morphology)
    }

    public var glossary: Glossary { lexicon.glossary }

    /// The words of the glossaries' word list `id` (`word-lists:`), in order.
    public func words(_ id: String) -> [String] { glossary.words(id) }

    /// `words(id)` as a set.
    public func wordSet(_ id: String) -> Set<String> { Set(words(id)) }

    /// One of the rule's `markedWords`, as the lexicon numbered it.
    public func marked(_ word: String) -> MarkedWord {
        guard let marked = lexicon.marked(word) else {
            preconditionFailure("'\(word)' is not a marked word of this lexicon: list it in the rule's markedWords")
        }
        return marked
    }
}

/// Every registered rule compiled for one lexicon, once per process: the linters of every
/// configuration choose from these instances.
public final class RuleSet: Sendable {
    public let lexicon: Lexicon
    /// In `RuleRegistry.all` order.
    public let rules: [any Rule]

    /// The words every registered rule marks: what the lexicon is compiled with.
    public static var markedWords: [String] {
        Array(Set(RuleRegistry.all.flatMap { $0.markedWords })).sorted()
    }

    /// The language tools the rules were compiled with.
    public let language: LanguageTools

    public init(lexicon: Lexicon, language: LanguageTools = .system) {
        self.lexicon = lexicon
        self.language = language
        let context = RuleContext(lexicon: lexicon, language: language)
        rules = RuleRegistry.all.map { $0.init(context) }
    }

    /// One line naming the checks that are off for want of Voikko or FreeDict; nil when both
    /// are installed.
    public var unavailableNote: String? { language.unavailableNote(rules: RuleRegistry.all) }

    /// The rule with this id, compiled.
    public func rule(id: String) -> (any Rule)? {
        rules.first { type(of: $0).description.id == id }
    }

    /// A linter with the rules whose ids are in `enabled` (all when nil), less those in
    /// `disabled`, severities overridden by rule id, and the rules in `toolsOff` compiled
    /// without the language tools named there (a configuration's `language:`).
    public func linter(
        enabled: Set<String>? = nil, disabled: Set<String> = [], severities: [String: Severity] = [:],
        toolsOff: [String: Set<LanguageTool>] = [:]
    ) -> Linter {
        Linter(
            rules: rules.compactMap { rule in
                let id = type(of: rule).description.id
                guard (enabled?.contains(id) ?? true) && !disabled.contains(id) else { return nil }
                guard let off = toolsOff[id], !off.isEmpty, !language.missing(all: off) else { return rule }
                return compiled(type(of: rule), without: off)
            }, severities: severities)
    }

    /// Rules compiled again without some tools, each the first time a configuration asks.
    private let reduced = ReducedRules()

    private final class ReducedRules: @unchecked Sendable {
        let lock = Lock()
        var rules: [String: any Rule] = [:]
    }

    /// `rule` compiled with this set's tools less `tools`.
    private func compiled(_ rule: any Rule.Type, without tools: Set<LanguageTool>) -> any Rule {
        let key = ([rule.description.id] + tools.map(\.rawValue).sorted()).joined(separator: " ")
        return reduced.lock.withLock {
            if let known = reduced.rules[key] { return known }
            var problems = language.problems
            for tool in tools { problems[tool] = "off in the configuration" }
            let tools = LanguageTools(
                morphology: tools.contains(.morphology) ? nil : language.morphology,
                dictionary: tools.contains(.dictionary) ? nil : language.dictionary, problems: problems)
            let made = rule.init(RuleContext(lexicon: lexicon, language: tools))
            reduced.rules[key] = made
            return made
        }
    }
}

extension LanguageTools {
    /// One line for standard error naming the checks that are off (or run reduced) for want of
    /// a tool, with the packages to install; nil when everything is there.
    public func unavailableNote(rules: [any Rule.Type]) -> String? {
        let missing = LanguageTool.allCases.filter { !has($0) }
        guard !missing.isEmpty else { return nil }
        var off: [String] = []
        var reduced: [String] = []
        for rule in rules {
            let description = rule.description
            guard !description.needs.isEmpty, !has(all: description.needs) else { continue }
            if description.runsWithout { reduced.append(description.id) } else { off.append(description.id) }
        }
        let reasons = missing.map { "\($0.name): \(problems[$0] ?? "missing")" }.joined(separator: "; ")
        var checks: [String] = []
        if !off.isEmpty { checks.append("off: \(off.joined(separator: ", "))") }
        if !reduced.isEmpty { checks.append("glossaries only: \(reduced.joined(separator: ", "))") }
        let packages = Set(missing.flatMap(\.packages)).sorted().joined(separator: " ")
        return "rxtext: \(reasons). Checks \(checks.joined(separator: "; ")) (apt-get install \(packages))"
    }
}
