import Testing
import QalamText
import QalamNames

@Suite("Latin spellings of persons")
struct PersonLatinSpellingTests {
    @Test func onlyPersonsGetALatinSpelling() throws {
        let document = try Document("قال سمير حداد في بيروت")
        let romanizer = try NameRomanizer()
        let tokens = document.tokens
        let person = Entity(type: .person, tokenRange: 1..<3, start: tokens[1].start, end: tokens[2].end, confidence: 1)
        let place = Entity(type: .location, tokenRange: 4..<5, start: tokens[4].start, end: tokens[4].end, confidence: 1)
        let spelled = romanizer.addingLatinSpellings(to: [person, place], in: document)
        #expect(spelled.count == 2)
        let latin = try #require(spelled.first?.latin)
        #expect(latin.contains(" "))
        #expect(latin.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(spelled.last?.latin == nil)
        #expect(spelled.last == place)
    }
}
