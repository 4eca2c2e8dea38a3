import Testing

@testable import RXText

/// Calque entries of `glossaries/garbles/calques.yaml` with sentences that must raise them (the
/// span marked as in rule examples) and sentences that must not: the glossary's own examples,
/// run through `calque.mistranslation` with the shipped glossaries.
@Suite struct CalqueEntryTests {
    static let flagged: [(entry: String, example: String)] = [
        ("premier-class-king-class", "He moved up to the ⟦king class⟧ for 2019."),
        ("points-lead-point-tip", "Kallio took over the ⟦point tip⟧ at Hell."),
        ("podium-prize-pool", "He reached the ⟦award shelf⟧ twice."),
        ("lead-tip-place", "He held the ⟦lead place⟧ until the joker lap."),
        ("younger-brother-small-brother", "His ⟦small brother⟧ raced in Super1600."),
        ("championship-the-mastery", "He ⟦won the mastery⟧ by six points."),
        ("championship-the-mastery", "The ⟦SM mastery⟧ was decided at Kouvola."),
        ("went-wrong-went-to-the-pants", "The start ⟦went to the pants⟧ in the final."),
    ]

    static let unflagged: [String] = [
        "He moved up to the premier class for 2019.",
        "His mastery of the track was plain to see.",
        "She showed complete mastery in the wet.",
        "The king of the class was Kallio.",
        "His younger brother raced in Super1600.",
        "He put on his racing pants before the final.",
        "The lead changed places twice.",
        "Kallio took the points lead at Hell.",
    ]

    static func spans(_ text: String) throws -> [(ByteRange, String)] {
        let article = try TestLexicon.annotate(text)
        return Linter(rules: [TestLexicon.rule(GlossaryCalqueRule.self)]).lint(article).map { flag in
            (flag.range, flag.message)
        }
    }

    @Test(arguments: flagged.indices)
    func entryFlagsItsExample(index: Int) throws {
        let (entry, example) = Self.flagged[index]
        let (text, expected) = Example(example).parsed
        let found = try Self.spans(text)
        #expect(found.map(\.0) == expected, "\(example)")
        let calque = try #require(TestLexicon.shared.glossary.calques.first { $0.id == entry })
        #expect(found.allSatisfy { $0.1.contains("'\(calque.finnish)'") }, "\(example) is not \(entry)")
    }

    @Test(arguments: unflagged)
    func englishIsLeftAlone(text: String) throws {
        #expect(try Self.spans(text).isEmpty, "\(text)")
    }
}
