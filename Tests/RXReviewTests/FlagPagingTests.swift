import Foundation
import Testing

/// `/api/flags` a page at a time (issue 21: 500 KB of one line has 100,000 flags, and one answer
/// with all of them was 327 MB): counts, page boundaries, filters applied before the page is cut,
/// and limits out of range refused.
@Suite struct FlagPagingTests {
    /// 1,200 doubled words in one file, and a small file with a doubled word and a lower-case
    /// sentence start (two rules, two severities).
    func server() throws -> (Scratch, ReviewProcess) {
        let scratch = try Scratch()
        try scratch.write("reviewed/many.txt", String(repeating: "Hell ", count: 1201) + "\n")
        try scratch.write("reviewed/few.txt", "The final was won. he won the final in Hell Hell.\n")
        let server = try ReviewProcess([scratch.url.appendingPathComponent("reviewed").path])
        return (scratch, server)
    }

    func keys(_ flags: [[String: Any]]) -> [String] { flags.compactMap { $0["key"] as? String } }

    @Test func pagesCoverEveryFlagOnceInOrder() async throws {
        let (_, server) = try server()
        let first = try await server.page()
        let firstFlags = try #require(first["flags"] as? [[String: Any]])
        #expect(first["total"] as? Int == 1202)
        #expect(first["offset"] as? Int == 0)
        #expect(first["limit"] as? Int == 50, "the default page")
        #expect(firstFlags.count == 50)
        #expect(first["files"] as? [String] == ["few.txt", "many.txt"])

        let byLargest = try await server.flags(limit: 500)
        #expect(byLargest.count == 1202)
        #expect(Set(keys(byLargest)).count == 1202, "no flag on two pages")
        #expect(Array(keys(byLargest).prefix(50)) == keys(firstFlags))
        // Pages of an odd size cut elsewhere and give the same list.
        #expect(keys(try await server.flags(limit: 37)) == keys(byLargest))

        // The last page is short; at and past the end, no flags but the same counts.
        let last = try await server.page("offset=1199&limit=10")
        #expect(keys(try #require(last["flags"] as? [[String: Any]])) == Array(keys(byLargest).suffix(3)))
        for offset in [1202, 5000] {
            let past = try await server.page("offset=\(offset)")
            #expect((past["flags"] as? [Any])?.isEmpty == true)
            #expect(past["total"] as? Int == 1202)
        }
        let countsOnly = try await server.page("limit=0")
        #expect((countsOnly["flags"] as? [Any])?.isEmpty == true)
        let progress = try #require(countsOnly["progress"] as? [String: Int])
        #expect(progress == ["total": 1202, "answered": 0, "pending": 1202, "skipped": 0])
        let largest = try await server.page("limit=500")
        #expect((largest["flags"] as? [Any])?.count == 500)
    }

    @Test func limitsOutOfRangeAreRefusedWithTheReason() async throws {
        let (_, server) = try server()
        for query in ["limit=501", "limit=-1", "limit=ten", "offset=-5", "offset=1.5", "status=done"] {
            let reply = try await server.get("/api/flags?" + query)
            #expect(reply.status == 400, "\(query): \(reply.status) \(reply.text)")
            let message = try reply.json()["error"] as? String ?? ""
            let named = query.split(separator: "=")[0]
            #expect(message.hasPrefix(String(named)), "\(query): \(message)")
            if query == "limit=501" { #expect(message.contains("0 to 500"), "\(message)") }
        }
        #expect(server.isRunning)
    }

    @Test func filtersApplyBeforeThePageIsCut() async throws {
        let (_, server) = try server()
        let all = try await server.flags()

        // File, rule and severity: a page of the filtered view starts with its own flags.
        let few = try await server.page("file=few.txt&limit=1")
        #expect(few["total"] as? Int == 2)
        #expect((few["flags"] as? [[String: Any]])?.first?["file"] as? String == "few.txt")
        let many = try await server.flags("file=many.txt", limit: 100)
        #expect(many.count == 1200)
        #expect(many.allSatisfy { $0["file"] as? String == "many.txt" })
        let warnings = try await server.page("severity=warning")
        #expect(warnings["total"] as? Int == 1)
        let doubled = try await server.page("rule=repetition.doubled-word&file=few.txt&offset=0&limit=5")
        #expect(doubled["total"] as? Int == 1)
        let onlyKey = try #require(all[700]["key"] as? String)
        #expect(keys(try await server.flags("key=\(onlyKey)")) == [onlyKey])

        // Status: three answers and two skips, the later flag skipped first.
        let rejected = keys(Array(all[2..<5]))
        for key in rejected {
            #expect(try await server.post("/api/decisions", ["key": key, "action": "reject"]).status == 200)
        }
        let skipped = [keys(all)[900], keys(all)[10]]
        for key in skipped {
            #expect(try await server.post("/api/decisions", ["key": key, "action": "skip"]).status == 200)
        }

        let answered = try await server.page("status=answered")
        #expect(keys(try #require(answered["flags"] as? [[String: Any]])) == rejected)
        #expect(answered["answered"] as? Int == 3)
        let pending = try await server.flags("status=pending")
        #expect(pending.count == 1202 - 5)
        #expect(Set(keys(pending)).isDisjoint(with: rejected + skipped))
        let pendingPage = try await server.page("status=pending&offset=0&limit=2")
        #expect(keys(try #require(pendingPage["flags"] as? [[String: Any]])) == [keys(all)[0], keys(all)[1]])
        #expect(keys(try await server.flags("status=skipped")) == [keys(all)[10], keys(all)[900]])

        // The page's queue: the pending in order, then the skipped, longest skipped first.
        let left = try await server.flags("status=left", limit: 333)
        #expect(left.count == 1202 - 3)
        #expect(Array(keys(left).suffix(2)) == skipped)
        #expect(keys(left).dropLast(2) == keys(pending)[...])
        let tail = try await server.page("status=left&offset=1198&limit=50")
        #expect(keys(try #require(tail["flags"] as? [[String: Any]])) == [skipped[1]])
        let progress = try #require(tail["progress"] as? [String: Int])
        #expect(progress == ["total": 1202, "answered": 3, "pending": 1197, "skipped": 2])

        // The status filter within a file: the answers are all in many.txt.
        #expect(try await server.page("file=few.txt&status=answered")["total"] as? Int == 0)
        #expect(try await server.page("file=many.txt&status=answered")["total"] as? Int == 3)
    }
}
