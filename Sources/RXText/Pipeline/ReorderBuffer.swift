import Foundation

/// Holds finished reports until their turn, so output order never depends on timing. A file's
/// report may come in parts (huge files); at most `maximumParts` of them wait at a time.
final class ReorderBuffer: @unchecked Sendable {
    typealias Entry = (FileReport, [UInt8]?)
    private var slots: [[Entry]]
    /// The file being delivered.
    private var turn = 0
    private let condition = NSCondition()
    private(set) var cancelled = false
    static let maximumParts = 4
    /// How long `take` waits for a report before it looks again: whole files' reports do not
    /// wake it (`append`), so it finds several at each look.
    static let lookInterval: TimeInterval = 0.001

    init(count: Int) {
        slots = Array(repeating: [], count: count)
    }

    /// Adds a report, or the next part of one, rendering it first with `render` when given.
    /// Parts wait while `maximumParts` are already queued.
    func append(_ index: Int, _ entry: Entry, render: FileRenderer? = nil) {
        let entry = render.map { (entry.0, $0(entry.0)) } ?? entry
        condition.lock()
        while !entry.0.isFirstPart && slots[index].count >= Self.maximumParts && !cancelled { condition.wait() }
        slots[index].append(entry)
        // Only the file being delivered can end a wait in `take`, and a whole small file's
        // report can wait for `take`'s next look: waking the caller for every file cost a thread
        // switch or two per file. A part of a huge file wakes it at once, since the worker
        // streaming that file waits for its parts to be taken.
        if index == turn && !(entry.0.isFirstPart && entry.0.isLastPart) { condition.broadcast() }
        condition.unlock()
    }

    /// Blocks until `index` is the file being delivered; false when the run was cancelled.
    func waitForTurn(_ index: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while turn < index && !cancelled { condition.wait() }
        return !cancelled
    }

    /// The next report or part of file `index`, or nil when cancelled.
    func take(_ index: Int) -> Entry? {
        condition.lock()
        defer { condition.unlock() }
        if turn < index {
            turn = index
            condition.broadcast()
        }
        while slots[index].isEmpty && !cancelled {
            _ = condition.wait(until: Date(timeIntervalSinceNow: Self.lookInterval))
        }
        guard !cancelled else { return nil }
        let entry = slots[index].removeFirst()
        condition.broadcast()
        return entry
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
