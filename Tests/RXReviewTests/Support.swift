import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The repository checkout (corpus/, glossaries/, Tests/Scripts), found from this source file.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let glossaries = root.appendingPathComponent("glossaries").path

    /// The sample articles (not the reference annotations or the clean fixtures).
    static func articles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(
            at: root.appendingPathComponent("corpus"), includingPropertiesForKeys: nil
        ).filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
    }
}

/// A scratch directory removed when the value is released.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rxreview-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }

    /// A corpus folder with the shipped sample articles and one hostile article.
    func corpus(_ name: String = "corpus") throws -> String {
        for article in try Repository.articles() {
            try write("\(name)/\(article.lastPathComponent)", String(contentsOf: article, encoding: .utf8))
        }
        try write("\(name)/zz-hostile.txt", Self.hostile)
        return url.appendingPathComponent(name).path
    }

    static let hostile = "He won the rallicross <script>window.pwned=1</script> final in Hell Hell.\n"
}

enum CLI {
    /// The `rxtext` binary SwiftPM built beside the test bundle.
    static let executable = Subprocess.builtExecutable(
        "rxtext",
        near: [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()])

    static func run(_ arguments: [String], directory: URL? = nil) throws -> CommandResult {
        try Subprocess.run(executable, arguments, environment: ["PYTHONDONTWRITEBYTECODE": "1"], directory: directory)
    }
}

/// Bytes filled on another thread while the caller waits on a semaphore.
private final class Box: @unchecked Sendable {
    var data = Data()
}

/// `rxtext review` running as its own process, so tests drive it over real HTTP and can kill it.
final class ReviewProcess: @unchecked Sendable {
    let process = Process()
    let url: URL
    let token: String
    let base: String

    struct StartFailed: Error, CustomStringConvertible {
        var description: String
    }

    init(_ arguments: [String], directory: URL? = nil, executable: URL = CLI.executable) throws {
        process.executableURL = executable
        process.arguments = ["review"] + arguments + ["--glossaries", Repository.glossaries]
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The URL is the first line on standard output; wait for it, but not forever.
        let line = Box()
        let ready = DispatchSemaphore(value: 0)
        let handle = output.fileHandleForReading
        DispatchQueue.global().async {
            while !line.data.contains(0x0A) {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                line.data.append(chunk)
            }
            ready.signal()
        }
        guard ready.wait(timeout: .now() + 60) == .success,
            let printed = String(decoding: line.data, as: UTF8.self).split(separator: "\n").first,
            let url = URL(string: String(printed)), let components = URLComponents(string: String(printed)),
            let token = components.queryItems?.first(where: { $0.name == "token" })?.value
        else {
            process.terminate()
            throw StartFailed(
                description: "rxtext review printed no URL: \(String(decoding: line.data, as: UTF8.self))")
        }
        self.url = url
        self.token = token
        base = "http://\(url.host ?? "127.0.0.1"):\(url.port ?? 0)"
    }

    deinit { stop() }

    var isRunning: Bool { process.isRunning }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// SIGKILL: no shutdown code runs, as when the machine loses power or the OOM killer strikes.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    struct Reply {
        var status: Int
        var body: Data
        var headers: [String: String]

        var text: String { String(decoding: body, as: UTF8.self) }

        func json() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any], "not a JSON object: \(text)")
        }
    }

    enum Token {
        case valid, none
        case other(String)
    }

    /// One request, with the run's token in the header unless told otherwise.
    func request(_ method: String, _ path: String, body: Data? = nil, token: Token = .valid) async throws -> Reply {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.httpBody = body
        switch token {
        case .valid: request.setValue(self.token, forHTTPHeaderField: "X-RXText-Token")
        case .other(let value): request.setValue(value, forHTTPHeaderField: "X-RXText-Token")
        case .none: break
        }
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return Reply(status: http.statusCode, body: data, headers: headers)
    }

    func get(_ path: String) async throws -> Reply { try await request("GET", path) }

    func post(_ path: String, _ object: [String: Any]) async throws -> Reply {
        try await request("POST", path, body: try JSONSerialization.data(withJSONObject: object))
    }

    /// One answer of `/api/flags` (a page), as a dictionary.
    func page(_ query: String = "") async throws -> [String: Any] {
        let reply = try await get("/api/flags" + (query.isEmpty ? "" : "?" + query))
        #expect(reply.status == 200, "\(reply.text)")
        return try reply.json()
    }

    /// Every flag the API lists for `query`, as dictionaries: its pages of `limit` flags, walked
    /// until the answer's total.
    func flags(_ query: String = "", limit: Int = 500) async throws -> [[String: Any]] {
        var flags: [[String: Any]] = []
        while true {
            let parameters = (query.isEmpty ? "" : query + "&") + "offset=\(flags.count)&limit=\(limit)"
            let answer = try await page(parameters)
            let page = try #require(answer["flags"] as? [[String: Any]])
            let total = try #require(answer["total"] as? Int)
            flags += page
            if page.isEmpty || flags.count >= total { return flags }
        }
    }
}
