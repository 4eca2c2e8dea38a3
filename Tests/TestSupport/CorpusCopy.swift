import Foundation

/// The sample corpus copied into a scratch directory for tests that lint it. The working tree's
/// `corpus/.rxtext/` holds whatever review decisions someone made there (the README suggests
/// `rxtext review corpus/`); `lint corpus/` honours them, so a test linting the working tree
/// would change its results with them. The copy leaves every `.rxtext/` folder behind and keeps
/// everything else, `.rxtext.yaml` included.
public enum CorpusCopy {
    /// The folder (review state) a copy leaves out.
    public static let stateFolder = ".rxtext"

    /// Copies `source` to `directory/name` and returns the copy.
    @discardableResult
    public static func make(from source: URL, in directory: URL, name: String = "corpus") throws -> URL {
        let target = directory.appendingPathComponent(name)
        try copy(source, to: target)
        return target
    }

    private static func copy(_ source: URL, to target: URL) throws {
        let files = FileManager.default
        try files.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try files.contentsOfDirectory(atPath: source.path) where name != stateFolder {
            let from = source.appendingPathComponent(name)
            let to = target.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: from.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                try copy(from, to: to)
            } else {
                try files.copyItem(at: from, to: to)
            }
        }
    }
}
