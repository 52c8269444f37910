import Testing
@testable import QalamNames

@Suite("NER evaluation and CoNLL I/O")
struct NEREvaluationTests {
    func tags(_ text: String) -> [BIOTag] { text.split(separator: " ").compactMap { BIOTag(string: $0) } }

    @Test func bioTagsRoundTrip() {
        for tag in BIOTag.all { #expect(BIOTag(string: tag.description) == tag) }
        #expect(BIOTag(string: "B-PER") == BIOTag(.person, begin: true))
        #expect(BIOTag(string: "X-PERS") == nil)
        #expect(BIOTag(string: "B-FOO") == nil)
    }

    @Test func chunksFollowConlleval() {
        let chunks = BIOChunker.chunks(tags("B-PERS I-PERS O I-LOC B-ORG I-PERS"))
        #expect(chunks.map(\.type) == [.person, .location, .organization, .person])
        #expect(chunks.map(\.range) == [0..<2, 3..<4, 4..<5, 5..<6])
    }

    @Test func exactSpanScoring() {
        var evaluation = NEREvaluation()
        evaluation.add(gold: tags("B-PERS I-PERS O B-LOC O"), predicted: tags("B-PERS O O B-LOC B-ORG"))
        let person = evaluation.byType[.person] ?? .init()
        #expect(person.truePositives == 0 && person.gold == 1 && person.predicted == 1)
        let location = evaluation.byType[.location] ?? .init()
        #expect(location.f1 == 1)
        #expect(evaluation.micro.truePositives == 1)
        #expect(evaluation.micro.predicted == 3)
        #expect(evaluation.micro.gold == 2)
        #expect(abs(evaluation.micro.precision - 1.0 / 3) < 1e-9)
        #expect(abs(evaluation.micro.recall - 0.5) < 1e-9)
        // macro: PERS 0, LOC 1, ORG 0 → 1/3
        #expect(abs(evaluation.macroF1 - 1.0 / 3) < 1e-9)
        #expect(evaluation.report.contains("micro"))
    }

    @Test func readsConllWithCommentsTabsAndSpaces() throws {
        let text = "# doc_id = x\nميرا\tB-PER\nموراتي I-PERS\n\n# O\nفي O\n\n"
        let sentences = try CoNLLCorpus.taggedSentences(text)
        #expect(sentences.count == 2)
        #expect(sentences[0].tokens == ["ميرا", "موراتي"])
        #expect(sentences[0].tags.map(\.description) == ["B-PERS", "I-PERS"])
        // "# O" is a token '#' tagged O, not a comment.
        #expect(sentences[1].tokens == ["#", "في"])
        #expect(CoNLLCorpus.tokens("a\nb x\n\nc\n") == [["a", "b"], ["c"]])
    }

    @Test func badTagIsAnError() {
        #expect(throws: CoNLLCorpus.FormatError.self) { try CoNLLCorpus.taggedSentences("word B-FOO\n") }
        #expect(throws: CoNLLCorpus.FormatError.self) { try CoNLLCorpus.taggedSentences("word\n") }
    }
}
