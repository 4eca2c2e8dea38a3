/// A flag's identity across edits elsewhere in the file: rule, span text and a hash of its
/// sentence with case, diacritics and spacing folded. Offsets are deliberately left out.
public enum Fingerprint {
    public static func of(_ flag: Flag, in document: Document) -> String {
        let sentence = ICU.fold(document.text(flag.sentence)).split(whereSeparator: { $0.isWhitespace }).joined(
            separator: " ")
        let key = "\(flag.rule)\u{1F}\(document.text(flag.range))\u{1F}\(sentence)"
        return String(SHA256.hex(Array(key.utf8)).prefix(32))
    }
}
