/// Drivers a result is stated ahead of: "won the semi-final from Eriksson and Kristoffersson",
/// "went to Solberg ahead of Kevin Hansen and Bakkerud", "third in the standings, ahead of
/// Shigabutdinov (83) and Baumanis (79)", "won the final before Rajala and Baumanis" (translated
/// Finnish: *ennen*). Race reports name the cars behind in their order, so the drivers named take
/// the places after the anchor's, at its stage and event.
///
/// Only a list that follows its anchor closely counts: no other driver between the result and
/// the marker, and nothing but "and", commas, a nationality, a car or a points figure between
/// the names of the list.
enum RelativePlacings {
    /// Markers after which the drivers named are behind the anchor. "from" only after a win
    /// ("won from"), where it cannot be a place of origin.
    private static let markers: [(words: [String], afterWinOnly: Bool)] = [
        (["ahead", "of"], false), (["clear", "of"], false), (["in", "front", "of"], false),
        (["followed", "by"], false), (["before"], false), (["from"], true),
        // "went to Kristoffersson, who led Ekström and Bakkerud across the line", "led home A and B".
        (["who", "led"], false), (["led", "home"], false), (["leading", "home"], false),
    ]

    /// Words the marker may be separated from the anchor by: no clause break, no other result.
    private static let gapLimit = 8
    private static let clauseBreaks: Set<String> = [
        ";", ":", ".", "while", "but", "whereas", "although", "when", "after",
    ]

    /// Words that may stand between two names of the list ("A (83) and B", "A and eight ahead of B").
    private static let listGlue: Set<String> = [
        "and", ",", "(", ")", "the", "his", "her", "team-mate", "teammate", "compatriot", "countryman", "points",
        "point", "ahead", "clear", "of", "'s", "’s", "further", "back", "pts", "p",
    ]

    /// The drivers after `anchorEnd` (the token after the result and its driver), in order, or
    /// none when the text does not list anyone behind.
    static func followers(
        anchorEnd: Int, isWin: Bool, words: [String], named: [NamedDriver], sentence: AnnotatedSentence,
        otherCues: [Range<Int>]
    ) -> [NamedDriver] {
        namedList(
            after: anchorEnd, markers: markers.filter { !$0.afterWinOnly || isWin }.map(\.words), words: words,
            named: named, sentence: sentence, otherCues: otherCues)
    }

    /// The drivers a placing is stated behind ("second in the final, behind Bryntesson"), with
    /// the places they take: one name is the place before; as many names as places before are
    /// those places in order; anything else says nothing certain.
    static func leaders(
        anchorEnd: Int, position: Int, words: [String], named: [NamedDriver], sentence: AnnotatedSentence,
        otherCues: [Range<Int>]
    ) -> [(NamedDriver, Int)] {
        guard position >= 2 else { return [] }
        // "runner-up to Ekström": the one ahead, after "to" right behind the cue.
        let runnerUp = anchorEnd > 0 && ["runner-up", "up"].contains(words[anchorEnd - 1])
        let list = namedList(
            after: anchorEnd, markers: runnerUp ? [["behind"], ["to"]] : [["behind"]], words: words, named: named,
            sentence: sentence, otherCues: otherCues)
        if list.count == 1 { return [(list[0], position - 1)] }
        if list.count == position - 1 { return list.enumerated().map { ($0.element, $0.offset + 1) } }
        return []
    }

    private static func namedList(
        after anchorEnd: Int, markers: [[String]], words: [String], named: [NamedDriver], sentence: AnnotatedSentence,
        otherCues: [Range<Int>]
    ) -> [NamedDriver] {
        guard anchorEnd < words.count else { return [] }
        // "led home the Olsbergs MSE Fords of Bakkerud and Nitišs": the win's own verb is the marker.
        let ledHome = anchorEnd >= 2 && words[anchorEnd - 2] == "led" && words[anchorEnd - 1] == "home"
        var markerEnd: Int? = ledHome ? anchorEnd : nil
        var index = anchorEnd
        scan: while markerEnd == nil && index < words.count && index <= anchorEnd + gapLimit {
            if clauseBreaks.contains(words[index]) { break }
            if named.contains(where: { $0.tokens.lowerBound == index }) { break }
            // "finished first and second ahead of Šusta": the nearer result is the anchor.
            if otherCues.contains(where: { $0.lowerBound == index }) { break }
            for marker in markers {
                if ResultCueFinder.matches(marker, at: index, in: words) {
                    markerEnd = index + marker.count
                    break scan
                }
            }
            index += 1
        }
        guard let markerEnd else { return [] }
        // The first name right after the marker ("ahead of the Norwegian Andreas Bakkerud").
        guard
            let first = named.first(where: {
                $0.tokens.lowerBound >= markerEnd && $0.tokens.lowerBound <= markerEnd + (ledHome ? 6 : 3)
                    && words[markerEnd..<$0.tokens.lowerBound].allSatisfy { word in
                        word.first?.isLetter ?? false
                    }
            })
        else { return [] }
        var list = [first]
        for next in named where next.tokens.lowerBound > list.last!.tokens.upperBound {
            let gap = list.last!.tokens.upperBound..<next.tokens.lowerBound
            guard gap.count <= 6, words[gap].contains(where: { $0 == "and" || $0 == "," }),
                gap.allSatisfy({ isGlue(at: $0, words: words, sentence: sentence) })
            else { break }
            list.append(next)
            // "A and B": the list ends with its "and".
            if words[gap].contains("and") && !words[gap].contains(where: { ["ahead", "clear"].contains($0) }) { break }
        }
        return list
    }

    private static func isGlue(at index: Int, words: [String], sentence: AnnotatedSentence) -> Bool {
        let word = words[index]
        if listGlue.contains(word) || sentence.words[index].kind == .number { return true }
        if ResultVocabulary.countWords.contains(word) || word == "one" { return true }
        // A car or team after a name ("Dubourg's Peugeot 208"), a nationality before one.
        return sentence.traits[index].contains(.inEntity) || Demonyms.nouns[word] != nil
    }
}
