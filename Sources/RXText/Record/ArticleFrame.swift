/// What an article reports, read the way a reader takes it from the top: the season and, for a
/// report of one event, that event.
///
/// A year counts by where it stands: the headline and the first paragraph weigh most, a date
/// ("13 July 2014") or "the 2014 season" more than a bare year, and a sentence that lists several
/// years (a career history) hardly at all. The event is the first venue, or country named as a
/// place ("in Finland", "World RX of Belgium"), in the headline or the first paragraph.
struct ArticleFrame {
    var season: Int?
    /// ISO 3166-1 alpha-2 of the one event the article reports; nil for a season review.
    var event: String?

    /// The season: the year with the most weight (read without the calendar, which the season
    /// chooses).
    static func season(of article: AnnotatedArticle) -> Int? {
        var weights: [Int: (weight: Double, first: Int)] = [:]
        var order = 0
        for (index, sentence) in article.sentences.enumerated() {
            let words = sentence.folded
            var years: [(Int, Int)] = []
            for i in words.indices { if let year = RecordBuilder.year(words[i]) { years.append((i, year)) } }
            guard !years.isEmpty else { continue }
            let distinct = Set(years.map(\.1)).count
            let paragraph = sentence.sentence.paragraph
            var place: Double = paragraph == 0 ? 3 : paragraph == 1 ? 2 : 1
            if index == 0 && paragraph == 0 { place = 3 }
            if distinct > 2 { place *= 0.2 } else if distinct == 2 { place *= 0.6 }
            for (i, year) in years {
                var weight = place
                let previous = i > 0 ? words[i - 1] : ""
                let next = i + 1 < words.count ? words[i + 1] : ""
                if ResultVocabulary.months[previous] != nil || next == "season" || previous == "season" {
                    weight *= 2
                }
                if ["fia", "world", "european", "euro"].contains(next) { weight *= 1.5 }
                weights[year, default: (0, order)].weight += weight
                order += 1
            }
        }
        return weights.max { ($0.value.weight, -$0.value.first) < ($1.value.weight, -$1.value.first) }?.key
    }

    /// The one event of a single-event report; nil for a review.
    static func event(of article: AnnotatedArticle, events: EventMentions) -> String? {
        // A report of one event names it at the top; a season review names several there or none.
        var lead: [String] = []
        for (index, sentence) in article.sentences.enumerated() where sentence.sentence.paragraph <= 1 {
            for mention in events.places(in: index) where !lead.contains(mention.country) {
                lead.append(mention.country)
            }
        }
        let reviewWords: Set<String> = ["season", "seasons", "championship", "campaign", "year"]
        let headline = article.sentences.first.map { Array($0.folded) } ?? []
        // A one-event report keeps coming back to its place; a review moves from round to round.
        var counts: [String: Int] = [:]
        var total = 0
        for index in article.sentences.indices {
            for place in events.places(in: index) {
                counts[place.country, default: 0] += 1
                total += 1
            }
        }
        let dominant = lead.first.map { 2 * (counts[$0] ?? 0) >= total } ?? false
        let isReview = headline.contains { reviewWords.contains($0) } || !dominant
        return isReview ? nil : lead.first
    }
}

/// Where each sentence names an event: venues, countries named as places, and rounds by number.
struct EventMentions {
    struct Place {
        var country: String
        var tokens: Range<Int>
        /// Named as where the action of the sentence is to come ("moves on to Sweden next").
        var isAhead: Bool
        /// A venue (or a month of the calendar's), not a bare country.
        var isVenue = false
    }

    private let bySentence: [[Place]]

    func places(in sentence: Int) -> [Place] { bySentence[sentence].filter { !$0.isAhead } }
    func all(in sentence: Int) -> [Place] { bySentence[sentence] }

    /// Words before a country that make it a place ("in Finland", "of Belgium").
    private static let placePrepositions: Set<String> = ["in", "at", "of", "to", "from"]
    /// Words that make a sentence's places the next event, not this one.
    private static let aheadWords: Set<String> = [
        "heads", "moves", "travels", "continues", "will", "upcoming", "'ll",
    ]

    init(_ article: AnnotatedArticle, calendar: Glossary.Calendar?) {
        let glossary = article.lexicon.glossary
        let calendarCountries: Set<String>? = calendar.map { calendar in
            Set(
                calendar.rounds.compactMap { round in
                    article.lexicon.venueIndex[round.venue].map { glossary.venues[$0].country }
                })
        }
        var result: [[Place]] = Array(repeating: [], count: article.sentences.count)
        // Once per sentence, not per mention: a line of 100,000 venue names is one sentence.
        var aheadBySentence: [Int: Bool] = [:]
        for mention in article.mentions {
            let sentence = article.sentences[mention.sentence]
            let words = sentence.folded
            let ahead =
                aheadBySentence[mention.sentence]
                ?? {
                    let value = words.contains { Self.aheadWords.contains($0) }
                    aheadBySentence[mention.sentence] = value
                    return value
                }()
            switch mention.entity {
            case .venue(let i):
                result[mention.sentence].append(
                    Place(country: glossary.venues[i].country, tokens: mention.tokens, isAhead: ahead, isVenue: true))
            case .country(let i, let adjective):
                let code = glossary.countries[i].code
                let previous = mention.tokens.lowerBound > 0 ? words[mention.tokens.lowerBound - 1] : ""
                let next = mention.tokens.upperBound < words.count ? words[mention.tokens.upperBound] : ""
                // "the Swedish round", "Sweden's round", "in Sweden"; never "the Swedish driver".
                let asPlace =
                    adjective
                    ? ["round", "event", "leg", "race", "rallycross", "grand", "track", "circuit", "venue"].contains(
                        next)
                    : Self.placePrepositions.contains(previous) || next == "'s" || next == "’s"
                        || ["round", "event", "leg", "rx"].contains(next)
                        // "in Portugal and Sweden": coordinated with the place before it (not
                        // "Barcelona, Spain", which names the same place again).
                        || (["and", ","].contains(previous)
                            && result[mention.sentence].last.map {
                                $0.tokens.upperBound == mention.tokens.lowerBound - 1
                                    && $0.country != glossary.countries[i].code
                            } ?? false)
                // "Jean-Baptiste Dubourg from France": where a person is from, not an event.
                let origin =
                    previous == "from" && mention.tokens.lowerBound >= 2
                    && sentence.traits[mention.tokens.lowerBound - 2].contains(.capitalized)
                guard asPlace, !origin, calendarCountries?.contains(code) ?? true else { continue }
                result[mention.sentence].append(Place(country: code, tokens: mention.tokens, isAhead: ahead))
            default: break
            }
        }
        // "In April": the calendar's one round that month.
        if let calendar {
            for (index, sentence) in article.sentences.enumerated() {
                let words = sentence.folded
                lazy var ahead = words.contains { Self.aheadWords.contains($0) }
                for i in words.indices {
                    guard let month = ResultVocabulary.months[words[i]], i > 0, ["in", "of"].contains(words[i - 1])
                    else { continue }
                    let rounds = calendar.rounds.filter { $0.month == month }
                    guard rounds.count == 1, let venue = article.lexicon.venueIndex[rounds[0].venue] else { continue }
                    result[index].append(
                        Place(
                            country: glossary.venues[venue].country, tokens: i..<(i + 1), isAhead: ahead, isVenue: true)
                    )
                }
            }
        }
        bySentence = result.map { $0.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound } }
    }
}
