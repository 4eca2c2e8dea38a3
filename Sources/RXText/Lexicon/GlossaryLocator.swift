import Foundation

/// Finds the glossary directory so the installed binary works from any working directory.
///
/// Search order: an explicit path (`--glossaries`), `$RXTEXT_GLOSSARIES`, `../share/rxtext/glossaries`
/// and `glossaries/` beside the executable, then the nearest `glossaries/` above the executable
/// (a development build inside the package) and above the working directory.
public enum GlossaryLocator {
    public static let environmentVariable = "RXTEXT_GLOSSARIES"

    public static func locate(explicit: String? = nil) -> String? {
        candidates(explicit: explicit).first { isGlossaryDirectory($0) }
    }

    public static func candidates(explicit: String?) -> [String] {
        if let explicit { return [explicit] }
        var result: [String] = []
        if let fromEnvironment = ProcessInfo.processInfo.environment[environmentVariable], !fromEnvironment.isEmpty {
            return [fromEnvironment]
        }
        let executable = executableURL.resolvingSymlinksInPath()
        let binDirectory = executable.deletingLastPathComponent()
        result.append(binDirectory.deletingLastPathComponent().appendingPathComponent("share/rxtext/glossaries").path)
        result.append(binDirectory.appendingPathComponent("glossaries").path)
        result += ancestors(of: binDirectory).map { $0.appendingPathComponent("glossaries").path }
        let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        result += ([workingDirectory] + ancestors(of: workingDirectory)).map {
            $0.appendingPathComponent("glossaries").path
        }
        return result
    }

    /// The running binary. Not `CommandLine.arguments[0]`: run from PATH that is a bare "rxtext",
    /// which would be looked up in the working directory.
    static var executableURL: URL {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
                return URL(fileURLWithPath: path)
            }
        #endif
        return Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments.first ?? "")
    }

    private static func ancestors(of url: URL) -> [URL] {
        var result: [URL] = []
        var current = url.standardizedFileURL
        while current.path != "/" {
            current = current.deletingLastPathComponent()
            result.append(current)
        }
        return result
    }

    private static func isGlossaryDirectory(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("drivers.yaml"))
    }
}
