/// A trie over folded tokens, stepping by word id (see `WordTable`): the first step, which every
/// token of an article takes, is an array index; later steps scan the few children a node has.
/// Matching cost per token does not grow with the number of phrases.
///
/// Built with `insert`, then read through `Frozen`, which keeps every node's children and senses
/// in flat arrays: a lookup reads neighbouring memory instead of chasing one small array per node,
/// which was where most of the matcher's time went.
struct PhraseTrie: Sendable {
    /// The root's child for each word id, or -1 (most words start no phrase).
    private var rootChildren: [Int32] = []
    /// Every other node's children as (word id, node) pairs.
    private var children: [[(word: Int32, node: Int32)]] = [[]]
    private var senses: [[LexiconSense]] = [[]]

    var phraseCount = 0

    mutating func insert(_ words: [Int32], sense: LexiconSense) {
        guard !words.isEmpty else { return }
        var node = Self.root
        for word in words {
            if let next = child(of: node, word) {
                node = next
                continue
            }
            children.append([])
            senses.append([])
            let created = Int32(children.count - 1)
            if node == Self.root {
                if rootChildren.count <= Int(word) {
                    rootChildren += repeatElement(-1, count: Int(word) + 1 - rootChildren.count)
                }
                rootChildren[Int(word)] = created
            } else {
                children[node].append((word, created))
            }
            node = Int(created)
        }
        if senses[node].isEmpty { phraseCount += 1 }
        if !senses[node].contains(sense) { senses[node].append(sense) }
    }

    static let root = 0

    private func child(of node: Int, _ word: Int32) -> Int? {
        if node == Self.root {
            let index = Int(word)
            return index < rootChildren.count && rootChildren[index] >= 0 ? Int(rootChildren[index]) : nil
        }
        for edge in children[node] where edge.word == word { return Int(edge.node) }
        return nil
    }

    /// The trie in flat arrays, for matching.
    var frozen: Frozen { Frozen(self) }

    /// The read-only trie the matcher walks. Senses are numbered; the matcher keeps a sense's
    /// number and reads its case rule and category from parallel arrays, so copying one (and
    /// its strings) waits until a match is certain.
    struct Frozen: Sendable {
        private let rootChildren: [Int32]
        /// Node `n`'s edges are `edgeWords[edgeStart[n]..<edgeStart[n + 1]]`, same for `edgeNodes`.
        private let edgeStart: [Int32]
        private let edgeWords: [Int32]
        private let edgeNodes: [Int32]
        /// Node `n`'s senses are numbers `senseStart[n]..<senseStart[n + 1]`.
        private let senseStart: [Int32]
        let senses: [LexiconSense]
        let caseRules: [CaseRule]
        let categories: [Int8]
        let phraseCount: Int

        fileprivate init(_ trie: PhraseTrie) {
            rootChildren = trie.rootChildren
            var edgeStart: [Int32] = [0]
            var edgeWords: [Int32] = []
            var edgeNodes: [Int32] = []
            var senseStart: [Int32] = [0]
            var senses: [LexiconSense] = []
            for node in trie.children.indices {
                for edge in trie.children[node] {
                    edgeWords.append(edge.word)
                    edgeNodes.append(edge.node)
                }
                edgeStart.append(Int32(edgeWords.count))
                senses += trie.senses[node]
                senseStart.append(Int32(senses.count))
            }
            self.edgeStart = edgeStart
            self.edgeWords = edgeWords
            self.edgeNodes = edgeNodes
            self.senseStart = senseStart
            self.senses = senses
            caseRules = senses.map(\.caseRule)
            categories = senses.map { Int8($0.category.rawValue) }
            phraseCount = trie.phraseCount
        }

        func child(of node: Int, _ word: Int32) -> Int? {
            if node == PhraseTrie.root {
                let index = Int(word)
                return index < rootChildren.count && rootChildren[index] >= 0 ? Int(rootChildren[index]) : nil
            }
            for edge in Int(edgeStart[node])..<Int(edgeStart[node + 1]) where edgeWords[edge] == word {
                return Int(edgeNodes[edge])
            }
            return nil
        }

        /// The numbers of the senses that end at `node`.
        func senses(at node: Int) -> Range<Int> { Int(senseStart[node])..<Int(senseStart[node + 1]) }
    }
}
