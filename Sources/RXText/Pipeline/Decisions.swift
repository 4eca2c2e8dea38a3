import Foundation

/// What identifies an editor's decision about a flag, so the decision still finds its flag after
/// edits elsewhere in the file: the file's path (relative to the decision store's root, so a
/// corpus can move between machines), the rule, the span's text, a hash of its sentence with case,
/// diacritics and spacing folded, and which occurrence of that quadruple in the file it is (two
/// "EM" flags in one sentence get two decisions). Offsets are deliberately left out.
public struct DecisionKey: Hashable, Sendable {
    public var path: String
    public var rule: String
    public var span: String
    public var sentenceHash: String
    public var occurrence: Int

    public init(path: String, rule: String, span: String, sentenceHash: String, occurrence: Int) {
        self.path = path
        self.rule = rule
        self.span = span
        self.sentenceHash = sentenceHash
        self.occurrence = occurrence
    }

    /// The stored identity: one hex string, cheap to index and to send through a URL or JSON.
    public var id: String {
        let fields = [path, rule, span, sentenceHash, String(occurrence)].joined(separator: "\u{1F}")
        return String(SHA256.hex(Array(fields.utf8)).prefix(32))
    }

    /// The keys of a file's flags, in the flags' order; `path` is the file as the store names it.
    /// Their identities are the fingerprints' (`Fingerprinter`): the same fold, the same
    /// occurrences.
    public static func all(_ flags: [Diagnostic], in document: Document, path: String) -> [DecisionKey] {
        var keys: [DecisionKey] = []
        keys.reserveCapacity(flags.count)
        var fingerprinter = Fingerprinter()
        var hashes: [[UInt8]: String] = [:]
        var index = 0
        fingerprinter.identify(flags, in: document) { occurrence, sentence, _ in
            let flag = flags[index]
            index += 1
            let hash = hashes[sentence] ?? sentenceHash(folded: sentence)
            hashes[sentence] = hash
            keys.append(
                DecisionKey(
                    path: path, rule: flag.rule, span: document.text(flag.range), sentenceHash: hash,
                    occurrence: occurrence))
        }
        return keys
    }

    /// A sentence's part of the key: a hash of its fold (`Fingerprint.foldedSentence`), so that
    /// re-wrapping a line or fixing a capital elsewhere in the sentence keeps the key.
    public static func sentenceHash(_ sentence: String) -> String {
        sentenceHash(folded: Fingerprint.foldedSentence(Array(sentence.utf8)[...]))
    }

    static func sentenceHash(folded: [UInt8]) -> String { SHA256.hex(folded, characters: 16) }

    /// `path` relative to `root` ("../" where it lies outside), both resolved to absolute paths
    /// first, so the same file gets the same key whatever the working directory.
    public static func relativePath(_ path: String, root: String) -> String {
        let file = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let base = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < file.count, common < base.count, file[common] == base[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + file[common...]
        return parts.joined(separator: "/")
    }
}

/// The editors' answered decisions as lint, clean and extract honour them, without the store they
/// came from: RXText never links SQLite; the CLI loads this from RXReview's store.
public struct DecisionSet: Sendable {
    public enum Verdict: Sendable, Equatable {
        /// A false alarm: the flag is suppressed and its fix, if any, is not applied.
        case rejected
        /// An accepted suggestion or an editor's own text: applied as a safe fix.
        case replace(String)
    }

    /// The directory stored paths are relative to.
    public var root: String
    /// Verdicts by `DecisionKey.id`.
    public var verdicts: [String: Verdict]

    public init(root: String, verdicts: [String: Verdict] = [:]) {
        self.root = root
        self.verdicts = verdicts
    }

    public var isEmpty: Bool { verdicts.isEmpty }

    /// The keys of a document's flags under this set's root.
    public func keys(_ flags: [Diagnostic], in document: Document) -> [DecisionKey] {
        DecisionKey.all(flags, in: document, path: DecisionKey.relativePath(document.path, root: root))
    }

    /// A decision moved to the key its flag has after a fix rewrote the flag's sentence.
    public struct Carry: Sendable {
        public var from: DecisionKey
        public var to: DecisionKey
        public var verdict: Verdict
        /// The rewritten sentence, as the editor would now see it.
        public var sentence: String
    }

    /// A fix changes its sentence, and with it the key of every other flag there: a false alarm
    /// rejected beside an accepted fix would come back after `lint --fix`. Flags that were decided,
    /// not applied and now have no key of theirs are paired, in order, with same-rule same-text
    /// flags of the fixed file whose keys are new.
    public func carriedOver(
        from old: Document, _ oldFlags: [Diagnostic], applied: [Diagnostic], to new: Document, _ newFlags: [Diagnostic]
    ) -> [Carry] {
        guard !verdicts.isEmpty else { return [] }
        let appliedSpans = Set(applied.map { "\($0.rule)\u{1F}\($0.range)" })
        let oldKeys = keys(oldFlags, in: old)
        let newKeys = keys(newFlags, in: new)
        let oldIDs = Set(oldKeys.map(\.id))
        let newIDs = Set(newKeys.map(\.id))
        var orphans: [String: [DecisionKey]] = [:]
        for (flag, key) in zip(oldFlags, oldKeys)
        where verdicts[key.id] != nil && !newIDs.contains(key.id)
            && !appliedSpans.contains("\(flag.rule)\u{1F}\(flag.range)")
        {
            orphans["\(key.rule)\u{1F}\(key.span)", default: []].append(key)
        }
        var carried: [Carry] = []
        for (flag, key) in zip(newFlags, newKeys) where !oldIDs.contains(key.id) && verdicts[key.id] == nil {
            let group = "\(key.rule)\u{1F}\(key.span)"
            guard let from = orphans[group]?.first, let verdict = verdicts[from.id] else { continue }
            orphans[group]?.removeFirst()
            carried.append(Carry(from: from, to: key, verdict: verdict, sentence: new.text(flag.sentence)))
        }
        return carried
    }

    public mutating func add(_ carried: [Carry]) {
        for carry in carried { verdicts[carry.to.id] = carry.verdict }
    }

    /// Drops rejected flags and turns accepted or edited ones into safe fixes with the editor's
    /// replacement, so the Cleaner applies them like any other safe fix.
    public func apply(to flags: [Diagnostic], in document: Document) -> (flags: [Diagnostic], rejected: Int) {
        guard !verdicts.isEmpty, !flags.isEmpty else { return (flags, 0) }
        var kept: [Diagnostic] = []
        var rejected = 0
        for (flag, key) in zip(flags, keys(flags, in: document)) {
            switch verdicts[key.id] {
            case .rejected:
                rejected += 1
            case .replace(let replacement):
                var decided = flag
                decided.fix = Fix(replacement: replacement, safe: true)
                kept.append(decided)
            case nil:
                kept.append(flag)
            }
        }
        return (kept, rejected)
    }
}
