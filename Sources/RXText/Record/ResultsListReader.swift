/// Results given as a numbered list: "Final: 1. Toomas Heikkinen (Volkswagen Polo), 2. Timmy
/// Hansen ..." or one "1) Name, car" per line. The stage is the label before the list
/// ("Final:", "Semi-final 1:", "Standings:"); a list without one is a final.
///
/// A list is read per paragraph, across sentence breaks: the segmenter may end a sentence at
/// "1." before the name.
struct ResultsListReader {
    struct Item {
        var driver: DriverRef
        var position: Int
        var stage: Stage
        var evidence: ByteRange
        var sentence: Int
        var tokens: Range<Int>
    }

    private var itemsBySentence: [Int: [Item]] = [:]

    init(article: AnnotatedArticle, names: DriverNames) {
        var byParagraph: [Int: [Int]] = [:]
        for (index, sentence) in article.sentences.enumerated() {
            byParagraph[sentence.sentence.paragraph, default: []].append(index)
        }
        for (_, sentences) in byParagraph {
            var items: [Item] = []
            var label: Stage? = nil
            var labelSeen = false
            for index in sentences {
                let sentence = article.sentences[index]
                let words = sentence.folded
                for name in names.bySentence[index] {
                    guard
                        let (number, start) = Self.number(
                            before: name.tokens.lowerBound, sentence: index, article: article)
                    else { continue }
                    let first = start.sentence == index ? start.token : name.tokens.lowerBound
                    items.append(
                        Item(
                            driver: name.driver, position: number, stage: .final,
                            evidence: ByteRange(
                                article.sentences[start.sentence].words[start.token].range.start,
                                sentence.words[name.tokens.upperBound - 1].range.end),
                            sentence: index, tokens: first..<name.tokens.upperBound))
                }
                if !labelSeen {
                    // The label: a stage word before the first item, up to a colon.
                    let limit = items.first.map { $0.sentence == index ? $0.tokens.lowerBound : 0 } ?? words.count
                    for i in 0..<limit {
                        if let stage = Self.label(words[i]) { label = stage }
                    }
                    if !items.isEmpty { labelSeen = true }
                }
            }
            // A list: at least three items numbered 1, 2, 3 ... in order.
            guard items.count >= 3 else { continue }
            var expected = items[0].position
            guard expected <= 2 else { continue }
            var list: [Item] = []
            for item in items where item.position == expected {
                list.append(item)
                expected += 1
            }
            guard list.count >= 3 else { continue }
            // "1. Kalliokoski 30 points, 2. ...": a list of points is a table of the standings.
            let first = list[0]
            let afterFirst = article.sentences[first.sentence].folded[first.tokens.upperBound...].prefix(3)
            let points = afterFirst.contains { ["points", "pts", "p"].contains($0) }
            for var item in list {
                item.stage = label ?? (points ? .standings : .final)
                itemsBySentence[item.sentence, default: []].append(item)
            }
        }
        for index in article.sentences.indices where itemsBySentence[index] == nil {
            let points = Self.pointsList(in: index, article: article, names: names)
            if !points.isEmpty { itemsBySentence[index] = points }
        }
    }

    /// "After Hell the points were: Rustad 83, Grosset-Janin 77 and Rajala 53": names each followed
    /// by a points figure, after a colon that closes a standings word, in falling order.
    private static func pointsList(in index: Int, article: AnnotatedArticle, names: DriverNames) -> [Item] {
        let sentence = article.sentences[index]
        let words = sentence.folded
        guard let colon = words.firstIndex(of: ":"),
            words[..<colon].contains(where: { ["points", "standings", "table", "classification"].contains($0) })
        else { return [] }
        var items: [Item] = []
        var last = Int.max
        for name in names.bySentence[index] where name.tokens.lowerBound > colon {
            let at = name.tokens.upperBound
            guard at < words.count, sentence.words[at].kind == .number, let points = Int(words[at]), points <= last
            else { break }
            last = points
            items.append(
                Item(
                    driver: name.driver, position: items.count + 1, stage: .standings,
                    evidence: ByteRange(
                        sentence.words[name.tokens.lowerBound].range.start, sentence.words[at].range.end),
                    sentence: index, tokens: name.tokens.lowerBound..<(at + 1)))
        }
        return items.count >= 2 ? items : []
    }

    func items(in sentence: Int) -> [Item] { itemsBySentence[sentence] ?? [] }

    func tokens(in sentence: Int) -> Set<Int> {
        Set(items(in: sentence).flatMap { Array($0.tokens) })
    }

    private static func label(_ word: String) -> Stage? {
        switch word {
        case "final", "finals", "final:": .final
        case "semi", "semi-final", "semi-finals", "semifinal", "semifinals": .semiFinal
        case "standings", "points", "championship", "table": .standings
        case "qualifying", "qualification", "heats": .qualifying
        default: nil
        }
    }

    /// "1." or "1)" just before a name, possibly at the end of the previous sentence.
    private static func number(before token: Int, sentence index: Int, article: AnnotatedArticle)
        -> (Int, (sentence: Int, token: Int))?
    {
        func read(_ sentence: Int, _ at: Int) -> Int? {
            let s = article.sentences[sentence]
            guard at >= 0, s.words[at].kind == .number, let value = Int(s.folded[at]), (1...40).contains(value)
            else { return nil }
            return value
        }
        let sentence = article.sentences[index]
        if token >= 2, [".", ")"].contains(sentence.folded[token - 1]), let value = read(index, token - 2) {
            return (value, (index, token - 2))
        }
        // The number and its point closed the previous sentence.
        if token == 0, index > 0, article.sentences[index - 1].sentence.paragraph == sentence.sentence.paragraph {
            let previous = article.sentences[index - 1]
            let count = previous.words.count
            if count >= 2, [".", ")"].contains(previous.folded[count - 1]), let value = read(index - 1, count - 2) {
                return (value, (index - 1, count - 2))
            }
        }
        return nil
    }
}
