/// One article, one spelling: "semi-finals" and "semifinals", "tyre" and "tire", "Baciuška" and
/// "Baciuska". The minority form is flagged with the article's majority form (the house-style
/// form on a tie).
struct SpellingConsistencyRule: Rule {
    static let description = RuleDescription(
        id: "spelling.consistency",
        severity: .warning,
        summary: "A word spelled two ways in one article; the less common spelling is flagged.",
        flagged: [
            Example("He reached the semi-finals. The semi-finals were wet. In France the ⟦semifinals⟧ went wrong."),
            Example("A tyre failed. The tyre was new. Another ⟦tire⟧ went later."),
            Example("Rokas Baciuška won. Baciuška led. ⟦Baciuska⟧ was champion."),
        ],
        unflagged: [
            Example("He reached the semi-finals. The semi-finals were wet."),
            Example("Baciuska won. Baciuska led."),
            Example("Everyone tires in a long season."),
        ])

    init(_ context: RuleContext) {}

    /// One use of a spelling: which spelling (an index into the article's distinct spellings),
    /// where, and in which sentence.
    private struct Use {
        var spelling: Int
        var range: ByteRange
        var sentence: Int
    }

    /// What a distinct spelling is: a form of a consistency group, or a name's exact bytes.
    fileprivate enum Source {
        case form(group: Int, form: Int)
        /// A name's bytes in the article, without a possessive ending.
        case name(ByteRange)
    }

    /// Spellings in one group (a consistency group, or a name's folded form) that are the same
    /// text (canonically equal) count as one.
    private struct Group {
        var members: [(form: String, spellings: [Int], uses: Int)] = []
        var house: String? = nil
        var lastDiacriticUse = -1
    }

    /// Each use is numbered by its spelling; text is built and folded once per distinct spelling.
    /// An article names the same people dozens of times, and Swift hashes and compares text with
    /// diacritics through normalisation, so spellings are told apart by their bytes.
    func checkArticle(_ article: AnnotatedArticle) -> [Diagnostic] {
        let consistency = article.lexicon.glossary.consistency
        let bytes = article.document.bytes
        var uses: [Use] = []
        var sources: [Source] = []
        // An article has a few dozen spellings at most: they are found again by a linear search,
        // which costs less than hashing each use's bytes.
        bytes.withUnsafeBufferPointer { document in
            for (index, sentence) in article.sentences.enumerated() {
                let matches = sentence.matches
                for position in matches.indices {
                    let source: Source
                    switch matches[position].sense.entry {
                    case .consistency(let group, let form): source = .form(group: group, form: form)
                    // Diacritics: the same name written with and without them.
                    case .driver, .driverSurname, .venue:
                        source = .name(Self.spelling(of: matches[position], in: bytes))
                    default: continue
                    }
                    let spelling: Int
                    if let known = sources.firstIndex(where: { Self.same($0, source, in: document) }) {
                        spelling = known
                    } else {
                        spelling = sources.count
                        sources.append(source)
                    }
                    uses.append(Use(spelling: spelling, range: matches[position].range, sentence: index))
                }
            }
        }
        guard sources.count > 1 else { return [] }
        var useCounts = [Int](repeating: 0, count: sources.count)
        var lastUse = [Int](repeating: -1, count: sources.count)
        for use in uses {
            useCounts[use.spelling] += 1
            lastUse[use.spelling] = use.range.start
        }
        // Spellings by group (a consistency group, or a name's fold), in document order within
        // a group; most groups have one spelling, and nothing more is built for those (not even
        // its text). The order of the groups does not matter: the linter sorts the flags.
        let folds = WordCache.current
        var groupKeys: [GroupKey] = []
        var groupOf: [Int] = []
        var groupSizes: [Int] = []
        groupOf.reserveCapacity(sources.count)
        for source in sources {
            let key: GroupKey
            switch source {
            case .form(let index, _): key = .group(index)
            case .name(let range): key = .name(bytes[range.start..<range.end].withUnsafeBufferPointer(folds.fold))
            }
            if let known = groupKeys.firstIndex(where: { $0.same(as: key) }) {
                groupOf.append(known)
                groupSizes[known] += 1
            } else {
                groupOf.append(groupKeys.count)
                groupKeys.append(key)
                groupSizes.append(1)
            }
        }
        var flags: [Diagnostic] = []
        var minority = [Bool](repeating: false, count: sources.count)
        for (groupIndex, size) in groupSizes.enumerated() where size > 1 {
            var group = Group()
            for spelling in sources.indices where groupOf[spelling] == groupIndex {
                let form: String
                switch sources[spelling] {
                case .form(let index, let formIndex):
                    form = consistency[index].forms[formIndex]
                    group.house = consistency[index].forms[0]
                case .name(let range):
                    form = String(decoding: bytes[range.start..<range.end], as: UTF8.self)
                    // The house form of a name is its last spelling with diacritics, in document order.
                    if form.unicodeScalars.contains(where: { !$0.isASCII }), lastUse[spelling] > group.lastDiacriticUse
                    {
                        group.lastDiacriticUse = lastUse[spelling]
                        group.house = form
                    }
                }
                if let same = group.members.firstIndex(where: { $0.form == form }) {
                    group.members[same].spellings.append(spelling)
                    group.members[same].uses += useCounts[spelling]
                } else {
                    group.members.append((form, [spelling], useCounts[spelling]))
                }
            }
            guard group.members.count > 1 else { continue }
            // Most uses wins, then the house form; a remaining tie goes to the form that sorts
            // first, so that the choice never depends on hashing order.
            let majority = group.members.max { a, b in
                let rankA = (a.uses, a.form == group.house ? 1 : 0)
                let rankB = (b.uses, b.form == group.house ? 1 : 0)
                return rankA < rankB || (rankA == rankB && a.form > b.form)
            }!
            for index in minority.indices { minority[index] = false }
            for member in group.members where member.form != majority.form {
                for spelling in member.spellings { minority[spelling] = true }
            }
            for use in uses where minority[use.spelling] {
                let original = article.document.text(use.range)
                flags.append(
                    flag(
                        use.range, in: article.sentences[use.sentence],
                        message:
                            "'\(original)' is spelled '\(majority.form)' elsewhere in this article (\(majority.uses) times)",
                        suggestions: [majority.form.matchingCase(of: original)]))
            }
        }
        return flags
    }
}

extension SpellingConsistencyRule {
    /// The bytes a name match spells, without a possessive ending ("Kallio’s" is "Kallio").
    fileprivate static func spelling(of match: LexiconMatch, in document: [UInt8]) -> ByteRange {
        guard match.possessive else { return match.range }
        // Up to the first apostrophe, ' or ’ (E2 80 99).
        var offset = match.range.start
        while offset < match.range.end {
            if document[offset] == UInt8(ascii: "'")
                || (document[offset] == 0xE2 && offset + 2 < match.range.end && document[offset + 1] == 0x80
                    && document[offset + 2] == 0x99)
            {
                break
            }
            offset += 1
        }
        return ByteRange(match.range.start, offset)
    }

    /// Whether two sources are one spelling: the same form of a group, or the same bytes.
    fileprivate static func same(_ a: Source, _ b: Source, in document: UnsafeBufferPointer<UInt8>) -> Bool {
        switch (a, b) {
        case (.form(let g, let f), .form(let h, let e)): return g == h && f == e
        case (.name(let x), .name(let y)):
            return x.count == y.count
                && UnsafeBufferPointer(rebasing: document[x.start..<x.end])
                    .elementsEqual(UnsafeBufferPointer(rebasing: document[y.start..<y.end]))
        default: return false
        }
    }

    /// What spellings are grouped by: a consistency group, or a name's fold.
    fileprivate enum GroupKey {
        case group(Int)
        case name(String)

        /// Folds are compared by their bytes: a fold is normalised, so equal text is equal bytes,
        /// and `==` on text with diacritics would normalise both sides again.
        func same(as other: GroupKey) -> Bool {
            switch (self, other) {
            case (.group(let a), .group(let b)): return a == b
            case (.name(let a), .name(let b)): return a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
            default: return false
            }
        }
    }
}
