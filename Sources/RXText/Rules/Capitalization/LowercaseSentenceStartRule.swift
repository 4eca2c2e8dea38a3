/// A sentence, or a quote after a dialogue dash, that starts in lower case: "– what we are doing
/// ...". Machine translation loses the capital when it reorders a Finnish quote.
struct LowercaseSentenceStartRule: Rule {
    static let description = RuleDescription(
        id: "capitalization.sentence-start",
        severity: .warning,
        summary: "A sentence or a dialogue quote that starts with a lower-case letter.",
        flagged: [
            Example(
                "– ⟦what⟧ we did this season was enough, Kallio said.",
                fixed: "– What we did this season was enough, Kallio said."),
            Example("The season ended. ⟦it⟧ was hard work.", fixed: "The season ended. It was hard work."),
        ],
        unflagged: [
            Example("– What we did this season was enough, Kallio said."),
            Example("eBay and iPhone start in lower case by design."),
            Example("The season ended in October.\n\n3 wins came in the spring."),
            Example("He said: “we will see.”"),
            Example("The gap was approx. three seconds, e.g. one joker lap."),
            Example("The U.S. economy grew, and U.K. officials met at 9 a.m. on Monday."),
        ])

    /// Names written with a lower-case first letter on purpose (the glossaries' `lowercase-names`).
    let exceptions: Set<String>
    /// Abbreviations whose full stop does not end a sentence (`lowercase-abbreviations`).
    let lowercaseAbbreviations: Set<String>

    init(_ context: RuleContext) {
        exceptions = context.wordSet("lowercase-names")
        lowercaseAbbreviations = context.wordSet("lowercase-abbreviations")
    }

    func check(_ sentence: AnnotatedSentence, in article: AnnotatedArticle) -> [Diagnostic] {
        // Each start is judged as it is found: nearly every sentence starts in upper case, and
        // nothing is collected for it.
        var flags: [Diagnostic] = []
        func judge(_ index: Int) {
            guard sentence.isLowercaseStart(index, in: article), !exceptions.contains(sentence.folded[index])
            else { return }
            let word = sentence.text(index, in: article)
            if word.dropFirst().contains(where: { $0.isUppercase }) { return }  // camel case: a name such as eBay
            let replacement = word.capitalizingFirstLetter
            flags.append(
                flag(
                    sentence.range(index..<(index + 1)), in: sentence,
                    message: "'\(word)' starts a sentence: capitalise it",
                    suggestions: [replacement], fix: Fix(replacement: replacement, safe: true)))
        }
        // A piece of a sentence too long to take whole, or the start of a window of a huge file
        // that a sentence runs into, does not start one: its first word is the middle of a line.
        if !sentence.sentence.continuesSentence,
            let first = sentence.words.indices.first(where: { sentence.words[$0].kind == .word }),
            first == 0 || (first == 1 && Self.isOpener(sentence.text(0, in: article)))
        {
            judge(first)
        }
        // ICU keeps "ended. it was" in one sentence because a lower-case word follows the full
        // stop: exactly the slip to flag. Also "said. – what a day".
        for k in sentence.words.indices
        where k > 0 && sentence.words[k].kind == .punctuation && Self.isSentenceEnd(k, in: sentence, article) {
            var next = k + 1
            if next < sentence.words.count && Self.isOpener(sentence.text(next, in: article)) { next += 1 }
            guard next < sentence.words.count, sentence.words[next].kind == .word,
                sentence.words[k].range.end < sentence.words[next].range.start
            else { continue }
            let before = sentence.text(k - 1, in: article)
            if Segmenter.extraAbbreviations.contains(before)
                || lowercaseAbbreviations.contains(sentence.folded[k - 1])
            {
                continue
            }
            if before.count == 1 { continue }  // initials: "J. smith" is not ours to judge
            // A dotted abbreviation ("U.S. economy", "U.K. officials", "a.m. on"): its last full
            // stop ends no sentence.
            if before.contains(".") { continue }
            judge(next)
        }
        return flags
    }

    /// Whether punctuation token `index` folds to a full stop, "!" or "?", judged on its byte
    /// when it has one: only a mark outside ASCII after it (which folding drops) needs the fold.
    static func isSentenceEnd(_ index: Int, in sentence: AnnotatedSentence, _ article: AnnotatedArticle) -> Bool {
        let range = sentence.words[index].range
        if range.count == 1 {
            let byte = article.document.bytes[range.start]
            return byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
        }
        return sentence.traits[index].contains(.outsideASCII) && isSentenceEnd(sentence.folded[index])
    }

    static func isSentenceEnd(_ folded: String) -> Bool {
        folded.utf8.count == 1 && (folded == "." || folded == "!" || folded == "?")
    }

    static func isOpener(_ text: String) -> Bool {
        switch text {
        case "–", "—", "-", "―": true
        default: false
        }
    }
}
