import Foundation
import TestSupport
import Testing

/// The results view in a real browser: Tests/Scripts/review_results_browser_test.py walks an
/// article's results with the keyboard in headless Chromium, corrects one, rejects one, adds one
/// by selecting its words, kills the server with SIGKILL, restarts it and finds all three; undo
/// crosses the two views; an article with `<script>` stays text; a driver no glossary knows is
/// added to the house glossary with the keyboard, and the summary shows the season timelines.
/// Skipped where Chromium cannot run.
@Suite struct ResultsBrowserTests {
    @Test(.timeLimit(.minutes(3))) func keyboardResultsReviewSurvivesSIGKILL() throws {
        let scratch = try Scratch()
        try scratch.write("corpus/a.txt", ResultDecisionTests.article)
        try scratch.write("corpus/zz-hostile.txt", Scratch.hostile)
        try scratch.write("corpus/b.txt", HouseGlossaryServerTests.article)
        try scratch.write("corpus/.rxtext.yaml", "glossaries: [house]\n")
        let house = scratch.url.appendingPathComponent("corpus/house")
        try FileManager.default.createDirectory(at: house, withIntermediateDirectories: true)
        let result = try Subprocess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", Repository.root.appendingPathComponent("Tests/Scripts/review_results_browser_test.py").path,
                "--rxtext", CLI.executable.path, "--glossaries", Repository.glossaries,
                "--corpus", scratch.url.appendingPathComponent("corpus").path,
                "--db", scratch.url.appendingPathComponent("review.sqlite").path, "--article", "corpus/a.txt",
                "--missed", "Kevin Eriksson completed the top five", "--hostile", "zz-hostile.txt",
                "--unknown", "corpus/b.txt", "--house", house.path,
            ],
            environment: ["PYTHONDONTWRITEBYTECODE": "1"], directory: Repository.root)
        if result.status == 77 { try Test.cancel(Comment(rawValue: result.stdout + result.stderr)) }
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(#""passed": true"#), "\(result.stdout)")
        #expect(result.stdout.contains(#""added": "Koen Pauwels""#), "\(result.stdout)")
    }
}
