import Testing
import QalamText

@Suite("Document gaps")
struct DocumentGapTests {
    @Test func lineFeedInGapsIsFoundAloneAndInCRLF() throws {
        let document = try Document("قال سمير\nثم\r\nمضى  هنا")
        #expect(document.tokens.count == 5)
        let expected = document.tokens.indices.map { document.gap(before: $0).utf8.contains(0x0A) }
        #expect(expected == [false, false, true, true, false])
        for index in 0...document.tokens.count {
            #expect(document.gapContainsLineFeed(before: index) == document.gap(before: index).utf8.contains(0x0A))
        }
    }
}
