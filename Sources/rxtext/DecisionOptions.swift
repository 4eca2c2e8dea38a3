import ArgumentParser
import Foundation
import RXReview
import RXText

/// `--db PATH` and loading review decisions, shared by the commands that honour them.
struct DecisionOptions: ParsableArguments {
    @Option(help: "Review decisions (default: the nearest .rxtext/review.sqlite above the files).")
    var db: String?

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
