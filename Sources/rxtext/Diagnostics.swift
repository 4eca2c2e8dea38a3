import RXText

/// Writes one line to standard error.
func printError(_ message: String) {
    let output = StandardOutput(descriptor: 2)
    output.write(message + "\n")
    output.flush()
}
