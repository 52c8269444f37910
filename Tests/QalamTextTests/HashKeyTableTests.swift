import Testing
import QalamText

@Suite("HashKeyTable")
struct HashKeyTableTests {
    /// A deterministic key stream with clustered low and high bits, zero and repeats.
    private func keys(_ count: Int) -> [UInt64] {
        var state: UInt64 = 0x1234_5678
        var result: [UInt64] = [0, 1, 2, UInt64.max, 1 << 63]
        for index in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            switch index % 4 {
            case 0: result.append(state)
            case 1: result.append(UInt64(index))  // small, sequential
            case 2: result.append(UInt64(index) << 40)  // only high bits differ
            default: result.append(result[Int(state >> 33) % result.count])  // a repeat
            }
        }
        return result
    }

    @Test func agreesWithDictionaryThroughGrowth() {
        var table = HashKeyTable<Int>()
        var reference: [UInt64: Int] = [:]
        for (position, key) in keys(20_000).enumerated() {
            table.modify(key, default: 0) { $0 += position }
            reference[key, default: 0] += position
        }
        #expect(table.count == reference.count)
        for (key, value) in reference { #expect(table[key] == value) }
        // Keys never inserted are absent.
        var missing = 0
        for probe in keys(2_000).map({ $0 ^ 0xDEAD_BEEF_0000_0001 }) where reference[probe] == nil {
            if table[probe] != nil || table.contains(probe) { missing += 1 }
        }
        #expect(missing == 0)
    }

    @Test func setReplacesAndEmptyTableAnswersNothing() {
        var table = HashKeyTable<String>(minimumCapacity: 0)
        #expect(table.isEmpty)
        #expect(table[42] == nil)
        table.set("a", for: 42)
        table.set("b", for: 42)
        table.set("z", for: 0)
        #expect(table[42] == "b")
        #expect(table[0] == "z")
        #expect(table.count == 2)
        #expect(!table.isEmpty)
    }
}
