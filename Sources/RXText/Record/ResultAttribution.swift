/// Attributes each result cue of an article to a driver, an event, a stage and a season.
///
/// - Driver: the nearest driver named before the cue in its sentence (not as an object: "behind
///   Nuriev"); "the Lithuanian" for the one driver of that nationality the article names; else the
///   article's subject (pronouns, first-person quotes after a dialogue dash).
/// - Event: the nearest venue, event country or month in the sentence, before the cue first; else
///   the last one named in an earlier sentence. Countries and months count only when the season's
///   calendar has a round there (when the calendar is known).
/// - Stage: the nearest stage word; a win without one is a final win, a placing an event result.
struct ResultAttribution {
    let article: AnnotatedArticle
    let calendar: Glossary.Calendar?
    let season: Int?
    let subject: Int?

    private(set) var eventCountriesMentioned: Set<String> = []

    init(article: AnnotatedArticle, calendar: Glossary.Calendar?, season: Int?, subject: Int?) {
        self.article = article
        self.calendar = calendar
        self.season = season
        self.subject = subject
        var mentioned: Set<String> = []
        for sentence in article.sentences.indices {
            for event in eventMentions(in: sentence) { mentioned.insert(event.country) }
        }
        eventCountriesMentioned = mentioned
    }

    private struct EventMention {
        var country: String
        var tokens: Range<Int>
    }

    private var calendarCountries: Set<String>? {
        guard let calendar else { return nil }
        return Set(
            calendar.rounds.compactMap { round in
                article.lexicon.venueIndex[round.venue].map { article.lexicon.glossary.venues[$0].country }
            })
    }

    private func eventMentions(in sentenceIndex: Int) -> [EventMention] {
        let glossary = article.lexicon.glossary
        let allowed = calendarCountries
        var result: [EventMention] = []
        for mention in article.mentions where mention.sentence == sentenceIndex {
            switch mention.entity {
            case .venue(let i):
                result.append(EventMention(country: glossary.venues[i].country, tokens: mention.tokens))
            case .country(let i, _):
                let code = glossary.countries[i].code
                if allowed == nil || allowed!.contains(code) {
                    result.append(EventMention(country: code, tokens: mention.tokens))
                }
            default: break
            }
        }
        if let calendar {
            let words = article.sentences[sentenceIndex].folded
            for (i, word) in words.enumerated() {
                guard let month = ResultVocabulary.months[word], word != "may" || (i > 0 && words[i - 1] == "in") else {
                    continue
                }
                let rounds = calendar.rounds.filter { $0.month == month }
                if rounds.count == 1, let venue = article.lexicon.venueIndex[rounds[0].venue] {
                    result.append(EventMention(country: glossary.venues[venue].country, tokens: i..<(i + 1)))
                }
            }
        }
        return result.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    func results() -> [RaceRecord.Result] {
        let glossary = article.lexicon.glossary
        var results: [RaceRecord.Result] = []
        var seen: Set<String> = []
        var currentEvent: String? = nil
        for (sentenceIndex, sentence) in article.sentences.enumerated() {
            let events = eventMentions(in: sentenceIndex)
            let finder = ResultCueFinder(lexicon: article.lexicon, sentence: sentence)
            let stages = finder.stageCues()
            let sentenceSeason = sentence.folded.compactMap(RecordBuilder.year).first ?? season
            for cue in finder.resultCues() {
                guard let (driver, driverTokens) = driver(for: cue, in: sentenceIndex) else { continue }
                let stageCue = nearest(stages, to: cue.tokens, in: sentence)
                var stage = cue.fixedStage ?? stageCue?.stage
                if stage == nil {
                    if case .win = cue.kind { stage = .final } else { stage = .event }
                }
                // A failure belongs to a race, not to the standings ("technical woes ... sixth in the points").
                if case .failure = cue.kind, stage == .standings { continue }
                let eventMention = stage == .standings ? nil : nearestEvent(events, to: cue.tokens)
                let event = stage == .standings ? nil : (eventMention?.country ?? currentEvent)
                var position: Int? = nil
                var outcome: Outcome? = nil
                var cause: String? = nil
                switch cue.kind {
                case .placing(let value): position = value
                case .win, .champion: position = 1
                case .failure(let value, let why):
                    outcome = value
                    cause = why
                }
                let driverName = glossary.drivers[driver].name
                let key =
                    "\(driverName)|\(sentenceSeason ?? 0)|\(event ?? "")|\(stage!.rawValue)|\(position ?? 0)|\(outcome?.rawValue ?? "")"
                guard seen.insert(key).inserted else { continue }
                var span = cue.tokens
                if let driverTokens {
                    span = min(span.lowerBound, driverTokens.lowerBound)..<max(span.upperBound, driverTokens.upperBound)
                }
                if let stageCue, cue.fixedStage == nil, stageCue.tokens.lowerBound > span.lowerBound - 8,
                    stageCue.tokens.upperBound < span.upperBound + 8
                {
                    span =
                        min(
                            span.lowerBound, stageCue.tokens.lowerBound)..<max(
                            span.upperBound, stageCue.tokens.upperBound)
                }
                let range = ByteRange(
                    sentence.words[span.lowerBound].range.start, sentence.words[span.upperBound - 1].range.end)
                let round = event.flatMap { country in
                    calendar?.rounds.first { round in
                        article.lexicon.venueIndex[round.venue].map { glossary.venues[$0].country == country } ?? false
                    }?.round
                }
                results.append(
                    RaceRecord.Result(
                        driver: driverName, season: sentenceSeason, event: event,
                        round: sentenceSeason == season ? round : nil,
                        stage: stage!, position: position, outcome: outcome, cause: cause,
                        evidence: RaceRecord.Evidence(
                            start: range.start, end: range.end, text: article.document.text(range))))
            }
            if let last = events.last { currentEvent = last.country }
        }
        return results
    }

    /// Prepositions after which a driver is an object, not the one the result belongs to.
    private static let objectMarkers: Set<String> = [
        "behind", "of", "over", "than", "from", "with", "beat", "beating", "passed", "to", "against", "penalised",
        "penalized",
    ]

    private func driver(for cue: ResultCue, in sentenceIndex: Int) -> (Int, Range<Int>?)? {
        let sentence = article.sentences[sentenceIndex]
        let drivers = article.mentions.filter { mention in
            guard mention.sentence == sentenceIndex, case .driver = mention.entity else { return false }
            return true
        }
        // "European champion Rokas Baciuška", "top qualifier Marklund", "the victory went to Marklund":
        // the driver comes after the cue.
        if let following = drivers.first(where: { mention in
            (mention.tokens.lowerBound == cue.tokens.upperBound && (cue.isChampion || cue.tokens.count > 1))
                || followsVia(mention, cue, sentence)
        }), case .driver(let i) = following.entity {
            return (i, following.tokens)
        }
        // "disqualified Mattias Ekström": the verb's object is the one it happened to.
        if case .failure(.disqualified, _) = cue.kind,
            let object = drivers.first(where: { $0.tokens.lowerBound == cue.tokens.upperBound }),
            case .driver(let i) = object.entity
        {
            return (i, object.tokens)
        }
        let before = drivers.filter { mention in
            guard mention.tokens.upperBound <= cue.tokens.lowerBound else { return false }
            let previous = mention.tokens.lowerBound > 0 ? sentence.folded[mention.tokens.lowerBound - 1] : ""
            return !Self.objectMarkers.contains(previous)
        }
        if let nearest = before.last, case .driver(let i) = nearest.entity { return (i, nearest.tokens) }
        if let (i, tokens) = nationalityReference(before: cue.tokens.lowerBound, in: sentenceIndex) {
            return (i, tokens)
        }
        guard let subject else { return nil }
        // Another driver named after the cue and no pronoun: the result is probably theirs.
        let pronoun = sentence.folded[..<cue.tokens.lowerBound].contains {
            ResultVocabulary.subjectPronouns.contains($0)
        }
        if !pronoun && !sentence.sentence.isDialogue && !drivers.isEmpty
            && drivers.allSatisfy({ $0.entity != .driver(subject) })
        {
            return nil
        }
        return (subject, nil)
    }

    /// "the victory went to Marklund": the driver comes after "went to" / "goes to".
    private func followsVia(_ mention: Mention, _ cue: ResultCue, _ sentence: AnnotatedSentence) -> Bool {
        let start = mention.tokens.lowerBound
        guard start >= cue.tokens.upperBound + 2, start <= cue.tokens.upperBound + 3 else { return false }
        let between = sentence.folded[cue.tokens.upperBound..<start]
        return between.last == "to" && between.contains { ["went", "goes", "go", "fell", "belonged"].contains($0) }
    }

    /// "the Lithuanian" standing for the one driver of that nationality the article names.
    private func nationalityReference(before index: Int, in sentenceIndex: Int) -> (Int, Range<Int>)? {
        let glossary = article.lexicon.glossary
        let sentence = article.sentences[sentenceIndex]
        for mention in article.mentions.reversed()
        where mention.sentence == sentenceIndex && mention.tokens.upperBound <= index {
            guard case .country(let c, adjective: true) = mention.entity, mention.tokens.lowerBound > 0,
                sentence.folded[mention.tokens.lowerBound - 1] == "the"
            else { continue }
            let alpha3 = glossary.countries[c].alpha3
            let candidates = article.driversMentioned.filter { glossary.drivers[$0].nationality == alpha3 }
            if candidates.count == 1 { return (candidates.first!, mention.tokens) }
        }
        return nil
    }

    /// The nearest stage word. "series", "championship" and "overall" often name the competition
    /// rather than the stage ("won the class of the EM series at Hell"): they count only close by.
    private func nearest(_ stages: [StageCue], to tokens: Range<Int>, in sentence: AnnotatedSentence) -> StageCue? {
        stages.filter { cue in
            let word = sentence.folded[cue.tokens.lowerBound]
            return !Self.weakStageWords.contains(word) || distance(cue.tokens, tokens) <= 5
        }.min { distance($0.tokens, tokens) < distance($1.tokens, tokens) }
    }

    private static let weakStageWords: Set<String> = ["series", "championship", "overall"]

    private func nearestEvent(_ events: [EventMention], to tokens: Range<Int>) -> EventMention? {
        if let before = events.last(where: { $0.tokens.upperBound <= tokens.lowerBound }) { return before }
        return events.first { $0.tokens.lowerBound >= tokens.upperBound }
    }

    /// Token distance between two spans; a span before the cue wins a tie.
    private func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        if a.upperBound <= b.lowerBound { return (b.lowerBound - a.upperBound) * 2 }
        if a.lowerBound >= b.upperBound { return (a.lowerBound - b.upperBound) * 2 + 1 }
        return 0
    }
}
