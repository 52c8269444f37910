import Foundation
import Testing

@testable import QalamText

/// The package root (the folder holding Package.swift), found from this file's path.
private let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" {
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        url.deleteLastPathComponent()
    }
    return url
}()

/// The shared data folder, ../shared from the package root.
private let sharedFolder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
private let sharedAvailable = FileManager.default.fileExists(atPath: sharedFolder.path)

/// Every regular file under ../shared/{data,corpus,eval}, sorted.
private func sharedCorpusFiles() -> [URL] {
    var files: [URL] = []
    for folder in ["data", "corpus", "eval"] {
        let root = sharedFolder.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            files.append(url)
        }
    }
    return files.sorted { $0.path < $1.path }
}

/// The first token where two token lists differ, described for a failure message.
private func firstDifference(_ fast: [Token], _ icu: [Token], in bytes: [UInt8]) -> String? {
    for index in 0..<max(fast.count, icu.count) {
        let a = index < fast.count ? fast[index] : nil
        let b = index < icu.count ? icu[index] : nil
        if a != b {
            let anchor = min(a?.start ?? Int.max, b?.start ?? Int.max)
            let lower = max(0, anchor - 40), upper = min(bytes.count, anchor + 40)
            let context = String(decoding: bytes[lower..<upper], as: UTF8.self)
            return "token \(index): fast \(String(describing: a)) icu \(String(describing: b)) near «\(context)» \(Array(context.unicodeScalars.map { String($0.value, radix: 16) }))"
        }
    }
    return nil
}

private func tokens(_ bytes: [UInt8], _ engine: Tokenizer.Engine) throws -> [Token] {
    var result: [Token] = []
    try bytes.withUnsafeBufferPointer { buffer in
        try Tokenizer(engine: engine).forEachToken(in: buffer) { result.append($0) }
    }
    return result
}

/// The first token whose kind differs from the reference classification of its scalars
/// (``TokenKind/classify(_:)`` over Unicode properties, with blank segments excluded).
private func kindMismatch(_ tokens: [Token], in bytes: [UInt8]) -> String? {
    bytes.withUnsafeBufferPointer { buffer in
        for token in tokens {
            let reference = ICUTokenizerEngine.kindOfSegmentByScalars(buffer, token.start, token.end)
            if reference != token.kind {
                return "\(token): reference \(String(describing: reference)) for «\(String(decoding: buffer[token.range], as: UTF8.self))»"
            }
        }
        return nil
    }
}

/// Whether both engines give the same tokens for `bytes`, with the fast engine's kinds
/// matching the scalar-property reference; records a failure naming `label` otherwise.
private func enginesAgree(_ bytes: [UInt8], _ label: String) throws -> Bool {
    let fast = try tokens(bytes, .fast), icu = try tokens(bytes, .icu)
    #expect(fast == icu, "\(label): \(firstDifference(fast, icu, in: bytes) ?? "")")
    let wrongKind = kindMismatch(fast, in: bytes)
    #expect(wrongKind == nil, "\(label): \(wrongKind ?? "")")
    return fast == icu && wrongKind == nil
}

/// Pieces the adversarial generator strings together: the common, the rare and the nasty.
private let adversarialPieces: [String] = [
    // Arabic letters, words, marks, tatweel, digits, punctuation.
    "ب", "ت", "كتب", "الكتاب", "بِسْمِ", "ـ", "ـــ", "\u{064E}", "\u{0651}", "\u{0670}", "\u{06D6}",
    "١٢٣", "٫", "٬", "٪", "۱۲", "،", "؛", "؟", "۔", "\u{0600}", "\u{06DD}", "\u{0890}", "\u{08E2}",
    "ﻻ", "ﷲ", "ﺏ", "\u{FDFD}", "ٱ", "ڤ", "ۀ",
    // Latin, digits, Latin-1, combining marks.
    "a", "Z", "OpenAI", "U.S.", "e", "é", "ß", "\u{0301}", "\u{0300}", "3", "42", "3.5", "1,000",
    // ASCII and general punctuation.
    ".", ",", ":", ";", "'", "\"", "_", "-", "--", "(", ")", "!", "?", "/", "@", "#", "%", "&", "*",
    "\u{2019}", "\u{2018}", "\u{201C}", "\u{2024}", "\u{2026}", "\u{2014}", "\u{FE52}", "\u{FF0E}", "\u{FE55}",
    "\u{00B7}", "\u{0387}", "\u{00A9}", "\u{00AE}", "\u{203C}", "\u{2049}", "$", "€", "+", "=",
    // Spaces and line breaks.
    " ", " ", "  ", "\t", "\u{00A0}", "\u{202F}", "\u{2003}", "\u{3000}", "\u{1680}", "\r", "\n", "\r\n",
    "\u{000B}", "\u{000C}", "\u{0085}", "\u{2028}", "\u{2029}",
    // Invisible format characters.
    "\u{200E}", "\u{200F}", "\u{061C}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{2066}", "\u{2069}",
    "\u{200B}", "\u{200C}", "\u{200D}", "\u{00AD}", "\u{FEFF}", "\u{2060}", "\u{FE0F}", "\u{034F}",
    // Other scripts and emoji.
    "שלום", "\u{05B0}", "\"", "ภาษาไทย", "ລາວ", "ខ្មែរ", "中文字", "カタカナ", "ひらがな", "한국어", "Русский",
    "Ελληνικά", "हिन्दी", "😀", "👍🏽", "🇸🇦", "🇸🇦🇪🇬", "❤️", "👨‍👩‍👧", "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}",
    "𝐀", "\u{FFFD}", "\u{1EE00}", "\u{10EC2}", "\u{E000}",
]

@Suite("Fast path equals the ICU path")
struct FastPathDifferentialTests {
    @Test("The table models the common code points and verifies against ICU")
    func tableCoverage() {
        let table = FastCharacterTable.shared
        // ASCII, Latin-1 and the Arabic block must be modeled for the fast path to pay.
        #expect(table.modeledCount > 1500)
        var accumulated: UInt16 = 0
        let sample = Array("كتب".utf8)
        let end = sample.withUnsafeBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return -1 }
            return table.scanner.nextSegment(base, buffer.count, 0, &accumulated)
        }
        #expect(FastCharacterTable.shared.kinds[FastWordScanner.scalarClasses(accumulated)] == .arabicWord)
        #expect(end == sample.count)
    }

    @Test("Hard cases named in the issue")
    func hardCases() throws {
        let cases = [
            "3.5", "١٢٣٫٥", "U.S.", "لـOpenAI", "بـ150", "don't", "a’b", "a:b", "ـــ", " \u{200F}x",
            "x \u{200F} y", "a\u{200C}b", "a،b", "٣،٥", "١٢٣abc", "a\u{202F}b", "\u{200F}\u{200F}a", "\r\n\u{200F}",
            "\u{064E}\u{064E}a", "a\u{064E}.b", "a.\u{064E}b", "1\u{200F}.2", "a1.2", "1.a.b", "...", "؟؟",
            "قال: \"نعم\"، ثم ذهب.", "في 2023م أعلنت OpenAI عن GPT-4", "x\u{200D}😀 y", "🇸🇦🇸🇦 ok", "I.@Ot", "a.@b", "x @y", "user@example.com", "a:@b", "1,@",
            // Found by the block loop's tests: a wide space before U+0020 joins it (WB3d), and a
            // format character after them attaches to both.
            "\u{2024}\u{2003} \u{06DD}", "كلمة\u{3000} \u{064E}", "كلمة\u{2003}  \u{200F}كلمة", "\u{1680} \u{0651}",
        ]
        // Each case alone (the code-point loop) and inside plain words (the block loop).
        let padding = String(repeating: "كلمات ", count: 12)
        for text in cases.flatMap({ [$0, padding + $0 + " " + padding, padding + $0] }) {
            let bytes = Array(text.utf8)
            let fast = try tokens(bytes, .fast), icu = try tokens(bytes, .icu)
            #expect(fast == icu, "\(firstDifference(fast, icu, in: bytes) ?? "")")
            #expect(kindMismatch(fast, in: bytes) == nil, "\(kindMismatch(fast, in: bytes) ?? "")")
        }
    }

    @Test("Seeded adversarial strings: fast == ICU token for token")
    func adversarialStrings() throws {
        var generator = SplitMix64(seed: 0x51A1_A3)
        for round in 0..<10000 {
            let pieceCount = Int.random(in: 0...40, using: &generator)
            var text = ""
            for _ in 0..<pieceCount {
                text += adversarialPieces[Int.random(in: 0..<adversarialPieces.count, using: &generator)]
            }
            if try !enginesAgree(Array(text.utf8), "round \(round)") { return }
        }
    }

    @Test("Random bytes (invalid UTF-8 included) through the buffer API: fast == ICU")
    func randomBytes() throws {
        var generator = SplitMix64(seed: 0xB17E5)
        let alphabet: [UInt8] = [0x20, 0x0A, 0x0D, 0x2E, 0x27, 0x31, 0x61, 0xD8, 0xD9, 0xA7, 0x84, 0xE2, 0x80, 0x8F,
                                 0xC0, 0xC1, 0xF0, 0x9F, 0xBF, 0xFF, 0xED, 0xA0, 0xEF, 0xBB]
        for round in 0..<5000 {
            let count = Int.random(in: 0...48, using: &generator)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &generator) ? alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
                    : UInt8.random(in: 1...255, using: &generator)
            }
            let fast = try tokens(bytes, .fast), icu = try tokens(bytes, .icu)
            #expect(fast == icu, "round \(round): \(bytes)")
            if fast != icu { return }
        }
    }

    @Test("The block loop is on: ICU agrees with its plain-Arabic and digit assumptions")
    func blockLoopEnabled() {
        #expect(FastCharacterTable.shared.blockLoopEnabled)
    }

    @Test("News-like text of every length and alignment through the block loop: fast == ICU")
    func newsLikeBlocks() throws {
        // Mostly plain Arabic words between spaces (what the block loop takes itself), mixed
        // with what it must hand on: punctuation before and after words, digits, marks after
        // a space or a punctuation mark, runs of spaces, line feeds, NBSP, tatweel, Latin,
        // three-byte punctuation, Persian letters and Arabic-Indic digits.
        let words = ["في", "الحكومة", "وقال", "بِسْمِ", "جداً", "مُدير", "ـ", "لـ", "ال", "كتب", "ة", "ءا", "OpenAI", "O", "B-PERS", "x"]
        let attached = [
            "،", ".", "\"", "«", "»", "(", ")", ":", "؟", "!", "؛", "-", "/", "%", "…", "“", "”", "'", "_", ",",
            "\u{064E}", "\u{0651}", "\u{0670}", "١٢", "٫", "پ", "ک", "a", "OK", "\u{200F}", "\u{00A0}", "😀", "ـ",
        ]
        let separators = [" ", " ", " ", " ", " ", "  ", "   ", "\n", " \n", "\t", "\t\t", " \t", "\t ", "\u{00A0}", "\r\n", " \u{064E}", "\t\u{064E}", "\n\u{0651}"]
        var generator = SplitMix64(seed: 0xB10C_5)
        for round in 0..<3000 {
            let target = Int.random(in: 60...900, using: &generator)
            var text = Bool.random(using: &generator) ? " " : ""
            while text.utf8.count < target {
                let roll = Int.random(in: 0..<100, using: &generator)
                var word = words[Int.random(in: 0..<words.count, using: &generator)]
                if roll < 12 { word = attached[Int.random(in: 0..<attached.count, using: &generator)] + word }
                if roll >= 8 && roll < 30 { word += attached[Int.random(in: 0..<attached.count, using: &generator)] }
                if roll >= 30 && roll < 36 { word = String(Int.random(in: 0...99999, using: &generator)) }
                if roll >= 36 && roll < 39 { word = String(Int.random(in: 0...999, using: &generator)) + attached[Int.random(in: 0..<attached.count, using: &generator)] }
                if roll == 39 { word = word + word + word + word + word + word + word + word + word + word }
                text += word
                text += roll < 85 ? " " : separators[Int.random(in: 0..<separators.count, using: &generator)]
            }
            if try !enginesAgree(Array(text.utf8), "round \(round)") { return }
        }
    }

    @Test("Long random byte strings (invalid UTF-8 included) through the block loop: fast == ICU")
    func longRandomBytes() throws {
        var generator = SplitMix64(seed: 0xB10C_B)
        // Heavy on the bytes the block loop classifies: spaces, D8/D9 leads and their trails.
        let alphabet: [UInt8] = [0x20, 0x20, 0x20, 0xD8, 0xD9, 0xD8, 0xD9, 0xA7, 0x84, 0x8B, 0x8C, 0x9F, 0xA0, 0xBF,
                                 0x80, 0x0A, 0x2E, 0x31, 0x61, 0xC2, 0xAB, 0xE2, 0xDA, 0xDB, 0xFF, 0xC0]
        for round in 0..<2000 {
            let count = Int.random(in: 65...400, using: &generator)
            let bytes = (0..<count).map { _ in
                Int.random(in: 0..<8, using: &generator) > 0 ? alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
                    : UInt8.random(in: 1...255, using: &generator)
            }
            let fast = try tokens(bytes, .fast), icu = try tokens(bytes, .icu)
            #expect(fast == icu, "round \(round): \(bytes)")
            if fast != icu { return }
        }
    }

    @Test("Every corpus in ../shared: fast == ICU (news sample: first 4 MB in debug builds)",
          .enabled(if: sharedAvailable, "../shared not found: \(sharedFolder.path)"))
    func sharedCorpora() throws {
        let files = sharedCorpusFiles()
        #expect(!files.isEmpty)
        for file in files {
            var bytes = try [UInt8](Data(contentsOf: file))
            if bytes.count > 4 << 20 {
                // Cut at a line end; the whole file is checked by `qalam tokenize --verify-engines`.
                var cut = 4 << 20
                while cut < bytes.count && bytes[cut - 1] != 0x0A { cut += 1 }
                bytes = Array(bytes[..<cut])
            }
            let fast = try tokens(bytes, .fast), icu = try tokens(bytes, .icu)
            #expect(fast.count == icu.count, "\(file.lastPathComponent)")
            #expect(fast == icu, "\(file.lastPathComponent): \(firstDifference(fast, icu, in: bytes) ?? "")")
            #expect(kindMismatch(fast, in: bytes) == nil, "\(file.lastPathComponent): \(kindMismatch(fast, in: bytes) ?? "")")
        }
    }
}
