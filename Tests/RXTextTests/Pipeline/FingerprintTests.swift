import Foundation
import Testing

@testable import RXText

@Suite struct FingerprintTests {
    @Test func repeatedFlagsInOneSentenceGetDistinctFingerprintsThatSurviveEditsElsewhere() throws {
        let text = "The EM series and the EM title were his.\n"
        let article = try TestLexicon.annotate(text)
        let flags = TestLexicon.linter.lint(article).filter { $0.rule == "untranslated.abbreviation" }
        #expect(flags.count == 2)
        let fingerprints = Fingerprint.all(flags, in: article.document)
        #expect(Set(fingerprints).count == 2)
        let moved = try TestLexicon.annotate("A new opening line.\n\n" + text)
        let movedFlags = TestLexicon.linter.lint(moved).filter { $0.rule == "untranslated.abbreviation" }
        #expect(Fingerprint.all(movedFlags, in: moved.document) == fingerprints)
    }

    @Test func spacingCaseAndDiacriticsDoNotChangeAFingerprint() throws {
        func fingerprints(_ text: String) throws -> [String] {
            let article = try TestLexicon.annotate(text)
            return Fingerprint.all(
                TestLexicon.linter.lint(article).filter { $0.rule == "untranslated.abbreviation" }, in: article.document
            )
        }
        let reference = try fingerprints("Baciuška won the EM round.\n")
        #expect(reference.count == 1)
        #expect(try fingerprints("BACIUSKA  won\u{00A0}the EM round.\n") == reference)
        #expect(try fingerprints("Baciuška won the EM final.\n") != reference)
    }

    /// The one-pass ASCII fold of a sentence, and the word-by-word fold of the others, give the
    /// bytes of folding the whole sentence and then collapsing whitespace, so fingerprints in
    /// stored baselines stay what they were.
    @Test(arguments: [
        "  Hell Hell\tand the EM  series.\r\n", "ABC\u{0B}def\u{0C}", "", "   ", "Baciuška  won\u{00A0}the EM.",
        "x\n\ny", "Grönholm’s  ŠKODA e\u{301}tait\u{0301} \u{301}ẞtraße İstanbul ﬁnal\u{00A0}Åmål",
        "Ǆemal Σίσυφος ΌΣΟΣ\tХёльес 東京 👍🏽 x\u{200D}y",
    ])
    func sentencesFoldAsTheWholeSentenceDoes(text: String) {
        let bytes = Array(text.utf8)
        #expect(
            Fingerprint.foldedSentence(bytes[...])
                == ICU.fold(bytes).withUnsafeBufferPointer { Fingerprint.collapsingWhitespace($0) })
    }

    /// The same over seeded random sentences of pieces chosen to meet at spaces: marks after a
    /// space, letters that fold to two, scripts that are not Latin, spaces that are not ASCII.
    @Test func randomSentencesFoldAsTheWholeSentenceDoes() {
        let pieces = [
            " ", "  ", "\t", "\n", "\u{00A0}", "\u{2003}", "\u{301}", "\u{308}\u{301}", "e", "E", "Ö", "ö", "ß", "ẞ",
            "İ", "ﬁ", "Σ", "ς", "Ǆ", "Å", "ё", "東", "👍🏽", "\u{200D}", "’s", ",", "Grönholm", "EM", "x",
        ]
        var random = SplitMix64(seed: 6)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 1...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined()
            let bytes = Array(text.utf8)
            #expect(
                Fingerprint.foldedSentence(bytes[...])
                    == ICU.fold(bytes).withUnsafeBufferPointer { Fingerprint.collapsingWhitespace($0) }, "\(text)")
        }
    }

    /// Sentences of ASCII take an eight-bytes-at-a-time path when single spaces are their only
    /// whitespace: long seeded random ones, with doubled and leading spaces, tabs and control
    /// bytes at every offset, fold as the whole sentence does.
    @Test func asciiSentencesFoldAsTheWholeSentenceDoes() {
        let pieces = [
            " ", " ", " ", "  ", "\t", "\n", "\u{01}", "\u{7F}", "a", "Q", "Hell", "EM", "semi-final", "x.", ",",
        ]
        var random = SplitMix64(seed: 8)
        var fast = 0
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined()
            let bytes = Array(text.utf8)
            let reference = ICU.fold(bytes).withUnsafeBufferPointer { Fingerprint.collapsingWhitespace($0) }
            #expect(Fingerprint.foldedSentence(bytes[...]) == reference, "\(text)")
            if let folded = bytes.withUnsafeBufferPointer(Fingerprint.foldedSingleSpacedASCII) {
                fast += 1
                #expect(folded == reference, "\(text)")
            }
        }
        #expect(fast >= 50)
        let plain = Array("The season ended in Hell, 2018.".utf8)
        #expect(
            plain.withUnsafeBufferPointer(Fingerprint.foldedSingleSpacedASCII)
                == Array("the season ended in hell, 2018.".utf8))
    }

    /// Fingerprints are hashed by swift-crypto (with the CPU's SHA extensions where it has them):
    /// the digests must be those of plain FIPS 180-4 rounds written out here, for every length
    /// around the block and padding edges.
    @Test func libraryRoundsAgreeWithTheReferenceRounds() {
        var random = SplitMix64(seed: 256)
        for length in Array(0...200) + [447, 448, 512, 1000, 4096] {
            let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(SHA256.digest(message) == ReferenceSHA256.digest(message), "length \(length)")
        }
    }

    /// Baselines store fingerprints: the hash must be SHA-256 exactly (FIPS 180-4 test vectors).
    @Test func sha256MatchesTheStandardTestVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let twoBlocks = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(twoBlocks) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array("abc".utf8), characters: 7) == "ba7816b")
    }
}
