import Foundation

/// Loaded glossaries saved as JSON under a key made of the YAML files' paths and contents, so
/// that a one-article command (`extract`) does not parse and validate the YAML every time:
/// measured, that was about half of `extract`'s 45 ms.
///
/// The key covers every byte the loader reads, so an edited glossary misses the cache and is
/// loaded (and checked) from YAML again. The cache is a convenience: a directory that cannot
/// be written, or an entry that cannot be decoded, only costs the YAML load.
public struct GlossaryCache: Sendable {
    public let directory: String

    /// `$RXTEXT_CACHE_DIR`, else `$XDG_CACHE_HOME/rxtext`, else `~/.cache/rxtext`; nil when
    /// `RXTEXT_CACHE_DIR` is set empty (caching off).
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> GlossaryCache? {
        if let explicit = environment["RXTEXT_CACHE_DIR"] {
            return explicit.isEmpty ? nil : GlossaryCache(directory: explicit)
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return GlossaryCache(directory: xdg + "/rxtext") }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return GlossaryCache(directory: home + "/.cache/rxtext")
    }

    public init(directory: String) {
        self.directory = directory
    }

    /// The glossary in `directory`, from the cache when its YAML is unchanged.
    public func load(directory glossaries: String) throws(GlossaryErrors) -> Glossary {
        let files = GlossaryLoader.yamlFiles(in: glossaries).map { path in
            (path: path, contents: try? String(contentsOfFile: path, encoding: .utf8))
        }
        return try load(files: files)
    }

    /// Several directories as one glossary (`GlossaryLoader.load(directories:)`), cached as one.
    public func load(directories: [String]) throws(GlossaryErrors) -> Glossary {
        try load(files: try GlossaryLoader.files(in: directories))
    }

    private func load(files: [(path: String, contents: String?)]) throws(GlossaryErrors) -> Glossary {
        let path = entryPath(for: files)
        if let data = FileManager.default.contents(atPath: path),
            let cached = try? JSONDecoder().decode(Glossary.self, from: data)
        {
            return cached
        }
        let glossary = try GlossaryLoader().load(files: files)
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode(glossary) { try? AtomicFile.write(Array(data), to: path) }
        return glossary
    }

    /// One file per glossary state: a hash of the format version, and each file's path and bytes.
    func entryPath(for files: [(path: String, contents: String?)]) -> String {
        var key = Array("rxtext glossary cache 3\u{1F}".utf8)
        for file in files {
            key += Array(file.path.utf8) + [0x1F] + Array((file.contents ?? "\u{0}unreadable").utf8) + [0x1E]
        }
        return directory + "/glossary-" + SHA256.hex(key, characters: 32) + ".json"
    }
}
