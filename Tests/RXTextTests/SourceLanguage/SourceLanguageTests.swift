import Foundation
import Testing

@testable import RXText

/// Voikko and FreeDict as rxtext opens them. The tests that need the packages (libvoikko-dev and
/// voikko-fi, dict-freedict-fin-eng) are skipped, with the reason, where they are not installed.
@Suite struct SourceLanguageTests {
    static let tools = LanguageTools.system
    static let noVoikko = "libvoikko and voikko-fi are not installed (apt-get install libvoikko-dev voikko-fi)"
    static let noFreeDict = "dict-freedict-fin-eng is not installed (apt-get install dict-freedict-fin-eng)"

    @Test(.enabled(if: tools.has(.morphology), Comment(rawValue: noVoikko)))
    func voikkoSplitsCompoundsAndTagsNames() throws {
        let voikko = try #require(Self.tools.morphology)
        #expect(voikko.analyze("Lautamäki").contains { $0.parts == ["lauta", "mäki"] })
        #expect(voikko.analyze("palkintopalli").contains { $0.parts == ["palkinto", "palli"] })
        #expect(voikko.analyze("SM-sarjassa").contains { $0.baseform == "SM-sarja" && $0.parts == ["SM", "sarja"] })
        #expect(voikko.analyze("porilainen").contains { $0.parts == ["Pori"] })
        let heikkisen = voikko.analyze("Heikkisen")
        #expect(heikkisen.contains { $0.isSurname && $0.baseform == "Heikkinen" && $0.grammaticalCase == "omanto" })
        #expect(voikko.analyze("Liimatainen").contains { $0.isSurname })
        #expect(voikko.analyze("Matti").contains { $0.isFirstName })
        #expect(voikko.analyze("the").isEmpty)
        #expect(voikko.analyze("").isEmpty)
        #expect(voikko.analyze(String(repeating: "kallio", count: 40)).isEmpty)
    }

    /// Each distinct form is analysed once: the cache answers repeats, from any thread.
    @Test(.enabled(if: tools.has(.morphology), Comment(rawValue: noVoikko)))
    func voikkoAnalysesEachFormOnce() async throws {
        // A handle of its own: the shared one is counting other tests' words meanwhile.
        let voikko = try Voikko.open().get()
        let word = "kärkipaikka"
        _ = voikko.analyze(word)
        let before = voikko.analysisCalls
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 { group.addTask { _ = voikko.analyze(word) } }
        }
        #expect(voikko.analysisCalls == before)
        #expect(voikko.analyze(word).contains { $0.parts == ["kärki", "paikka"] })
    }

    @Test(.enabled(if: tools.has(.dictionary), Comment(rawValue: noFreeDict)))
    func freeDictGlossesAndReadsBackwards() throws {
        let dictionary = try #require(Self.tools.dictionary)
        #expect(dictionary.glosses("mäki").contains("hill"))
        #expect(dictionary.glosses("lauta").contains("board"))
        #expect(dictionary.glosses("kärki").contains("tip"))
        #expect(dictionary.glosses("mestaruus").contains("championship"))
        #expect(dictionary.glosses("lähtö").starts(with: ["start"]))
        #expect(dictionary.glosses("no-such-headword").isEmpty)
        #expect(dictionary.headwords(glossedAs: "hill").contains("mäki"))
        #expect(dictionary.headwords(glossedAs: "bonfire").contains("kokko"))
    }

    /// A missing library or dictionary is a reason, not a crash.
    @Test func missingToolsAreReasons() {
        let tools = LanguageTools(environment: [
            "RXTEXT_VOIKKO": "/nonexistent/libvoikko.so.1", "RXTEXT_FREEDICT": "/nonexistent/fin-eng",
        ])
        #expect(tools.morphology == nil && tools.dictionary == nil)
        #expect(tools.problems[.morphology]?.contains("/nonexistent/libvoikko.so.1") == true)
        #expect(tools.problems[.dictionary]?.contains("/nonexistent/fin-eng") == true)
        let off = LanguageTools(environment: ["RXTEXT_VOIKKO": "off", "RXTEXT_FREEDICT": "off"])
        #expect(!off.has(.morphology) && !off.has(.dictionary))
    }

    /// dictd entries: the English lines are the one after the head line and the numbered ones.
    @Test func dictdEntriesSplitIntoGlosses() {
        let entry = """
            paikka /pˈaikːa/ <n>
            1. patch
            paikkaamiseen käytettävä kappale
            2. place, spot
            tila, jossa voidaan oleskella
            3. class, grade 2.
            laatuaste
            """
        #expect(FreeDictionary.glosses(inEntry: entry) == ["patch", "place", "spot", "class", "grade"])
        #expect(FreeDictionary.glosses(inEntry: "kokko /kˈokːo/ <n>\nbonfire\nsuuri kasa puuta\n") == ["bonfire"])
        #expect(FreeDictionary.base64("B") == 1 && FreeDictionary.base64("BA") == 64)
        #expect(FreeDictionary.base64("Jrii") == 9 * 64 * 64 * 64 + 43 * 64 * 64 + 34 * 64 + 34)
        #expect(FreeDictionary.base64("") == nil && FreeDictionary.base64("a-b") == nil)
    }

    /// The tables behind both directions: sorted lines, binary search on the key, keys that are
    /// prefixes of others included; written and read back as bytes.
    @Test func sortedTablesFindEveryKey() {
        let entries = [
            "a": ["1"], "a b": ["2", "3"], "ab": ["4"], "mäki": ["hill"], "b": ["5"], "": ["6"], "zz": ["7"],
        ]
        let table = SortedTable(entries)
        for (key, values) in entries where !key.isEmpty { #expect(table.values(for: key) == values, "\(key)") }
        for missing in ["aa", "a c", "c", "mäk", "mäkii", "zzz"] { #expect(table.values(for: missing).isEmpty) }
        let read = SortedTable(table.bytes)
        for (key, values) in entries where !key.isEmpty { #expect(read.values(for: key) == values) }
        #expect(SortedTable([UInt8]()).values(for: "a").isEmpty)
    }

    /// The first use saves both tables in the cache directory; the next dictionary reads them.
    @Test(.enabled(if: tools.has(.dictionary), Comment(rawValue: noFreeDict)))
    func freeDictTablesAreCached() throws {
        let directory = try TemporaryDirectory()
        let first = try FreeDictionary.open(cacheDirectory: directory.url.path).get()
        #expect(first.glosses("kokko") == ["bonfire"])
        let saved = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
        #expect(saved.filter { $0.hasSuffix(".forward") || $0.hasSuffix(".reverse") }.count == 2)
        let second = try FreeDictionary.open(cacheDirectory: directory.url.path).get()
        #expect(second.headwords(glossedAs: "bonfire").contains("kokko"))
        #expect(second.glosses("kokko") == ["bonfire"])
    }

    @Test func wordbasesGiveTheParts() {
        func parts(_ wordbases: String) -> [String] {
            MorphAnalysis(baseform: "", wordClass: "nimisana", wordbases: wordbases).parts
        }
        #expect(parts("+auto(auto)+krossi(krossi)") == ["auto", "krossi"])
        #expect(parts("+pori(Pori)+lai+nen(+nen)") == ["Pori"])
        #expect(parts("+sm(SM)+-+sarja(sarja)") == ["SM", "sarja"])
        #expect(parts("+alahärmä(Ala=härmä)+läi+nen(+nen)") == ["Alahärmä"])
        #expect(parts("") == [])
        #expect(parts("+broken(") == [])
    }

    /// rxtext runs without libvoikko and FreeDict and says once, on standard error, which
    /// checks are off.
    @Test func rxtextRunsWithoutTheToolsAndSaysSoOnce() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", "He raced in the Supercar-luokka at Hell Hell.\n")
        let result = try CLI.run(
            ["lint", path], environment: ["RXTEXT_VOIKKO": "/nonexistent/libvoikko.so.1", "RXTEXT_FREEDICT": "off"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("repetition.doubled-word"))
        #expect(!result.stdout.contains("untranslated.finnish-word"))
        let notes = result.stderr.split(separator: "\n").filter { $0.hasPrefix("rxtext:") }
        #expect(notes.count == 1)
        #expect(notes.first?.contains("off: untranslated.finnish-word") == true)
    }
}
