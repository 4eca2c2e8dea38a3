import Yams

/// Where a YAML value sits, for `file:line:column` errors.
struct SourceMark: Hashable, Sendable {
    var file: String
    var line: Int
    var column: Int

    init(file: String, node: Node?) {
        self.file = file
        self.line = node?.mark?.line ?? 1
        self.column = node?.mark?.column ?? 1
    }

    func error(_ message: String) -> GlossaryError {
        GlossaryError(file: file, line: line, column: column, message: message)
    }
}

/// Collects problems while a glossary directory loads.
final class GlossaryDiagnostics {
    private(set) var errors: [GlossaryError] = []

    func report(_ mark: SourceMark, _ message: String) {
        errors.append(mark.error(message))
    }
}

/// One mapping entry of a glossary list, read field by field with positions. Keys not read by
/// the time `finish` runs are reported as unknown, so a typo such as `alias:` cannot pass silently.
final class YAMLEntry {
    let file: String
    let node: Node
    let kind: String
    private let mapping: Node.Mapping
    /// Values by key, built once: entries are read field by field.
    private let values: [String: Node]
    private let diagnostics: GlossaryDiagnostics
    private var known: Set<String> = []

    init?(_ node: Node, kind: String, file: String, diagnostics: GlossaryDiagnostics) {
        guard let mapping = node.mapping else {
            diagnostics.report(
                SourceMark(file: file, node: node), "a \(kind) entry must be a mapping of keys to values")
            return nil
        }
        self.node = node
        self.kind = kind
        self.file = file
        self.mapping = mapping
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            if let name = key.scalar?.string, values[name] == nil { values[name] = value }
        }
        self.values = values
        self.diagnostics = diagnostics
    }

    var mark: SourceMark { SourceMark(file: file, node: node) }

    func mark(of key: String) -> SourceMark {
        SourceMark(file: file, node: valueNode(key) ?? node)
    }

    private func valueNode(_ key: String) -> Node? {
        values[key]
    }

    /// A scalar field; reports a missing required field at the entry.
    func string(_ key: String, required: Bool = false) -> String? {
        known.insert(key)
        guard let value = valueNode(key) else {
            if required { diagnostics.report(mark, "\(kind) entry is missing the required field '\(key)'") }
            return nil
        }
        guard let scalar = value.scalar else {
            diagnostics.report(SourceMark(file: file, node: value), "'\(key)' must be a single value")
            return nil
        }
        let text = scalar.string.trimmingWhitespace()
        if text.isEmpty && required {
            diagnostics.report(SourceMark(file: file, node: value), "'\(key)' must not be empty")
            return nil
        }
        return text
    }

    /// A list of scalars (a single scalar is accepted as a one-element list), with positions.
    func strings(_ key: String, required: Bool = false) -> [(String, SourceMark)] {
        known.insert(key)
        guard let value = valueNode(key) else {
            if required { diagnostics.report(mark, "\(kind) entry is missing the required field '\(key)'") }
            return []
        }
        if let scalar = value.scalar {
            return scalar.string.isEmpty
                ? [] : [(scalar.string.trimmingWhitespace(), SourceMark(file: file, node: value))]
        }
        guard let sequence = value.sequence else {
            diagnostics.report(SourceMark(file: file, node: value), "'\(key)' must be a list")
            return []
        }
        var result: [(String, SourceMark)] = []
        for item in sequence {
            guard let scalar = item.scalar, !scalar.string.trimmingWhitespace().isEmpty else {
                diagnostics.report(SourceMark(file: file, node: item), "'\(key)' items must be non-empty single values")
                continue
            }
            result.append((scalar.string.trimmingWhitespace(), SourceMark(file: file, node: item)))
        }
        return result
    }

    func int(_ key: String, required: Bool = false) -> Int? {
        guard let text = string(key, required: required) else { return nil }
        guard let value = Int(text) else {
            diagnostics.report(mark(of: key), "'\(key)' must be a whole number, not '\(text)'")
            return nil
        }
        return value
    }

    func bool(_ key: String, default defaultValue: Bool) -> Bool {
        guard let text = string(key) else { return defaultValue }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            diagnostics.report(mark(of: key), "'\(key)' must be true or false, not '\(text)'")
            return defaultValue
        }
    }

    /// The nested list under `key`, as raw nodes.
    func list(_ key: String, required: Bool = false) -> [Node] {
        known.insert(key)
        guard let value = valueNode(key) else {
            if required { diagnostics.report(mark, "\(kind) entry is missing the required field '\(key)'") }
            return []
        }
        guard let sequence = value.sequence else {
            diagnostics.report(SourceMark(file: file, node: value), "'\(key)' must be a list")
            return []
        }
        return Array(sequence)
    }

    /// Reports every key that no accessor asked for.
    func finish() {
        for (key, _) in mapping {
            let name = key.scalar?.string ?? "?"
            if !known.contains(name) {
                let allowed = known.sorted().joined(separator: ", ")
                diagnostics.report(
                    SourceMark(file: file, node: key),
                    "unknown key '\(name)' in \(kind) entry (expected one of: \(allowed))")
            }
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
