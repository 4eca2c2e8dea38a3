/// An article an editor has verified, written as a reference annotation in the format of
/// `corpus/expected/*.gold.json`, so the set of checked articles that measures the extractor
/// grows with use (`rxtext review --export-gold`). Scored with `GoldScorer` against its own
/// decided extraction, such a file scores 1.0.
public enum GoldExport {
    /// Verified: at least one decision on the article's results, and one on every result the
    /// extractor read (`keys`: `ResultIdentity.keys` of the undecided record).
    public static func isVerified(keys: [String], decisions: [String: ResultDecision]) -> Bool {
        !decisions.isEmpty && keys.allSatisfy { decisions[$0] != nil }
    }

    /// The gold document: the decided record's results, all required, with their evidence; the
    /// article's flags after the flag decisions, required where an editor answered them
    /// (`answered`, by the flag's index) and optional where not, so no flag the tool still shows counts as a false alarm.
    public static func document(
        article: String, extraction: Extraction, record: RaceRecord, answered: (Int) -> Bool
    ) -> JSONValue {
        let bytes = extraction.document.bytes
        var flags: [JSONValue] = []
        for (index, flag) in extraction.flags.enumerated() {
            let start = extraction.document.fileOffset(flag.range.start)
            let end = extraction.document.fileOffset(flag.range.end)
            let text = Array(bytes[start..<end])
            guard !text.isEmpty else { continue }
            flags.append(
                .object([
                    ("required", .bool(answered(index))), ("text", .string(String(decoding: text, as: UTF8.self))),
                    ("occurrence", .int(occurrence(of: text, endingBefore: start, in: bytes) + 1)),
                    ("rule", .string(flag.rule)),
                ]))
        }
        let results: [JSONValue] = record.results.map { result in
            var fields: [(String, JSONValue)] = [
                ("required", .bool(true)), ("driver", .string(result.driver)),
                ("season", .optional(result.season)), ("event", .optional(result.event)),
                ("stage", .string(result.stage.rawValue)),
            ]
            if let position = result.position {
                fields.append(("position", .int(position)))
            } else if let outcome = result.outcome {
                fields.append(("outcome", .string(outcome.rawValue)))
            }
            fields.append(("evidence", .string(result.evidence.text)))
            return .object(fields)
        }
        let about =
            "Reference annotation exported by rxtext review from an editor's decisions: every result the extractor "
            + "read was accepted, corrected or rejected, and missed ones added. 'flags' are the flags left after the "
            + "editor's flag decisions: 'required' where the editor answered them, optional where not."
        return .object([
            ("article", .string(article)), ("about", .string(about)),
            (
                "record",
                .object([
                    ("season", .optional(record.season)), ("championship", .optional(record.championship)),
                    ("class", .optional(record.raceClass)),
                    ("subject", record.subject.map(\.json) ?? .null),
                    (
                        "events",
                        .array(
                            record.events.filter(\.mentioned).map {
                                .object([
                                    ("round", .int($0.round)), ("country", .string($0.country)),
                                    ("venue", .string($0.venue)), ("month", .int($0.month)),
                                ])
                            })
                    ),
                ])
            ),
            ("results", .array(results)), ("flags", .array(flags)),
        ])
    }

    /// How many times `needle` starts before `limit` (overlapping, as `GoldScorer` counts them).
    static func occurrence(of needle: [UInt8], endingBefore limit: Int, in haystack: [UInt8]) -> Int {
        var count = 0
        var start = 0
        while start < limit && start + needle.count <= haystack.count {
            if haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle) {
                count += 1
            }
            start += 1
        }
        return count
    }
}
