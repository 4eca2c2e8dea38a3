import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// JSON-RPC messages framed as the Language Server Protocol frames them on stdio: headers
/// (`Content-Length: N`), a blank line, then N bytes of JSON.
public final class JSONRPCChannel {
    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []

    public init(input: Int32 = 0, output: Int32 = 1) {
        self.input = input
        self.output = output
    }

    public struct FramingError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The next message's JSON object; nil at the end of the input.
    public func read() throws -> [String: Any]? {
        while true {
            if let message = try takeMessage() { return message }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            buffer += chunk[..<count]
        }
    }

    /// One whole message from the buffer, if it holds one.
    private func takeMessage() throws -> [String: Any]? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let headerEnd = buffer.firstRange(of: separator) else { return nil }
        let headers = String(decoding: buffer[..<headerEnd.lowerBound], as: UTF8.self)
        var length: Int?
        for line in headers.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        guard let length, length >= 0 else {
            throw FramingError(description: "a message without a Content-Length header: '\(headers.prefix(200))'")
        }
        let bodyStart = headerEnd.upperBound
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Data(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeSubrange(..<(bodyStart + length))
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw FramingError(
                description:
                    "a message that is not a JSON object: '\(String(decoding: body.prefix(200), as: UTF8.self))'")
        }
        return object
    }

    public func send(_ message: [String: Any]) {
        var object = message
        object["jsonrpc"] = "2.0"
        guard let body = try? JSONSerialization.data(withJSONObject: object) else { return }
        var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        bytes += body
        var offset = 0
        bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = Glibc.write(output, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
