import Foundation
import RXText

/// The shipped glossaries compiled once per process, as the CLI does, for the targets that lint:
/// from `$RXTEXT_GLOSSARIES`, else `glossaries/` of the checkout this file is in, with that
/// directory's English word list.
public let shippedEngine: Engine = {
    var directory = ProcessInfo.processInfo.environment[GlossaryLocator.environmentVariable] ?? ""
    if directory.isEmpty {
        // Fuzz/Sources/FuzzLexicon/FuzzLexicon.swift -> the repository root.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        directory = url.appendingPathComponent("glossaries").path
        setenv(GlossaryLocator.environmentVariable, directory, 1)
    }
    do {
        return try Engine(glossaries: directory)
    } catch {
        fatalError("fuzz target: cannot load the glossaries in \(directory): \(error)")
    }
}()
