import Foundation
import Testing

@testable import RXReview

/// The review server through real HTTP: a `rxtext review` process on a free port, driven through
/// its JSON API, with the SQLite database checked after each step.
@Suite struct ReviewServerTests {
    func storedDecisions(_ path: String) throws -> [String: DecisionRecord] {
        Dictionary(uniqueKeysWithValues: try DecisionStore(path: path).all().map { ($0.id, $0) })
    }

    @Test func everyRequestNeedsTheToken() async throws {
        let scratch = try Scratch()
        let server = try ReviewProcess([try scratch.corpus()])
        #expect(server.url.host == "127.0.0.1")
        #expect(try await server.request("GET", "/", token: .none).status == 403)
        #expect(try await server.request("GET", "/api/flags", token: .none).status == 403)
        // One character off: the first flipped between "0" and "1".
        let wrong = (server.token.hasPrefix("0") ? "1" : "0") + server.token.dropFirst()
        #expect(try await server.request("GET", "/api/summary", token: .other(wrong)).status == 403)
        #expect(try await server.request("POST", "/api/undo", token: .other("")).status == 403)
        #expect(try await server.request("GET", "/no/such/page", token: .none).status == 403)
        let page = try await server.request("GET", "/?token=\(server.token)", token: .none)
        #expect(page.status == 200)
        #expect(page.text.contains("<title>rxtext review</title>"))
        #expect(page.headers["content-security-policy"]?.contains("default-src 'none'") == true)
        #expect(page.headers["referrer-policy"] == "no-referrer")
        // The page carries no article text: the script fetches it and inserts it as text.
        #expect(!page.text.contains("rallicross"))
        #expect(!page.text.contains("innerHTML"))
    }

    @Test func decisionsGoToTheDatabaseOneByOne() async throws {
        let scratch = try Scratch()
        let corpus = try scratch.corpus()
        let database = scratch.url.appendingPathComponent("corpus/.rxtext/review.sqlite").path
        let server = try ReviewProcess([corpus])
        let flags = try await server.flags()
        #expect(flags.count > 20)
        let withSuggestion = try #require(flags.first { ($0["suggestions"] as? [String])?.isEmpty == false })
        let key = try #require(withSuggestion["key"] as? String)
        let suggestion = try #require((withSuggestion["suggestions"] as? [String])?.first)

        var reply = try await server.post(
            "/api/decisions", ["key": key, "action": "accept", "replacement": suggestion])
        #expect(reply.status == 200, "\(reply.text)")
        #expect(try storedDecisions(database)[key]?.action == .accept)
        #expect(try storedDecisions(database)[key]?.replacement == suggestion)

        let second = try #require(flags.dropFirst().first { $0["key"] as? String != key }?["key"] as? String)
        reply = try await server.post("/api/decisions", ["key": second, "action": "edit", "replacement": "by hand"])
        #expect(reply.status == 200, "\(reply.text)")
        reply = try await server.post("/api/decisions", ["key": second, "action": "reject"])
        #expect(reply.status == 200, "\(reply.text)")
        #expect(try storedDecisions(database)[second]?.action == .reject, "a new answer replaces the old")

        let summary = try await server.get("/api/summary").json()
        #expect(summary["answered"] as? Int == 2)
        #expect(summary["accepted"] as? Int == 1)
        #expect(summary["rejected"] as? Int == 1)
        #expect(summary["pending"] as? Int == flags.count - 2)

        // Undo reverts the latest change: the reject, back to the edit.
        reply = try await server.post("/api/undo", [:])
        #expect(try reply.json()["key"] as? String == second)
        #expect(try storedDecisions(database)[second]?.action == .edit)
        #expect(try storedDecisions(database)[second]?.replacement == "by hand")

        let listed = try await server.flags()
        let decision = listed.first { $0["key"] as? String == second }?["decision"] as? [String: Any]
        #expect(decision?["action"] as? String == "edit")
    }

    @Test func filtersByFileRuleAndSeverity() async throws {
        let scratch = try Scratch()
        let server = try ReviewProcess([try scratch.corpus()])
        let all = try await server.flags()
        let hostile = try await server.flags("file=zz-hostile.txt")
        #expect(!hostile.isEmpty)
        #expect(hostile.allSatisfy { $0["file"] as? String == "zz-hostile.txt" })
        let rule = try #require(all.first?["rule"] as? String)
        let byRule = try await server.flags("rule=\(rule)")
        #expect(byRule.count == all.filter { $0["rule"] as? String == rule }.count)
        let errors = try await server.flags("severity=error")
        #expect(errors.count == all.filter { $0["severity"] as? String == "error" }.count)
        #expect(errors.count < all.count)
        // Markup in an article reaches the page as data, to be inserted as text.
        let context = try #require(hostile.first?["context"] as? [String: String])
        #expect(context["sentenceAfter"]?.contains("<script>window.pwned=1</script>") == true)
    }

    @Test func badRequestsGet4xxAndTheServerKeepsServing() async throws {
        let scratch = try Scratch()
        let server = try ReviewProcess([try scratch.corpus()])
        let flag = try #require(try await server.flags().first)
        let key = try #require(flag["key"] as? String)
        let cases: [(String, String, Data?, Int)] = [
            ("POST", "/api/decisions", Data("not json".utf8), 400),
            ("POST", "/api/decisions", Data("{}".utf8), 400),
            ("POST", "/api/decisions", Data(#"{"key": "nope", "action": "reject"}"#.utf8), 404),
            ("POST", "/api/decisions", Data(#"{"key": "\#(key)", "action": "burn"}"#.utf8), 400),
            ("POST", "/api/decisions", Data(#"{"key": "\#(key)", "action": "edit"}"#.utf8), 400),
            ("POST", "/api/decisions", Data(#"{"key": "\#(key)", "action": "reject", "replacement": "x"}"#.utf8), 400),
            ("POST", "/api/decisions", Data(#"{"key": "\#(key)", "action": "accept", "replacement": "?!"}"#.utf8), 400),
            ("POST", "/api/decisions", Data(repeating: 0x20, count: 200_000), 413),
            ("GET", "/api/flags?severity=fatal", nil, 400),
            ("DELETE", "/api/undo", nil, 405),
            ("GET", "/api/decisions", nil, 405),
            ("GET", "/../../etc/passwd", nil, 404),
            ("GET", "/corpus/zz-hostile.txt", nil, 404),
            ("GET", "/.rxtext/review.sqlite", nil, 404),
        ]
        for (method, path, body, status) in cases {
            let reply = try await server.request(method, path, body: body)
            #expect(reply.status == status, "\(method) \(path): \(reply.status) \(reply.text)")
            if status != 413 { #expect((try? reply.json()["error"]) != nil, "\(method) \(path): \(reply.text)") }
        }
        #expect(server.isRunning)
        #expect(try await server.get("/api/summary").status == 200)
        let database = scratch.url.appendingPathComponent("corpus/.rxtext/review.sqlite").path
        #expect(try DecisionStore(path: database).all().isEmpty, "no bad request stored anything")
    }

    /// SIGKILL mid-review: every answer the server acknowledged is in the database, and a new
    /// server resumes with them.
    @Test func killedServerLosesNothingAnswered() async throws {
        let scratch = try Scratch()
        let corpus = try scratch.corpus()
        let database = scratch.url.appendingPathComponent("corpus/.rxtext/review.sqlite").path
        let server = try ReviewProcess([corpus])
        let flags = try await server.flags()
        var answered: [String: String] = [:]
        for (index, flag) in flags.prefix(12).enumerated() {
            let key = try #require(flag["key"] as? String)
            let action = ["reject", "skip", "edit"][index % 3]
            var body: [String: Any] = ["key": key, "action": action]
            if action == "edit" { body["replacement"] = "edit \(index)" }
            let reply = try await server.post("/api/decisions", body)
            #expect(reply.status == 200, "\(reply.text)")
            answered[key] = action
        }
        server.kill()
        #expect(!server.isRunning)
        let stored = try storedDecisions(database)
        #expect(stored.mapValues(\.action.rawValue) == answered)

        let restarted = try ReviewProcess([corpus])
        let resumed = try await restarted.flags()
        let decided = resumed.filter { $0["decision"] is [String: Any] }
        #expect(Set(decided.compactMap { $0["key"] as? String }) == Set(answered.keys))
        let summary = try await restarted.get("/api/summary").json()
        #expect(summary["answered"] as? Int == 8, "4 skips answer nothing")
    }
}
