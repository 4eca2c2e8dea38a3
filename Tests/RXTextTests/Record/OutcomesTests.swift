import Testing

@testable import RXText

/// What one driver's failures in one event add up to (`ResultConsistency`): a puncture that made
/// him retire is the retirement's cause, and a heat he did not finish is his qualifying only when
/// nothing else is told of it. The texts are written for these tests.
@Suite struct OutcomesTests {
    @Test func aRetirementWithAPunctureIsOneResult() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Mettet 2018

            At Mettet in 2018 Andreas Bakkerud went wide in his semi-final and retired with a puncture.
            """)
        #expect(lines == ["Andreas Bakkerud|2018|BE|semi-final|retired"])
    }

    @Test func aHeatRetirementMadeUpForLaterIsNotTheQualifyingResult() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Mettet 2018

            At Mettet in 2018 Niclas Grönholm retired from Q1 after a first-corner tangle. He won \
            Q2 and Q3 and was fourth in the intermediate classification.
            """)
        #expect(lines == ["Niclas Grönholm|2018|BE|qualifying|4"])
    }

    @Test func aHeatRetirementIsTheQualifyingResultWhenNothingElseIsTold() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Mettet 2018

            At Mettet in 2018 Niclas Grönholm retired from Q1 after a first-corner tangle, and his \
            weekend was over.
            """)
        #expect(lines == ["Niclas Grönholm|2018|BE|qualifying|retired"])
    }

    /// "the first of the four qualifying races" is one heat; "fourth of the qualifying" the whole.
    @Test func oneOfTheQualifyingRacesIsOneHeat() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Höljes 2019

            At Höljes in 2019 Kevin Hansen was pushed off in the first of the four qualifying races \
            and did not finish it. Later he was ninth of the qualifying.
            """)
        #expect(lines == ["Kevin Hansen|2019|SE|qualifying|9"])
    }

    /// A puncture in a heat stays: it is how the weekend went, and no classification replaces it.
    @Test func aHeatPunctureStaysBesideTheQualifyingPlace() throws {
        let lines = try ResultsReaderTests.lines(
            """
            Mettet 2018

            At Mettet in 2018 Niclas Grönholm had a puncture in the second heat, but he rose to \
            fourth in the intermediate classification.
            """)
        #expect(lines == ["Niclas Grönholm|2018|BE|qualifying|puncture", "Niclas Grönholm|2018|BE|qualifying|4"])
    }
}
