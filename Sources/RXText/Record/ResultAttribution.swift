/// Reads each result cue of an article in its clause and attributes it to a driver, an event, a
/// stage and a season, the way a reader follows the text:
///
/// - Driver: the name the cue is attached to ("with Hansen second", "won by X"), else the subject
///   of its clause, else of its sentence; a pronoun or "the Finn" is the driver the text last put
///   in subject position (or last named of that nationality), not the article's subject.
/// - Stage: a stage word in the cue's clause, else in an earlier clause of the sentence, else the
///   stage the paragraph last named; "the fourth round of" is the event of round four.
/// - Event: a place named in the clause or earlier in the sentence, else the event the text is
///   at (`ArticleFrame` for a one-event report; for a review, the place each paragraph opens with
///   or a result was last placed at). Places the text is heading to ("moves on to Sweden") are not
///   where a result happened.
/// - Season: a year in the clause or sentence, "a year earlier", else the frame's.
///
/// Intentions, hypotheticals and negated wins are not results; neither are sentences that list
/// several years (a career history).
struct ResultAttribution {
    let article: AnnotatedArticle
    let calendar: Glossary.Calendar?
    let frame: ArticleFrame
    let subject: Int?
    let names: DriverNames
    let events: EventMentions

    /// `events`: the article's places read against `calendar`, as the frame read them.
    init(
        article: AnnotatedArticle, calendar: Glossary.Calendar?, frame: ArticleFrame, subject: Int?,
        events: EventMentions, renamedSurnames: [ByteRange: String] = [:]
    ) {
        self.article = article
        self.calendar = calendar
        self.frame = frame
        self.subject = subject
        self.events = events
        names = DriverNames(article, renamedSurnames: renamedSurnames)
        translated =
            article.sentences.reduce(0) { count, sentence in
                count + sentence.matches.filter { $0.entry.category == .garble }.count
            } >= 2
    }

    /// The text carries garbles of machine-translated Finnish.
    let translated: Bool

    var eventCountriesMentioned: Set<String> {
        var mentioned: Set<String> = []
        for sentence in article.sentences.indices {
            for place in events.places(in: sentence) { mentioned.insert(place.country) }
        }
        return mentioned
    }

    /// One result before the consistency pass.
    struct Candidate {
        var driver: DriverRef
        var season: Int?
        var event: String?
        var round: Int?
        var stage: Stage
        var position: Int?
        var outcome: Outcome?
        var cause: String?
        var evidence: ByteRange
        var confidence: Double
        var raceClass: String?
        /// Standings part-way through a season ("after three rounds", "after Hell"): a table of
        /// its own beside the final one.
        var interim = false
        var cue: ResultCueKind
        /// A failure in one heat of qualifying ("retired from Q1"), not yet known to be the
        /// driver's qualifying result.
        var inOneHeat = false
        /// The championship the sentence is reading (glossary index): two series racing at one
        /// venue ("World RX and the Euro RX support races at Riga") have a final each.
        var series: Int? = nil
    }

    func results() -> [Candidate] {
        var candidates: [Candidate] = []
        var salient: DriverRef? = subject.map { ref(glossaryIndex: $0) }
        var currentEvent = frame.event
        var paragraphStage: Stage? = nil
        /// The paragraph's stage was named as where drivers were going ("tickets to the final").
        var paragraphHeadsTo = false
        var paragraph = -1
        var seriesContext = SeriesContext()
        let lists = ResultsListReader(article: article, names: names)
        for (index, sentence) in article.sentences.enumerated() {
            if sentence.sentence.paragraph != paragraph {
                paragraph = sentence.sentence.paragraph
                paragraphStage = nil
                paragraphHeadsTo = false
                if frame.event == nil, let topic = events.places(in: index).first { currentEvent = topic.country }
            }
            let sentenceCandidates = candidates.count
            var referredSubject: DriverRef? = nil
            let named = names.bySentence[index]
            let words = Array(sentence.folded)
            let clauses = Clauses(words: words, named: named)
            let finder = ResultCueFinder(
                lexicon: article.lexicon, sentence: sentence, afterNames: Self.afterNames(named, sentence),
                nameStarts: Set(named.map(\.tokens.lowerBound)), translated: translated)
            let stages = finder.stageCues()
            let years = Set(words.compactMap(RecordBuilder.year))
            let raceClass = classNamed(in: index)
            let series = seriesContext.next(named: championshipsNamed(in: index))
            let interim = isInterimStandings(index)
            // "For Hansen it was the second win in a row, ... he won": the sentence is about Hansen.
            if words.first == "for", let topic = named.first(where: { $0.tokens.lowerBound == 1 }) {
                salient = topic.driver
            }

            for item in lists.items(in: index) {
                let season = frame.season
                candidates.append(
                    Candidate(
                        driver: item.driver, season: season, event: item.stage == .standings ? nil : currentEvent,
                        round: nil, stage: item.stage, position: item.position, outcome: nil, cause: nil,
                        evidence: item.evidence, confidence: 0.95, raceClass: raceClass,
                        interim: item.stage == .standings && interim, cue: .resultsList))
            }
            let listTokens = lists.tokens(in: index)

            // A "sentence" of thousands of words is a table or a scrape without punctuation, not
            // prose that states results; reading its cues costs more than linear time.
            if years.count <= 2, words.count <= Self.longestReadSentence {
                let cues = finder.resultCues()
                for cue in cues where !cue.tokens.contains(where: { listTokens.contains($0) }) {
                    let clause = clauses.clause(containing: cue.tokens.lowerBound)
                    if Self.isIrrealisOrNegated(cue, clause: clause, words: words) { continue }
                    var attributed = drivers(
                        for: cue, clause: clause, sentence: index, words: words, salient: salient,
                        leader: candidates.last { $0.stage == .standings && $0.position == 1 && !$0.interim }?.driver)
                    guard !attributed.isEmpty else { continue }
                    // "The unflappable Swede answered at Lohéac": a subject the text referred to
                    // rather than named is still who the next sentence's "he" is.
                    if referredSubject == nil, attributed[0].1 == nil, clause.lowerBound == 0 {
                        referredSubject = attributed[0].0
                    }
                    // ", winner of the round at Hell,": the apposition's stage is its own.
                    let appositions = Self.winAppositions(words)
                    let own = appositions.first { $0.lowerBound == cue.tokens.lowerBound }
                    let visible = stages.filter { stage in
                        own.map { $0.contains(stage.tokens.lowerBound) }
                            ?? !appositions.contains { $0.contains(stage.tokens.lowerBound) }
                    }
                    let stageCue = stage(for: cue, clause: clause, stages: visible, words: words)
                    // A sentence that puts itself at a race ("At the Estering ...") does not carry
                    // on the standings the paragraph was reading.
                    let inherited =
                        paragraphStage == .standings && !events.places(in: index).isEmpty ? nil : paragraphStage
                    var stage = cue.fixedStage ?? stageCue?.stage ?? inherited
                    // "B and C took the other tickets to the final. D ended in the barriers": a
                    // failure after the way to a stage is in the stage before it.
                    if cue.fixedStage == nil, stageCue == nil, paragraphHeadsTo, case .failure = cue.kind,
                        let inherited
                    {
                        stage = Self.stageBefore(inherited)
                    }
                    if stage == .standings, case .failure = cue.kind { stage = paragraphStage }
                    // A race win is not a standings place (a title has its own cues): "led the
                    // standings. At the Estering Bryntesson won" is the final's win.
                    if stage == .standings, cue.fixedStage == nil, cue.isWin { stage = .final }
                    if stage == nil {
                        switch cue.kind {
                        case .win: stage = .final
                        case .champion: stage = .standings
                        // A top-six place with no stage named is the final's (the final has six
                        // cars); further down it is the event's classification.
                        case .placing(let value) where value <= 6: stage = .final
                        default: stage = .event
                        }
                    }
                    if case .champion = cue.kind { stage = .standings }
                    guard var stage, !(stage == .standings && isFailure(cue)) else { continue }
                    // "won Q1", "won the third heat", "won the first and Hansen the second": one
                    // race of qualifying, not the top of its classification (what it shares with a
                    // later stage still counts: "won the heat and then the final").
                    let heatWin = cue.isWin && stage == .qualifying && !Self.namesClassification(stageCue, words: words)
                    // "came only seventh in Q3": a place in one session, likewise ("..., which
                    // lifted him to twelfth" is the classification after it).
                    if case .placing = cue.kind, stage == .qualifying, cue.fixedStage == nil,
                        let stageCue, clause.contains(stageCue.tokens.lowerBound),
                        Self.namesOneHeat(stageCue, words: words)
                    {
                        continue
                    }
                    // "retired from Q1", "did not finish the first of the four qualifying races":
                    // one race of qualifying, the driver's qualifying only if nothing else is
                    // told of it (`ResultConsistency`). Failing to qualify has its own cue; a
                    // puncture in a heat is told as the qualifying's.
                    var inOneHeat = false
                    if case .failure(let outcome, _) = cue.kind, ![.didNotQualify, .puncture].contains(outcome),
                        stage == .qualifying,
                        cue.fixedStage == nil, let stageCue
                    {
                        inOneHeat = Self.namesOneHeat(stageCue, words: words)
                    }
                    let season =
                        Self.yearQualifying(cue, words: words)
                        ?? seasonOf(cue, clause: clause, words: words, years: years)
                    var event: String? = nil
                    var round: Int? = nil
                    var eventPlace: EventMentions.Place? = nil
                    if stage != .standings {
                        if let number = stageCue?.round, let country = country(ofRound: number) {
                            event = country
                            round = number
                        } else {
                            eventPlace = place(for: cue, clause: clause, sentence: index)
                            event = eventPlace?.country ?? currentEvent
                        }
                    }
                    if round == nil, season == frame.season, let event { round = roundNumber(at: event) }
                    var position: Int? = nil
                    var followerPositions: [Int: Int] = [:]
                    var outcome: Outcome? = nil
                    var cause: String? = nil
                    switch cue.kind {
                    case .placing(let value): position = value
                    case .win, .champion: position = 1
                    case .failure(let value, let why):
                        outcome = value
                        cause = why
                    }
                    if let position, outcome == nil, attributed.count == 1 {
                        let anchorEnd = max(cue.tokens.upperBound, attributed[0].1?.upperBound ?? 0)
                        let behind = RelativePlacings.followers(
                            anchorEnd: anchorEnd, isWin: cue.isWin || position == 1, words: words, named: named,
                            sentence: sentence,
                            otherCues: cues.map(\.tokens))
                        for (offset, name) in behind.enumerated() where name.driver != attributed[0].0 {
                            attributed.append((name.driver, name.tokens, 0.7))
                            followerPositions[attributed.count - 1] = position + offset + 1
                        }
                        // "led home A and B in the final": the stage named after the list.
                        if let last = behind.last, cue.fixedStage == nil,
                            let named = stages.first(where: {
                                $0.tokens.lowerBound >= last.tokens.upperBound
                                    && $0.tokens.lowerBound <= last.tokens.upperBound + 3
                            })
                        {
                            stage = named.stage
                        }
                        let ahead = RelativePlacings.leaders(
                            anchorEnd: anchorEnd, position: position, words: words, named: named,
                            sentence: sentence, otherCues: cues.map(\.tokens))
                        for (name, place) in ahead where name.driver != attributed[0].0 {
                            attributed.append((name.driver, name.tokens, 0.65))
                            followerPositions[attributed.count - 1] = place
                        }
                    }
                    let primary = candidates.count
                    for (number, (driver, tokens, confidence)) in attributed.enumerated() {
                        let position = followerPositions[number] ?? position
                        var span = cue.tokens
                        if let tokens {
                            span = min(span.lowerBound, tokens.lowerBound)..<max(span.upperBound, tokens.upperBound)
                        }
                        candidates.append(
                            Candidate(
                                driver: driver, season: season, event: event, round: round, stage: stage,
                                position: position, outcome: outcome, cause: cause,
                                evidence: ByteRange(
                                    sentence.words[span.lowerBound].range.start,
                                    sentence.words[span.upperBound - 1].range.end),
                                confidence: confidence, raceClass: classNamed(upTo: clause, sentence: index),
                                interim: stage == .standings && interim, cue: ResultCueKind(cue.kind),
                                inOneHeat: inOneHeat))
                    }
                    if cue.isWin, candidates.count > primary {
                        let shared = sharedWins(
                            of: candidates[primary], cue: cue, stageCue: stageCue, eventPlace: eventPlace,
                            stages: stages, sentence: index, words: words)
                        if heatWin { candidates.removeSubrange(primary...) }
                        candidates += shared.filter { !heatWin || $0.stage != .qualifying }
                    }
                }
            }

            for i in candidates.indices[sentenceCandidates...]
            where candidates[i].evidence.start >= sentence.range.start {
                candidates[i].series = series
            }

            // What the next sentences inherit.
            if let first = subjectOfSentence(named, words: words) {
                salient = first.driver
            } else if let referredSubject {
                salient = referredSubject
            }
            if let last = stages.last(where: { !ResultAttribution.weakStageWords.contains(words[$0.tokens.lowerBound]) }
            ) {
                paragraphStage = last.stage
                paragraphHeadsTo = Self.isDestination(last, words: words)
            }
            // A review moves on where the text places a result, opens a paragraph or names a
            // venue; a country named in passing ("after an accident in Hungary") does not move it.
            if frame.event == nil, let last = events.places(in: index).last,
                candidates.last.map({ $0.evidence.start >= sentence.range.start }) ?? false
                    || sentence.sentence.opensParagraph || last.isVenue
            {
                currentEvent = last.country
            }
        }
        return candidates
    }

    /// The wins a sentence shares with `win` by coordination (`GappedResults`): other drivers at
    /// the next heat or semi-final, the same driver at a second stage, the same win at more places.
    private func sharedWins(
        of win: Candidate, cue: ResultCue, stageCue: StageCue?, eventPlace: EventMentions.Place?,
        stages: [StageCue], sentence index: Int, words: [String]
    ) -> [Candidate] {
        let named = names.bySentence[index]
        let sentence = article.sentences[index]
        func evidence(to tokens: Range<Int>) -> ByteRange {
            ByteRange(
                sentence.words[cue.tokens.lowerBound].range.start, sentence.words[tokens.upperBound - 1].range.end)
        }
        var shared = sharedPlaces(of: win, eventPlace: eventPlace, sentence: index, words: words)
        // "won the first semi-final and B the second"; "won the first and B the second", the
        // noun left out in both halves.
        let end = cue.tokens.upperBound
        let objectEnd: Int
        if let stageCue, stageCue.tokens.lowerBound >= end {
            objectEnd = stageCue.tokens.upperBound
        } else if end + 1 < words.count, words[end] == "the", ResultVocabulary.ordinals[words[end + 1]] != nil {
            objectEnd = end + 2
        } else {
            return shared
        }
        for name in GappedResults.gappedSubjects(objectEnd: objectEnd, words: words, named: named)
        where name.driver != win.driver {
            var copy = win
            copy.driver = name.driver
            copy.evidence = evidence(to: name.tokens)
            copy.confidence = 0.7
            shared.append(copy)
        }
        if let stageCue, objectEnd == stageCue.tokens.upperBound,
            let second = GappedResults.secondObject(after: stageCue, stages: stages, words: words, named: named),
            second.stage != .standings
        {
            var copy = win
            copy.stage = second.stage
            copy.evidence = evidence(to: second.tokens)
            copy.confidence = 0.7
            shared.append(copy)
        }
        return shared
    }

    private func sharedPlaces(of win: Candidate, eventPlace: EventMentions.Place?, sentence index: Int, words: [String])
        -> [Candidate]
    {
        guard let eventPlace else { return [] }
        let sentence = article.sentences[index]
        let places = events.places(in: index)
        func copy(at place: EventMentions.Place, driver: DriverRef? = nil) -> Candidate {
            var copy = win
            copy.driver = driver ?? win.driver
            copy.event = place.country
            copy.round = copy.season == frame.season ? roundNumber(at: place.country) : nil
            copy.evidence = ByteRange(win.evidence.start, sentence.words[place.tokens.upperBound - 1].range.end)
            copy.confidence = 0.7
            return copy
        }
        let coordinated = GappedResults.coordinatedPlaces(after: eventPlace, places: places, words: words)
        let gapped = GappedResults.gappedPlaces(
            placeEnd: (coordinated.last ?? eventPlace).tokens.upperBound, words: words, named: names.bySentence[index],
            places: places)
        return coordinated.map { copy(at: $0) } + gapped.map { copy(at: $0.1, driver: $0.0.driver) }
    }

    // MARK: Drivers

    private func ref(glossaryIndex i: Int) -> DriverRef {
        let driver = article.lexicon.glossary.drivers[i]
        return DriverRef(name: driver.name, id: driver.id, nationality: driver.nationality, index: i)
    }

    /// Prepositions and verbs after which a driver is an object, not the one the result belongs to.
    static let objectMarkers: Set<String> = [
        "behind", "of", "over", "than", "from", "with", "beat", "beating", "beaten", "passed", "to", "against",
        "penalised", "penalized", "for", "overtook", "overtaking", "ahead", "by", "past", "like", "between", "among",
        "including", "alongside", "off",
    ]

    static let pronouns: Set<String> = ["he", "she", "it", "his", "her", "its", "him"]

    /// Token indexes just after each name, reached across "'s", a car or team and "in".
    static func afterNames(_ named: [NamedDriver], _ sentence: AnnotatedSentence) -> Set<Int> {
        var result: Set<Int> = []
        for name in named {
            var index = name.tokens.upperBound
            result.insert(index)
            var steps = 0
            while index < sentence.words.count && steps < 5 {
                let word = sentence.folded[index]
                // "Veiby to third", "promoted Olofsson to P2": a verb left out before the place.
                let next = index + 1 < sentence.words.count ? sentence.folded[index + 1] : ""
                let toPlace =
                    word == "to"
                    && (ResultVocabulary.ordinals[next] != nil || ResultCueFinder.numericPlacing(next) != nil)
                // "Toomas Heikkinen, sixth after qualifying, and ...": a placing in apposition.
                if word == ",", ResultVocabulary.ordinals[next] != nil || ResultCueFinder.numericPlacing(next) != nil {
                    let after = index + 2 < sentence.words.count ? sentence.folded[index + 2] : "."
                    if [",", "after", "in", "at", ".", "on", "for"].contains(after) { result.insert(index + 1) }
                    break
                }
                let bridge =
                    ["'s", "’s", "'", "’", "in", "(", ")", "home", "a", "an", "another", "only", "just"].contains(word)
                    || toPlace || sentence.traits[index].contains(.inEntity) || sentence.words[index].kind == .number
                guard bridge else { break }
                index += 1
                steps += 1
                result.insert(index)
            }
        }
        return result
    }

    /// The first name of the sentence in subject position: not after a preposition or verb that
    /// makes it an object.
    private func subjectOfSentence(_ named: [NamedDriver], words: [String]) -> NamedDriver? {
        named.first { !Self.isObject($0, words: words) }
    }

    /// A name after a preposition or verb that makes it an object, across an article and a
    /// hyphenated adjective ("fended off a fast-starting Sondre Evjen").
    static func isObject(_ name: NamedDriver, words: [String]) -> Bool {
        var i = name.tokens.lowerBound - 1
        var skipped = 0
        while i >= 0 && skipped < 6 {
            let word = words[i]
            if objectMarkers.contains(word) { return true }
            let hyphenated =
                word == "-" || (i + 1 < words.count && words[i + 1] == "-") || (i > 0 && words[i - 1] == "-")
            // "lost Q2 to the Swede Timmy Hansen": a nationality before the name is part of it.
            guard ["the", "a", "an"].contains(word) || hyphenated || Demonyms.nouns[word] != nil else {
                return roleAfterMarker(name, words: words)
            }
            i -= 1
            skipped += 1
        }
        return false
    }

    /// "lost Q2 to the home driver Dubourg", "from his team-mate Nuriev": a role noun, with up to
    /// three lower-case words of it, between an object marker's determiner and the name ("the
    /// leader of the points Petter Solberg" is a title, not "of" an object).
    private static func roleAfterMarker(_ name: NamedDriver, words: [String]) -> Bool {
        var i = name.tokens.lowerBound - 1
        guard i > 0, roleNouns.contains(words[i]) else { return false }
        var role = 0
        while i > 0 && role < 4, let first = words[i].first,
            words[i] == "-" || (first.isLowercase && first.isLetter), !determiners.contains(words[i])
        {
            i -= 1
            role += 1
        }
        guard i > 0, determiners.contains(words[i]) else { return false }
        return objectMarkers.contains(words[i - 1])
    }

    private static let determiners: Set<String> = ["the", "a", "an", "his", "her", "their", "its"]
    static let roleNouns: Set<String> = [
        "driver", "mate", "team-mate", "teammate", "champion", "rival", "compatriot", "leader", "newcomer", "rookie",
        "hero", "veteran", "youngster", "countryman", "winner", "pilot",
    ]

    private func drivers(
        for cue: ResultCue, clause: Range<Int>, sentence index: Int, words: [String], salient: DriverRef?,
        leader: DriverRef? = nil
    ) -> [(DriverRef, Range<Int>?, Double)] {
        let named = names.bySentence[index]
        // "the championship leader had to settle for second": the driver the text has put first
        // in the standings; with no such reading, no one.
        if let role = (clause.lowerBound..<cue.tokens.lowerBound).first(where: { i in
            i + 2 < words.count && words[i] == "the" && ["championship", "series", "points"].contains(words[i + 1])
                && words[i + 2] == "leader"
        }), !named.contains(where: { $0.tokens.lowerBound > role && $0.tokens.lowerBound < cue.tokens.lowerBound }) {
            return leader.map { [($0, nil, 0.65)] } ?? []
        }
        let sentence = article.sentences[index]
        let inClause = named.filter { clause.contains($0.tokens.lowerBound) }
        if let pair = respectivePlacing(cue, words: words, named: named) { return [(pair.driver, pair.tokens, 0.8)] }
        // "Olofsson and Hvaal won the semi-finals": one race each, for every name of the list.
        if cue.isWin, cue.tokens.upperBound + 1 < words.count,
            ["semi-finals", "semis", "heats", "finals"].contains(words[cue.tokens.upperBound + 1])
                || (cue.tokens.upperBound + 3 < words.count && words[cue.tokens.upperBound + 1] == "semi"
                    && words[cue.tokens.upperBound + 3] == "finals")
        {
            let list = Self.nameList(from: cue.tokens.lowerBound, forward: false, named: named, words: words)
            if list.count >= 2 { return list.map { ($0.driver, $0.tokens, 0.75) } }
        }
        // "The unflappable Swede answered at Lohéac" after a defeat of the championship leader:
        // the one who hits back is the one who had lost, not whoever won last.
        if cue.isWin, ["hit", "struck", "bounced", "answered"].contains(words[cue.tokens.lowerBound]),
            !inClause.contains(where: { $0.tokens.upperBound <= cue.tokens.lowerBound }), let leader
        {
            return [(leader, nil, 0.65)]
        }
        // "A, B and C failed to reach the final", "a result that eliminated A, B and C": every
        // driver of the list.
        if case .failure(.didNotQualify, _) = cue.kind {
            // "neither contender reached the final": no one named, no one's result.
            let negatedSubject = words[clause.lowerBound..<cue.tokens.lowerBound].contains {
                ["none", "neither"].contains($0)
            }
            let list =
                words[cue.tokens.lowerBound].hasPrefix("eliminat")
                ? Self.nameList(from: cue.tokens.upperBound, forward: true, named: named, words: words)
                : Self.nameList(from: cue.tokens.lowerBound, forward: false, named: named, words: words)
            if list.count >= 2 || words[cue.tokens.lowerBound].hasPrefix("eliminat") || negatedSubject {
                return list.map { ($0.driver, $0.tokens, 0.75) }
            }
            // "with A, B and C the unlucky three left behind": the list before a short description.
            if ResultCueFinder.leftBehind.contains(where: {
                ResultCueFinder.matches($0, at: cue.tokens.lowerBound, in: words)
            }) {
                let described = (max(0, cue.tokens.lowerBound - 5)..<cue.tokens.lowerBound).first { i in
                    named.contains { $0.tokens.upperBound == i }
                        && words[i..<cue.tokens.lowerBound].allSatisfy { word in
                            word == "the" || ResultVocabulary.countWords.contains(word)
                                || (word.first?.isLowercase ?? false) && word.count > 2 && !word.hasSuffix("ed")
                        }
                }
                let list = described.map { Self.nameList(from: $0, forward: false, named: named, words: words) } ?? []
                return list.count >= 2 ? list.map { ($0.driver, $0.tokens, 0.7) } : []
            }
        }

        // After the cue: "won by X and Y", "the victory went to X", "European champion X".
        let after = inClause.filter { $0.tokens.lowerBound >= cue.tokens.upperBound }
        if let first = after.first {
            let gap = words[cue.tokens.upperBound..<first.tokens.lowerBound]
            // "won by X", "completed by the Latvian Reinis Nitišs".
            if gap.first == "by", gap.count <= 4,
                isNamePrefix(cue.tokens.upperBound + 1..<first.tokens.lowerBound, in: sentence)
            {
                var result = [(first.driver, Optional(first.tokens), 0.85)]
                var last = first
                // "by X and Y": the list runs on past the clause break "and" makes.
                for next in named.filter({ $0.tokens.lowerBound > first.tokens.lowerBound }) {
                    let between = words[last.tokens.upperBound..<next.tokens.lowerBound]
                    guard between.count == 1, ["and", ","].contains(between.first!) else { break }
                    result.append((next.driver, next.tokens, 0.85))
                    last = next
                }
                return result
            }
            if gap.isEmpty && (cue.isChampion || cue.tokens.count > 1 || isFailure(cue)) {
                if case .failure(.disqualified, _) = cue.kind { return [(first.driver, first.tokens, 0.85)] }
                // "top qualifier X"; a win phrase ("led home X") has its winner before it.
                if cue.isChampion || (cue.tokens.count > 1 && !cue.isWin) {
                    return [(first.driver, first.tokens, 0.85)]
                }
            }
            // "The European master became the Norwegian Tommy Rustad".
            // "The European master became the Norwegian Tommy Rustad", "the winner was X".
            // "the final was Larsson's".
            if cue.isWin, words[cue.tokens.upperBound - 1] == "was", gap.isEmpty {
                return [(first.driver, first.tokens, 0.8)]
            }
            if cue.isChampion || words[cue.tokens.lowerBound] == "winner", gap.count <= 3,
                ["became", "was", "is"].contains(gap.first ?? ""),
                isNamePrefix(cue.tokens.upperBound + 1..<first.tokens.lowerBound, in: sentence)
            {
                return [(first.driver, first.tokens, 0.8)]
            }
            // "the win in Riga went to the Swede Timmy Hansen", "the win in the World RX race in
            // Riga in 2019 went to X": the verb right before "to", past the cue's own phrases.
            if let to = gap.firstIndex(of: "to"), to > gap.startIndex, to <= gap.startIndex + 12,
                ["went", "goes", "go", "fell", "belonged"].contains(gap[to - 1]),
                isNamePrefix((to + 1)..<first.tokens.lowerBound, in: sentence)
            {
                return [(first.driver, first.tokens, 0.85)]
            }
        }
        // Inverted: "fourth drove Kevin Hansen", "sixth was the Briton Liam Doran".
        if case .placing = cue.kind,
            cue.tokens.lowerBound == clause.lowerBound
                || (cue.tokens.lowerBound > 0 && [",", "and"].contains(words[cue.tokens.lowerBound - 1])),
            cue.tokens.upperBound < words.count,
            ResultCueFinder.inversionVerbs.contains(words[cue.tokens.upperBound])
                || ResultCueFinder.elidedInversion(at: cue.tokens.lowerBound, in: words) != nil,
            let first = named.first(where: {
                $0.tokens.lowerBound > cue.tokens.upperBound && $0.tokens.lowerBound <= cue.tokens.upperBound + 8
                    // "fifth came Grönholm's team-mate Timur Timerzyanov": not the possessive.
                    && !($0.tokens.upperBound < words.count && ["'s", "’s"].contains(words[$0.tokens.upperBound]))
            })
        {
            return [(first.driver, first.tokens, 0.8)]
        }
        let before = inClause.filter { $0.tokens.upperBound <= cue.tokens.lowerBound }
        // Attached: "with Timmy Hansen's Peugeot 208 second", "Kristoffersson third", and in
        // apposition: "Nitišs, winner of the Norwegian round".
        let placing: Bool
        if case .placing = cue.kind { placing = true } else { placing = words[cue.tokens.lowerBound] == "," }
        if placing, let nearest = before.last,
            Self.afterNames([nearest], sentence).contains(cue.tokens.lowerBound)
        {
            return [(nearest.driver, nearest.tokens, 0.9)]
        }
        // "Larsson, who had won in Kouvola after Eriksson had won in Norway, took the title".
        if let antecedent = Clauses.resumedSubject(at: clause.lowerBound, words: words, named: named),
            !inClause.contains(where: { $0.tokens.lowerBound < cue.tokens.lowerBound })
        {
            return [(antecedent.driver, antecedent.tokens, 0.75)]
        }
        // "it was Bryntesson who topped qualifying": the name a cleft puts first.
        if let cleft = (clause.lowerBound..<cue.tokens.lowerBound).first(where: { i in
            i + 2 < words.count && words[i] == "it" && ["was", "is"].contains(words[i + 1])
        }), let name = before.first(where: { $0.tokens.lowerBound == cleft + 2 }),
            name.tokens.upperBound < words.count, ["who", "that"].contains(words[name.tokens.upperBound])
        {
            return [(name.driver, name.tokens, 0.8)]
        }
        // "The second Polo of the team, driven by Andersson, was fourth": the car's driver.
        if let driven = (clause.lowerBound..<max(clause.lowerBound, cue.tokens.lowerBound - 1)).first(where: {
            words[$0] == "driven" && words[$0 + 1] == "by"
        }), let driver = before.first(where: { $0.tokens.lowerBound == driven + 2 }) {
            return [(driver.driver, driver.tokens, 0.8)]
        }
        // The clause's subject.
        let clauseWords = words[clause.lowerBound..<cue.tokens.lowerBound]
        let adjectives = Set(
            names.mentionsBySentence[index].compactMap { mention -> Int? in
                guard case .country(_, adjective: true) = mention.entity else { return nil }
                return mention.tokens.lowerBound
            })
        let nameStarts = Set(named.map(\.tokens.lowerBound))
        let pronoun = clauseWords.indices.last { i in
            let word = words[i]
            // "the Norwegian Andreas Bakkerud": an apposition, not a reference.
            if nameStarts.contains(i + 1) { return false }
            // "his team-mate Aydar Nuriev secured ...": a possessive opening the name's own phrase.
            if ["his", "her", "its", "their"].contains(word),
                nameStarts.contains(where: { $0 > i && $0 <= i + 8 && $0 < cue.tokens.lowerBound })
            {
                return false
            }
            return Self.pronouns.contains(word) || isNationalityNoun(word)
                || (adjectives.contains(i) && i > 0 && words[i - 1] == "the")
        }
        if let subject = before.first(where: { name in
            !Self.isObject(name, words: words) && (pronoun == nil || name.tokens.lowerBound < pronoun!)
        }) {
            return [(subject.driver, subject.tokens, 0.8)]
        }
        // "the Finn", "the Norwegian": the last driver of that nationality named so far.
        if let pronoun, let nationality = nationality(of: pronoun, words: words, sentence: index),
            let driver = lastNamed(nationality: nationality, before: index, token: pronoun)
        {
            return [(driver, nil, 0.65)]
        }
        // "René Münnich, who raced alongside August, went no further": a relative clause's
        // subject is the name it follows.
        if clause.lowerBound >= 2, ["who", "which"].contains(words[clause.lowerBound]),
            words[clause.lowerBound - 1] == ",",
            let antecedent = named.last(where: { $0.tokens.upperBound == clause.lowerBound - 1 })
        {
            return [(antecedent.driver, antecedent.tokens, 0.75)]
        }
        let sentenceSubject = subjectOfSentence(
            named.filter { $0.tokens.upperBound <= clause.lowerBound }, words: words)
        if pronoun != nil {
            // "He had won Q1 ... lost Q2 to Dubourg, ... yet he won his semi-final": the pronoun
            // goes on with the sentence's own pronoun subject, the driver the text was on.
            if let salient, sentenceSubject != nil, let opening = words.first, ["he", "she", "it"].contains(opening),
                !names.mentionsBySentence[index].contains(where: { $0.tokens.lowerBound == 0 })
            {
                return [(salient, nil, 0.7)]
            }
            if let sentenceSubject { return [(sentenceSubject.driver, nil, 0.7)] }
            if let salient { return [(salient, nil, 0.65)] }
            return []
        }
        // First person in a quote: the article's subject speaks.
        if sentence.sentence.isDialogue, clauseWords.contains(where: { ["i", "my", "me", "we"].contains($0) }),
            let subject
        {
            return [(ref(glossaryIndex: subject), nil, 0.6)]
        }
        if let sentenceSubject { return [(sentenceSubject.driver, sentenceSubject.tokens, 0.7)] }
        // No one named in the clause or before it: the one the text is about, unless someone else
        // is named later in the sentence (the result is probably theirs).
        if named.isEmpty, let salient { return [(salient, nil, 0.4)] }
        // "The sixth placed in the points, Kallio packed ...": a sentence that opens with the
        // result and names its subject after it.
        if before.isEmpty, named.allSatisfy({ $0.tokens.lowerBound >= cue.tokens.upperBound }),
            let later = subjectOfSentence(named, words: words)
        {
            return [(later.driver, later.tokens, 0.6)]
        }
        return []
    }

    /// "Nuriev and Sanin finished first and second", "the Russian pair finished first and second":
    /// two coordinated placings go to two coordinated names, in order.
    private func respectivePlacing(_ cue: ResultCue, words: [String], named: [NamedDriver]) -> NamedDriver? {
        guard case .placing = cue.kind, cue.tokens.count == 1 else { return nil }
        let at = cue.tokens.lowerBound
        let ordinal = { (i: Int) in i >= 0 && i < words.count && ResultVocabulary.ordinals[words[i]] != nil }
        let first: Int
        let second: Bool
        if at + 2 < words.count, words[at + 1] == "and", ordinal(at + 2) {
            (first, second) = (at, false)
        } else if at >= 2, words[at - 1] == "and", ordinal(at - 2) {
            (first, second) = (at - 2, true)
        } else {
            return nil
        }
        // The subject right before the verb: "A and B finished", "the pair finished".
        let verb = first - 1
        guard verb >= 1, ResultCueFinder.inversionVerbs.contains(words[verb]) || words[verb] == "took" else {
            return nil
        }
        var list = Self.nameList(from: verb, forward: false, named: named, words: words)
        if list.count != 2, ["pair", "duo"].contains(words[verb - 1]) {
            var distinct: [NamedDriver] = []
            for name in named
            where name.tokens.upperBound <= verb && !distinct.contains(where: { $0.driver == name.driver }) {
                distinct.append(name)
            }
            list = Array(distinct.prefix(2))
        }
        guard list.count == 2, list[0].driver != list[1].driver else { return nil }
        return second ? list[1] : list[0]
    }

    /// The names listed right after (or right before) `index`, with nothing between them but
    /// commas, "and", "also", "both", "either" and a nationality.
    static func nameList(from index: Int, forward: Bool, named: [NamedDriver], words: [String]) -> [NamedDriver] {
        let glue: Set<String> = [",", "and", "also", "both", "either", "all", "the", "nor", "or"]
        func isGlue(_ i: Int) -> Bool { glue.contains(words[i]) || Demonyms.nouns[words[i]] != nil }
        var list: [NamedDriver] = []
        var at = index
        if forward {
            while at < words.count {
                if let name = named.first(where: { $0.tokens.lowerBound == at }) {
                    list.append(name)
                    at = name.tokens.upperBound
                } else if isGlue(at) && (at > index || words[at] == "the") {
                    at += 1
                } else {
                    break
                }
            }
        } else {
            // "A and B did not reach", "A and B both failed to make": the verb's own words first.
            let auxiliaries: Set<String> = [
                "did", "does", "not", "n't", "failed", "to", "could", "also", "never", "both", "all", "either",
                "had", "have", "were", "was",
            ]
            while at > 0 && auxiliaries.contains(words[at - 1]) { at -= 1 }
            while at > 0 {
                if let name = named.last(where: { $0.tokens.upperBound == at }) {
                    list.insert(name, at: 0)
                    at = name.tokens.lowerBound
                } else if isGlue(at - 1) {
                    at -= 1
                } else {
                    break
                }
            }
        }
        return list
    }

    private func isNationalityNoun(_ word: String) -> Bool { Demonyms.nouns[word] != nil }

    /// Words that may open a name's noun phrase: "the", a nationality, an entity ("the Latvian",
    /// "the Swede", "the EKS Audi driver").
    private func isNamePrefix(_ range: Range<Int>, in sentence: AnnotatedSentence) -> Bool {
        range.allSatisfy { i in
            let word = sentence.folded[i]
            return word == "the" || Demonyms.nouns[word] != nil || sentence.traits[i].contains(.inEntity)
        }
    }

    /// The nationality (alpha-3) a "the Finn" / "the Norwegian" at `token` names.
    private func nationality(of token: Int, words: [String], sentence: Int) -> String? {
        guard token > 0, words[token - 1] == "the" else { return nil }
        if let noun = Demonyms.nouns[words[token]] { return noun }
        let glossary = article.lexicon.glossary
        for mention in names.mentionsBySentence[sentence] where mention.tokens.lowerBound == token {
            if case .country(let c, adjective: true) = mention.entity { return glossary.countries[c].alpha3 }
        }
        return nil
    }

    private func lastNamed(nationality: String, before sentence: Int, token: Int) -> DriverRef? {
        for index in stride(from: sentence, through: 0, by: -1) {
            for name in names.bySentence[index].reversed() where index < sentence || name.tokens.upperBound <= token {
                if name.driver.nationality == nationality { return name.driver }
            }
        }
        return nil
    }

    private func isFailure(_ cue: ResultCue) -> Bool {
        if case .failure = cue.kind { return true }
        return false
    }

    // MARK: Filters

    private static let irrealis: Set<String> = [
        "could", "would", "might", "if", "should", "hoped", "hoping", "hope", "hopes", "wanted", "want", "wants",
        "aim", "aims", "aimed", "aiming", "chance", "needed", "need", "needs", "will", "'ll", "going", "unless",
        "must", "plan", "plans", "dream", "dreams", "target", "targets",
    ]
    private static let negations: Set<String> = ["not", "never", "no", "n't", "without", "nor", "failed"]
    private static let losses: Set<String> = [
        "lost", "losing", "lose", "loses", "missed", "missing", "miss", "conceded", "surrendered", "forfeited",
    ]

    static func isIrrealisOrNegated(_ cue: ResultCue, clause: Range<Int>, words: [String]) -> Bool {
        let before = words[clause.lowerBound..<cue.tokens.lowerBound]
        if case .failure = cue.kind {
            // "could have retired" is not a retirement; "did not finish" is the cue itself.
            return before.contains { irrealis.contains($0) }
        }
        if before.contains(where: { irrealis.contains($0) }) { return true }
        if before.suffix(3).contains(where: { negations.contains($0) }) { return true }
        // "lost the top qualifier spot", "missed the podium": the place the driver did not get.
        let object =
            before.last.map { ["the", "his", "her", "their", "its", "a"].contains($0) } == true
            ? before.dropLast() : before[...]
        if let verb = object.last, losses.contains(verb) { return true }
        // "to win" is an intention; "drove to victory" is a result.
        if case .win = cue.kind, before.last == "to", words[cue.tokens.lowerBound] != "victory" { return true }
        return false
    }

    // MARK: Stage, event, season

    /// Sentences longer than this (in words) are not read for result cues.
    static let longestReadSentence = 600

    static let weakStageWords: Set<String> = ["series", "championship", "overall", "title", "points", "champion"]

    private func stage(for cue: ResultCue, clause: Range<Int>, stages: [StageCue], words: [String]) -> StageCue? {
        func distance(_ a: Range<Int>) -> Int {
            if a.upperBound <= cue.tokens.lowerBound { return (cue.tokens.lowerBound - a.upperBound) * 2 }
            if a.lowerBound >= cue.tokens.upperBound { return (a.lowerBound - cue.tokens.upperBound) * 2 + 1 }
            return 0
        }
        let usable = stages.filter { stage in
            // "won the World RX of Belgium ... in six rounds": a win's stage is its object, close by.
            if cue.isWin && stage.tokens.lowerBound >= cue.tokens.upperBound + 4 { return false }
            return !Self.weakStageWords.contains(words[stage.tokens.lowerBound]) || distance(stage.tokens) <= 10
        }
        let inClause = usable.filter { clause.contains($0.tokens.lowerBound) }
        // "fourth in his semi-final": a stage just after the cue is its own; one further on
        // ("eighth and on the way to the semi-finals") yields to one before.
        if let attached = inClause.first(where: {
            $0.tokens.lowerBound >= cue.tokens.upperBound && $0.tokens.lowerBound <= cue.tokens.upperBound + 3
        }) {
            return attached
        }
        if var before = inClause.last(where: { $0.tokens.upperBound <= cue.tokens.lowerBound }) {
            // "scraped into the semi-finals in twelfth", "went through to the final as second":
            // the place that took the driver there, in the stage before.
            if case .placing = cue.kind, Self.isDestination(before, words: words),
                cue.tokens.lowerBound - before.tokens.upperBound <= 2,
                ["in", "as"].contains(words[before.tokens.upperBound])
            {
                before.stage = Self.stageBefore(before.stage)
            }
            return before
        }
        // "..., but a puncture slowed him in the heats": the cue's own clause names its stage
        // after it ("went into the wall on the last lap of the final"), and that beats a stage
        // the clause before was heading to.
        // A stage it kept the driver from ("out of the final", "a place in the semi-finals") is not it.
        if case .failure = cue.kind,
            let after = inClause.first(where: {
                $0.tokens.lowerBound >= cue.tokens.upperBound && $0.tokens.lowerBound <= cue.tokens.upperBound + 8
            }), !Self.isDestination(after, words: words)
        {
            return after
        }
        if let earlier = usable.last(where: { $0.tokens.upperBound <= clause.lowerBound }) { return earlier }
        // "a puncture kept him out of the final": a failure on the way to a stage is in the one before.
        if case .failure = cue.kind, var only = inClause.first, Self.isDestination(only, words: words) {
            only.stage = Self.stageBefore(only.stage)
            return only
        }
        return inClause.first
    }

    /// The stage whose result takes a driver to `stage`.
    static func stageBefore(_ stage: Stage) -> Stage {
        switch stage {
        case .final: .semiFinal
        case .semiFinal: .qualifying
        default: stage
        }
    }

    /// "qualifying" or "the intermediate classification" as a whole, not one heat or session of it
    /// ("Q1", "the third heat", "the fourth qualifying race").
    static func namesClassification(_ stage: StageCue?, words: [String]) -> Bool {
        guard let stage else { return false }
        let phrase = words[stage.tokens]
        let next = stage.tokens.upperBound < words.count ? words[stage.tokens.upperBound] : ""
        let previous = stage.tokens.lowerBound > 0 ? words[stage.tokens.lowerBound - 1] : ""
        // "won all four qualifying races", "won every heat": the whole of qualifying.
        let before = words[max(0, stage.tokens.lowerBound - 3)..<stage.tokens.lowerBound]
        if before.contains(where: { ["all", "every", "each"].contains($0) }) { return true }
        guard phrase.contains(where: { ["qualifying", "qualification", "classification"].contains($0) }) else {
            return false
        }
        return !["race", "races", "heat", "heats", "session", "sessions", "round", "run"].contains(next)
            && ResultVocabulary.ordinals[previous] == nil
    }

    /// One session of qualifying: "Q3", "the third heat", "the fourth qualifying race".
    static func namesOneHeat(_ stage: StageCue, words: [String]) -> Bool {
        let phrase = words[stage.tokens]
        if phrase.contains(where: { ["q1", "q2", "q3", "q4", "q5"].contains($0) }) { return true }
        let next = stage.tokens.upperBound < words.count ? words[stage.tokens.upperBound] : ""
        let previous = stage.tokens.lowerBound > 0 ? words[stage.tokens.lowerBound - 1] : ""
        if ["race", "session", "heat", "run"].contains(next) { return true }
        // "the first of the four qualifying races": one of them, by its ordinal ("sixth of the
        // qualifying" is a place in the whole).
        let start = stage.tokens.lowerBound
        if ["races", "sessions", "heats", "runs"].contains(next) || phrase.last == "heats",
            let of = words[max(0, start - 4)..<start].lastIndex(of: "of"), of > 0,
            ResultVocabulary.ordinals[words[of - 1]] != nil || words[of - 1] == "last"
        {
            return true
        }
        return phrase.contains("heat") && ResultVocabulary.ordinals[previous] != nil
    }

    /// "to the semi-finals", "out of the final", "a place in the final": a stage named as where
    /// the driver was going, not where the result happened.
    static func isDestination(_ stage: StageCue, words: [String]) -> Bool {
        let start = stage.tokens.lowerBound
        guard start >= 2, words[start - 1] == "the" else { return false }
        let before = words[start - 2]
        if ["to", "into", "for", "reach", "reaching", "reached", "make", "making"].contains(before) { return true }
        return start >= 3 && [["of", "out"], ["in", "place"], ["in", "spot"]].contains([before, words[start - 3]])
    }

    private func place(for cue: ResultCue, clause: Range<Int>, sentence: Int) -> EventMentions.Place? {
        let words = article.sentences[sentence].folded
        // ", winner of the round at Hell,": the apposition's place is its own win's, and no
        // other result's.
        let appositions = Self.winAppositions(Array(words))
        if let own = appositions.first(where: { $0.lowerBound == cue.tokens.lowerBound }) {
            return events.places(in: sentence).first { own.contains($0.tokens.lowerBound) }
        }
        let places = events.places(in: sentence).filter { place in
            !appositions.contains { $0.contains(place.tokens.lowerBound) }
        }
        let inClause = places.filter { clause.contains($0.tokens.lowerBound) }
        if let before = inClause.last(where: { $0.tokens.upperBound <= cue.tokens.lowerBound }) { return before }
        // "won at the Estering": a place just after the cue is where it happened.
        if let after = inClause.first(where: {
            $0.tokens.lowerBound >= cue.tokens.upperBound && $0.tokens.lowerBound <= cue.tokens.upperBound + 6
        }) {
            return after
        }
        // "crowned in Barcelona a month earlier, and he ... finished fourth": a place dated in the
        // past is not where a later clause's result happened.
        if let earlier = places.last(where: { place in
            place.tokens.upperBound <= clause.lowerBound
                && !words[place.tokens.upperBound..<min(words.count, place.tokens.upperBound + 5)].contains(where: {
                    ["earlier", "ago", "previously", "before"].contains($0)
                })
        }) {
            return earlier
        }
        return inClause.first
    }

    /// The spans of ", winner of ... ," in a sentence, from the comma to the closing comma.
    static func winAppositions(_ words: [String]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        for i in words.indices where words[i] == "," && i + 2 < words.count {
            guard words[i + 1] == "winner", words[i + 2] == "of" else { continue }
            let end = words[(i + 3)...].firstIndex { [",", ".", ";", ":"].contains($0) } ?? words.count
            spans.append(i..<end)
        }
        return spans
    }

    /// "After Hell the points were", "after three rounds", "before the finale": standings read
    /// part-way through the season.
    private func isInterimStandings(_ index: Int) -> Bool {
        let words = article.sentences[index].folded
        let places = events.places(in: index)
        for (i, word) in words.enumerated() where word == "after" || word == "before" {
            let ahead = (i + 1)..<min(words.count, i + 6)
            if words[ahead].contains(where: {
                ["round", "rounds", "races", "events", "final", "finale", "sub-competitions", "weekend"].contains($0)
            }) || (i + 2 < words.count && words[i + 1] == "the" && ResultVocabulary.ordinals[words[i + 2]] != nil) {
                return true
            }
            if word == "after", places.contains(where: { ahead.contains($0.tokens.lowerBound) }) { return true }
        }
        return false
    }

    /// "the 2018 runner-up", "his 2014 title": the year the cue's own noun phrase names.
    static func yearQualifying(_ cue: ResultCue, words: [String]) -> Int? {
        guard cue.fixedStage == .standings else { return nil }
        for i in stride(from: cue.tokens.lowerBound - 1, through: max(1, cue.tokens.lowerBound - 5), by: -1) {
            if let year = RecordBuilder.year(words[i]), ["the", "his", "her", "their"].contains(words[i - 1]) {
                return year
            }
            if !(words[i].first?.isLetter ?? false) { return nil }
        }
        return nil
    }

    private func seasonOf(_ cue: ResultCue, clause: Range<Int>, words: [String], years: Set<Int>) -> Int? {
        // A year that qualifies a noun ("Nuriev, the 2018 runner-up, won ...") dates that noun only.
        func freeYears(_ range: Range<Int>) -> Set<Int> {
            Set(
                range.compactMap { i -> Int? in
                    guard let year = RecordBuilder.year(words[i]) else { return nil }
                    let attributive =
                        i > 0 && ["the", "his", "her", "their", "its", "a"].contains(words[i - 1])
                        && i + 1 < words.count && (words[i + 1].first?.isLetter ?? false)
                    // "a season in which he defended the title he had first won in 2017": a year
                    // in a relative clause dates that clause, not a result outside it.
                    let relative = Self.relativePronoun(before: i, words: words).map {
                        !($0..<i).contains(cue.tokens.lowerBound)
                    }
                    return attributive || relative == true ? nil : year
                })
        }
        let inClause = freeYears(clause)
        if inClause.count == 1 { return inClause.first }
        let previousYear = [
            "a year earlier", "last year", "a year ago", "previous year", "previous season", "last season",
            "year before",
        ]
        // "he had been runner-up to Ekström last year": the clause's own "last year" before a year
        // another clause names.
        if let season = frame.season,
            previousYear.contains(where: { phrase in
                Self.occurrences(of: phrase, in: words).contains {
                    clause.contains($0) && !Self.inRelativeClause($0, words: words)
                }
            })
        {
            return season - 1
        }
        let free = freeYears(words.indices)
        if free.count == 1 && years.count == 1 { return free.first }
        if years.count == 1 && free.isEmpty { return frame.season ?? years.first }
        // "Two years earlier Larsson had won at Hell": the count of years back.
        if let season = frame.season, let back = Self.yearsBack(words) { return season - back }
        // The sentence's "the year before", unless a relative clause holds it ("the Polo that
        // Marklund had raced the year before" dates the car, not the result).
        if let season = frame.season,
            previousYear.contains(where: { phrase in
                Self.occurrences(of: phrase, in: words).contains { !Self.inRelativeClause($0, words: words) }
            })
        {
            return season - 1
        }
        return frame.season
    }

    /// "Two years earlier", "three seasons before", "two years ago" opening a sentence or clause.
    static func yearsBack(_ words: [String]) -> Int? {
        let counts = ["two": 2, "three": 3, "four": 4, "five": 5]
        for i in words.indices where i + 2 < words.count {
            guard let count = counts[words[i]] ?? Int(words[i]).flatMap({ (2...10).contains($0) ? $0 : nil }),
                ["years", "seasons"].contains(words[i + 1]), ["earlier", "before", "ago"].contains(words[i + 2]),
                !inRelativeClause(i, words: words)
            else { continue }
            return count
        }
        return nil
    }

    /// Start indexes of `phrase` (space-separated words) in `words`.
    static func occurrences(of phrase: String, in words: [String]) -> [Int] {
        let parts = phrase.split(separator: " ").map(String.init)
        return words.indices.filter { ResultCueFinder.matches(parts, at: $0, in: words) }
    }

    /// A relative pronoun stands between the last comma (or the sentence start) and `index`.
    static func inRelativeClause(_ index: Int, words: [String]) -> Bool {
        relativePronoun(before: index, words: words) != nil
    }

    /// The relative pronoun (that, who, which) opening the clause `index` stands in, if any.
    static func relativePronoun(before index: Int, words: [String]) -> Int? {
        var i = index - 1
        while i >= 0 && ![",", ";", ":", "(", "."].contains(words[i]) {
            if ["that", "who", "which", "whom", "whose"].contains(words[i]) { return i }
            i -= 1
        }
        return nil
    }

    private func country(ofRound number: Int) -> String? {
        guard let round = calendar?.rounds.first(where: { $0.round == number }),
            let venue = article.lexicon.venueIndex[round.venue]
        else { return nil }
        return article.lexicon.glossary.venues[venue].country
    }

    private func roundNumber(at country: String) -> Int? {
        let glossary = article.lexicon.glossary
        let rounds =
            calendar?.rounds.filter { round in
                article.lexicon.venueIndex[round.venue].map { glossary.venues[$0].country == country } ?? false
            } ?? []
        return rounds.count == 1 ? rounds[0].round : nil
    }

    /// The championships a sentence names, in order (an untranslated "EM-series" included).
    private func championshipsNamed(in sentence: Int) -> [Int] {
        var found: [Int] = []
        for mention in names.mentionsBySentence[sentence] {
            if case .championship(let i, _) = mention.entity, !found.contains(i) { found.append(i) }
        }
        return found
    }

    /// The class a clause reads: the first it names, else the last named before it in the sentence,
    /// else the last one earlier in the paragraph. A class named only in a later clause is that
    /// clause's ("Ekström took the title, while Szabó won the Super1600 final").
    private func classNamed(upTo clause: Range<Int>, sentence: Int) -> String? {
        let glossary = article.lexicon.glossary
        var last: Int? = nil
        for mention in names.mentionsBySentence[sentence] where mention.tokens.lowerBound < clause.upperBound {
            guard case .raceClass(let i) = mention.entity else { continue }
            if clause.contains(mention.tokens.lowerBound) { return glossary.classes[i].name }
            last = i
        }
        if let last { return glossary.classes[last].name }
        let paragraph = article.sentences[sentence].sentence.paragraph
        var index = sentence - 1
        while index >= 0 && article.sentences[index].sentence.paragraph == paragraph {
            for mention in names.mentionsBySentence[index].reversed() {
                if case .raceClass(let i) = mention.entity { return glossary.classes[i].name }
            }
            index -= 1
        }
        return nil
    }

    /// The first class a sentence names, else the last one named earlier in its paragraph.
    private func classNamed(in sentence: Int) -> String? {
        classNamed(upTo: 0..<article.sentences[sentence].words.count, sentence: sentence)
    }
}

/// Where a sentence's clauses begin and end, for reading a cue with the words of its own clause:
/// at ";", ":", "while", "but", "whereas", "although", a comma before a conjunction, and "and"
/// or a comma before a new subject (a name or a pronoun).
struct Clauses {
    private let starts: [Int]
    private let count: Int

    init(words: [String], named: [NamedDriver]) {
        let nameStarts = Set(named.map(\.tokens.lowerBound))
        var starts = [0]
        let hard: Set<String> = [";", ":", "while", "whereas", "but", "although", "though", "—", "–"]
        let afterComma: Set<String> = [
            "and", "but", "while", "as", "which", "who", "where", "when", "before", "after", "with", "whereas",
        ]
        var relativeOpen = false
        for (i, word) in words.enumerated() where i > 0 {
            let previous = words[i - 1]
            if previous == "," && ["who", "which"].contains(word) { relativeOpen = true }
            if hard.contains(word) {
                starts.append(i)
                relativeOpen = false
            } else if relativeOpen, previous == ",", Self.resumesMainClause(at: i, words: words) {
                // "Larsson, who had won in Kouvola after Eriksson had won in Norway, took the
                // title": the main clause goes on after the relative one.
                starts.append(i)
                relativeOpen = false
            } else if previous == "," && (afterComma.contains(word) || nameStarts.contains(i)) {
                starts.append(i)
            } else if Self.conjunctions.contains(word), i + 1 < words.count,
                nameStarts.contains(i + 1) || ResultAttribution.pronouns.contains(words[i + 1])
                    || (word == "and" && words[i + 1] == "the")
            {
                starts.append(i)
            }
        }
        self.starts = starts
        count = words.count
    }

    /// A verb right after the comma that closes a relative clause: the main clause resuming.
    static func resumesMainClause(at index: Int, words: [String]) -> Bool {
        let word = words[index]
        guard word.first?.isLetter ?? false, !ResultAttribution.pronouns.contains(word) else { return false }
        let irregular: Set<String> = [
            "took", "won", "was", "became", "came", "went", "drove", "led", "held", "made", "got", "set", "had",
            "beat", "kept", "left", "lost", "ran", "rose", "saw", "stood", "struck", "finished", "takes", "wins",
            "is", "leads", "sealed", "secured", "claimed",
        ]
        return irregular.contains(word) || (word.hasSuffix("ed") && word.count > 4)
    }

    /// The clause a relative clause interrupted ("X, who ..., took the title"), by its start.
    static func resumedSubject(at start: Int, words: [String], named: [NamedDriver]) -> NamedDriver? {
        guard start >= 2, words[start - 1] == ",", resumesMainClause(at: start, words: words) else { return nil }
        var i = start - 2
        while i > 0 {
            if [".", ";", ":"].contains(words[i]) { return nil }
            if ["who", "which"].contains(words[i]), words[i - 1] == "," {
                return named.last { $0.tokens.upperBound == i - 1 }
            }
            i -= 1
        }
        return nil
    }

    /// Before a new subject, these open a clause ("as Solberg limps home fourth").
    private static let conjunctions: Set<String> = [
        "and", "as", "when", "after", "before", "because", "since", "until", "whilst", "so",
    ]

    func clause(containing token: Int) -> Range<Int> {
        let start = starts.last { $0 <= token } ?? 0
        let end = starts.first { $0 > token } ?? count
        return start..<end
    }
}

/// The championship each sentence reads: the one it names; of several, the one already being
/// read if it is among them, else the first; with none, the one named last. A report of the
/// World RX round that turns to "In the EM-series ..." reads the Euro RX results from there on.
struct SeriesContext {
    private var current: Int?

    mutating func next(named: [Int]) -> Int? {
        if named.count == 1 {
            current = named[0]
            return current
        }
        if let first = named.first {
            if let current, named.contains(current) { return current }
            return first
        }
        return current
    }
}
