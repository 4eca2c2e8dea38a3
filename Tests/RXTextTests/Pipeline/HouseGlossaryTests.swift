import Foundation
import Testing

@testable import RXText

/// A driver confirmed in review goes into the house glossary the configuration names: appended
/// as the entry `glossary suggest` prints, checked with every glossary before anything is written.
@Suite struct HouseGlossaryTests {
    static let glossaries = Fixtures.repository.appendingPathComponent("glossaries").path

    func house(_ directory: TemporaryDirectory, extra: [String]? = nil) -> HouseGlossary {
        HouseGlossary(
            base: Self.glossaries, extra: extra ?? [directory.url.appendingPathComponent("house").path],
            configuration: directory.url.appendingPathComponent(".rxtext.yaml").path)
    }

    @Test func anAddedDriverIsWrittenAsYAMLAndLoadsWithTheShippedGlossaries() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(
            at: directory.url.appendingPathComponent("house"), withIntermediateDirectories: true)
        let house = house(directory)
        let added = try house.add(.init(name: "Koen Pauwels", nationality: "bel", aliases: ["K. Pauwels"]))
        #expect(added.id == "koen-pauwels")
        #expect(added.file == directory.url.appendingPathComponent("house/drivers.yaml").path)
        let yaml = try String(contentsOfFile: added.file, encoding: .utf8)
        #expect(
            yaml.hasSuffix(
                "  - id: koen-pauwels\n    name: Koen Pauwels\n    nationality: BEL\n    aliases: [K. Pauwels]\n"))
        // A second one is appended to the same file, with a name YAML must quote.
        let quoted = try house.add(.init(name: "Jean \"JJ\" d'Arc: Jr", nationality: "FRA"))
        #expect(quoted.file == added.file)
        #expect(quoted.id == "jean-jj-d-arc-jr")
        let engine = try Engine.load(directory: Self.glossaries, extra: house.extra, cache: nil)
        let names = engine.glossary.drivers.filter { ["koen-pauwels", "jean-jj-d-arc-jr"].contains($0.id) }
        #expect(names.map(\.name) == ["Koen Pauwels", "Jean \"JJ\" d'Arc: Jr"])
        #expect(names.first?.nationality == "BEL")
        #expect(names.first?.aliases == ["K. Pauwels"])
    }

    @Test func aDuplicateIdOrABadEntryIsRefusedAndNothingIsWritten() throws {
        let directory = try TemporaryDirectory()
        let existing = "drivers:\n  - id: koen-pauwels\n    name: Koen Pauwels\n    nationality: BEL\n"
        let file = try directory.write("house/drivers.yaml", existing)
        let house = house(directory)
        func refusal(_ driver: HouseGlossary.NewDriver) -> HouseGlossary.AddError? {
            do {
                _ = try house.add(driver)
                return nil
            } catch {
                return error
            }
        }
        let duplicate = try #require(refusal(.init(name: "Koen Pauwels", nationality: "BEL")))
        #expect(duplicate.isConflict)
        #expect(duplicate.description.contains("duplicate driver id 'koen-pauwels'"))
        // The shipped glossary's drivers count too: an id defined there is taken.
        #expect(
            refusal(.init(id: "johan-kristoffersson", name: "Johan Kristofferson Jr", nationality: "SWE"))?.isConflict
                == true)
        #expect(refusal(.init(name: "Ann\nEvil: x", nationality: "BEL"))?.description == "a name is one line of text")
        #expect(refusal(.init(name: "  ", nationality: "BEL"))?.description == "a driver needs a name")
        #expect(refusal(.init(name: "1234", nationality: "BEL")) != nil)
        let nationality = try #require(refusal(.init(name: "Ann Newcomer", nationality: "XXX")))
        #expect(nationality.description.contains("unknown nationality 'XXX'"))
        #expect(nationality.description.contains("drivers.yaml:"), "the loader's file:line:column")
        #expect(refusal(.init(name: "Ann Newcomer"))?.description.contains("nationality") == true)
        #expect(refusal(.init(id: "Bad Id", name: "Ann Newcomer", nationality: "BEL")) != nil)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == existing)
    }

    @Test func withoutAHouseGlossaryTheErrorSaysWhatToAddToTheConfiguration() throws {
        let directory = try TemporaryDirectory()
        var refusal: HouseGlossary.AddError?
        do {
            _ = try house(directory, extra: []).add(.init(name: "Koen Pauwels", nationality: "BEL"))
        } catch {
            refusal = error
        }
        let error = try #require(refusal)
        #expect(error.description.contains("add `glossaries: [house-glossary]` to "))
        #expect(error.description.contains(".rxtext.yaml"))
    }

    /// A drivers file of other kinds is left alone: a new file beside it takes the driver.
    @Test func aFileOfOtherKindsGetsANewDriversFileBeside() throws {
        let directory = try TemporaryDirectory()
        try directory.write(
            "house/drivers.yaml",
            "spellings:\n  - id: house-kolour\n    right: colour\n    wrong: [kolour]\n    safe: true\n    note: house\n"
        )
        let added = try house(directory).add(.init(name: "Koen Pauwels", nationality: "BEL"))
        #expect(added.file.hasSuffix("house/house-drivers.yaml"))
    }
}
