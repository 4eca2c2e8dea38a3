import Foundation
import Yams

/// Reads every `*.yaml` file under a glossary directory into a `Glossary`, checking it as it goes.
/// Every problem is collected with its `file:line:column`; any problem makes loading fail.
public struct GlossaryLoader {
    public init() {}

    public func load(directory: String) throws(GlossaryErrors) -> Glossary {
        let files = Self.yamlFiles(in: directory)
        guard !files.isEmpty else {
            throw GlossaryErrors(errors: [
                GlossaryError(file: directory, line: 1, column: 1, message: "no *.yaml glossary files found")
            ])
        }
        return try load(files: files.map { ($0, try? String(contentsOfFile: $0, encoding: .utf8)) })
    }

    /// The files of several directories read as one glossary, so that a house glossary's
    /// entries are checked against the shipped one (a nationality from its countries, a
    /// duplicate id across the two) exactly as if they were one directory.
    public func load(directories: [String]) throws(GlossaryErrors) -> Glossary {
        try load(files: try Self.files(in: directories))
    }

    /// The (path, contents) pairs of every directory's `*.yaml` files, each directory in turn.
    /// The first must have some; a later one (a house glossary) may be empty but must exist.
    static func files(in directories: [String]) throws(GlossaryErrors) -> [(path: String, contents: String?)] {
        var files: [(path: String, contents: String?)] = []
        for (index, directory) in directories.enumerated() {
            let paths = yamlFiles(in: directory)
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
            if paths.isEmpty && (index == 0 || !exists || !isDirectory.boolValue) {
                let message = index == 0 || exists ? "no *.yaml glossary files found" : "no such glossary directory"
                throw GlossaryErrors(errors: [GlossaryError(file: directory, line: 1, column: 1, message: message)])
            }
            files += paths.map { ($0, try? String(contentsOfFile: $0, encoding: .utf8)) }
        }
        return files
    }

    /// Loads (path, contents) pairs; nil contents means the file could not be read as UTF-8.
    public func load(files: [(path: String, contents: String?)]) throws(GlossaryErrors) -> Glossary {
        let diagnostics = GlossaryDiagnostics()
        let builder = GlossaryBuilder(diagnostics: diagnostics)
        for (path, contents) in files {
            guard let contents else {
                diagnostics.report(SourceMark(file: path, node: nil), "cannot read the file as UTF-8 text")
                continue
            }
            builder.read(contents, file: path)
        }
        let glossary = builder.finish()
        if !diagnostics.errors.isEmpty { throw GlossaryErrors(errors: diagnostics.errors) }
        return glossary
    }

    static func yamlFiles(in directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                files.append((directory as NSString).appendingPathComponent(relative))
            }
        }
        return files.sorted()
    }
}

/// Turns YAML documents into glossary entries and checks them across files.
final class GlossaryBuilder {
    private let diagnostics: GlossaryDiagnostics
    private var glossary = Glossary()
    private var ids: [String: [String: SourceMark]] = [:]
    /// Folded entity surface form -> who claimed it first.
    private var surfaceForms: [String: (owner: String, mark: SourceMark)] = [:]
    private var references: [(kind: String, id: String, mark: SourceMark)] = []
    private var countryCodes: [(code: String, mark: SourceMark)] = []
    private var nationalities: [(code: String, mark: SourceMark)] = []
    private var carMakeMarks: [(car: String, mark: SourceMark)] = []
    /// Files that are not valid YAML: the index of their error and the kinds they seem to define.
    private var unreadable: [(error: Int, kinds: Set<String>)] = []

    init(diagnostics: GlossaryDiagnostics) {
        self.diagnostics = diagnostics
    }

    func read(_ contents: String, file: String) {
        let root: Node?
        do {
            // The basic resolver keeps every scalar a string: no regex-based tag resolution, and
            // "NO" stays Norway rather than becoming false.
            root = try Yams.compose(yaml: contents, .basic)
        } catch {
            unreadable.append((diagnostics.errors.count, Self.topLevelKinds(contents)))
            diagnostics.report(
                Self.syntaxErrorMark(error, file: file), "YAML syntax error: \(Self.syntaxMessage(error))")
            return
        }
        guard let root else { return }
        guard let mapping = root.mapping else {
            diagnostics.report(
                SourceMark(file: file, node: root), "a glossary file must be a mapping such as 'drivers: [...]'")
            return
        }
        for (key, value) in mapping {
            let kind = key.scalar?.string ?? ""
            let keyMark = SourceMark(file: file, node: key)
            if let words = wordLists[kind] {
                words(stringList(value, kind: kind, file: file))
                continue
            }
            guard let parse = parsers[kind] else {
                let known = (Array(parsers.keys) + Array(wordLists.keys)).sorted().joined(separator: ", ")
                diagnostics.report(keyMark, "unknown glossary kind '\(kind)' (expected one of: \(known))")
                continue
            }
            guard let sequence = value.sequence else {
                diagnostics.report(SourceMark(file: file, node: value), "'\(kind)' must be a list of entries")
                continue
            }
            for item in sequence {
                guard let entry = YAMLEntry(item, kind: Self.singular(kind), file: file, diagnostics: diagnostics)
                else { continue }
                parse(entry)
                entry.finish()
            }
        }
    }

    func finish() -> Glossary {
        // An entry of a file that failed to parse is not "unknown" where it is referred to: one
        // missing ']' would otherwise bring an error for every reference into the file.
        let unchecked = Set(unreadable.flatMap(\.kinds))
        let allUnchecked = unreadable.contains { $0.kinds.isEmpty }
        func checked(_ kind: String) -> Bool { !allUnchecked && !unchecked.contains(kind) }
        var skipped: [String: Int] = [:]
        let codes = Set(glossary.countries.map(\.code))
        let alpha3 = Set(glossary.countries.map(\.alpha3))
        for (code, mark) in countryCodes where !codes.contains(code) {
            guard checked("countries") else {
                skipped["country codes", default: 0] += 1
                continue
            }
            diagnostics.report(mark, "unknown country code '\(code)' (ISO 3166-1 alpha-2, listed in countries.yaml)")
        }
        for (code, mark) in nationalities where !alpha3.contains(code) {
            guard checked("countries") else {
                skipped["nationalities", default: 0] += 1
                continue
            }
            diagnostics.report(mark, "unknown nationality '\(code)' (ISO 3166-1 alpha-3, listed in countries.yaml)")
        }
        for reference in references where ids[reference.kind]?[reference.id] == nil {
            guard checked(Self.plural(reference.kind)) else {
                skipped["\(reference.kind) ids", default: 0] += 1
                continue
            }
            diagnostics.report(reference.mark, "unknown \(reference.kind) id '\(reference.id)'")
        }
        if !skipped.isEmpty, let first = unreadable.first {
            let what = skipped.sorted { $0.key < $1.key }.map { "\($0.value) to \($0.key)" }
            diagnostics.amend(
                first.error, " (references not checked until it parses: \(what.joined(separator: ", ")))")
        }
        // A car's make is a make: it has no make of its own, so make chains cannot loop.
        let makes = Dictionary(glossary.cars.map { ($0.id, $0.make) }, uniquingKeysWith: { first, _ in first })
        for (car, mark) in carMakeMarks {
            guard let make = makes[car] ?? nil, let makeOfMake = makes[make] ?? nil else { continue }
            let chain = make == car || makeOfMake == car ? "a cycle" : "a chain"
            diagnostics.report(
                mark,
                "car '\(car)' has make '\(make)', which has make '\(makeOfMake)': \(chain); a make must not name a make"
            )
        }
        return glossary
    }

    // MARK: Kinds

    private lazy var wordLists: [String: ([String]) -> Void] = [
        "finnish-words": { [unowned self] in glossary.finnishWords += $0 },
        "doubled-words": { [unowned self] in glossary.doubledWords += $0 },
    ]

    private lazy var parsers: [String: (YAMLEntry) -> Void] = [
        "drivers": { [unowned self] in readDriver($0) },
        "surname-words": { [unowned self] in readSurnameWord($0) },
        "countries": { [unowned self] in readCountry($0) },
        "venues": { [unowned self] in readVenue($0) },
        "classes": { [unowned self] in readClass($0) },
        "championships": { [unowned self] in readChampionship($0) },
        "teams": { [unowned self] in readTeam($0) },
        "cars": { [unowned self] in readCar($0) },
        "calendars": { [unowned self] in readCalendar($0) },
        "spellings": { [unowned self] in readSpelling($0) },
        "consistency": { [unowned self] in readConsistency($0) },
        "calques": { [unowned self] in readCalque($0) },
        "untranslated": { [unowned self] in readUntranslated($0) },
        "boilerplate": { [unowned self] in readBoilerplate($0) },
        "word-lists": { [unowned self] in readWordList($0) },
    ]

    private func readDriver(_ entry: YAMLEntry) {
        guard let id = id(entry, kind: "driver"), let name = entry.string("name", required: true),
            let nationality = entry.string("nationality", required: true)
        else { return }
        nationalities.append((nationality, entry.mark(of: "nationality")))
        let aliases = entry.strings("aliases")
        let surname = entry.string("surname") ?? String(name.split(separator: " ").last ?? Substring(name))
        let literal = entry.strings("literal").map(\.0)
        let series = entry.strings("series")
        for (championship, mark) in series { references.append(("championship", championship, mark)) }
        claim(name, owner: "driver \(id)", mark: entry.mark(of: "name"))
        for (alias, mark) in aliases { claim(alias, owner: "driver \(id)", mark: mark) }
        glossary.drivers.append(
            .init(
                id: id, name: name, nationality: nationality, born: entry.int("born"), aliases: aliases.map(\.0),
                surname: surname, literal: literal.isEmpty ? nil : literal, series: series.map(\.0),
                gender: entry.string("gender")))
    }

    private func readSurnameWord(_ entry: YAMLEntry) {
        guard let id = id(entry, kind: "surname-word"), let finnish = entry.string("finnish", required: true) else {
            return
        }
        let english = entry.strings("english", required: true).map(\.0)
        glossary.surnameWords.append(.init(id: id, finnish: finnish, english: english))
    }

    private func readCountry(_ entry: YAMLEntry) {
        guard let id = id(entry, kind: "country"), let code = entry.string("code", required: true),
            let alpha3 = entry.string("alpha3", required: true), let name = entry.string("name", required: true)
        else { return }
        if code.count != 2 || !code.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            diagnostics.report(
                entry.mark(of: "code"),
                "bad country code '\(code)': expected two upper-case letters (ISO 3166-1 alpha-2); quote NO, ON, YES")
        }
        if alpha3.count != 3 || !alpha3.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            diagnostics.report(
                entry.mark(of: "alpha3"),
                "bad country code '\(alpha3)': expected three upper-case letters (ISO 3166-1 alpha-3)")
        }
        let adjectives = entry.strings("adjectives")
        claim(name, owner: "country \(id)", mark: entry.mark(of: "name"))
        for (adjective, mark) in adjectives { claim(adjective, owner: "country \(id)", mark: mark) }
        glossary.countries.append(
            .init(
                id: id, code: code, alpha3: alpha3, name: name, adjectives: adjectives.map(\.0),
                finnish: entry.strings("finnish").map(\.0)))
    }

    private func readVenue(_ entry: YAMLEntry) {
        guard let id = id(entry, kind: "venue"), let name = entry.string("name", required: true),
            let town = entry.string("town", required: true), let country = entry.string("country", required: true)
        else { return }
        countryCodes.append((country, entry.mark(of: "country")))
        let aliases = entry.strings("aliases")
        _ = entry.string("years")
        claim(name, owner: "venue \(id)", mark: entry.mark(of: "name"))
        for (alias, mark) in aliases { claim(alias, owner: "venue \(id)", mark: mark) }
        glossary.venues.append(
            .init(
                id: id, name: name, town: town, region: entry.string("region"), country: country,
                aliases: aliases.map(\.0)))
    }

    private func readClass(_ entry: YAMLEntry) {
        guard let id = id(entry, kind: "class"), let name = entry.string("name", required: true) else {
            return
        }
        let aliases = entry.strings("aliases")
        let championships = entry.strings("championships")
        for (championship, mark) in championships { references.append(("championship", championship, mark)) }
        claim(name, owner: "class \(id)", mark: entry.mark(of: "name"))
        for (alias, mark) in aliases { claim(alias, owner: "class \(id)", mark: mark) }
        glossary.classes.append(
            .init(id: id, name: name, aliases: aliases.map(\.0), championships: championships.map(\.0)))
    }

    private func readChampionship(_ entry: YAMLEntry) {
        guard let id = id(entry, kind: "championship"), let name = entry.string("name", required: true) else {
            return
        }
        let aliases = entry.strings("aliases")
        let finnish = entry.strings("finnish")
        if let country = entry.string("country") { countryCodes.append((country, entry.mark(of: "country"))) }
        claim(name, owner: "championship \(id)", mark: entry.mark(of: "name"))
        for (alias, mark) in aliases + finnish { claim(alias, owner: "championship \(id)", mark: mark) }
        glossary.championships.append(
            .init(
                id: id, name: name, aliases: aliases.map(\.0), finnish: finnish.map(\.0), region: entry.string("region")
            ))
    }

    private func readTeam(_ entry: YAMLEntry) {
        guard let id = id(entry, kind: "team"), let name = entry.string("name", required: true) else {
            return
        }
        let aliases = entry.strings("aliases")
        if let country = entry.string("country") { countryCodes.append((country, entry.mark(of: "country"))) }
        claim(name, owner: "team \(id)", mark: entry.mark(of: "name"))
        for (alias, mark) in aliases { claim(alias, owner: "team \(id)", mark: mark) }
        glossary.teams.append(.init(id: id, name: name, aliases: aliases.map(\.0)))
    }

    private func readCar(_ entry: YAMLEntry) {
        guard let id = id(entry, kind: "car"), let name = entry.string("name", required: true) else {
            return
        }
        let make = entry.string("make")
        if let make {
            references.append(("car", make, entry.mark(of: "make")))
            carMakeMarks.append((id, entry.mark(of: "make")))
        }
        let aliases = entry.strings("aliases")
        claim(name, owner: "car \(id)", mark: entry.mark(of: "name"))
        for (alias, mark) in aliases { claim(alias, owner: "car \(id)", mark: mark) }
        glossary.cars.append(.init(id: id, name: name, make: make, aliases: aliases.map(\.0)))
    }

    private func readCalendar(_ entry: YAMLEntry) {
        guard let id = id(entry, kind: "calendar"), let championship = entry.string("championship", required: true),
            let season = entry.int("season", required: true), let raceClass = entry.string("class", required: true)
        else { return }
        references.append(("championship", championship, entry.mark(of: "championship")))
        references.append(("class", raceClass, entry.mark(of: "class")))
        var rounds: [Glossary.Calendar.Round] = []
        for node in entry.list("rounds", required: true) {
            guard let round = YAMLEntry(node, kind: "round", file: entry.file, diagnostics: diagnostics) else {
                continue
            }
            defer { round.finish() }
            guard let number = round.int("round", required: true), let venue = round.string("venue", required: true),
                let start = round.string("start", required: true)
            else { continue }
            _ = round.string("end")
            references.append(("venue", venue, round.mark(of: "venue")))
            let winner = round.string("winner")
            if let winner { references.append(("driver", winner, round.mark(of: "winner"))) }
            let parts = start.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, parts[0] == season, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
                diagnostics.report(
                    round.mark(of: "start"), "'start' must be a date YYYY-MM-DD in season \(season), not '\(start)'")
                continue
            }
            rounds.append(.init(round: number, venue: venue, month: parts[1], day: parts[2], winner: winner))
        }
        glossary.calendars.append(
            .init(
                id: id, championship: championship, season: season, raceClass: raceClass,
                rounds: rounds.sorted { $0.round < $1.round }))
    }

    private func readSpelling(_ entry: YAMLEntry) {
        guard let id = id(entry, kind: "spelling"), let right = entry.string("right", required: true) else {
            return
        }
        let wrong = entry.strings("wrong", required: true).map(\.0)
        glossary.spellings.append(
            .init(
                id: id, right: right, wrong: wrong, safe: entry.bool("safe", default: false), note: entry.string("note")
            ))
    }

    private func readConsistency(_ entry: YAMLEntry) {
        guard let id = id(entry, kind: "consistency") else { return }
        let forms = entry.strings("forms", required: true).map(\.0)
        if forms.count < 2 {
            diagnostics.report(entry.mark(of: "forms"), "a consistency group needs at least two forms")
        }
        glossary.consistency.append(.init(id: id, forms: forms))
    }

    private func readCalque(_ entry: YAMLEntry) {
        guard let id = id(entry, kind: "calque"), let finnish = entry.string("finnish", required: true),
            let kind = entry.string("kind", required: true)
        else { return }
        let allowedKinds = ["term", "idiom", "praise", "failure", "stage"]
        if !allowedKinds.contains(kind) {
            diagnostics.report(
                entry.mark(of: "kind"),
                "calque kind must be one of \(allowedKinds.joined(separator: ", ")), not '\(kind)'")
        }
        glossary.calques.append(
            .init(
                id: id, finnish: finnish, wrong: entry.strings("wrong", required: true).map(\.0),
                right: entry.strings("right", required: true).map(\.0), kind: kind,
                safe: entry.bool("safe", default: false),
                note: entry.string("note"),
                exceptBefore: entry.strings("except-before").map(\.0).nilIfEmpty))
    }

    private func readUntranslated(_ entry: YAMLEntry) {
        guard let id = id(entry, kind: "untranslated"), let finnish = entry.string("finnish", required: true) else {
            return
        }
        glossary.untranslated.append(
            .init(
                id: id, finnish: finnish, right: entry.strings("right", required: true).map(\.0),
                exact: entry.bool("exact", default: false), hyphenated: entry.bool("hyphenated", default: false)))
    }

    private func readBoilerplate(_ entry: YAMLEntry) {
        guard let id = id(entry, kind: "boilerplate"), let text = entry.string("text", required: true) else {
            return
        }
        glossary.boilerplate.append(.init(id: id, text: text))
    }

    private func readWordList(_ entry: YAMLEntry) {
        guard let id = id(entry, kind: "word-list") else { return }
        _ = entry.string("note")
        let words = entry.strings("words", required: true).map(\.0)
        glossary.wordLists.append(.init(id: id, words: words))
    }

    // MARK: Checks

    /// Reads and registers the entry's id: required, well-formed, unique within its kind.
    private func id(_ entry: YAMLEntry, kind: String) -> String? {
        guard let id = entry.string("id", required: true) else { return nil }
        let mark = entry.mark(of: "id")
        if !id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            diagnostics.report(mark, "\(kind) id '\(id)' must be lower-case ASCII letters, digits and '-'")
        }
        if let first = ids[kind]?[id] {
            diagnostics.report(
                mark, "duplicate \(kind) id '\(id)' (first defined at \(first.file):\(first.line):\(first.column))")
            return nil
        }
        ids[kind, default: [:]][id] = mark
        return id
    }

    /// Longer forms are data errors (a pasted paragraph), not names.
    static let maximumFormLength = 200

    /// An entity surface form may belong to one entry only.
    private func claim(_ form: String, owner: String, mark: SourceMark) {
        guard form.utf8.count <= Self.maximumFormLength else {
            diagnostics.report(
                mark,
                "'\(form.prefix(40))...' is \(form.utf8.count) bytes long; names and aliases are at most \(Self.maximumFormLength)"
            )
            return
        }
        let key = Self.surfaceKey(form)
        if let first = surfaceForms[key] {
            if first.owner != owner {
                diagnostics.report(
                    mark,
                    "'\(form)' is claimed by \(owner) and by \(first.owner) (\(first.mark.file):\(first.mark.line):\(first.mark.column))"
                )
            }
            return
        }
        surfaceForms[key] = (owner, mark)
    }

    private func stringList(_ node: Node, kind: String, file: String) -> [String] {
        guard let sequence = node.sequence else {
            diagnostics.report(SourceMark(file: file, node: node), "'\(kind)' must be a list of words")
            return []
        }
        return sequence.compactMap { item in
            guard let scalar = item.scalar else {
                diagnostics.report(
                    SourceMark(file: file, node: item), "'\(kind)' items must be single words or phrases")
                return nil
            }
            return scalar.string
        }
    }

    static func surfaceKey(_ form: String) -> String {
        ICU.fold(form).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The glossary kind whose entries a reference of `kind` names ("venue" -> "venues").
    private static func plural(_ kind: String) -> String {
        switch kind {
        case "country": "countries"
        case "class": "classes"
        default: kind + "s"
        }
    }

    /// The kinds a file that failed to parse names at the start of a line ("venues:"), read
    /// without YAML; empty when it names none, so that every reference goes unchecked.
    static func topLevelKinds(_ contents: String) -> Set<String> {
        var kinds: Set<String> = []
        for line in contents.split(whereSeparator: \.isNewline) {
            guard let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon]
            if name.allSatisfy({ $0.isLetter || $0 == "-" }) { kinds.insert(String(name)) }
        }
        return kinds
    }

    private static func singular(_ kind: String) -> String {
        switch kind {
        case "countries": "country"
        case "classes": "class"
        case "boilerplate", "consistency", "untranslated": kind
        default: kind.hasSuffix("s") ? String(kind.dropLast()) : kind
        }
    }

    private static func syntaxErrorMark(_ error: Error, file: String) -> SourceMark {
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
                return SourceMark(file: file, line: mark.line, column: mark.column)
            default: break
            }
        }
        return SourceMark(file: file, node: nil)
    }

    private static func syntaxMessage(_ error: Error) -> String {
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _):
                return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            case .composer(let context, let problem, _, _):
                return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            default: break
            }
        }
        return "\(error)"
    }
}

extension SourceMark {
    init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

extension Array {
    fileprivate var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
