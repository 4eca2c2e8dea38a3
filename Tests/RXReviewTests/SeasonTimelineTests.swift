import Foundation
import Testing

@testable import RXReview
@testable import RXText

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The summary's season timelines: positions map to coordinates, every text is escaped, a season
/// without results is still a chart, and the timelines are built from the decided results.
@Suite struct SeasonTimelineTests {
    typealias Point = SVGSeasonTimeline.Point

    static let chart = SVGSeasonTimeline(
        driver: "Koen Pauwels", season: 2014, rounds: 5,
        points: [
            Point(round: 1, position: 1, outcome: nil, verified: true),
            Point(round: 3, position: 4, outcome: nil, verified: true),
            Point(round: 2, position: nil, outcome: .retired, verified: true),
            Point(round: 4, position: 2, outcome: nil, verified: false),
            Point(round: 5, position: nil, outcome: .didNotStart, verified: true),
        ])

    @Test func positionsMapToCoordinates() {
        let svg = Self.chart.render()
        // x = 30 + 24 per round, y = 12 + 6 per place; a round not finished sits below place 8.
        #expect(svg.contains(#"<circle class="verified" cx="30" cy="12" r="3.5""#))
        #expect(svg.contains(#"<circle class="verified" cx="78" cy="30" r="3.5""#))
        #expect(svg.contains(##"<circle class="unverified" cx="102" cy="18" r="3.5" fill="#ffffff""##))
        #expect(svg.contains(#"<path class="verified not-finished" d="M51 65L57 71M57 65L51 71""#))
        #expect(svg.contains(#"<rect class="verified not-started" x="123" y="65""#))
        // The line joins the verified finishes only, in round order.
        #expect(svg.contains(#"<polyline points="30,12 78,30""#))
        #expect(svg.contains(#"width="138" height="90" viewBox="0 0 138 90""#))
        #expect(
            Self.chart.label
                == "Koen Pauwels, 2014: final by round: round 1 1st; round 2 retired; round 3 4th; "
                + "round 4 2nd (unverified); round 5 did not start")
        #expect(svg.contains("<title>Round 4: 2nd (unverified)</title>"))
        #expect(svg.contains(#"role="img" aria-label="Koen Pauwels, 2014: final by round: round 1 1st;"#))
    }

    @Test func aLowFinishStretchesThePlaces() {
        let chart = SVGSeasonTimeline(
            driver: "A", season: 2018, rounds: 2, points: [Point(round: 2, position: 12, outcome: nil, verified: true)])
        #expect(chart.lowestPlace == 12)
        #expect(chart.render().contains(#"cx="54" cy="78""#))
        #expect(chart.label == "A, 2018: final by round: round 2 12th; no result in round 1")
    }

    @Test func everyTextIsEscaped() throws {
        let chart = SVGSeasonTimeline(
            driver: "<script>window.pwned=1</script> & \"Bo\" 'x'", season: 2018, rounds: 1,
            points: [Point(round: 1, position: 3, outcome: nil, verified: true)])
        let svg = chart.render()
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;window.pwned=1&lt;/script&gt; &amp; &quot;Bo&quot; &#39;x&#39;"))
        // Well-formed XML: the page parses it as such.
        let parsed = try XMLDocument(xmlString: svg)
        #expect(parsed.rootElement()?.name == "svg")
        #expect(parsed.rootElement()?.elements(forName: "script").isEmpty == true)
    }

    @Test func anEmptySeasonIsAnEmptyChart() {
        let chart = SVGSeasonTimeline(driver: "Koen Pauwels", season: 2014, rounds: 0, points: [])
        let svg = chart.render()
        #expect(chart.label == "Koen Pauwels, 2014: final by round: no result")
        #expect(!svg.contains("<circle") && !svg.contains("<polyline"))
        #expect(svg.hasPrefix("<svg ") && svg.hasSuffix("</svg>"))
    }

    /// Rounds from the calendar, a rejected result gone, a decided one verified, an undecided one not.
    @Test func timelinesAreBuiltFromTheDecidedResults() {
        func result(_ driver: String, event: String, position: Int?, round: Int? = nil) -> RaceRecord.Result {
            RaceRecord.Result(
                driver: driver, driverID: nil, raceClass: nil, season: 2018, event: event, round: round, stage: .final,
                position: position, outcome: position == nil ? .retired : nil, cause: nil,
                evidence: .init(start: 0, end: 1, text: "x"), confidence: 1)
        }
        func event(_ round: Int, _ country: String) -> RaceRecord.Event {
            RaceRecord.Event(round: round, country: country, venue: "", town: "", month: 1, day: 1, mentioned: true)
        }
        var record = RaceRecord(
            season: 2018, championship: nil, raceClass: nil, subject: nil,
            events: [event(1, "ES"), event(2, "PT"), event(3, "BE")], results: [], mentions: [])
        record.results = [
            result("Koen Pauwels", event: "PT", position: 2), result("Koen Pauwels", event: "BE", position: nil),
            result("Ann Other", event: "ES", position: 5),
        ]
        let charts = SeasonTimelines.build([.init(record: record, actions: [.accept, nil, .correct])])
        #expect(charts.map(\.driver) == ["Ann Other", "Koen Pauwels"])
        #expect(charts[1].rounds == 3)
        #expect(
            charts[1].points == [
                Point(round: 2, position: 2, outcome: nil, verified: true),
                Point(round: 3, position: nil, outcome: .retired, verified: false),
            ])
        #expect(charts[0].points == [Point(round: 1, position: 5, outcome: nil, verified: true)])
    }
}
