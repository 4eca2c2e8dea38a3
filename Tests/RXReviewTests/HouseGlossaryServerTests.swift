import Foundation
import Testing

@testable import RXReview
@testable import RXText

/// The results view adds a driver no glossary knows to the house glossary `.rxtext.yaml` names,
/// over real HTTP: the token is required, the YAML is written and validated, a duplicate id and a
/// name that is not one are refused, and the decisions on the driver's results follow its new id.
@Suite struct HouseGlossaryServerTests {
    static let article =
        "Koen Pauwels was second in the final at Höljes in the 2018 World RX season. "
        + "Johan Kristoffersson won the final there.\n"

    func corpus(house: Bool) throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write("corpus/a.txt", Self.article)
        if house {
            try scratch.write("corpus/.rxtext.yaml", "glossaries: [house]\n")
            try FileManager.default.createDirectory(
                at: scratch.url.appendingPathComponent("corpus/house"), withIntermediateDirectories: true)
        }
        return scratch
    }

    func results(_ server: ReviewProcess) async throws -> [[String: Any]] {
        let reply = try await server.get("/api/results?file=a.txt")
        #expect(reply.status == 200, "\(reply.text)")
        return try #require(try reply.json()["results"] as? [[String: Any]])
    }

    @Test func aConfirmedDriverIsAddedToTheHouseGlossary() async throws {
        let scratch = try corpus(house: true)
        let server = try ReviewProcess([scratch.path + "/corpus"])
        let before = try await results(server)
        let unknown = try #require(before.first { $0["driver"] as? String == "Koen Pauwels" })
        let entry = try #require(unknown["glossaryEntry"] as? [String: Any])
        #expect(entry["id"] as? String == "koen-pauwels")
        #expect(before.first { $0["driver"] as? String == "Johan Kristoffersson" }?["glossaryEntry"] == nil)
        // Confirmed first: the decision must survive the key the new id gives the result.
        let key = try #require(unknown["key"] as? String)
        #expect(key.hasPrefix("name:koen pauwels|"))
        let accepted = try await server.post(
            "/api/result-decisions", ["file": "a.txt", "key": key, "action": "accept"])
        #expect(accepted.status == 200, "\(accepted.text)")

        let body = try JSONSerialization.data(withJSONObject: ["name": "Koen Pauwels", "nationality": "BEL"])
        #expect(try await server.request("POST", "/api/glossary/drivers", body: body, token: .none).status == 403)
        let house = scratch.url.appendingPathComponent("corpus/house/drivers.yaml").path
        #expect(!FileManager.default.fileExists(atPath: house), "nothing written without the token")

        let added = try await server.request("POST", "/api/glossary/drivers", body: body)
        #expect(added.status == 200, "\(added.text)")
        #expect(try added.json()["id"] as? String == "koen-pauwels")
        #expect(try added.json()["reloaded"] as? Bool == true)
        #expect(try added.json()["moved"] as? Int == 1)
        let yaml = try String(contentsOfFile: house, encoding: .utf8)
        #expect(
            yaml.contains(
                "drivers:\n  # added in rxtext review\n  - id: koen-pauwels\n    name: Koen Pauwels\n    nationality: BEL\n"
            ))
        #expect(
            try GlossaryLoader().load(directories: [Repository.glossaries, scratch.path + "/corpus/house"])
                .drivers.contains { $0.id == "koen-pauwels" })

        // The running server reads the articles again: the driver is known, the decision kept.
        let after = try await results(server)
        let known = try #require(after.first { $0["driver"] as? String == "Koen Pauwels" })
        #expect(known["driverID"] as? String == "koen-pauwels")
        #expect(known["glossaryEntry"] == nil)
        #expect((known["key"] as? String)?.hasPrefix("koen-pauwels|") == true)
        #expect((known["decision"] as? [String: Any])?["action"] as? String == "accept")

        let duplicate = try await server.post("/api/glossary/drivers", ["name": "Koen Pauwels", "nationality": "BEL"])
        #expect(duplicate.status == 409, "\(duplicate.text)")
        #expect(duplicate.text.contains("duplicate driver id"))
        let invalid = try await server.post("/api/glossary/drivers", ["name": "<b>\n</b>", "nationality": "BEL"])
        #expect(invalid.status == 400, "\(invalid.text)")
        let nationality = try await server.post(
            "/api/glossary/drivers", ["name": "Ann Newcomer", "nationality": "QQQ"])
        #expect(nationality.status == 400)
        #expect(nationality.text.contains("unknown nationality 'QQQ'"))
        #expect(try String(contentsOfFile: house, encoding: .utf8) == yaml, "a refused driver writes nothing")
        #expect(try await server.request("GET", "/api/glossary/drivers").status == 405)
    }

    @Test func withoutAHouseGlossaryThePageIsToldWhatToConfigure() async throws {
        let scratch = try corpus(house: false)
        let server = try ReviewProcess([scratch.path + "/corpus"])
        let reply = try await server.post("/api/glossary/drivers", ["name": "Koen Pauwels", "nationality": "BEL"])
        #expect(reply.status == 400)
        #expect(reply.text.contains("add `glossaries: [house-glossary]` to "))
        #expect(reply.text.contains("corpus/.rxtext.yaml"))
    }

    /// The summary's timelines over HTTP: one per driver and season, as escaped SVG.
    @Test func theSeasonsListEachDriversTimeline() async throws {
        let scratch = try corpus(house: false)
        try scratch.write("corpus/zz-hostile.txt", Scratch.hostile)
        let server = try ReviewProcess([scratch.path + "/corpus"])
        let reply = try await server.get("/api/seasons")
        #expect(reply.status == 200, "\(reply.text)")
        let seasons = try #require(try reply.json()["seasons"] as? [[String: Any]])
        let johan = try #require(seasons.first { $0["driver"] as? String == "Johan Kristoffersson" })
        #expect(johan["season"] as? Int == 2018)
        #expect(johan["unverified"] as? Int == 1)
        #expect(johan["championship"] as? String == "FIA World Rallycross Championship")
        let svg = try #require(johan["svg"] as? String)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("round 6 1st (unverified)"), "Höljes is round 6 of the 2018 calendar: \(svg)")
        #expect(!reply.text.contains("<script"))
        let page = try await server.request("GET", "/?token=\(server.token)", token: .none)
        #expect(page.text.contains("/api/seasons") && page.text.contains("image/svg+xml"))
    }
}
