import Foundation
import TestSupport
import Testing

/// The review page in a real browser: Tests/Scripts/review_browser_test.py drives headless
/// Chromium over WebDriver (accept, reject, edit with the keyboard, reload, undo, a `<script>`
/// article) and checks the page and the database. .ci/run installs chromium, chromium-driver and
/// selenium; where Chromium cannot run, the script says why and the test is skipped.
/// RXTEXT_REVIEW_SCREENSHOT=docs/review.png keeps the screenshot for the README.
@Suite struct ReviewBrowserTests {
    @Test(.timeLimit(.minutes(3))) func keyboardReviewInHeadlessChromium() throws {
        let scratch = try Scratch()
        let corpus = try scratch.corpus()
        let screenshot =
            ProcessInfo.processInfo.environment["RXTEXT_REVIEW_SCREENSHOT"].map {
                URL(fileURLWithPath: $0, relativeTo: Repository.root).path
            } ?? scratch.url.appendingPathComponent("review.png").path
        let result = try Subprocess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", Repository.root.appendingPathComponent("Tests/Scripts/review_browser_test.py").path,
                "--rxtext", CLI.executable.path, "--glossaries", Repository.glossaries, "--corpus", corpus,
                "--db", scratch.url.appendingPathComponent("review.sqlite").path, "--screenshot", screenshot,
                "--hostile", "zz-hostile.txt",
            ],
            environment: ["PYTHONDONTWRITEBYTECODE": "1"], directory: Repository.root)
        if result.status == 77 { try Test.cancel(Comment(rawValue: result.stdout + result.stderr)) }
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(#""passed": true"#), "\(result.stdout)")
        let png = try #require(FileManager.default.contents(atPath: screenshot), "no screenshot at \(screenshot)")
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "the screenshot is a PNG")
    }
}
