import Testing

@testable import RXText

@Suite struct ColumnBuilderTests {
    /// Appends far past the first capacity keep every entry in order, through each growth.
    @Test func keepsEveryEntryAcrossGrowth() {
        var column = ColumnBuilder<Int32>(capacity: 1)
        for value in 0..<1_000 { column.append(Int32(value)) }
        #expect(column.count == 1_000)
        #expect(column.array() == (0..<1_000).map(Int32.init))
        column[999] = -1
        #expect(column[999] == -1)
        column.withEntries(from: 998) { #expect(Array($0) == [998, -1]) }
    }

    /// Entries that hold references are released when removed and when the builder goes.
    @Test func releasesWhatItHolds() {
        final class Tracked {}
        weak var first: Tracked?
        do {
            var column = ColumnBuilder<Tracked>(capacity: 2)
            let object = Tracked()
            first = object
            for _ in 0..<40 { column.append(object) }
            column.removeAll()
            #expect(column.count == 0)
            column.append(object)
        }
        #expect(first == nil)
    }
}
