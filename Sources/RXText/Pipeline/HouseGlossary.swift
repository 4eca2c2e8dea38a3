import Foundation

/// The house glossary a configuration names (`glossaries: [house]` in `.rxtext.yaml`), as the
/// review page adds to it: a driver an editor confirmed, appended as a `drivers:` entry (the one
/// `rxtext glossary suggest` prints) to the directory's drivers file or a new one. Nothing is
/// written unless the shipped glossaries and every house directory, read together with the new
/// entry, load without a problem, and then the file is replaced atomically.
public final class HouseGlossary: Sendable {
    /// The shipped glossary directory (`--glossaries`, or where `GlossaryLocator` finds it).
    public let base: String
    /// Every directory the configurations name; the first is written to.
    public let extra: [String]
    /// Where the `.rxtext.yaml` that would name a house glossary is, or would go.
    public let configuration: String
    private let lock = Lock()

    public init(base: String, extra: [String], configuration: String) {
        self.base = base
        self.extra = extra
        self.configuration = configuration
    }

    /// The directory added drivers go to: the first the configurations name.
    public var directory: String? { extra.first }

    public struct NewDriver: Sendable, Equatable {
        public var id: String
        public var name: String
        public var nationality: String?
        public var aliases: [String]

        /// `id` nil or empty: the glossary's convention, the name's ASCII folding.
        public init(id: String? = nil, name: String, nationality: String? = nil, aliases: [String] = []) {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            self.id = id.flatMap { $0.isEmpty ? nil : $0 } ?? GlossarySuggestions.id(for: trimmed)
            self.name = trimmed
            self.nationality = nationality.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
                .flatMap { $0.isEmpty ? nil : $0 }
            self.aliases = aliases.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    public enum AddError: Error, CustomStringConvertible, Equatable {
        /// No configuration names a house glossary directory.
        case noHouseGlossary(configuration: String)
        /// The entry is not a name (empty, a line break, too long).
        case invalid(String)
        /// The glossaries with the entry do not load: the loader's `file:line:column` problems.
        case rejected(String)
        /// The id is taken already (the loader's problem, with where it was first defined).
        case duplicate(String)
        case write(String)

        /// Refused because of what the glossaries hold already, not because of the entry's form.
        public var isConflict: Bool {
            if case .duplicate = self { return true }
            return false
        }

        public var description: String {
            switch self {
            case .noHouseGlossary(let configuration):
                "no house glossary to add the driver to: add `glossaries: [house-glossary]` to \(configuration), "
                    + "create that directory beside it (it may start empty: the first driver added writes its "
                    + "drivers.yaml), and restart rxtext review"
            case .invalid(let reason), .rejected(let reason), .duplicate(let reason), .write(let reason): reason
            }
        }
    }

    public struct Added: Sendable, Equatable {
        /// The file written, and the entry's YAML lines appended to it.
        public var file: String
        public var entry: String
        public var id: String
    }

    /// Names and aliases are names: one line, at most this many characters.
    public static let maximumName = 100

    /// Appends `driver` to the house directory's drivers file, checked as any glossary is.
    public func add(_ driver: NewDriver) throws(AddError) -> Added {
        guard let directory else { throw .noHouseGlossary(configuration: configuration) }
        for text in [driver.name] + driver.aliases {
            if text.isEmpty { throw .invalid("a driver needs a name") }
            if text.count > Self.maximumName { throw .invalid("a name longer than \(Self.maximumName) characters") }
            if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" }) {
                throw .invalid("a name is one line of text")
            }
            if !text.contains(where: \.isLetter) { throw .invalid("'\(text)' is not a name: it has no letter") }
        }
        if driver.id.isEmpty { throw .invalid("'\(driver.name)' gives no id: give one (lower-case ASCII and '-')") }
        // One at a time: two adds at once would each append to the file as it was.
        let outcome = lock.withLock { Result { () throws(AddError) -> Added in try append(driver, to: directory) } }
        return try outcome.get()
    }

    private func append(_ driver: NewDriver, to directory: String) throws(AddError) -> Added {
        let file = Self.driversFile(in: directory)
        let existing = FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) }
        var lines = GlossarySuggestions.entry(
            id: driver.id, name: driver.name, nationality: driver.nationality, aliases: driver.aliases)
        lines.insert("  # added in rxtext review", at: 0)
        let entry = lines.joined(separator: "\n") + "\n"
        var contents =
            existing ?? "# Drivers added in rxtext review (schema: the shipped glossaries/README.md).\ndrivers:\n"
        if !contents.isEmpty && !contents.hasSuffix("\n") { contents += "\n" }
        contents += entry
        try check(contents, at: file, adding: driver)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try AtomicFile.write(Array(contents.utf8), to: file)
        } catch {
            throw .write("\(error)")
        }
        return Added(file: file, entry: entry, id: driver.id)
    }

    /// The glossaries loaded with `contents` in place of `file`, as `Engine.load` reads them.
    private func check(_ contents: String, at file: String, adding driver: NewDriver) throws(AddError) {
        var files: [(path: String, contents: String?)]
        do {
            files = try GlossaryLoader.files(in: [base])
        } catch {
            throw .rejected(error.description)
        }
        // A house directory may be new or empty: the entry is its first file.
        for directory in extra where directory != base {
            files += GlossaryLoader.yamlFiles(in: directory).map {
                ($0, try? String(contentsOfFile: $0, encoding: .utf8))
            }
        }
        if let index = files.firstIndex(where: { $0.path == file }) {
            files[index].contents = contents
        } else {
            files.append((file, contents))
        }
        let glossary: Glossary
        do {
            glossary = try GlossaryLoader().load(files: files)
        } catch {
            let duplicate = "duplicate driver id '\(driver.id)'"
            throw error.errors.contains { $0.message.hasPrefix(duplicate) }
                ? .duplicate(error.description) : .rejected(error.description)
        }
        // Appended under another key (a file whose last list is not `drivers:`), it would not be a driver.
        guard glossary.drivers.contains(where: { $0.id == driver.id && $0.name == driver.name }) else {
            throw .rejected("\(file): the entry would not be read as a driver; add it by hand")
        }
    }

    /// `drivers.yaml` (or `.yml`) of the directory, else a file there that holds only drivers,
    /// else a new `drivers.yaml` (or `house-drivers.yaml` beside a `drivers.yaml` of other kinds).
    static func driversFile(in directory: String) -> String {
        func onlyDrivers(_ path: String) -> Bool {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
            return GlossaryBuilder.topLevelKinds(text) == ["drivers"]
        }
        let named = ["drivers.yaml", "drivers.yml"].map { (directory as NSString).appendingPathComponent($0) }
        if let file = named.first(where: onlyDrivers) { return file }
        if let file = GlossaryLoader.yamlFiles(in: directory).first(where: onlyDrivers) { return file }
        let plain = named[0]
        return FileManager.default.fileExists(atPath: plain)
            ? (directory as NSString).appendingPathComponent("house-drivers.yaml") : plain
    }
}
