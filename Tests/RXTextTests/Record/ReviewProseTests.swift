import Testing

@testable import RXText

/// How season reviews and report prose state results without the words "won" or "first"; the
/// texts are written for these tests.
@Suite struct ReviewProseTests {
    @Test func crossingTheLineAheadOfOthersIsTheWin() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Season review 2019

            The 2019 Euro RX season had six rounds.

            The wet final at the Norwegian track was a lottery. Robin Larsson crossed the line half \
            a second ahead of Jean-Baptiste Dubourg, with Thomas Bryntesson third.
            """)
        #expect(lines.contains("Robin Larsson|2019|NO|final|1"))
        #expect(lines.contains("Jean-Baptiste Dubourg|2019|NO|final|2"))
        #expect(lines.contains("Thomas Bryntesson|2019|NO|final|3"))
    }

    @Test func crossingTheLineSecondIsNotTheWin() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Riga 2016

            At Riga in 2016 Cyril Raymond crossed the line second, ahead of Simon Olofsson.
            """)
        #expect(!lines.contains("Cyril Raymond|2016|LV|final|1"))
    }

    @Test func hittingBackAtAPlaceIsAWinThere() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Season review 2019

            The 2019 Euro RX season had six rounds. Thomas Bryntesson won at the Estering, but Robin \
            Larsson hit back at Lohéac.
            """)
        #expect(lines.contains { $0.hasPrefix("Robin Larsson|2019|FR|") })
    }

    @Test func aCrashInAStageIsARetirementThere() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Riga 2019

            At Riga in 2019 Thomas Bryntesson's crash in the semi-finals decided the title.
            """)
        #expect(lines.contains("Thomas Bryntesson|2019|LV|semi-final|retired"))
    }

    @Test func crashingOutOfTheFinalIsARetirementInIt() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Hell 2019

            At Hell in 2019 Kevin Hansen crashed out of the final.
            """)
        #expect(lines.contains("Kevin Hansen|2019|NO|final|retired"))
        #expect(!lines.contains { $0.hasSuffix("did-not-qualify") })
    }

    @Test func aFirstNameAloneIsTheDriverNamedInFullWithIt() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Riga 2019

            At Riga in 2019 Jean-Baptiste Dubourg won and his brother Andréa Dubourg came third.

            Andréa finished the year fourth.
            """)
        #expect(lines.contains("Andréa Dubourg|2019|-|standings|4"))
    }

    @Test func aFirstNameTwoDriversShareNamesNoOne() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Höljes 2019

            At Höljes in 2019 Kevin Hansen won and Timur Timerzyanov was second, with Kevin Eriksson third.

            Kevin finished the year fourth.
            """)
        #expect(!lines.contains { $0.hasSuffix("standings|4") })
    }

    @Test func theMainClauseResumesAfterARelativeClause() throws {
        let lines = try ResultsReaderTests.lines(
            """
            RallyX Nordic 2019

            In the 2019 RallyX Nordic series Robin Larsson, who had won at Kouvola after Oliver \
            Eriksson had won in Norway, took the title at the last round.
            """)
        #expect(lines.contains("Robin Larsson|2019|-|standings|1"))
        #expect(!lines.contains("Oliver Eriksson|2019|-|standings|1"))
    }

    @Test func theFinalWasADriversIsTheirWin() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Silverstone 2019

            At Silverstone in 2019 the final was Robin Larsson's, with Thomas Bryntesson second.
            """)
        #expect(lines.contains("Robin Larsson|2019|GB|final|1"))
    }

    @Test func aCountedWinAndARaceAfterItIsThatRacesWin() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Silverstone 2019

            At Silverstone in 2019 Robin Larsson won three of the four qualifying races and his semi-final.
            """)
        #expect(lines.contains("Robin Larsson|2019|GB|semi-final|1"))
        #expect(!lines.contains { $0.contains("qualifying|1") })
    }

    @Test func yearsEarlierDateTheResultThatManyYearsBack() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Season 2019

            In 2019 Robin Larsson won at Höljes. Two years earlier Larsson had won at Hell too.
            """)
        #expect(lines.contains { $0.hasPrefix("Robin Larsson|2017|NO|") })
    }

    @Test func theYearBeforeInARelativeClauseDatesOnlyThatClause() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Silverstone 2019

            At Silverstone in 2019 Thomas Bryntesson, in the Polo that Anton Marklund had raced the \
            year before, won the second semi-final.
            """)
        #expect(lines.contains("Thomas Bryntesson|2019|GB|semi-final|1"))
    }

    @Test func aDriverFendedOffIsNotTheSubject() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Hell 2019

            At Hell in 2019 Robin Larsson fended off a fast-starting Sondre Evjen and won the final.
            """)
        #expect(lines.contains("Robin Larsson|2019|NO|final|1"))
        #expect(!lines.contains("Sondre Evjen|2019|NO|final|1"))
    }

    @Test func twoNamesTakeTwoPlacingsInOrder() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Spa 2019

            At Spa in 2019 Aydar Nuriev and Egor Sanin finished first and second ahead of Josef Šusta.
            """)
        #expect(lines.contains("Aydar Nuriev|2019|BE|final|1"))
        #expect(lines.contains("Egor Sanin|2019|BE|final|2"))
        #expect(lines.contains("Josef Šusta|2019|BE|final|3"))
    }

    @Test func aPairTakesThePlacingsOfTheTwoNamedBefore() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Spa 2019

            At Spa in 2019 Egor Sanin shadowed Aydar Nuriev until the Russian pair finished second and third.
            """)
        #expect(lines.contains("Egor Sanin|2019|BE|final|2"))
        #expect(lines.contains("Aydar Nuriev|2019|BE|final|3"))
    }

    @Test func whoHitsBackIsTheLeaderWhoHadLost() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Season review 2019

            The 2019 Euro RX season had six rounds. Robin Larsson led the standings all year.

            At the Estering Thomas Bryntesson won and the championship leader had to settle for second. \
            The unflappable Swede answered at Lohéac.
            """)
        #expect(lines.contains { $0.hasPrefix("Robin Larsson|2019|FR|") })
        #expect(!lines.contains { $0.hasPrefix("Thomas Bryntesson|2019|FR|") })
    }

    @Test func twoNamesWinTheSemiFinalsOneEach() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Riga 2016

            At Riga in 2016 Simon Olofsson and Joachim Hvaal won the semi-finals.
            """)
        #expect(lines.contains("Simon Olofsson|2016|LV|semi-final|1"))
        #expect(lines.contains("Joachim Hvaal|2016|LV|semi-final|1"))
    }

    @Test func slidingIntoTheBarriersIsARetirement() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Riga 2016

            At Riga in 2016 Joachim Hvaal slid into the barriers on the opening lap of the final.
            """)
        #expect(lines.contains("Joachim Hvaal|2016|LV|final|retired"))
    }

    @Test func aNumberedListOfPointsIsTheStandings() throws {
        let lines = try ResultsReaderTests.lines(
            """
            SM 2019

            The 2019 Finnish championship began at Jalasjärvi. The table after the first of five \
            rounds: 1. Jere Kalliokoski 30 points, 2. Juha Rytkönen 24, 3. Joni-Pekka Rajala 24.
            """)
        #expect(lines.contains("Jere Kalliokoski|2019|-|standings|1"))
        #expect(lines.contains("Juha Rytkönen|2019|-|standings|2"))
        #expect(!lines.contains { $0.contains("|final|") })
    }

    @Test func aYearInARelativeClauseDatesOnlyThatClause() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Cape Town 2018

            Johan Kristoffersson ended the 2018 season on top. He won the final round at Cape Town, \
            his eleventh win of a season in which he defended the title he had first won in 2017.
            """)
        #expect(lines.contains("Johan Kristoffersson|2018|ZA|final|1"))
        #expect(!lines.contains { $0.hasPrefix("Johan Kristoffersson|2017|ZA|") })
    }

    @Test func aSentenceOfThousandsOfWordsIsNotReadForResults() throws {
        let filler = Array(repeating: "and then some more words without a stop", count: 90).joined(separator: " ")
        let long = try ResultsReaderTests.lines("Riga 2016\n\nAt Riga in 2016 Cyril Raymond won the final \(filler).")
        #expect(long.isEmpty)
        let short = try ResultsReaderTests.lines("Riga 2016\n\nAt Riga in 2016 Cyril Raymond won the final.")
        #expect(short.contains("Cyril Raymond|2016|LV|final|1"))
    }
}
