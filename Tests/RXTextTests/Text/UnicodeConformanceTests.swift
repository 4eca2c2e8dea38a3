import Foundation
import Testing

@testable import RXText

/// Runs the Unicode Consortium's break tests (Unicode 15.0, matching ICU 72) through the Swift
/// wrapper over UTF-8, so that byte-offset mapping is proven, not assumed.
@Suite struct UnicodeConformanceTests {
    struct Case {
        var line: Int
        var bytes: [UInt8]
        var expected: [Int]
    }

    /// Parses `÷ 0041 × 0308 ÷ # ...` into UTF-8 bytes and expected boundary byte offsets.
    static func cases(_ file: String) throws -> [Case] {
        var result: [Case] = []
        for (number, rawLine) in try Fixtures.text("Unicode/\(file)").split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .enumerated() {
            let line =
                rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
                ?? ""
            guard line.contains("÷") else { continue }
            var bytes: [UInt8] = []
            var expected: [Int] = []
            for field in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                switch field {
                case "÷": expected.append(bytes.count)
                case "×": break
                default:
                    guard let value = UInt32(field, radix: 16), let scalar = Unicode.Scalar(value) else {
                        Issue.record("line \(number + 1): bad field \(Array(field.unicodeScalars))")
                        continue
                    }
                    bytes.append(contentsOf: Array(String(scalar).utf8))
                }
            }
            result.append(Case(line: number + 1, bytes: bytes, expected: expected))
        }
        return result
    }

    static func boundaries(of bytes: [UInt8], with iterator: BreakIterator) -> [Int] {
        var result = [0]
        bytes.withUnsafeBufferPointer { buffer in
            iterator.setText(buffer.baseAddress!, count: buffer.count, base: 0)
            while let boundary = iterator.next() { result.append(boundary) }
        }
        return result
    }

    @Test func sentenceBreakTestPassesInFull() throws {
        let cases = try Self.cases("SentenceBreakTest.txt")
        let iterator = BreakIterator(.sentence, locale: "")
        let failures = cases.filter { Self.boundaries(of: $0.bytes, with: iterator) != $0.expected }
        #expect(cases.count == 502)
        #expect(failures.map(\.line) == [])
    }

    /// CLDR's root word-break tailoring no longer treats U+003A COLON as MidLetter (so "a:b" is
    /// three words for ICU, one for the Unicode default rules). These are exactly the lines that
    /// differ; every other line of the file must pass.
    static func isColonTailoring(_ testCase: Case) -> Bool {
        let bytes = testCase.bytes
        return bytes.indices.contains { index in
            bytes[index] == UInt8(ascii: ":") && index > 0 && index + 1 < bytes.count
        }
    }

    @Test func wordBreakTestPassesExceptTheDocumentedColonTailoring() throws {
        let cases = try Self.cases("WordBreakTest.txt")
        let iterator = BreakIterator(.word, locale: "")
        let failures = cases.filter { Self.boundaries(of: $0.bytes, with: iterator) != $0.expected }
        #expect(cases.count == 1823)
        #expect(failures.count == 15)
        #expect(
            failures.allSatisfy(Self.isColonTailoring),
            "unexpected failures at lines \(failures.filter { !Self.isColonTailoring($0) }.map(\.line))")
        let passed = cases.count - failures.count
        #expect(passed == 1808)
    }
}
