import Foundation

/// Fingerprint baselines (`lint --baseline`, `--write-baseline`):
/// `{"version": 1, "fingerprints": [...]}`.
public enum Baseline {
    /// A baseline that is missing or is not one.
    public struct FormatError: Error, CustomStringConvertible {
        public var path: String
        public var missing = false
        public var description: String {
            missing
                ? "\(path): error: no such baseline file (make one with --write-baseline \(path))"
                : "\(path): error: not a baseline file (expected {\"version\": 1, \"fingerprints\": [...]})"
        }
    }

    public static func read(_ path: String) throws(FormatError) -> Set<String> {
        guard FileManager.default.fileExists(atPath: path) else { throw FormatError(path: path, missing: true) }
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let list = object["fingerprints"] as? [String]
        else { throw FormatError(path: path) }
        return Set(list)
    }

    /// Written atomically, fingerprints sorted, so that a baseline diffs well under version control.
    public static func write(_ fingerprints: Set<String>, to path: String) throws(AtomicFile.WriteError) {
        let json = JSONValue.object([
            ("version", .int(1)), ("fingerprints", .array(fingerprints.sorted().map(JSONValue.string))),
        ])
        try AtomicFile.write(Array((json.render(pretty: true) + "\n").utf8), to: path)
    }
}
