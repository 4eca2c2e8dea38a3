/// What one race can hold, applied to the results read from an article: one driver has one
/// position in a final, an event or the standings, and one position there belongs to one driver.
/// A race is its season, event, round, stage, class and series (World RX and Euro RX finals at
/// one venue are two races).
/// Where readings disagree the better-attributed one stays (a results list over a pronoun);
/// repeated readings of the same result are one.
///
/// Heats and semi-finals are several races each, so only repeats are merged there; so are a
/// review's rounds when a country holds several (a national series) and the round is not known.
enum ResultConsistency {
    static func resolve(_ candidates: [ResultAttribution.Candidate], oneEvent: Bool) -> [ResultAttribution.Candidate] {
        // Best first, the text's order among equals.
        let ranked = candidates.enumerated().sorted { a, b in
            a.element.confidence != b.element.confidence
                ? a.element.confidence > b.element.confidence : a.offset < b.offset
        }
        var kept: [(offset: Int, candidate: ResultAttribution.Candidate)] = []
        var seen: Set<String> = []
        var positionOf: [String: Int] = [:]
        var holderOf: [String: String] = [:]
        for (offset, candidate) in ranked {
            let race =
                "\(candidate.season ?? 0)|\(candidate.event ?? "")|\(candidate.round ?? 0)|\(candidate.stage.rawValue)|\(candidate.raceClass ?? "")|\(candidate.interim)|\(candidate.series ?? -1)"
            let key = "\(candidate.driver.name)|\(race)|\(candidate.position ?? 0)|\(candidate.outcome?.rawValue ?? "")"
            guard seen.insert(key).inserted else { continue }
            let single =
                candidate.stage == .standings
                || ([.final, .event].contains(candidate.stage) && (oneEvent || candidate.round != nil))
            if single, let position = candidate.position {
                let driverKey = "\(candidate.driver.name)|\(race)"
                let placeKey = "\(race)|\(position)"
                if let other = positionOf[driverKey], other != position { continue }
                if let other = holderOf[placeKey], other != candidate.driver.name { continue }
                positionOf[driverKey] = position
                holderOf[placeKey] = candidate.driver.name
            }
            kept.append((offset, candidate))
        }
        return Self.withoutMadeUpHeats(
            Self.withoutCausesOfRetirements(kept.sorted { $0.offset < $1.offset }.map(\.candidate)))
    }

    /// A heat the driver did not finish ("retired from Q1") is his qualifying result only when
    /// nothing else is told of his weekend: a place in qualifying or a result in a later stage
    /// of the same event means the other heats made up for it.
    static func withoutMadeUpHeats(_ candidates: [ResultAttribution.Candidate]) -> [ResultAttribution.Candidate] {
        candidates.filter { heat in
            !heat.inOneHeat
                || !candidates.contains { other in
                    !other.inOneHeat && sameEvent(other, heat)
                        && ((other.stage == .qualifying && other.position != nil)
                            || [.semiFinal, .final].contains(other.stage))
                }
        }
    }

    /// "retired with two punctures" is one result, the retirement: the puncture read from the
    /// same words is its cause, not a second outcome of that driver in that race. A puncture
    /// told apart from a retirement ("a puncture in the heats ... retired in the final") stays.
    static func withoutCausesOfRetirements(_ candidates: [ResultAttribution.Candidate]) -> [ResultAttribution.Candidate]
    {
        let retirements = candidates.filter { $0.outcome == .retired }
        return candidates.filter { candidate in
            candidate.outcome != .puncture
                || !retirements.contains {
                    sameEvent($0, candidate) && $0.stage == candidate.stage && $0.evidence.overlaps(candidate.evidence)
                }
        }
    }

    /// The same driver at the same event: season, event, round, class and series.
    private static func sameEvent(_ a: ResultAttribution.Candidate, _ b: ResultAttribution.Candidate) -> Bool {
        a.driver.name == b.driver.name && a.season == b.season && a.event == b.event && a.round == b.round
            && a.raceClass == b.raceClass && a.series == b.series
    }
}
