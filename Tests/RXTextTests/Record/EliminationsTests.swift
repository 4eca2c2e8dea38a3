import Testing

@testable import RXText

/// Drivers who went out before a stage, named by the stage they did not reach; the texts are
/// written for these tests.
@Suite struct EliminationsTests {
    @Test func missingTheFinalIsGoingOutInTheSemiFinals() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Mettet 2014

            At Mettet in 2014 Petter Solberg won, and Reinis Nitišs also missed the final.
            """)
        #expect(lines.contains("Reinis Nitišs|2014|BE|semi-final|did-not-qualify"))
    }

    @Test func aListThatDidNotReachTheSemiFinalsWentOutInQualifying() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Mettet 2014

            At Mettet in 2014 Petter Solberg won. Kevin Eriksson and Timo Scheider did not reach the semi-finals.
            """)
        #expect(lines.contains("Kevin Eriksson|2014|BE|qualifying|did-not-qualify"))
        #expect(lines.contains("Timo Scheider|2014|BE|qualifying|did-not-qualify"))
    }

    @Test func aNegatedSubjectWithItsListAndTheTopTwelve() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Mettet 2014

            At Mettet in 2014 Petter Solberg won. None of the local drivers, Koen Pauwels, Jos Jansen \
            and Ronny Scheveneels, got into the top twelve.
            """)
        for driver in ["Koen Pauwels", "Jos Jansen", "Ronny Scheveneels"] {
            #expect(lines.contains("\(driver)|2014|BE|qualifying|did-not-qualify"))
        }
    }

    @Test func reachingTheFinalIsNoElimination() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Mettet 2014

            At Mettet in 2014 Petter Solberg won. Kevin Eriksson and Timo Scheider reached the final.
            """)
        #expect(!lines.contains { $0.hasSuffix("did-not-qualify") })
    }

    @Test func eliminatedObjectsWentOutAtTheStageRead() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Estering 2016

            At the Estering in 2016 Petter Solberg won the first semi-final, a result that eliminated \
            Timmy Hansen, Sébastien Loeb and Toomas Heikkinen.
            """)
        for driver in ["Timmy Hansen", "Sébastien Loeb", "Toomas Heikkinen"] {
            #expect(lines.contains("\(driver)|2016|DE|semi-final|did-not-qualify"))
        }
    }

    @Test func aFailureOnTheWayToTheFinalIsInTheSemiFinals() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Mettet 2014

            At Mettet in 2014 Petter Solberg won. A puncture kept Jacques Villeneuve out of the final.
            """)
        #expect(lines.contains("Jacques Villeneuve|2014|BE|semi-final|puncture"))
        #expect(!lines.contains("Jacques Villeneuve|2014|BE|final|puncture"))
    }

    @Test func aNegatedSubjectWithNoNameIsNoOnesResult() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Riga 2016

            At Riga in 2016 neither title contender reached the final, and it was Sondre Evjen who won.
            """)
        #expect(!lines.contains { $0.hasSuffix("did-not-qualify") })
    }

    @Test func aListLeftBehindWentOutAtTheStageRead() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Estering 2016

            At the Estering in 2016 the first semi-final went to Petter Solberg, with Timmy Hansen, \
            Sébastien Loeb and Toomas Heikkinen the unlucky three left behind.
            """)
        for driver in ["Timmy Hansen", "Sébastien Loeb", "Toomas Heikkinen"] {
            #expect(lines.contains("\(driver)|2016|DE|semi-final|did-not-qualify"))
        }
    }

    @Test func oneDriverLeftBehindAtTheStartIsNoElimination() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Estering 2016

            At the Estering in 2016 Timmy Hansen was left behind at the start of the final.
            """)
        #expect(!lines.contains { $0.hasSuffix("did-not-qualify") })
    }
}
