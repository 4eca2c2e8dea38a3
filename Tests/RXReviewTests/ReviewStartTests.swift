import Foundation
import Testing

/// `rxtext review` failing to start says why in words: a port another program holds, a status
/// asked for where no review was made.
@Suite struct ReviewStartTests {
    @Test func aPortInUseIsAnErrorBeforeAnyBanner() throws {
        let scratch = try Scratch()
        let corpus = try scratch.corpus()
        let running = try ReviewProcess([corpus, "--db", scratch.url.appendingPathComponent("a.sqlite").path])
        let port = try #require(running.url.port)
        let second = try CLI.run([
            "review", corpus, "--port", String(port), "--glossaries", Repository.glossaries, "--db",
            scratch.url.appendingPathComponent("b.sqlite").path,
        ])
        #expect(second.status == 2)
        #expect(second.stderr.contains("error: port \(port) on 127.0.0.1 is in use"), "\(second.stderr)")
        #expect(!second.stderr.contains("bind("), "\(second.stderr)")
        #expect(!second.stderr.contains("Ctrl-C stops the server"), "no banner for a server that never ran")
        #expect(second.stdout.isEmpty, "no URL: \(second.stdout)")
    }

    @Test func statusWithoutAPathNamesTheFolderToGive() throws {
        let scratch = try Scratch()
        let result = try CLI.run(["review", "--status"], directory: scratch.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("give the reviewed folder (rxtext review --status corpus/)"), "\(result.stderr)")
    }
}
