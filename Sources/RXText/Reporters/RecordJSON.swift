/// The race record as JSON, with the output contract's field names.
extension RaceRecord {
    public var json: JSONValue {
        .object([
            ("season", .optional(season)),
            ("championship", .optional(championship)),
            ("class", .optional(raceClass)),
            ("subject", subject.map(\.json) ?? .null),
            ("events", .array(events.map(\.json))),
            ("results", .array(results.map(\.json))),
            ("mentions", .array(mentions.map(\.json))),
        ])
    }
}

extension RaceRecord.Subject {
    var json: JSONValue {
        .object([
            ("name", .string(name)), ("nationality", .optional(nationality)), ("age", .optional(age)),
            ("team", .optional(team)),
            ("car", .optional(car)),
        ])
    }
}

extension RaceRecord.Event {
    var json: JSONValue {
        .object([
            ("round", .int(round)), ("country", .string(country)), ("venue", .string(venue)), ("town", .string(town)),
            ("month", .int(month)), ("day", .int(day)), ("mentioned", .bool(mentioned)),
        ])
    }
}

extension RaceRecord.Result {
    var json: JSONValue {
        .object([
            ("driver", .string(driver)), ("driver_id", .optional(driverID)), ("season", .optional(season)),
            ("event", .optional(event)), ("class", .optional(raceClass)),
            ("round", .optional(round)),
            ("stage", .string(stage.rawValue)), ("position", .optional(position)),
            ("outcome", .optional(outcome?.rawValue)),
            ("cause", .optional(cause)),
            ("confidence", .fraction(confidence)),
            (
                "evidence",
                .object([
                    ("start", .int(evidence.start)), ("end", .int(evidence.end)), ("text", .string(evidence.text)),
                ])
            ),
        ])
    }
}

extension RaceRecord.MentionRecord {
    var json: JSONValue {
        .object([
            ("type", .string(type)), ("name", .string(name)), ("text", .string(text)), ("start", .int(start)),
            ("end", .int(end)),
        ])
    }
}
