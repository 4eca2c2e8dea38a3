import Foundation
import TestSupport
import Testing

@testable import RXReview

/// The page files of Sources/RXReview/Page as the binary carries them (PageResources, made at
/// build time by the EmbedResources plugin) and as the server and the report put them together.
@Suite struct ReviewPageTests {
    static let folder = Repository.root.appendingPathComponent("Sources/RXReview/Page")

    @Test func theBinaryCarriesEveryPageFileByteForByte() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasPrefix(".") }
        #expect(Set(PageResources.files.keys) == Set(names))
        for name in names {
            var text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            if text.hasSuffix("\n") { text.removeLast() }
            #expect(PageResources.files[name] == text, "\(name) differs from its embedded copy")
        }
        // Backslashes and quotes survive the Swift literal: the results view's name pattern.
        #expect(PageResources.resultsJS.contains(#"/\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?/u"#))
    }

    @Test func everyScriptAndStyleRunsUnderTheResponsesNonce() {
        let nonce = "0123456789abcdef0123456789abcdef"
        let html = ReviewPage.html(nonce: nonce)
        for tag in ["script", "style"] {
            let opened = html.components(separatedBy: "<\(tag)").count - 1
            #expect(opened > 0)
            #expect(html.components(separatedBy: "<\(tag) nonce=\"\(nonce)\">").count - 1 == opened)
        }
        #expect(!html.contains("{{"), "a template marker was left unfilled")
        // Inline only: nothing the browser would fetch.
        #expect(!html.contains(" src=") && !html.contains(" href=") && !html.contains("@import"))
        for file in [
            "common.js", "review.js", "results.js", "common.css", "review.css", "results.css", "results.html",
        ] {
            #expect(html.contains(PageResources.files[file] ?? "missing"), "the page leaves out \(file)")
        }
        #expect(ReviewPage.html(nonce: "other") != html)
    }
}

/// The page lives in the binary: `scripts/install.sh` copies the binary alone, and the copy,
/// run from a directory far from the build tree, serves the whole page.
@Suite struct InstalledPageTests {
    @Test func anInstalledBinaryServesTheWholePage() async throws {
        let scratch = try Scratch()
        let corpus = try scratch.corpus()
        let prefix = scratch.url.appendingPathComponent("prefix")
        let install = try Subprocess.install(CLI.executable, into: prefix, repository: Repository.root)
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
        let installed = prefix.appendingPathComponent("bin/rxtext")
        let files = try FileManager.default.contentsOfDirectory(atPath: prefix.appendingPathComponent("bin").path)
        #expect(files == ["rxtext"], "the install puts one file in bin: \(files)")

        let server = try ReviewProcess([corpus], directory: scratch.url, executable: installed)
        let page = try await server.request("GET", "/?token=\(server.token)", token: .none)
        #expect(page.status == 200)
        let policy = try #require(page.headers["content-security-policy"])
        let nonce = try #require(policy.firstMatch(of: #/script-src 'nonce-([0-9a-f]+)'/#)?.1)
        #expect(policy.contains("style-src 'nonce-\(nonce)'"))
        #expect(page.text == ReviewPage.html(nonce: String(nonce)))
    }
}
