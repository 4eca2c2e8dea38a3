/// The ways a report states a championship result rather than a race result: "sealed the world
/// title", "the Super1600 crown went to X", "took the SM-bronze", "back on top of the standings",
/// "the 2018 runner-up", and translated Finnish where mestaruus is "mastery" and mestari a
/// "master" (the garble glossary's calques name them; their `right` says what they mean).
extension ResultCueFinder {
    /// Verbs that take a title as their object ("clinched the title", "wraps up the crown").
    static let titleVerbs: Set<String> = [
        "took", "take", "takes", "taking", "won", "wins", "winning", "sealed", "seals", "seal", "sealing", "clinched",
        "clinches", "clinch", "clinching", "secured", "secures", "securing", "claimed", "claims", "claiming",
        "snatched", "snatches", "retained", "retains", "captured", "captures", "grabbed", "wrapped", "wraps", "wrap",
        "landed", "lifted", "defended",
    ]
    /// Nouns of a title; "mastery" is machine translation's mestaruus.
    static let titleNouns: Set<String> = ["title", "crown", "championship", "mastery", "cup"]
    /// Nouns after "championship" that make it a race, not the title ("won the championship round").
    private static let notTitleAfter: Set<String> = [
        "round", "rounds", "race", "races", "event", "events", "opener", "finale", "leader", "lead", "fight", "battle",
        "points", "standings", "final", "heat", "heats", "debut", "weekend", "contender", "contenders", "chances",
    ]
    private static let medals: [String: Int] = ["gold": 1, "silver": 2, "bronze": 3]
    private static let medalVerbs: Set<String> = [
        "took", "take", "takes", "won", "wins", "claimed", "secured", "collected", "grabbed", "got",
        "earned", "settled", "content", "settle", "satisfied",
    ]
    private static let transferVerbs: Set<String> = ["went", "goes", "go", "fell", "falls", "passed"]

    func titleCues() -> [ResultCue] {
        var cues: [ResultCue] = []
        for index in words.indices {
            let word = words[index]
            // "sealed the drivers' title", "took his first European crown".
            if Self.titleVerbs.contains(word), let noun = titleNoun(after: index) {
                cues.append(ResultCue(kind: .champion, tokens: index..<(noun + 1), fixedStage: .standings))
                continue
            }
            // "the mastery of the Supercar class went to X", "the EM-silver went to X": the cue
            // ends before the verb, so the driver after "went to" is the one it names.
            if Self.titleNouns.contains(word) || Self.medals[word] != nil,
                let verb = transferVerb(after: index)
            {
                let kind: ResultCue.Kind = Self.medals[word].map { $0 == 1 ? .champion : .placing($0) } ?? .champion
                cues.append(ResultCue(kind: kind, tokens: index..<verb, fixedStage: .standings))
                continue
            }
            // "the win in Riga went to the Swede Timmy Hansen": a race win, at the stage named.
            // "The first semi-final went to Solberg": the race's win.
            let race = ["final", "semi-final", "semifinal", "heat", "race"].contains(word)
            if ["win", "victory"].contains(word) || race, index > 0,
                ["the", "-", "first", "second", "third", "fourth", "other", "opening"].contains(words[index - 1]),
                let verb = transferVerb(after: index),
                verb <= index + 2
                    || ["win", "victory"].contains(word)
            {
                cues.append(ResultCue(kind: .win, tokens: index..<verb, fixedStage: nil))
                continue
            }
            // "took the silver", "took the SM-bronze", "had to be content with silver"; gapped after
            // another medal or the title: "Ikonen took the silver and Tahko the bronze".
            if let place = Self.medals[word], index >= 2,
                words[index - 1] == "the" || words[index - 1] == "-"
                    || (["with", "for"].contains(words[index - 1])
                        && ["content", "settle", "settled", "settling", "satisfied"].contains(words[index - 2])),
                words[max(0, index - 4)..<index].contains(where: { Self.medalVerbs.contains($0) })
                    || (words[index - 1] == "the" && afterNames.contains(index - 1)
                        && words[..<index].contains(where: { Self.medals[$0] != nil || Self.titleNouns.contains($0) }))
            {
                let kind: ResultCue.Kind = place == 1 ? .champion : .placing(place)
                cues.append(ResultCue(kind: kind, tokens: index..<(index + 1), fixedStage: .standings))
                continue
            }
            // "back on top of the standings", "on top of the European championship".
            if word == "on", index + 2 < words.count, words[index + 1] == "top", words[index + 2] == "of",
                words[(index + 3)..<min(words.count, index + 8)].contains(where: {
                    ["standings", "points", "championship", "table", "series"].contains($0)
                })
            {
                cues.append(ResultCue(kind: .placing(1), tokens: index..<(index + 3), fixedStage: .standings))
                continue
            }
            // "Nuriev, the 2018 runner-up", "the 2016 RX Lites Cup champion": a season's title.
            let runnerUp = ResultVocabulary.runnerUpLength(at: index, in: words)
            if runnerUp != nil || word == "champion",
                let year = (max(0, index - 5)..<index).first(where: { RecordBuilder.year(words[$0]) != nil }),
                year > 0, words[year - 1] == "the"
            {
                let kind: ResultCue.Kind = runnerUp == nil ? .champion : .placing(2)
                cues.append(
                    ResultCue(kind: kind, tokens: index..<(index + (runnerUp ?? 1)), fixedStage: .standings))
                continue
            }
        }
        // "In 2017 the champion Joni-Pekka Rajala": with the year stated, that season's champion
        // (without one, "the champion X" is usually last season's title-holder).
        for index in words.indices where words[index] == "champion" && index > 0 && words[index - 1] == "the" {
            guard index + 1 < words.count, nameStarts.contains(index + 1),
                words[..<index].contains(where: { RecordBuilder.year($0) != nil }),
                !cues.contains(where: { $0.tokens.contains(index) })
            else { continue }
            cues.append(ResultCue(kind: .champion, tokens: index..<(index + 1), fixedStage: .standings))
        }
        cues += calqueTitleCues()
        return cues
    }

    /// The title noun a title verb takes, up to five words on ("wrap up the drivers' title").
    private func titleNoun(after verb: Int) -> Int? {
        var index = verb + 1
        if index < words.count, words[index] == "up" { index += 1 }
        let limit = min(words.count, index + 6)
        while index < limit {
            let word = words[index]
            if Self.titleNouns.contains(word) {
                let next = index + 1 < words.count ? words[index + 1] : ""
                if Self.notTitleAfter.contains(next) { return nil }
                // "won the cup race", "the title of the weekend": only "cup" at the end of a name.
                if word == "cup" && !(sentence.traits[index].contains(.inEntity)) { return nil }
                return index
            }
            let filler =
                [
                    "the", "his", "her", "their", "a", "first", "second", "third", "maiden", "drivers", "drivers'", "'",
                    "’", "overall", "world", "european", "finnish", "nordic", "national", "-",
                ].contains(word)
                || RecordBuilder.year(word) != nil || sentence.traits[index].contains(.inEntity)
                || ResultVocabulary.ordinals[word] != nil
            guard filler else { return nil }
            index += 1
        }
        return nil
    }

    /// The index of "went" in "... went to", within six words and before any name.
    private func transferVerb(after noun: Int) -> Int? {
        var index = noun + 1
        while index + 1 < words.count && index <= noun + 6 {
            if [".", ";", ","].contains(words[index]) { return nil }
            if Self.transferVerbs.contains(words[index]), words[index + 1] == "to" { return index }
            index += 1
        }
        return nil
    }

    /// Calques of a champion ("European master" for Euroopan mestari) and of the lead ("lead
    /// place" for kärkipaikka, "point tip" for pistekärki).
    private func calqueTitleCues() -> [ResultCue] {
        var cues: [ResultCue] = []
        for match in sentence.matches {
            guard case .calque(let i) = match.entry, let right = lexicon.glossary.calques[i].right.first else {
                continue
            }
            let meaning = ICU.fold(right)
            let matched = words[match.tokens]
            if meaning == "champion" {
                // "reigning master", "defending master": a past title.
                guard !matched.contains(where: { ["reigning", "defending", "double", "former"].contains($0) }) else {
                    continue
                }
                cues.append(ResultCue(kind: .champion, tokens: match.tokens, fixedStage: .standings))
            } else if ["the lead", "first place", "points lead", "championship lead"].contains(meaning) {
                let before = words[max(0, match.tokens.lowerBound - 3)..<match.tokens.lowerBound]
                guard
                    before.contains(where: {
                        ["took", "take", "takes", "retook", "regained", "held", "holds"].contains($0)
                    })
                else { continue }
                let after = words[match.tokens.upperBound..<min(words.count, match.tokens.upperBound + 5)]
                let standings =
                    meaning.contains("points") || meaning.contains("championship")
                    || after.contains { ["series", "points", "championship", "standings"].contains($0) }
                guard standings else { continue }
                cues.append(ResultCue(kind: .placing(1), tokens: match.tokens, fixedStage: .standings))
            }
        }
        return cues
    }
}
