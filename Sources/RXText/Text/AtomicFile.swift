#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that readers see the old contents or the new, never a mix: a temporary file
/// in the same directory, fsync, then rename over the target, keeping the target's permissions.
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
        var info = stat()
        let mode: mode_t = stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        let failure: String? = bytes.withUnsafeBytes { raw -> String? in
            if let error = writeAll(raw, to: descriptor) { return String(cString: strerror(error)) }
            if fchmod(descriptor, mode) != 0 { return String(cString: strerror(errno)) }
            if fsync(descriptor) != 0 { return String(cString: strerror(errno)) }
            return nil
        }
        close(descriptor)
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
