import ArgumentParser
import Foundation
import RXReview
import RXText

/// Where `records` and `extract` find the editors' decisions on results: the review store
/// (`--review-db`, else the nearest `.rxtext/review.sqlite` above the files). With a results
/// database they are copied into it first, and its own set (which a re-run never drops) applies.
enum ResultDecisionSource {
    static func load(review: String?, paths: [String], into store: RecordStore? = nil) throws -> ResultDecisionSet? {
        if let review, !FileManager.default.fileExists(atPath: review) {
            printError("\(review): error: no decision store here")
            throw ExitCode(2)
        }
        let reviewPath = review ?? StoreLocation.find(for: paths)
        do {
            let fromReview = try reviewPath.map { try DecisionStore(path: $0).resultDecisionSet() }
            guard let store else { return fromReview }
            if let fromReview {
                // Paths in the results database are relative to its own folder.
                let decisions = fromReview.byArticle.values.flatMap(\.values).map { decision in
                    var moved = decision
                    moved.path = store.storedPath(
                        URL(fileURLWithPath: fromReview.root).appendingPathComponent(decision.path).path)
                    return moved
                }
                try store.importDecisions(decisions)
            }
            return try store.decisionSet()
        } catch {
            printError("\(reviewPath ?? store?.path ?? ""): error: \(error)")
            throw ExitCode(2)
        }
    }
}
