import RXText

/// One driver's season as a small inline SVG: a column per round of the calendar, the finishing
/// position as height (first at the top), a line through the verified finishes. A round the
/// driver did not finish is a cross below the places (did not start or qualify: a square), one
/// with no result an empty column. Results no editor has verified are hollow and off the line,
/// so the chart shows what is checked and what is left. Every text is escaped (driver names come
/// from articles), and the numbers are in the title and `aria-label` for those who do not look.
struct SVGSeasonTimeline {
    struct Point: Equatable {
        var round: Int
        /// Nil for a round not finished (`outcome` says how).
        var position: Int?
        var outcome: Outcome?
        var verified: Bool
    }

    var driver: String
    var season: Int
    /// The championship the rounds are of (its calendar), when the articles name it.
    var championship: String? = nil
    /// Rounds of the calendar (the x axis); at least the highest round among `points`.
    var rounds: Int
    var points: [Point]

    static let left = 30
    static let right = 12
    static let top = 12
    static let step = 24
    /// Pixels per place.
    static let place = 6
    static let fewestPlaces = 8

    /// The lowest place the y axis shows: 8, or the lowest finish.
    var lowestPlace: Int { max(Self.fewestPlaces, points.compactMap(\.position).max() ?? 1) }
    var roundCount: Int { max(1, rounds, points.map(\.round).max() ?? 1) }

    func x(round: Int) -> Int { Self.left + (round - 1) * Self.step }
    func y(position: Int) -> Int { Self.top + (position - 1) * Self.place }
    /// Where a round not finished is drawn: below the last place.
    var outY: Int { y(position: lowestPlace) + 14 }
    var width: Int { x(round: roundCount) + Self.right }
    var height: Int { outY + 22 }

    /// What the chart says, in words: every round with a result, then the rounds without.
    var label: String {
        var parts: [String] = []
        var missing: [Int] = []
        for round in 1...roundCount {
            guard let point = points.first(where: { $0.round == round }) else {
                missing.append(round)
                continue
            }
            let what = point.position.map(Self.ordinal) ?? Self.describe(point.outcome)
            parts.append("round \(round) \(what)\(point.verified ? "" : " (unverified)")")
        }
        let series = championship.map { " \($0)" } ?? ""
        var text =
            "\(driver), \(season)\(series): final by round: "
            + (parts.isEmpty ? "no result" : parts.joined(separator: "; "))
        if !missing.isEmpty && !parts.isEmpty {
            text +=
                "; no result in round\(missing.count == 1 ? "" : "s") "
                + missing.map(String.init).joined(separator: ", ")
        }
        return text
    }

    func render() -> String {
        let label = HTMLEscape.text(self.label)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"season\" role=\"img\" aria-label=\"\(label)\" "
            + "width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        svg += "<title>\(label)</title>"
        let axisY = height - 6
        // The places on the left, then a column per round with its number underneath.
        svg += text(x: Self.left - 8, y: y(position: 1) + 3, "1", anchor: "end")
        svg += text(x: Self.left - 8, y: y(position: lowestPlace) + 3, String(lowestPlace), anchor: "end")
        svg += text(x: Self.left - 8, y: outY + 3, "out", anchor: "end")
        for round in 1...roundCount {
            let x = x(round: round)
            svg +=
                "<line x1=\"\(x)\" y1=\"\(y(position: 1))\" x2=\"\(x)\" y2=\"\(outY)\" stroke=\"#d9dde5\" "
                + "stroke-width=\"1\"></line>"
            svg += text(x: x, y: axisY, String(round), anchor: "middle")
        }
        let line = points.filter { $0.verified && $0.position != nil }.sorted { $0.round < $1.round }
        if line.count > 1 {
            let coordinates = line.map { "\(x(round: $0.round)),\(y(position: $0.position!))" }
            svg +=
                "<polyline points=\"\(coordinates.joined(separator: " "))\" fill=\"none\" stroke=\"#2458d6\" "
                + "stroke-width=\"1.5\"></polyline>"
        }
        for point in points.sorted(by: { $0.round < $1.round }) {
            svg += mark(point)
        }
        return svg + "</svg>"
    }

    private func mark(_ point: Point) -> String {
        let x = x(round: point.round)
        let colour = point.verified ? "#2458d6" : "#8c96a8"
        let what = point.position.map(Self.ordinal) ?? Self.describe(point.outcome)
        let title =
            "<title>\(HTMLEscape.text("Round \(point.round): \(what)\(point.verified ? "" : " (unverified)")"))</title>"
        let state = point.verified ? "verified" : "unverified"
        if let position = point.position {
            let fill = point.verified ? colour : "#ffffff"
            return "<circle class=\"\(state)\" cx=\"\(x)\" cy=\"\(y(position: position))\" r=\"3.5\" fill=\"\(fill)\" "
                + "stroke=\"\(colour)\" stroke-width=\"1.5\">\(title)</circle>"
        }
        let y = outY
        if point.outcome == .didNotStart || point.outcome == .didNotQualify {
            return "<rect class=\"\(state) not-started\" x=\"\(x - 3)\" y=\"\(y - 3)\" width=\"6\" height=\"6\" "
                + "fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\">\(title)</rect>"
        }
        return
            "<path class=\"\(state) not-finished\" d=\"M\(x - 3) \(y - 3)L\(x + 3) \(y + 3)M\(x + 3) \(y - 3)L\(x - 3) "
            + "\(y + 3)\" stroke=\"\(colour)\" stroke-width=\"1.5\">\(title)</path>"
    }

    private func text(x: Int, y: Int, _ content: String, anchor: String) -> String {
        "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\" font-size=\"9\" fill=\"#5b6475\">"
            + "\(HTMLEscape.text(content))</text>"
    }

    static func ordinal(_ number: Int) -> String {
        let suffix: String
        switch (number % 10, number % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix)"
    }

    static func describe(_ outcome: Outcome?) -> String {
        switch outcome {
        case .didNotStart: "did not start"
        case .didNotQualify: "did not qualify"
        case .retired: "retired"
        case .puncture: "out with a puncture"
        case .disqualified: "disqualified"
        case .finished, nil: "finished, place not stated"
        }
    }
}
