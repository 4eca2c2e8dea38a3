/// A unified diff (`diff -u` style, 3 lines of context) between two texts, for `--fix --dry-run`.
public enum UnifiedDiff {
    public static func make(old: String, new: String, path: String, context: Int = 3) -> String {
        let a = lines(old)
        let b = lines(new)
        let script = editScript(a, b)
        guard script.contains(where: { $0.kind != .same }) else { return "" }
        var output = "--- \(path)\n+++ \(path) (fixed)\n"
        var index = 0
        while index < script.count {
            guard let change = script[index...].firstIndex(where: { $0.kind != .same }) else { break }
            var start = max(index, change - context)
            if start < index { start = index }
            var end = change
            // Extend the hunk while changes are within 2 * context lines of each other.
            var cursor = change
            while cursor < script.count {
                if script[cursor].kind != .same {
                    end = cursor
                    cursor += 1
                    continue
                }
                let nextChange = script[cursor...].firstIndex { $0.kind != .same }
                if let nextChange, nextChange - end <= 2 * context {
                    cursor = nextChange
                } else {
                    break
                }
            }
            let stop = min(script.count, end + context + 1)
            let hunk = script[start..<stop]
            let oldStart = (hunk.first?.oldLine ?? 0) + 1
            let newStart = (hunk.first?.newLine ?? 0) + 1
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for step in hunk {
                switch step.kind {
                case .same: output += " \(a[step.oldLine])\n"
                case .delete: output += "-\(a[step.oldLine])\n"
                case .insert: output += "+\(b[step.newLine])\n"
                }
            }
            index = stop
        }
        return output
    }

    struct Step {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var oldLine: Int
        var newLine: Int
    }

    static func lines(_ text: String) -> [String] {
        var result = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }

    /// Longest-common-subsequence edit script; large inputs fall back to replace-all.
    static func editScript(_ a: [String], _ b: [String]) -> [Step] {
        if a.count * b.count > 4_000_000 {
            return a.indices.map { Step(kind: .delete, oldLine: $0, newLine: 0) }
                + b.indices.map { Step(kind: .insert, oldLine: a.count, newLine: $0) }
        }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var steps: [Step] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] {
                steps.append(Step(kind: .same, oldLine: i, newLine: j))
                i += 1
                j += 1
            } else if i < a.count && (j == b.count || table[i + 1][j] >= table[i][j + 1]) {
                steps.append(Step(kind: .delete, oldLine: i, newLine: j))
                i += 1
            } else {
                steps.append(Step(kind: .insert, oldLine: i, newLine: j))
                j += 1
            }
        }
        return steps
    }
}
