import Foundation
import Testing

@testable import RXText

/// Fingerprints and review decision keys are one identity (`Fingerprinter`), hashed two ways.
@Suite struct FlagIdentityTests {
    static func corpusFlags() throws -> [(Document, [Diagnostic])] {
        let corpus = Fixtures.repository.appendingPathComponent("corpus")
        return try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { name in
                let document = try Document.load(path: corpus.appendingPathComponent(name).path)
                return (document, TestLexicon.linter.lint(Annotator(lexicon: TestLexicon.shared).annotate(document)))
            }
    }

    /// Stores written before the two shared a fold hashed the sentence's NFC text folded and
    /// split at whitespace: every key of the sample corpus is still the one they hold.
    @Test func decisionKeysAreTheOnesStoresAlreadyHold() throws {
        var compared = 0
        for (document, flags) in try Self.corpusFlags() {
            var seen: [String: Int] = [:]
            for (flag, key) in zip(flags, DecisionKey.all(flags, in: document, path: "a.txt")) {
                let folded = ICU.foldedString(Array(document.text(flag.sentence).utf8)[...])
                    .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                let hash = String(SHA256.hex(Array(folded.utf8)).prefix(16))
                let triple = "\(flag.rule)\u{1F}\(document.text(flag.range))\u{1F}\(hash)"
                #expect(key.sentenceHash == hash)
                #expect(key.occurrence == seen[triple, default: 0])
                seen[triple, default: 0] += 1
                compared += 1
            }
        }
        #expect(compared > 50)
    }

    /// Two flags share a decision key exactly when they share a fingerprint.
    @Test func keysAndFingerprintsTellTheSameFlagsApart() throws {
        for (document, flags) in try Self.corpusFlags() {
            let fingerprints = Fingerprint.all(flags + flags, in: document)
            let keys = DecisionKey.all(flags + flags, in: document, path: "a.txt").map(\.id)
            #expect(Set(fingerprints).count == Set(keys).count)
            #expect(Set(fingerprints).count == flags.count * 2)
        }
    }
}
