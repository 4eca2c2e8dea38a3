import Testing

@testable import RXText

/// Placings a phrase states ("completed the podium", "the winner was", "topped qualifying", "went
/// no further than the semi-finals", "EM-fourth"); the texts are written for these tests.
@Suite struct PlacingPhrasesTests {
    @Test func completingThePodiumIsThirdInTheFinal() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Mettet 2015

            At Mettet in 2015 Petter Solberg led the points, and the podium was completed by the \
            Latvian Reinis Nitišs. A year earlier Timmy Hansen completed the podium at Mettet.
            """)
        #expect(lines.contains("Reinis Nitišs|2015|BE|final|3"))
        #expect(lines.contains("Timmy Hansen|2014|BE|final|3"))
    }

    @Test func theWinnerWasNamesTheWinnerAfterTheVerb() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Riga 2019

            In Riga in 2019 the winner was Jean-Baptiste Dubourg.
            """)
        #expect(lines == ["Jean-Baptiste Dubourg|2019|LV|final|1"])
    }

    @Test func aWinThatWentToADriverIsHis() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Riga 2019

            The win in the World RX race in Riga in 2019 went to the Swede Timmy Hansen.
            """)
        #expect(lines == ["Timmy Hansen|2019|LV|final|1"])
    }

    @Test func toppingQualifyingIsFirstInQualifying() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Estering 2016

            At the Estering in 2016 Kasparas Navickas won two heats and topped qualifying.
            """)
        #expect(lines == ["Kasparas Navickas|2016|DE|qualifying|1"])
    }

    @Test func anEliminationBelongsToTheNameBeforeARelativeClause() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Höljes 2019

            At Höljes in 2019 Timmy Hansen won his semi-final, while René Münnich, who raced alongside \
            Mandie August, went no further than the semi-finals.
            """)
        #expect(lines.contains("René Münnich|2019|SE|semi-final|did-not-qualify"))
        #expect(!lines.contains { $0.hasPrefix("Timmy Hansen") && $0.hasSuffix("did-not-qualify") })
    }

    @Test func anOrdinalHyphenatedToAChampionshipIsAStandingsPlace() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Rajala 2015

            In 2015 Joni-Pekka Rajala drove to EM-fourth with a Saab.
            """)
        #expect(lines == ["Joni-Pekka Rajala|2015|-|standings|4"])
    }
}

/// What "round" means depends on the text: an event in English, a heat (erä) in translated
/// Finnish; and a report that names no year is dated by the calendars.
@Suite struct RoundAndSeasonTests {
    @Test func aRoundInEnglishIsTheEvent() throws {
        let lines = ResultsReaderTests.lines(
            try ResultsReaderTests.record(
                """
                Höljes 2019

                In 2019 Robin Larsson added the Höljes round, and Timmy Hansen won the second round at Mettet.
                """))
        #expect(lines.contains("Robin Larsson|2019|SE|event|1"))
        #expect(lines.contains("Timmy Hansen|2019|BE|event|1"))
        #expect(!lines.contains { $0.contains("qualifying") })
    }

    @Test func anOrdinalRoundInTranslatedFinnishIsAHeat() throws {
        let lines = ResultsReaderTests.lines(
            try ResultsReaderTests.record(
                """
                Höljes 2019

                The rallicross MM-series came to Höljes in 2019. Timmy Hansen won the second round and \
                then the final, and the prize pool went to Andreas Bakkerud.
                """))
        // The round is a heat (one race of qualifying: no place of its own), so the final is a
        // second stage, not the same event.
        #expect(lines.contains("Timmy Hansen|2019|SE|final|1"))
        #expect(!lines.contains { $0.hasPrefix("Timmy Hansen|2019|SE|event") })
    }

    @Test func aReportWithoutItsYearIsDatedByTheCalendar() throws {
        let record = try ResultsReaderTests.record(
            """
            Foust wins at Kouvola

            Tanner Foust won the World RX of Finland at Kouvola, the first round of the new FIA World \
            Rallycross Championship held in Finland. Jacques Villeneuve, the 1997 Formula One world \
            champion, was ninth.
            """)
        #expect(record.season == 2014)
        #expect(ResultsReaderTests.lines(record).contains("Tanner Foust|2014|FI|final|1"))
    }
}

/// The record names a driver the text renders word for word by the surname the linter recovers.
@Suite struct RenamedSurnameTests {
    @Test(
        .enabled(
            if: SourceLanguageTests.tools.has(.morphology) && SourceLanguageTests.tools.has(.dictionary),
            Comment(rawValue: SourceLanguageTests.noVoikko)))
    func aSurnameCalqueNamesTheRealDriver() throws {
        let text = """
            Rallycross 2019

            In the Finnish rallycross championship in 2019 Ari-Pekka Cape was sixth in the points, \
            and Jere Kalliokoski won.
            """
        let document = try Document(bytes: Array(text.utf8), path: "renamed.txt")
        let extraction = Extraction(document: document, engine: TestLexicon.engine)
        #expect(extraction.flags.contains { $0.rule == "calque.surname" })
        #expect(extraction.record.results.contains { $0.driver == "Ari-Pekka Niemi" && $0.position == 6 })
        #expect(!extraction.record.results.contains { $0.driver.contains("Cape") })
    }
}

/// `rxtext glossary suggest`: the drivers a corpus names that the glossary does not know.
@Suite struct GlossarySuggestionsTests {
    @Test func unknownDriversAreListedWithCountsNationalityAndWhereSeen() throws {
        var suggestions = GlossarySuggestions()
        suggestions.add(
            try TestLexicon.annotate(
                """
                Mettet 2014

                The Belgian Koen Pauwels was ninth in the final at Mettet, and Ashley Haigh-Smith was tenth. \
                Pauwels had been fourth in his heat. Petter Solberg won.
                """))
        let list = suggestions.suggestions
        #expect(list.map(\.name) == ["Koen Pauwels", "Ashley Haigh-Smith"])
        #expect(list.first?.mentions == 2)
        #expect(list.first?.nationality == "BEL")
        let yaml = suggestions.yaml(files: 1)
        #expect(yaml.contains("  - id: koen-pauwels\n    name: Koen Pauwels\n    nationality: BEL"))
        #expect(yaml.contains("  - id: ashley-haigh-smith"))
        #expect(!yaml.contains("Solberg"))
    }
}

/// Races that went to a driver, venues taken, the top of a classification, and a role for a driver.
@Suite struct RaceAndRoleTests {
    @Test func aSemiFinalThatWentToADriverIsHisWinWithTheOthersBehind() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Estering 2016

            At the Estering in 2016 the first semi-final went to Petter Solberg ahead of Kevin Hansen \
            and Andreas Bakkerud.
            """)
        #expect(
            lines == [
                "Petter Solberg|2016|DE|semi-final|1", "Kevin Hansen|2016|DE|semi-final|2",
                "Andreas Bakkerud|2016|DE|semi-final|3",
            ])
    }

    @Test func theTopOfAClassificationIsFirstThere() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Mettet 2015

            At Mettet in 2015 Johan Kristoffersson was the top of the intermediate classification \
            before Petter Solberg and Toomas Heikkinen.
            """)
        #expect(lines.contains("Johan Kristoffersson|2015|BE|qualifying|1"))
        #expect(lines.contains("Toomas Heikkinen|2015|BE|qualifying|3"))
    }

    @Test func takingAVenueIsWinningThere() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Euro RX 2019

            In 2019 Marius Bermingrud took Höljes, and Robin Larsson added the Lohéac round.
            """)
        #expect(lines.contains("Marius Bermingrud|2019|SE|final|1"))
        #expect(lines.contains { $0.hasPrefix("Robin Larsson|2019|FR|") && $0.hasSuffix("|1") })
    }

    @Test func theChampionshipLeaderIsTheDriverReadFirstInTheStandings() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Euro RX 2019

            Robin Larsson led the standings in 2019. At the Estering Thomas Bryntesson won, and the \
            championship leader had to settle for second.
            """)
        #expect(lines.contains("Robin Larsson|2019|DE|final|2"))
        #expect(!lines.contains { $0.hasPrefix("Thomas Bryntesson") && $0.contains("standings") })
    }
}
