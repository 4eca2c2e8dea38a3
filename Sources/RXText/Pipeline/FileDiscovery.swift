import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Expands lint arguments into files: directories are walked recursively (symlinked directories
/// are not followed, so loops cannot hang), keeping files that match an include glob and no
/// exclude glob. Arguments that are files are kept as given.
public struct FileDiscovery: Sendable {
    public var include: [String]
    public var exclude: [String]

    public static let defaultInclude = ["*.txt", "*.md"]

    public init(include: [String] = FileDiscovery.defaultInclude, exclude: [String] = []) {
        self.include = include
        self.exclude = exclude
    }

    /// Files in a stable order (arguments in order, each directory sorted), and problems found.
    public func files(for arguments: [String]) -> (files: [String], errors: [(String, String)]) {
        let found = walk(arguments)
        return (found.files, found.errors)
    }

    /// What a walk found: the files, the problems, and the symbolic links it passed over.
    public struct Walk: Sendable {
        public var files: [String] = []
        public var errors: [(String, String)] = []
        /// Links met inside a directory that were not linted: to a directory (not followed, so
        /// loops cannot hang) or to nothing (dangling).
        public var skippedLinks: [(path: String, dangling: Bool)] = []

        /// One line saying which links were passed over, nil when none were: a walk that drops
        /// files silently hides them from the user.
        public var skippedLinksNote: String? {
            guard !skippedLinks.isEmpty else { return nil }
            let dangling = skippedLinks.filter(\.dangling).count
            let directories = skippedLinks.count - dangling
            var parts: [String] = []
            if directories > 0 {
                parts.append("\(directories) to a directory, not followed")
            }
            if dangling > 0 { parts.append("\(dangling) dangling") }
            let first = skippedLinks.prefix(3).map(\.path).joined(separator: ", ")
            let more = skippedLinks.count > 3 ? ", ..." : ""
            return "skipped \(skippedLinks.count) symbolic link\(skippedLinks.count == 1 ? "" : "s")"
                + " (\(parts.joined(separator: ", "))): \(first)\(more)"
        }
    }

    /// `files(for:)`, with the links passed over.
    public func walk(_ arguments: [String]) -> Walk {
        var files: [String] = []
        var errors: [(String, String)] = []
        var links: [(path: String, dangling: Bool)] = []
        for argument in arguments {
            var info = stat()
            guard stat(argument, &info) == 0 else {
                errors.append(
                    (argument, errno == ENOENT ? "no such file or directory" : String(cString: strerror(errno))))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(argument, into: &files, errors: &errors, links: &links)
            } else if !isExcluded(argument) {
                files.append(argument)
            }
        }
        return Walk(files: files, errors: errors, skippedLinks: links)
    }

    private func walk(
        _ directory: String, into files: inout [String], errors: inout [(String, String)],
        links: inout [(path: String, dangling: Bool)]
    ) {
        guard let entries = Self.entries(of: directory) else {
            errors.append((directory, "cannot read directory"))
            return
        }
        for (name, type) in entries.sorted(by: { $0.name < $1.name }) {
            if name.hasPrefix(".") { continue }
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            switch Self.kind(of: path, type: type) {
            case .directory: if !isExcluded(path) { walk(path, into: &files, errors: &errors, links: &links) }
            case .file: if matches(name, include) && !isExcluded(path) { files.append(path) }
            case .linkToDirectory: if !isExcluded(path) { links.append((path, false)) }
            case .danglingLink: if matches(name, include) && !isExcluded(path) { links.append((path, true)) }
            case .other: continue
            }
        }
    }

    private enum EntryKind { case directory, file, linkToDirectory, danglingLink, other }

    /// What a directory entry is. The entry's own type says it for files and directories (no
    /// stat for the archive's many files); a link is followed to a regular file only, never to a
    /// directory (so loops cannot hang); an unknown type is looked up.
    private static func kind(of path: String, type: UInt8) -> EntryKind {
        switch type {
        case UInt8(DT_REG): return .file
        case UInt8(DT_DIR): return .directory
        default: break
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        case S_IFLNK:
            var target = stat()
            guard stat(path, &target) == 0 else { return .danglingLink }
            switch target.st_mode & S_IFMT {
            case S_IFREG: return .file
            case S_IFDIR: return .linkToDirectory
            default: return .other
            }
        default: return .other
        }
    }

    /// A directory's entries with their types as `readdir` gives them (`DT_UNKNOWN` where the
    /// file system does not say), or nil when it cannot be read.
    private static func entries(of directory: String) -> [(name: String, type: UInt8)]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        return entries
    }

    private func isExcluded(_ path: String) -> Bool {
        if exclude.isEmpty { return false }
        let name = String(path.split(separator: "/").last ?? Substring(path))
        return exclude.contains { fnmatch($0, path, 0) == 0 || fnmatch($0, name, 0) == 0 }
    }

    private func matches(_ name: String, _ patterns: [String]) -> Bool {
        patterns.contains { fnmatch($0, name, 0) == 0 }
    }
}
