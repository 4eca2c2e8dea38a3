import Testing

@testable import RXText

/// Which stage a result belongs to when the sentence names more than one, and the translated
/// genitive "sixth of the qualifying"; the texts are written for these tests.
@Suite struct StageReadingTests {
    @Test func aPlacingOfAStageIsThatStagesPlacing() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Kouvola 2014

            At Kouvola in 2014 Toomas Heikkinen was sixth of the qualifying.
            """)
        #expect(lines.contains("Toomas Heikkinen|2014|FI|qualifying|6"))
    }

    @Test func anOrdinalOfACountIsNoPlacing() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Kouvola 2014

            At Kouvola in 2014 Toomas Heikkinen took the second of his three podiums.
            """)
        #expect(lines.isEmpty)
    }

    @Test func aFailureTakesTheStageNamedAfterItInItsClause() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Kouvola 2014

            At Kouvola in 2014 Jacques Villeneuve was heading for the semi-finals, but a puncture \
            slowed him in the heats.
            """)
        #expect(lines.contains("Jacques Villeneuve|2014|FI|qualifying|puncture"))
        #expect(!lines.contains("Jacques Villeneuve|2014|FI|semi-final|puncture"))
    }

    @Test func aStageTheFailureKeptTheDriverFromIsNotItsStage() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Kouvola 2014

            At Kouvola in 2014 Timur Timerzyanov ran in the semi-finals, and a puncture kept him out of the final.
            """)
        #expect(!lines.contains("Timur Timerzyanov|2014|FI|final|puncture"))
    }

    @Test func aCarInTheBarriersIsARetirement() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Mettet 2015

            At Mettet in 2015 Manfred Stohl was pushed on the first lap of his semi-final and his \
            Fiesta ended in the barriers.
            """)
        #expect(lines.contains("Manfred Stohl|2015|BE|semi-final|retired"))
    }

    @Test func aFormerTitleSeveralWordsBeforeChampionIsNoTitle() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Kouvola 2014

            At Kouvola in 2014 the former Formula 1 world champion Jacques Villeneuve was ninth in the final.
            """)
        #expect(!lines.contains { $0.contains("standings") })
    }

    /// "into the semi-finals in twelfth": the place that took the driver there, in qualifying.
    @Test func aPlaceOnTheWayIntoAStageIsThePlaceOfTheStageBefore() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Höljes 2019

            At Höljes in 2019 Kevin Eriksson scraped into the semi-finals in twelfth.
            """)
        #expect(lines == ["Kevin Eriksson|2019|SE|qualifying|12"])
    }

    /// A paragraph on a semi-final that names where it led ("tickets to the final") goes on with
    /// the semi-final for a failure, and with the final for places after "the pole for the final".
    @Test func aStageNamedAsWhereDriversWentLeadsFailuresBackAndPlacesOn() throws {
        let failure = try ResultsReaderTests.lines(
            """
            Höljes 2019

            In the first semi-final at Höljes in 2019 Timmy Hansen beat Andreas Bakkerud. Behind             them Kevin Hansen and Liam Doran took the other tickets to the final. Jānis Baumanis             was pushed at the start and his Fabia ended in the barriers.
            """)
        #expect(failure.contains("Jānis Baumanis|2019|SE|semi-final|retired"), "\(failure)")
        let places = try ResultsReaderTests.lines(
            """
            Höljes 2019

            At Höljes in 2019 the semi-final win gave Timmy Hansen the pole position for the final.             Andreas Bakkerud was second and Kevin Hansen took third place.
            """)
        #expect(places.contains("Andreas Bakkerud|2019|SE|final|2") && places.contains("Kevin Hansen|2019|SE|final|3"))
    }

    @Test func aFailureOnTheLastLapOfAStageIsInIt() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Höljes 2019

            At Höljes in 2019 Johan Kristoffersson took the title when Timmy Hansen went into the             tyre wall on the last lap of the Höljes final.
            """)
        #expect(lines.contains("Timmy Hansen|2019|SE|final|retired"), "\(lines)")
    }
}

/// Two championships racing at one venue have a final each; the texts are written for these tests.
@Suite struct SeriesContextTests {
    @Test func aSecondSeriesAtTheSameVenueHasItsOwnFinal() throws {
        let lines = ResultsReaderTests.lines(
            try ResultsReaderTests.record(
                """
                Hansen wins at Riga

                Timmy Hansen won the World RX final at Riga in 2019, with Niclas Grönholm second.

                In the Euro RX support race Jean-Baptiste Dubourg won the final.

                His brother Andréa Dubourg came second.
                """))
        #expect(lines.contains("Timmy Hansen|2019|LV|final|1"))
        #expect(lines.contains("Niclas Grönholm|2019|LV|final|2"))
        #expect(lines.contains("Jean-Baptiste Dubourg|2019|LV|final|1"))
        #expect(lines.contains("Andréa Dubourg|2019|LV|final|2"))
    }

    @Test func theSeriesReadCarriesUntilAnotherIsNamedAlone() {
        var context = SeriesContext()
        #expect(context.next(named: [3]) == 3)
        #expect(context.next(named: []) == 3)
        #expect(context.next(named: [5, 3]) == 3)
        #expect(context.next(named: [5]) == 5)
        #expect(context.next(named: [1, 2]) == 1)
        #expect(context.next(named: []) == 5)
    }
}

/// A class named in one clause is that clause's and the later ones'; the texts are written for these tests.
@Suite struct ClausesClassTests {
    @Test func aClassNamedInALaterClauseIsNotTheFirstClauses() throws {
        let record = try ResultsReaderTests.record(
            """
            Estering 2016

            At the Estering in 2016 Mattias Ekström sealed the world title, while Krisztián Szabó \
            sealed the Super1600 title.
            """)
        let classes = Dictionary(record.results.map { ($0.driver, $0.raceClass ?? "-") }) { first, _ in first }
        #expect(classes["Mattias Ekström"] == "-")
        #expect(classes["Krisztián Szabó"] == "Super1600")
    }

    @Test func aClassNamedEarlierInTheSentenceCarriesOn() throws {
        let record = try ResultsReaderTests.record(
            """
            Estering 2016

            At the Estering in 2016 the Super1600 final went to Krisztián Szabó, and Egor Sanin was second.
            """)
        let sanin = record.results.first { $0.driver == "Egor Sanin" }
        #expect(sanin?.raceClass == "Super1600")
    }
}

/// A heat win is one race of qualifying, not its classification; the texts are written for these tests.
@Suite struct HeatWinTests {
    @Test func winningOneHeatIsNotTopOfQualifying() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Mettet 2015

            At Mettet in 2015 Mattias Ekström won Q1 and Timmy Hansen won the third heat.
            """)
        #expect(!lines.contains { $0.contains("|qualifying|1") })
    }

    @Test func winningEveryHeatIsTopOfQualifying() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Hell 2016

            At Hell in 2016 Andreas Bakkerud won all four qualifying races.
            """)
        #expect(lines.contains("Andreas Bakkerud|2016|NO|qualifying|1"))
    }

    @Test func aHeatWinSharedWithTheFinalKeepsTheFinal() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Mettet 2015

            At Mettet in 2015 Andreas Bakkerud won the third heat and then the final.
            """)
        #expect(lines.contains("Andreas Bakkerud|2015|BE|final|1"))
        #expect(!lines.contains("Andreas Bakkerud|2015|BE|qualifying|1"))
    }

    @Test func aPlaceInOneSessionIsNotAQualifyingPlace() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Riga 2016

            At Riga in 2016 Thomas Bryntesson came only seventh in Q3, which dropped him to ninth place.
            """)
        #expect(!lines.contains("Thomas Bryntesson|2016|LV|qualifying|7"))
        #expect(lines.contains("Thomas Bryntesson|2016|LV|qualifying|9"))
    }

    @Test func aCleftNamesWhoToppedQualifying() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Tierp 2018

            At Tierp in 2018 each contender won a heat, but it was Thomas Bryntesson who topped the \
            intermediate classification.
            """)
        #expect(lines.contains("Thomas Bryntesson|2018|SE|qualifying|1"))
    }
}
