/// Results a race report states once and then shares by coordination, leaving the verb (and
/// often the noun) out of the second half:
///
/// - a gapped subject: "Kevin Hansen won the first semi-final and Timmy Hansen the second", "A won
///   the first heat, B the second and C the third";
/// - a second object: "won the fourth qualifying race and then the second semi-final";
/// - coordinated places: "won the rounds in Portugal and Sweden", "victories at Hell and Höljes".
///
/// Each reads only what stands right after the stated result, with nothing between but the
/// coordination itself, so an unrelated clause later in the sentence is never taken in.
enum GappedResults {
    /// Drivers who take the same result at the next occurrence of the same stage: "and Y the
    /// second". `objectEnd` is the token after the stated result's object ("the first semi-final").
    static func gappedSubjects(objectEnd: Int, words: [String], named: [NamedDriver]) -> [NamedDriver] {
        var found: [NamedDriver] = []
        var index = objectEnd
        while index < words.count {
            // ", B the second", "and C the third", ", and D the fourth".
            var at = index
            guard [",", "and"].contains(words[at]) else { break }
            at += 1
            if at < words.count && words[at] == "and" { at += 1 }
            guard let name = named.first(where: { $0.tokens.lowerBound == at }) else { break }
            at = name.tokens.upperBound
            guard at + 1 < words.count, words[at] == "the", ResultVocabulary.ordinals[words[at + 1]] != nil else {
                break
            }
            at += 2
            // The noun left out: a following noun means a new object of its own ("the second heat
            // in the morning" still shares; "the second row" would not be a result).
            if at < words.count, words[at].first?.isLetter ?? false, words[at] != "and" { break }
            found.append(name)
            index = at
        }
        return found
    }

    /// Drivers who take the same result at another place: "Kristoffersson won in Portugal,
    /// Solberg in Hockenheim and now Heikkinen in Belgium". `placeEnd` is the token after the
    /// stated result's place; each driver comes with the place named after them.
    static func gappedPlaces(
        placeEnd: Int, words: [String], named: [NamedDriver], places: [EventMentions.Place]
    ) -> [(NamedDriver, EventMentions.Place)] {
        var found: [(NamedDriver, EventMentions.Place)] = []
        var index = placeEnd
        while index < words.count, [",", "and"].contains(words[index]) {
            var at = index + 1
            while at < words.count && ["and", "now", "then", "finally", "later"].contains(words[at]) { at += 1 }
            guard let name = named.first(where: { $0.tokens.lowerBound == at }) else { break }
            at = name.tokens.upperBound
            guard at < words.count, ["in", "at"].contains(words[at]) else { break }
            at += 1
            if at < words.count && words[at] == "the" { at += 1 }
            guard let place = places.first(where: { $0.tokens.lowerBound == at }) else { break }
            found.append((name, place))
            index = place.tokens.upperBound
        }
        return found
    }

    /// A second stage the same verb governs: "won the heat and then the final". Returns the
    /// stage cue of the second object when nothing but the coordination stands between.
    static func secondObject(after first: StageCue, stages: [StageCue], words: [String], named: [NamedDriver])
        -> StageCue?
    {
        // The next stage named apart from the first ("qualifying race" is one object).
        guard let next = stages.first(where: { $0.tokens.lowerBound > first.tokens.upperBound }),
            next.stage != first.stage, [.qualifying, .semiFinal, .final].contains(next.stage)
        else { return nil }
        let between = first.tokens.upperBound..<next.tokens.lowerBound
        guard between.count <= 5, words[between].contains("and"),
            !named.contains(where: { between.contains($0.tokens.lowerBound) })
        else { return nil }
        let glue: Set<String> = [
            "and", "then", "also", "later", "the", "his", "her", "its", "in", "a", "one", "race", "run", ",",
        ]
        let onlyGlue = between.allSatisfy { i in
            glue.contains(words[i]) || ResultVocabulary.ordinals[words[i]] != nil
        }
        return onlyGlue ? next : nil
    }

    /// Places coordinated with `first`: "in Portugal and Sweden", "at Hell, Höljes and Lohéac".
    static func coordinatedPlaces(
        after first: EventMentions.Place, places: [EventMentions.Place], words: [String]
    ) -> [EventMentions.Place] {
        var found: [EventMentions.Place] = []
        var last = first
        let glue: Set<String> = ["and", ",", "the", "in", "at", "again", "then", "also", "later"]
        for place in places where place.tokens.lowerBound >= last.tokens.upperBound {
            let between = last.tokens.upperBound..<place.tokens.lowerBound
            guard !between.isEmpty, between.count <= 4, words[between].contains(where: { $0 == "and" || $0 == "," }),
                between.allSatisfy({ glue.contains(words[$0]) })
            else { break }
            if place.country != first.country && !found.contains(where: { $0.country == place.country }) {
                found.append(place)
            }
            last = place
            if words[between].contains("and") { break }
        }
        return found
    }
}
