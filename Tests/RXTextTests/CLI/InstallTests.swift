import Foundation
import TestSupport
import Testing

/// `scripts/install.sh` (what `make install` runs) into a scratch prefix, then the installed
/// `rxtext`, found on PATH, linting from another directory with the installed glossaries.
@Suite struct InstallTests {
    @Test func installedBinaryLintsFromAnotherDirectoryWithItsGlossaries() throws {
        let scratch = try TemporaryDirectory()
        let prefix = scratch.url.appendingPathComponent("prefix")
        let install = try Subprocess.install(CLI.executable, into: prefix, repository: Fixtures.repository)
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
        let glossaries = prefix.appendingPathComponent("share/rxtext/glossaries")
        #expect(FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/rxtext").path))
        for file in ["drivers.yaml", "wordlists/english.txt", "garbles"] {
            #expect(FileManager.default.fileExists(atPath: glossaries.appendingPathComponent(file).path), "\(file)")
        }

        let elsewhere = try TemporaryDirectory()
        try elsewhere.write("a.txt", "The season continued in June in Hell Hell.\n")
        let environment = [
            "PATH": prefix.appendingPathComponent("bin").path + ":/usr/bin:/bin", "RXTEXT_GLOSSARIES": "",
        ]
        func lint() throws -> CommandResult {
            try Subprocess.run(
                URL(fileURLWithPath: "/usr/bin/env"), ["rxtext", "lint", "a.txt"], environment: environment,
                directory: elsewhere.url)
        }
        let found = try lint()
        #expect(found.status == 1, "\(found.stdout)\(found.stderr)")
        #expect(found.stdout.contains("a.txt:1:33: error: 'Hell' is repeated"), "\(found.stdout)")

        // The glossaries it used were the installed ones: without them it finds none.
        try FileManager.default.removeItem(at: glossaries)
        let missing = try lint()
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no glossary directory found"), "\(missing.stderr)")

        // Installing again over an existing prefix works and puts them back.
        let again = try Subprocess.install(CLI.executable, into: prefix, repository: Fixtures.repository)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try lint().status == 1)
    }
}
