import CICU

extension Normalizer {
    /// The slow reference the byte-level loop is tested against: ICU normalizes the whole
    /// text in one call, then every scalar goes through the character map (a zero-width
    /// joiner between two emoji is kept, as in the loop). No alignment.
    func referenceNormalizedString(_ text: String) throws -> String {
        var scalars: [Unicode.Scalar] = []
        if let form = table.form {
            let units = Array(text.utf16)
            var output = [UInt16](repeating: 0, count: units.count * 18 + 16)
            var status: Int32 = 0
            let length = qicu_normalize(form, units, Int32(units.count), &output, Int32(output.count), &status)
            try ICUError.check(status, "normalizing text")
            scalars = Array(String(decoding: output[0..<Int(length)], as: UTF16.self).unicodeScalars)
        } else {
            scalars = Array(text.unicodeScalars)
        }
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            if value >= 0x10000 { result.append(scalar); continue }
            let entry = table.lookup[Int(value)]
            if entry & NormalizationTable.specialBit != 0 {
                let emoji: (Unicode.Scalar) -> Bool = { $0.value == 0xFE0F || ($0.value >= 0x80 && $0.properties.isEmoji) }
                if index > 0, index + 1 < scalars.count, emoji(scalars[index - 1]), emoji(scalars[index + 1]) {
                    result.append(scalar)
                }
                continue
            }
            let length = NormalizationTable.producedLength(entry)
            var bytes: [UInt8] = []
            for byte in 0..<length { bytes.append(UInt8(truncatingIfNeeded: entry >> (8 * UInt32(byte)))) }
            result.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
        }
        return String(result)
    }
}
