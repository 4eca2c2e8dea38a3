import Foundation

/// What the review server checks of a request besides its token (issue 21, item 6): a second
/// wall against DNS rebinding (a page on another name that resolves to 127.0.0.1) and against
/// cross-origin posts, and the query read as a form (`+` is a space, as the page's
/// `URLSearchParams` writes it).
enum RequestChecks {
    /// Whether the `Host` (HTTP/1.1) or `:authority` (HTTP/2) names this server: `127.0.0.1`
    /// or `localhost`, with the port it listens on when that is known.
    static func isOwnHost(_ authority: String?, port: Int?) -> Bool {
        guard let authority, let (host, givenPort) = split(authority) else { return false }
        guard host == "127.0.0.1" || host == "localhost" else { return false }
        guard let port else { return true }
        return givenPort == port
    }

    /// Whether an `Origin` header allows a state-changing request: none (a same-origin fetch
    /// from an old browser, or curl), or this server's own origin.
    static func isOwnOrigin(_ origin: String?, port: Int?) -> Bool {
        guard let origin else { return true }
        guard origin.hasPrefix("http://") else { return false }
        return isOwnHost(String(origin.dropFirst("http://".count)), port: port)
    }

    /// Host and port of `host[:port]` (lower-cased); nil when malformed.
    private static func split(_ authority: String) -> (String, Int?)? {
        let lowered = authority.lowercased()
        guard let colon = lowered.lastIndex(of: ":") else { return (lowered, nil) }
        guard let port = Int(lowered[lowered.index(after: colon)...]) else { return nil }
        return (String(lowered[..<colon]), port)
    }

    /// The query's parameters as a browser's form encoding writes them: `+` is a space and
    /// `%XX` a byte, decoded after the split on `&` and `=`. The first of a repeated name wins.
    static func formParameters(_ query: String?) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String? {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = decode(parts[0]) else { continue }
            let value = parts.count > 1 ? decode(parts[1]) : ""
            if parameters[name] == nil, let value { parameters[name] = value }
        }
        return parameters
    }
}

/// The port the server listens on, known once it is bound (it may be asked for port 0).
final class BoundPort: @unchecked Sendable {
    private var value: Int?
    private let lock = NSLock()

    var port: Int? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set(_ port: Int) {
        lock.lock()
        value = port
        lock.unlock()
    }
}
