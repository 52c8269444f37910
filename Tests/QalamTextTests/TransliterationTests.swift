import Foundation
import Testing
@testable import QalamText

/// The package root (the folder holding Package.swift) and ../shared beside it.
private let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        url.deleteLastPathComponent()
    }
    return url
}()
private let newsSample = packageRoot.appendingPathComponent("../shared/data/news/saudinewsnet-sample.txt").standardized
private let sharedAvailable = FileManager.default.fileExists(atPath: newsSample.path)

@Suite("Transliteration")
struct TransliterationTests {
    @Test(arguments: TransliterationScheme.allCases)
    func tableIsABijectionOntoPrintableASCII(scheme: TransliterationScheme) throws {
        let table = try TransliterationTable(scheme: scheme)
        #expect(table.pairs.count >= 51)
        #expect(Set(table.pairs.map(\.symbol)).count == table.pairs.count)
        for pair in table.pairs {
            #expect(table.symbol(for: pair.arabic).map { Character(Unicode.Scalar($0)) } == pair.symbol)
            let byte = try #require(pair.symbol.asciiValue)
            #expect(table.arabic(for: byte) == pair.arabic)
        }
    }

    @Test func knownBuckwalterSpellings() throws {
        let bw = try Transliterator(scheme: .buckwalter)
        // مُحَمَّد with shadda before fatha, spelled out so the order is certain.
        #expect(bw.transliterate("\u{0645}\u{064F}\u{062D}\u{064E}\u{0645}\u{0651}\u{064E}\u{062F}") == "muHam~ad")
        #expect(bw.transliterate("أَحْمَد") == ">aHomad")
        #expect(bw.transliterate("شيء") == "$y'")
        let safe = try Transliterator(scheme: .safeBuckwalter)
        #expect(safe.transliterate("أَحْمَد شيء") == "OaHomad cyC")
        let xml = try Transliterator(scheme: .xmlBuckwalter)
        #expect(xml.transliterate("\u{0625}\u{0650}\u{0646}\u{0651}\u{064E} \u{0623}\u{064E}\u{0646}") == "Iin~a Oan")
        #expect(xml.transliterate("إذا") == "I*A")
    }

    @Test func mixedTextIsEscapedAndRoundTrips() throws {
        let bw = try Transliterator(scheme: .buckwalter)
        let text = "قالت OpenAI إن $5 \\ ok"
        let encoded = bw.transliterate(text)
        #expect(encoded.contains("\\$"))
        #expect(encoded.contains("\\\\"))
        #expect(bw.reverse(encoded) == text)
        let plain = try Transliterator(scheme: .buckwalter, escaping: false)
        #expect(plain.transliterate("OpenAI") == "OpenAI")
        #expect(plain.reverse("OpenAI") != "OpenAI")
    }

    @Test(arguments: TransliterationScheme.allCases)
    func randomStringsRoundTrip(scheme: TransliterationScheme) throws {
        let transliterator = try Transliterator(scheme: scheme)
        var random = SplitMix64(seed: 42)
        // Arabic block, ASCII (including every scheme symbol and '\'), and a few others.
        let pools: [ClosedRange<UInt32>] = [0x0600...0x06FF, 0x20...0x7E, 0x0750...0x077F, 0x1F600...0x1F64F]
        for _ in 0..<2_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...24, using: &random) {
                let pool = pools[Int.random(in: 0..<pools.count, using: &random)]
                if let scalar = Unicode.Scalar(UInt32.random(in: pool, using: &random)) { scalars.append(scalar) }
            }
            let text = String(scalars)
            let back = transliterator.reverse(transliterator.transliterate(text))
            #expect(Array(back.unicodeScalars) == Array(text.unicodeScalars), "round trip failed for \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test(.enabled(if: sharedAvailable, "../shared not found: news sample round trip skipped"))
    func newsSampleSliceRoundTrips() throws {
        let handle = try FileHandle(forReadingFrom: newsSample)
        defer { try? handle.close() }
        let bytes = try handle.read(upToCount: 2_000_000) ?? Data()
        let text = String(decoding: bytes, as: UTF8.self)
        for scheme in TransliterationScheme.allCases {
            let transliterator = try Transliterator(scheme: scheme)
            let back = transliterator.reverse(transliterator.transliterate(text))
            #expect(back.unicodeScalars.elementsEqual(text.unicodeScalars), "\(scheme) round trip differs")
        }
    }

    @Test func icuTransformsByID() throws {
        let latin = try ICUTransform(id: "Arabic-Latin")
        let result = try latin.transform("سلام")
        #expect(!result.isEmpty)
        #expect(!result.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) })
        let any = try ICUTransform(id: "Any-Latin; Latin-ASCII")
        #expect(try any.transform("ميرا").unicodeScalars.allSatisfy { $0.isASCII })
        #expect(ICUTransform.availableIDs.contains("Arabic-Latin"))
        let bgn = try ICUTransform(id: "Arabic-Latin/BGN")
        #expect(try bgn.transform("بوب") != "بوب")
        let back = try ICUTransform(id: "Arabic-Latin", reverse: true)
        #expect(try back.transform("salām").unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) })
        #expect(throws: ICUError.self) { try ICUTransform(id: "No-Such-Transform") }
    }
}
