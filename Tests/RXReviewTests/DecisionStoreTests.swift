import Foundation
import Testing

@testable import RXReview
@testable import RXText

@Suite struct DecisionStoreTests {
    static let engine: Engine = { try! Engine(glossaries: Repository.glossaries) }()
    static var lexicon: Lexicon { engine.lexicon }

    /// The flags and keys of a text as the store would key them, for the path "a.txt".
    func keyed(_ text: String) throws -> (document: Document, flags: [Diagnostic], keys: [DecisionKey]) {
        let document = try Document(bytes: Array(text.utf8), path: "a.txt")
        let flags = Self.engine.linter.lint(Annotator(lexicon: Self.lexicon).annotate(document))
        return (document, flags, DecisionKey.all(flags, in: document, path: "a.txt"))
    }

    func record(_ key: DecisionKey, _ action: DecisionAction, _ replacement: String? = nil) -> DecisionRecord {
        DecisionRecord(key: key, sentence: "s", action: action, replacement: replacement)
    }

    @Test func keysSurviveEditsElsewhereButNotInTheirSentence() throws {
        let original = try keyed("He won the rallicross final.\n\nThe season ended in Hell Hell.\n")
        let editedElsewhere = try keyed(
            "A new first paragraph.\n\nHe won the rallicross final.\n\nThe season ended in Hell Hell.\n")
        let rewrapped = try keyed("He won the  rallicross\nfinal.\n\nThe season ended in Hell Hell.\n")
        let editedSentence = try keyed("He won the rallicross final in Latvia.\n\nThe season ended in Hell Hell.\n")
        let rallicross = try #require(original.keys.first { $0.span == "rallicross" })
        #expect(original.flags.count >= 2)
        #expect(editedElsewhere.keys.map(\.id) == original.keys.map(\.id), "offsets moved, keys did not")
        #expect(rewrapped.keys.contains { $0.id == rallicross.id }, "spacing is folded")
        #expect(!editedSentence.keys.contains { $0.id == rallicross.id }, "a changed sentence is a new question")
        #expect(editedSentence.keys.contains { $0.span == "Hell Hell" && original.keys.map(\.id).contains($0.id) })
    }

    @Test func twoIdenticalFlagsInOneSentenceGetTwoKeys() throws {
        let keyed = try keyed("He won the EM final and the EM title.\n")
        let em = keyed.keys.filter { $0.span == "EM" }
        #expect(em.count == 2)
        #expect(Set(em.map(\.id)).count == 2)
        #expect(em.map(\.occurrence) == [0, 1])
    }

    @Test func relativePaths() {
        #expect(DecisionKey.relativePath("/srv/corpus/a/b.txt", root: "/srv/corpus") == "a/b.txt")
        #expect(DecisionKey.relativePath("/srv/other/b.txt", root: "/srv/corpus") == "../other/b.txt")
        #expect(DecisionKey.relativePath("/srv/corpus/./a//b.txt", root: "/srv/corpus/") == "a/b.txt")
    }

    @Test func storeIsDurableAndUndoRestoresThePreviousAnswer() throws {
        let scratch = try Scratch()
        let path = scratch.url.appendingPathComponent(".rxtext/review.sqlite").path
        let keys = try keyed("He won the rallicross final in Hell Hell.\n").keys
        do {
            let store = try DecisionStore(path: path)
            #expect(store.root == scratch.url.standardizedFileURL.path)
            try store.record(record(keys[0], .skip))
            try store.record(record(keys[0], .accept, "rallycross"))
            try store.record(record(keys[1], .reject))
        }
        let reopened = try DecisionStore(path: path)
        let byKey = Dictionary(uniqueKeysWithValues: try reopened.all().map { ($0.id, $0) })
        #expect(byKey[keys[0].id]?.action == .accept)
        #expect(byKey[keys[0].id]?.replacement == "rallycross")
        #expect(byKey[keys[1].id]?.action == .reject)
        #expect(try reopened.undo() == keys[1].id)
        #expect(try reopened.all().count == 1)
        #expect(try reopened.undo() == keys[0].id)
        #expect(try reopened.all().first?.action == .skip, "undo restores the skip the accept replaced")
        #expect(try reopened.undo() == keys[0].id)
        #expect(try reopened.all().isEmpty)
        #expect(try reopened.undo() == nil)
    }

    /// WAL is a property of the file, so another connection sees it; a killed writer leaves a
    /// log that the next open replays.
    @Test func databaseIsInWALMode() throws {
        let scratch = try Scratch()
        let path = scratch.url.appendingPathComponent("d.sqlite").path
        _ = try DecisionStore(path: path)
        let database = try SQLiteDatabase(path: path)
        #expect(try database.query("PRAGMA journal_mode").first?.first?.string == "wal")
    }

    @Test func decisionSetSuppressesRejectedAndTurnsAnswersIntoSafeFixes() throws {
        let scratch = try Scratch()
        let store = try DecisionStore(path: scratch.url.appendingPathComponent(".rxtext/review.sqlite").path)
        let text = "He won the rallicross final in Hell Hell and the EM title.\n"
        let file = try scratch.write("a.txt", text)
        let document = try Document.load(path: file)
        let flags = Self.engine.linter.lint(Annotator(lexicon: Self.lexicon).annotate(document))
        let keys = DecisionKey.all(flags, in: document, path: "a.txt")
        let spans = keys.map(\.span)
        let rallicross = try #require(spans.firstIndex(of: "rallicross"))
        let hell = try #require(spans.firstIndex(of: "Hell Hell"))
        let em = try #require(spans.firstIndex(of: "EM"))
        try store.record(record(keys[rallicross], .reject))
        try store.record(record(keys[hell], .edit, "Hell"))
        try store.record(record(keys[em], .accept, "European Championship"))
        let set = try store.decisionSet()
        let (kept, rejected) = set.apply(to: flags, in: document)
        #expect(rejected == 1)
        #expect(kept.count == flags.count - 1)
        #expect(!kept.contains { document.text($0.range) == "rallicross" })
        let cleaned = Cleaner().clean(document, flags: kept)
        #expect(cleaned.text == "He won the rallicross final in Hell and the European Championship title.\n")
    }

    @Test func precisionCountsAcceptedAndEditedOverAnswered() throws {
        let keys = try keyed("He won the EM final and the EM title in Hell Hell.\n").keys
        let em = keys.filter { $0.span == "EM" }
        let hell = try #require(keys.first { $0.span == "Hell Hell" })
        #expect(em.count == 2 && hell.rule != em[0].rule)
        let table = RulePrecision.table([
            record(em[0], .accept, "x"), record(em[1], .reject), record(hell, .skip),
        ])
        let abbreviation = try #require(table.first { $0.rule == em[0].rule })
        #expect(abbreviation.answered == 2)
        #expect(abbreviation.precision == 0.5)
        let other = try #require(table.first { $0.rule == hell.rule })
        #expect(other.precision == nil, "a skip answers nothing")
    }
}
