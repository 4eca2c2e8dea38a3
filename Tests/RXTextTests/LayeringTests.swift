import Foundation
import Testing

/// The folders of `Sources/RXText` are layers: a file may name the types of its own folder and
/// of folders below it, never of one beside or above it. Read from the repository's own sources,
/// so a back-edge fails here before review.
@Suite struct LayeringTests {
    /// Each folder's rank, lowest first (as the README's Layout section draws it). Folders of one
    /// rank are siblings and do not name each other's types.
    static let ranks: [String: Int] = [
        "Text": 0, "Lexicon": 1, "SourceLanguage": 2, "Annotation": 3, "Rules": 4, "Record": 4, "Cleaning": 4,
        "Pipeline": 5, "Reporters": 6, "Evaluation": 6,
    ]

    @Test func noFolderNamesATypeOfAFolderBesideOrAboveIt() throws {
        let root = Fixtures.repository.appendingPathComponent("Sources/RXText")
        let files = try Self.sources(under: root)
        #expect(files.count > 100)
        for folder in Set(files.map(\.folder)) {
            #expect(Self.ranks[folder] != nil, "Sources/RXText/\(folder) has no rank in LayeringTests.ranks")
        }
        let violations = Layering(ranks: Self.ranks).violations(in: files)
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
    }

    /// The check itself finds a back-edge, and not one in a comment or a string.
    @Test func aBackEdgeIsFoundAndCommentsAndStringsAreNot() {
        let files = [
            Layering.File(path: "Text/A.swift", folder: "Text", text: "struct Low { var high: High }\n"),
            Layering.File(
                path: "Text/B.swift", folder: "Text",
                text: "// High is above\nlet note = \"High\"\n/* High */ let x = 1\n"),
            Layering.File(path: "Rules/C.swift", folder: "Rules", text: "public final class High { let low: Low }\n"),
        ]
        let violations = Layering(ranks: Self.ranks).violations(in: files)
        #expect(violations == ["Text/A.swift (Text) names High, defined in Rules/C.swift (Rules)"])
    }

    static func sources(under root: URL) throws -> [Layering.File] {
        let paths = try #require(FileManager.default.subpathsOfDirectory(atPath: root.path) as [String]?)
        return try paths.filter { $0.hasSuffix(".swift") }.sorted().map { path in
            let components = path.split(separator: "/")
            let folder = components.count > 1 ? String(components[0]) : "Text"
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            return Layering.File(path: path, folder: folder, text: text)
        }
    }
}

/// Which files name a type declared in a folder of the same or a higher rank than their own.
struct Layering {
    struct File {
        var path: String
        var folder: String
        var text: String
    }

    let ranks: [String: Int]

    func violations(in files: [File]) -> [String] {
        var declared: [String: File] = [:]
        for file in files {
            for name in Self.declaredTypes(in: Self.code(file.text)) { declared[name] = file }
        }
        var violations: [String] = []
        for file in files {
            let rank = ranks[file.folder] ?? 0
            for name in Set(Self.capitalizedWords(in: Self.code(file.text))).sorted() {
                guard let home = declared[name], home.folder != file.folder, let homeRank = ranks[home.folder],
                    homeRank >= rank
                else { continue }
                violations.append(
                    "\(file.path) (\(file.folder)) names \(name), defined in \(home.path) (\(home.folder))")
            }
        }
        return violations
    }

    /// Top-level (unindented) struct, class, enum, protocol, actor and typealias names.
    static func declaredTypes(in code: String) -> [String] {
        let pattern =
            #"(?m)^(?:@\w+\s+)*(?:(?:public|package|internal|fileprivate|private|final|indirect|open)\s+)*"#
            + #"(?:struct|class|enum|protocol|actor|typealias)\s+([A-Z]\w*)"#
        return matches(of: pattern, in: code, group: 1)
    }

    static func capitalizedWords(in code: String) -> [String] { matches(of: #"\b[A-Z]\w*\b"#, in: code, group: 0) }

    /// The source with comments removed and string literals emptied.
    static func code(_ text: String) -> String {
        var code = text
        for pattern in [#"(?s)""".*?""""#, #"//[^\n]*"#, #"(?s)/\*.*?\*/"#, #""(?:\\.|[^"\\\n])*""#] {
            let regex = try! NSRegularExpression(pattern: pattern)
            code = regex.stringByReplacingMatches(
                in: code, range: NSRange(code.startIndex..., in: code), withTemplate: "\"\"")
        }
        return code
    }

    private static func matches(of pattern: String, in text: String, group: Int) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: group), in: text).map { String(text[$0]) }
        }
    }
}
