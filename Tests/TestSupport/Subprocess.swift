import Foundation

/// What a program run by `Subprocess` did.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs a program to completion and collects its output: the CLI tests of both test targets,
/// and the tests that shell out to Python scripts.
public enum Subprocess {
    public static func run(
        _ executable: URL, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
        directory: URL? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot block the child.
        let errData = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData.data = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.data, as: UTF8.self))
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}

extension Subprocess {
    /// `scripts/install.sh --prefix PREFIX --binary BINARY` (what `make install` runs), from the
    /// repository at `repository`.
    public static func install(_ binary: URL, into prefix: URL, repository: URL) throws -> CommandResult {
        try run(
            URL(fileURLWithPath: "/bin/bash"),
            ["scripts/install.sh", "--prefix", prefix.path, "--binary", binary.path],
            directory: repository)
    }

    /// An executable SwiftPM built: the first file named `name` in one of `starts` or a folder
    /// above it (test bundles sit a few levels below the build products).
    public static func builtExecutable(_ name: String, near starts: [URL]) -> URL {
        for start in starts {
            var directory = start
            while directory.path != "/" {
                let candidate = directory.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
                    !isDirectory.boolValue
                {
                    return candidate
                }
                directory.deleteLastPathComponent()
            }
        }
        fatalError("\(name) executable not found near \(starts.map(\.path))")
    }
}
