import Foundation
import Testing

@testable import RXText

/// `.rxtext.yaml`'s `language:` switches Voikko or FreeDict off for every rule or for the rules
/// it lists, as `RXTEXT_VOIKKO=off` and `RXTEXT_FREEDICT=off` do for a whole run.
@Suite struct LanguageConfigurationTests {
    static func load(_ text: String) throws -> Configuration {
        let directory = try TemporaryDirectory()
        return try Configuration.load(path: try directory.write(".rxtext.yaml", text))
    }

    static func problems(_ text: String) throws -> [String] {
        let directory = try TemporaryDirectory()
        let path = try directory.write(".rxtext.yaml", text)
        do {
            _ = try Configuration.load(path: path)
            return []
        } catch {
            return error.errors.map { "\($0.line):\($0.column): \($0.message)" }
        }
    }

    @Test func toolsAreSwitchedOffForAllRulesOrTheListedOnes() throws {
        let configuration = try Self.load("language:\n  voikko: [untranslated.case-ending]\n  freedict: off\n")
        #expect(configuration.toolsOff == [.morphology: .rules(["untranslated.case-ending"]), .dictionary: .all])
        // Each rule goes without the tools it asks that are off for it.
        #expect(
            configuration.toolsOffByRule == [
                "untranslated.case-ending": [.morphology], "calque.surname": [.dictionary],
                "untranslated.finnish-word": [.dictionary],
            ])
        #expect(
            try Self.load("language:\n  voikko: off\n").toolsOffByRule.keys.sorted() == [
                "calque.surname", "untranslated.case-ending", "untranslated.finnish-word",
            ])
        #expect(Configuration().toolsOffByRule.isEmpty)
    }

    @Test func mistakesAreReportedWithTheirLine() throws {
        #expect(
            try Self.problems("language:\n  hunspell: off\n") == [
                "2:3: unknown language tool 'hunspell' (expected voikko or freedict)"
            ])
        #expect(
            try Self.problems("language:\n  voikko: [no.such-rule]\n") == [
                "2:12: unknown rule 'no.such-rule' (see `rxtext rules`)"
            ])
        let notAUser = try Self.problems("language:\n  freedict: [untranslated.case-ending]\n")
        #expect(notAUser.count == 1)
        #expect(notAUser.first?.hasPrefix("2:14: rule 'untranslated.case-ending' does not use freedict") == true)
        #expect(
            try Self.problems("language:\n  voikko: on\n") == [
                "2:11: expected 'off' or a list of rule ids under 'voikko'"
            ])
    }

    /// A rule with a tool off runs as it does where the tool is missing: off if it needs it,
    /// on the glossaries alone if it runs without; every other rule is the shared instance.
    @Test func aRuleWithAToolOffRunsAsWithoutIt() throws {
        let rules = TestLexicon.engine.rules
        let all = Set(LanguageTool.allCases)
        let linter = rules.linter(toolsOff: ["calque.surname": all, "untranslated.case-ending": all])
        for type in [SurnameCalqueRule.self, CaseEndingRule.self] as [any Rule.Type] {
            let rule = try #require(
                linter.rules.first { Swift.type(of: $0).description.id == type.description.id })
            for example in type.description.flagged {
                let (text, expected) = example.parsed
                let spans = Linter(rules: [rule]).lint(try TestLexicon.annotate(text)).map(\.range)
                #expect(spans == (example.needs.isEmpty ? expected : []), "\(example.text)")
            }
        }
        #expect(linter.rules.count == rules.rules.count)
        let surnames = try #require(linter.rules.first { $0 is SurnameCalqueRule } as? SurnameCalqueRule)
        #expect(surnames.composer == nil)
    }

    /// With Voikko installed, the configured rule loses what Voikko found and keeps the rest.
    @Test(.enabled(if: LanguageTools.system.has(.morphology), "libvoikko or voikko-fi is not installed"))
    func aConfiguredRuleLosesOnlyWhatVoikkoFound() throws {
        let text = "He was the quickest of the Virtasen team in the Supercar class. Heikkisen car was the fastest."
        let article = try TestLexicon.annotate(text)
        func caseEndings(_ configuration: Configuration) -> [String] {
            configuration.linter(from: TestLexicon.engine.rules).lint(article)
                .filter { $0.rule == "untranslated.case-ending" }.map { article.document.text($0.range) }
        }
        #expect(caseEndings(Configuration()) == ["Virtasen", "Heikkisen"])
        let configuration = try Self.load("language:\n  voikko: [untranslated.case-ending]\n")
        #expect(caseEndings(configuration) == ["Heikkisen"])
    }
}
