import Testing

@testable import QalamText

@Suite("UTF8BlockCheck agrees with the separate checks")
struct UTF8BlockCheckTests {
    /// The three checks done separately; validity by the standard library's UTF-8 parser.
    private func reference(_ bytes: [UInt8]) -> UTF8BlockCheck {
        bytes.withUnsafeBufferPointer { buffer in
            UTF8BlockCheck(firstNUL: buffer.firstIndex(of: 0), firstInvalid: firstInvalidByStandardLibrary(buffer),
                           lineFeeds: buffer.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
        }
    }

    /// The offset of the first ill-formed sequence as Swift's own UTF-8 parser sees it.
    private func firstInvalidByStandardLibrary(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        var parser = UTF8.ForwardParser()
        var iterator = buffer.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    private func scan(_ bytes: [UInt8]) -> UTF8BlockCheck {
        bytes.withUnsafeBufferPointer { UTF8BlockCheck.scan($0) }
    }

    @Test func knownCases() {
        #expect(scan([]) == UTF8BlockCheck(firstNUL: nil, firstInvalid: nil, lineFeeds: 0))
        #expect(scan(Array("سلام\nعليكم\nabcdefghij\n".utf8)) == UTF8BlockCheck(firstNUL: nil, firstInvalid: nil, lineFeeds: 3))
        #expect(scan(Array("abcdefgh\0ij\n".utf8)).firstNUL == 8)
        #expect(scan([0x61, 0xD9, 0x85, 0xFF, 0x0A, 0x00]) == UTF8BlockCheck(firstNUL: 5, firstInvalid: 3, lineFeeds: 1))
        #expect(scan([0xED, 0xA0, 0x80]).firstInvalid == 0)  // surrogate
        #expect(scan([0xE2, 0x80]).firstInvalid == 0)  // truncated
    }

    @Test("Random bytes: one pass == three passes")
    func randomBytes() {
        var state: UInt64 = 0xC0FFEE
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let alphabet: [UInt8] = [0x00, 0x0A, 0x0D, 0x20, 0x61, 0x7F, 0x80, 0xA7, 0xBF, 0xC0, 0xC2, 0xD8, 0xD9, 0xDF,
                                 0xE0, 0xA0, 0xED, 0x9F, 0xEF, 0xF0, 0x90, 0xF4, 0x8F, 0xF5, 0xFF]
        for round in 0..<20_000 {
            let count = Int(next() % 40)
            let bytes = (0..<count).map { _ in
                next() % 3 == 0 ? UInt8(truncatingIfNeeded: next()) : alphabet[Int(next() % UInt64(alphabet.count))]
            }
            let expected = reference(bytes)
            #expect(scan(bytes) == expected, "round \(round): \(bytes)")
            if scan(bytes) != expected { return }
        }
    }
}
