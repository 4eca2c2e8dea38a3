/// A lint rule: one garble pattern, with the examples that prove it.
///
/// Rules see an annotated article (sentences, words, lexicon matches, mentions). Most work one
/// sentence at a time; rules that compare sentences (spelling consistency) override
/// `checkArticle`. Every rule carries flagged and unflagged examples that the test suite runs.
///
/// A rule is made once per process, when the rule set is compiled (`RuleSet`), from a
/// `RuleContext`: whatever it looks things up in (an index of names, an allow-list, a word
/// list) it builds there, from the glossaries, and keeps. What it knows of the source language
/// it asks `context.language`.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// Single words the rule starts from ("of", "to"): the lexicon is compiled with them and
    /// annotation notes which of them each sentence has (`AnnotatedSentence.has(_:)`), so the
    /// rule passes over sentences without them. Empty for most rules.
    static var markedWords: [String] { get }
    init(_ context: RuleContext)
    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic]
    func checkArticle(_ article: AnnotatedArticle) -> [Diagnostic]
    /// All of the rule's flags in an article, appended to `flags`: `check` for every sentence,
    /// then `checkArticle`.
    func lint(_ article: AnnotatedArticle, into flags: inout [Diagnostic])
}

extension Rule {
    public static var markedWords: [String] { [] }
    public func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] { [] }
    public func checkArticle(_ article: AnnotatedArticle) -> [Diagnostic] { [] }

    /// The linter calls this once per rule and article, so the loop over sentences is compiled
    /// for each rule and calls its `check` directly: sixteen rules times every sentence of an
    /// archive were as many dynamic calls.
    public func lint(_ article: AnnotatedArticle, into flags: inout [Diagnostic]) {
        for sentence in article.sentences {
            let found = check(sentence, in: article)
            if !found.isEmpty { flags += found }
        }
        flags += checkArticle(article)
    }

    /// A flag of this rule over a span of a sentence.
    func flag(
        _ range: ByteRange, in sentence: AnnotatedSentence, message: String, suggestions: [String] = [],
        fix: Fix? = nil,
        severity: Severity? = nil
    ) -> Diagnostic {
        Diagnostic(
            rule: Self.description.id, severity: severity ?? Self.description.severity, message: message, range: range,
            sentence: Self.context(of: range, in: sentence), suggestions: suggestions, fix: fix)
    }

    /// The sentence a flag carries, cut to about `contextBytes` either side of its span at word
    /// boundaries: a scraped table or list can be one "sentence" of megabytes, and each of its
    /// flags carrying all of it cost gigabytes. Ordinary sentences are carried whole.
    static func context(of range: ByteRange, in sentence: AnnotatedSentence) -> ByteRange {
        let whole = sentence.range
        guard whole.count > 2 * contextBytes + range.count else { return whole }
        let words = sentence.words
        // The first word starting at or after `range.start - contextBytes`, the last ending by
        // `range.end + contextBytes`; binary searches, the words being in order.
        func firstIndex(startingAtOrAfter offset: Int) -> Int {
            var low = 0
            var high = words.count
            while low < high {
                let middle = (low + high) / 2
                if words[middle].range.start < offset { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let startIndex = firstIndex(startingAtOrAfter: range.start - contextBytes)
        let start = startIndex < words.count ? min(words[startIndex].range.start, range.start) : range.start
        let afterIndex = firstIndex(startingAtOrAfter: range.end + contextBytes)
        let end = afterIndex > 0 ? max(words[afterIndex - 1].range.end, range.end) : range.end
        return ByteRange(max(whole.start, start), min(whole.end, max(end, range.end)))
    }
}

/// Bytes of sentence a flag carries on each side of its span (`Rule.context(of:in:)`).
let contextBytes = 400

/// What a rule is: id (`family.name`), default severity, a one-line summary, and examples.
public struct RuleDescription: Sendable {
    public var id: String
    public var severity: Severity
    public var summary: String
    public var flagged: [Example]
    public var unflagged: [Example]
    /// The language tools the rule asks (Voikko, FreeDict); without them it is off, or, when
    /// `runsWithout`, runs on the glossaries alone.
    public var needs: [LanguageTool]
    public var runsWithout: Bool
    /// Tools the rule asks where installed without needing them (FreeDict's glosses in a
    /// suggestion).
    public var alsoUses: [LanguageTool]

    /// Every tool the rule asks: what a configuration's `language:` may switch off for it.
    public var uses: [LanguageTool] { needs + alsoUses.filter { !needs.contains($0) } }

    public init(
        id: String, severity: Severity, summary: String, flagged: [Example], unflagged: [Example],
        needs: [LanguageTool] = [], runsWithout: Bool = false, alsoUses: [LanguageTool] = []
    ) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.flagged = flagged
        self.unflagged = unflagged
        self.needs = needs
        self.runsWithout = runsWithout
        self.alsoUses = alsoUses
    }

    public var family: String { String(id.split(separator: ".").first ?? "") }
}

/// An example text. In flagged examples the expected spans are marked inline with ⟦ ⟧; `fixed`
/// is the text after the rule's safe fixes, when the rule has one. The source location lets a
/// failing example point at the rule's own file.
public struct Example: Sendable {
    public var text: String
    public var fixed: String?
    /// The language tools the example holds only with (Voikko, FreeDict): the tests run it where
    /// they are installed and say they skipped it elsewhere.
    public var needs: [LanguageTool]
    public var file: String
    public var line: Int

    public init(
        _ text: String, fixed: String? = nil, needs: [LanguageTool] = [], file: String = #filePath,
        line: Int = #line
    ) {
        self.text = text
        self.fixed = fixed
        self.needs = needs
        self.file = file
        self.line = line
    }

    /// The text without markers, and the marked spans as byte ranges into it.
    public var parsed: (text: String, spans: [ByteRange]) {
        var plain: [UInt8] = []
        var spans: [ByteRange] = []
        var open: Int? = nil
        for scalar in text.unicodeScalars {
            switch scalar {
            case "⟦": open = plain.count
            case "⟧":
                if let start = open { spans.append(ByteRange(start, plain.count)) }
                open = nil
            default: plain.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        return (String(decoding: plain, as: UTF8.self), spans)
    }
}
