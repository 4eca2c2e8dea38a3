/// Placings stated by a phrase rather than by an ordinal after a verb: "completed the podium",
/// "the winner was X", "topped qualifying", "went no further than the semi-finals", and the
/// translated "EM-fourth" (Finnish EM-neljäs: fourth in the European Championship).
extension ResultCueFinder {
    private static let podiumPhrases: [[String]] = [
        ["completed", "the", "podium"], ["completes", "the", "podium"], ["rounded", "out", "the", "podium"],
        ["rounds", "out", "the", "podium"], ["completed", "the", "top", "three"], ["podium", "was", "completed"],
        ["rounded", "off", "the", "podium"],
    ]
    /// Phrases of winning a race that name no result word ("took the chequered flag").
    private static let winPhrases: [[String]] = [
        ["took", "the", "chequered", "flag"], ["took", "the", "checkered", "flag"],
        ["takes", "the", "chequered", "flag"],
        ["took", "the", "flag"], ["crossed", "the", "line", "first"], ["led", "home"],
    ]
    private static let qualifyingObjects: Set<String> = ["qualifying", "qualification", "the", "intermediate"]
    /// Phrases that end a driver's event at the stage named next ("out in the semi-finals").
    private static let eliminationPhrases: [[String]] = [
        ["went", "no", "further", "than", "the"], ["got", "no", "further", "than", "the"],
        ["dropped", "out", "in", "the"], ["eliminated", "in", "the"], ["knocked", "out", "in", "the"],
        ["was", "out", "in", "the"], ["were", "out", "in", "the"], ["fell", "in", "the"], ["went", "out", "in", "the"],
    ]

    func phraseCues() -> [ResultCue] {
        var cues: [ResultCue] = []
        for index in words.indices {
            if let phrase = Self.podiumPhrases.first(where: { Self.matches($0, at: index, in: words) }) {
                // The podium is the final's (the event's) top three, whatever stage was named before.
                cues.append(ResultCue(kind: .placing(3), tokens: index..<(index + phrase.count), fixedStage: .final))
                continue
            }
            // "crossed the line half a second ahead of Dubourg": first over the line, the others behind.
            if let phrase = [["crossed", "the", "line"], ["crossed", "the", "finish", "line"]].first(where: {
                Self.matches($0, at: index, in: words)
            }),
                let ahead = (index + phrase.count..<min(words.count, index + phrase.count + 6)).first(where: {
                    ["ahead", "clear"].contains(words[$0]) && $0 + 1 < words.count && words[$0 + 1] == "of"
                }),
                !(index + phrase.count..<ahead).contains(where: { i in
                    // "half a second ahead" is a gap, "second, ahead" a place.
                    (ResultVocabulary.ordinals[words[i]] != nil && !(i > 0 && words[i - 1] == "a"))
                        || [",", "but", "and"].contains(words[i])
                })
            {
                cues.append(ResultCue(kind: .win, tokens: index..<(index + phrase.count), fixedStage: nil))
                continue
            }
            // "Larsson hit back at Lohéac", "answered at Höljes": a win after a defeat, at that place.
            if let phrase = [["hit", "back"], ["struck", "back"], ["bounced", "back"], ["answered"]].first(where: {
                Self.matches($0, at: index, in: words)
            }),
                index + phrase.count < words.count, ["at", "in"].contains(words[index + phrase.count]),
                placeStarts(at: index + phrase.count + 1)
            {
                cues.append(ResultCue(kind: .win, tokens: index..<(index + phrase.count), fixedStage: nil))
                continue
            }
            if let phrase = Self.winPhrases.first(where: { Self.matches($0, at: index, in: words) }),
                !(index > 0 && words[index - 1] == "who")
            {
                cues.append(ResultCue(kind: .win, tokens: index..<(index + phrase.count), fixedStage: nil))
                continue
            }
            // "the winner was Jean-Baptiste Dubourg", "Dubourg was the winner".
            if words[index] == "winner", index > 0, words[index - 1] == "the",
                index + 1 < words.count && ["was", "is", "became"].contains(words[index + 1])
                    || index >= 2 && ["was", "is", "became"].contains(words[index - 2])
            {
                cues.append(ResultCue(kind: .win, tokens: index..<(index + 1), fixedStage: nil))
                continue
            }
            // "was the top of the intermediate classification": first at the stage named next.
            if words[index] == "top", index > 0, ["the", "on"].contains(words[index - 1]), index + 1 < words.count,
                words[index + 1] == "of",
                (index + 2..<min(words.count, index + 6)).contains(where: {
                    stageWord(at: $0) != nil || words[$0] == "classification"
                })
            {
                cues.append(ResultCue(kind: .placing(1), tokens: (index - 1)..<(index + 2), fixedStage: nil))
                continue
            }
            // "the final was Larsson's": the race belonged to the name after "was".
            if words[index] == "was", index > 0,
                ["final", "win", "victory", "race", "day", "semi-final"].contains(words[index - 1]),
                nameStarts.contains(index + 1),
                (index + 1..<min(words.count, index + 5)).contains(where: { i in
                    ["'s", "’s"].contains(words[i]) || words[i].hasSuffix("'s") || words[i].hasSuffix("’s")
                })
            {
                cues.append(ResultCue(kind: .win, tokens: (index - 1)..<(index + 1), fixedStage: nil))
                continue
            }
            // "won three of the four qualifying races and his semi-final": the race after the count.
            if words[index] == "won", index + 1 < words.count,
                ResultVocabulary.countWords.contains(words[index + 1])
                    || sentence.words[index + 1].kind == .number,
                let and = (index + 2..<min(words.count, index + 9)).first(where: { words[$0] == "and" }),
                !words[(index + 1)..<and].contains(where: { [",", ";", "."].contains($0) }),
                and + 2 < words.count, ["his", "her", "the", "their"].contains(words[and + 1]),
                let stage = stageWord(at: and + 2), stage != .qualifying
            {
                cues.append(ResultCue(kind: .win, tokens: (and + 1)..<(and + 3), fixedStage: stage))
                continue
            }
            // "Nitišs, winner of the Norwegian round at Hell, ...": a win in apposition to a name.
            if words[index] == "winner", index > 0, words[index - 1] == ",", afterNames.contains(index - 1),
                index + 1 < words.count, words[index + 1] == "of"
            {
                cues.append(ResultCue(kind: .win, tokens: (index - 1)..<(index + 2), fixedStage: nil))
                continue
            }
            // "his victories came at Hell, Höljes and Lohéac", "wins in Portugal and Sweden": wins
            // counted out by their places (not "three wins", which counts without saying where).
            if ["victories", "wins"].contains(words[index]),
                !(index > 0
                    && (ResultVocabulary.countWords.contains(words[index - 1])
                        || sentence.words[index - 1].kind == .number)),
                let at = (index + 1..<min(words.count, index + 3)).first(where: { ["at", "in"].contains(words[$0]) }),
                placeStarts(at: at + 1)
            {
                cues.append(ResultCue(kind: .win, tokens: index..<(index + 1), fixedStage: nil))
                continue
            }
            // "The intermediate classification was headed by Bakkerud": first at the stage its
            // subject names; the driver follows "by".
            if ["headed", "led", "topped"].contains(words[index]), index > 0,
                ["was", "were", "is", "are"].contains(words[index - 1]), index + 1 < words.count,
                words[index + 1] == "by"
            {
                cues.append(ResultCue(kind: .placing(1), tokens: index..<(index + 1), fixedStage: nil))
                continue
            }
            // "topped qualifying", "led the intermediate classification".
            if ["topped", "tops", "led", "leads", "headed"].contains(words[index]), index + 1 < words.count,
                Self.qualifyingObjects.contains(words[index + 1]),
                let end = (index + 1..<min(words.count, index + 4)).first(where: {
                    ["qualifying", "qualification", "classification"].contains(words[$0])
                })
            {
                cues.append(ResultCue(kind: .placing(1), tokens: index..<(end + 1), fixedStage: .qualifying))
                continue
            }
            if let phrase = Self.eliminationPhrases.first(where: { Self.matches($0, at: index, in: words) }),
                let stage = stageWord(at: index + phrase.count)
            {
                cues.append(
                    ResultCue(
                        kind: .failure(.didNotQualify, cause: nil), tokens: index..<(index + phrase.count),
                        fixedStage: stage))
                continue
            }
            // "Bermingrud took Höljes", "Larsson added the Höljes round": a win at that venue.
            if ["took", "added", "claimed", "takes", "adds"].contains(words[index]), venueStarts(at: index + 1) {
                cues.append(ResultCue(kind: .win, tokens: index..<(index + 1), fixedStage: nil))
                continue
            }
            // "drove to EM-fourth": an ordinal hyphenated to a championship abbreviation.
            if let position = ResultVocabulary.ordinals[words[index]], index >= 2, words[index - 1] == "-",
                namesChampionship(endingAt: index - 1)
            {
                cues.append(
                    ResultCue(kind: .placing(position), tokens: (index - 2)..<(index + 1), fixedStage: .standings))
            }
        }
        return cues
    }

    /// A venue's name starts at `index`, after an optional "the".
    private func venueStarts(at index: Int) -> Bool {
        let start = index < words.count && words[index] == "the" ? index + 1 : index
        return sentence.matches.contains { match in
            guard match.tokens.lowerBound == start, case .venue = match.entry else { return false }
            return true
        }
    }

    /// A venue or a country starts at `index`, after an optional "the".
    private func placeStarts(at index: Int) -> Bool {
        let start = index < words.count && words[index] == "the" ? index + 1 : index
        return sentence.matches.contains { match in
            guard match.tokens.lowerBound == start else { return false }
            switch match.entry {
            case .venue, .country: return true
            default: return false
            }
        }
    }

    /// The stage a word at `index` names, for the stage after an elimination phrase.
    func stageWord(at index: Int) -> Stage? {
        guard index < words.count else { return nil }
        let word = words[index]
        if word.hasPrefix("semi") { return .semiFinal }
        if ["heats", "qualifying", "heat", "qualification"].contains(word) { return .qualifying }
        if word == "final" || word == "finals" { return .final }
        return nil
    }

    /// A championship (or its untranslated abbreviation, EM/MM/SM) ends just before `index`.
    private func namesChampionship(endingAt index: Int) -> Bool {
        sentence.matches.contains { match in
            guard match.tokens.upperBound == index else { return false }
            switch match.entry {
            case .championship: return true
            case .untranslated(let i):
                return lexicon.glossary.untranslated[i].right.contains { $0.lowercased().contains("championship") }
            default: return false
            }
        }
    }
}
