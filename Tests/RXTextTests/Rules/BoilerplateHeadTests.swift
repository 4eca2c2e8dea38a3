import Testing

@testable import RXText

/// The cheap first look that spares most paragraphs a full fold: it may only say "no" when the
/// folded paragraph really cannot start with the entry.
@Suite struct BoilerplateHeadTests {
    func head(_ text: String) -> BoilerplateLines.FoldedHead {
        let bytes = Array(text.utf8)
        return BoilerplateLines.FoldedHead(bytes, ByteRange(0, bytes.count))
    }

    @Test func asciiStartsAreComparedLowerCased() {
        #expect(head("Leave a Reply").mayStart("leave a reply"))
        #expect(head("LEAVE A REPLY to the stewards").mayStart("leave a reply"))
        #expect(!head("The season ended.").mayStart("leave a reply"))
        #expect(!head("Leave").mayStart("leave a reply"), "a paragraph shorter than the entry")
    }

    @Test func aNonASCIIStartIsFoldedOnItsOwnAndLaterOnesStopTheHead() {
        #expect(!head("– what a day").mayStart("leave a reply"))
        #expect(head("– what a day").mayStart("– what"))
        #expect(head("Éléments").mayStart("elements"), "É folds to e; the rest is not judged")
        #expect(head("Share thïs:").mayStart("share this:"))
        #expect(!head("Shore thïs:").mayStart("share this:"))
    }

    /// The pair test trusts that a mark from U+2000 to U+203F folds to text with the same two
    /// lead bytes: held here for every one it answers for, alone and starting a paragraph.
    @Test func marksOfGeneralPunctuationFoldWithinTheirLeadBytes() throws {
        for value in UInt32(0x2000)...0x203F {
            let scalar = try #require(Unicode.Scalar(value))
            let bytes = Array(String(scalar).utf8)
            for text in [bytes, bytes + Array(" Leave a Reply".utf8)] {
                guard let pair = BoilerplateLines.foldedPair(text, ByteRange(0, text.count)) else {
                    #expect(value == 0x2018 || value == 0x2019, "U+\(String(value, radix: 16))")
                    continue
                }
                let folded = ICU.fold(text)
                #expect(folded.count >= 2 && (folded[0], folded[1]) == pair, "U+\(String(value, radix: 16))")
            }
        }
        #expect(BoilerplateLines.foldedPair(Array("’Leave".utf8), ByteRange(0, 8)) == nil, "’ folds to '")
        #expect(BoilerplateLines.foldedPair(Array("Él".utf8), ByteRange(0, 3)) == nil, "É folds to e")
    }

    /// The rule's first test of a paragraph, on its first two bytes, passes exactly the pairs
    /// that some folded entry starts with.
    @Test func theBytePairTestPassesExactlyTheEntriesStarts() {
        let lines = BoilerplateLines(glossary: TestLexicon.shared.glossary)
        let starts = Set(lines.entries.map { Array($0.folded.utf8.prefix(2)) })
        #expect(!starts.isEmpty)
        for first in UInt8(0x20)..<0x80 {
            for second in UInt8(0x20)..<0x80 {
                #expect(lines.mayStart(with: first, second) == starts.contains([first, second]))
            }
        }
    }
}
