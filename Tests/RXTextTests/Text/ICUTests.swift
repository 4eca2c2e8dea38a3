import Foundation
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

    /// `withNFC` hands over the bytes themselves when they are NFC, else their NFC form.
    @Test func withNFCMatchesNFC() {
        for text in ["plain", "s\u{030C}", "Baciuška", "a\u{2000}b", "", "– “Hyvä”"] {
            let bytes = Array(("x" + text + "y").utf8)
            let slice = bytes[1..<(bytes.count - 1)]
            #expect(ICU.withNFC(slice) { Array($0) } == ICU.nfc(slice), "\(text)")
        }
    }

    @Test func nfcComposes() {
        let decomposed = Array("s\u{030C}".utf8)
        #expect(ICU.nfc(decomposed) == Array("\u{0161}".utf8))
        #expect(ICU.nfc(Array("plain".utf8)) == Array("plain".utf8))
        // Dashes, quotes and the ellipsis are NFC already; U+2000 and U+2001 are not: NFC maps
        // them to U+2002 and U+2003.
        let punctuation = "– “Hyvä”, he said… ‘x’ \u{2002}\u{206F}"
        #expect(ICU.nfc(Array(punctuation.utf8)) == Array(punctuation.utf8))
        #expect(ICU.nfc(Array("a\u{2000}b\u{2001}".utf8)) == Array("a\u{2002}b\u{2003}".utf8))
        #expect(ICU.nfc(Array("–e\u{0301}".utf8)) == Array("–\u{00E9}".utf8))
    }
}
