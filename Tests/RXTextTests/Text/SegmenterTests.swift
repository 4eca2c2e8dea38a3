import Foundation
import Testing

@testable import RXText

@Suite struct SegmenterTests {
    func segment(_ text: String) throws -> (Document, Segmentation) {
        let document = try Document(bytes: Array(text.utf8))
        return (document, Segmenter().segment(document))
    }

    @Test func abbreviationsNumbersAndHyphensDoNotSplitSentences() throws {
        let (document, segmentation) = try segment(
            "Mr. Smith met St. Petersburg’s No. 1 at 2.5 seconds. The 19-year-old Kallio’s semi-final came next.")
        #expect(
            segmentation.sentences.map { document.text($0.range) } == [
                "Mr. Smith met St. Petersburg’s No. 1 at 2.5 seconds.",
                "The 19-year-old Kallio’s semi-final came next.",
            ])
    }

    @Test func tokensCarryKinds() throws {
        let (document, segmentation) = try segment("Kallio’s 19-year-old car: 2.5 s 🏁")
        let tokens = segmentation.sentences[0].tokens.map { "\($0.kind.rawValue):\(document.text($0.range))" }
        #expect(
            tokens == [
                "word:Kallio’s", "space: ", "number:19", "punctuation:-", "word:year", "punctuation:-", "word:old",
                "space: ",
                "word:car", "punctuation::", "space: ", "number:2.5", "space: ", "word:s", "space: ", "symbol:🏁",
            ])
    }

    @Test func dialogueParagraphsAndQuotesAreMarked() throws {
        let (document, segmentation) = try segment(
            "Headline\n\n– Well, it was hard, he said.\n\nHe called it “third time lucky” after the race.")
        #expect(segmentation.paragraphs.map(\.isDialogue) == [false, true, false])
        #expect(segmentation.sentences.map(\.isDialogue) == [false, true, false])
        let quote = try #require(segmentation.paragraphs[2].quotes(in: document).first)
        #expect(document.text(quote) == "“third time lucky”")
    }

    @Test func wrappedLinesFormOneParagraphAndSentencesRunAcrossThem() throws {
        let (document, segmentation) = try segment("The season began\nin Barcelona. It ended\r\nin Germany.\n\nNext.")
        #expect(segmentation.paragraphs.count == 2)
        #expect(
            segmentation.sentences.map { document.rawText($0.range) } == [
                "The season began\nin Barcelona.", "It ended\r\nin Germany.", "Next.",
            ])
    }

    @Test func sentenceIndexesAndParagraphStartsAreConsistent() throws {
        let (_, segmentation) = try segment("One. Two.\n\nThree.")
        #expect(segmentation.sentences.map(\.index) == [0, 1, 2])
        #expect(segmentation.sentences.map(\.opensParagraph) == [true, false, true])
        #expect(segmentation.sentences.map(\.paragraph) == [0, 0, 1])
    }
}

@Suite struct BlockAnnotationTests {
    /// Sentence-level rules find the same flags whether a file is annotated whole or in blocks.
    @Test func blocksCoverEverySentenceOnce() throws {
        let text = String(repeating: "He won in Hell Hell. The EM series went on. – what a day.\n\n", count: 50)
        let document = try Document(bytes: Array(text.utf8))
        let annotator = Annotator(lexicon: TestLexicon.shared)
        let linter = TestLexicon.engine.rules.linter(enabled: [
            "repetition.doubled-word", "untranslated.abbreviation", "capitalization.sentence-start",
        ])
        let whole = linter.lint(annotator.annotate(document))
        var blocks: [Diagnostic] = []
        var count = 0
        Annotator.segmentInBlocks(document, blockBytes: 200) { block in
            count += 1
            blocks += linter.lint(annotator.annotate(document, block))
        }
        #expect(count > 10)
        #expect(whole.count == 150)
        #expect(blocks == whole)
    }

    /// Word ids stand for folded words: tokens compare equal by id exactly when their folds do,
    /// whether the lexicon knows them (ids) or not (-1, compared by text).
    @Test func wordIDsCompareAsFoldedWords() throws {
        let text = "The race of the year: Hell, HELL and hell of the Rock won won the EM of THE day to To."
        let document = try Document(bytes: Array(text.utf8))
        let sentence = try #require(Annotator(lexicon: TestLexicon.shared).annotate(document).sentences.first)
        #expect(sentence.wordIDs.count == sentence.folded.count)
        var known = 0
        for a in sentence.folded.indices {
            if sentence.wordIDs[a] >= 0 { known += 1 }
            for b in sentence.folded.indices {
                #expect(sentence.sameWord(a, b) == (sentence.folded[a] == sentence.folded[b]), "\(a) \(b)")
            }
        }
        #expect(known >= 6)
        for literal in ["of", "the", "to"] {
            let found = sentence.folded.indices.filter { sentence.folded[$0] == literal }
            #expect(!found.isEmpty)
            for index in found { #expect(sentence.wordIDs[index] == TestLexicon.shared.marked(literal)?.id) }
        }
    }

    /// A sentence's marked words are exactly the marked words among its folded words.
    @Test func sentencesKnowWhichMarkedWordsTheyHave() throws {
        let text = "The motor of the day failed. He had to stop. Nothing else. Motor racing is a sport of kings."
        let document = try Document(bytes: Array(text.utf8))
        let sentences = Annotator(lexicon: TestLexicon.shared).annotate(document).sentences
        #expect(sentences.count == 4)
        let lexicon = TestLexicon.shared
        let words = RuleSet.markedWords
        #expect(
            words == [
                "her", "hers", "herself", "it", "its", "masteries", "mastery", "motor", "of", "point", "points", "she",
                "the", "to",
            ])
        for sentence in sentences {
            for word in words {
                #expect(sentence.has(lexicon.marked(word)!) == sentence.folded.contains(word), "\(word)")
            }
        }
        #expect(sentences[2].marks.isEmpty)
        #expect(sentences[0].marks == WordMarks(["motor", "of", "the"].map { lexicon.marked($0)!.mark }))
    }

    /// A sentence's summary holds what its words have: every trait some word has and no other,
    /// and "may repeat a word" wherever two neighbouring words are the same word, while most
    /// sentences without such a pair say so.
    @Test func sentencesSummariseTheirWords() throws {
        let text = [
            "The EM series went on in Hell Hell.", "He had had a puncture.", "Baciuška and Baciuska raced.",
            "Rokas Baciuška BACIUŠKA won.", "Zyxwv qwert zyxwv won.", "Zyxwv qwertz won again.",
            "Kallio ja Grönholm olivat mukana.", "The lap was 42.1 42.1 seconds.", "A quiet day.", "FIA rules.",
        ].joined(separator: " ")
        let document = try Document(bytes: Array(text.utf8))
        let sentences = Annotator(lexicon: TestLexicon.shared).annotate(document).sentences
        #expect(sentences.count == 10)
        var repeating = 0
        var passedOver = 0
        for sentence in sentences {
            let union = sentence.traits.reduce(into: TokenTraits()) { $0.formUnion($1) }
            #expect(sentence.traitsPresent == union, "\(sentence.range)")
            let repeats = sentence.words.indices.dropLast().contains { i in
                sentence.isWord(i) && sentence.isWord(i + 1) && sentence.sameWord(i, i + 1)
            }
            if repeats {
                repeating += 1
                #expect(sentence.mayRepeatAWord, "\(sentence.range)")
            } else if !sentence.mayRepeatAWord {
                passedOver += 1
            }
        }
        #expect(repeating == 3, "Hell Hell, had had, Baciuška BACIUŠKA; 42.1 is a number")
        #expect(passedOver >= 3)
        let capitalPairs = sentences.flatMap { sentence in
            sentence.words.indices.filter { sentence.traits[$0].contains(.capitalPair) }.map {
                document.text(sentence.words[$0].range)
            }
        }
        #expect(capitalPairs == ["EM", "BACIUŠKA", "FIA"])
    }

    /// Sentences view the article's token, fold and trait columns from index 0, each its own
    /// tokens and no other's; a token's bytes outside ASCII are among its traits.
    @Test func sentencesViewTheirOwnPartOfTheColumns() throws {
        let text = "Kallio won in Hell Hell.\n\nThe EM series, 2018: – Grönholm’s day."
        let document = try Document(bytes: Array(text.utf8))
        let article = Annotator(lexicon: TestLexicon.shared).annotate(document)
        #expect(article.sentences.count == 2)
        for annotated in article.sentences {
            let expected = Segmenter().tokens(in: annotated.range, of: document).filter { $0.kind != .space }
            #expect(Array(annotated.words) == expected)
            #expect(annotated.words.indices == 0..<expected.count)
            #expect(annotated.folded.count == expected.count && annotated.traits.count == expected.count)
            #expect(
                Array(annotated.folded)
                    == expected.map { ICU.foldedString(document.bytes[$0.range.start..<$0.range.end]) })
            for (index, token) in expected.enumerated() {
                let outside = document.bytes[token.range.start..<token.range.end].contains { $0 >= 0x80 }
                #expect(annotated.traits[index].contains(.outsideASCII) == outside, "token \(index)")
            }
        }
        #expect(article.sentences[1].folded[0] == "the")
        #expect(article.sentences[1].traits[0].contains(.capitalized))
        #expect(Array(article.sentences[1].folded.suffix(2)) == ["day", "."])
    }
}

/// The lexicon appends a sentence's matches in the order rules read them, without sorting:
/// by start, then by category.
@Suite struct MatchOrderTests {
    @Test func matchesComeByStartThenCategory() throws {
        let corpus = Fixtures.repository.appendingPathComponent("corpus")
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path) where name.hasSuffix(".txt") {
            let document = try Document.load(path: corpus.appendingPathComponent(name).path)
            for sentence in Annotator(lexicon: TestLexicon.shared).annotate(document).sentences {
                let keys = sentence.matches.map { ($0.range.start, $0.entry.category.rawValue) }
                for (a, b) in zip(keys, keys.dropFirst()) {
                    #expect(a < b, "\(name): \(a) before \(b)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }
}

/// Token kinds that the segmenter reads off the bytes, without asking ICU for the rule status,
/// must be the kinds the status gives.
@Suite struct EvidentKindTests {
    @Test func evidentKindsAgreeWithICUsRuleStatus() throws {
        let corpus = Fixtures.repository.appendingPathComponent("corpus")
        var texts = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }
            .map { try String(contentsOf: corpus.appendingPathComponent($0), encoding: .utf8) }
        texts.append(
            "Q4 Super1600 don't 4x4 e.g. U.S. 3.5 _x_ tab\there  three   spaces \u{00A0}nbsp a\u{0301}cute "
                + "C++ x-y AT&T \t\u{0301}tab-mark Kallio’s 1st 2018-ssa O’Neill ÄÖ 北京 🏁 ok")
        let iterator = BreakIterator(.word)
        var evident = 0
        for text in texts {
            let bytes = Array(text.utf8)
            try bytes.withUnsafeBufferPointer { buffer in
                let base = try #require(buffer.baseAddress)
                iterator.setText(base, count: buffer.count, base: 0)
                var start = 0
                while let end = iterator.next() {
                    let asked = Segmenter.kind(status: iterator.ruleStatus, firstByteAt: start, in: buffer)
                    if let kind = Segmenter.evidentKind(of: start..<end, in: buffer) {
                        evident += 1
                        #expect(kind == asked, "'\(String(decoding: buffer[start..<end], as: UTF8.self))'")
                    }
                    start = end
                }
            }
        }
        #expect(evident > 1_000)
    }
}
