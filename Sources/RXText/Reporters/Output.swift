/// A buffered sink for text output; reporters write to it so that huge outputs stream.
public protocol TextOutput: AnyObject {
    func write(_ text: String)
    /// Text already in UTF-8 (a report rendered on a worker).
    func write(utf8 bytes: [UInt8])
}

extension TextOutput {
    public func write(utf8 bytes: [UInt8]) { write(String(decoding: bytes, as: UTF8.self)) }
}

/// Buffered standard output (64 KiB chunks): printing token by token through `print` would be
/// the bottleneck on big files.
public final class StandardOutput: TextOutput {
    private var buffer: [UInt8] = []
    private let descriptor: Int32

    public init(descriptor: Int32 = 1) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    deinit { flush() }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func write(utf8 bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes what is buffered; output that cannot be written (a closed pipe) is dropped.
    public func flush() {
        _ = buffer.withUnsafeBytes { writeAll($0, to: descriptor) }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Collects output as UTF-8 bytes: what a reporter renders on a worker, written out later with
/// no check or copy into a `String` between.
public final class ByteOutput: TextOutput {
    public private(set) var bytes: [UInt8] = []
    public init() {}
    public func write(_ text: String) { bytes.append(contentsOf: text.utf8) }
    public func write(utf8 bytes: [UInt8]) { self.bytes.append(contentsOf: bytes) }

    /// What `body` writes, as UTF-8.
    public static func collect(_ body: (ByteOutput) -> Void) -> [UInt8] {
        let output = ByteOutput()
        body(output)
        return output.bytes
    }
}

/// Collects output in memory (tests, and commands that post-process).
public final class StringOutput: TextOutput {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) { self.text += text }

    /// What `body` writes, as one string.
    public static func collect(_ body: (StringOutput) -> Void) -> String {
        let output = StringOutput()
        body(output)
        return output.text
    }
}
