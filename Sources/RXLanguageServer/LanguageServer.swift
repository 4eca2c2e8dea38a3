import Foundation
import RXText

/// `rxtext lsp`: the Language Server Protocol over stdio. Diagnostics as the article is typed,
/// from the same engine, configuration and review decisions as `rxtext lint` (`ArticleLinter`);
/// code actions for each suggestion and safe fix, one for all safe fixes, and "reject as a false
/// alarm" recorded in the review store; hover with the rule's description and examples.
/// Documents sync incrementally; positions are UTF-16 as the protocol requires (`TextBuffer`),
/// rxtext's own offsets stay UTF-8 bytes.
public final class LanguageServer {
    public static let rejectCommand = "rxtext.rejectFlag"

    private let channel: JSONRPCChannel
    private let linter: ArticleLinter
    private var documents: [String: OpenArticle] = [:]
    private var shutdownRequested = false

    /// An open buffer: its text and the flags last published for it.
    struct OpenArticle {
        var uri: String
        var path: String
        var buffer: TextBuffer
        var document: Document?
        var flags: [Diagnostic] = []
    }

    public init(engine: Engine, channel: JSONRPCChannel = JSONRPCChannel()) {
        self.channel = channel
        linter = ArticleLinter(engine: engine)
    }

    /// Serves until `exit`; returns the process's exit status (0 after a `shutdown`, 1 without).
    public func run() -> Int32 {
        while true {
            let message: [String: Any]?
            do {
                message = try channel.read()
            } catch {
                log("rxtext lsp: \(error)")
                return 1
            }
            guard let message else { return shutdownRequested ? 0 : 1 }
            let method = message["method"] as? String ?? ""
            if method == "exit" { return shutdownRequested ? 0 : 1 }
            handle(method, id: message["id"], params: message["params"] as? [String: Any] ?? [:])
        }
    }

    private func handle(_ method: String, id: Any?, params: [String: Any]) {
        switch method {
        case "initialize": reply(id, Self.capabilities)
        case "shutdown":
            shutdownRequested = true
            reply(id, NSNull())
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didClose": didClose(params)
        case "textDocument/didSave": relint(Self.uri(params))
        case "textDocument/codeAction": reply(id, codeActions(params))
        case "textDocument/hover": reply(id, hover(params))
        case "workspace/executeCommand": reply(id, executeCommand(params))
        default:
            // Requests we do not know get MethodNotFound; notifications are ignored.
            if let id {
                channel.send(["id": id, "error": ["code": -32601, "message": "rxtext lsp: no method \(method)"]])
            }
        }
    }

    static var capabilities: [String: Any] {
        [
            "capabilities": [
                "positionEncoding": "utf-16",
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "codeActionProvider": ["codeActionKinds": ["quickfix", "source.fixAll"]],
                "hoverProvider": true,
                "executeCommandProvider": ["commands": [rejectCommand]],
            ] as [String: Any],
            "serverInfo": ["name": "rxtext", "version": RXTextVersion.current],
        ]
    }

    // MARK: Documents

    private func didOpen(_ params: [String: Any]) {
        guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String,
            let text = item["text"] as? String
        else { return }
        documents[uri] = OpenArticle(uri: uri, path: Self.path(of: uri), buffer: TextBuffer(text))
        relint(uri)
    }

    private func didChange(_ params: [String: Any]) {
        guard let uri = Self.uri(params), var article = documents[uri] else { return }
        for change in params["contentChanges"] as? [[String: Any]] ?? [] {
            let text = change["text"] as? String ?? ""
            if let range = change["range"] as? [String: Any] {
                article.buffer.replace(
                    from: Self.position(range["start"]), to: Self.position(range["end"]), with: text)
            } else {
                article.buffer.replace(from: nil, to: nil, with: text)
            }
        }
        documents[uri] = article
        relint(uri)
    }

    private func didClose(_ params: [String: Any]) {
        guard let uri = Self.uri(params) else { return }
        documents[uri] = nil
        channel.send(["method": "textDocument/publishDiagnostics", "params": ["uri": uri, "diagnostics": []]])
    }

    /// Lints the buffer and publishes its diagnostics; text rxtext refuses (NUL bytes, UTF-16)
    /// is one diagnostic at the start saying why.
    private func relint(_ uri: String?) {
        guard let uri, var article = documents[uri] else { return }
        var diagnostics: [[String: Any]] = []
        do {
            let document = try Document(bytes: article.buffer.bytes, path: article.path)
            article.document = document
            article.flags = linter.lint(document)
            diagnostics = article.flags.map { diagnostic($0, in: article) }
        } catch {
            article.document = nil
            article.flags = []
            diagnostics = [
                [
                    "range": Self.range(0, 0, in: article.buffer), "severity": 1, "source": "rxtext",
                    "message": error.description,
                ]
            ]
        }
        documents[uri] = article
        channel.send(["method": "textDocument/publishDiagnostics", "params": ["uri": uri, "diagnostics": diagnostics]])
    }

    private func diagnostic(_ flag: Diagnostic, in article: OpenArticle) -> [String: Any] {
        var message = flag.message
        if let suggestion = flag.suggestions.first, !suggestion.isEmpty { message += " (suggestion: \(suggestion))" }
        return [
            "range": Self.range(flag.range.start, flag.range.end, in: article.buffer),
            "severity": flag.severity == .error ? 1 : flag.severity == .warning ? 2 : 3,
            "code": flag.rule, "source": "rxtext", "message": message,
        ]
    }

    // MARK: Code actions

    private func codeActions(_ params: [String: Any]) -> [[String: Any]] {
        guard let uri = Self.uri(params), let article = documents[uri], let document = article.document,
            let range = params["range"] as? [String: Any]
        else { return [] }
        let start = article.buffer.offset(of: Self.position(range["start"]) ?? .init(line: 0, character: 0))
        let end = article.buffer.offset(of: Self.position(range["end"]) ?? .init(line: 0, character: 0))
        var actions: [[String: Any]] = []
        for flag in article.flags where flag.range.start <= max(start, end) && flag.range.end >= start {
            let span = document.text(flag.range)
            let lspDiagnostic = diagnostic(flag, in: article)
            var replacements = flag.suggestions.filter { !$0.isEmpty }
            if let fix = flag.fix, fix.safe, !replacements.contains(fix.replacement) {
                replacements.insert(fix.replacement, at: 0)
            }
            for replacement in replacements {
                let safe = flag.fix?.safe == true && flag.fix?.replacement == replacement
                actions.append([
                    "title": "Replace '\(span)' with '\(replacement)'\(safe ? " (safe fix)" : "")", "kind": "quickfix",
                    "diagnostics": [lspDiagnostic], "isPreferred": safe,
                    "edit": ["changes": [uri: [edit(flag.range, replacement, in: article.buffer)]]],
                ])
            }
            actions.append([
                "title": "Reject '\(span)' as a false alarm [\(flag.rule)]", "kind": "quickfix",
                "diagnostics": [lspDiagnostic],
                "command": [
                    "title": "Reject as a false alarm", "command": Self.rejectCommand,
                    "arguments": [uri, flag.rule, flag.range.start, flag.range.end],
                ] as [String: Any],
            ])
        }
        let safeFixes = Cleaner().clean(document, flags: article.flags).applied
        if !safeFixes.isEmpty {
            actions.append([
                "title": "Apply every safe fix in the article (\(safeFixes.count))", "kind": "source.fixAll",
                "edit": [
                    "changes": [
                        uri: safeFixes.map { edit($0.range, $0.fix?.replacement ?? "", in: article.buffer) }
                    ]
                ],
            ])
        }
        return actions
    }

    private func edit(_ range: ByteRange, _ text: String, in buffer: TextBuffer) -> [String: Any] {
        ["range": Self.range(range.start, range.end, in: buffer), "newText": text]
    }

    private func executeCommand(_ params: [String: Any]) -> Any {
        guard params["command"] as? String == Self.rejectCommand,
            let arguments = params["arguments"] as? [Any], arguments.count == 4,
            let uri = arguments[0] as? String, let rule = arguments[1] as? String,
            let start = arguments[2] as? Int, let end = arguments[3] as? Int,
            let article = documents[uri], let document = article.document,
            let flag = article.flags.first(where: { $0.rule == rule && $0.range == ByteRange(start, end) })
        else { return NSNull() }
        do {
            try linter.reject(flag, in: document)
        } catch {
            channel.send([
                "method": "window/showMessage",
                "params": ["type": 1, "message": "rxtext: the decision was not recorded: \(error)"],
            ])
        }
        relint(uri)
        return NSNull()
    }

    // MARK: Hover

    private func hover(_ params: [String: Any]) -> Any {
        guard let uri = Self.uri(params), let article = documents[uri], let document = article.document,
            let position = Self.position(params["position"])
        else { return NSNull() }
        let offset = article.buffer.offset(of: position)
        let flags = article.flags.filter { $0.range.start <= offset && offset <= $0.range.end }
        guard let first = flags.first else { return NSNull() }
        let text = flags.map { RuleHover.markdown(for: $0, in: document) }.joined(separator: "\n\n---\n\n")
        return [
            "contents": ["kind": "markdown", "value": text],
            "range": Self.range(first.range.start, first.range.end, in: article.buffer),
        ]
    }

    // MARK: Protocol values

    private func reply(_ id: Any?, _ result: Any) {
        guard let id else { return }
        channel.send(["id": id, "result": result])
    }

    private func log(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func uri(_ params: [String: Any]) -> String? {
        (params["textDocument"] as? [String: Any])?["uri"] as? String
    }

    static func path(of uri: String) -> String {
        if let url = URL(string: uri), url.isFileURL { return url.path }
        return uri
    }

    static func position(_ value: Any?) -> TextBuffer.Position? {
        guard let object = value as? [String: Any], let line = object["line"] as? Int,
            let character = object["character"] as? Int
        else { return nil }
        return TextBuffer.Position(line: line, character: character)
    }

    static func range(_ start: Int, _ end: Int, in buffer: TextBuffer) -> [String: Any] {
        func json(_ position: TextBuffer.Position) -> [String: Any] {
            ["line": position.line, "character": position.character]
        }
        return ["start": json(buffer.position(of: start)), "end": json(buffer.position(of: end))]
    }
}
