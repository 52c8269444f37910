import Foundation
import Testing
@testable import QalamNames
import QalamLexicons
import QalamText

/// `DecimalFloat.parse` must give exactly what `Float(String)` gives, on every input.
@Suite("Decimal float reader")
struct DecimalFloatTests {
    static func both(_ text: String) -> (Float?, Float?) {
        let bytes = Array(text.utf8)
        return (DecimalFloat.parse(bytes, 0..<bytes.count), Float(text))
    }

    @Test(arguments: ["-0.0000", "0.0000", "-99.0000", "1234567", "12345678", "-3.8356", "0.1", "1e-5", "+1.5",
                      ".5", "5.", "-", "", "-.5", "1.2.3", "inf", "nan", "0.00000001", "9999999.", " 1", "1 ",
                      "00001.5000", "-0", "3.4028236e38", "0.3333333"])
    func agreesWithFloatOnEdgeCases(_ text: String) {
        let (fast, slow) = Self.both(text)
        #expect(fast?.bitPattern == slow?.bitPattern, "\(text.debugDescription): \(String(describing: fast)) vs \(String(describing: slow))")
        #expect((fast == nil) == (slow == nil), "\(text.debugDescription)")
    }

    @Test func agreesWithFloatOnManyDecimals() {
        var random = SplitMix64(seed: 5)
        for _ in 0..<200_000 {
            let digits = Int(random.next() % 8)
            let whole = random.next() % 1000
            let fraction = random.next() % 10_000_000
            var text = (random.next() % 2 == 0 ? "-" : "") + String(whole)
            if digits > 0 { text += "." + String(String(fraction).suffix(digits)) }
            let (fast, slow) = Self.both(text)
            #expect(fast?.bitPattern == slow?.bitPattern, "\(text)")
        }
    }

    @Test func agreesWithFloatOnTheShippedModel() throws {
        // Every number of the shipped romanizer model, read both ways.
        let bytes = [UInt8](try LexiconStore.data("translit/romanizer-model.tsv"))
        var checked = 0
        try LexiconByteLines.forEach(in: bytes, path: "romanizer-model.tsv") { (_, line) throws(LexiconError) in
            guard bytes[line.lowerBound] == UInt8(ascii: "n") else { return }
            let fields = bytes[line].split(separator: UInt8(ascii: "\t"))
            for field in fields[1...2] {
                let range = field.startIndex..<field.endIndex
                let fast = DecimalFloat.parse(bytes, range)
                let slow = Float(String(decoding: bytes[range], as: UTF8.self))
                #expect(fast?.bitPattern == slow?.bitPattern)
                checked += 1
            }
        }
        #expect(checked > 100_000)
    }
}
