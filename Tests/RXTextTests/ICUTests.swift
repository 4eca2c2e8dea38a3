import Testing

@testable import RXText

@Suite struct ICUTests {
    @Test func versionsAreReported() {
        #expect(ICU.version.split(separator: ".").count >= 2)
        #expect(ICU.unicodeVersion.hasPrefix("1"))
    }

    @Test func foldingIgnoresCaseAndDiacritics() {
        #expect(ICU.fold("Baciuška") == ICU.fold("BACIUSKA"))
        #expect(ICU.fold("Baciuška") == "baciuska")
        #expect(ICU.fold("Stjørdal") == "stjordal")
        #expect(ICU.fold("Lånkebanen") == "lankebanen")
        #expect(ICU.fold("Straße", options: .caseInsensitive) == "strasse")
        #expect(ICU.fold("Nitišs", options: .caseInsensitive) == "nitišs")
        #expect(ICU.fold("Kallio’s") == "kallio's")
    }

    @Test func nfcComposes() {
        let decomposed = Array("s\u{030C}".utf8)
        #expect(ICU.nfc(decomposed) == Array("\u{0161}".utf8))
        #expect(ICU.nfc(Array("plain".utf8)) == Array("plain".utf8))
    }
}
