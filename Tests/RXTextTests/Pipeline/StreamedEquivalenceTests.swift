import Foundation
import Testing

@testable import RXText

/// Issue 21, item 2: a huge file read in windows (`HugeFileWindows`) must report what the same
/// file read whole reports. Windows of a few hundred bytes put cuts everywhere: inside words,
/// inside sentences, inside two-, three- and four-byte characters, and at paragraph breaks.
@Suite struct StreamedEquivalenceTests {
    /// Rules that read more of the article than a sentence: those that compare sentences
    /// (`checkArticle`), and those that ask whether the article names motorsport or which
    /// drivers it mentions. They see one block of an article at a time, and blocks start afresh
    /// in each window: their flags depend on where blocks fall, in a whole read of a huge file
    /// too. Every other rule judges a sentence alone.
    static let articleRules: Set<String> = [
        ItForDriverRule.description.id, GenderSlipRule.description.id, WebBoilerplateRule.description.id,
        NearGlossaryTermRule.description.id, SpellingConsistencyRule.description.id,
        SurnameCalqueRule.description.id, FinnishWordRule.description.id, CaseEndingRule.description.id,
    ]

    static var sentenceRules: Set<String> {
        Set(RuleRegistry.all.map { $0.description.id }).subtracting(articleRules)
    }

    /// Every sentence rule's own flagged examples (those that hold without Voikko or FreeDict):
    /// between them, they make every rule flag something.
    static let examples: [String] = RuleRegistry.all.filter { sentenceRules.contains($0.description.id) }
        .flatMap { rule in rule.description.flagged.filter { $0.needs.isEmpty }.map(\.parsed.text) }

    /// Words for sentences longer than a window: one to four bytes a character, lower-case words
    /// (which a cut must not take for a sentence start) and one-word garbles (EM, kuljettaja).
    static let filler = [
        "round", "and", "the", "Jyväskylä", "höljes", "ö", "🏁", "kuljettaja", "EM", "Baciuška", "second", "🇫🇮",
        "after", "with", "Ääkkönen",
    ]

    /// A generated article of examples, long sentences of filler words and every kind of break.
    static func article(_ random: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<(30 + Int(random.next() % 30)) {
            if random.next() % 3 == 0 {
                // A sentence of 30 to 120 words, none the same as either of the two before it: a
                // doubled word or a name around a word astride a cut is what a window smaller
                // than `Segmenter.longestSentence` cannot see (docs/hostile-input.md).
                var previous = ["", ""]
                for index in 0..<(30 + Int(random.next() % 90)) {
                    var word = previous[0]
                    while previous.contains(word) { word = filler[Int(random.next() % UInt64(filler.count))] }
                    text += (index == 0 ? "It was " : " ") + word
                    previous = [previous[1], word]
                }
                text += "."
            } else {
                text += examples[Int(random.next() % UInt64(examples.count))]
            }
            text += [" ", " ", "\n", "\n\n", "\r\n\r\n", "\n \n"][Int(random.next() % 6)]
        }
        return text
    }

    func session(streamed: Bool, windowBytes: Int, jobs: Int) -> LintSession {
        var options = LintOptions()
        options.jobs = jobs
        options.hugeFileBytes = streamed ? 0 : .max
        options.blockBytes = 2_000
        options.windowBytes = windowBytes
        return LintSession(engine: TestLexicon.engine, options: options) { _ in
            TestLexicon.engine.rules.linter(enabled: Self.sentenceRules)
        }
    }

    /// Each flag as the JSONL report has it: rule, severity, message, file offsets, line,
    /// column, text, suggestions and fix. Without `whole`, not the sentence it carries nor the
    /// fingerprint made from it: a window smaller than `Segmenter.longestSentence` holds only
    /// its part of a sentence it cuts, where a whole read takes the sentence whole.
    func flags(_ path: String, _ session: LintSession, whole: Bool = false) throws -> (flags: [String], parts: Int) {
        var flags: [String] = []
        var parts = 0
        let render: FileRenderer = { file in ByteOutput.collect { JSONLinesReporter.write(file, to: $0) } }
        session.run([path], render: render) { _, rendered in
            parts += 1
            flags += String(decoding: rendered ?? [], as: UTF8.self).split(separator: "\n").map(String.init)
        }
        if whole { return (flags, parts) }
        return (
            try flags.map { line in
                var flag = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                for key in ["sentence", "sentence_start", "sentence_end", "fingerprint"] { flag[key] = nil }
                let data = try JSONSerialization.data(withJSONObject: flag, options: [.sortedKeys])
                return String(decoding: data, as: UTF8.self)
            }, parts
        )
    }

    /// The flags of `path` read whole.
    func wholeFlags(_ path: String) throws -> [String] {
        try flags(path, session(streamed: false, windowBytes: 1 << 20, jobs: 1)).flags
    }

    /// Expects `path` read in windows of each of `sizes` to give exactly `whole`.
    func expectWindows(_ sizes: Range<Int>, of path: String, give whole: [String], _ label: String = "") throws {
        for windowBytes in sizes {
            #expect(
                try flags(path, session(streamed: true, windowBytes: windowBytes, jobs: 1)).flags == whole,
                "\(label)windows of \(windowBytes) bytes")
        }
    }

    @Test func articlesReadInWindowsOfAFewHundredBytesGiveTheFlagsOfAWholeRead() throws {
        let directory = try TemporaryDirectory()
        var random = SplitMix64(seed: 2_026_1204)
        var rulesSeen: Set<String> = []
        var cutSentences = 0
        for round in 0..<12 {
            let text = Self.article(&random)
            let path = try directory.write("article-\(round).txt", text)
            let whole = try flags(path, session(streamed: false, windowBytes: 1 << 20, jobs: 1))
            #expect(whole.parts == 1)
            for flag in whole.flags {
                if let rule = flag.split(separator: "\"rule\":\"").last?.split(separator: "\"").first {
                    rulesSeen.insert(String(rule))
                }
            }
            // Windows from a bit more than the longest example up: sizes that are not multiples
            // of anything, so that cuts fall at every kind of place.
            for windowBytes in [331, 457, 613 + Int(random.next() % 400)] {
                let streamed = try flags(path, session(streamed: true, windowBytes: windowBytes, jobs: 1 + round % 2))
                #expect(streamed.parts > text.utf8.count / windowBytes, "round \(round): a part per window at least")
                #expect(streamed.flags == whole.flags, "round \(round), windows of \(windowBytes) bytes")
            }
            // How many windows ended inside a sentence (the cuts the issue is about).
            try HugeFileWindows.read(path, windowBytes: 331) { window in
                if window.window?.continuesSentence == true { cutSentences += 1 }
            }
        }
        #expect(cutSentences > 50, "windows that start inside a sentence: \(cutSentences)")
        // The examples make every sentence rule flag something (those that need Voikko or
        // FreeDict only where they are installed).
        let missing = Self.sentenceRules.subtracting(rulesSeen).filter { id in
            RuleRegistry.rule(id: id)?.description.flagged.contains { $0.needs.isEmpty } ?? false
        }
        #expect(missing.isEmpty, "rules that flagged nothing: \(missing.sorted())")
    }

    /// Cuts land inside multi-byte characters on purpose: every window size from 200 to 263
    /// over a line of two-, three- and four-byte characters and a flag after each cut.
    @Test func everyCutInsideACharacterGivesTheFlagsOfAWholeRead() throws {
        let directory = try TemporaryDirectory()
        var text = ""
        for index in 0..<60 { text += ["ä ö", "🏁 EM", "– höljes", "Ääkkönen kuljettaja", "€ 🇫🇮 MM"][index % 5] + " " }
        text += "end.\n\nit was wet.\n"
        let path = try directory.write("characters.txt", text)
        let whole = try wholeFlags(path)
        #expect(whole.count >= 36, "EM, MM and kuljettaja 12 times each")
        try expectWindows(200..<264, of: path, give: whole)
    }

    /// A run of punctuation longer than a window is cut after its last space, and that space
    /// may end a sentence ("went!!!… on."): judged without the bytes after it, the cut looked
    /// like the middle of a sentence and hid the lower-case start the whole read flags (found
    /// by the `equivalence` fuzz target). Every window size around the run, with "!" (two
    /// sentences) and "." (one: a full stop before a lower-case word ends none).
    @Test func aCutAtTheSpaceThatEndsASentenceStillSeesTheNextSentenceStart() throws {
        let directory = try TemporaryDirectory()
        for mark in ["!", "."] {
            let text = "The EM series went" + String(repeating: mark, count: 90) + " on. What a day it was.\n"
            let path = try directory.write("run-\(mark == "!" ? "bang" : "stop").txt", text)
            let whole = try wholeFlags(path)
            #expect(
                whole.contains { $0.contains("capitalization.sentence-start") } == (mark == "!"), "\(mark): \(whole)")
            try expectWindows(64..<120, of: path, give: whole, "\(mark): ")
        }
    }

    /// Runs of vertical tabs, form feeds and Unicode separators are white space as spaces are: a
    /// cut inside one is no cut inside a word, and the sentence after it starts afresh (found by
    /// the fuzz target).
    @Test func runsOfOtherWhiteSpaceAreCutAsSpaces() throws {
        let directory = try TemporaryDirectory()
        // "?" ends a sentence whatever follows: the whole read starts one at "ampions".
        let prose = "Was it a good day in Riga?"
        for blank in ["\u{0B}", "\u{0C}", "\u{0B}\u{0C}", " \u{2028}", "\u{A0}\u{2029}"] {
            let text =
                prose + String(repeating: blank, count: 90 / blank.utf8.count) + "ampions were there. " + prose + "\n"
            let path = try directory.write("blank-\(blank.utf8.count)-\(blank.utf8.last!).txt", text)
            try expectWindows(64..<140, of: path, give: try wholeFlags(path))
        }
    }

    /// A word longer than a window is cut where no space is; a flag on its piece ("'as.uuu…'
    /// starts a sentence", fixed on half the word) is none of the whole read's, so the stream
    /// offers no flag on a piece of a cut word (found by the `equivalence` fuzz target).
    @Test func aWordLongerThanAWindowGetsNoFlagOnAPiece() throws {
        let directory = try TemporaryDirectory()
        let long = "as." + String(repeating: "u", count: 125) + "t"
        // No-break spaces: no place to cut at but inside the words.
        let text =
            "What a day it was.\u{A0}\(long)\u{A0}a day it was.\u{A0}\(long) and EM.\n"
            // What a rule judges beside a cut word depends on all of it ("…ch. cfu").
            + String(repeating: "N", count: 150) + "ch. cfu went on.\n"
        let path = try directory.write("long-word.txt", text)
        let whole = Set(try wholeFlags(path))
        #expect(whole.contains { $0.contains("capitalization.sentence-start") })
        for windowBytes in 64..<140 {
            let streamed = try flags(path, session(streamed: true, windowBytes: windowBytes, jobs: 1)).flags
            #expect(
                streamed.allSatisfy(whole.contains),
                "windows of \(windowBytes) bytes: \(streamed.filter { !whole.contains($0) })")
        }
    }

    /// The `equivalence` target's fifth input, as it found it: a word longer than the window
    /// ("NNN…ch.") before " cfu". What the sentence-start rule judges after the full stop
    /// depends on the whole word; the stream saw a piece and offered a safe fix the whole read
    /// does not. Flags of the sentence piece beside a cut word are not offered.
    @Test func aRuleJudgingBesideACutWordOffersNothingTheWholeReadDoesNot() throws {
        let encoded =
            "77u/SGUgd28gYWZ8ZXIgYSBlaSByb290b3JicjBhY2Z0ZXIgYSB0aXJlIGJyZWFjaC4gVGhlbi4g4oCSIAHvu79IZSB3b24g"
            + "aW4gSGVsbCBIZWxsIGFmdGVyIGEgZWkgdHJicjBhTk5OTi5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5O"
            + "Tk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5O"
            + "TmNoLiBjZnUkRU0gc2VyaWVzIHdlbnQgb24uIHdoYXQg4oCSIHdoYXQgYQxkYXkgYQxkYVRoZW4uIOKAkiB3aGF0d29uIGlu"
            + "aWVzIHdlbnQgb24uIGl0IOKAk3dhIHN0dyBvbi4g44CTIHdoYXQgYWhhIGRheSBpdHQgd2EgYXMuCgo="
        let bytes = try #require(Data(base64Encoded: encoded))
        let directory = try TemporaryDirectory()
        let path = try directory.write("fifth.txt", bytes: Array(bytes))
        let whole = Set(try wholeFlags(path))
        let streamed = try flags(path, session(streamed: true, windowBytes: 68, jobs: 1)).flags
        let safe = streamed.filter { $0.contains("\"safe\":true") }
        #expect(!safe.isEmpty, "the stream still offers the fixes of sentences no cut touches")
        #expect(safe.allSatisfy(whole.contains), "\(safe.filter { !whole.contains($0) })")
    }

    /// At the shipped sizes a window is `Segmenter.longestSentence`, and a sentence longer than
    /// that is cut where a whole read cuts it in pieces: the reports are the same byte for
    /// byte, the sentences flags carry and their fingerprints included, and with any garble
    /// (doubled words too) at the cuts.
    @Test func sentencesLongerThanAWindowAtTheShippedSizeGiveTheWholeReportByteForByte() throws {
        let directory = try TemporaryDirectory()
        var random = SplitMix64(seed: 212)
        let head = Self.examples.prefix(20).joined(separator: " ") + "\n\n"
        // Plain words, and filler with its garbles (and doubled words) near where the pieces of
        // the sentence end, a multiple of `longestSentence` from its start.
        let plain = ["round", "and", "the", "Jyväskylä", "ö", "🏁", "second", "after", "with"]
        var sentence = "It was"
        while sentence.utf8.count < 2 * Segmenter.longestSentence + 50_000 {
            let offset = sentence.utf8.count % Segmenter.longestSentence
            let nearACut = offset < 2_000 || offset > Segmenter.longestSentence - 2_000
            let words = nearACut ? Self.filler : plain
            sentence += " " + words[Int(random.next() % UInt64(words.count))]
        }
        let text = head + sentence + ". " + Self.examples.suffix(10).joined(separator: "\n\n")
        let path = try directory.write("long-sentence.txt", text)
        let whole = try flags(
            path, session(streamed: false, windowBytes: Segmenter.longestSentence, jobs: 1), whole: true)
        let streamed = try flags(
            path, session(streamed: true, windowBytes: Segmenter.longestSentence, jobs: 2), whole: true)
        #expect(whole.flags.count > 100)
        #expect(whole.flags.contains { $0.contains("repetition.doubled-word") && $0.contains("\"line\":3,") })
        #expect(streamed.parts > 3)
        #expect(streamed.flags == whole.flags)
    }
}
