#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file open for reading with POSIX calls, so that errors keep their errno. Opened
/// non-blocking: a FIFO named like an article must not hang the run.
final class ReadableFile {
    private let descriptor: Int32
    private let path: String
    /// The size `fstat` gave when the file was opened.
    let size: Int
    private var chunk: [UInt8] = []

    init(_ path: String) throws(DocumentError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            throw code == ENOENT ? DocumentError(path: path, reason: .notFound) : Self.unreadable(path, code)
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw Self.unreadable(path, code)
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            close(descriptor)
            if kind == S_IFDIR { throw DocumentError(path: path, reason: .isDirectory) }
            throw DocumentError(path: path, reason: .unreadable("not a regular file (a pipe, socket or device)"))
        }
        size = max(0, Int(info.st_size))
    }

    deinit { close(descriptor) }

    /// Reads up to `count` more bytes onto the end of `bytes`; true at the end of the file.
    func read(appendingTo bytes: inout [UInt8], upTo count: Int) throws(DocumentError) -> Bool {
        if chunk.count < count { chunk = [UInt8](repeating: 0, count: max(count, 1)) }
        let got = chunk.withUnsafeMutableBytes { readOnce(into: $0.baseAddress!, count: max(count, 1)) }
        guard got >= 0 else { throw Self.unreadable(path, errno) }
        bytes.append(contentsOf: chunk[..<got])
        return got == 0
    }

    /// The whole file from here on: read straight into an array of the size `fstat` gave (and
    /// one byte more, so that the read that finds the end needs no other buffer); in chunks
    /// only if the file has grown since.
    func readAll() throws(DocumentError) -> [UInt8] {
        var failure: Int32? = nil
        var atEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let got = readOnce(into: buffer.baseAddress! + count, count: buffer.count - count)
                guard got > 0 else {
                    if got < 0 { failure = errno } else { atEnd = true }
                    return
                }
                count += got
            }
        }
        if let failure { throw Self.unreadable(path, failure) }
        if !atEnd { while try !read(appendingTo: &bytes, upTo: 1 << 16) {} }
        return bytes
    }

    /// One POSIX `read` of up to `count` bytes, tried again when a signal interrupts it: the
    /// byte count, 0 at the end of the file, -1 with `errno` set on an error.
    private func readOnce(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        while true {
            let got = readBytes(descriptor, buffer, count)
            if got < 0 && errno == EINTR { continue }
            return got
        }
    }

    private static func unreadable(_ path: String, _ code: Int32) -> DocumentError {
        DocumentError(path: path, reason: .unreadable(String(cString: strerror(code))))
    }
}

/// POSIX `read`, under a name that `ReadableFile.read` does not hide.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
