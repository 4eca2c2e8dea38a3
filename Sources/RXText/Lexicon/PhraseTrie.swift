/// A trie over folded tokens: each step is one hash lookup, so matching cost per token does not
/// grow with the number of phrases.
struct PhraseTrie: Sendable {
    private var children: [[String: Int32]] = [[:]]
    private var senses: [[LexiconSense]] = [[]]

    var phraseCount = 0

    mutating func insert(_ keys: [String], sense: LexiconSense) {
        guard !keys.isEmpty else { return }
        var node = 0
        for key in keys {
            if let next = children[node][key] {
                node = Int(next)
            } else {
                children.append([:])
                senses.append([])
                children[node][key] = Int32(children.count - 1)
                node = children.count - 1
            }
        }
        if senses[node].isEmpty { phraseCount += 1 }
        if !senses[node].contains(sense) { senses[node].append(sense) }
    }

    static let root = 0

    func child(of node: Int, _ key: String) -> Int? {
        children[node][key].map(Int.init)
    }

    func senses(at node: Int) -> [LexiconSense] { senses[node] }
}
