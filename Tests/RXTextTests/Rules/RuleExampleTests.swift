import Foundation
import Testing

@testable import RXText

/// Shared, loaded once: the repository's own glossaries compiled.
enum TestLexicon {
    static let engine: Engine = {
        let directory = Fixtures.repository.appendingPathComponent("glossaries").path
        do {
            return try Engine(glossaries: directory)
        } catch {
            fatalError("the shipped glossaries do not load:\n\(error)")
        }
    }()

    static var shared: Lexicon { engine.lexicon }

    /// Every rule, as `rxtext lint` runs them without a configuration.
    static var linter: Linter { engine.linter }

    /// The compiled instance of one rule.
    static func rule(_ type: any Rule.Type) -> any Rule {
        engine.rules.rule(id: type.description.id)!
    }

    static func annotate(_ text: String) throws -> AnnotatedArticle {
        Annotator(lexicon: shared).annotate(try Document(bytes: Array(text.utf8), path: "example.txt"))
    }
}

/// Runs every rule's own examples: flagged ones must flag exactly the marked spans (also after
/// multi-byte text is prepended, to catch offset bugs), unflagged ones nothing, and `fixed`
/// examples must read so after the rule's safe fixes.
@Suite struct RuleExampleTests {
    static let rules: [any Rule.Type] = RuleRegistry.all

    /// Examples that hold only with Voikko or FreeDict run where they are installed.
    static func runs(_ example: Example) -> Bool { LanguageTools.system.has(all: example.needs) }

    /// Emoji, diacritics and a combining mark: every byte offset after it shifts unevenly. No
    /// rule may flag it (a Finnish word there would be one for untranslated.finnish-word).
    static let prefix = "🏁 Café Zu\u{0308}rich – Åmål.\n\n"

    static func spans(of rule: any Rule.Type, in text: String) throws -> [ByteRange] {
        let article = try TestLexicon.annotate(text)
        return Linter(rules: [TestLexicon.rule(rule)]).lint(article).map(\.range)
    }

    @Test(arguments: rules.map { $0.description.id })
    func flaggedExamplesFlagExactlyTheMarkedSpans(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id))
        for example in rule.description.flagged where Self.runs(example) {
            let location = SourceLocation(fileID: example.file, filePath: example.file, line: example.line, column: 1)
            let (text, expected) = example.parsed
            #expect(try Self.spans(of: rule, in: text) == expected, "\(example.text)", sourceLocation: location)
            let shift = Self.prefix.utf8.count
            let shifted = try Self.spans(of: rule, in: Self.prefix + text)
            #expect(
                shifted == expected.map { ByteRange($0.start + shift, $0.end + shift) }, "with prefix: \(example.text)",
                sourceLocation: location)
        }
    }

    @Test(arguments: rules.map { $0.description.id })
    func unflaggedExamplesFlagNothing(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id))
        for example in rule.description.unflagged where Self.runs(example) {
            let location = SourceLocation(fileID: example.file, filePath: example.file, line: example.line, column: 1)
            #expect(
                try Self.spans(of: rule, in: example.parsed.text) == [], "\(example.text)", sourceLocation: location)
        }
    }

    @Test(arguments: rules.map { $0.description.id })
    func fixedExamplesReadAsFixed(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id))
        for example in rule.description.flagged where Self.runs(example) {
            guard let fixed = example.fixed else { continue }
            let location = SourceLocation(fileID: example.file, filePath: example.file, line: example.line, column: 1)
            let article = try TestLexicon.annotate(example.parsed.text)
            let result = Cleaner().clean(article.document, flags: Linter(rules: [TestLexicon.rule(rule)]).lint(article))
            #expect(result.text == fixed + "\n", sourceLocation: location)
            // Applying the fixes again changes nothing.
            let again = try TestLexicon.annotate(result.text)
            #expect(
                Cleaner().clean(again.document, flags: Linter(rules: [TestLexicon.rule(rule)]).lint(again)).text
                    == result.text,
                sourceLocation: location)
        }
    }
}

/// The examples that need Voikko or FreeDict, and the rules without them.
@Suite struct LanguageToolExampleTests {
    static let needing = RuleRegistry.all.flatMap { rule in
        (rule.description.flagged + rule.description.unflagged).filter { !$0.needs.isEmpty }.map { (rule, $0) }
    }

    /// Where the packages are installed the other example tests ran these too; elsewhere this
    /// test is skipped, and says why.
    @Test(
        .enabled(
            if: LanguageTools.system.has(all: LanguageTool.allCases),
            "libvoikko, voikko-fi or dict-freedict-fin-eng is not installed: the examples that need them were skipped"
        ))
    func examplesNeedingVoikkoOrFreeDictRan() {
        #expect(Self.needing.count >= 5)
        #expect(Self.needing.allSatisfy { RuleExampleTests.runs($0.1) })
    }

    /// Without the tools, a rule that needs them is off (its flagged examples raise nothing), and
    /// one that runs without them still flags its examples that need nothing.
    @Test func rulesWithoutTheToolsAreOffOrRunOnTheGlossaries() throws {
        let rules = RuleSet(lexicon: TestLexicon.shared, language: .none)
        for type in RuleRegistry.all where !type.description.needs.isEmpty {
            let rule = try #require(rules.rule(id: type.description.id))
            for example in type.description.flagged {
                let (text, expected) = example.parsed
                let spans = Linter(rules: [rule]).lint(try TestLexicon.annotate(text)).map(\.range)
                if example.needs.isEmpty && type.description.runsWithout {
                    #expect(spans == expected, "\(type.description.id) without Voikko: \(example.text)")
                } else {
                    #expect(spans.isEmpty, "\(type.description.id) without Voikko: \(example.text)")
                }
            }
        }
        let note = try #require(rules.unavailableNote)
        #expect(note.contains("off: untranslated.finnish-word"))
        #expect(note.contains("calque.surname") && note.contains("apt-get install"))
        #expect(!note.contains("\n"))
    }
}

@Suite struct RuleRegistryTests {
    @Test func idsAreUniqueAndWellFormed() {
        let ids = RuleRegistry.all.map { $0.description.id }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.split(separator: ".").count == 2, "\(id) is not family.name")
            #expect(id == id.lowercased())
        }
    }

    @Test func everyRuleHasBothKindsOfExamples() {
        for rule in RuleRegistry.all {
            #expect(!rule.description.flagged.isEmpty, "\(rule.description.id) has no flagged example")
            #expect(!rule.description.unflagged.isEmpty, "\(rule.description.id) has no unflagged example")
        }
    }

    /// Every `struct X: Rule` in Sources/RXText/Rules is registered: a rule file cannot be forgotten.
    @Test func everyRuleTypeInTheSourcesIsRegistered() throws {
        let rulesDirectory = Fixtures.repository.appendingPathComponent("Sources/RXText/Rules")
        let enumerator = try #require(FileManager.default.enumerator(atPath: rulesDirectory.path))
        var declared: Set<String> = []
        while let file = enumerator.nextObject() as? String {
            guard file.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: rulesDirectory.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("struct ") && line.contains(": Rule {") {
                declared.insert(String(line.dropFirst("struct ".count).prefix { $0 != ":" }))
            }
        }
        let registered = Set(RuleRegistry.all.map { String(describing: $0) })
        #expect(declared == registered)
        #expect(declared.count >= 14)
    }
}

@Suite struct StemTests {
    /// The byte comparison of ASCII words answers as comparing the stems built as Strings does.
    @Test func sameAgreesWithComparingStems() {
        let stem = Stem(suffixes: TestLexicon.shared.glossary.words("stem-suffixes"))
        let words = [
            "prepared", "prepare", "preparing", "preparations", "preparation", "rally", "rallies", "rallied", "race",
            "races", "racer", "raced", "season", "seasons", "finals", "final", "tyres", "tyre", "cars", "car", "a", "",
            "yy", "ings", "sings", "singe", "kallioes", "Grönholm", "grönholms", "höljes", "höljed", "ééééing", "éééé",
        ]
        for a in words {
            for b in words {
                #expect(stem.same(a, b) == (stem.of(a) == stem.of(b)), "\(a) \(b)")
            }
        }
        #expect(stem.same("prepared", "preparing"))
        #expect(!stem.same("season", "final"))
    }
}

@Suite struct NearestNamesTests {
    /// A word is looked up once per lexicon's names; another lexicon's names start afresh, and
    /// a full cache starts again rather than growing.
    @Test func answersOncePerWordAndNames() throws {
        let cache = NearGlossaryTermRule.NearestNames(capacity: 2)
        let names = NameIndex(glossary: TestLexicon.shared.glossary)
        var computed: [String] = []
        func answer(_ word: String) -> String? {
            cache.answers(for: names).answer(for: word) {
                computed.append($0)
                return names.nearest(to: $0)
            }
        }
        #expect(answer("kallo") == answer("kallo"))
        #expect(computed == ["kallo"])
        _ = answer("grönholn")
        _ = answer("baciuska")
        _ = answer("kallo")
        #expect(computed == ["kallo", "grönholn", "baciuska", "kallo"])
        let long = String(repeating: "kallio", count: 20)
        _ = answer(long)
        _ = answer(long)
        #expect(computed.suffix(2) == [long, long])
        computed.removeLast(2)
        let otherNames = NameIndex(glossary: TestLexicon.shared.glossary)
        _ = cache.answers(for: otherNames).answer(for: "baciuska") {
            computed.append($0)
            return nil
        }
        #expect(computed.last == "baciuska" && computed.count == 5)
    }
}
