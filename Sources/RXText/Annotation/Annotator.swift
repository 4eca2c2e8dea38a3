/// Segments a document and runs the lexicon over it, resolving ambiguous surnames against the
/// full names the article uses.
public struct Annotator: Sendable {
    public let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    public func annotate(_ document: Document) -> AnnotatedArticle {
        annotate(document, Self.segmenter.current.segment(document, tokenize: false))
    }

    /// The segmentation of a document cut into blocks of whole sentences of about `blockBytes`,
    /// in order, without tokens: a block is split into words when it is annotated
    /// (`annotate(_:_:)`), on any thread. Memory then stays bounded by the block, not the file;
    /// rules that compare sentences (spelling consistency, surnames named elsewhere) see one
    /// block at a time.
    public static func segmentInBlocks(_ document: Document, blockBytes: Int, _ body: (Segmentation) -> Void) {
        var paragraphs: [Paragraph] = []
        var sentences: [Sentence] = []
        var bytes = 0
        Segmenter().forEachSentence(in: document, tokenize: false) { paragraph, sentence in
            if paragraphs.last?.index != paragraph.index { paragraphs.append(paragraph) }
            sentences.append(sentence)
            bytes += sentence.range.count
            if bytes >= blockBytes {
                body(Segmentation(paragraphs: paragraphs, sentences: sentences))
                paragraphs = []
                sentences = []
                bytes = 0
            }
        }
        if !sentences.isEmpty { body(Segmentation(paragraphs: paragraphs, sentences: sentences)) }
    }

    /// Splits each sentence of `segmentation` into words here (its `tokens` are not read), keeping
    /// only the non-space tokens, and folds and keys each word once. Tokens, traits, word ids
    /// and lexicon matches go into one column each for the article, which its sentences view; a
    /// rule that needs a word's fold as a `String` makes it (`FoldedWords`).
    func annotate(_ document: Document, _ segmentation: Segmentation) -> AnnotatedArticle {
        let estimate = segmentation.sentences.reduce(0) { $0 + $1.range.count } / 4 + 1
        var words = ColumnBuilder<Token>(capacity: estimate)
        var traits = ColumnBuilder<TokenTraits>(capacity: estimate)
        var ids = ColumnBuilder<Int32>(capacity: estimate)
        // One sentence's lexicon keys at a time: matching is done with them, and no rule reads them.
        var keys = ColumnBuilder<Lexicon.WordKey>(capacity: 64)
        var matches: [LexiconMatch] = []
        var spans: [(tokens: Range<Int>, matches: Range<Int>, summary: SentenceSummary)] = []
        spans.reserveCapacity(segmentation.sentences.count)
        let segmenter = Self.segmenter.current
        let folds = WordCache.current
        // ASCII words are folded into this stack buffer; the rest through the thread's cache.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.scratchBytes) { scratch in
            document.bytes.withUnsafeBufferPointer { bytes in
                for sentence in segmentation.sentences {
                    let first = words.count
                    var summary = SentenceSummary()
                    var previous: WordSeen? = nil
                    keys.removeAll()
                    segmenter.forEachWord(in: sentence.range, of: document) { token in
                        words.append(token)
                        var outsideASCII = false
                        let key: Lexicon.WordKey
                        if let count = ICU.foldASCII(bytes, token.range, into: scratch) {
                            key = lexicon.wordKey(folded: UnsafeBufferPointer(rebasing: scratch[..<count]))
                        } else {
                            let raw = UnsafeBufferPointer(rebasing: bytes[token.range.start..<token.range.end])
                            var word = folds.fold(raw)
                            key = word.withUTF8(lexicon.wordKey(folded:))
                            outsideASCII = raw.contains { $0 >= 0x80 }
                        }
                        keys.append(key)
                        ids.append(key.id)
                        summary.marks.formUnion(lexicon.marks(id: key.id))
                        var tokenTraits = self.traits(of: token, id: key.id, in: document.bytes)
                        if outsideASCII { tokenTraits.insert(.outsideASCII) }
                        traits.append(tokenTraits)
                        summary.traits.formUnion(tokenTraits)
                        if let previous, !summary.mayRepeatAWord {
                            summary.mayRepeatAWord = Self.mayBeSameWord(
                                previous, (key, tokenTraits, token.range.count))
                        }
                        previous = (key, tokenTraits, token.range.count)
                    }
                    let firstMatch = matches.count
                    words.withEntries(from: first) { tokens in
                        keys.withEntries(from: 0) { keys in
                            lexicon.matches(in: tokens, keys: keys, of: document, into: &matches)
                        }
                    }
                    for index in firstMatch..<matches.count {
                        let trait: TokenTraits =
                            matches[index].sense.category == .entity ? [.inMatch, .inEntity] : .inMatch
                        for token in matches[index].tokens { traits[first + token].formUnion(trait) }
                        summary.traits.formUnion(trait)
                    }
                    spans.append((first..<words.count, firstMatch..<matches.count, summary))
                }
            }
        }
        let columns = (words: words.array(), traits: traits.array(), ids: ids.array())
        let sentences = zip(segmentation.sentences, spans).map { sentence, span in
            AnnotatedSentence(
                sentence: sentence, words: SentenceColumn(columns.words[span.tokens]), bytes: document.bytes,
                matches: SentenceColumn(matches[span.matches]), traits: SentenceColumn(columns.traits[span.tokens]),
                wordIDs: SentenceColumn(columns.ids[span.tokens]), summary: span.summary)
        }
        return AnnotatedArticle(
            document: document, lexicon: lexicon, paragraphs: segmentation.paragraphs, sentences: sentences,
            mentions: resolveMentions(matches, bySentence: spans.map(\.matches)))
    }

    private static let scratchBytes = 256

    /// A token's traits before matching (`inMatch` and `inEntity` come from the matches).
    private func traits(of token: Token, id: Int32, in bytes: [UInt8]) -> TokenTraits {
        var traits: TokenTraits = []
        if token.kind == .word {
            traits.insert(.word)
            if lexicon.isSourceWord(id: id) { traits.insert(.sourceWord) }
        }
        let start = token.range.start
        if UTF8Scalars.isUppercase(at: start, in: bytes) { traits.insert(.capitalized) }
        if token.range.count > 1 && UTF8Scalars.isASCIIUppercase(bytes[start])
            && UTF8Scalars.isASCIIUppercase(bytes[start + 1])
        {
            traits.insert(.capitalPair)
        }
        return traits
    }

    /// What the token loop keeps of the token before, for `mayBeSameWord`.
    private typealias WordSeen = (key: Lexicon.WordKey, traits: TokenTraits, length: Int)

    /// Whether two neighbouring tokens may be the same word as `AnnotatedSentence.sameWord`
    /// judges it: words both, with equal ids, or both unknown to the lexicon and either of the
    /// same length or with a byte outside ASCII (where folding can make different bytes alike).
    private static func mayBeSameWord(_ a: WordSeen, _ b: WordSeen) -> Bool {
        guard a.traits.contains(.word) && b.traits.contains(.word) else { return false }
        if a.key.id >= 0 || b.key.id >= 0 { return a.key.id == b.key.id }
        return a.length == b.length || a.traits.union(b.traits).contains(.outsideASCII)
    }

    /// Each thread's segmenter for annotation, which uses it in one call at a time: making one
    /// clones two ICU break iterators, which cost more than a small article's words.
    private static let segmenter = ThreadLocal { Segmenter() }

    /// `matches` is the article's column of matches, `bySentence` each sentence's part of it: the
    /// column is read in place, not copied a match at a time through the sentences.
    private func resolveMentions(_ matches: [LexiconMatch], bySentence spans: [Range<Int>]) -> [Mention] {
        // Full names first: they decide which driver an ambiguous bare surname means. Surnames
        // shared by several drivers named in full (Niclas and his father Marcus Grönholm): the
        // bare surname means the one named in full in this or the previous sentence, else the
        // one the article names first (its subject, usually). Whether a driver is named in
        // full is kept by glossary index: a block of a huge file names thousands.
        var fullNames: [(sentence: Int, token: Int, driver: Int)] = []
        var namedInFull = [Bool](repeating: false, count: lexicon.glossary.drivers.count)
        for (index, span) in spans.enumerated() {
            for match in span {
                if case .driver(let i) = matches[match].sense.entry {
                    fullNames.append((index, matches[match].tokens.lowerBound, i))
                    namedInFull[i] = true
                }
            }
        }
        func named(_ driver: Int) -> Bool { namedInFull[driver] }
        var mentions: [Mention] = []
        mentions.reserveCapacity(matches.count)
        // Full names are in document order: those up to the end of the current sentence are
        // `fullNames[..<throughSentence]`.
        var throughSentence = 0
        for (index, span) in spans.enumerated() {
            while throughSentence < fullNames.count && fullNames[throughSentence].sentence <= index {
                throughSentence += 1
            }
            for position in span where matches[position].sense.category == .entity {
                let tokens = matches[position].tokens
                let entity: Mention.Entity
                switch matches[position].sense.entry {
                case .driver(let i): entity = .driver(i)
                case .driverSurname(let candidates):
                    let inArticle = candidates.filter(named)
                    if inArticle.count == 1 {
                        entity = .driver(inArticle[0])
                    } else if inArticle.count > 1 {
                        // The last one named in full in the previous sentence or before the
                        // surname in this one, looked for from here back over those two only.
                        var recent: Int? = nil
                        var candidate = throughSentence - 1
                        while recent == nil && candidate >= 0 && fullNames[candidate].sentence >= index - 1 {
                            let named = fullNames[candidate]
                            if inArticle.contains(named.driver)
                                && (named.sentence == index - 1 || named.token < tokens.lowerBound)
                            {
                                recent = named.driver
                            }
                            candidate -= 1
                        }
                        guard
                            let chosen = recent ?? fullNames.first(where: { inArticle.contains($0.driver) })?.driver
                        else { continue }
                        entity = .driver(chosen)
                    } else if candidates.count == 1, inArticle.isEmpty,
                        !lexicon.surnameIsEnglish[candidates[0]]
                    {
                        // A surname that is also an English word ("Block") needs the full name first.
                        entity = .driver(candidates[0])
                    } else {
                        continue
                    }
                case .country(let i, let adjective): entity = .country(i, adjective: adjective)
                case .venue(let i): entity = .venue(i)
                case .raceClass(let i): entity = .raceClass(i)
                case .championship(let i, let finnish): entity = .championship(i, finnish: finnish)
                case .team(let i): entity = .team(i)
                case .car(let i): entity = .car(i)
                default: continue
                }
                mentions.append(
                    Mention(entity: entity, range: matches[position].range, sentence: index, tokens: tokens))
            }
        }
        return mentions
    }
}
