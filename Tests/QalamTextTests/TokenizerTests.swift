import Testing
@testable import QalamText

@Suite("Tokenizer")
struct TokenizerTests {
    @Test func simpleArabic() throws {
        let text = "قال الرئيس، إن 3.5 مليون."
        let document = try Document(text)
        let words = document.tokens.map { String(document.text(of: $0)) }
        #expect(words == ["قال", "الرئيس", "،", "إن", "3.5", "مليون", "."])
        #expect(document.tokens.map(\.kind) == [.arabicWord, .arabicWord, .punctuation, .arabicWord, .number, .arabicWord, .punctuation])
    }
}
