import Testing

@testable import RXText

/// Who a pronoun or a description is, when the sentence names other drivers as objects; the
/// texts are written for these tests.
@Suite struct CoreferenceTests {
    /// "to the home driver X", "to the Swede X": a role or a nationality between the preposition
    /// and the name keeps the name an object, so the sentence's "he" is the subject before it.
    @Test func aPronounSubjectGoesOnPastANamedObject() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Höljes 2019

            At Höljes in 2019 Robin Larsson beat Timmy Hansen in Q1. The home driver Larsson won the \
            first semi-final. He had won Q1 by a second from Niclas Grönholm and lost Q2 to the Swede \
            Timmy Hansen, yet he won the final.
            """)
        #expect(lines == ["Robin Larsson|2019|SE|semi-final|1", "Robin Larsson|2019|SE|final|1"])
    }

    @Test func aRoleAfterAPrepositionIsAnObject() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Höljes 2019

            At Höljes in 2019 Johan Kristoffersson was fastest in Q1. He lost Q2 to the home driver \
            Robin Larsson, but he won his semi-final.
            """)
        #expect(lines == ["Johan Kristoffersson|2019|SE|semi-final|1"])
    }

    /// "leader of the points X" is X's title, not "of" an object: X is still the subject.
    @Test func aTitleEndingInOfBeforeTheNameIsNoObject() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Höljes 2019

            At Höljes in 2019 Timmy Hansen won the final. Second was the defending champion and \
            leader of the points Johan Kristoffersson.
            """)
        #expect(lines.contains { $0.hasPrefix("Johan Kristoffersson|2019|") && $0.hasSuffix("|2") }, "\(lines)")
    }

    /// A subject the text referred to rather than named ("the Norwegian") is who the next "he" is.
    @Test func aReferredSubjectIsTheNextPronoun() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Euro RX 2019

            Andreas Bakkerud was second at Höljes in Sweden in 2019. Timmy Hansen won there. At the \
            Estering in Germany the Norwegian won the final. He also won the first semi-final.
            """)
        #expect(lines.contains { $0.hasPrefix("Andreas Bakkerud|2019|") && $0.hasSuffix("|semi-final|1") }, "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("Timmy Hansen") && $0.hasSuffix("|semi-final|1") })
    }

    @Test func aPlaceTheDriverLostIsNotHis() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Höljes 2019

            At Höljes in 2019 Sébastien Loeb lost the top qualifier spot to Timmy Hansen in the last \
            session. Liam Doran missed the podium.
            """)
        #expect(!lines.contains { $0.hasPrefix("Sébastien Loeb") || $0.hasPrefix("Liam Doran") }, "\(lines)")
    }
}
