#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one loop that writes bytes to a file descriptor: `write` may write part of them, or be
/// interrupted by a signal (EINTR) before writing any, so it is called until all are written.
/// Returns nil, or the `errno` that stopped it (EIO for a write that wrote nothing).
func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
    var offset = 0
    while offset < bytes.count {
        let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        if written == 0 { return EIO }
        offset += written
    }
    return nil
}
