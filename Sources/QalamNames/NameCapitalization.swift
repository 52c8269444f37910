/// Capitalizes a lower-case Latin name the way names are written: "mcgrew" → "McGrew",
/// "o'brien" → "O'Brien", "jean-luc" → "Jean-Luc".
enum NameCapitalization {
    /// The capitalized form of `name` (ASCII letters; other characters kept).
    static func capitalize(_ name: String) -> String {
        var bytes = Array(name.utf8)
        var startOfPart = true
        for index in bytes.indices {
            let byte = bytes[index]
            let isLower = byte >= 0x61 && byte <= 0x7A
            if startOfPart && isLower { bytes[index] = byte - 0x20 }
            startOfPart = byte == UInt8(ascii: "-") || byte == UInt8(ascii: " ")
                || (byte == UInt8(ascii: "'") && index == 1)
            // "Mc" + capital: McGrew, McDonald.
            if index == 1, bytes.count > 3, (bytes[0] == UInt8(ascii: "M") || bytes[0] == UInt8(ascii: "m")),
               byte == UInt8(ascii: "c") {
                startOfPart = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
