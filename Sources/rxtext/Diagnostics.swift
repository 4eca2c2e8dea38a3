import ArgumentParser
import RXText

/// Writes one line to standard error.
func printError(_ message: String) {
    let output = StandardOutput(descriptor: 2)
    output.write(message + "\n")
    output.flush()
}

/// Reads an article for a one-file command; a bad file is reported and exits with status 2.
func loadDocument(_ path: String) throws -> Document {
    do {
        return try Document.load(path: path)
    } catch {
        printError(error.description)
        throw ExitCode(2)
    }
}
