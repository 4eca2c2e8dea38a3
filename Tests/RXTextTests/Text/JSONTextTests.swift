import Foundation
import Testing

@testable import RXText

@Suite struct JSONTextTests {
    @Test func escapesWhatJSONAndJavaScriptNeed() throws {
        let text = "a\"b\\c\nd\re\tf\u{08}\u{0C}\u{01}g\u{2028}h\u{2029}é🏁"
        let literal = JSONText.string(text)
        #expect(literal == "\"a\\\"b\\\\c\\nd\\re\\tf\\b\\f\\u0001g\\u2028h\\u2029é🏁\"")
        let decoded =
            try JSONSerialization.jsonObject(with: Data(literal.utf8), options: [.fragmentsAllowed]) as? String
        #expect(decoded == text)
    }

    /// Clean runs are skipped eight bytes at a time: a character to escape at any offset of a
    /// long run, and near its end, is still found.
    @Test(arguments: ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{2028}", "\u{2029}", "é", "–"])
    func escapesAtEveryOffsetOfALongRun(special: String) throws {
        for offset in 0..<20 {
            for tail in [0, 1, 7, 8, 9] {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: tail)
                #expect(JSONText.string(text) == Self.escapedOneByOne(text), "\(offset) \(tail)")
            }
        }
    }

    /// JSON escaping one scalar at a time, as the contract states it.
    private static func escapedOneByOne(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case "\u{08}": literal += "\\b"
            case "\u{0C}": literal += "\\f"
            case "\u{2028}": literal += "\\u2028"
            case "\u{2029}": literal += "\\u2029"
            case _ where scalar.value < 0x20: literal += String(format: "\\u%04x", scalar.value)
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }
}
