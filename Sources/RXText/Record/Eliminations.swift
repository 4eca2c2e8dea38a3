/// Drivers who went out before a stage, stated as the stage they did not reach: "did not reach
/// the final", "failed to make the semi-finals", "None of the other Belgians ... got into the top
/// twelve", "missed the final", "a puncture kept him out of the final", and "a result that
/// eliminated A, B and C". The result is `did-not-qualify` at the stage they went out in: missing
/// the final is going out in the semi-finals, missing the semi-finals (the top twelve) going out
/// in qualifying.
extension ResultCueFinder {
    private static let reachVerbs: [[String]] = [
        ["reach"], ["reached"], ["reaching"], ["make"], ["made"], ["making"], ["get", "into"], ["got", "into"],
        ["qualify", "for"], ["qualified", "for"], ["progress", "to"], ["progressed", "to"], ["advance", "to"],
        ["advanced", "to"], ["go", "through", "to"], ["went", "through", "to"],
    ]
    private static let missVerbs: [[String]] = [["missed"], ["misses"], ["miss"], ["out", "of"]]
    private static let negators: Set<String> = ["not", "n't", "never", "failed", "none", "neither", "nor", "no"]
    /// Eliminations stated after the names they eliminate.
    static let leftBehind: [[String]] = [
        ["left", "behind"], ["missed", "out"], ["miss", "out"], ["were", "eliminated"], ["were", "knocked", "out"],
        ["went", "out"],
    ]

    func eliminationCues() -> [ResultCue] {
        var cues: [ResultCue] = []
        for index in words.indices {
            if let verb = Self.missVerbs.first(where: { Self.matches($0, at: index, in: words) }),
                let (end, stage) = stageNotReached(at: index + verb.count),
                // "out of the final" only with what kept the driver there ("kept him out of"; a
                // driver who "crashed out of the final" was in it).
                verb != ["out", "of"]
                    || (index >= 2
                        && ["kept", "keeps", "keeping", "left", "knocked", "put"].contains(words[index - 2]))
            {
                cues.append(
                    ResultCue(kind: .failure(.didNotQualify, cause: nil), tokens: index..<end, fixedStage: stage))
                continue
            }
            if let verb = Self.reachVerbs.first(where: { Self.matches($0, at: index, in: words) }),
                words[max(0, index - 3)..<index].contains(where: Self.negators.contains)
                    || Self.negatedSubject(before: index, in: words),
                let (end, stage) = stageNotReached(at: index + verb.count)
            {
                cues.append(
                    ResultCue(kind: .failure(.didNotQualify, cause: nil), tokens: index..<end, fixedStage: stage))
                continue
            }
            // "with Timmy Hansen, Loeb and Heikkinen the unlucky three left behind", "A and B were
            // eliminated": out at the stage read, for the names listed before.
            if let phrase = Self.leftBehind.first(where: { Self.matches($0, at: index, in: words) }) {
                cues.append(
                    ResultCue(
                        kind: .failure(.didNotQualify, cause: nil), tokens: index..<(index + phrase.count),
                        fixedStage: nil))
                continue
            }
            // "Bryntesson's crash in the semi-finals", "his crash in the final": out of that race.
            if words[index] == "crash", index > 0,
                ["his", "her", "their"].contains(words[index - 1]) || words[index - 1].hasSuffix("'s")
                    || words[index - 1].hasSuffix("’s"),
                index + 2 < words.count, words[index + 1] == "in", words[index + 2] == "the",
                let stage = stageWord(at: index + 3)
            {
                cues.append(
                    ResultCue(
                        kind: .failure(.retired, cause: "accident"), tokens: index..<(index + 1), fixedStage: stage))
                continue
            }
            // "a result that eliminated Timmy Hansen, Loeb and Heikkinen": out at the stage read.
            if ["eliminated", "eliminating"].contains(words[index]), index + 1 < words.count,
                nameStarts.contains(index + 1)
            {
                cues.append(
                    ResultCue(kind: .failure(.didNotQualify, cause: nil), tokens: index..<(index + 1), fixedStage: nil))
            }
        }
        return cues
    }

    /// "None of the other Belgians, ..., got into": a subject that negates the verb.
    private static func negatedSubject(before index: Int, in words: [String]) -> Bool {
        guard let none = words[..<index].firstIndex(where: { $0 == "none" || $0 == "neither" }) else { return false }
        return !words[none..<index].contains(where: { [";", ":", "but", "while"].contains($0) })
    }

    /// The stage named at `index` ("the final", "the semi-finals", "the top twelve") and the stage
    /// one goes out in by not reaching it.
    private func stageNotReached(at index: Int) -> (end: Int, stage: Stage)? {
        var at = index
        if at < words.count && ["the", "a", "his", "her", "its", "their"].contains(words[at]) { at += 1 }
        guard at < words.count else { return nil }
        if ["final", "finals"].contains(words[at]) { return (at + 1, .semiFinal) }
        if words[at].hasPrefix("semi") {
            let end = at + 2 < words.count && words[at + 1] == "-" ? at + 3 : at + 1
            return (end, .qualifying)
        }
        // "the top twelve", "the top 12": the semi-final cut.
        if words[at] == "top", at + 1 < words.count,
            ["twelve", "12", "eight", "8", "sixteen", "16"].contains(words[at + 1])
        {
            return (at + 2, .qualifying)
        }
        return nil
    }
}
