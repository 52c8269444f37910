import Testing
import Qalam

/// The library example of README.md, run as written, so the README stays true.
@Suite("README library example")
struct ReadmeExampleTests {
    @Test func textLayer() throws {
        let text = "قال الرئيس التنفيذي لـOpenAI إن الإيرادات بلغت ١٢٣٫٥ مليون."
        let document = try Document(text)
        #expect(document.tokens.map { String(document.text(of: $0)) }.contains("١٢٣٫٥"))
        var count = 0
        try Tokenizer().forEachToken(in: text) { _ in count += 1 }
        #expect(count == document.tokens.count)
        #expect(try Tokenizer().tokenizeConcurrently(text, parts: 2) == document.tokens)

        let search = try Normalizer(preset: .search)
        let normalized = try search.normalize("أَحْمَدُ إلى مدرسةٍ")
        #expect(normalized.text == "احمد الي مدرسه")
        let original = normalized.originalRange(ofNormalizedBytes: 0..<8)
        #expect(String(decoding: Array("أَحْمَدُ إلى مدرسةٍ".utf8)[original], as: UTF8.self) == "أَحْمَدُ")

        #expect(try SentenceSplitter().split("قال. ثم ذهب؟ نعم").count == 3)
        #expect(try CliticSegmenter().segment("وبالمدرسة").count == 4)
    }

    @Test func namesAndEvents() throws {
        let text = "أعلنت شركة نبراس أن رئيسها التنفيذي جورج داود قدم استقالته."
        let document = try Document(text)
        let entities = try EntityTagger().entities(in: document)
        #expect(entities.contains { $0.type == .person })
        let romanizer = try NameRomanizer()
        #expect(romanizer.romanize("جورج", top: 3).map { $0.latin.lowercased() }.contains("george"))
        #expect(!document.occurrences(ofLatinName: "George", using: LatinNameMatcher(romanizer: romanizer)).isEmpty)
        let events = try EventExtractor().extract(from: document, id: "a.txt")
        let event = try #require(events.first)
        #expect(event.type == .resigned)
        #expect(document.text(of: event.person.range) == "جورج داود")
        #expect(event.role?.canonical == "Chief Executive Officer")
    }
}
