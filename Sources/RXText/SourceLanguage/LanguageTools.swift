import Foundation

/// What rxtext knows of the source language (Finnish) beyond the glossaries: Voikko's morphology
/// and the FreeDict Finnish–English dictionary. Both are optional system packages (libvoikko-dev
/// and voikko-fi, dict-freedict-fin-eng): without them the rules that need them are off, and the
/// command line says so once, on standard error (`unavailableNote`).
///
/// Opened once per process (`system`), on first use; rules keep what they need of it when the
/// rule set is compiled (`RuleContext.language`).
public final class LanguageTools: Sendable {
    public let morphology: Voikko?
    public let dictionary: FreeDictionary?
    /// Why each missing tool is missing, by tool.
    public let problems: [LanguageTool: String]

    public init(morphology: Voikko?, dictionary: FreeDictionary?, problems: [LanguageTool: String] = [:]) {
        self.morphology = morphology
        self.dictionary = dictionary
        self.problems = problems
    }

    /// Neither tool: what rxtext does where the packages are not installed.
    public static let none = LanguageTools(
        morphology: nil, dictionary: nil,
        problems: [.morphology: "not asked for", .dictionary: "not asked for"])

    /// The system's tools, opened once. `RXTEXT_VOIKKO=off` and `RXTEXT_FREEDICT=off` leave one
    /// out; `RXTEXT_VOIKKO=PATH` names another libvoikko, `RXTEXT_FREEDICT=PATH` another dictionary
    /// (the path without `.index` / `.dict.dz`).
    public static let system = LanguageTools(environment: ProcessInfo.processInfo.environment)

    public convenience init(environment: [String: String]) {
        var problems: [LanguageTool: String] = [:]
        var morphology: Voikko? = nil
        switch environment["RXTEXT_VOIKKO"] {
        case "off", "0", "no": problems[.morphology] = "RXTEXT_VOIKKO=off"
        case let path:
            switch Voikko.open(library: path.flatMap { $0.isEmpty ? nil : $0 } ?? Voikko.libraryName) {
            case .success(let voikko): morphology = voikko
            case .failure(let error): problems[.morphology] = error.description
            }
        }
        var dictionary: FreeDictionary? = nil
        switch environment["RXTEXT_FREEDICT"] {
        case "off", "0", "no": problems[.dictionary] = "RXTEXT_FREEDICT=off"
        case let path:
            switch FreeDictionary.open(path: path.flatMap { $0.isEmpty ? nil : $0 } ?? FreeDictionary.debianPath) {
            case .success(let opened): dictionary = opened
            case .failure(let error): problems[.dictionary] = error.description
            }
        }
        self.init(morphology: morphology, dictionary: dictionary, problems: problems)
    }

    public func has(_ tool: LanguageTool) -> Bool {
        switch tool {
        case .morphology: morphology != nil
        case .dictionary: dictionary != nil
        }
    }

    public func has(all tools: [LanguageTool]) -> Bool { tools.allSatisfy(has) }

    /// Whether none of `tools` is here (then leaving them out changes nothing).
    public func missing(all tools: Set<LanguageTool>) -> Bool { !tools.contains(where: has) }
}

/// A language tool a rule may need.
public enum LanguageTool: String, CaseIterable, Sendable, Hashable {
    /// Voikko: libvoikko with its Finnish dictionary.
    case morphology
    /// FreeDict Finnish–English.
    case dictionary

    public var name: String {
        switch self {
        case .morphology: "Finnish morphology (libvoikko)"
        case .dictionary: "Finnish-English dictionary (FreeDict)"
        }
    }

    /// Its name in `.rxtext.yaml` (`language:`) and in the environment (`RXTEXT_VOIKKO`,
    /// `RXTEXT_FREEDICT`).
    public var configurationKey: String {
        switch self {
        case .morphology: "voikko"
        case .dictionary: "freedict"
        }
    }

    public init?(configurationKey: String) {
        guard let tool = Self.allCases.first(where: { $0.configurationKey == configurationKey }) else { return nil }
        self = tool
    }

    /// The Debian packages that provide it.
    public var packages: [String] {
        switch self {
        case .morphology: ["libvoikko-dev", "voikko-fi"]
        case .dictionary: ["dict-freedict-fin-eng"]
        }
    }
}

/// Why a language tool could not be opened.
public enum LanguageToolError: Error, CustomStringConvertible, Sendable {
    case missing(String)

    public var description: String {
        switch self {
        case .missing(let reason): reason
        }
    }
}
