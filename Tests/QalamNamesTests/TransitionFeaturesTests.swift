import Testing
@testable import QalamNames

@Suite("EntityTagger transition features")
struct TransitionFeaturesTests {
    @Test func previousTagsFallIntoTypeGroups() {
        #expect(TransitionFeatures.group(ofPrevious: -1) == 0)
        #expect(TransitionFeatures.group(ofPrevious: BIOTag.outside.index) == 0)
        for (number, type) in EntityType.allCases.enumerated() {
            #expect(TransitionFeatures.group(ofPrevious: BIOTag(type, begin: true).index) == number + 1)
            #expect(TransitionFeatures.group(ofPrevious: BIOTag(type, begin: false).index) == number + 1)
        }
    }

    @Test func tablesForbidInsideAfterAnotherType() {
        let count = 3
        let rows = [UInt32](repeating: 7, count: count * TransitionFeatures.rowsPerPosition)
        let base = (0..<TransitionFeatures.cells).map { Float($0 % 5) }
        let tables = TransitionFeatures.tables(rows: rows, count: count, base: base) { row, target, offset in
            for tag in 0..<BIOTag.count { target[offset + tag] += Float(row) + Float(tag) }
        }
        #expect(tables.count == count * TransitionFeatures.cells)
        for position in 0..<count {
            for previous in -1..<BIOTag.count {
                for tag in BIOTag.all {
                    let value = tables[position * TransitionFeatures.cells + (previous + 1) * BIOTag.count + tag.index]
                    #expect((value == -.infinity) == !tag.mayFollow(previous < 0 ? nil : BIOTag.all[previous]))
                }
            }
        }
    }

    /// With no per-position weights, decoding over per-position tables equals decoding
    /// over the plain transition table.
    @Test func positionTablesWithoutWeightsDecodeLikeThePlainTable() {
        let count = 6
        var state: UInt64 = 12_345
        func next() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(state >> 40) / Float(1 << 24) * 4 - 2
        }
        let emissions = (0..<(count * BIOTag.count)).map { _ in next() }
        let base = (0..<TransitionFeatures.cells).map { _ in next() }
        let rows = [UInt32](repeating: 0, count: count * TransitionFeatures.rowsPerPosition)
        let tables = TransitionFeatures.tables(rows: rows, count: count, base: base) { _, _, _ in }
        #expect(ViterbiDecoder.decode(emissions: emissions, count: count, positionTransitions: tables)
            == ViterbiDecoder.decode(emissions: emissions, count: count, transitions: base))
    }
}
