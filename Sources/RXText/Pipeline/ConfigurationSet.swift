import Foundation

/// The configurations that apply to a run's paths, found once per directory: an explicit
/// `--config` for every file, or else the nearest `.rxtext.yaml` above each file.
public final class ConfigurationSet: @unchecked Sendable {
    private let explicit: Configuration?
    private var byPath: [String: Configuration] = [:]
    private let lock = NSLock()

    /// Reads the explicit configuration, or the one each of `paths` finds; a broken one throws
    /// with its `file:line:column` problems.
    public init(explicit: String?, paths: [String]) throws(GlossaryErrors) {
        if let explicit {
            self.explicit = try Configuration.load(path: explicit)
        } else {
            self.explicit = nil
        }
        for path in paths { _ = try configurationChecked(for: path) }
    }

    /// The configurations' extra glossary directories, each once.
    public var extraGlossaries: [String] { Array(Set(all.flatMap(\.glossaries))).sorted() }
    /// The configurations' `ignore` globs, each once.
    public var ignore: [String] { Array(Set(all.flatMap(\.ignore))).sorted() }
    private var all: [Configuration] { explicit.map { [$0] } ?? Array(byPath.values) }

    /// The configuration of a file; one that was not read when the set was made (a file found
    /// deeper in a directory) and cannot be read counts as none.
    public func configuration(for path: String) -> Configuration {
        (try? configurationChecked(for: path)) ?? Configuration()
    }

    /// The linter for a file, made once per configuration: every file of a run asks.
    public func linter(for path: String, from rules: RuleSet) -> Linter {
        let key = explicit != nil ? "" : (configurationFile(for: path) ?? "")
        return remembered(\.linters, key) { configuration(for: path).linter(from: rules) }
    }

    /// Configuration file by directory: files of one directory share the upward search.
    private var fileByDirectory: [String: String?] = [:]
    /// Linters by configuration file ("" for none, or for an explicit `--config`).
    private var linters: [String: Linter] = [:]

    private func configurationFile(for path: String) -> String? {
        // Not NSString.deletingLastPathComponent: Foundation traps on "." (seen with Swift 6.3.1).
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        return remembered(\.fileByDirectory, directory) { Configuration.find(for: path) }
    }

    /// `table[key]`, made and stored there the first time. The lock is held only to read and
    /// to store: two threads may both make a value, and they make the same one.
    private func remembered<Value>(
        _ table: ReferenceWritableKeyPath<ConfigurationSet, [String: Value]>, _ key: String, _ make: () -> Value
    ) -> Value {
        lock.lock()
        let cached = self[keyPath: table][key]
        lock.unlock()
        if let cached { return cached }
        let made = make()
        lock.lock()
        self[keyPath: table][key] = made
        lock.unlock()
        return made
    }

    private func configurationChecked(for path: String) throws(GlossaryErrors) -> Configuration {
        if let explicit { return explicit }
        guard let file = configurationFile(for: path) else { return Configuration() }
        lock.lock()
        defer { lock.unlock() }
        if let cached = byPath[file] { return cached }
        let configuration = try Configuration.load(path: file)
        byPath[file] = configuration
        return configuration
    }
}
