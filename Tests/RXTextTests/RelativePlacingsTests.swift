import Testing

@testable import RXText

/// Drivers named behind a result ("won from A and B", "third, ahead of A and B") take the next
/// places; the texts are written for these tests.
@Suite struct RelativePlacingsTests {
    @Test func aWinFromTwoDriversGivesThemSecondAndThird() throws {
        let record = try ResultsReaderTests.record(
            """
            Höljes 2019

            At Höljes in 2019 Johan Kristoffersson won the final from Timmy Hansen and Andreas Bakkerud.
            """)
        let lines = ResultsReaderTests.lines(record)
        #expect(lines.contains("Johan Kristoffersson|2019|SE|final|1"))
        #expect(lines.contains("Timmy Hansen|2019|SE|final|2"))
        #expect(lines.contains("Andreas Bakkerud|2019|SE|final|3"))
    }

    @Test func aPlaceAheadOfOthersIsFollowedByTheirs() throws {
        let record = try ResultsReaderTests.record(
            """
            Season 2016

            In 2016 Kevin Hansen finished third in the final standings on 86 points, ahead of \
            Timmy Hansen (83) and Andreas Bakkerud (79).
            """)
        let lines = ResultsReaderTests.lines(record)
        #expect(lines.contains("Kevin Hansen|2016|-|standings|3"))
        #expect(lines.contains("Timmy Hansen|2016|-|standings|4"))
        #expect(lines.contains("Andreas Bakkerud|2016|-|standings|5"))
    }

    @Test func theNearerResultAnchorsTheList() throws {
        let record = try ResultsReaderTests.record(
            """
            Höljes 2019

            At Höljes in 2019 Timmy Hansen and Kevin Hansen finished first and second ahead of \
            Andreas Bakkerud.
            """)
        let lines = ResultsReaderTests.lines(record)
        #expect(lines.contains("Andreas Bakkerud|2019|SE|final|3"))
        #expect(!lines.contains("Andreas Bakkerud|2019|SE|final|2"))
    }

    @Test func fromIsAPlaceOfOriginUnlessAWinPrecedesIt() throws {
        let record = try ResultsReaderTests.record(
            """
            Höljes 2019

            At Höljes in 2019 Johan Kristoffersson was second, a point from Timmy Hansen.
            """)
        #expect(!ResultsReaderTests.lines(record).contains { $0.hasPrefix("Timmy Hansen") })
    }
}

/// Places stated with the verb left out or behind another driver.
@Suite struct CoordinatedPlacingsTests {
    @Test func aPlaceBehindOneDriverGivesHimThePlaceBefore() throws {
        let lines = ResultsReaderTests.lines(
            try ResultsReaderTests.record(
                """
                Hockenheim 2016

                At Hockenheim in 2016 Cyril Raymond was second in his semi-final and second again in \
                the final, behind Thomas Bryntesson, who had joined the team.
                """))
        #expect(lines.contains("Cyril Raymond|2016|DE|semi-final|2"))
        #expect(lines.contains("Cyril Raymond|2016|DE|final|2"))
        #expect(lines.contains("Thomas Bryntesson|2016|DE|final|1"))
    }

    @Test func aNameToAPlaceHasItsVerbLeftOut() throws {
        let lines = ResultsReaderTests.lines(
            try ResultsReaderTests.record(
                """
                Mettet 2016

                At Mettet in 2016 the stewards excluded Cyril Raymond, which promoted Simon Olofsson \
                to P2 and Joachim Hvaal to third.
                """))
        #expect(lines.contains("Simon Olofsson|2016|BE|final|2"))
        #expect(lines.contains("Joachim Hvaal|2016|BE|final|3"))
    }
}
