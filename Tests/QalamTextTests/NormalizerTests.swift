import Foundation
import Testing
@testable import QalamLexicons
@testable import QalamText

/// The package root (the folder holding Package.swift) and ../shared beside it.
private let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        url = url.deletingLastPathComponent()
    }
    return url
}()
private let sharedFolder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
private let articleURL = sharedFolder.appendingPathComponent("corpus/openai-departures.ar.txt")
private let sharedAvailable = FileManager.default.fileExists(atPath: articleURL.path)

/// Random strings mixing what Arabic text is made of and what trips normalizers:
/// letters, every kind of mark in any order, decomposed hamza, presentation forms,
/// Persian letters, digits, tatweel, bidi and zero-width controls, Latin with accents,
/// CJK, emoji.
func randomNormalizerInput(_ generator: inout SplitMix64, length: Int) -> String {
    let pools: [[UInt32]] = [
        Array(0x0621...0x064A), Array(0x064B...0x0670), [0x0653, 0x0654, 0x0655, 0x0670],
        Array(0x06D6...0x06ED), Array(0x0660...0x066D), Array(0x06F0...0x06F9),
        [0x067E, 0x0686, 0x06A9, 0x06AF, 0x06CC, 0x06D5, 0x06C1, 0x06C3, 0x06D2, 0x06D3, 0x06C0, 0x06C2],
        Array(0xFB50...0xFB60), Array(0xFE70...0xFEFC), [0xFDF2, 0xFDFA, 0xFDFB, 0xFEFB, 0xFEF5],
        [0x0640, 0x0640, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202B, 0x202C, 0x2066, 0x2069, 0xFEFF, 0x00AD, 0x061C],
        Array(0x20...0x7E), [0x20, 0x20, 0x0A, 0x2E, 0x060C, 0x061F, 0x061B],
        [0x00E9, 0x0065, 0x0301, 0x0041, 0x030A, 0x212B, 0x1E0A, 0x0323, 0x0307, 0xFB01, 0xFF21, 0x2460],
        [0x4E2D, 0x6587, 0xAC00, 0x1100, 0x1161, 0x11A8],
        [0x1F600, 0x1F469, 0x1F4BB, 0x1F3FD, 0xFE0F, 0x2764, 0x1D400],
    ]
    var scalars = String.UnicodeScalarView()
    for _ in 0..<length {
        let pool = pools[Int.random(in: 0..<pools.count, using: &generator)]
        let value = pool[Int.random(in: 0..<pool.count, using: &generator)]
        if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
    }
    return String(scalars)
}

/// Whether `text` contains `piece` as a run of UTF-8 bytes (String.contains compares
/// whole grapheme clusters, and a piece may end before a combining mark).
func containsBytes(_ text: String, _ piece: String) -> Bool {
    let haystack = Array(text.utf8), needle = Array(piece.utf8)
    if needle.isEmpty { return true }
    guard haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
        return true
    }
    return false
}

@Suite("Normalizer")
struct NormalizerTests {
    static let example = "أَحْمَدُ إلى مدرسةٍ العـــربية ﻻ"

    // MARK: presets

    @Test func searchPresetOnTheExampleSentence() throws {
        let normalizer = try Normalizer(preset: .search)
        #expect(try normalizer.normalizedString(Self.example) == "احمد الي مدرسه العربيه لا")
        #expect(try normalizer.normalize(Self.example).text == "احمد الي مدرسه العربيه لا")
    }

    @Test func displayPresetKeepsEveryLetterAndMark() throws {
        let normalizer = try Normalizer(preset: .display)
        let result = try normalizer.normalizedString(Self.example)
        // Only the tatweel goes; hamzas, harakat, ى, ة and the ﻻ presentation form stay.
        #expect(result == Self.example.replacingOccurrences(of: "\u{0640}", with: ""))
        #expect(try normalizer.normalizedString("\u{200F}مرحبا\u{200E} \u{2067}عالم\u{2069}") == "مرحبا عالم")
        #expect(try normalizer.normalizedString("١٢٣ ﻣﻴﺮﺍ ی ک") == "١٢٣ ﻣﻴﺮﺍ ی ک")
    }

    @Test func presetsListTheirSteps() {
        #expect(Normalizer.Preset.search.steps.contains(.nfkc))
        #expect(!Normalizer.Preset.search.steps.contains(.nfc))
        #expect(Normalizer.Preset.display.steps == [.nfc, .removeTatweel, .removeBidiControls, .removeZeroWidth])
    }

    // MARK: each step on its own

    private func only(_ step: NormalizationStep, _ input: String) throws -> String {
        try Normalizer(steps: [step]).normalizedString(input)
    }

    @Test func nfcComposesAndOrdersMarks() throws {
        #expect(try only(.nfc, "\u{0627}\u{0654}") == "\u{0623}")
        #expect(try only(.nfc, "\u{0648}\u{0654}") == "\u{0624}")
        // shadda (class 33) before fatha (class 30) is put in canonical order
        #expect(try only(.nfc, "ب\u{0651}\u{064E}") == "ب\u{064E}\u{0651}")
        #expect(try only(.nfc, "ﻻ ﻣﻴﺮﺍ") == "ﻻ ﻣﻴﺮﺍ")
    }

    @Test func nfkcReplacesPresentationForms() throws {
        #expect(try only(.nfkc, "ﻣﻴﺮﺍ") == "ميرا")
        #expect(try only(.nfkc, "ﻻ") == "لا")
        #expect(try only(.nfkc, "ﷲ") == "الله")
        #expect(try only(.nfkc, "ﬁ Ａ") == "fi A")
    }

    @Test func removeDiacritics() throws {
        #expect(try only(.removeDiacritics, "أَحْمَدُ مُحَمَّدٌ هٰذا") == "أحمد محمد هذا")
        #expect(try only(.removeDiacritics, "العـــربية") == "العـــربية")
    }

    @Test func removeQuranicMarks() throws {
        #expect(try only(.removeQuranicMarks, "ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَۛ فِيهِۛ") == "ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ فِيهِ")
        #expect(try only(.removeQuranicMarks, "محمد\u{0610}") == "محمد")
    }

    @Test func removeTatweel() throws {
        #expect(try only(.removeTatweel, "العـــربية") == "العربية")
    }

    @Test func removeBidiControls() throws {
        #expect(try only(.removeBidiControls, "\u{200F}أ\u{200E}b\u{202B}c\u{202C}\u{2066}d\u{2069}\u{061C}") == "أbcd")
        #expect(try only(.removeBidiControls, "a\u{200B}b") == "a\u{200B}b")
    }

    @Test func removeZeroWidthKeepsEmojiJoiners() throws {
        #expect(try only(.removeZeroWidth, "a\u{200B}b\u{200C}c\u{200D}d\u{FEFF}e\u{00AD}f\u{2060}") == "abcdef")
        #expect(try only(.removeZeroWidth, "می\u{200C}خواهم") == "میخواهم")
        let family = "👩\u{200D}💻 ❤\u{FE0F}\u{200D}🔥"
        #expect(try only(.removeZeroWidth, family) == family)
        #expect(try Normalizer(preset: .search).normalizedString(family) == family)
        #expect(try only(.removeZeroWidth, "👩\u{200D}") == "👩")
        #expect(try only(.removeZeroWidth, "ب\u{200D}ب") == "بب")
    }

    @Test func foldAlef() throws {
        #expect(try only(.foldAlef, "أحمد إبراهيم آمال ٱلكتاب") == "احمد ابراهيم امال الكتاب")
        #expect(try only(.foldAlef, "ى ة ؤ") == "ى ة ؤ")
    }

    @Test func foldAlefMaqsura() throws {
        #expect(try only(.foldAlefMaqsura, "إلى مستشفى") == "إلي مستشفي")
    }

    @Test func foldTaaMarbuta() throws {
        #expect(try only(.foldTaaMarbuta, "مدرسة جميلة") == "مدرسه جميله")
    }

    @Test func foldHamzaSeats() throws {
        #expect(try only(.foldHamzaSeats, "مسؤول رئيس") == "مسوول رييس")
        #expect(try only(.foldHamzaSeats, "أ ء") == "أ ء")
    }

    @Test func foldPersianLetters() throws {
        #expect(try only(.foldPersianLetters, "کتاب یک گل پدر چای ژاله ڤيديو") == "كتاب يك كل بدر جاي زاله فيديو")
        // ۃ becomes ة here; taa marbuta folding is a separate step
        #expect(try only(.foldPersianLetters, "ۃ") == "ة")
        #expect(try Normalizer(steps: [.foldPersianLetters, .foldTaaMarbuta]).normalizedString("ۃ") == "ه")
    }

    @Test func asciiDigits() throws {
        #expect(try only(.asciiDigits, "١٢٣٫٥ ۱۲۳ ٪٥٠ ١٬٠٠٠") == "123.5 123 %50 1,000")
        #expect(try only(.asciiDigits, "3.5") == "3.5")
    }

    @Test func everyTableRowDoesWhatItSays() throws {
        let map = try CharacterMap.shared()
        for (step, rows) in map.replacements {
            let normalizer = try Normalizer(steps: [step])
            for (source, target) in rows {
                guard let scalar = Unicode.Scalar(source) else { continue }
                // between letters, so a joiner has no emoji neighbours
                let input = "ب" + String(scalar) + "ب"
                let expected = "ب" + (target.flatMap(Unicode.Scalar.init).map { String($0) } ?? "") + "ب"
                #expect(try normalizer.normalizedString(input) == expected, "step \(step) on U+\(String(source, radix: 16))")
            }
        }
    }

    @Test func noStepsIsTheIdentity() throws {
        var generator = SplitMix64(seed: 7)
        let normalizer = try Normalizer(steps: [])
        for _ in 0..<50 {
            let text = randomNormalizerInput(&generator, length: 40)
            #expect(try normalizer.normalizedString(text) == text)
        }
    }

    @Test func conflictingFormsAreAnError() {
        #expect(throws: NormalizerError.conflictingForms) { try Normalizer(steps: [.nfc, .nfkc]) }
    }

    @Test func stepOrderDoesNotMatter() throws {
        let a = try Normalizer(steps: [.foldTaaMarbuta, .foldPersianLetters, .nfkc])
        let b = try Normalizer(steps: [.nfkc, .foldPersianLetters, .foldTaaMarbuta])
        #expect(a.steps == b.steps)
        #expect(try a.normalizedString("ۃ ﺓ") == "ه ه")
    }

    @Test func emptyAndSubstringInput() throws {
        let normalizer = try Normalizer(preset: .search)
        #expect(try normalizer.normalizedString("") == "")
        #expect(try normalizer.normalize("").text == "")
        let text = "قال أحمد"
        #expect(try normalizer.normalizedString(text.split(separator: " ")[1]) == "احمد")
    }

    @Test func normalizedTokensOfADocument() throws {
        let document = try Document("أعلنت الشركة، إلى ٣ مديرين")
        let normalized = try Normalizer(preset: .search).normalizedTokens(of: document)
        #expect(normalized.count == document.tokens.count)
        #expect(normalized.contains("الشركه") && normalized.contains("الي") && normalized.contains("3"))
    }

    @Test func outputLongerThanInputGrowsTheBuffer() throws {
        // ﷺ (3 bytes) expands to 18 letters and spaces under NFKC.
        let text = String(repeating: "ﷺ", count: 500)
        let normalizer = try Normalizer(steps: [.nfkc])
        let result = try normalizer.normalizedString(text)
        #expect(result == String(repeating: "صلى الله عليه وسلم", count: 500))
        #expect(try normalizer.normalize(text).text == result)
    }

    // MARK: the fast loop against the whole-text ICU reference

    @Test(arguments: [Normalizer.Preset.search, .display])
    func loopAgreesWithReferenceOnRandomText(preset: Normalizer.Preset) throws {
        let normalizer = try Normalizer(preset: preset)
        var generator = SplitMix64(seed: 42)
        for round in 0..<400 {
            let text = randomNormalizerInput(&generator, length: Int.random(in: 0...60, using: &generator))
            let fast = try normalizer.normalizedString(text)
            let reference = try normalizer.referenceNormalizedString(text)
            #expect(fast == reference, "round \(round): \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(try normalizer.normalize(text).text == fast)
            #expect(try normalizer.normalizedUTF8(text) == Array(fast.utf8))
        }
    }

    @Test func bufferReuseGivesTheSameBytes() throws {
        let normalizer = try Normalizer(preset: .search)
        var generator = SplitMix64(seed: 11)
        var buffer: [UInt8] = []
        for _ in 0..<100 {
            let text = randomNormalizerInput(&generator, length: Int.random(in: 0...200, using: &generator))
            try normalizer.normalizeUTF8(text, into: &buffer)
            #expect(buffer == Array(try normalizer.normalizedString(text).utf8))
        }
    }

    @Test func loopAgreesWithReferenceForSingleSteps() throws {
        var generator = SplitMix64(seed: 99)
        let texts = (0..<60).map { _ in randomNormalizerInput(&generator, length: 30) }
        for step in NormalizationStep.allCases {
            for form in [nil, NormalizationStep.nfc, .nfkc] where form != step {
                let steps = [step] + (form.map { [$0] } ?? [])
                guard !(steps.contains(.nfc) && steps.contains(.nfkc)) else { continue }
                let normalizer = try Normalizer(steps: steps)
                for text in texts {
                    #expect(try normalizer.normalizedString(text) == normalizer.referenceNormalizedString(text), "\(steps)")
                }
            }
        }
    }

    @Test func loopAgreesWithReferenceForRandomStepSets() throws {
        var generator = SplitMix64(seed: 314)
        let characterSteps = NormalizationStep.allCases.filter { !$0.isUnicodeForm }
        for _ in 0..<12 {
            var steps = characterSteps.filter { _ in Bool.random(using: &generator) }
            let form = [nil, NormalizationStep.nfc, .nfkc][Int.random(in: 0..<3, using: &generator)]
            if let form { steps.append(form) }
            let normalizer = try Normalizer(steps: steps)
            for _ in 0..<40 {
                let text = randomNormalizerInput(&generator, length: Int.random(in: 0...120, using: &generator))
                let expected = try normalizer.referenceNormalizedString(text)
                #expect(try normalizer.normalizedString(text) == expected, "\(steps)")
                #expect(try normalizer.normalize(text).text == expected, "\(steps)")
            }
        }
    }

    // MARK: alignment

    /// Checks the alignment of one text: spans are inside the original and in order, and
    /// the original span of any run of normalized characters normalizes to text that
    /// contains the run.
    private func checkAlignment(_ text: String, _ normalizer: Normalizer, generator: inout SplitMix64, probes: Int) throws {
        let result = try normalizer.normalize(text)
        let normalized = Array(result.text.utf8)
        let originalCount = text.utf8.count
        var starts: [Int] = []
        var offset = 0
        for scalar in result.text.unicodeScalars {
            starts.append(offset)
            offset += String(scalar).utf8.count
        }
        #expect(starts.count == result.scalarCount)
        var previous = 0
        for index in 0..<result.scalarCount {
            let span = result.originalRange(ofScalar: index)
            #expect(span.lowerBound >= previous && span.upperBound <= originalCount && !span.isEmpty)
            previous = span.lowerBound
        }
        guard !starts.isEmpty else { return }
        for _ in 0..<probes {
            let first = Int.random(in: 0..<starts.count, using: &generator)
            let last = Int.random(in: first..<min(starts.count, first + 12), using: &generator)
            let lower = starts[first]
            let upper = last + 1 < starts.count ? starts[last + 1] : normalized.count
            let piece = String(decoding: normalized[lower..<upper], as: UTF8.self)
            let source = result.originalText(ofNormalizedBytes: lower..<upper)
            let again = try normalizer.normalizedString(source)
            #expect(containsBytes(again, piece), "\(piece) not in normalization of \(source)")
        }
    }

    @Test func alignmentOnTheExample() throws {
        let normalizer = try Normalizer(preset: .search)
        let result = try normalizer.normalize(Self.example)
        func original(of word: String) -> Substring? {
            guard let range = result.text.range(of: word, options: .backwards) else { return nil }
            let utf8 = result.text.utf8
            let lower = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
            let upper = utf8.distance(from: utf8.startIndex, to: range.upperBound)
            return result.originalText(ofNormalizedBytes: lower..<upper)
        }
        #expect(original(of: "احمد") == "أَحْمَدُ")  // the final damma stays with its letter
        #expect(original(of: "الي") == "إلى")
        #expect(original(of: "مدرسه") == "مدرسةٍ")
        #expect(original(of: "العربيه") == "العـــربية")
        #expect(original(of: "لا") == "ﻻ")
        #expect(original(of: "ل") == "ﻻ")  // the last ل: a piece of an expansion maps to its one source
        let end = result.text.utf8.count
        #expect(result.originalRange(ofNormalizedBytes: end..<end) == Self.example.utf8.count..<Self.example.utf8.count)
        #expect(result.originalRange(ofNormalizedBytes: -5..<1000) == 0..<Self.example.utf8.count)
    }

    @Test func alignmentOnRandomText() throws {
        var generator = SplitMix64(seed: 2024)
        for preset in Normalizer.Preset.allCases {
            let normalizer = try Normalizer(preset: preset)
            for _ in 0..<200 {
                let text = randomNormalizerInput(&generator, length: Int.random(in: 1...50, using: &generator))
                try checkAlignment(text, normalizer, generator: &generator, probes: 5)
            }
        }
    }

    @Test(.enabled(if: sharedAvailable, "../shared not found: \(articleURL.path)"))
    func alignmentOnTheSharedArticle() throws {
        let text = try String(contentsOf: articleURL, encoding: .utf8)
        var generator = SplitMix64(seed: 5)
        for preset in Normalizer.Preset.allCases {
            let normalizer = try Normalizer(preset: preset)
            #expect(try normalizer.normalizedString(text) == normalizer.referenceNormalizedString(text))
            try checkAlignment(text, normalizer, generator: &generator, probes: 300)
        }
        // Every normalized word maps back to an original word that normalizes to it.
        let normalizer = try Normalizer(preset: .search)
        let result = try normalizer.normalize(text)
        var offset = 0
        for word in result.text.split(separator: " ", omittingEmptySubsequences: false) {
            let length = word.utf8.count
            if length > 0 {
                let source = result.originalText(ofNormalizedBytes: offset..<offset + length)
                #expect(try normalizer.normalizedString(source) == String(word))
            }
            offset += length + 1
        }
    }

    // MARK: the character table

    @Test func malformedTablesAreClearErrors() {
        func rows(_ lines: [String]) -> [[Substring]] { lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false) } }
        let valid = NormalizationStep.allCases.compactMap(\.tableName).map { "\($0)\tU+0640\t\tX" }
        #expect(throws: LexiconError.self) { try CharacterMap.load(rows: rows(valid + ["nonsense\tU+0640\t\tX"])) }
        #expect(throws: LexiconError.self) { try CharacterMap.load(rows: rows(valid + ["alef\t0640\t\tX"])) }
        #expect(throws: LexiconError.self) { try CharacterMap.load(rows: rows(valid + ["alef\tU+0622\tU+D800\tX"])) }
        #expect(throws: LexiconError.self) { try CharacterMap.load(rows: rows(valid + ["alef\tU+1F600\t\tX"])) }
        #expect(throws: LexiconError.self) { try CharacterMap.load(rows: rows(valid + ["tatweel\tU+0640\t\tagain"])) }
        #expect(throws: LexiconError.self) { try CharacterMap.load(rows: rows(Array(valid.dropLast()))) }
        #expect(throws: Never.self) { try CharacterMap.load(rows: rows(valid)) }
    }

    @Test func theShippedTableIsFound() throws {
        let url = try LexiconStore.url(for: CharacterMap.path)
        let header = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").prefix { $0.hasPrefix("#") }
        #expect(header.contains { $0.contains("Source") })
        #expect(header.contains { $0.contains("Licence") })
        #expect(header.contains { $0.contains("make_normalization_charmap.py") })
    }
}
