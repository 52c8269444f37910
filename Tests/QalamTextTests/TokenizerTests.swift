import Foundation
import Testing
@testable import QalamText

/// The tokens a tokenizer yields for `text`, as strings.
private func words(_ text: String, engine: Tokenizer.Engine = .icu) throws -> [String] {
    let document = try Document(text, tokenizer: Tokenizer(engine: engine))
    return document.tokens.map { String(document.text(of: $0)) }
}

/// The tokens ICU's word break iterator defines for `text`, derived independently of the
/// tokenizer: every segment between two boundaries that has a non-blank scalar.
private func icuReference(_ text: String) throws -> [Token] {
    let iterator = try BreakIterator(kind: .word, locale: "ar")
    let boundaries = try iterator.boundaries(of: text)
    let bytes = Array(text.utf8)
    var tokens: [Token] = []
    for (start, end) in zip(boundaries, boundaries.dropFirst()) {
        let segment = String(decoding: bytes[start..<end], as: UTF8.self)
        if segment.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0.properties.isDefaultIgnorableCodePoint }) {
            continue
        }
        tokens.append(Token(start: start, end: end, kind: TokenKind.classify(segment.unicodeScalars)))
    }
    return tokens
}

/// Checks that tokens and the gaps between them give back `text` byte for byte, and
/// that no gap holds anything but blank scalars.
private func expectRoundTrip(_ text: String, _ tokens: [Token], sourceLocation: SourceLocation = #_sourceLocation) {
    let bytes = Array(text.utf8)
    var rebuilt: [UInt8] = []
    rebuilt.reserveCapacity(bytes.count)
    var previous = 0
    var gapsBlank = true
    for token in tokens {
        guard token.start >= previous, token.end <= bytes.count, token.start < token.end else {
            Issue.record("token \(token) out of order or out of range", sourceLocation: sourceLocation)
            return
        }
        let gap = bytes[previous..<token.start]
        if !String(decoding: gap, as: UTF8.self).unicodeScalars.allSatisfy(Tokenizer.isBlank) { gapsBlank = false }
        rebuilt.append(contentsOf: gap)
        rebuilt.append(contentsOf: bytes[token.start..<token.end])
        previous = token.end
    }
    rebuilt.append(contentsOf: bytes[previous...])
    #expect(rebuilt == bytes, "tokens + gaps do not rebuild the input", sourceLocation: sourceLocation)
    #expect(gapsBlank, "a gap between tokens holds a visible character", sourceLocation: sourceLocation)
}

@Suite("Tokenizer: hard cases")
struct TokenizerHardCaseTests {
    @Test func arabicSentenceWithPunctuation() throws {
        #expect(try words("قال الرئيس، إن 3.5 مليون.") == ["قال", "الرئيس", "،", "إن", "3.5", "مليون", "."])
    }

    @Test("Clitics stay attached, as ICU keeps them", arguments: [
        ("لـOpenAI", ["لـOpenAI"]),
        ("بـ150 دولارا", ["بـ150", "دولارا"]),
        ("وبالمدرسة", ["وبالمدرسة"]),
        ("لموراتي", ["لموراتي"]),
    ])
    func clitics(text: String, expected: [String]) throws {
        #expect(try words(text) == expected)
    }

    @Test func tatweelInsideWords() throws {
        #expect(try words("العـــربية جميـلة") == ["العـــربية", "جميـلة"])
    }

    @Test func latinInsideArabic() throws {
        let text = "أعلنت شركة OpenAI عن GPT-4o اليوم"
        let document = try Document(text)
        let kinds = Dictionary(uniqueKeysWithValues: document.tokens.map { (String(document.text(of: $0)), $0.kind) })
        #expect(kinds["OpenAI"] == .latinWord)
        #expect(kinds["شركة"] == .arabicWord)
        #expect(document.tokens.map { String(document.text(of: $0)) }.contains("-"))
    }

    @Test func arabicIndicDigitsAndDecimalSeparators() throws {
        #expect(try words("بلغ ١٢٣٫٥ مليون و٣٬٠٠٠ و۱۲۳ و3,500.75") == ["بلغ", "١٢٣٫٥", "مليون", "و٣٬٠٠٠", "و۱۲۳", "و3,500.75"])
        let document = try Document("١٢٣٫٥ 3.5")
        #expect(document.tokens.map(\.kind) == [.number, .number])
    }

    @Test func emojiAndZWJSequences() throws {
        let tokens = try words("مرحبا 👨‍👩‍👧 🇸🇦 👍🏽!")
        #expect(tokens == ["مرحبا", "👨‍👩‍👧", "🇸🇦", "👍🏽", "!"])
        let document = try Document("👨‍👩‍👧")
        #expect(document.tokens.map(\.kind) == [.symbol])
    }

    @Test func bidiMarksAreNotTokens() throws {
        // ANERcorp-style text: RLM/LRM around words and alone between spaces.
        let text = "\u{200F}قال \u{200E} Sam \u{200F}Altman\u{200F} ."
        let tokens = try words(text)
        #expect(tokens.allSatisfy { !$0.unicodeScalars.allSatisfy(Tokenizer.isBlank) })
        #expect(tokens.contains { $0.contains("قال") })
        #expect(tokens.contains { $0.contains("Altman") })
        #expect(try Document(text).tokens.count == 4)
    }

    @Test func kindsOfMixedAndOtherScripts() throws {
        let document = try Document("GPT4 Москва 東京 € ABCأبت")
        #expect(document.tokens.map(\.kind).first == .mixedWord)
        #expect(document.tokens.contains { $0.kind == .otherWord })
        #expect(document.tokens.contains { $0.kind == .symbol })
    }

    @Test func emptyAndBlankText() throws {
        #expect(try Document("").tokens.isEmpty)
        #expect(try Document(" \n\t\u{200F} ").tokens.isEmpty)
    }

    @Test func offsetsAreUTF8AndScalarOffsetsConvert() throws {
        let text = "أهلا بك في Qalam 😀 نعم"
        let document = try Document(text)
        let scalars = Array(text.unicodeScalars)
        for token in document.tokens {
            let range = document.scalarRange(of: token.range)
            var sliced = String.UnicodeScalarView()
            sliced.append(contentsOf: scalars[range])
            #expect(String(sliced) == String(document.text(of: token)))
        }
    }

    @Test("Hard cases agree with ICU's boundaries", arguments: [
        "لـOpenAI بـ150 العـــربية ١٢٣٫٥ 3.5 U.S. don't e-mail",
        "\u{200F}(أ) «قال» - [١] ... !؟ ؛ ، ٪ ﷼ 50% $3",
        "👨‍👩‍👧‍👦👍🏽🇸🇦 a\u{0301}b \u{0651}ـ ٱللَّهِ ﻻ ﷺ",
        "مرحبا\r\nبك\n\n\u{2028}x\u{0085}y",
    ])
    func agreesWithICU(text: String) throws {
        let tokens = try Document(text).tokens
        #expect(tokens == (try icuReference(text)))
        expectRoundTrip(text, tokens)
    }
}

@Suite("Tokenizer: shared corpora", .enabled(if: SharedData.available, SharedData.skipReason))
struct TokenizerCorpusTests {
    @Test func newsSampleAgreesWithICUAndRoundTrips() throws {
        let text = try SharedData.text("data/news/saudinewsnet-sample.txt")
        let tokens = try Tokenizer().tokenize(text)
        #expect(tokens.count > 1_000_000)
        #expect(tokens == (try icuReference(text)))
        expectRoundTrip(text, tokens)
    }

    @Test func everySharedCorpusRoundTrips() throws {
        let corpora = SharedData.corpora()
        #expect(corpora.count >= 5)
        for url in corpora {
            let text = try String(contentsOf: url, encoding: .utf8)
            let tokens = try Tokenizer().tokenize(text)
            expectRoundTrip(text, tokens)
            #expect(!tokens.isEmpty, "no tokens in \(url.lastPathComponent)")
        }
    }
}
