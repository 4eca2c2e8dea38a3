import Testing

@testable import RXText

/// The results reader stage by stage, on short articles written for these tests (real drivers and
/// venues of the glossaries; the results are only what each text says).
@Suite struct ResultsReaderTests {
    static func record(_ text: String, minConfidence: Double = RecordBuilder.defaultMinConfidence) throws
        -> RaceRecord
    {
        RecordBuilder(minConfidence: minConfidence).build(try TestLexicon.annotate(text))
    }

    /// The lines of `text`'s record: what most suites of `Record/` compare.
    static func lines(_ text: String) throws -> [String] { lines(try record(text)) }

    /// "driver|season|event|stage|position-or-outcome" of each result, in text order.
    static func lines(_ record: RaceRecord) -> [String] {
        record.results.map { result in
            let what = result.position.map(String.init) ?? result.outcome?.rawValue ?? "-"
            return "\(result.driver)|\(result.season.map(String.init) ?? "-")|\(result.event ?? "-")|"
                + "\(result.stage.rawValue)|\(what)"
        }
    }

    // MARK: Frame

    @Test func headlineYearBeatsACareerHistory() throws {
        let record = try Self.record(
            """
            Kristoffersson wins at Höljes in 2019

            Johan Kristoffersson won the final at Höljes. He had been champion in 2017 and 2018, and \
            runner-up in 2016, and raced in 2014 and 2015.
            """)
        #expect(record.season == 2019)
        #expect(Self.lines(record).first == "Johan Kristoffersson|2019|SE|final|1")
    }

    @Test func aOneEventReportKeepsItsEventThroughPassingCountries() throws {
        let record = try Self.record(
            """
            Solberg wins at Mettet

            Petter Solberg won the World RX of Belgium at Mettet in 2015. The Norwegian led from the \
            start of the final.

            Andreas Bakkerud was third in the final. The championship moves on to Sweden next.
            """)
        #expect(Self.lines(record).contains("Andreas Bakkerud|2015|BE|final|3"))
        #expect(!record.results.contains { $0.event == "NO" || $0.event == "SE" })
    }

    // MARK: Drivers

    @Test func aDriverTheGlossaryDoesNotKnowIsStillRead() throws {
        let record = try Self.record(
            """
            Mettet 2014

            Koen Pauwels was ninth in the final at Mettet in 2014. Pauwels had been fourth in his semi-final.
            """)
        #expect(Self.lines(record) == ["Koen Pauwels|2014|BE|final|9", "Koen Pauwels|2014|BE|semi-final|4"])
        #expect(record.results.allSatisfy { $0.driverID == nil })
    }

    @Test func coordinatedPlacingsBelongToTheNamesBesideThem() throws {
        let record = try Self.record(
            """
            Höljes 2019

            At Höljes in 2019 Johan Kristoffersson won the final, with Timmy Hansen's Peugeot second \
            and Niclas Grönholm third.
            """)
        #expect(
            Self.lines(record) == [
                "Johan Kristoffersson|2019|SE|final|1", "Timmy Hansen|2019|SE|final|2",
                "Niclas Grönholm|2019|SE|final|3",
            ])
        #expect(record.results.allSatisfy { $0.driverID != nil })
    }

    @Test func aPronounIsTheDriverLastInSubjectPositionNotTheArticlesSubject() throws {
        let record = try Self.record(
            """
            Kristoffersson at Höljes

            Johan Kristoffersson won the final at Höljes in 2019. Johan Kristoffersson had led every \
            session. Timmy Hansen was fourth in the final. He was second in his semi-final.
            """)
        #expect(Self.lines(record).contains("Timmy Hansen|2019|SE|semi-final|2"))
        #expect(!Self.lines(record).contains("Johan Kristoffersson|2019|SE|semi-final|2"))
    }

    @Test func aPassiveWinNamesItsWinnersAfterTheVerb() throws {
        let record = try Self.record(
            """
            Höljes 2019

            The semi-finals at Höljes in 2019 were won by Timmy Hansen and Niclas Grönholm.
            """)
        #expect(
            Self.lines(record) == ["Timmy Hansen|2019|SE|semi-final|1", "Niclas Grönholm|2019|SE|semi-final|1"])
    }

    // MARK: Lists

    @Test func aNumberedListIsReadWithItsLabelAsTheStage() throws {
        let record = try Self.record(
            """
            Mettet 2014

            The World RX of Belgium was held at Mettet in 2014.

            Final: 1. Johan Kristoffersson (Volkswagen Polo), 2. Timmy Hansen (Peugeot 208), 3. Petter Solberg (Citroën DS3).
            """)
        #expect(
            Self.lines(record) == [
                "Johan Kristoffersson|2014|BE|final|1", "Timmy Hansen|2014|BE|final|2",
                "Petter Solberg|2014|BE|final|3",
            ])
        #expect(record.results.allSatisfy { $0.confidence >= 0.9 })
    }

    // MARK: Filters

    @Test func countsHypotheticalsAndNegationsAreNotResults() throws {
        let record = try Self.record(
            """
            Höljes 2019

            At Höljes in 2019 Timmy Hansen could have won the final. Petter Solberg did not win either. \
            It was his third title attempt, and Andreas Bakkerud hoped to finish second.
            """)
        #expect(record.results.isEmpty, "\(Self.lines(record))")
    }

    // MARK: Stage

    @Test func theStageIsTheOneOfTheCuesClause() throws {
        let record = try Self.record(
            """
            Höljes 2019

            At Höljes in 2019 Timmy Hansen was fourth in the heats, but Niclas Grönholm was second in the final.
            """)
        #expect(
            Self.lines(record) == ["Timmy Hansen|2019|SE|qualifying|4", "Niclas Grönholm|2019|SE|final|2"])
    }

    @Test func leadingThePointsIsFirstInTheStandings() throws {
        let record = try Self.record(
            """
            Season 2019

            After Höljes in 2019 Johan Kristoffersson led the standings.
            """)
        #expect(Self.lines(record) == ["Johan Kristoffersson|2019|-|standings|1"])
    }

    // MARK: Consistency and confidence

    @Test func oneRaceHoldsOnePositionPerDriver() throws {
        let record = try Self.record(
            """
            Mettet 2015

            Petter Solberg won the final at Mettet in 2015. Final: 1. Petter Solberg, 2. Timmy Hansen, \
            3. Andreas Bakkerud. Timmy Hansen was third in the final.
            """)
        let hansen = record.results.filter { $0.driver == "Timmy Hansen" && $0.stage == .final }
        #expect(hansen.map(\.position) == [2])
    }

    @Test func minConfidenceLeavesOutWeakReadings() throws {
        let text = """
            Mettet 2015

            Petter Solberg won the final at Mettet in 2015. Final: 1. Petter Solberg, 2. Timmy Hansen, \
            3. Andreas Bakkerud.
            """
        let all = try Self.record(text, minConfidence: 0)
        let strict = try Self.record(text, minConfidence: 0.9)
        #expect(strict.results.count < all.results.count || all.results.allSatisfy { $0.confidence >= 0.9 })
        #expect(strict.results.allSatisfy { $0.confidence >= 0.9 })
        #expect(!strict.results.isEmpty)
    }
}

@Suite struct ResultsReaderWordOrderTests {
    @Test func anInvertedPlacingNamesItsDriverAfterTheVerb() throws {
        let record = try ResultsReaderTests.record(
            """
            Höljes 2019

            At Höljes in 2019 Johan Kristoffersson won the final. Fourth drove Kevin Hansen, and fifth came \
            the Norwegian Andreas Bakkerud.
            """)
        let lines = ResultsReaderTests.lines(record)
        #expect(lines.contains("Kevin Hansen|2019|SE|final|4"))
        #expect(lines.contains("Andreas Bakkerud|2019|SE|final|5"))
    }

    @Test func aTopSixPlaceWithoutAStageIsTheFinals() throws {
        let record = try ResultsReaderTests.record(
            """
            Höljes 2019

            At Höljes in 2019 Johan Kristoffersson won, and Timmy Hansen was third.
            """)
        #expect(ResultsReaderTests.lines(record).contains("Timmy Hansen|2019|SE|final|3"))
    }
}
