/// A problem in a glossary file, reported as `file:line:column: message`.
public struct GlossaryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// All the problems found while loading a glossary directory: rxtext refuses to start on any.
public struct GlossaryErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [GlossaryError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
