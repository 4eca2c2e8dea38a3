import Foundation
import Testing

@testable import RXText

/// Huge files are linted in blocks on every worker and reported in parts as they go, so that
/// memory holds a few blocks of flags, not the file's. The thresholds are lowered here so that a
/// small file counts as huge.
@Suite struct HugeFileTests {
    /// Rules that judge one sentence at a time: their flags cannot depend on block boundaries.
    static let sentenceRules: Set<String> = [
        "repetition.doubled-word", "untranslated.abbreviation", "capitalization.sentence-start", "calque.glossary",
    ]

    static let paragraph = "He won in Hell Hell after a tire breach. The EM series went on. – what a day it was.\n\n"

    static func flagsPerParagraph() -> Int {
        (try? TestLexicon.engine.rules.linter(enabled: sentenceRules).lint(TestLexicon.annotate(paragraph)).count) ?? -1
    }

    func session(hugeFileBytes: Int, jobs: Int, windowBytes: Int = 1 << 20) -> LintSession {
        var options = LintOptions()
        options.jobs = jobs
        options.hugeFileBytes = hugeFileBytes
        options.blockBytes = 2_000
        options.windowBytes = windowBytes
        return LintSession(engine: TestLexicon.engine, options: options) { _ in
            TestLexicon.engine.rules.linter(enabled: Self.sentenceRules)
        }
    }

    /// Everything `run` delivers for the files, with the rendered text of each part.
    func parts(_ files: [String], _ session: LintSession) -> [(FileReport, String?)] {
        var delivered: [(FileReport, String?)] = []
        let render: FileRenderer = { Array("\($0.flags.count)\n".utf8) }
        session.run(files, render: render) { report, text in
            delivered.append((report, text.map { String(decoding: $0, as: UTF8.self) }))
        }
        return delivered
    }

    @Test(arguments: [1, 2])
    func aHugeFileComesInOrderedPartsWithTheFlagsOfAWholeRun(jobs: Int) throws {
        let directory = try TemporaryDirectory()
        let small = try directory.write("a-small.txt", Self.paragraph)
        let huge = try directory.write("b-huge.txt", String(repeating: Self.paragraph, count: 200))
        let after = try directory.write("c-small.txt", Self.paragraph)
        let files = [small, huge, after]

        let whole = parts(files, session(hugeFileBytes: .max, jobs: jobs))
        let streamed = parts(files, session(hugeFileBytes: 10_000, jobs: jobs))

        #expect(whole.count == 3)
        #expect(whole.allSatisfy { $0.0.isFirstPart && $0.0.isLastPart })
        let hugeParts = streamed.filter { $0.0.path == huge }
        #expect(hugeParts.count > 5, "one part per block of about 2 KB, and a closing one")
        #expect(hugeParts.first?.0.isFirstPart == true && hugeParts.first?.0.isLastPart == false)
        #expect(hugeParts.last?.0.isLastPart == true && hugeParts.last?.0.flags.isEmpty == true)
        #expect(hugeParts.dropFirst().allSatisfy { !$0.0.isFirstPart })
        #expect(streamed.map(\.0.path) == [small] + Array(repeating: huge, count: hugeParts.count) + [after])
        #expect(hugeParts.allSatisfy { $0.1 == "\($0.0.flags.count)\n" }, "each part is rendered on its worker")

        let perParagraph = try #require(whole.first { $0.0.path == small }?.0).flags.count
        #expect(perParagraph >= 3)
        let wholeHuge = try #require(whole.first { $0.0.path == huge }?.0)
        #expect(wholeHuge.flags.count == 200 * perParagraph)
        #expect(hugeParts.flatMap(\.0.flags) == wholeHuge.flags)
        #expect(hugeParts.flatMap(\.0.fingerprints) == wholeHuge.fingerprints, "occurrences count across parts")
    }

    /// Texts that put window cuts in every kind of place: paragraphs with LF and CRLF endings,
    /// a lone CR, non-ASCII letters before flags (columns count characters), a BOM, and one long
    /// line of sentences that no blank line cuts.
    static let windowedTexts: [(name: String, text: String)] = [
        ("lf", String(repeating: paragraph + "Jyväskylä – höljes.\n\n", count: 60)),
        ("crlf", String(repeating: paragraph.replacingOccurrences(of: "\n", with: "\r\n"), count: 60)),
        ("cr", String(repeating: paragraph.replacingOccurrences(of: "\n", with: "\r"), count: 60)),
        ("bom", "\u{FEFF}" + String(repeating: paragraph, count: 60)),
        ("one-line", String(repeating: paragraph.replacingOccurrences(of: "\n", with: " "), count: 60)),
    ]

    /// A huge file read in windows reports what a whole read reports, byte for byte, in every
    /// format: file offsets, lines, columns, texts, fingerprints and the file's size.
    @Test(arguments: [1, 2])
    func aFileReadInWindowsReportsWhatAWholeReadDoes(jobs: Int) throws {
        let directory = try TemporaryDirectory()
        let reporters: [(String, (StringOutput) -> any LintReporter)] = [
            ("jsonl", { JSONLinesReporter(output: $0) }), ("json", { JSONReporter(output: $0) }),
            ("sarif", { SARIFReporter(output: $0) }), ("github", { GitHubReporter(output: $0) }),
            ("text", { TextReporter(output: $0, color: false) }),
        ]
        for (name, text) in Self.windowedTexts {
            let path = try directory.write("\(name).txt", text)
            for (format, makeReporter) in reporters {
                func output(_ session: LintSession) -> (text: String, parts: Int) {
                    let output = StringOutput()
                    let reporter = makeReporter(output)
                    var summary = LintSummary()
                    var parts = 0
                    reporter.begin()
                    session.run([path], render: reporter.renderer) { report, rendered in
                        summary.add(report)
                        reporter.report(report, rendered: rendered)
                        parts += 1
                    }
                    reporter.end(summary)
                    return (output.text, parts)
                }
                let whole = output(session(hugeFileBytes: .max, jobs: jobs))
                let windowed = output(session(hugeFileBytes: 1_000, jobs: jobs, windowBytes: 700))
                #expect(whole.parts == 1)
                #expect(windowed.parts > text.utf8.count / 700, "\(name): a part per window at least")
                #expect(whole.text.contains("Hell"), "\(name) \(format)")
                #expect(windowed.text == whole.text, "\(name) \(format)")
            }
        }
    }

    /// Random articles (fixed seed) built from garbled sentences, every kind of line ending,
    /// blank lines of spaces and tabs, non-ASCII letters and long paragraphs, read in windows of
    /// random sizes: the flags of the sentence rules are those of a whole read, byte for byte.
    @Test func randomArticlesReadInRandomWindowsReportWhatAWholeReadDoes() throws {
        let directory = try TemporaryDirectory()
        var random = SplitMix64(seed: 20_180_415)
        let sentences = [
            "He won in Hell Hell after a tire breach.", "The EM series went on.", "– what a day it was.",
            "Jyväskylä was wet, and Höljes dry.", "It ended. it was hard work.", "Baciuška led the the final.",
            "Approx. three seconds separated them.",
        ]
        let breaks = [" ", " ", " ", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n \t\n", "\n\n\n"]
        let render: FileRenderer = { file in ByteOutput.collect { JSONLinesReporter.write(file, to: $0) } }
        for round in 0..<30 {
            var text = ""
            for _ in 0..<(40 + Int(random.next() % 80)) {
                text += sentences[Int(random.next() % UInt64(sentences.count))]
                text += breaks[Int(random.next() % UInt64(breaks.count))]
            }
            let path = try directory.write("random-\(round).txt", text)
            func output(_ session: LintSession) -> String {
                var text = ""
                session.run([path], render: render) { _, rendered in
                    text += String(decoding: rendered ?? [], as: UTF8.self)
                }
                return text
            }
            let windowBytes = 100 + Int(random.next() % 1_500)
            let whole = output(session(hugeFileBytes: .max, jobs: 1))
            #expect(!whole.isEmpty)
            #expect(
                output(session(hugeFileBytes: 100, jobs: 1 + round % 2, windowBytes: windowBytes)) == whole,
                "round \(round), windows of \(windowBytes) bytes")
        }
    }

    /// Windows cover the file end to end, each knowing its offset and the line and column it
    /// starts at; none ends inside a character or a CRLF.
    @Test func windowsCoverTheFileAndKnowWhereTheyStart() throws {
        let directory = try TemporaryDirectory()
        for (name, text) in Self.windowedTexts {
            let path = try directory.write("\(name).txt", text)
            let whole = try Document.load(path: path)
            var bytes: [UInt8] = []
            try HugeFileWindows.read(path, windowBytes: 500) { window in
                #expect(window.window?.offset == bytes.count, "\(name)")
                #expect(window.window?.position == whole.position(of: bytes.count), "\(name)")
                #expect(window.window?.fileBytes == whole.bytes.count)
                #expect(window.bytes.count <= 500)
                #expect(window.bytes.first.map { $0 & 0xC0 != 0x80 } ?? false, "\(name): starts a character")
                #expect(!(bytes.last == 0x0D && window.bytes.first == 0x0A), "\(name): a CRLF is not split")
                bytes += window.bytes
            }
            #expect(bytes == whole.bytes, "\(name)")
        }
    }

    /// A bad byte near the end of a huge file is reported, with its line and column, before any
    /// flag, as for a file read whole; other files are still linted.
    @Test func aBadByteLateInAWindowedFileIsReportedBeforeAnyFlag() throws {
        let directory = try TemporaryDirectory()
        let huge = try directory.write(
            "bad.txt", bytes: Array(String(repeating: Self.paragraph, count: 60).utf8) + [0x41, 0xFF, 0x0A])
        let good = try directory.write("good.txt", Self.paragraph)
        let loadError = #expect(throws: DocumentError.self) { try Document.load(path: huge) }
        let expected = try #require(loadError?.description)
        for jobs in [1, 2] {
            var reports: [FileReport] = []
            session(hugeFileBytes: 1_000, jobs: jobs, windowBytes: 700).run([huge, good], render: nil) { report, _ in
                reports.append(report)
            }
            #expect(reports.map(\.path) == [huge, good])
            #expect(reports.first?.error == expected)
            #expect(reports.first?.flags.isEmpty == true)
            #expect(reports.last?.flags.count == Self.flagsPerParagraph())
        }
        #expect(expected.contains(":121:"), "the line of the bad byte: \(expected)")
    }

    @Test func callersThatWantWholeFilesGetThePartsPutBackTogether() throws {
        let directory = try TemporaryDirectory()
        let huge = try directory.write("huge.txt", String(repeating: Self.paragraph, count: 50))
        var reports: [FileReport] = []
        session(hugeFileBytes: 1_000, jobs: 2).run([huge]) { reports.append($0) }
        #expect(reports.count == 1)
        #expect(reports.first?.flags.count == 50 * Self.flagsPerParagraph())
        #expect(reports.first?.isFirstPart == true && reports.first?.isLastPart == true)
    }

    @Test func reportersCountAHugeFileOnceAndJSONStaysOneObjectPerFile() throws {
        let directory = try TemporaryDirectory()
        let huge = try directory.write("huge.txt", String(repeating: Self.paragraph, count: 50))
        let clean = try directory.write("clean.txt", "Nothing to see here.\n")
        let output = StringOutput()
        let reporter = JSONReporter(output: output)
        var summary = LintSummary()
        reporter.begin()
        session(hugeFileBytes: 1_000, jobs: 2).run([huge, clean], render: reporter.renderer) { report, text in
            summary.add(report)
            reporter.report(report, rendered: text)
        }
        reporter.end(summary)

        #expect(summary.files == 2)
        #expect(summary.filesWithFlags == 1)
        #expect(summary.flags == 50 * Self.flagsPerParagraph())
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(output.text.utf8)) as? [String: Any])
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == [huge, clean])
        #expect((files[0]["flags"] as? [Any])?.count == 50 * Self.flagsPerParagraph())
        #expect((files[1]["flags"] as? [Any])?.count == 0)
    }

    /// Ctrl-C in the middle of a huge file: the run stops at once, even with a worker waiting for
    /// its turn and another waiting for room to queue parts.
    @Test func cancellingMidStreamStopsWithoutWaitingForTheRest() throws {
        let directory = try TemporaryDirectory()
        let files = try (0..<3).map {
            try directory.write("huge-\($0).txt", String(repeating: Self.paragraph, count: 400))
        }
        let cancellation = Cancellation()
        var delivered = 0
        let completed = session(hugeFileBytes: 1_000, jobs: 2).run(files, cancellation: cancellation, render: nil) {
            _, _ in
            delivered += 1
            if delivered == 3 { cancellation.cancel() }
        }
        #expect(!completed)
        #expect(delivered == 3)
    }
}

/// A small seeded generator (SplitMix64), so that random tests are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A line longer than a window and without a sentence break is cut inside a sentence: the
/// windows must neither cut a word nor take the word after a cut for a sentence start.
@Suite struct WindowCutTests {
    @Test(arguments: [1, 2])
    func aSentenceLongerThanAWindowGivesTheFlagsOfAWholeRead(jobs: Int) throws {
        let directory = try TemporaryDirectory()
        // Words of 1 to 4 bytes per character, one-word garbles (EM, MM) among them, no full stop.
        let words = ["EM", "Jyväskylä", "kuljettaja", "round", "and", "the", "Baciuška", "🏁", "second", "MM"]
        var random = SplitMix64(seed: 21)
        var text = "Rallycross"
        var previous = ""
        for _ in 0..<2_000 {
            // No word twice in a row: a doubled word astride a cut is the one thing a window
            // cannot see (docs/hostile-input.md).
            var word = previous
            while word == previous { word = words[Int(random.next() % UInt64(words.count))] }
            text += " " + word
            previous = word
        }
        text += ".\n"
        let path = try directory.write("one-line.txt", text)
        let render: FileRenderer = { file in ByteOutput.collect { JSONLinesReporter.write(file, to: $0) } }
        // Each flag's rule, span and text (the sentence it carries is the window's part of it).
        func output(_ session: LintSession) -> [String] {
            var out: [String] = []
            session.run([path], render: render) { _, rendered in
                for line in String(decoding: rendered ?? [], as: UTF8.self).split(separator: "\n") {
                    let flag = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                    out.append("\(flag["rule"]!) \(flag["start"]!)-\(flag["end"]!) \(flag["text"]!)")
                }
            }
            return out
        }
        let whole = output(HugeFileTests().session(hugeFileBytes: .max, jobs: jobs))
        #expect(whole.count > 100)
        for windowBytes in [700, 1_001, 4_093] {
            let windowed = output(HugeFileTests().session(hugeFileBytes: 100, jobs: jobs, windowBytes: windowBytes))
            #expect(!windowed.contains { $0.hasPrefix("capitalization.sentence-start") }, "windows of \(windowBytes)")
            #expect(windowed == whole, "windows of \(windowBytes) bytes")
        }
    }

    @Test func aCutInsideASentenceFallsAfterASpace() throws {
        let text = Array(("abc " + String(repeating: "wörd ", count: 400)).utf8)
        let window = Document.Window(offset: 0, position: SourcePosition(line: 1, column: 1), fileBytes: text.count)
        for limit in [100, 101, 102, 103, 555] {
            let (cut, midSentence) = HugeFileWindows.cutPoint(in: text, limit: limit, path: "x", window: window)
            #expect(midSentence)
            #expect(cut <= limit && text[cut - 1] == 0x20, "limit \(limit): cut at \(cut)")
        }
    }
}

/// Issue 21, item 1: a sentence longer than `Segmenter.longestSentence` is taken in pieces, so
/// that what one sentence costs is bounded; a piece after the first starts no sentence.
@Suite struct LongSentenceTests {
    @Test func aLongSentenceIsCutInPiecesAfterSpaces() {
        let bytes = Array(String(repeating: "wörd and 🏁 ", count: 300).utf8) + Array("end.".utf8)
        let whole = ByteRange(0, bytes.count)
        let pieces = Segmenter.pieces(of: whole, in: bytes, limit: 1_000)
        #expect(pieces.count >= (bytes.count + 999) / 1_000)
        #expect(pieces.first?.start == 0 && pieces.last?.end == bytes.count)
        for (piece, next) in zip(pieces, pieces.dropFirst()) {
            #expect(piece.count <= 1_000)
            // Only spaces between pieces: no word is cut, nothing is lost.
            #expect(bytes[piece.end..<next.start].allSatisfy { $0 == 0x20 } && piece.end < next.start)
        }
        #expect(Segmenter.pieces(of: whole, in: bytes, limit: bytes.count) == [whole])
        // No space at all: cut at a character boundary.
        let word = Array(String(repeating: "ä", count: 1_500).utf8)
        let cuts = Segmenter.pieces(of: ByteRange(0, word.count), in: word, limit: 1_001)
        #expect(cuts.map(\.count) == [1_000, 1_000, 1_000])
    }

    @Test func aPieceAfterTheFirstStartsNoSentence() throws {
        // Lower-case words without a full stop, longer than a piece: only the first piece's first
        // word starts a sentence.
        var text = "and"
        while text.utf8.count <= Segmenter.longestSentence + 10_000 { text += " round and the second" }
        let document = try Document(bytes: Array((text + ".\n").utf8), path: "long.txt")
        var sentences: [Sentence] = []
        Segmenter().forEachSentence(in: document, tokenize: false) { _, sentence in sentences.append(sentence) }
        #expect(sentences.count == 2)
        #expect(sentences.map(\.continuesSentence) == [false, true])
        let flags = TestLexicon.engine.rules.linter(enabled: ["capitalization.sentence-start"]).lint(
            Annotator(lexicon: TestLexicon.engine.lexicon).annotate(document))
        #expect(flags.map(\.range.start) == [0])
    }
}

/// Issue 21, item 1: a small file with very many flags is reported in parts, so that its output
/// is never rendered whole; what the parts say is what the whole report says.
@Suite struct ManyFlagsTests {
    @Test(arguments: [1, 2])
    func aFileWithManyFlagsIsReportedInPartsThatSayWhatTheWholeDoes(jobs: Int) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("hell.txt", String(repeating: "Hell ", count: 2 * LintSession.flagsPerPart + 10))
        var options = LintOptions()
        options.jobs = jobs
        let session = LintSession(engine: TestLexicon.engine, options: options) { _ in TestLexicon.engine.linter }
        let whole = session.lintFile(path)
        #expect(whole.flags.count > 2 * LintSession.flagsPerPart)
        let render: FileRenderer = { file in ByteOutput.collect { JSONLinesReporter.write(file, to: $0) } }
        var parts: [FileReport] = []
        var text: [UInt8] = []
        var summary = LintSummary()
        session.run([path], render: render) { part, rendered in
            parts.append(part)
            text += rendered ?? []
            summary.add(part)
        }
        #expect(parts.count == 3)
        #expect(parts.map(\.isFirstPart) == [true, false, false])
        #expect(parts.map(\.isLastPart) == [false, false, true])
        #expect(parts.allSatisfy { $0.flags.count <= LintSession.flagsPerPart })
        #expect(text == render(whole))
        #expect(summary.files == 1 && summary.filesWithFlags == 1 && summary.flags == whole.flags.count)
        // The API that promises whole reports still gives one.
        var delivered: [FileReport] = []
        session.run([path]) { delivered.append($0) }
        #expect(delivered.count == 1 && delivered[0].flags.count == whole.flags.count)
    }

    /// SARIF's results wait in a temporary file, not as values: the document still parses,
    /// with every result in order.
    @Test func sarifOfManyFlagsHasEveryResultInOrder() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("hell.txt", String(repeating: "Hell ", count: LintSession.flagsPerPart + 10))
        let session = LintSession(engine: TestLexicon.engine, options: LintOptions()) { _ in TestLexicon.engine.linter }
        let whole = session.lintFile(path)
        let output = ByteOutput()
        let reporter = SARIFReporter(output: output)
        var summary = LintSummary()
        reporter.begin()
        session.run([path], render: reporter.renderer) {
            summary.add($0)
            reporter.report($0, rendered: $1)
        }
        reporter.end(summary)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(output.bytes)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == whole.flags.count)
        func offset(_ result: [String: Any]) -> Int? {
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            return (location?["region"] as? [String: Any])?["byteOffset"] as? Int
        }
        #expect(results.map(offset) == whole.flags.map { $0.range.start })
        #expect(String(decoding: output.bytes, as: UTF8.self).hasSuffix("\n      ]\n    }\n  ]\n}\n"))
    }

    @Test func jsonOfAFileInPartsIsTheJSONOfTheWholeFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("hell.txt", String(repeating: "Hell ", count: LintSession.flagsPerPart + 10))
        let session = LintSession(engine: TestLexicon.engine, options: LintOptions()) { _ in TestLexicon.engine.linter }
        let whole = session.lintFile(path)
        let expected = JSONReporter.fileJSON(whole).render()
        let output = ByteOutput()
        let reporter = JSONReporter(output: output)
        session.run([path], render: reporter.renderer) { reporter.report($0, rendered: $1) }
        #expect(String(decoding: output.bytes, as: UTF8.self) == "\n" + expected)
    }
}
