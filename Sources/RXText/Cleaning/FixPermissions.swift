#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether `--fix` may rewrite a file, and which file it rewrites: the rename that makes a fix
/// atomic replaces the directory entry, so without these checks it would replace a symlink with
/// a regular file, split a hard link, give a file written by root to root, and rewrite a file
/// its user could not have written (issue 21, item 3).
public enum FixPermissions {
    /// The file to write, with the owner, group and mode the new file must keep.
    public struct Target: Equatable, Sendable {
        /// The path the rename replaces: the linted path, or the target of a symlink to a file in
        /// the linted tree.
        public var path: String
        public var owner: uid_t
        public var group: gid_t
        public var mode: mode_t
    }

    /// Why a file is not fixed; `description` is the end of the report line.
    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case readOnly
        case symlinkOutsideTree(target: String)
        case danglingSymlink
        case hardLinked(links: Int)
        case unreadable(String)

        public var description: String {
            switch self {
            case .readOnly: "read-only: not fixed"
            case .symlinkOutsideTree(let target):
                "symlink to \(target), outside the linted tree: not fixed"
            case .danglingSymlink: "dangling symlink: not fixed"
            case .hardLinked(let links):
                "has \(links) hard links; not fixed (a rewrite would leave the other names with the old text)"
            case .unreadable(let why): "cannot check before fixing: \(why); not fixed"
            }
        }
    }

    /// The file `path` names, if `--fix` may rewrite it. `tree` holds the real paths of the
    /// linted roots: a symlink is followed only to a file under one of them.
    public static func target(of path: String, tree: [String]) -> Result<Target, Refusal> {
        var link = stat()
        guard lstat(path, &link) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        var resolved = path
        if link.st_mode & S_IFMT == S_IFLNK {
            guard let real = realPath(path) else { return .failure(.danglingSymlink) }
            guard tree.contains(where: { isInside(real, $0) }) else {
                return .failure(.symlinkOutsideTree(target: real))
            }
            resolved = real
        }
        var info = stat()
        guard stat(resolved, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        if info.st_nlink > 1 { return .failure(.hardLinked(links: Int(info.st_nlink))) }
        // Root passes `access`; a file nobody may write is still not rewritten.
        if access(resolved, W_OK) != 0 || info.st_mode & 0o222 == 0 { return .failure(.readOnly) }
        return .success(Target(path: resolved, owner: info.st_uid, group: info.st_gid, mode: info.st_mode & 0o7777))
    }

    /// The linted roots as real paths, for `target`. A file root stands for the directory it
    /// is named in (not its target's, when it is a link).
    public static func tree(of roots: [String]) -> [String] {
        roots.compactMap { root in
            var info = stat()
            if stat(root, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR { return realPath(root) }
            let directory = root.lastIndex(of: "/").map { $0 == root.startIndex ? "/" : String(root[..<$0]) } ?? "."
            return realPath(directory)
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ path: String, _ root: String) -> Bool {
        root == "/" || path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}
