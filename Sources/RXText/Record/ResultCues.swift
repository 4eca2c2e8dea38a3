/// Finds the words in one sentence that state a result: placings, wins, champions, failures;
/// and the words that name a stage. Attribution to a driver and an event is the builder's job.
struct ResultCue {
    enum Kind {
        case placing(Int)
        case win
        case champion
        case failure(Outcome, cause: String?)
    }

    var kind: Kind
    /// Token indexes within the sentence's `words`.
    var tokens: Range<Int>
    /// A stage the cue itself fixes ("top qualifier" is qualifying, "champion" is standings).
    var fixedStage: Stage?

    var isChampion: Bool {
        if case .champion = kind { return true }
        return false
    }

    var isWin: Bool {
        if case .win = kind { return true }
        return false
    }
}

struct StageCue {
    var stage: Stage
    var tokens: Range<Int>
    /// "the fourth round of the championship": the event of that round.
    var round: Int? = nil
}

struct ResultCueFinder {
    let lexicon: Lexicon
    let sentence: AnnotatedSentence
    /// The sentence's folded words, made once: every cue test reads them.
    let words: [String]
    /// Token indexes that follow a driver's name, across a possessive and a car ("Timmy Hansen's
    /// Peugeot 208 second"): an ordinal there is a placing without a verb ("with X second").
    let afterNames: Set<Int>

    /// Token indexes where a driver's name starts.
    let nameStarts: Set<Int>

    /// The article reads as machine-translated Finnish (it carries garbles), where "the third
    /// round" is a heat.
    let translated: Bool

    init(
        lexicon: Lexicon, sentence: AnnotatedSentence, afterNames: Set<Int> = [], nameStarts: Set<Int> = [],
        translated: Bool = false
    ) {
        self.translated = translated
        self.lexicon = lexicon
        self.sentence = sentence
        self.afterNames = afterNames
        self.nameStarts = nameStarts
        words = Array(sentence.folded)
    }

    /// A calque whose English is a count noun starts here ("prize pool" = podium in "second prize pool").
    private func countCalqueStarts(at index: Int) -> Bool {
        sentence.matches.contains { match in
            guard match.tokens.lowerBound == index || match.tokens.lowerBound == index + 1,
                case .calque(let i) = match.entry, let right = lexicon.glossary.calques[i].right.first
            else { return false }
            return ResultVocabulary.countNouns.contains(ICU.fold(right))
        }
    }

    func stageCues() -> [StageCue] {
        var cues: [StageCue] = []
        var index = 0
        while index < words.count {
            if words[index] == "points", index + 1 < words.count, words[index + 1] == "out" {
                index += 2  // "Kallio points out": a verb
                continue
            }
            // "in six rounds", "all four heats": a count, not the stage.
            if ["rounds", "heats", "races", "finals"].contains(words[index]), index > 0,
                ResultVocabulary.countWords.contains(words[index - 1]) || Int(words[index - 1]) != nil,
                index < 2 || !["first", "last", "opening", "final"].contains(words[index - 2])
            {
                index += 1
                continue
            }
            // "with 86 points", "18 points behind": a points total or gap is the standings'
            // ("clawed back two points" is neither).
            if ["points", "pts"].contains(words[index]), index >= 2, sentence.words[index - 1].kind == .number,
                ["with", "on", ",", "("].contains(words[index - 2])
                    || (index + 1 < words.count && ["behind", "clear", "ahead", "adrift"].contains(words[index + 1]))
            {
                cues.append(StageCue(stage: .standings, tokens: (index - 1)..<(index + 1)))
                index += 1
                continue
            }
            // "finished the season third", "ended the year as runner-up": the season's standings.
            if Self.seasonNouns.contains(words[index]), index >= 2, words[index - 1] == "the",
                Self.seasonEndVerbs.contains(words[index - 2])
            {
                cues.append(StageCue(stage: .standings, tokens: (index - 1)..<(index + 1)))
                index += 1
                continue
            }
            // "the championship leader": a role, not a stage.
            if ["championship", "series", "points"].contains(words[index]), index + 1 < words.count,
                words[index + 1] == "leader"
            {
                index += 2
                continue
            }
            // "the championship round", "the series opener": an event of the series.
            if ["championship", "series"].contains(words[index]), index + 1 < words.count,
                ["round", "race", "event", "opener", "finale", "weekend"].contains(words[index + 1])
            {
                cues.append(StageCue(stage: .event, tokens: index..<(index + 2)))
                index += 2
                continue
            }
            if let (length, stage) = longest(
                ResultVocabulary.stageCues.map { ($0.words, $0.stage) }, at: index, in: words)
            {
                cues.append(StageCue(stage: stage, tokens: index..<(index + length)))
                index += length
                continue
            }
            // "the fourth round of the championship" is the event; otherwise a singular "round"
            // after an ordinal is a heat in translated Finnish ("the final round").
            if words[index] == "round", index > 0, let number = ResultVocabulary.ordinals[words[index - 1]],
                index + 1 < words.count, words[index + 1] == "of"
            {
                let heat = words[(index + 1)...].prefix(4).contains {
                    ["qualifying", "heats", "qualification"].contains($0)
                }
                if !heat {
                    cues.append(StageCue(stage: .event, tokens: (index - 1)..<(index + 1), round: number))
                    index += 1
                    continue
                }
            }
            // "the third round": a heat in translated Finnish (erä), the event in English. Any
            // other round ("the Höljes round") is the event.
            if ["round", "rounds"].contains(words[index]) {
                let heatWords: Set<String> = ["first", "last", "final", "next", "initial", "opening"]
                let ordinal =
                    index > 0
                    && (ResultVocabulary.ordinals[words[index - 1]] != nil || heatWords.contains(words[index - 1]))
                // "the first three rounds"
                let counted =
                    index > 1 && ResultVocabulary.countWords.contains(words[index - 1])
                    && heatWords.contains(words[index - 2])
                if ordinal || counted {
                    cues.append(StageCue(stage: translated ? .qualifying : .event, tokens: (index - 1)..<(index + 1)))
                } else {
                    cues.append(StageCue(stage: .event, tokens: index..<(index + 1)))
                }
            }
            index += 1
        }
        // Calques of stage words ("intermediate round" for välierä) name the stage in their `right`.
        for match in sentence.matches {
            guard case .calque(let i) = match.entry, lexicon.glossary.calques[i].kind == "stage",
                let right = lexicon.glossary.calques[i].right.first, let stage = Self.stage(named: right)
            else { continue }
            cues.removeAll { $0.tokens.overlaps(match.tokens) }
            cues.append(StageCue(stage: stage, tokens: match.tokens))
        }
        return cues.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    static func stage(named text: String) -> Stage? {
        let folded = ICU.fold(text)
        if folded.contains("semi") { return .semiFinal }
        if folded.contains("qualif") || folded.contains("heat") { return .qualifying }
        if folded.contains("final") { return .final }
        if folded.contains("standing") || folded.contains("championship") { return .standings }
        return nil
    }

    func resultCues() -> [ResultCue] {
        var cues: [ResultCue] = []
        let hypothetical = words.contains { ResultVocabulary.irrealis.contains($0) && $0 != "to" }
        var index = 0
        while index < words.count {
            let word = words[index]
            if index + 1 < words.count, word == "top", words[index + 1] == "qualifier" {
                cues.append(ResultCue(kind: .placing(1), tokens: index..<(index + 2), fixedStage: .qualifying))
                index += 2
                continue
            }
            // "was on top after the heats": first, at whatever stage the context names.
            if index + 1 < words.count, index > 0, word == "on", words[index + 1] == "top",
                ResultVocabulary.placingVerbs.contains(words[index - 1])
            {
                cues.append(ResultCue(kind: .placing(1), tokens: index..<(index + 2), fixedStage: nil))
                index += 2
                continue
            }
            // "led the points", "tops the standings": first in the standings.
            if Self.leadVerbs.contains(word), let length = Self.standingsObject(after: index, in: words) {
                cues.append(ResultCue(kind: .placing(1), tokens: index..<(index + 1 + length), fixedStage: .standings))
                index += 1 + length
                continue
            }
            if let length = ResultVocabulary.runnerUpLength(at: index, in: words) {
                cues.append(ResultCue(kind: .placing(2), tokens: index..<(index + length), fixedStage: nil))
                index += length
                continue
            }
            if let position = placing(at: index, in: words) {
                cues.append(ResultCue(kind: .placing(position), tokens: index..<(index + 1), fixedStage: nil))
            } else if isWin(at: index, in: words) {
                cues.append(ResultCue(kind: .win, tokens: index..<(index + 1), fixedStage: nil))
            } else if isChampion(at: index, in: words) {
                cues.append(ResultCue(kind: .champion, tokens: index..<(index + 1), fixedStage: .standings))
            } else if !hypothetical,
                let (length, outcome, cause) = Self.longestFailure(at: index, in: words)
            {
                let resolvedCause = cause ?? nearestCause(to: index)
                cues.append(
                    ResultCue(
                        kind: .failure(outcome, cause: resolvedCause), tokens: index..<(index + length), fixedStage: nil
                    ))
                index += length
                continue
            }
            index += 1
        }
        if !hypothetical {
            // Failure calques ("tire breach" for rengasrikko) carry the English failure in `right`.
            for match in sentence.matches {
                guard case .calque(let i) = match.entry, lexicon.glossary.calques[i].kind == "failure",
                    !cues.contains(where: { $0.tokens.overlaps(match.tokens) }),
                    let (outcome, cause) = Self.failure(named: lexicon.glossary.calques[i].right.first ?? "")
                else { continue }
                cues.append(
                    ResultCue(
                        kind: .failure(outcome, cause: cause ?? nearestCause(to: match.tokens.lowerBound)),
                        tokens: match.tokens, fixedStage: nil))
            }
        }
        // A title phrase reads its verb and noun together ("won the title" is not a race win).
        if !hypothetical {
            let titles = titleCues() + phraseCues() + eliminationCues()
            cues.removeAll { cue in titles.contains { $0.tokens.overlaps(cue.tokens) } }
            cues += titles
        }
        return cues.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// The outcome and cause an English failure phrase names ("puncture", "engine failure").
    static func failure(named text: String) -> (Outcome, String?)? {
        let words = text.split(separator: " ").map { ICU.fold(String($0)) }
        for start in words.indices {
            if let (_, outcome, cause) = longestFailure(at: start, in: words) { return (outcome, cause) }
        }
        for word in words { if let cause = ResultVocabulary.causeNouns[word] { return (.retired, cause) } }
        return nil
    }

    // MARK: Placings

    /// Verbs of an inverted placing ("fifth came X").
    static let inversionVerbs: Set<String> = ["drove", "came", "was", "went", "finished", "ended", "crossed"]

    private static let leadVerbs: Set<String> = [
        "led", "leads", "lead", "leading", "topped", "tops", "top", "heads", "headed",
    ]
    private static let standingsNouns: Set<String> = [
        "points", "standings", "championship", "series", "table", "title",
    ]

    /// "the SRC points", "the standings": the length of a standings object after a lead verb.
    private static func standingsObject(after index: Int, in words: [String]) -> Int? {
        var at = index + 1
        while at < words.count && at <= index + 3 {
            if standingsNouns.contains(words[at]) { return at - index }
            guard ["the", "overall", "drivers", "drivers'", "'"].contains(words[at]) || words[at].count <= 5 else {
                return nil
            }
            at += 1
        }
        return nil
    }

    /// Words after an ordinal that end its noun phrase ("fourth in the final", "fourth, ahead of").
    private static let clauseWords: Set<String> = [
        "in", "at", "after", "and", "of", "on", "with", ",", ".", "behind", "ahead", "only", "just",
    ]

    private func placing(at index: Int, in words: [String]) -> Int? {
        let word = words[index]
        let position: Int
        if let ordinal = ResultVocabulary.ordinals[word] {
            position = ordinal
        } else if let numeric = Self.numericPlacing(word) {
            position = numeric
            if word.hasPrefix("p") { return position }  // "P4" is always a placing
        } else {
            return nil
        }
        let next = index + 1 < words.count ? words[index + 1] : ""
        if ResultVocabulary.placingNouns.contains(next) { return position }
        let afterNext = index + 2 < words.count ? words[index + 2] : ""
        // "sixth of the qualifying", "fourth of the final" (translated Finnish genitive): the
        // stage's placing, not "the second of three".
        let ofStage =
            next == "of"
            && (index + 2..<min(words.count, index + 4)).contains { i in
                ResultVocabulary.stageCues.contains { $0.words.count == 1 && $0.words[0] == words[i] }
                    && !ResultAttribution.weakStageWords.contains(words[i])
            }
        let countFollows =
            (!ofStage && ResultVocabulary.countNouns.contains(next))
            || (ResultVocabulary.countNouns.contains(afterNext) && !Self.clauseWords.contains(next))
        if countFollows || countCalqueStarts(at: index + 1) { return nil }
        if ofStage && Self.placingVerb(before: index + 1, in: words) { return position }
        // "his third title", "the fifth Finnish championship": a count after a determiner.
        if index > 0, ["his", "her", "its", "their", "a", "an"].contains(words[index - 1]) { return nil }
        if afterNames.contains(index), next.isEmpty || Self.clauseWords.contains(next) || next == "place" || next == ")"
        {
            return position
        }
        // "Fourth drove Kevin Hansen", "fifth came X": an ordinal opening a clause before its verb.
        if index == 0 || [",", "and", ";"].contains(words[index - 1]), Self.inversionVerbs.contains(next),
            ResultVocabulary.ordinals[word] != nil
        {
            return position
        }
        // "Second was X, and third the Norwegian Y": the verb of an inverted list left out.
        if let gap = Self.elidedInversion(at: index, in: words),
            nameStarts.contains(where: { $0 > index && $0 <= index + 1 + gap })
        {
            return position
        }
        // "completed the podium in third": "in" + ordinal closing the clause.
        if index > 0, words[index - 1] == "in", next.isEmpty || Self.clauseWords.contains(next) || next == "-" {
            return position
        }
        // "finished the season third", "finished the EM-series fourth": the verb before its object.
        if index >= 3, Self.seasonNouns.contains(words[index - 1]) || words[index - 1] == "series",
            let the = (max(1, index - 5)..<(index - 1)).last(where: { words[$0] == "the" }),
            Self.seasonEndVerbs.contains(words[the - 1])
        {
            return position
        }
        if Self.placingVerb(before: index, in: words) { return position }
        // "was second in his semi-final and second again in the final": coordinated with a placing.
        if let and = (max(0, index - 8)..<index).last(where: { words[$0] == "and" }),
            let earlier = (max(0, and - 6)..<and).last(where: { ResultVocabulary.ordinals[words[$0]] != nil }),
            !words[earlier..<index].contains(where: { [",", ";", ":", ".", "(", ")"].contains($0) }),
            Self.placingVerb(before: earlier, in: words)
        {
            return position
        }
        return nil
    }

    /// A placing verb up to four words before `index`, within the clause.
    private static func placingVerb(before index: Int, in words: [String]) -> Bool {
        var back = index - 1
        while back >= 0 && back >= index - 4 {
            let previous = words[back]
            if ResultVocabulary.placingVerbs.contains(previous) { return true }
            if previous.count == 1 && !previous.first!.isLetter { return false }  // punctuation ends the clause
            back -= 1
        }
        return false
    }

    /// An ordinal after "and" or a comma in a sentence that opened with an inverted placing
    /// ("Second was X"): the number of words ("the", a nationality) it may stand from its name.
    static func elidedInversion(at index: Int, in words: [String]) -> Int? {
        guard index >= 3, [",", "and"].contains(words[index - 1]), ResultVocabulary.ordinals[words[index]] != nil,
            ResultVocabulary.ordinals[words[0]] != nil, inversionVerbs.contains(words[1])
        else { return nil }
        return 2
    }

    static let seasonNouns: Set<String> = ["season", "year", "campaign"]
    static let seasonEndVerbs: Set<String> = [
        "finished", "finishing", "finish", "finishes", "ended", "ending", "ends", "closed", "completed", "concluded",
    ]

    /// "4th" or "P4".
    static func numericPlacing(_ word: String) -> Int? {
        if word.hasPrefix("p"), let value = Int(word.dropFirst()), (1...40).contains(value) { return value }
        for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) {
            if let value = Int(word.dropLast(2)), (1...40).contains(value) { return value }
        }
        return nil
    }

    private func isWin(at index: Int, in words: [String]) -> Bool {
        let word = words[index]
        guard word == "won" || word == "win" || word == "victory" || word == "triumphed" else { return false }
        if index + 1 < words.count, ["by", "over"].contains(words[index + 1]), word == "win" { return false }
        // "won three of the five rounds": a count of wins, not one race; but "won all four
        // qualifying races" is the whole of qualifying.
        if index + 1 < words.count, ResultVocabulary.countWords.contains(words[index + 1]) {
            let everyHeat =
                ["all", "every"].contains(words[index + 1])
                && words[(index + 2)..<min(words.count, index + 5)].contains {
                    ["heats", "qualifying", "qualification", "q1", "q2", "q3", "q4"].contains($0)
                }
            if !everyHeat { return false }
        }
        // "the world title he had first won in 2017": the title's object relative, not a race win.
        if index >= 2,
            let pronoun = (max(1, index - 4)..<index).last(where: { ["he", "she", "they"].contains(words[$0]) }),
            ["title", "titles", "crown", "championship", "cup"].contains(words[pronoun - 1])
        {
            return false
        }
        // "to win" is an intention; "drove to victory" is a result.
        let before = words[max(0, index - 3)..<index]
        let isNoun = word == "victory"
        return !before.contains { ResultVocabulary.irrealis.contains($0) && !(isNoun && $0 == "to") }
    }

    private static let titleAdjectives: Set<String> = [
        "european", "world", "finnish", "nordic", "swedish", "norwegian", "national", "became", "crowned", "new", "rx2",
        "supercar", "super1600", "touringcar",
    ]
    private static let pastTitle: Set<String> = [
        "former", "reigning", "defending", "ex", "twice", "double", "triple", "multiple", "junior",
    ]

    private func isChampion(at index: Int, in words: [String]) -> Bool {
        guard words[index] == "champion", index > 0 else { return false }
        let previous = words[index - 1]
        // "the RX Lites Cup champion": a championship or class named right before.
        let namedSeries = sentence.matches.contains { match in
            guard match.tokens.upperBound == index else { return false }
            switch match.entry {
            case .championship, .raceClass: return true
            default: return false
            }
        }
        guard Self.titleAdjectives.contains(previous) || namedSeries else { return false }
        // "son of the world champion Petter Solberg": a title-holder named as someone's relation.
        if index >= 3, words[index - 2] == "the", words[index - 3] == "of" { return false }
        // "the former Formula 1 world champion": the title may stand a few words from its qualifier.
        let window = words[max(0, index - 5)..<index]
        return !window.contains {
            Self.pastTitle.contains($0) || $0 == "time" || ResultVocabulary.irrealis.contains($0)
        }
    }

    // MARK: Failures

    private static func longestFailure(at index: Int, in words: [String]) -> (Int, Outcome, String?)? {
        var best: (Int, Outcome, String?)? = nil
        for cue in ResultVocabulary.failureCues where cue.words.count > (best?.0 ?? 0) {
            if matches(cue.words, at: index, in: words) { best = (cue.words.count, cue.outcome, cue.cause) }
        }
        return best
    }

    /// The cause noun nearest to a retirement phrase ("the engine ... ended his race"); "motor"
    /// counts: machine translation renders moottori (engine) as motor.
    private func nearestCause(to index: Int) -> String? {
        var best: (distance: Int, cause: String)? = nil
        for (i, word) in words.enumerated() {
            let cause = ResultVocabulary.causeNouns[word] ?? (word == "motor" ? "engine" : nil)
            guard let cause else { continue }
            let distance = abs(i - index)
            if best == nil || distance < best!.distance { best = (distance, cause) }
        }
        return best?.cause
    }

    private func longest(_ table: [([String], Stage)], at index: Int, in words: [String]) -> (Int, Stage)? {
        var best: (Int, Stage)? = nil
        for (phrase, stage) in table where phrase.count > (best?.0 ?? 0) {
            if Self.matches(phrase, at: index, in: words) { best = (phrase.count, stage) }
        }
        return best
    }

    static func matches(_ phrase: [String], at index: Int, in words: [String]) -> Bool {
        guard index + phrase.count <= words.count else { return false }
        for (offset, word) in phrase.enumerated() where words[index + offset] != word { return false }
        return true
    }
}
