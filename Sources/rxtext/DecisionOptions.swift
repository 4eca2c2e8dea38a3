import ArgumentParser
import Foundation
import RXReview
import RXText

/// `--db PATH` and loading review decisions, shared by the commands that honour them.
struct DecisionOptions: ParsableArguments {
    @Option(help: "Review decisions (default: the nearest .rxtext/review.sqlite above the files).")
    var db: String?

    /// Stores decisions that `--fix` or `clean --in-place` moved to new keys (DecisionSet.Carry).
    func store(_ carried: [DecisionSet.Carry], for paths: [String]) throws {
        guard !carried.isEmpty, let path = db ?? StoreLocation.find(for: paths) else { return }
        do {
            try DecisionStore(path: path).importRecords(
                carried.map { carry in
                    switch carry.verdict {
                    case .rejected:
                        DecisionRecord(key: carry.to, sentence: carry.sentence, action: .reject, replacement: nil)
                    case .replace(let text):
                        DecisionRecord(key: carry.to, sentence: carry.sentence, action: .edit, replacement: text)
                    }
                })
        } catch {
            printError("\(path): error: decisions not carried over to the fixed text: \(error)")
            throw ExitCode(2)
        }
    }

    /// The answered decisions for `paths`, or nil when they were never reviewed.
    func load(for paths: [String]) throws -> DecisionSet? {
        if let db, !FileManager.default.fileExists(atPath: db) {
            printError("\(db): error: no decision store here")
            throw ExitCode(2)
        }
        guard let path = db ?? StoreLocation.find(for: paths) else { return nil }
        do {
            return try DecisionStore(path: path).decisionSet()
        } catch {
            printError("\(path): error: \(error)")
            throw ExitCode(2)
        }
    }
}
