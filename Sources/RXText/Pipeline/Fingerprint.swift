/// A flag's identity across edits elsewhere in the file: rule, span text, a hash of its sentence
/// with case, diacritics and spacing folded, and which occurrence of that triple in the file it is
/// (two "EM" flags in one sentence stay two). Offsets are deliberately left out.
public enum Fingerprint {
    /// Fingerprints of a file's flags, in the flags' order.
    public static func all(_ flags: [Flag], in document: Document) -> [String] {
        var seen: [String: Int] = [:]
        var sentences: [ByteRange: String] = [:]
        return flags.map { flag in
            let sentence = sentences[flag.sentence] ?? collapsingWhitespace(ICU.fold(document.text(flag.sentence)))
            sentences[flag.sentence] = sentence
            let key = "\(flag.rule)\u{1F}\(document.text(flag.range))\u{1F}\(sentence)"
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            return String(SHA256.hex(Array("\(key)\u{1F}\(occurrence)".utf8)).prefix(32))
        }
    }

    /// Runs of whitespace as one space, ends trimmed: edits to spacing do not change identity.
    static func collapsingWhitespace(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
