import Testing
import QalamText

@Suite("UTF8ScalarReader")
struct UTF8ScalarReaderTests {
    @Test func agreesWithTheUnicodeScalarView() {
        let pieces = ["a", "Z", "7", " ", "ب", "ـ", "\u{064E}", "€", "中", "😀", "\u{200D}", "é", "\u{10FFFF}", "لـOpenAI"]
        var state: UInt64 = 7
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            // A substring that does not start at the beginning of its base string.
            let start = text.index(after: text.startIndex)
            let word = text[start...]
            var seen: [(UInt32, Int, Int)] = []
            UTF8ScalarReader.forEach(in: word) { scalar, offset, width in
                seen.append((scalar.value, offset, width))
                return true
            }
            var expected: [(UInt32, Int, Int)] = []
            var offset = 0
            for scalar in word.unicodeScalars {
                expected.append((scalar.value, offset, UTF8.width(scalar)))
                offset += UTF8.width(scalar)
            }
            #expect(seen.map(\.0) == expected.map(\.0))
            #expect(seen.map(\.1) == expected.map(\.1))
            #expect(seen.map(\.2) == expected.map(\.2))
        }
    }

    @Test func stopsWhenAsked() {
        var count = 0
        UTF8ScalarReader.forEach(in: "ابجد"[...]) { _, _, _ in
            count += 1
            return count < 2
        }
        #expect(count == 2)
    }
}
