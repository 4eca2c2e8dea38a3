/// "It won the final", "its Citroën": a driver referred to as "it". Finnish speech uses *se*
/// (it) for people and its written *hän* has no gender, and machine translation keeps the
/// neuter. Flagged where the sentence or the one before names a driver and no team "it" could
/// be, after "it" comes a verb of what drivers do (won, drove, ..., "finished" with a place), or
/// after "its" a car. A team "it" could be is one named as a subject, not inside a phrase ("the
/// Polo of Marklund Motorsport", "with the Fiesta of the Olsbergs MSE stable"), unless it comes
/// after the last driver named before the pronoun.
struct ItForDriverRule: Rule {
    static let description = RuleDescription(
        id: "pronoun.it-for-driver",
        severity: .warning,
        summary: "\"it\" or \"its\" for a driver (Finnish se, hän): he or she, his or her.",
        flagged: [
            Example("Timmy Hansen started from the front row. ⟦It won⟧ the final by two seconds."),
            Example("Bakkerud was second, although ⟦its Citroën⟧ had a puncture."),
            Example("Kallio had a slow start. ⟦It finished⟧ fifth in the final."),
            Example("Kevin Hansen was fourth. It was ⟦its best⟧ result of the season."),
            Example("Jānis Baumanis was on ⟦its way⟧ to the final when the engine failed."),
            Example("Reinis Nitišs had a puncture, but ⟦it finished⟧ the race in fourth."),
            Example("Nitišs was third with the Fiesta of the Olsbergs MSE stable. Skorupski had ⟦its best⟧ day."),
            Example("For the Finn driving the Polo of Marklund Motorsport, Heikkinen, ⟦it won⟧ at last."),
        ],
        unflagged: [
            Example("Timmy Hansen started from the front row. He won the final by two seconds."),
            Example("The race was long. It finished after dark."),
            Example("Team Hansen MJP entered Timmy Hansen. It won the teams' title with its Peugeot."),
            Example("Bakkerud was second. It was a good weekend."),
            Example("Kallio had a slow start. It finished late because of rain."),
            Example("Kevin Hansen was fourth. The championship had its best crowd of the season."),
            Example("Timmy Hansen won in Riga. The circuit is on its way to a new layout."),
            Example("Timmy Hansen drove for Team Hansen MJP. It won the teams' title."),
            Example("Grönholm's team changed to the Hyundai i20. The i20 had had its first life in rallies."),
        ])

    static let markedWords = ["it", "its"]

    /// Nouns before "its" that can own what follows ("the circuit ... its way").
    static let things: Set<String> = [
        "championship", "series", "circuit", "track", "team", "car", "race", "event", "season", "class", "engine",
        "company", "sport", "category",
    ]
    let it: MarkedWord
    let its: MarkedWord

    /// Past tenses of what drivers do: after "it", a driver is meant.
    static let verbs: Set<String> = [
        "won", "drove", "crashed", "retired", "spun", "overtook", "qualified", "placed", "raced", "competed",
        "celebrated", "clinched", "stormed", "collided", "rolled", "braked", "steered",
    ]

    /// Verbs that need a place after them to mean a driver: "it finished third".
    static let placeVerbs: Set<String> = ["finished", "came", "ended", "crossed"]
    static let places: Set<String> = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last",
        "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th",
    ]

    /// What a driver has: after "its", a driver is meant ("its best result", "on its way").
    static let possessions: Set<String> = [
        "best", "way", "season", "first", "win", "victory", "semi-final", "semifinal", "heat", "heats", "career",
        "debut", "team-mate", "teammate", "father", "brother", "home", "lead", "title", "podium", "place", "points",
    ]

    init(_ context: RuleContext) {
        it = context.marked("it")
        its = context.marked("its")
    }

    /// A mention's place in the article, in reading order.
    private struct Place: Comparable {
        var sentence: Int
        var token: Int
        static func < (a: Place, b: Place) -> Bool { (a.sentence, a.token) < (b.sentence, b.token) }
    }

    func checkArticle(_ article: AnnotatedArticle) -> [Diagnostic] {
        // Most articles have no "it" or "its" a driver could be: nothing to gather for them.
        guard article.sentences.contains(where: { $0.has(it) || $0.has(its) }) else { return [] }
        // By sentence: the drivers' first tokens, and the teams "it" could be (token, whether the
        // sentence opens with it).
        let count = article.sentences.count
        var drivers = [[Int]](repeating: [], count: count)
        var teams = [[(token: Int, subject: Bool)]](repeating: [], count: count)
        var firstMention = [Int](repeating: .max, count: count)
        var namesDriver = false
        for mention in article.mentions where mention.sentence < count {
            firstMention[mention.sentence] = min(firstMention[mention.sentence], mention.tokens.lowerBound)
        }
        for mention in article.mentions where mention.sentence < count {
            switch mention.entity {
            case .driver:
                drivers[mention.sentence].append(mention.tokens.lowerBound)
                namesDriver = true
            case .team:
                let sentence = article.sentences[mention.sentence]
                guard !Self.isInsidePhrase(mention.tokens.lowerBound, in: sentence) else { continue }
                teams[mention.sentence].append(
                    (mention.tokens.lowerBound, firstMention[mention.sentence] == mention.tokens.lowerBound))
            default: break
            }
        }
        guard namesDriver else { return [] }
        var flags: [Diagnostic] = []
        for (index, sentence) in article.sentences.enumerated() where sentence.has(it) || sentence.has(its) {
            // This sentence and the one before.
            let context = index > 0 ? [index - 1, index] : [index]
            guard context.contains(where: { !drivers[$0].isEmpty }) else { continue }
            /// Whether a team named before token `k` could be what "it" is.
            func teamAntecedent(before k: Int) -> Bool {
                let pronoun = Place(sentence: index, token: k)
                let lastDriver = context.flatMap { s in drivers[s].map { Place(sentence: s, token: $0) } }
                    .filter { $0 < pronoun }.max()
                return context.contains { s in
                    teams[s].contains { team in
                        let place = Place(sentence: s, token: team.token)
                        if team.subject { return true }
                        guard let lastDriver else { return true }
                        return lastDriver < place && place < pronoun
                    }
                }
            }
            for k in sentence.words.indices.dropLast() where sentence.isWord(k) && sentence.isWord(k + 1) {
                let id = sentence.wordIDs[k]
                let verb = sentence.folded[k + 1]
                // "it finished fifth", "it finished the race in fourth".
                let placed =
                    Self.placeVerbs.contains(verb)
                    && sentence.folded[(k + 2)..<min(sentence.words.count, k + 7)].contains(where: Self.places.contains)
                let driverAct = id == it.id && (Self.verbs.contains(verb) || placed)
                let car =
                    id == its.id
                    && sentence.matches.contains { match in
                        guard case .car = match.entry else { return false }
                        return match.tokens.lowerBound == k + 1
                    }
                // Not "the championship had its best crowd": no other subject named before "its".
                let possession =
                    id == its.id && Self.possessions.contains(verb)
                    && !sentence.matches.contains { match in
                        guard match.tokens.upperBound <= k else { return false }
                        switch match.entry {
                        case .championship, .venue, .raceClass, .team, .car: return true
                        default: return false
                        }
                    }
                    && !sentence.folded[..<k].contains(where: Self.things.contains)
                guard driverAct || car || possession, !teamAntecedent(before: k) else { continue }
                let pronoun = sentence.text(k, in: article)
                let replacement = (id == it.id ? "he" : "his").matchingCase(of: pronoun)
                flags.append(
                    flag(
                        sentence.range(k..<(k + 2)), in: sentence,
                        message:
                            "'\(pronoun)' here is a driver, as Finnish 'se' or 'hän' would be: '\(replacement)' (or the feminine)",
                        suggestions: [replacement + " " + sentence.text(k + 1, in: article)]))
            }
        }
        return flags
    }

    /// A name inside another's phrase: after "of", across "the" ("the Polo of Marklund Motorsport"); "drove
    /// for Team X" keeps the team one "it" can be.
    private static func isInsidePhrase(_ token: Int, in sentence: AnnotatedSentence) -> Bool {
        var i = token - 1
        if i >= 0 && sentence.folded[i] == "the" { i -= 1 }
        return i >= 0 && sentence.folded[i] == "of"
    }
}
