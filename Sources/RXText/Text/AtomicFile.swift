#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that readers see the old contents or the new, never a mix: a temporary file
/// in the same directory, fsync, then rename over the target, keeping the target's permissions,
/// owner and group (or not writing at all when the owner cannot be kept). The temporary is
/// locked while it exists, so that `StaleTemporaries` can tell one in use from one an
/// interrupted run left.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): cannot write: \(reason)" }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(directory.isEmpty ? "/" : directory)/.\(name).rxtext-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        // From the buffer: String(cString:) on an array is deprecated (one warning per build).
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        _ = flock(descriptor, LOCK_EX)
        var info = stat()
        let exists = stat(path, &info) == 0
        let mode: mode_t = exists ? info.st_mode & 0o7777 : 0o644
        let failure: String? = bytes.withUnsafeBytes { raw -> String? in
            if let error = writeAll(raw, to: descriptor) { return String(cString: strerror(error)) }
            // A file written by root stays its owner's; one whose owner cannot be kept is not
            // replaced by a file of someone else's.
            if exists && fchown(descriptor, info.st_uid, info.st_gid) != 0 {
                return "its owner and group cannot be kept (\(String(cString: strerror(errno)))); not fixed"
            }
            if fchmod(descriptor, mode) != 0 { return String(cString: strerror(errno)) }
            if fsync(descriptor) != 0 { return String(cString: strerror(errno)) }
            return nil
        }
        // Closed, and so unlocked, only once renamed or removed.
        defer { close(descriptor) }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
    }
}
