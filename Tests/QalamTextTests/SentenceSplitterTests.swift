import Foundation
import Testing
@testable import QalamText

private let sharedArticle: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        url = url.deletingLastPathComponent()
    }
    return url.deletingLastPathComponent().appendingPathComponent("shared/corpus/openai-departures.ar.txt")
}()
private let articleAvailable = FileManager.default.fileExists(atPath: sharedArticle.path)

@Suite("SentenceSplitter")
struct SentenceSplitterTests {
    let splitter: SentenceSplitter

    init() throws { splitter = try SentenceSplitter() }

    /// The sentences of `text` as strings.
    private func sentences(_ text: String) throws -> [String] {
        let bytes = Array(text.utf8)
        return try splitter.split(text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    // MARK: where sentences end

    @Test func terminatorsEndSentences() throws {
        #expect(try sentences("ذهب أحمد. عاد محمد؟ نعم! تم۔ انتهى") == ["ذهب أحمد.", "عاد محمد؟", "نعم!", "تم۔", "انتهى"])
        #expect(try sentences("He left. She stayed? Yes!") == ["He left.", "She stayed?", "Yes!"])
    }

    @Test func lineBreaksEndSentences() throws {
        #expect(try sentences("عنوان الخبر\nنص الخبر بلا نقطة\r\nسطر ثالث") == ["عنوان الخبر", "نص الخبر بلا نقطة", "سطر ثالث"])
        #expect(try sentences("قال «ذهبت\nثم عدت»") == ["قال «ذهبت", "ثم عدت»"])
    }

    @Test func dashAfterTerminatorStartsASentence() throws {
        #expect(try sentences("ما المخاطر؟ - الإرهاب ظاهرة عالمية. - نعم") == ["ما المخاطر؟", "- الإرهاب ظاهرة عالمية.", "- نعم"])
        #expect(try sentences("عام 2010-2015 كان صعبا") == ["عام 2010-2015 كان صعبا"])
    }

    @Test func arabicCommaAndSemicolonDoNotEndSentences() throws {
        let text = "استقال الرئيس التنفيذي، وعين مجلس الإدارة خلفا له؛ وهي خطوة متوقعة."
        #expect(try sentences(text) == [text])
    }

    @Test func numbersAreNotSplit() throws {
        #expect(try sentences("ارتفع المؤشر 3.5 في المئة. ثم انخفض.") == ["ارتفع المؤشر 3.5 في المئة.", "ثم انخفض."])
        #expect(try sentences("بلغ النمو ١٢٣٫٥ مليون. وهذا كثير.") == ["بلغ النمو ١٢٣٫٥ مليون.", "وهذا كثير."])
        #expect(try sentences("بلغ ١٢٣.٥ مليون") == ["بلغ ١٢٣.٥ مليون"])
        #expect(try sentences("The rate was 2.75 percent.") == ["The rate was 2.75 percent."])
    }

    @Test func abbreviationsDoNotEndSentences() throws {
        #expect(try sentences("قال د. أحمد إن المشروع انتهى. وأضاف م. خالد أنه راض.")
                == ["قال د. أحمد إن المشروع انتهى.", "وأضاف م. خالد أنه راض."])
        #expect(try sentences("توفي سنة 1250 هـ. في بغداد") == ["توفي سنة 1250 هـ. في بغداد"])
        #expect(try sentences("Dr. Smith met U.S. officials. They agreed.") == ["Dr. Smith met U.S. officials.", "They agreed."])
        #expect(try sentences("J. K. Rowling wrote it.") == ["J. K. Rowling wrote it."])
        #expect(try sentences("He said no. Then he left.") == ["He said no.", "Then he left."])
        #expect(try sentences("قال لقناة إن. بي. سي الأمريكية إنه سيعود.") == ["قال لقناة إن. بي. سي الأمريكية إنه سيعود."])
    }

    @Test func customAbbreviations() throws {
        let custom = SentenceSplitter(abbreviations: ["Fa"])
        let bytes = Array("Fa. Bar. Baz".utf8)
        let result = try custom.split("Fa. Bar. Baz").map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(result == ["Fa. Bar.", "Baz"])
    }

    @Test func listNumbersJoinTheirItem() throws {
        #expect(try sentences("1. افتتاح المؤتمر\n٢. كلمة الرئيس") == ["1. افتتاح المؤتمر", "٢. كلمة الرئيس"])
    }

    @Test func quotedSpeechStaysInItsSentence() throws {
        let text = "قال الوزير «لن نتراجع. سنمضي قدما» ثم غادر القاعة."
        #expect(try sentences(text) == [text])
        let english = "She said \"I am leaving. It is time\" and smiled. Then she left."
        #expect(try sentences(english) == ["She said \"I am leaving. It is time\" and smiled.", "Then she left."])
        // A quotation that closes with the sentence ends it.
        #expect(try sentences("قال «انتهى الأمر.» ثم صمت.") == ["قال «انتهى الأمر.»", "ثم صمت."])
        // An unclosed quotation does not hold sentences together.
        #expect(try sentences("قال «ذهبت. ثم عدت.") == ["قال «ذهبت.", "ثم عدت."])
        // A stray closing straight quote does not pair with a later opening one.
        #expect(try sentences("وأضاف المالية\" ثم غادر. وقال \"نعم. لا\" ثم سكت.")
                == ["وأضاف المالية\" ثم غادر.", "وقال \"نعم. لا\" ثم سكت."])
    }

    @Test func spaceAndInvisibleMarksAreTrimmed() throws {
        #expect(try sentences("  \u{200F}مرحبا.\u{200F}   عالم  \n\n ") == ["مرحبا.", "عالم"])
        #expect(try splitter.split("").isEmpty)
        #expect(try splitter.split(" \n\t \u{200E}\n").isEmpty)
    }

    @Test func offsetsAreUTF8Bytes() throws {
        let text = "أ. ب؟ ج"
        let result = try splitter.split(text)
        // «أ.» is an abbreviation (a single letter), so two sentences: «أ. ب؟» and «ج».
        #expect(result.map(\.start) == [0, text.utf8.count - "ج".utf8.count])
        #expect(result.map(\.end) == ["أ. ب؟".utf8.count, text.utf8.count])
        #expect(result.allSatisfy { $0.range == $0.start..<$0.end })
    }

    @Test func tokensOfASentence() throws {
        let document = try Document("قال د. أحمد: نعم. ثم غادر\nسطر آخر")
        let sentences = try document.sentences(using: splitter)
        #expect(sentences.count == 3)
        var next = 0
        for sentence in sentences {
            let range = document.tokenRange(of: sentence)
            #expect(range.lowerBound == next)
            next = range.upperBound
            for index in range {
                #expect(document.tokens[index].start >= sentence.start && document.tokens[index].end <= sentence.end)
            }
        }
        #expect(next == document.tokens.count)
        #expect(document.tokenRange(of: Sentence(start: 1000, end: 1001)).isEmpty)
    }

    // MARK: the shared article

    @Test(.enabled(if: articleAvailable, "../shared not found: \(sharedArticle.path)"))
    func sharedArticleStructure() throws {
        let text = try String(contentsOf: sharedArticle, encoding: .utf8)
        let bytes = Array(text.utf8)
        let result = try splitter.split(text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count >= 26)  // 26 line breaks; the last line has none
        #expect(result.count >= lines.count)
        // Sentences are in order, do not overlap, do not span a line break, and have no
        // white space at either end.
        var previousEnd = 0
        var covered = [Bool](repeating: false, count: bytes.count)
        for sentence in result {
            #expect(sentence.start >= previousEnd && sentence.start < sentence.end)
            previousEnd = sentence.end
            let slice = bytes[sentence.range]
            #expect(!slice.contains(0x0A))
            let string = String(decoding: slice, as: UTF8.self)
            #expect(string.first?.isWhitespace == false && string.last?.isWhitespace == false)
            for index in sentence.range { covered[index] = true }
        }
        // Every line's text is covered: outside sentences there is only white space.
        for (index, byte) in bytes.enumerated() where !covered[index] {
            #expect(byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09, "byte \(index) outside every sentence")
        }
        // Every line starts a sentence (line breaks always end one).
        var lineStart = 0
        let starts = Set(result.map(\.start))
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = line.utf8.count
            let leading = line.prefix { $0.isWhitespace }.utf8.count
            if length > leading { #expect(starts.contains(lineStart + leading)) }
            lineStart += length + 1
        }
        // No split between a digit, a separator and a digit.
        for (first, second) in zip(result, result.dropFirst()) {
            let before = String(decoding: bytes[first.range], as: UTF8.self)
            let after = String(decoding: bytes[second.range], as: UTF8.self)
            let splitNumber = before.last.map { $0.isNumber || $0 == "." || $0 == "٫" } == true
                && after.first?.isNumber == true && first.end == second.start
            #expect(!splitNumber)
        }
    }
}
