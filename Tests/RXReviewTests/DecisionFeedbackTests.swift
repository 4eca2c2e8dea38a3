import Foundation
import TestSupport
import Testing

@testable import RXReview
@testable import RXText

/// Decisions feeding back into the other commands: lint suppresses rejected flags and says how
/// many, clean and `lint --fix` apply accepted and edited ones, extract leaves rejected ones out,
/// `review --status` measures each rule, and `--export` / `--import` carry decisions elsewhere.
@Suite struct DecisionFeedbackTests {
    static let article = "He won the rallicross final in Hell Hell and the EM title.\n\nThe next round was in Riga.\n"

    /// An article under review with one flag rejected, one edited and one accepted.
    func reviewed() throws -> (scratch: Scratch, file: String, store: DecisionStore) {
        let scratch = try Scratch()
        let file = try scratch.write("corpus/a.txt", Self.article)
        let store = try DecisionStore(
            path: StoreLocation.forReview([scratch.url.appendingPathComponent("corpus").path]))
        let document = try Document.load(path: file)
        let engine = try Engine(glossaries: Repository.glossaries)
        let lexicon = engine.lexicon
        let flags = engine.linter.lint(Annotator(lexicon: lexicon).annotate(document))
        let keys = DecisionKey.all(flags, in: document, path: "a.txt")
        func key(_ span: String) throws -> DecisionKey { try #require(keys.first { $0.span == span }) }
        try store.record(DecisionRecord(key: key("rallicross"), sentence: "", action: .reject, replacement: nil))
        try store.record(
            DecisionRecord(key: key("Hell Hell"), sentence: "", action: .edit, replacement: "Hell, Norway,"))
        try store.record(
            DecisionRecord(key: key("EM"), sentence: "", action: .accept, replacement: "European Championship"))
        return (scratch, file, store)
    }

    func rxtext(_ arguments: [String], in scratch: Scratch) throws -> CommandResult {
        try CLI.run(arguments + ["--glossaries", Repository.glossaries], directory: scratch.url)
    }

    @Test func lintSuppressesRejectedFlagsAndCountsThem() throws {
        let (scratch, _, _) = try reviewed()
        let text = try rxtext(["lint", "corpus"], in: scratch)
        #expect(!text.stdout.contains("[spelling.domain-variant]"), "\(text.stdout)")
        #expect(text.stdout.contains("'Hell' is repeated"))
        #expect(text.stdout.contains("1 suppressed as rejected in review"), "\(text.stdout)")
        let json = try rxtext(["lint", "--format", "json", "corpus"], in: scratch)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["summary"] as? [String: Any])?["rejected"] as? Int == 1)

        // Without the store (another --db), the flag is back.
        let empty = scratch.url.appendingPathComponent("empty.sqlite").path
        _ = try DecisionStore(path: empty)
        let unreviewed = try rxtext(["lint", "corpus", "--db", empty], in: scratch)
        #expect(unreviewed.stdout.contains("[spelling.domain-variant]"))
    }

    /// An edit in review is the fix that gets applied, so the text output names it, not the
    /// glossary's suggestion, as the safe fix.
    @Test func lintTextNamesTheEditorsTextAsTheSafeFix() throws {
        let (scratch, _, _) = try reviewed()
        let text = try rxtext(["lint", "corpus"], in: scratch)
        #expect(text.stdout.contains("    suggestion: Hell\n    fix: Hell, Norway, (safe fix)\n"), "\(text.stdout)")
        #expect(text.stdout.contains("    suggestion: European Championship (safe fix)\n"), "\(text.stdout)")
    }

    @Test func cleanAppliesAcceptedAndEditedDecisions() throws {
        let (scratch, _, _) = try reviewed()
        let clean = try rxtext(["clean", "corpus/a.txt"], in: scratch)
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(
            clean.stdout
                == "He won the rallicross final in Hell, Norway, and the European Championship title.\n\nThe next round was in Riga.\n"
        )
    }

    @Test func lintFixWritesTheDecisions() throws {
        let (scratch, file, _) = try reviewed()
        let fix = try rxtext(["lint", "--fix", "corpus"], in: scratch)
        #expect(fix.stdout.contains("fixed"), "\(fix.stdout)")
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.contains("in Hell, Norway, and the European Championship title"))
        #expect(written.contains("rallicross"), "a rejected flag's suggestion is not applied")
    }

    /// A fix rewrites its sentence, which changes the key of a rejected flag beside it; the
    /// rejection follows the flag to its new key instead of coming back as a new question.
    @Test(arguments: [["lint", "--fix", "corpus"], ["clean", "--in-place", "corpus/a.txt"]])
    func rejectionsSurviveAFixInTheirSentence(command: [String]) throws {
        let scratch = try Scratch()
        let file = try scratch.write("corpus/a.txt", "He won the EM final in Hell Hell.\n")
        let store = try DecisionStore(
            path: StoreLocation.forReview([scratch.url.appendingPathComponent("corpus").path]))
        let document = try Document.load(path: file)
        let engine = try Engine(glossaries: Repository.glossaries)
        let lexicon = engine.lexicon
        let keys = DecisionKey.all(
            engine.linter.lint(Annotator(lexicon: lexicon).annotate(document)), in: document, path: "a.txt")
        let em = try #require(keys.first { $0.span == "EM" })
        let hell = try #require(keys.first { $0.span == "Hell Hell" })
        try store.record(DecisionRecord(key: em, sentence: "", action: .accept, replacement: "European Championship"))
        try store.record(DecisionRecord(key: hell, sentence: "", action: .reject, replacement: nil))

        let fix = try rxtext(command, in: scratch)
        #expect([0, 1].contains(fix.status), "\(fix.stdout)\(fix.stderr)")
        #expect(
            try String(contentsOfFile: file, encoding: .utf8)
                == "He won the European Championship final in Hell Hell.\n")
        let lint = try rxtext(["lint", "corpus"], in: scratch)
        #expect(lint.status == 0, "\(lint.stdout)")
        #expect(lint.stdout.contains("0 flags"), "\(lint.stdout)")
        #expect(lint.stdout.contains("1 suppressed as rejected in review"), "\(lint.stdout)")
        let rejections = try store.all().filter { $0.action == .reject }
        #expect(rejections.count == 2, "the old key and the carried one")
    }

    @Test func extractLeavesRejectedFlagsOut() throws {
        let (scratch, _, _) = try reviewed()
        let result = try rxtext(["extract", "corpus/a.txt"], in: scratch)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let texts = (object["flags"] as? [[String: Any]])?.compactMap { $0["text"] as? String } ?? []
        #expect(!texts.contains("rallicross"))
        #expect(texts.contains("EM"))
        #expect((object["cleaned_text"] as? String)?.contains("European Championship title") == true)
    }

    @Test func statusPrintsCountsAndPrecisionPerRule() throws {
        let (scratch, _, _) = try reviewed()
        let status = try rxtext(["review", "--status", "corpus"], in: scratch)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("3 decisions: 1 accepted, 1 edited, 1 rejected, 0 skipped"), "\(status.stdout)")
        let spelling = try #require(status.stdout.split(separator: "\n").first { $0.hasPrefix("spelling.") })
        #expect(spelling.hasSuffix(" 0%"), "the rejected rule measures 0%: \(spelling)")
        let doubled = try #require(
            status.stdout.split(separator: "\n").first { $0.hasPrefix("repetition.doubled-word") })
        #expect(doubled.hasSuffix(" 100%"), "\(doubled)")
    }

    @Test func exportAndImportMoveDecisionsBetweenMachines() throws {
        let (scratch, _, store) = try reviewed()
        let export = try rxtext(["review", "corpus", "--export", "decisions.jsonl"], in: scratch)
        #expect(export.status == 0, "\(export.stderr)")
        let lines = try scratch.read("decisions.jsonl").split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.contains(#""path":"a.txt""#) }, "paths are relative to the corpus")

        // Another machine: the same article at another place, no decisions yet.
        let elsewhere = try Scratch()
        try elsewhere.write("checkout/articles/a.txt", Self.article)
        try elsewhere.write("decisions.jsonl", try scratch.read("decisions.jsonl"))
        let imported = try CLI.run(
            ["review", "checkout/articles", "--import", "decisions.jsonl", "--glossaries", Repository.glossaries],
            directory: elsewhere.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let copy = try DecisionStore(
            path: elsewhere.url.appendingPathComponent("checkout/articles/.rxtext/review.sqlite").path)
        #expect(try copy.all() == (try store.all()))
        let clean = try CLI.run(
            ["clean", "checkout/articles/a.txt", "--glossaries", Repository.glossaries], directory: elsewhere.url)
        #expect(clean.stdout.contains("European Championship title"))

        try elsewhere.write("bad.jsonl", String(lines[0]) + "\n{\"path\": 1}\n")
        let bad = try CLI.run(
            ["review", "checkout/articles", "--import", "bad.jsonl", "--glossaries", Repository.glossaries],
            directory: elsewhere.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.jsonl:2: error"), "\(bad.stderr)")
    }

    @Test func reportIsOneSelfContainedPageWithTextEscaped() throws {
        let scratch = try Scratch()
        _ = try scratch.corpus()
        let result = try rxtext(["report", "corpus", "--html", "report.html"], in: scratch)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try scratch.read("report.html")
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("&lt;script&gt;window.pwned=1&lt;/script&gt;"))
        #expect(!html.contains("<script>window.pwned"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 2, "bar charts per rule and per file")
        #expect(html.contains("<select id=\"rule\">"))
        #expect(html.contains("Content-Security-Policy"))
        // No external asset: the only URL is the SVG namespace.
        let urls = html.components(separatedBy: "://").dropFirst().map { $0.prefix(22) }
        #expect(urls.count == 2 && urls.allSatisfy { $0.hasPrefix("www.w3.org/2000/svg\"") }, "\(urls)")
        for attribute in ["src=", "href=", "@import", "url("] { #expect(!html.contains(attribute), "\(attribute)") }
    }
}
