/// A driver a result can belong to: one of the glossary's, or a person the article names whom the
/// glossary does not know (a third of the drivers in ordinary reports).
struct DriverRef: Hashable, Sendable {
    var name: String
    /// The glossary's id; nil for a driver the glossary does not list.
    var id: String?
    /// ISO 3166-1 alpha-3, when the glossary knows it.
    var nationality: String?
    /// The glossary index, for the record's subject comparisons.
    var index: Int?
}

/// A driver named in a sentence, with the tokens that name them.
struct NamedDriver {
    var driver: DriverRef
    var tokens: Range<Int>
}

/// Every driver each sentence names: the lexicon's driver mentions, and runs of capitalised words
/// that read as a person's name ("Koen Pauwels", "Mandie August") where the glossary has nothing.
///
/// A glossary surname preceded by a different first name is that other person ("Matias
/// Lautamäki" is not the glossary's Jukka Lautamäki), and a bare surname later in the article
/// resolves to the full name the article gave, not to the glossary's namesake.
struct DriverNames {
    let bySentence: [[NamedDriver]]
    /// The lexicon's mentions of each sentence, in the article's order: the reader's other
    /// stages look mentions up by sentence too.
    let mentionsBySentence: [[Mention]]

    /// `renamedSurnames`: surnames the linter recovered from their word-for-word rendering
    /// ("Cape" is Niemi), so that "Ari-Pekka Cape" is the driver Ari-Pekka Niemi.
    init(_ article: AnnotatedArticle, renamedSurnames: [ByteRange: String] = [:]) {
        let glossary = article.lexicon.glossary
        var perSentence: [[NamedDriver]] = Array(repeating: [], count: article.sentences.count)
        // Surname (folded) -> the unknown full name the article introduced it with.
        var unknownSurnames: [String: DriverRef] = [:]
        // The sentence each such surname was first given in full.
        var introduced: [String: Int] = [:]
        var mentionsBySentence: [[Mention]] = Array(repeating: [], count: article.sentences.count)
        // Each driver's first sentence naming them in full.
        var firstFullName: [Int: Int] = [:]
        for mention in article.mentions {
            mentionsBySentence[mention.sentence].append(mention)
            if case .driver(let i) = mention.entity, mention.tokens.count > 1, firstFullName[i] == nil {
                firstFullName[i] = mention.sentence
            }
        }

        // First name (folded) -> the driver named in full with it so far; nil once two share it.
        var firstNames: [String: DriverRef?] = [:]
        func noteFirstName(_ ref: DriverRef, _ tokens: Range<Int>, _ sentence: AnnotatedSentence) {
            guard tokens.count > 1 else { return }
            let first = sentence.folded[tokens.lowerBound]
            if let known = firstNames[first], known?.name != ref.name {
                firstNames[first] = .some(nil)
            } else {
                firstNames[first] = ref
            }
        }
        for (index, sentence) in article.sentences.enumerated() {
            var named: [NamedDriver] = []
            let mentions = mentionsBySentence[index]
            var covered = Set<Int>()
            for mention in mentions {
                guard case .driver(let i) = mention.entity else { continue }
                let driver = glossary.drivers[i]
                var tokens = mention.tokens
                var ref = DriverRef(name: driver.name, id: driver.id, nationality: driver.nationality, index: i)
                if tokens.count == 1 {
                    let surname = sentence.folded[tokens.lowerBound]
                    if let first = Self.firstName(before: tokens.lowerBound, in: sentence),
                        ICU.fold(first.text) != ICU.fold(String(driver.name.split(separator: " ").first ?? ""))
                    {
                        // Another person of that surname.
                        ref = DriverRef(name: "\(first.text) \(Self.text(sentence, tokens, article))", id: nil)
                        tokens = first.token..<tokens.upperBound
                        unknownSurnames[surname] = ref
                        if introduced[surname] == nil { introduced[surname] = index }
                    } else if let known = unknownSurnames[surname],
                        // The glossary's namesake is not named in full yet, or was named after the
                        // other one ("Oliver Solberg ..., son of Petter Solberg ... Solberg won").
                        firstFullName[i].map({ full in full > index || (introduced[surname].map { $0 < full } ?? false)
                        })
                            ?? true
                    {
                        ref = known
                    }
                }
                covered.formUnion(tokens)
                named.append(NamedDriver(driver: ref, tokens: tokens))
            }
            // "Rock Rapids" for Kalliokoski, "the Rock" for Kallio: the driver whose surname's
            // meaning the text gives, when the article names that driver or only one has it.
            for match in sentence.matches {
                guard case .surnameLiteral(let drivers) = match.entry,
                    sentence.traits[match.tokens.lowerBound].contains(.capitalized),
                    !covered.contains(match.tokens.lowerBound)
                else { continue }
                let inArticle = drivers.filter(article.driversMentioned.contains)
                guard let driver = inArticle.count == 1 ? inArticle.first : drivers.count == 1 ? drivers.first : nil
                else { continue }
                var tokens = match.tokens
                if let first = Self.firstName(before: tokens.lowerBound, in: sentence) {
                    tokens = first.token..<tokens.upperBound
                }
                covered.formUnion(tokens)
                let entry = glossary.drivers[driver]
                named.append(
                    NamedDriver(
                        driver: DriverRef(
                            name: entry.name, id: entry.id, nationality: entry.nationality, index: driver),
                        tokens: tokens))
            }
            for run in Self.nameRuns(in: sentence, skipping: covered) {
                let tokens = run.first!..<(run.last! + 1)
                let text = Self.withoutPossessive(Self.text(sentence, tokens, article))
                if run.count == 1 {
                    // A bare surname of a full name given earlier; else a first name alone
                    // ("Andréa finished fourth") of the one driver named in full with it.
                    let word = Self.withoutPossessive(sentence.folded[run[0]])
                    if let known = unknownSurnames[word] ?? firstNames[word] ?? nil {
                        named.append(NamedDriver(driver: known, tokens: tokens))
                    }
                    continue
                }
                var ref = DriverRef(name: text, id: nil)
                let runStart = sentence.words[tokens.lowerBound].range.start
                let runEnd = sentence.words[tokens.upperBound - 1].range.end
                if let (range, surname) = renamedSurnames.first(where: { entry in
                    entry.key.start >= runStart && entry.key.end <= runEnd
                }) {
                    let name = Self.withoutPossessive(
                        article.document.text(ByteRange(runStart, range.start)) + surname
                            + article.document.text(ByteRange(range.end, runEnd)))
                    // The full name, or a surname alone ("Aspen Hill" is Haapamäki) that one
                    // glossary driver has.
                    let full = glossary.drivers.indices.filter { ICU.fold(glossary.drivers[$0].name) == ICU.fold(name) }
                    let bySurname = glossary.drivers.indices.filter {
                        ICU.fold(String(glossary.drivers[$0].name.split(separator: " ").last ?? "")) == ICU.fold(name)
                    }
                    if let known = full.first ?? (bySurname.count == 1 ? bySurname.first : nil) {
                        let entry = glossary.drivers[known]
                        ref = DriverRef(name: entry.name, id: entry.id, nationality: entry.nationality, index: known)
                    } else {
                        ref = DriverRef(name: name, id: nil)
                    }
                    // "The title went to Perkiömäki" after "Ari Perkiö Hill".
                    unknownSurnames[ICU.fold(surname)] = ref
                }
                unknownSurnames[Self.withoutPossessive(sentence.folded[run.last!])] = ref
                named.append(NamedDriver(driver: ref, tokens: tokens))
            }
            for name in named { noteFirstName(name.driver, name.tokens, sentence) }
            perSentence[index] = named.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
        }
        bySentence = perSentence
        self.mentionsBySentence = mentionsBySentence
    }

    private static func text(_ sentence: AnnotatedSentence, _ tokens: Range<Int>, _ article: AnnotatedArticle)
        -> String
    {
        article.document.text(
            ByteRange(sentence.words[tokens.lowerBound].range.start, sentence.words[tokens.upperBound - 1].range.end))
    }

    /// "Sanin's" names Sanin.
    static func withoutPossessive(_ text: String) -> String {
        for suffix in ["'s", "’s"] where text.hasSuffix(suffix) { return String(text.dropLast(2)) }
        return text
    }

    /// A capitalised word just before a surname that could be a first name.
    private static func firstName(before index: Int, in sentence: AnnotatedSentence) -> (token: Int, text: String)? {
        guard index > 0 else { return nil }
        let token = index - 1
        let traits = sentence.traits[token]
        guard traits.contains(.word), traits.contains(.capitalized), !traits.contains(.inEntity),
            !traits.contains(.capitalPair), !notNameWords.contains(sentence.folded[token]),
            Demonyms.nouns[sentence.folded[token]] == nil
        else { return nil }
        // A sentence's first word is capitalised anyway: only a name if it is not a common word.
        if token == 0 && commonSentenceOpeners.contains(sentence.folded[token]) { return nil }
        let word = sentence.folded[token]
        return (token, String(word.prefix(1)).uppercased() + word.dropFirst())
    }

    /// Runs of capitalised words outside glossary matches that may name a person: one to three
    /// words, particles ("van", "de") allowed inside.
    static func nameRuns(in sentence: AnnotatedSentence, skipping covered: Set<Int>) -> [[Int]] {
        var runs: [[Int]] = []
        var current: [Int] = []
        func close() {
            while let last = current.last, particles.contains(sentence.folded[last]) { current.removeLast() }
            // "the Kenyan Tejas Hirani": a person's name takes no article, so the first of three
            // capitalised words after one describes the person.
            if current.count >= 3, let first = current.first, first > 0,
                ["the", "a", "an"].contains(sentence.folded[first - 1])
            {
                current.removeFirst()
            }
            if !current.isEmpty && current.filter({ sentence.folded[$0] != "-" }).count <= 3 { runs.append(current) }
            current = []
        }
        let words = sentence.words
        /// "Haigh-Smith": a hyphen joining two capitalised words with no space.
        func joinsSurname(_ index: Int) -> Bool {
            guard !current.isEmpty, sentence.folded[index] == "-", index + 1 < words.count,
                words[index - 1].range.end == words[index].range.start,
                words[index].range.end == words[index + 1].range.start
            else { return false }
            return sentence.traits[index + 1].contains(.capitalized)
        }
        for index in sentence.words.indices {
            let traits = sentence.traits[index]
            let word = sentence.folded[index]
            let nameLike =
                traits.contains(.word) && traits.contains(.capitalized) && !traits.contains(.inEntity)
                && !traits.contains(.capitalPair) && !covered.contains(index) && !notNameWords.contains(word)
                && Demonyms.nouns[word] == nil && word.count > 1
                && !(index == 0 && commonSentenceOpeners.contains(word))
            if nameLike || (!current.isEmpty && particles.contains(word) && traits.contains(.word))
                || joinsSurname(index)
            {
                current.append(index)
            } else {
                close()
            }
        }
        close()
        return runs
    }

    private static let particles: Set<String> = ["van", "de", "der", "von", "den", "le", "da", "di"]

    /// Capitalised words that do not start a person's name in race reports.
    static let notNameWords: Set<String> = [
        "the", "a", "an", "in", "at", "on", "after", "before", "his", "her", "its", "their", "he", "she", "it",
        "they", "we", "i", "but", "and", "while", "when", "with", "for", "from", "as", "by", "of", "to", "this",
        "that", "these", "those", "there", "then", "world", "european", "euro", "rx", "rallycross", "championship",
        "cup", "series", "supercar", "supercars", "super1600", "final", "finals", "semi", "semi-final",
        "semi-finals", "heat", "heats", "qualifying", "round", "team", "racing", "motorsport", "grand", "prix",
        "circuit", "international", "fia", "lites", "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "share", "like", "click", "facebook", "twitter", "previous",
        "next", "related", "leave", "reply", "tags", "posted", "photo", "read", "more", "also", "both", "all",
        "one", "two", "three", "four", "five", "six", "first", "second", "third", "fourth", "fifth", "last",
        "only", "even", "still", "so", "if", "what", "who", "how", "why", "where", "yes", "no", "not", "now",
        "here", "well", "our", "my", "your", "you", "me", "him", "them", "us", "nordic", "rallyx", "autocross",
        "crosskart", "touringcar", "rx2", "rx1", "academy", "junior", "class", "mr", "sm", "em", "mm", "super",
        "north", "south", "east", "west", "new", "old", "ford", "audi", "volkswagen", "vw", "peugeot",
        "citroën", "citroen", "skoda", "škoda", "renault", "hyundai", "mini", "polo", "fiesta", "seat", "kia",
        "opel", "toyota", "honda", "subaru", "mitsubishi", "saab", "volvo", "bmw", "mercedes", "lancia",
        "clio", "twingo", "ibiza", "fabia", "corolla", "yaris", "swift", "suzuki", "lada", "ds3", "i20", "208",
        "hell", "heaven", "god", "christmas", "easter",
    ]

    /// Common words that open sentences capitalised.
    private static let commonSentenceOpeners: Set<String> = [
        "however", "meanwhile", "later", "earlier", "despite", "although", "though", "because", "since",
        "until", "unlike", "like", "once", "instead", "today", "yesterday", "tomorrow", "again", "finally",
        "eventually", "unfortunately", "fortunately", "luckily", "sadly", "overall", "behind", "ahead", "third",
        "second", "fourth", "fifth", "sixth", "victory", "win", "winning", "points", "pole", "top", "home",
        "local", "fellow", "former", "young", "veteran", "reigning", "defending", "title", "race", "driver",
        "drivers", "car", "cars", "engine", "during", "over", "under", "between", "among", "among", "just",
        "already", "never", "every", "each", "another", "other", "some", "many", "most", "few", "several",
        "no", "none", "nothing", "everything", "something", "anything", "nobody", "everyone", "someone",
        "thanks", "thank", "according", "besides", "apart", "except", "including", "within", "without",
        "through", "throughout", "against", "towards", "toward", "about", "around", "above", "below", "beyond",
        "next", "rain", "weather", "conditions", "saturday's", "sunday's", "team-mate", "teammate",
    ]
}
