/// A trie over folded tokens, stepping by word id (see `WordTable`): the first step, which every
/// token of an article takes, is an array index; later steps scan the few children a node has.
/// Matching cost per token does not grow with the number of phrases.
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

    func child(of node: Int, _ word: Int32) -> Int? {
        if node == Self.root {
            let index = Int(word)
            return index < rootChildren.count && rootChildren[index] >= 0 ? Int(rootChildren[index]) : nil
        }
        for edge in children[node] where edge.word == word { return Int(edge.node) }
        return nil
    }

    func senses(at node: Int) -> [LexiconSense] { senses[node] }
}
