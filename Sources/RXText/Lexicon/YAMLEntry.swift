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

    /// Adds to the message of the error at `index` (what a root cause kept from being checked).
    func amend(_ index: Int, _ addition: String) {
        errors[index].message += addition
    }
}

/// One mapping entry of a glossary list, read field by field with positions. Keys that are
/// neither read nor in the kind's field list (`GlossaryFields`) are reported as unknown by
/// `finish`, so a typo such as `alias:` cannot pass silently; a missing required field is
/// reported there too, paired with the unknown key that looks like its misspelling.
final class YAMLEntry {
    let file: String
    let node: Node
    let kind: String
    private let mapping: Node.Mapping
    /// Values by key, built once: entries are read field by field.
    private let values: [String: Node]
    private let diagnostics: GlossaryDiagnostics
    private var known: Set<String> = []
    /// Required fields found missing, reported by `finish` (after the unknown keys are known).
    private var missing: [String] = []

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
            if required { missing.append(key) }
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
            if required { missing.append(key) }
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
            if required { missing.append(key) }
            return []
        }
        guard let sequence = value.sequence else {
            diagnostics.report(SourceMark(file: file, node: value), "'\(key)' must be a list")
            return []
        }
        return Array(sequence)
    }

    /// Reports every key that no accessor asked for and is not one of the kind's fields, and
    /// every required field found missing. A missing field with an unknown key one or two edits
    /// away is one problem, a misspelling: `finish:` for `finnish:` is reported once, as the
    /// missing field with a did-you-mean, not as a missing field plus an unknown key.
    func finish() {
        assert(
            known.isSubset(of: GlossaryFields.byKind[kind] ?? known),
            "GlossaryFields.byKind[\(kind)] lacks \(known.subtracting(GlossaryFields.byKind[kind] ?? []))")
        let fields = known.union(GlossaryFields.byKind[kind] ?? [])
        var unpaired = missing
        for (key, _) in mapping {
            let name = key.scalar?.string ?? "?"
            guard !fields.contains(name) else { continue }
            let keyMark = SourceMark(file: file, node: key)
            if let index = unpaired.firstIndex(where: { Self.looksLike(name, $0) }) {
                diagnostics.report(
                    keyMark,
                    "\(kind) entry is missing the required field '\(unpaired[index])': did you mean '\(unpaired[index])' instead of '\(name)'?"
                )
                unpaired.remove(at: index)
            } else if let near = fields.filter({ Self.looksLike(name, $0) }).min(by: {
                (EditDistance.between(name, $0, limit: 2), $0) < (EditDistance.between(name, $1, limit: 2), $1)
            }) {
                diagnostics.report(keyMark, "unknown key '\(name)' in \(kind) entry (did you mean '\(near)'?)")
            } else {
                let allowed = fields.sorted().joined(separator: ", ")
                diagnostics.report(keyMark, "unknown key '\(name)' in \(kind) entry (expected one of: \(allowed))")
            }
        }
        for field in unpaired { diagnostics.report(mark, "\(kind) entry is missing the required field '\(field)'") }
    }

    /// One or two edits apart, for keys long enough that this means a typo.
    private static func looksLike(_ typed: String, _ field: String) -> Bool {
        min(typed.count, field.count) >= 3 && EditDistance.between(typed, field, limit: 2) <= 2
    }
}

/// Every field each entry kind may have, so an entry whose reader stopped early (a required
/// field missing) still knows its other keys: without this list they would all look unknown.
/// `finish` asserts that the readers ask for nothing else (debug builds, so every test that loads
/// a glossary checks it).
enum GlossaryFields {
    static let byKind: [String: Set<String>] = [
        "driver": ["id", "name", "nationality", "born", "aliases", "surname", "literal", "series", "gender"],
        "surname-word": ["id", "finnish", "english"],
        "country": ["id", "code", "alpha3", "name", "adjectives", "finnish"],
        "venue": ["id", "name", "town", "region", "country", "aliases", "years"],
        "class": ["id", "name", "aliases", "championships"],
        "championship": ["id", "name", "aliases", "finnish", "country", "region"],
        "team": ["id", "name", "aliases", "country"],
        "car": ["id", "name", "make", "aliases"],
        "calendar": ["id", "championship", "season", "class", "rounds"],
        "round": ["round", "venue", "start", "end", "winner"],
        "spelling": ["id", "right", "wrong", "safe", "note"],
        "consistency": ["id", "forms"],
        "calque": ["id", "finnish", "kind", "wrong", "right", "safe", "note", "except-before"],
        "untranslated": ["id", "finnish", "right", "exact", "hyphenated"],
        "boilerplate": ["id", "text"],
        "word-list": ["id", "note", "words"],
    ]
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
