import Foundation
import Testing

@testable import RXText

@Suite struct GlossaryLoaderTests {
    static let countries = """
        countries:
          - id: fi
            code: FI
            alpha3: FIN
            name: Finland
            adjectives: [Finnish]
          - id: no
            code: "NO"
            alpha3: NOR
            name: Norway
            adjectives: [Norwegian]
        """

    func errors(_ files: [(String, String)]) -> [String] {
        do {
            _ = try GlossaryLoader().load(files: [("countries.yaml", Self.countries)] + files.map { ($0.0, $0.1) })
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func shippedGlossariesLoadAndMeetTheCoverageFloor() throws {
        let glossary = TestLexicon.shared.glossary
        #expect(glossary.drivers.count >= 150)
        #expect(glossary.venues.count >= 40)
        #expect(glossary.calques.count >= 80)
        #expect(
            glossary.calendars.contains {
                $0.championship == "euro-rx" && $0.season == 2018 && $0.raceClass == "super1600"
            })
        #expect(glossary.calendars.contains { $0.championship == "world-rx" && $0.season == 2018 })
        #expect(Set(glossary.championships.flatMap(\.finnish)).isSuperset(of: ["EM", "MM", "SM"]))
    }

    @Test func unknownKeyIsReportedAtItsPosition() {
        let drivers = """
            drivers:
              - id: jesse-kallio
                name: Jesse Kallio
                nationality: FIN
                alias: [Kalio]
            """
        #expect(
            errors([("drivers.yaml", drivers)]).contains {
                $0.hasPrefix("drivers.yaml:5:5: error: unknown key 'alias' in driver entry")
            })
    }

    @Test func missingFieldDuplicateIdAndBadCountryAreReported() {
        let drivers = """
            drivers:
              - id: jesse-kallio
                name: Jesse Kallio
                nationality: FIN
              - id: jesse-kallio
                name: Jesse Kallio Junior
                nationality: FIN
              - id: nobody
                nationality: FIN
              - id: someone
                name: Some One
                nationality: XXX
            """
        let venues = """
            venues:
              - id: hell
                name: Lånkebanen
                town: Hell
                country: NQ
            """
        let found = errors([("drivers.yaml", drivers), ("venues.yaml", venues)])
        #expect(
            found.contains {
                $0.hasPrefix(
                    "drivers.yaml:5:9: error: duplicate driver id 'jesse-kallio' (first defined at drivers.yaml:2:9)")
            })
        #expect(
            found.contains {
                $0.hasPrefix("drivers.yaml:8:5: error: driver entry is missing the required field 'name'")
            })
        #expect(found.contains { $0.hasPrefix("drivers.yaml:12:18: error: unknown nationality 'XXX'") })
        #expect(found.contains { $0.hasPrefix("venues.yaml:5:14: error: unknown country code 'NQ'") })
    }

    @Test func aliasClaimedByTwoEntriesIsReported() {
        let venues = """
            venues:
              - id: lankebanen
                name: Lånkebanen
                town: Hell
                country: "NO"
                aliases: [Hell]
              - id: other
                name: Other Track
                town: Elsewhere
                country: "NO"
                aliases: [hell]
            """
        #expect(
            errors([("venues.yaml", venues)]).contains {
                $0.hasPrefix("venues.yaml:11:15: error: 'hell' is claimed by venue other and by venue lankebanen")
            })
    }

    @Test func yamlSyntaxErrorNamesLineAndColumn() {
        let found = errors([("broken.yaml", "drivers:\n  - id: a\n    name: [unclosed\n")])
        #expect(found.contains { $0.hasPrefix("broken.yaml:") && $0.contains("YAML syntax error") })
    }

    /// One missing ']' in venues.yaml: the syntax error alone, not one "unknown venue id" for
    /// every calendar round that names a venue of the file that did not load.
    @Test func aSyntaxErrorIsReportedWithoutItsCascade() {
        let venues = """
            venues:
              - id: hell
                name: Lånkebanen
                town: Hell
                country: "NO"
                aliases: [Hell
              - id: other
                name: Other Track
                town: Elsewhere
                country: "NO"
            """
        let calendar = """
            championships:
              - id: euro-rx
                name: European Rallycross Championship
            classes:
              - id: supercar
                name: Supercar
            calendars:
              - id: c
                championship: euro-rx
                season: 2018
                class: supercar
                rounds:
                  - round: 1
                    venue: hell
                    start: 2018-04-14
                  - round: 2
                    venue: other
                    start: 2018-05-14
                  - round: 3
                    venue: nowhere
                    start: 2018-06-14
                    winner: nobody
            """
        let found = errors([("calendars.yaml", calendar), ("venues.yaml", venues)])
        #expect(found.count == 2, "\(found)")
        #expect(
            found.contains {
                $0.hasPrefix("venues.yaml:7:7: error: YAML syntax error")
                    && $0.hasSuffix("(references not checked until it parses: 3 to venue ids)")
            }, "\(found)")
        #expect(found.contains { $0.contains("unknown driver id 'nobody'") }, "other kinds are still checked")
        #expect(!found.contains { $0.contains("unknown venue id") })
    }

    /// `finish:` for `finnish:`: one problem, named as the missing field, not five valid keys
    /// reported as unknown.
    @Test func aMisspeltRequiredKeyIsNamedAsMissingWithADidYouMean() {
        let calques = """
            calques:
              - id: king-class
                finish: kuningasluokka
                kind: term
                wrong: [king class]
                right: [premier class]
                safe: true
                note: The top class.
            """
        let found = errors([("calques.yaml", calques)])
        #expect(
            found == [
                "calques.yaml:3:5: error: calque entry is missing the required field 'finnish': did you mean 'finnish' instead of 'finish'?"
            ])
        let typo = errors([
            (
                "calques.yaml",
                calques.replacingOccurrences(of: "finish:", with: "finnish:").replacingOccurrences(
                    of: "note:", with: "nots:")
            )
        ])
        #expect(typo == ["calques.yaml:8:5: error: unknown key 'nots' in calque entry (did you mean 'note'?)"])
    }

    @Test func unknownKindAndDanglingReferencesAreReported() {
        let calendar = """
            calendars:
              - id: c
                championship: nowhere
                season: 2018
                class: none
                rounds:
                  - round: 1
                    venue: missing
                    start: 2018-04-14
            """
        let found = errors([("calendars.yaml", calendar), ("odd.yaml", "gizmos: []\n")])
        #expect(found.contains { $0.contains("unknown championship id 'nowhere'") })
        #expect(found.contains { $0.contains("calendars.yaml:8:16: error: unknown venue id 'missing'") })
        #expect(found.contains { $0.hasPrefix("odd.yaml:1:1: error: unknown glossary kind 'gizmos'") })
    }
}

@Suite struct LexiconTests {
    func matches(_ text: String) throws -> [String] {
        let article = try TestLexicon.annotate(text)
        return article.sentences.flatMap { sentence in
            sentence.matches.map { "\(article.document.text($0.range))=\($0.sense.origin)" }
        }
    }

    @Test func namesMatchWithoutDiacriticsAndWithPossessives() throws {
        let found = try matches("Baciuska’s win and BACIUŠKA's title.")
        #expect(found.filter { $0.contains("rokas-baciuska") }.count == 2)
    }

    @Test func longestMatchWins() throws {
        let found = try matches("He drove at the Circuit de Barcelona-Catalunya.")
        #expect(found.contains { $0.hasPrefix("Circuit de Barcelona-Catalunya=venue") })
        #expect(!found.contains { $0.hasPrefix("Barcelona=") })
    }

    @Test func finnishAbbreviationsAreCaseSensitiveAndMatchInsideHyphenatedForms() throws {
        #expect(
            try matches("a successful EM-debut").contains {
                $0.hasPrefix("EM=championship euro-rx: Finnish abbreviation")
            })
        #expect(try matches("the gap was 12 em wide").allSatisfy { !$0.hasPrefix("em=") })
    }

    /// Exact-case forms are compared on the bytes of an ASCII span: the same answer as the
    /// text's words joined by single spaces, compared with the form, for every span and form
    /// of seeded random pieces (and none for text outside ASCII).
    @Test func exactCaseOnBytesAgreesWithComparingTheText() {
        let pieces = ["EM", "em", "Em", "MM", " ", " ", "  ", "\t", "\n", "-", "x", "SM"]
        var random = SplitMix64(seed: 12)
        for _ in 0..<3_000 {
            func text() -> String {
                (0..<Int.random(in: 1...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            }
            let (span, form) = (text(), text())
            let reference = span.split(separator: " ").joined(separator: " ") == form
            #expect(Lexicon.asciiAgrees(Array(span.utf8)[...], form) == reference, "\(span) \(form)")
        }
        #expect(Lexicon.asciiAgrees(Array("EM".utf8)[...], "EM") == true)
        #expect(Lexicon.asciiAgrees(Array("Em".utf8)[...], "EM") == false)
        #expect(Lexicon.asciiAgrees(Array("Ö".utf8)[...], "Ö") == nil)
    }

    /// A bare surname that several drivers named in full share means the one named in full
    /// in the sentence before, or earlier in its own sentence; else the first the article
    /// names. A surname of one driver named in full means that driver.
    @Test func sharedSurnamesMeanTheDriverNamedLast() throws {
        let text = [
            "Marcus Grönholm watched.", "Niclas Grönholm raced in the final.", "Grönholm won it.",
            "Later Marcus Grönholm spoke, and Grönholm smiled.", "Nothing happened.", "Grönholm left.",
            "Timmy Hansen was third.", "Hansen was happy.",
        ].joined(separator: " ")
        let article = try TestLexicon.annotate(text)
        let drivers = TestLexicon.shared.glossary.drivers
        let bare = article.mentions.filter { mention in
            article.document.text(mention.range) == "Grönholm" || article.document.text(mention.range) == "Hansen"
        }.map { mention -> String in
            guard case .driver(let index) = mention.entity else { return "?" }
            return "\(mention.sentence):\(drivers[index].name)"
        }
        #expect(
            bare == [
                "2:Niclas Grönholm", "3:Marcus Grönholm", "5:Marcus Grönholm", "7:Timmy Hansen",
            ])
    }

    @Test func compoundSurnamesAreDecomposedIntoLiteralRenderings() throws {
        let renderings = TestLexicon.shared.surnameRenderings
        let drivers = TestLexicon.shared.glossary.drivers
        let kalliokoski = try #require(drivers.firstIndex { $0.id == "jere-kalliokoski" })
        #expect(renderings[kalliokoski]?.contains("rock rapids") == true)
        let kallio = try #require(drivers.firstIndex { $0.id == "jesse-kallio" })
        #expect(renderings[kallio]?.contains("rock") == true)
    }

    @Test func glossaryFindExplainsWhy() throws {
        let result = try CLI.run([
            "glossary", "find", "prize pool", "--glossaries",
            Fixtures.repository.appendingPathComponent("glossaries").path,
        ])
        #expect(result.stdout.contains("calque podium-prize-pool"))
        let missing = try CLI.run([
            "glossary", "find", "zzzz", "--glossaries", Fixtures.repository.appendingPathComponent("glossaries").path,
        ])
        #expect(missing.status == 1)
    }

    @Test func glossaryCheckReportsErrorsAndExitsTwo() throws {
        let directory = try TemporaryDirectory()
        try directory.write("drivers.yaml", "drivers:\n  - id: a\n    nam: A\n")
        let result = try CLI.run(["glossary", "check", directory.url.path])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "drivers.yaml:3:5: error: driver entry is missing the required field 'name': did you mean 'name' instead of 'nam'?"
            ), "\(result.stderr)")
    }

    @Test func glossariesAreFoundFromTheEnvironmentAndFromAnyWorkingDirectory() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", "He won in Hell Hell.\n")
        var result = try CLI.run(["lint", path], directory: directory.url)
        #expect(result.status == 1, "found beside the executable: \(result.stderr)")
        result = try CLI.run(["lint", path], environment: ["RXTEXT_GLOSSARIES": directory.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no glossary directory found"))
    }
}

@Suite struct GlossaryCacheTests {
    static let driver = """
        countries:
          - id: fi
            code: "FI"
            alpha3: FIN
            name: Finland
        drivers:
          - id: jesse-kallio
            name: Jesse Kallio
            nationality: FIN

        """

    func glossaryDirectory(_ yaml: String) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("drivers.yaml", yaml)
        return directory
    }

    @Test func aSecondLoadComesFromTheCacheAndAnEditMissesIt() throws {
        let glossaries = try glossaryDirectory(Self.driver)
        let cacheDirectory = try TemporaryDirectory()
        let cache = GlossaryCache(directory: cacheDirectory.url.path)
        let first = try cache.load(directory: glossaries.url.path)
        #expect(first.drivers.map(\.name) == ["Jesse Kallio"])
        let entries = try FileManager.default.contentsOfDirectory(atPath: cacheDirectory.url.path)
        #expect(entries.count == 1 && entries[0].hasPrefix("glossary-") && entries[0].hasSuffix(".json"))

        // The entry is what a second load returns: prove it by planting a different glossary in it.
        let entry = cacheDirectory.url.appendingPathComponent(entries[0]).path
        var planted = first
        planted.drivers[0].name = "From The Cache"
        try JSONEncoder().encode(planted).write(to: URL(fileURLWithPath: entry))
        #expect(try cache.load(directory: glossaries.url.path).drivers.map(\.name) == ["From The Cache"])

        // An edited glossary has another key: loaded from the YAML again.
        try glossaries.write(
            "drivers.yaml", Self.driver.replacingOccurrences(of: "Jesse Kallio", with: "Jesse Kalliox"))
        #expect(try cache.load(directory: glossaries.url.path).drivers.map(\.name) == ["Jesse Kalliox"])
    }

    @Test func aDamagedEntryIsIgnoredAndABrokenGlossaryIsNeverCached() throws {
        let glossaries = try glossaryDirectory(Self.driver)
        let cacheDirectory = try TemporaryDirectory()
        let cache = GlossaryCache(directory: cacheDirectory.url.path)
        _ = try cache.load(directory: glossaries.url.path)
        let entry = try FileManager.default.contentsOfDirectory(atPath: cacheDirectory.url.path)[0]
        try Data("{not json".utf8).write(to: cacheDirectory.url.appendingPathComponent(entry))
        #expect(try cache.load(directory: glossaries.url.path).drivers.count == 1)

        let broken = try glossaryDirectory("drivers:\n  - id: x\n")
        #expect(throws: GlossaryErrors.self) { try cache.load(directory: broken.url.path) }
        #expect(throws: GlossaryErrors.self) { try cache.load(directory: broken.url.path) }
    }

    @Test func theCacheDirectoryFollowsTheEnvironment() {
        #expect(GlossaryCache.standard(environment: ["RXTEXT_CACHE_DIR": "/tmp/x"])?.directory == "/tmp/x")
        #expect(GlossaryCache.standard(environment: ["RXTEXT_CACHE_DIR": "", "HOME": "/home/a"]) == nil)
        #expect(
            GlossaryCache.standard(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/home/a"])?.directory == "/c/rxtext")
        #expect(GlossaryCache.standard(environment: ["HOME": "/home/a"])?.directory == "/home/a/.cache/rxtext")
        #expect(GlossaryCache.standard(environment: [:]) == nil)
    }
}

@Suite struct NameIndexTests {
    @Test func editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        #expect(EditDistance.between("kitten", "sitting", limit: 5) == 3)
        #expect(EditDistance.between("baciuska", "baciuskka", limit: 2) == 1)
        #expect(EditDistance.between("", "abc", limit: 5) == 3)
        #expect(EditDistance.between("loheac", "loheac", limit: 1) == 0)
        #expect(EditDistance.between("abcdef", "uvwxyz", limit: 1) == 2, "stops early past the limit")
    }

    /// The letter-set bound only skips names that cannot be within the limit: every glossary name
    /// with one letter changed, dropped or doubled is still found.
    @Test func everyNameIsFoundAfterOneEdit() {
        let index = NameIndex(glossary: TestLexicon.shared.glossary)
        var checked = 0
        for (length, names) in index.byLength {
            for name in names where length >= 5 {
                var word = name.folded
                let position = (checked * 7) % word.count
                switch checked % 3 {
                case 0: word[position] = word[position] == "q" ? "x" : "q"
                case 1: word.remove(at: position)
                default: word.insert(word[position], at: position)
                }
                checked += 1
                let text = String(String.UnicodeScalarView(word))
                #expect(index.nearest(to: text) != nil, "\(text) (from \(name.name))")
            }
        }
        #expect(checked > 100)
    }
}
