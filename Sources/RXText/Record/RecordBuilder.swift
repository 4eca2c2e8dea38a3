/// Builds the race record of an annotated article: what the article is about (season,
/// championship, class, subject driver), the season's events from the calendar, and each stated
/// result attributed to a driver, an event and a stage.
public struct RecordBuilder: Sendable {
    /// Below this, a result is more often wrong than right on text the team did not write (a
    /// pronoun resolved to whoever the text was last about, with no name in the sentence).
    public static let defaultMinConfidence = 0.5

    public let minConfidence: Double

    public init(minConfidence: Double = RecordBuilder.defaultMinConfidence) {
        self.minConfidence = minConfidence
    }

    /// `renamedSurnames`: spans the linter read as a Finnish surname rendered word for word, with
    /// the surname they stand for.
    public func build(_ article: AnnotatedArticle, renamedSurnames: [ByteRange: String] = [:]) -> RaceRecord {
        let glossary = article.lexicon.glossary
        let readSeason = ArticleFrame.season(of: article)
        let championship = mostMentioned(article) { if case .championship(let i, _) = $0 { i } else { nil } }
        let raceClass = mostMentioned(article) { if case .raceClass(let i) = $0 { i } else { nil } }
        let championshipID =
            championship.map { glossary.championships[$0].id }
            ?? raceClass.flatMap {
                glossary.classes[$0].championships.count == 1 ? glossary.classes[$0].championships[0] : nil
            }
        let season = Self.seasonFromCalendars(article, championship: championshipID, read: readSeason)
        let calendar = Self.calendar(
            glossary, championship: championshipID, season: season, raceClass: raceClass.map { glossary.classes[$0].id }
        )
        let subject = mostMentioned(article) { if case .driver(let i) = $0 { i } else { nil } }

        var record = RaceRecord(
            season: season,
            championship: championshipID.flatMap { id in glossary.championships.first { $0.id == id }?.name },
            raceClass: raceClass.map { glossary.classes[$0].name }, subject: nil, events: [], results: [], mentions: [])
        if let subject {
            let driver = glossary.drivers[subject]
            // A team named beside another year ("with Albatec in 2017") is not this season's team.
            let team =
                mostMentioned(article, inSeason: season) { if case .team(let i) = $0 { i } else { nil } }
                ?? mostMentioned(article) { if case .team(let i) = $0 { i } else { nil } }
            record.subject = RaceRecord.Subject(
                name: driver.name, nationality: driver.nationality,
                age: Self.age(in: article, season: season, born: driver.born),
                team: team.map { glossary.teams[$0].name }, car: Self.car(in: article))
        }
        let events = EventMentions(article, calendar: calendar)
        let frame = ArticleFrame(season: season, event: ArticleFrame.event(of: article, events: events))
        let attribution = ResultAttribution(
            article: article, calendar: calendar, frame: frame, subject: subject, events: events,
            renamedSurnames: renamedSurnames)
        record.results = ResultConsistency.resolve(attribution.results(), oneEvent: frame.event != nil).filter {
            $0.confidence >= minConfidence
        }.map { candidate in
            RaceRecord.Result(
                driver: candidate.driver.name, driverID: candidate.driver.id, raceClass: candidate.raceClass,
                season: candidate.season, event: candidate.event,
                round: candidate.season == season ? candidate.round : nil, stage: candidate.stage,
                position: candidate.position, outcome: candidate.outcome, cause: candidate.cause,
                evidence: RaceRecord.Evidence(
                    start: candidate.evidence.start, end: candidate.evidence.end,
                    text: article.document.text(candidate.evidence)),
                confidence: candidate.confidence, cue: candidate.cue)
        }
        if let calendar {
            let mentionedCountries = attribution.eventCountriesMentioned
            record.events = calendar.rounds.map { round in
                let venue = article.lexicon.venueIndex[round.venue].map { glossary.venues[$0] }
                return RaceRecord.Event(
                    round: round.round, country: venue?.country ?? "", venue: venue?.name ?? round.venue,
                    town: venue?.town ?? "",
                    month: round.month, day: round.day, mentioned: mentionedCountries.contains(venue?.country ?? ""))
            }
        }
        record.mentions = article.mentions.map { mention in
            RaceRecord.MentionRecord(
                type: mention.type, name: mention.canonicalName(in: glossary),
                text: article.document.text(mention.range),
                start: mention.range.start, end: mention.range.end)
        }
        return record
    }

    /// A report that names no year of its season ("Foust won the World RX of Finland at Kouvola";
    /// the only year is "the 1997 Formula One world champion") is dated by the calendars: the one
    /// season of its championship whose rounds include every venue it names.
    static func seasonFromCalendars(_ article: AnnotatedArticle, championship: String?, read: Int?) -> Int? {
        let glossary = article.lexicon.glossary
        guard let championship else { return read }
        let calendars = glossary.calendars.filter { $0.championship == championship }
        guard !calendars.isEmpty else { return read }
        if let read, calendars.contains(where: { $0.season == read }) { return read }
        let venues = Set(
            article.mentions.compactMap { mention -> String? in
                if case .venue(let i) = mention.entity { return glossary.venues[i].id }
                return nil
            })
        guard !venues.isEmpty else { return read }
        let seasons = Set(
            calendars.filter { calendar in venues.isSubset(of: Set(calendar.rounds.map(\.venue))) }.map(\.season))
        return seasons.count == 1 ? seasons.first : read
    }

    /// The entity mentioned most often (ties: the first mentioned); with `inSeason`, only in
    /// sentences that name no other year.
    private func mostMentioned(
        _ article: AnnotatedArticle, inSeason season: Int? = nil, _ pick: (Mention.Entity) -> Int?
    ) -> Int? {
        var counts: [Int: (count: Int, first: Int)] = [:]
        for (order, mention) in article.mentions.enumerated() {
            guard let index = pick(mention.entity) else { continue }
            if let season,
                article.sentences[mention.sentence].folded.contains(where: {
                    Self.year($0).map { $0 != season } ?? false
                })
            {
                continue
            }
            counts[index, default: (0, order)].count += 1
        }
        return counts.max { ($0.value.count, -$0.value.first) < ($1.value.count, -$1.value.first) }?.key
    }

    static func year(_ word: String) -> Int? {
        guard word.count == 4, let value = Int(word), (1990...2040).contains(value) else { return nil }
        return value
    }

    static func calendar(_ glossary: Glossary, championship: String?, season: Int?, raceClass: String?) -> Glossary
        .Calendar?
    {
        guard let championship, let season else { return nil }
        let candidates = glossary.calendars.filter { $0.championship == championship && $0.season == season }
        return candidates.first { $0.raceClass == raceClass } ?? (candidates.count == 1 ? candidates[0] : nil)
    }

    /// "19-year-old" (number, -, year, -, old) anywhere in the article; else from the birth year.
    static func age(in article: AnnotatedArticle, season: Int?, born: Int?) -> Int? {
        for sentence in article.sentences {
            let words = sentence.folded
            for i in words.indices where i + 4 < words.count {
                if words[i + 1] == "-" && words[i + 2] == "year" && words[i + 3] == "-" && words[i + 4] == "old",
                    let age = Int(words[i]), (10...80).contains(age)
                {
                    return age
                }
            }
        }
        if let season, let born { return season - born }
        return nil
    }

    /// The car named most specifically: a model beats its make; then the most mentioned.
    static func car(in article: AnnotatedArticle) -> String? {
        let glossary = article.lexicon.glossary
        var counts: [Int: Int] = [:]
        for mention in article.mentions { if case .car(let i) = mention.entity { counts[i, default: 0] += 1 } }
        guard !counts.isEmpty else { return nil }
        let makes = Set(counts.keys.compactMap { glossary.cars[$0].make })
        let best = counts.filter { !makes.contains(glossary.cars[$0.key].id) }.max {
            ($0.value, -$0.key) < ($1.value, -$1.key)
        }
        return best.map { glossary.cars[$0.key].name }
    }
}
