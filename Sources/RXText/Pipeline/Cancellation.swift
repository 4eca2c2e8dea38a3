import Foundation

/// A one-way switch that stops a lint run (Ctrl-C), safe to fire from a signal handler's queue.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var handlers: [@Sendable () -> Void] = []

    public init() {}

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    public func cancel() {
        lock.lock()
        cancelled = true
        let run = handlers
        lock.unlock()
        for handler in run { handler() }
    }

    func onCancel(_ handler: @escaping @Sendable () -> Void) {
        lock.lock()
        let already = cancelled
        if !already { handlers.append(handler) }
        lock.unlock()
        if already { handler() }
    }
}
