import Foundation
import TestSupport
import Testing

/// `rxtext lsp` fed framed JSON-RPC by hand: the lifecycle, `.rxtext.yaml` honoured as lint
/// honours it, refused text as one diagnostic, unknown requests answered with MethodNotFound.
@Suite struct ProtocolTests {
    static func frame(_ object: [String: Any]) -> String {
        var message = object
        message["jsonrpc"] = "2.0"
        let body = String(decoding: try! JSONSerialization.data(withJSONObject: message), as: UTF8.self)
        return "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
    }

    /// The messages the server wrote, parsed from its framed output.
    static func messages(_ output: String) throws -> [[String: Any]] {
        var bytes = Array(output.utf8)[...]
        var found: [[String: Any]] = []
        while let separator = bytes.firstRange(of: Array("\r\n\r\n".utf8)) {
            let header = String(decoding: bytes[..<separator.lowerBound], as: UTF8.self)
            let length = try #require(Int(header.replacingOccurrences(of: "Content-Length: ", with: "")), "\(header)")
            let body = bytes[separator.upperBound..<(separator.upperBound + length)]
            found.append(try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]))
            bytes = bytes[(separator.upperBound + length)...]
        }
        return found
    }

    @Test func configurationIsHonouredAndBadTextIsOneDiagnostic() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".rxtext.yaml", "rules:\n  disable: [repetition.doubled-word]\n")
        let path = try directory.write("a.txt", "He won the rallicross final in Hell Hell.\n")
        let uri = URL(fileURLWithPath: path).absoluteString
        let input = [
            Self.frame(["id": 1, "method": "initialize", "params": [:]]),
            Self.frame(["method": "initialized", "params": [:]]),
            Self.frame([
                "method": "textDocument/didOpen",
                "params": [
                    "textDocument": [
                        "uri": uri, "languageId": "text", "version": 1,
                        "text": "He won the rallicross final in Hell Hell.\n",
                    ]
                ],
            ]),
            Self.frame([
                "method": "textDocument/didChange",
                "params": [
                    "textDocument": ["uri": uri, "version": 2],
                    "contentChanges": [["text": "A\u{0}B"]],
                ],
            ]),
            Self.frame(["id": 2, "method": "textDocument/definition", "params": [:]]),
            Self.frame(["id": 3, "method": "shutdown"]), Self.frame(["method": "exit"]),
        ].joined()
        let result = try CLI.run(["lsp", "--glossaries", Fixtures.glossaries], stdin: input, directory: directory.url)
        #expect(result.status == 0, "\(result.stderr)")
        let messages = try Self.messages(result.stdout)
        let capabilities = try #require(
            (messages.first { $0["id"] as? Int == 1 }?["result"] as? [String: Any])?["capabilities"] as? [String: Any])
        #expect((capabilities["textDocumentSync"] as? [String: Any])?["change"] as? Int == 2)
        let published = messages.filter { $0["method"] as? String == "textDocument/publishDiagnostics" }
            .compactMap { ($0["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] }
        #expect(published.count == 2)
        #expect(published.first?.compactMap { $0["code"] as? String } == ["spelling.domain-variant"], "config honoured")
        #expect((published.last?.first?["message"] as? String)?.contains("NUL") == true, "\(published.last ?? [])")
        let unknown = messages.first { $0["id"] as? Int == 2 }?["error"] as? [String: Any]
        #expect(unknown?["code"] as? Int == -32601)
        #expect(messages.contains { $0["id"] as? Int == 3 && $0["result"] is NSNull })
    }

    @Test func exitWithoutShutdownIsStatusOne() throws {
        let result = try CLI.run(["lsp", "--glossaries", Fixtures.glossaries], stdin: Self.frame(["method": "exit"]))
        #expect(result.status == 1)
    }
}

enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let glossaries = repository.appendingPathComponent("glossaries").path
}

enum CLI {
    static let executable = Subprocess.builtExecutable(
        "rxtext",
        near: [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()])

    static func run(_ arguments: [String], stdin: String? = nil, directory: URL? = nil) throws -> CommandResult {
        try Subprocess.run(executable, arguments, stdin: stdin, directory: directory)
    }
}

/// A scratch directory removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rxtext-lsp-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }
}
