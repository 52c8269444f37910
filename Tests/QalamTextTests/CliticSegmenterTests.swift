import Foundation
import Testing
@testable import QalamText

/// One row of the hand-written segmentation gold set.
struct SegmentationGoldRow {
    let word: String
    let segments: [String]
    let kind: String

    static func load() throws -> [SegmentationGoldRow] {
        guard let url = Bundle.module.url(forResource: "segmentation-gold", withExtension: "tsv", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") { return nil }
            let fields = line.split(separator: "\t")
            guard fields.count >= 3 else { return nil }
            return SegmentationGoldRow(word: String(fields[0]), segments: fields[1].split(separator: "+").map(String.init), kind: String(fields[2]))
        }
    }
}

/// The surface texts of a segmentation.
func surfaces(_ segments: [WordSegment], of word: String) -> [String] {
    let bytes = Array(word.utf8)
    return segments.map { String(decoding: bytes[$0.range], as: UTF8.self) }
}

@Suite("CliticSegmenter")
struct CliticSegmenterTests {
    let segmenter: CliticSegmenter

    init() throws { segmenter = try CliticSegmenter() }

    @Test func goldSetAccuracy() throws {
        let rows = try SegmentationGoldRow.load()
        #expect(rows.count >= 400)
        var correct = 0, hardCorrect = 0, hard = 0, names = 0, namesOverSplit = 0
        var errors: [String] = []
        for row in rows {
            let got = surfaces(segmenter.segment(row.word), of: row.word)
            let ok = got == row.segments
            if ok { correct += 1 } else { errors.append("\(row.word): \(got.joined(separator: "+")) ≠ \(row.segments.joined(separator: "+"))") }
            if row.kind != "easy" { hard += 1; if ok { hardCorrect += 1 } }
            if row.kind == "name" {
                names += 1
                if got.count > row.segments.count { namesOverSplit += 1 }
            }
        }
        let accuracy = Double(correct) / Double(rows.count)
        print("segmenter gold: \(correct)/\(rows.count) = \(accuracy); hard \(hardCorrect)/\(hard); names over-split \(namesOverSplit)/\(names)")
        for error in errors { print("  " + error) }
        #expect(accuracy >= 0.97)
        #expect(Double(namesOverSplit) / Double(max(names, 1)) <= 0.05)
    }

    @Test func offsetsCoverTheWordInOrder() throws {
        for word in ["وبالشركة", "لِلْمَدْرَسَةِ", "لـOpenAI", "بـ150", "شركتهم", "بوب", "وسيكون"] {
            let segments = segmenter.segment(word)
            #expect(segments.first?.range.lowerBound == 0)
            #expect(segments.last?.range.upperBound == word.utf8.count)
            for (a, b) in zip(segments, segments.dropFirst()) { #expect(a.range.upperBound == b.range.lowerBound) }
        }
    }

    @Test func cliticsJoinedToLatinAndNumbers() {
        #expect(surfaces(segmenter.segment("لـOpenAI"), of: "لـOpenAI") == ["لـ", "OpenAI"])
        #expect(surfaces(segmenter.segment("بـ150"), of: "بـ150") == ["بـ", "150"])
        #expect(surfaces(segmenter.segment("وبـTesla"), of: "وبـTesla") == ["و", "بـ", "Tesla"])
        #expect(segmenter.segment("GPT4").count == 1)
    }

    @Test func elidedArticleHasItsForm() {
        let segments = segmenter.segment("للشركة")
        #expect(segments.map(\.role) == [.proclitic, .proclitic, .stem])
        #expect(segments.map(\.form) == ["ل", "ال", ""])
    }

    @Test func customLexiconDecides() {
        let plain = CliticSegmenter(lexicon: StemLexicon(counts: ["ولن": 500]))
        #expect(plain.segment("كولن").count == 2)
        let withName = CliticSegmenter(lexicon: StemLexicon(counts: ["ولن": 500], names: ["كولن"]))
        #expect(withName.segment("كولن").count == 1)
    }
}
