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

    /// Per-position weights that favour every `I-` tag never make the decoder produce an
    /// `I-X` after anything but `B-X`/`I-X`.
    @Test func groupWeightsNeverAllowInsideAfterAnotherType() {
        let count = 5
        let rows = [UInt32](repeating: 7, count: count * TransitionFeatures.rowsPerPosition)
        let weights = TransitionFeatures.groupWeights(rows: rows, count: count) { _, target, offset in
            for tag in BIOTag.all where tag.isInside { target[offset + tag.index] += 100 }
        }
        #expect(weights.count == count * TransitionFeatures.groupWidth)
        let emissions = [Float](repeating: 0, count: count * BIOTag.count)
        let transitions = [Float](repeating: 0, count: TransitionFeatures.cells)
        guard let masked = TransitionFeatures.masked(transitions) else {
            Issue.record("masked table refused")
            return
        }
        let tables = TransitionFeatures.tables(masked: masked, groupWeights: weights)
        #expect(tables.count == count * TransitionFeatures.cells)
        let tags = ViterbiDecoder.decode(emissions: emissions, count: count, tables: tables).map { BIOTag.all[$0] }
        #expect(tags.count == count)
        for (index, tag) in tags.enumerated() { #expect(tag.mayFollow(index == 0 ? nil : tags[index - 1])) }
        #expect(TransitionFeatures.masked([1, 2]) == nil)
    }

    /// With no per-position weights, decoding equals decoding over the plain transition table.
    @Test func zeroGroupWeightsDecodeLikeThePlainTable() {
        let count = 6
        var state: UInt64 = 12_345
        func next() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(state >> 40) / Float(1 << 24) * 4 - 2
        }
        let emissions = (0..<(count * BIOTag.count)).map { _ in next() }
        let base = (0..<TransitionFeatures.cells).map { _ in next() }
        let weights = [Float](repeating: 0, count: count * TransitionFeatures.groupWidth)
        let tables = TransitionFeatures.tables(masked: TransitionFeatures.masked(base) ?? [], groupWeights: weights)
        #expect(ViterbiDecoder.decode(emissions: emissions, count: count, tables: tables)
            == ViterbiDecoder.decode(emissions: emissions, count: count, transitions: base))
    }

    /// Every combination of the feature's inputs packs to its own number (the weight
    /// cache is keyed by it); values outside the known ranges do not pack.
    @Test func weightCacheKeysAreDistinct() {
        var seen = Set<Int>()
        let flagSets: [UInt32] = [0, 1, 2, 4, 8, 16, 256, 512, 0x31F]
        for flags in flagSets {
            for bucket: UInt32 in [6, 10, 16, 100, 200] {
                for bits in 0..<8 {
                    var keys = WordKeys(word: 5, stem: 5, coarse: 1, transliteration: bucket)
                    keys.personFlags = flags
                    keys.startsWithConjunction = bits & 1 != 0
                    keys.hasProclitic = bits & 2 != 0
                    keys.endsLikeNisba = bits & 4 != 0
                    guard let packed = TransitionWeightCache.packed(keys) else {
                        Issue.record("flags \(flags) bucket \(bucket) did not pack")
                        continue
                    }
                    #expect((0..<(1 << 15)).contains(packed))
                    seen.insert(packed)
                }
            }
        }
        #expect(seen.count == flagSets.count * 5 * 8)
        #expect(TransitionWeightCache.packed(WordKeys(word: 5, stem: 5, coarse: 1, transliteration: 150)) == nil)
        var odd = WordKeys(word: 5, stem: 5, coarse: 1, transliteration: 10)
        odd.personFlags = 1 << 12
        #expect(TransitionWeightCache.packed(odd) == nil)
    }
}
