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

/// Where a result happened and whom a pronoun means, across the clauses around it.
@Suite struct PlaceAndTopicTests {
    @Test func whereADriverIsFromIsNotTheEvent() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Riga 2019

            In Riga in 2019 the winner was Jean-Baptiste Dubourg from France.
            """)
        #expect(lines == ["Jean-Baptiste Dubourg|2019|LV|final|1"])
    }

    @Test func aSentenceOpeningForANameIsAboutThatDriver() throws {
        let lines = try ResultsReaderTests.lines(
            """
            World RX 2019

            Andreas Bakkerud was third at Riga in 2019. For Timmy Hansen it was a second win in a row: \
            fifteen days earlier he won at Lohéac.
            """)
        #expect(lines.contains("Timmy Hansen|2019|FR|final|1"))
        #expect(!lines.contains { $0.hasPrefix("Andreas Bakkerud|2019|FR") })
    }

    @Test func aPlaceDatedInThePastIsNotALaterClausesEvent() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Estering 2016

            At the Estering in 2016 Kevin Hansen was back. He had been crowned in Barcelona a month \
            earlier, and he finished fourth in the final.
            """)
        #expect(lines.contains("Kevin Hansen|2016|DE|final|4"))
        #expect(!lines.contains { $0.contains("|ES|") })
    }
}

/// A bare surname shared by the article's driver and a glossary namesake named later.
@Suite struct SharedSurnameTests {
    @Test func aBareSurnameIsTheDriverNamedInFullFirst() throws {
        let lines = ResultsReaderTests.lines(
            try ResultsReaderTests.record(
                """
                Tierp 2018

                Oliver Solberg raced at Tierp in 2018. Solberg, son of the world champion Petter Solberg, \
                had a six-point lead. Solberg won his semi-final.
                """))
        #expect(lines.contains("Oliver Solberg|2018|SE|semi-final|1"))
        #expect(!lines.contains { $0.hasPrefix("Petter Solberg") })
    }
}

/// A win stated as crossing the line first, with the drivers led home behind it.
@Suite struct LedHomeTests {
    @Test func theChequeredFlagAheadOfTwoDriversIsTheFirstThree() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Riga 2017

            At Riga in 2017 Johan Kristoffersson took the chequered flag ahead of Mattias Ekström and \
            Sébastien Loeb.
            """)
        #expect(
            lines == [
                "Johan Kristoffersson|2017|LV|final|1", "Mattias Ekström|2017|LV|final|2",
                "Sébastien Loeb|2017|LV|final|3",
            ])
    }

    @Test func aWinnerWhoLedOthersAcrossTheLineGivesThemTheNextPlaces() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Riga 2017

            At Riga in 2017 the first semi-final went to Johan Kristoffersson, who led Mattias Ekström \
            and Andreas Bakkerud across the line. Tanner Foust led home Andreas Bakkerud and Reinis \
            Nitišs in the final.
            """)
        #expect(lines.contains("Andreas Bakkerud|2017|LV|semi-final|3"))
        #expect(lines.contains("Tanner Foust|2017|LV|final|1"))
        #expect(lines.contains("Reinis Nitišs|2017|LV|final|3"))
    }

    @Test func runnerUpToADriverMakesHimTheChampion() throws {
        let lines = try ResultsReaderTests.lines(
            """
            World RX 2017

            In 2017 Johan Kristoffersson took the title; he had been runner-up to Mattias Ekström last year.
            """)
        #expect(lines.contains("Mattias Ekström|2016|-|standings|1"))
        #expect(lines.contains("Johan Kristoffersson|2016|-|standings|2"))
    }
}
