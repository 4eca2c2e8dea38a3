#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporaries `AtomicFile` writes (`.NAME.rxtext-XXXXXX`) that a killed `--fix` left behind:
/// a later `--fix` removes those in the directories it fixes files in, when they are older than
/// its start and no process holds their lock (issue 21, item 4).
public enum StaleTemporaries {
    /// Whether a file name is one `AtomicFile` makes: a dot, the name, `.rxtext-` and mkstemp's
    /// six letters and digits.
    public static func isTemporaryName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        let marker = Array(".rxtext-".utf8)
        guard bytes.count > 1 + marker.count + 6, bytes[0] == UInt8(ascii: "."),
            bytes[(bytes.count - 6 - marker.count)..<(bytes.count - 6)].elementsEqual(marker)
        else { return false }
        return bytes.suffix(6).allSatisfy {
            (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)
        }
    }

    /// Removes the stale temporaries in the directories of `files` and returns their paths.
    /// `before`: the run's start (seconds since 1970); a temporary modified since may be another
    /// run's.
    public static func remove(besides files: [String], before: Int) -> [String] {
        var directories: [String] = []
        var seen: Set<String> = []
        for file in files {
            let directory = file.lastIndex(of: "/").map { $0 == file.startIndex ? "/" : String(file[..<$0]) } ?? "."
            if seen.insert(directory).inserted { directories.append(directory) }
        }
        return directories.flatMap { remove(in: $0, before: before) }
    }

    static func remove(in directory: String, before: Int) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var removed: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard isTemporaryName(name) else { continue }
            let path = directory == "/" ? "/" + name : directory + "/" + name
            if isStale(path, before: before) && unlink(path) == 0 { removed.append(path) }
        }
        return removed.sorted()
    }

    /// A regular file (not followed if a link), last modified before `before`, whose lock no
    /// process holds.
    static func isStale(_ path: String, before: Int) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_mtim.tv_sec) < before else {
            return false
        }
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return flock(descriptor, LOCK_EX | LOCK_NB) == 0
    }
}
