import Testing
import QalamText
@testable import QalamNames

@Suite("Phrase matching and label consistency")
struct EntityConsistencyTests {
    /// An extractor whose gazetteer holds one multi-word organization.
    static func extractor() -> NERFeatureExtractor {
        var gazetteer = NameGazetteer()
        gazetteer.add("الأمم المتحدة", as: .organizationName, firstWordOfPhrase: false)
        return NERFeatureExtractor(
            segmenter: CliticSegmenter(lexicon: StemLexicon(counts: ["امم": 50, "متحدة": 50, "قال": 50])), gazetteer: gazetteer,
            transliteration: TransliterationScorer(logOdds: [:]), newsContext: NewsContextTable(),
            clusters: WordClusterTable(), rowBits: 14)
    }

    static func keys(_ sentence: String, _ extractor: NERFeatureExtractor) -> [WordKeys] {
        sentence.split(separator: " ").map { extractor.features(of: $0, kind: TokenKind.classify($0.unicodeScalars)).keys }
    }

    @Test func multiWordEntryMatchesWholeAndBehindClitics() {
        let extractor = Self.extractor()
        for (sentence, expected) in [("قال إن الأمم المتحدة تعمل", 2..<4), ("ودعا بالأمم المتحدة إلى", 1..<3)] {
            let keys = Self.keys(sentence, extractor)
            let matches = extractor.phrases.matches(count: keys.count) { keys[$0] }
            #expect(matches.map(\.range) == [expected], "\(sentence)")
            #expect(matches.first?.membership == .organizationName)
        }
        // One word of the entry alone is no match.
        let alone = Self.keys("قال إن المتحدة تعمل", extractor)
        #expect(extractor.phrases.matches(count: alone.count) { alone[$0] }.isEmpty)
    }

    @Test func nearbyMentionsAreTaggedAlike() throws {
        let extractor = Self.extractor()
        let sentences = ["قال سيرانو إن الأمم المتحدة تعمل", "وأضاف سيرانو أمس", "قال سيرانو إن الأمم المتحدة تعمل"]
        let tags: [[BIOTag]] = [
            "O B-PERS O B-ORG I-ORG O", "O O O", "O O O O O O",
        ].map { $0.split(separator: " ").compactMap { BIOTag(string: $0) } }
        let keys = sentences.map { Self.keys($0, extractor) }
        let result = EntityPropagation.apply(to: tags, keys: keys)
        #expect(result[1].map(\.description) == ["O", "B-PERS", "O"])
        #expect(result[2].map(\.description) == ["O", "B-PERS", "O", "B-ORG", "I-ORG", "O"])
        #expect(result[0] == tags[0])
    }

    @Test func distantMentionsAreLeftAlone() {
        let extractor = Self.extractor()
        var sentences = ["قال سيرانو أمس"]
        var tags: [[BIOTag]] = [[.outside, BIOTag(.person, begin: true), .outside]]
        for _ in 0...EntityPropagation.window {
            sentences.append("قال إن الأمم")
            tags.append([.outside, .outside, .outside])
        }
        sentences.append("قال سيرانو أمس")
        tags.append([.outside, .outside, .outside])
        let keys = sentences.map { Self.keys($0, extractor) }
        #expect(EntityPropagation.apply(to: tags, keys: keys) == tags)
    }
}
