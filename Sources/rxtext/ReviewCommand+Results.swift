import ArgumentParser
import Foundation
import RXReview
import RXText

/// The results side of `rxtext review`: the extractor's precision from the editors' decisions on
/// results (`--status`), and verified articles written as gold files (`--export-gold`).
extension ReviewCommand {
    func printResultStatus(_ store: DecisionStore) throws {
        let decisions = try store.resultDecisions()
        var counts: [ResultAction: Int] = [:]
        for decision in decisions { counts[decision.action, default: 0] += 1 }
        print(
            "\(decisions.count) decisions on results: \(counts[.accept] ?? 0) accepted, \(counts[.correct] ?? 0) "
                + "corrected, \(counts[.reject] ?? 0) rejected, \(counts[.add] ?? 0) added")
        guard !decisions.isEmpty else { return }
        printTable("cue", ResultPrecision.byCue(decisions))
        printTable("stage", ResultPrecision.byStage(decisions))
    }

    private func printTable(_ title: String, _ rows: [ResultPrecision]) {
        let width = max(title.count, rows.map(\.name.count).max() ?? 0)
        func pad(_ text: String, _ count: Int, left: Bool = false) -> String {
            let space = String(repeating: " ", count: max(0, count - text.count))
            return left ? text + space : space + text
        }
        print(pad(title, width, left: true) + "  accepted  corrected  rejected  added  precision")
        for row in rows {
            let precision = row.precision.map { String(format: "%.0f%%", $0 * 100) } ?? "-"
            print(
                pad(row.name, width, left: true) + pad(String(row.accepted), 10) + pad(String(row.corrected), 11)
                    + pad(String(row.rejected), 10) + pad(String(row.added), 7) + pad(precision, 11))
        }
    }

    /// Every article of `paths` whose results are all decided, as DIR/NAME.gold.json.
    func exportGoldFiles(_ store: DecisionStore, to directory: String) throws {
        let engine = try glossaries.engine()
        let flagDecisions = try store.decisionSet()
        let resultDecisions = try store.resultDecisionSet()
        let (files, errors) = FileDiscovery().files(for: paths)
        for (path, reason) in errors { printError("\(path): error: \(reason)") }
        var written = 0
        var failed = !errors.isEmpty
        for file in files {
            let decisions = resultDecisions.decisions(for: file)
            guard !decisions.isEmpty else { continue }
            let document: Document
            do {
                document = try Document.load(path: file)
            } catch {
                printError(error.description)
                failed = true
                continue
            }
            let extraction = Extraction(document: document, engine: engine, decisions: flagDecisions)
            guard GoldExport.isVerified(keys: ResultIdentity.keys(extraction.record), decisions: decisions)
            else { continue }
            let record = resultDecisions.apply(to: extraction.record, path: file, glossary: engine.glossary)
            let keys = flagDecisions.keys(extraction.flags, in: document)
            let answered = Set(keys.indices.filter { flagDecisions.verdicts[keys[$0].id] != nil })
            let gold = GoldExport.document(
                article: DecisionKey.relativePath(file, root: store.root), extraction: extraction, record: record
            ) { answered.contains($0) }
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let target = URL(fileURLWithPath: directory).appendingPathComponent("\(name).gold.json").path
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try AtomicFile.write(Array((gold.render(pretty: true) + "\n").utf8), to: target)
                written += 1
            } catch {
                printError("\(target): error: \(error)")
                failed = true
            }
        }
        printError("rxtext review: \(written) verified article(s) exported as gold files into \(directory)")
        if failed { throw ExitCode(2) }
    }
}
