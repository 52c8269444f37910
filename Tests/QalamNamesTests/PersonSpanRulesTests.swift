import Foundation
import Testing
import QalamLexicons
import QalamText
@testable import QalamNames

@Suite("Person span rules (listed full names, nisba family names)")
struct PersonSpanRulesTests {
    /// An extractor over a small stem lexicon; the full-name list is given per test.
    /// «سالم» and «حسن» are listed given names.
    static func extractor(stems: [String: Int]) -> NERFeatureExtractor {
        var gazetteer = NameGazetteer()
        for name in ["سالم", "حسن"] { gazetteer.add(name, as: .givenName) }
        return NERFeatureExtractor(
            segmenter: CliticSegmenter(lexicon: StemLexicon(counts: stems)), gazetteer: gazetteer,
            transliteration: TransliterationScorer(logOdds: [:]), newsContext: NewsContextTable(),
            clusters: WordClusterTable(), rowBits: 14)
    }

    static func run(_ sentence: String, _ tags: String, names: [String] = [], stems: [String: Int] = [:]) -> String {
        let extractor = extractor(stems: stems)
        let words = sentence.split(separator: " ")
        let keys = words.map { extractor.features(of: $0, kind: TokenKind.classify($0.unicodeScalars)).keys }
        let rules = PersonSpanRules(
            fullNames: PhraseMatcher(phrases: names.map { $0.split(separator: " ") }, membership: .givenName),
            stems: extractor.segmenter.lexicon)
        var path = tags.split(separator: " ").compactMap { BIOTag(string: $0) }
        rules.apply(to: &path, keys: keys) { words[$0] }
        return path.map(\.description).joined(separator: " ")
    }

    @Test func listedFullNameBecomesOnePerson() {
        // Untagged, half tagged, and tagged as two persons: each ends as one person.
        #expect(Self.run("وقال سالم النجار أمس", "O O O O", names: ["سالم النجار"]) == "O B-PERS I-PERS O")
        #expect(Self.run("وقال سالم النجار أمس", "O B-PERS O O", names: ["سالم النجار"]) == "O B-PERS I-PERS O")
        #expect(Self.run("وقال سالم النجار أمس", "O B-PERS B-PERS O", names: ["سالم النجار"]) == "O B-PERS I-PERS O")
        // A listed name that continues a person already open stays inside it.
        #expect(Self.run("قال حسن سالم النجار", "O B-PERS I-PERS O", names: ["سالم النجار"]) == "O B-PERS I-PERS I-PERS")
    }

    @Test func listedFullNameNeverOverridesAnotherType() {
        #expect(Self.run("في سالم النجار", "O B-LOC I-LOC", names: ["سالم النجار"]) == "O B-LOC I-LOC")
        #expect(Self.run("في سالم النجار", "O O B-ORG", names: ["سالم النجار"]) == "O O B-ORG")
    }

    @Test func fullNamesMatchWordsAsWrittenOnly() {
        // One word of the name alone is no match; neither is a clitic form of its first word.
        #expect(Self.run("قال النجار أمس", "O O O", names: ["سالم النجار"]) == "O O O")
        #expect(Self.run("وسالم النجار", "O O", names: ["سالم النجار"], stems: ["سالم": 20]) == "O O")
    }

    @Test func rareNisbaAfterAPersonIsPartOfTheName() {
        #expect(Self.run("قال سالم الدويكي أمس", "O B-PERS O O") == "O B-PERS I-PERS O")
        // A common nisba (counted often as a stem) is an adjective of origin.
        #expect(Self.run("قال سالم المصري أمس", "O B-PERS O O", stems: ["مصري": PersonSpanRules.rareNisba]) == "O B-PERS O O")
        // Not after a non-person, not a word without the article, not a short word.
        #expect(Self.run("في القاهرة الدويكي", "O B-LOC O") == "O B-LOC O")
        #expect(Self.run("قال سالم دويكي", "O B-PERS O") == "O B-PERS O")
        #expect(Self.run("قال سالم الحي", "O B-PERS O") == "O B-PERS O")
        // After a person of two words or more, listed or not, the nisba joins.
        #expect(Self.run("قال ماتيو ريبولي الدويكي", "O B-PERS I-PERS O") == "O B-PERS I-PERS I-PERS")
        // After a lone word that is no listed given name (a surname, a foreign name) a nisba
        // is an adjective: «خاتمي الإصلاحي», the reformist Khatami.
        #expect(Self.run("قال خاتمي الإصلاحي", "O B-PERS O") == "O B-PERS O")
        #expect(Self.run("وقال ريبولي الدويكي", "O B-PERS O") == "O B-PERS O")
        #expect(PersonSpanRules.canTakeFamilyName(tags: [.outside], keys: [], before: 0) == false)
    }

    @Test func shippedListLoadsAndMatchesItsOwnEntries() throws {
        let matcher = try PersonSpanRules.shippedFullNames()
        #expect(!matcher.isEmpty)
        let text = try #require(String(data: try LexiconStore.data(PersonSpanRules.fullNamesPath), encoding: .utf8))
        let entries = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(entries.count > 10_000)
        let extractor = Self.extractor(stems: [:])
        for entry in entries.prefix(50) {
            let words = entry.split(separator: " ")
            let keys = words.map { extractor.features(of: $0, kind: TokenKind.classify($0.unicodeScalars)).keys }
            #expect(matcher.matches(count: keys.count) { keys[$0] }.map(\.range) == [0..<words.count], "\(entry)")
        }
    }

    @Test func prepositionAlaOpensNoPerson() {
        #expect(Self.run("حصل على كامل حقوقه", "O B-PERS I-PERS O") == "O O B-PERS O")
        #expect(Self.run("وافق وعلى سالم", "O B-PERS O") == "O O O")
        // The name written with ya stays.
        #expect(Self.run("قال علي سالم", "O B-PERS I-PERS") == "O B-PERS I-PERS")
    }

    @Test func malformedListIsAClearError() {
        for (text, reason) in [
            ("# header\nسالم\n", "line 2: a full name has 2 to 4 words, not 1"),
            ("سالم النجار\nا ب ج د ه\n", "line 2: a full name has 2 to 4 words, not 5"),
            ("# only a header\n", "no names"),
        ] {
            #expect(throws: LexiconError.self, "\(reason)") { try PersonSpanRules.fullNames(from: Array(text.utf8), path: "x.txt") }
            do {
                _ = try PersonSpanRules.fullNames(from: Array(text.utf8), path: "x.txt")
            } catch {
                #expect(error.path == "x.txt")
                #expect(error.reason == reason)
            }
        }
        var invalid = Array("سالم النجار\nسالم ".utf8)
        invalid += [0xD8, 0x20, 0x41, 0x0A]
        #expect(throws: LexiconError.self) { try PersonSpanRules.fullNames(from: invalid, path: "x.txt") }
        #expect((try? PersonSpanRules.fullNames(from: Array("سالم النجار\r\n".utf8), path: "x.txt").isEmpty) == false)
    }
}
