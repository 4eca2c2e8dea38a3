import Foundation
import RXReview
import RXText

/// Lints an editor's buffer as `rxtext lint` lints the file: the same engine, the `.rxtext.yaml`
/// found above the file, and the review decisions of the nearest `.rxtext/review.sqlite`
/// (rejected flags left out, edits as safe fixes), through `LintSession`.
final class ArticleLinter {
    let engine: Engine
    private var linters: [String: Linter] = [:]
    /// Decisions by store path, with the store file's modification date they were read at.
    private var decisions: [String: (date: Date?, set: DecisionSet)] = [:]

    init(engine: Engine) {
        self.engine = engine
    }

    /// A buffer's flags after review decisions, or why its text cannot be linted.
    func lint(_ document: Document) -> [Diagnostic] {
        var options = LintOptions()
        options.jobs = 1
        options.decisions = decisionSet(for: document.path)
        return lint(document, options)
    }

    /// Every flag, before decisions: what decision keys are computed over.
    func rawFlags(_ document: Document) -> [Diagnostic] {
        var options = LintOptions()
        options.jobs = 1
        return lint(document, options)
    }

    /// Records "a false alarm" for `flag` in the store review would use for the file, as the
    /// review page's reject does.
    func reject(_ flag: Diagnostic, in document: Document) throws {
        let store = try DecisionStore(path: StoreLocation.forReview([document.path]))
        let raw = rawFlags(document)
        let keys = DecisionKey.all(raw, in: document, path: DecisionKey.relativePath(document.path, root: store.root))
        guard let index = raw.firstIndex(where: { $0.rule == flag.rule && $0.range == flag.range }) else { return }
        try store.record(
            DecisionRecord(
                key: keys[index], sentence: document.text(raw[index].sentence), action: .reject, replacement: nil))
        decisions[store.path] = nil
    }

    private func lint(_ document: Document, _ options: LintOptions) -> [Diagnostic] {
        let linter = linter(for: document.path)
        return LintSession(engine: engine, options: options) { _ in linter }.lint(document, linter: linter).flags
    }

    private func linter(for path: String) -> Linter {
        let file = Configuration.find(for: path) ?? ""
        if let linter = linters[file] { return linter }
        let configuration = file.isEmpty ? Configuration() : ((try? Configuration.load(path: file)) ?? Configuration())
        let linter = configuration.linter(from: engine.rules)
        linters[file] = linter
        return linter
    }

    private func decisionSet(for path: String) -> DecisionSet? {
        guard let store = StoreLocation.find(for: [path]) else { return nil }
        let date = (try? FileManager.default.attributesOfItem(atPath: store))?[.modificationDate] as? Date
        let journal = (try? FileManager.default.attributesOfItem(atPath: store + "-wal"))?[.modificationDate] as? Date
        let stamp = max(date ?? .distantPast, journal ?? .distantPast)
        if let cached = decisions[store], cached.date == stamp { return cached.set }
        guard let set = try? DecisionStore(path: store).decisionSet() else { return nil }
        decisions[store] = (stamp, set)
        return set
    }
}
