import RXText

/// Each driver's season in each championship from the reviewed articles, for the summary's timelines: per round the
/// final's result (the event's where no final is stated) with the editors' decisions applied.
/// A result an editor accepted, corrected or added is verified; one not decided yet is shown
/// hollow; a rejected one is gone. Where two articles give one round, a verified result wins,
/// then the first article's.
enum SeasonTimelines {
    struct Source {
        var record: RaceRecord
        var actions: [ResultAction?]
    }

    static func build(_ sources: [Source]) -> [SVGSeasonTimeline] {
        /// A driver's season in one championship: two series have two calendars.
        struct Key: Hashable {
            var driver: String
            var season: Int
            var championship: String?
        }
        var charts: [Key: SVGSeasonTimeline] = [:]
        var stages: [Key: [Int: Stage]] = [:]
        for source in sources {
            let record = source.record
            for (result, action) in zip(record.results, source.actions) {
                guard result.stage == .final || result.stage == .event, let season = result.season,
                    let round = round(of: result, in: record),
                    result.position != nil || (result.outcome != nil && result.outcome != .finished)
                else { continue }
                let key = Key(
                    driver: result.driverID ?? "name:" + ICU.fold(result.driver), season: season,
                    championship: record.championship)
                let point = SVGSeasonTimeline.Point(
                    round: round, position: result.position, outcome: result.outcome, verified: action != nil)
                var chart =
                    charts[key]
                    ?? SVGSeasonTimeline(
                        driver: result.driver, season: season, championship: record.championship, rounds: 0,
                        points: [])
                if season == record.season { chart.rounds = max(chart.rounds, record.events.count) }
                if let index = chart.points.firstIndex(where: { $0.round == round }) {
                    let old = chart.points[index]
                    let better =
                        (point.verified && !old.verified)
                        || (point.verified == old.verified && result.stage == .final && stages[key]?[round] == .event)
                    if better {
                        chart.points[index] = point
                        stages[key, default: [:]][round] = result.stage
                    }
                } else {
                    chart.points.append(point)
                    stages[key, default: [:]][round] = result.stage
                }
                charts[key] = chart
            }
        }
        return charts.values.sorted {
            ($0.season, ICU.fold($0.driver), $0.championship ?? "") < (
                $1.season, ICU.fold($1.driver), $1.championship ?? ""
            )
        }
    }

    /// The round a result names, else the one calendar round in its event's country.
    static func round(of result: RaceRecord.Result, in record: RaceRecord) -> Int? {
        if let round = result.round { return round }
        guard let event = result.event, result.season == record.season else { return nil }
        let rounds = record.events.filter { $0.country == event }
        return rounds.count == 1 ? rounds[0].round : nil
    }
}
