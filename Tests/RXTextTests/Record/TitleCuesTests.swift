import Testing

@testable import RXText

/// Championship results as reports state them, and as machine translation of Finnish leaves them
/// ("the European master", "the mastery"); the texts are written for these tests.
@Suite struct TitleCuesTests {
    @Test func aTitleVerbWithItsNounIsTheChampion() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Estering 2016

            Mattias Ekström sealed the drivers' title at the Estering in 2016.
            """)
        #expect(lines.contains("Mattias Ekström|2016|-|standings|1"))
        #expect(!lines.contains { $0.hasSuffix("final|1") })
    }

    @Test func aTitleThatWentToADriverNamesHimAfterTheVerb() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Finnish championship 2018

            In 2018 the title of the Super1600 class went to Jere Kalliokoski, and Joni-Pekka Rajala \
            took the silver.
            """)
        #expect(lines.contains("Jere Kalliokoski|2018|-|standings|1"))
        #expect(lines.contains("Joni-Pekka Rajala|2018|-|standings|2"))
    }

    @Test func aDatedRunnerUpIsThatSeasonsSecondPlace() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Barcelona 2019

            Aydar Nuriev, the 2018 runner-up, won the final at Barcelona in 2019.
            """)
        #expect(lines.contains("Aydar Nuriev|2018|-|standings|2"))
        #expect(lines.contains("Aydar Nuriev|2019|ES|final|1"))
    }

    @Test func aChampionCalqueNamesTheChampionAfterBecame() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Rustad 2015

            The European master became the Norwegian Tommy Rustad, who won three of the five rounds in 2015.
            """)
        #expect(lines == ["Tommy Rustad|2015|-|standings|1"])
    }

    @Test func backOnTopOfTheStandingsIsTheLead() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Mettet 2014

            At Mettet in 2014 Petter Solberg was back on top of the standings, three points clear of \
            Reinis Nitišs.
            """)
        #expect(lines.contains("Petter Solberg|2014|-|standings|1"))
        #expect(lines.contains("Reinis Nitišs|2014|-|standings|2"))
    }

    @Test func aChampionshipRoundOrAnIntentionIsNoTitle() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Höljes 2019

            At Höljes in 2019 Timmy Hansen won the championship round, and Andreas Bakkerud hoped to \
            take the title.
            """)
        #expect(!lines.contains { $0.contains("standings") })
    }
}

/// Standings places stated by the season they close or the points they carry.
@Suite struct SeasonStandingsTests {
    @Test func finishingTheSeasonNthIsAStandingsPlace() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Euro RX 2019

            In 2019 Gergely Márton finished the season third, and Aydar Nuriev finished the year as runner-up.
            """)
        #expect(lines.contains("Gergely Márton|2019|-|standings|3"))
        #expect(lines.contains("Aydar Nuriev|2019|-|standings|2"))
    }

    @Test func anElidedInversionWithPointsIsAStandingsList() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Euro RX 2015

            Tommy Rustad took the European title in 2015. Second was the Frenchman Jérôme \
            Grosset-Janin, 18 points behind, and third the Norwegian Ole Christian Veiby with 86 points.
            """)
        #expect(lines.contains("Jérôme Grosset-Janin|2015|-|standings|2"))
        #expect(lines.contains("Ole Christian Veiby|2015|-|standings|3"))
    }

    @Test func pointsGainedAreNotAStandingsPlace() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Estering 2016

            At the Estering in 2016 Krisztián Szabó was fourth in qualifying and clawed back two points.
            """)
        #expect(lines == ["Krisztián Szabó|2016|DE|qualifying|4"])
    }
}

/// Standings given as names with their points, and standings part-way through a season beside
/// the final table.
@Suite struct PointsListTests {
    @Test func namesWithFallingPointsAfterAColonAreAStandingsTable() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Euro RX 2015

            Tommy Rustad took the European title in 2015 and Joni-Pekka Rajala finished the season \
            fourth. After Hell the points were: Tommy Rustad 83, Jérôme Grosset-Janin 77 and \
            Joni-Pekka Rajala 53.
            """)
        #expect(lines.contains("Jérôme Grosset-Janin|2015|-|standings|2"))
        // The interim table and the final one are both kept.
        #expect(lines.contains("Joni-Pekka Rajala|2015|-|standings|3"))
        #expect(lines.contains("Joni-Pekka Rajala|2015|-|standings|4"))
    }

    @Test func risingFiguresAreNoTable() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Euro RX 2015

            In 2015 the points were: Tommy Rustad 53, Jérôme Grosset-Janin 77 and Joni-Pekka Rajala 83.
            """)
        #expect(!lines.contains("Jérôme Grosset-Janin|2015|-|standings|2"))
    }
}

/// A dated "the champion X", and interim standings named by "before the fourth round".
@Suite struct DatedChampionTests {
    @Test func theChampionWithAYearIsThatSeasonsChampion() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Finnish championship 2018

            In 2018 Henri Haapamäki was second. In 2017 the champion Joni-Pekka Rajala had one real \
            opponent. The champion Niclas Grönholm came to watch.
            """)
        #expect(lines.contains("Joni-Pekka Rajala|2017|-|standings|1"))
        #expect(!lines.contains { $0.hasPrefix("Niclas Grönholm") })
    }

    @Test func aGappedMedalTakesItsOwnPlace() throws {
        let lines = ResultsReaderTests.lines(
            try ResultsReaderTests.record(
                """
                Season 2018

                In the 2018 Finnish championship the title went to Ari Perkiömäki, Mikko Ikonen took \
                the silver and Riku Tahko the bronze.
                """))
        #expect(lines.contains("Mikko Ikonen|2018|-|standings|2"))
        #expect(lines.contains("Riku Tahko|2018|-|standings|3"))
    }

    @Test func contentWithSilverIsSecond() throws {
        let lines = ResultsReaderTests.lines(
            try ResultsReaderTests.record(
                """
                Season 2018

                In the 2018 Finnish championship Henri Haapamäki had to be content with silver.
                """))
        #expect(lines.contains("Henri Haapamäki|2018|-|standings|2"))
    }

    @Test func anOrdinalBeforeOnlyIsStillAPlacing() throws {
        let lines = ResultsReaderTests.lines(
            try ResultsReaderTests.record(
                """
                Season 2018

                In the 2018 Finnish championship Joni-Pekka Rajala was second in the points and Tero \
                Tukiainen third only one point behind him.
                """))
        #expect(lines.contains("Tero Tukiainen|2018|-|standings|3"))
    }

    @Test func aNamedSeriesBeforeChampionIsTheTitle() throws {
        let lines = ResultsReaderTests.lines(
            try ResultsReaderTests.record(
                """
                Estering 2016

                At the Estering in 2016 Cyril Raymond, the RX Lites Cup champion, drove a Supercar.
                """))
        #expect(lines.contains("Cyril Raymond|2016|-|standings|1"))
    }
}
