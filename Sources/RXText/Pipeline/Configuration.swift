import Foundation
import Yams

/// `.rxtext.yaml`: per-project lint settings, found by walking up from each linted file.
///
/// ```yaml
/// rules:
///   disable: [spelling.near-glossary-term]   # or `enable: [...]` to run only these
/// severity:
///   calque.mistranslation: error
/// glossaries: [house-glossary]                 # extra glossary directories, relative to this file
/// ignore: ["drafts/*", "*.draft.txt"]          # globs, matched against paths and file names
/// language:                                    # the source-language tools, as RXTEXT_VOIKKO / RXTEXT_FREEDICT
///   voikko: [untranslated.case-ending]         # these rules go without Voikko (`off`: every rule)
///   freedict: off
/// ```
public struct Configuration: Sendable, Equatable {
    public static let fileName = ".rxtext.yaml"

    public var path: String?
    public var enabled: Set<String>?
    public var disabled: Set<String> = []
    public var severities: [String: Severity] = [:]
    public var glossaries: [String] = []
    public var ignore: [String] = []
    /// The language tools switched off (`language:`), each for the rules it names or for all.
    public var toolsOff: [LanguageTool: RuleScope] = [:]

    public init() {}

    /// The rules a setting applies to: all, or those listed by id.
    public enum RuleScope: Sendable, Equatable {
        case all
        case rules(Set<String>)

        public func contains(_ id: String) -> Bool {
            switch self {
            case .all: true
            case .rules(let ids): ids.contains(id)
            }
        }
    }

    /// The linter this configuration makes of a compiled rule set.
    public func linter(from rules: RuleSet) -> Linter {
        rules.linter(enabled: enabled, disabled: disabled, severities: severities, toolsOff: toolsOffByRule)
    }

    /// The tools each rule that asks them goes without, for the rules that go without any.
    public var toolsOffByRule: [String: Set<LanguageTool>] {
        var off: [String: Set<LanguageTool>] = [:]
        for rule in RuleRegistry.all {
            let id = rule.description.id
            let tools = Set(rule.description.uses.filter { toolsOff[$0]?.contains(id) ?? false })
            if !tools.isEmpty { off[id] = tools }
        }
        return off
    }

    /// Reads a configuration file; every problem is reported with `file:line:column`.
    public static func load(path: String) throws(GlossaryErrors) -> Configuration {
        let diagnostics = GlossaryDiagnostics()
        var configuration = Configuration()
        configuration.path = path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw GlossaryErrors(errors: [
                GlossaryError(file: path, line: 1, column: 1, message: "cannot read the configuration file")
            ])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw GlossaryErrors(errors: [
                GlossaryError(file: path, line: 1, column: 1, message: "YAML syntax error: \(error)")
            ])
        }
        guard let mapping = root?.mapping else { return configuration }
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let known = Set(RuleRegistry.all.map { $0.description.id })
        func ruleIDs(_ node: Node) -> [String] {
            (node.sequence.map(Array.init) ?? []).compactMap { item in
                guard let id = item.scalar?.string else { return nil }
                if !known.contains(id) {
                    diagnostics.report(SourceMark(file: path, node: item), "unknown rule '\(id)' (see `rxtext rules`)")
                }
                return id
            }
        }
        for (key, value) in mapping {
            let mark = SourceMark(file: path, node: key)
            switch key.scalar?.string ?? "" {
            case "rules":
                for (ruleKey, list) in value.mapping ?? [:] {
                    switch ruleKey.scalar?.string ?? "" {
                    case "enable": configuration.enabled = Set(ruleIDs(list))
                    case "disable": configuration.disabled = Set(ruleIDs(list))
                    default:
                        diagnostics.report(
                            SourceMark(file: path, node: ruleKey), "expected 'enable' or 'disable' under 'rules'")
                    }
                }
            case "severity":
                for (ruleKey, level) in value.mapping ?? [:] {
                    let id = ruleKey.scalar?.string ?? ""
                    if !known.contains(id) {
                        diagnostics.report(SourceMark(file: path, node: ruleKey), "unknown rule '\(id)'")
                    }
                    guard let severity = Severity(rawValue: level.scalar?.string ?? "") else {
                        diagnostics.report(
                            SourceMark(file: path, node: level), "severity must be error, warning or info")
                        continue
                    }
                    configuration.severities[id] = severity
                }
            case "glossaries":
                configuration.glossaries = (value.sequence.map(Array.init) ?? []).compactMap { $0.scalar?.string }.map {
                    $0.hasPrefix("/") ? $0 : (directory as NSString).appendingPathComponent($0)
                }
            case "ignore":
                configuration.ignore = (value.sequence.map(Array.init) ?? []).compactMap { $0.scalar?.string }
            case "language":
                for (toolKey, scope) in value.mapping ?? [:] {
                    let name = toolKey.scalar?.string ?? ""
                    guard let tool = LanguageTool(configurationKey: name) else {
                        diagnostics.report(
                            SourceMark(file: path, node: toolKey),
                            "unknown language tool '\(name)' (expected \(LanguageTool.allCases.map(\.configurationKey).joined(separator: " or ")))"
                        )
                        continue
                    }
                    if scope.scalar?.string == "off" {
                        configuration.toolsOff[tool] = .all
                    } else if let list = scope.sequence {
                        let users = Set(
                            RuleRegistry.all.filter { $0.description.uses.contains(tool) }.map { $0.description.id })
                        let ids = ruleIDs(scope).filter { id in
                            guard known.contains(id), !users.contains(id) else { return true }
                            diagnostics.report(
                                SourceMark(file: path, node: list.first { $0.scalar?.string == id } ?? scope),
                                "rule '\(id)' does not use \(name) (it is used by \(users.sorted().joined(separator: ", ")))"
                            )
                            return false
                        }
                        configuration.toolsOff[tool] = .rules(Set(ids))
                    } else {
                        diagnostics.report(
                            SourceMark(file: path, node: scope), "expected 'off' or a list of rule ids under '\(name)'")
                    }
                }
            default:
                diagnostics.report(
                    mark,
                    "unknown key '\(key.scalar?.string ?? "")' (expected rules, severity, glossaries, ignore, language)"
                )
            }
        }
        if !diagnostics.errors.isEmpty { throw GlossaryErrors(errors: diagnostics.errors) }
        return configuration
    }

    /// The nearest `.rxtext.yaml` in the file's directory or above it.
    public static func find(for path: String) -> String? {
        var directory = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        if !(FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        {
            directory.deleteLastPathComponent()
        }
        while true {
            let candidate = directory.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            if directory.path == "/" { return nil }
            directory.deleteLastPathComponent()
        }
    }
}
