import Foundation
import TestSupport
import Testing

/// `.pre-commit-hooks.yaml` with Debian's pre-commit: the manifest validates, and the
/// `rxtext-system` hook, run by `pre-commit try-repo` on a newsroom repository with an installed
/// rxtext on the PATH, fails a garbled article and passes it once fixed. (The `rxtext` hook
/// differs only in `language: swift`, which builds the package in release first.)
@Suite struct PreCommitHookTests {
    func run(_ command: [String], in directory: URL, _ environment: [String: String]) throws -> CommandResult {
        try Subprocess.run(
            URL(fileURLWithPath: "/usr/bin/env"), command, environment: environment, directory: directory)
    }

    @Test(.timeLimit(.minutes(3))) func theHookFailsAGarbledArticleAndPassesItFixed() throws {
        let found = try run(["sh", "-c", "command -v pre-commit"], in: Fixtures.repository, [:])
        try #require(
            found.status == 0, "pre-commit is needed: apt-get install pre-commit (scripts/test.sh installs it)")
        let manifest = Fixtures.repository.appendingPathComponent(".pre-commit-hooks.yaml")
        let scratch = try TemporaryDirectory()
        let prefix = scratch.url.appendingPathComponent("prefix")
        let install = try run(
            ["bash", "scripts/install.sh", "--prefix", prefix.path, "--binary", CLI.executable.path],
            in: Fixtures.repository,
            [:])
        #expect(install.status == 0, "\(install.stderr)")
        let environment = [
            "PATH": prefix.appendingPathComponent("bin").path + ":"
                + (ProcessInfo.processInfo.environment["PATH"] ?? ""),
            "PRE_COMMIT_HOME": scratch.url.appendingPathComponent("cache").path, "RXTEXT_GLOSSARIES": "",
            "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
        ]
        let validated = try run(["pre-commit", "validate-manifest", manifest.path], in: scratch.url, environment)
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")

        // The hook repository: this manifest, committed.
        let hooks = scratch.url.appendingPathComponent("hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: manifest, to: hooks.appendingPathComponent(".pre-commit-hooks.yaml"))
        for command in [["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "hooks"]] {
            #expect(try run(command, in: hooks, environment).status == 0, "\(command)")
        }
        // The newsroom repository, with one garbled article staged.
        let newsroom = scratch.url.appendingPathComponent("newsroom")
        try FileManager.default.createDirectory(at: newsroom, withIntermediateDirectories: true)
        let article = newsroom.appendingPathComponent("article.txt")
        try Data("He won the final in Hell Hell.\n".utf8).write(to: article)
        for command in [["git", "init", "-q"], ["git", "add", "."]] {
            #expect(try run(command, in: newsroom, environment).status == 0, "\(command)")
        }
        let hook = ["pre-commit", "try-repo", hooks.path, "rxtext-system", "--files", "article.txt"]
        let failed = try run(hook, in: newsroom, environment)
        #expect(failed.status == 1, "\(failed.stdout)\(failed.stderr)")
        #expect(failed.stdout.contains("article.txt:1:21: error: 'Hell' is repeated"), "\(failed.stdout)")

        try Data("He won the final in Hell.\n".utf8).write(to: article)
        #expect(try run(["git", "add", "."], in: newsroom, environment).status == 0)
        let passed = try run(hook, in: newsroom, environment)
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
        #expect(passed.stdout.contains("Passed"), "\(passed.stdout)")
    }
}
