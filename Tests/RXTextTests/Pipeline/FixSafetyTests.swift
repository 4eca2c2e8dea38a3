import Foundation
import TestSupport
import Testing

@testable import RXText

/// Issue 21, items 3 and 4: `--fix` and the files it must not touch or must not leave behind.
@Suite struct FixSafetyTests {
    static let garbled = "He won in Hell Hell.\n"
    static let fixed = "He won in Hell.\n"

    func lint(_ arguments: [String], in directory: TemporaryDirectory? = nil) throws -> CommandResult {
        try CLI.run(["lint", "--glossaries", LintCommandTests.glossaries] + arguments, directory: directory?.url)
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func ownerAndGroupAreKept() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", Self.garbled)
        // The suite runs as root, which may give a file away; as another user the fix must keep
        // its owner or not write at all.
        let owner: uid_t = getuid() == 0 ? 12_345 : getuid()
        let group: gid_t = getuid() == 0 ? 23_456 : getgid()
        #expect(chown(path, owner, group) == 0)
        chmod(path, 0o600)
        _ = try lint([path, "--fix"])
        #expect(try read(path) == Self.fixed)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_uid == owner && info.st_gid == group && info.st_mode & 0o7777 == 0o600)
    }

    @Test func aFileNobodyMayWriteIsNotFixed() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", Self.garbled)
        chmod(path, 0o444)
        let result = try lint([path, "--fix"])
        #expect(try read(path) == Self.garbled)
        #expect(result.status == 2)
        #expect(result.stdout.contains("\(path): error: read-only: not fixed"), "\(result.stdout)")
        #expect(result.stdout.contains("1 file could not be fixed") && !result.stdout.contains("could not be read"))
    }

    @Test func aSymlinkIntoTheTreeFixesItsTargetAndOneOutsideIsReported() throws {
        let outside = try TemporaryDirectory()
        let outsideFile = try outside.write("outside.txt", Self.garbled)
        let directory = try TemporaryDirectory()
        let target = try directory.write("real/target.txt", Self.garbled)
        let inner = directory.url.appendingPathComponent("inner.txt").path
        let outer = directory.url.appendingPathComponent("outer.txt").path
        try FileManager.default.createSymbolicLink(atPath: inner, withDestinationPath: "real/target.txt")
        try FileManager.default.createSymbolicLink(atPath: outer, withDestinationPath: outsideFile)
        let result = try lint([directory.url.path, "--fix"])
        // The link inside the tree stays a link; its target is fixed.
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: inner) == "real/target.txt")
        #expect(try read(target) == Self.fixed)
        // The link to a file outside is left, and so is the file, and the report says so.
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: outer) == outsideFile)
        #expect(try read(outsideFile) == Self.garbled)
        let real = FixPermissions.realPath(outsideFile)!
        #expect(result.stdout.contains("outer.txt: error: symlink to \(real), outside the linted tree: not fixed"))
    }

    @Test func aSymlinkNamedOnTheCommandLineIsJudgedByItsTarget() throws {
        let outside = try TemporaryDirectory()
        let outsideFile = try outside.write("outside.txt", Self.garbled)
        let directory = try TemporaryDirectory()
        let link = directory.url.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: outsideFile)
        let result = try lint([link, "--fix"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == outsideFile)
        #expect(try read(outsideFile) == Self.garbled)
        #expect(result.stdout.contains("outside the linted tree: not fixed"), "\(result.stdout)")
    }

    @Test func aHardLinkedFileIsReportedNotSplit() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", Self.garbled)
        let other = directory.url.appendingPathComponent("b.keep").path
        #expect(link(path, other) == 0)
        let result = try lint([path, "--fix"])
        #expect(try read(path) == Self.garbled)
        var (first, second) = (stat(), stat())
        #expect(stat(path, &first) == 0 && stat(other, &second) == 0)
        #expect(first.st_ino == second.st_ino, "still one file")
        #expect(result.stdout.contains("has 2 hard links; not fixed"), "\(result.stdout)")
    }

    @Test func staleTemporariesAreRemovedAndOnesInUseKept() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a.txt", Self.garbled)
        let stale = try directory.write(".a.txt.rxtext-Ab12Cd", "half")
        let held = try directory.write(".a.txt.rxtext-Xy34Zw", "half")
        let recent = try directory.write(".a.txt.rxtext-Qq56Rr", "half")
        let unrelated = try directory.write(".a.txt.rxtext-notmine", "mine")
        let old = timeval(tv_sec: time(nil) - 3_600, tv_usec: 0)
        for file in [stale, held, unrelated] { #expect(utimes(file, [old, old]) == 0) }
        // Another process's temporary: its lock is held.
        let descriptor = open(held, O_RDONLY)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX) == 0)
        // A temporary of a run that started after this one is in the future of its start.
        let future = timeval(tv_sec: time(nil) + 3_600, tv_usec: 0)
        #expect(utimes(recent, [future, future]) == 0)
        let result = try lint([path, "--fix"])
        #expect(try read(path) == Self.fixed)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(
            result.stderr.contains("removed \(stale), a temporary file an interrupted --fix left"), "\(result.stderr)")
        for kept in [held, recent, unrelated] { #expect(FileManager.default.fileExists(atPath: kept), "\(kept)") }
        // Lint without --fix removes nothing.
        #expect(utimes(recent, [old, old]) == 0)
        _ = try lint([path])
        #expect(FileManager.default.fileExists(atPath: recent))
    }

    @Test func temporaryNamesAreRecognised() {
        #expect(StaleTemporaries.isTemporaryName(".a.txt.rxtext-Ab12Cd"))
        #expect(StaleTemporaries.isTemporaryName(".x.rxtext-000000"))
        #expect(!StaleTemporaries.isTemporaryName("..rxtext-000000"))
        #expect(!StaleTemporaries.isTemporaryName("a.txt.rxtext-Ab12Cd"))
        #expect(!StaleTemporaries.isTemporaryName(".a.txt.rxtext-Ab12C"))
        #expect(!StaleTemporaries.isTemporaryName(".a.txt.rxtext-Ab12C-"))
        #expect(!StaleTemporaries.isTemporaryName(".a.txt.rxtext-Ab12Cde"))
    }
}
