/// Checks table entries against ICU's word break iterator on probe strings.
///
/// For every code point under test, the probe templates (``templates``, `X` standing for
/// the code point) are written one per line into a single buffer; ICU segments the whole
/// buffer in one pass, the scanner segments each code point's region on its own (line
/// feeds are hard boundaries, so regions are independent), and a code point fails when any
/// boundary in its region differs.
struct FastTableVerifier {
    /// The characters the probes are built from; they must verify themselves.
    static let alphabet: [Unicode.Scalar] = [
        "a", "b", "1", "2", " ", ".", "_", "'", ",", "\r", "\n", "\u{0628}", "\u{062A}", "\u{064E}", "\u{200F}",
    ]

    /// Probe templates; `X` stands for the code point under test.
    static let templates: [String] = [
        "aXb", "1X2", "Xa", "aX", "X1", "1X", " X ", "XX", "\u{0628}X\u{062A}", "X\u{064E}", "aXXb", "X",
        "a.X", "1.X", "X.a", "X.1", "X_", "_X", "X\u{200F}a", "  X", "X  ", "\rX", "X\r\n", "a'X", "X'a",
        "X,1", "1,X", "a\u{064E}Xb", "1X\u{064E}2", "\u{200F}X", "X \u{200F} ",
    ]

    /// The templates as UTF-8, split at `X`.
    static let templateParts: [[[UInt8]]] = templates.map { template in
        template.split(separator: "X", omittingEmptySubsequences: false).map { Array($0.utf8) }
    }

    private let iterator: BreakIterator

    init() throws { iterator = try BreakIterator(kind: .word, locale: "ar") }

    /// The code points among `values` whose probes the scanner segments differently
    /// from ICU.
    func failures(among values: [Int], scanner: FastWordScanner) -> [Int] {
        var buffer: [UInt8] = []
        var regions: [(value: Int, range: Range<Int>)] = []
        buffer.reserveCapacity(values.count * 128)
        for value in values {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let encoded = Array(String(scalar).utf8)
            let start = buffer.count
            for parts in Self.templateParts {
                for (index, part) in parts.enumerated() {
                    if index > 0 { buffer.append(contentsOf: encoded) }
                    buffer.append(contentsOf: part)
                }
                buffer.append(0x0A)
            }
            regions.append((value, start..<buffer.count))
        }
        var icuBoundaries: [Int] = []
        icuBoundaries.reserveCapacity(buffer.count)
        let ok: Bool = buffer.withUnsafeBufferPointer { bytes in
            do {
                try iterator.forEachBoundary(in: bytes) { boundary in icuBoundaries.append(boundary) }
                return true
            } catch {
                return false
            }
        }
        guard ok else { return values }
        var failed: [Int] = []
        var cursor = 0
        buffer.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            for region in regions {
                while cursor < icuBoundaries.count && icuBoundaries[cursor] <= region.range.lowerBound { cursor += 1 }
                var position = region.range.lowerBound
                var good = true
                while position < region.range.upperBound {
                    var accumulated: UInt16 = 0
                    let end = scanner.nextSegment(base + region.range.lowerBound, region.range.count,
                                                  position - region.range.lowerBound, &accumulated)
                    guard end > 0, cursor < icuBoundaries.count,
                          icuBoundaries[cursor] == end + region.range.lowerBound
                    else {
                        good = false
                        break
                    }
                    position = end + region.range.lowerBound
                    cursor += 1
                }
                if !good { failed.append(region.value) }
            }
        }
        return failed
    }
}
