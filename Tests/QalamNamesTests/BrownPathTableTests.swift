import Testing
import QalamText
@testable import QalamNames

@Suite("Brown-cluster paths")
struct BrownPathTableTests {
    @Test func pathsParseAndCutIntoPrefixes() throws {
        let path = try #require(BrownPathTable.Path("0110010"))
        #expect(path.length == 7)
        #expect(path.code == 0b1_0110010)
        #expect(path.prefix(4) == 0b1_0110)
        #expect(path.prefix(7) == path.code)
        #expect(path.prefix(20) == path.code)
        // A path and a longer one that starts the same way share the prefix, not the code.
        let longer = try #require(BrownPathTable.Path("01100101"))
        #expect(longer.prefix(7) == path.code)
        #expect(longer.code != path.code)
        // "0" and "00" are different paths: the leading 1 keeps the length.
        #expect(BrownPathTable.Path("0")?.code != BrownPathTable.Path("00")?.code)
    }

    @Test(arguments: ["", "012", "1 0", String(repeating: "1", count: 32)])
    func badPathsAreRefused(text: String) {
        #expect(BrownPathTable.Path(Substring(text)) == nil)
    }

    /// The shipped table groups words by how they are used: two common given names share a
    /// longer prefix than a given name and a verb of saying.
    @Test func shippedTableGroupsGivenNames() throws {
        let table = try BrownPathTable.shipped()
        func path(_ word: String) throws -> BrownPathTable.Path {
            try #require(table.path(ofFolded: NERFeatureExtractor.foldedScalars(Substring(word))))
        }
        func shared(_ a: BrownPathTable.Path, _ b: BrownPathTable.Path) -> Int {
            var length = 0
            while length < min(a.length, b.length), a.prefix(length + 1) == b.prefix(length + 1) { length += 1 }
            return length
        }
        let given = (try path("محمد"), try path("خالد"))
        let verb = try path("قال")
        #expect(shared(given.0, given.1) >= 5)
        #expect(shared(given.0, given.1) > shared(given.0, verb))
    }
}
