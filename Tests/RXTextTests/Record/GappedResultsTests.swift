import Testing

@testable import RXText

/// Results shared by coordination with the verb left out, results in apposition to a name, and
/// passive leads; the texts are written for these tests.
@Suite struct GappedResultsTests {
    @Test func aGappedSubjectTakesTheNextSemiFinal() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Höljes 2019

            At Höljes in 2019 Timmy Hansen won the first semi-final and Andreas Bakkerud the second.
            """)
        #expect(lines.contains("Timmy Hansen|2019|SE|semi-final|1"))
        #expect(lines.contains("Andreas Bakkerud|2019|SE|semi-final|1"))
    }

    @Test func aListOfGappedSubjectsTakesOneSemiFinalEach() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Höljes 2019

            At Höljes in 2019 Timmy Hansen won the first semi-final, Kevin Hansen the second and \
            Andreas Bakkerud the third.
            """)
        #expect(lines.contains("Timmy Hansen|2019|SE|semi-final|1"))
        #expect(lines.contains("Kevin Hansen|2019|SE|semi-final|1"))
        #expect(lines.contains("Andreas Bakkerud|2019|SE|semi-final|1"))
    }

    @Test func aNameFollowedByItsOwnNounIsNotGapped() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Höljes 2019

            At Höljes in 2019 Timmy Hansen won the first semi-final and Andreas Bakkerud the second row of the grid.
            """)
        #expect(!lines.contains { $0.hasPrefix("Andreas Bakkerud") })
    }

    @Test func oneVerbWithTwoStagesGivesTwoWins() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Höljes 2019

            At Höljes in 2019 Andreas Bakkerud won the third qualifying race and then the first semi-final.
            """)
        #expect(lines.contains("Andreas Bakkerud|2019|SE|semi-final|1"))
        // The heat win itself is one race of qualifying (HeatWinTests).
        #expect(!lines.contains("Andreas Bakkerud|2019|SE|qualifying|1"))
    }

    @Test func aSecondStageWithItsOwnDriverIsNotTheFirstDriversWin() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Höljes 2019

            At Höljes in 2019 Andreas Bakkerud won the third qualifying race and Kevin Hansen the final.
            """)
        #expect(!lines.contains("Andreas Bakkerud|2019|SE|final|1"))
    }

    @Test func aWinAtCoordinatedPlacesIsAWinAtEach() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Season 2019

            In 2019 Robin Larsson won at Höljes and Lohéac.
            """)
        #expect(lines.contains { $0.hasPrefix("Robin Larsson|2019|SE|") })
        #expect(lines.contains { $0.hasPrefix("Robin Larsson|2019|FR|") })
    }

    @Test func aWinAtOnePlaceAndAgainAtAnother() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Season 2019

            In 2019 Aydar Nuriev won at Barcelona and again at Spa-Francorchamps.
            """)
        #expect(lines.contains { $0.hasPrefix("Aydar Nuriev|2019|ES|") })
        #expect(lines.contains { $0.hasPrefix("Aydar Nuriev|2019|BE|") })
    }

    @Test func coordinatedCountriesAreEachAPlace() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Season 2011

            In 2011 Tanner Foust won the rounds in Portugal and Sweden.
            """)
        #expect(lines.contains { $0.hasPrefix("Tanner Foust|2011|PT|") })
        #expect(lines.contains { $0.hasPrefix("Tanner Foust|2011|SE|") })
    }

    @Test func victoriesCountedOutByPlaceAreWins() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Season 2019

            Robin Larsson had a fine 2019. His victories came at Höljes, Lohéac and Barcelona.
            """)
        for country in ["SE", "FR", "ES"] {
            #expect(lines.contains { $0.hasPrefix("Robin Larsson|2019|\(country)|") })
        }
    }

    @Test func countedWinsNameNoEvent() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Season 2019

            Robin Larsson had a fine 2019, with three wins in Sweden.
            """)
        #expect(!lines.contains { $0.hasPrefix("Robin Larsson|2019|SE|") })
    }

    @Test func gappedSubjectsWithTheirOwnPlaces() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Season 2015

            In 2015 Petter Solberg was fast everywhere. Three rounds gave three winners: Johan \
            Kristoffersson won in Portugal, Solberg in Germany and finally Toomas Heikkinen in Belgium.
            """)
        #expect(lines.contains { $0.hasPrefix("Johan Kristoffersson|2015|PT|") })
        #expect(lines.contains { $0.hasPrefix("Petter Solberg|2015|DE|") })
        #expect(lines.contains { $0.hasPrefix("Toomas Heikkinen|2015|BE|") })
    }

    @Test func bothNounsLeftOutStillGapTheSubject() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Mettet 2015

            At Mettet in 2015 there were two semi-finals. Mattias Ekström won the first and Timmy Hansen the second.
            """)
        #expect(lines.contains("Mattias Ekström|2015|BE|semi-final|1"))
        #expect(lines.contains("Timmy Hansen|2015|BE|semi-final|1"))
    }

    @Test func aCarDrivenByADriverPlacesTheDriver() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Mettet 2015

            At Mettet in 2015 the second Polo of the Marklund team, driven by Per-Gunnar Andersson, was fourth.
            """)
        #expect(lines.contains("Per-Gunnar Andersson|2015|BE|final|4"))
        #expect(!lines.contains { $0.hasPrefix("Anton Marklund") })
    }

    @Test func aPlacingInAppositionIsTheNamesOwn() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Kouvola 2014

            At Kouvola in 2014 Toomas Heikkinen, fifth after qualifying, and Joni-Pekka Rajala, eighth, \
            were the fastest Finns.
            """)
        #expect(lines.contains("Toomas Heikkinen|2014|FI|qualifying|5"))
        #expect(lines.contains("Joni-Pekka Rajala|2014|FI|qualifying|8"))
    }

    @Test func anInvertedPlacingAfterACommaIsNotInApposition() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Kouvola 2014

            At Kouvola in 2014 the final went to Tanner Foust, second was Andreas Bakkerud.
            """)
        #expect(!lines.contains("Tanner Foust|2014|FI|final|2"))
    }

    @Test func aWinInAppositionIsTheNamesOwn() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Kouvola 2014

            At Kouvola in 2014 Petter Solberg beat Reinis Nitišs, winner of the round at Hell, in the final.
            """)
        #expect(lines.contains { $0.hasPrefix("Reinis Nitišs|2014|NO|") })
        #expect(!lines.contains { $0.hasPrefix("Petter Solberg|2014|NO|") })
        // The apposition's place is not where the sentence's own result happened.
        let second = try ResultsReaderTests.lines(
            """
            Kouvola 2014

            At Kouvola in 2014 Reinis Nitišs, winner of the round at Hell, was second.
            """)
        #expect(second.contains("Reinis Nitišs|2014|FI|final|2"))
    }

    @Test func aPassiveLeadAndOnlyFourth() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Kouvola 2014

            At Kouvola in 2014 the intermediate classification was headed by Andreas Bakkerud from \
            Anton Marklund and Reinis Nitišs, with Tanner Foust only fourth.
            """)
        #expect(lines.contains("Andreas Bakkerud|2014|FI|qualifying|1"))
        #expect(lines.contains("Anton Marklund|2014|FI|qualifying|2"))
        #expect(lines.contains("Reinis Nitišs|2014|FI|qualifying|3"))
        #expect(lines.contains("Tanner Foust|2014|FI|qualifying|4"))
    }
}

/// Who an unknown name is; the texts are written for these tests.
@Suite struct UnknownNameTests {
    @Test func aDescriptionAfterAnArticleIsNotPartOfTheName() throws {
        let record = try ResultsReaderTests.record(
            """
            Mettet 2016

            At Mettet in 2016 the Kenyan Tejas Hirani was fifth in the final.
            """)
        #expect(record.results.map(\.driver) == ["Tejas Hirani"])
    }
}
