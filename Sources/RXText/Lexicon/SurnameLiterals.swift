/// Literal English renderings of Finnish surnames that are ordinary words: Kallio -> "Rock",
/// Kalliomäki -> "Rocky Mountains". Drivers may list them (`literal:`); otherwise the surname is
/// decomposed into words of `surname-words.yaml` and the renderings of the parts are combined.
enum SurnameLiterals {
    static let maximumParts = 3
    static let maximumCombinations = 200

    static func renderings(for glossary: Glossary) -> [Int: [String]] {
        var words: [String: [String]] = [:]
        for word in glossary.surnameWords {
            words[ICU.fold(word.finnish, options: .caseInsensitive), default: []] += word.english
        }
        var result: [Int: [String]] = [:]
        for (index, driver) in glossary.drivers.enumerated() {
            if let literal = driver.literal {
                result[index] = literal
                continue
            }
            guard driver.nationality == "FIN" else { continue }
            let surname = ICU.fold(driver.surname, options: .caseInsensitive).replacingOccurrences(of: "-", with: "")
            guard let parts = decompose(surname, words: words) else { continue }
            result[index] = combine(parts.map { words[$0] ?? [] })
        }
        return result
    }

    /// Splits a surname into known words, preferring fewer, longer parts.
    static func decompose(_ surname: String, words: [String: [String]]) -> [String]? {
        let characters = Array(surname)
        var best: [Int: [String]] = [characters.count: []]
        guard characters.count > 0 else { return nil }
        for start in stride(from: characters.count - 1, through: 0, by: -1) {
            for end in (start + 1)...characters.count {
                let piece = String(characters[start..<end])
                guard words[piece] != nil, let rest = best[end] else { continue }
                let candidate = [piece] + rest
                if let current = best[start], current.count <= candidate.count { continue }
                best[start] = candidate
            }
        }
        guard let parts = best[0], parts.count <= maximumParts else { return nil }
        return parts
    }

    private static func combine(_ parts: [[String]]) -> [String] {
        var phrases = [""]
        for renderings in parts {
            var next: [String] = []
            for prefix in phrases {
                for rendering in renderings { next.append(prefix.isEmpty ? rendering : prefix + " " + rendering) }
            }
            phrases = Array(next.prefix(maximumCombinations))
        }
        return phrases
    }
}
