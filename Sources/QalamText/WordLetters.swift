/// The folded letters of one word with their byte positions: what the segmenter scores.
///
/// Diacritics and tatweel are not letters here; they stay inside the byte range of the
/// letter before them. Scanning stops at the first scalar that is not an Arabic letter
/// (a Latin letter or a digit in «لـOpenAI»), whose offset is ``foreignStart``.
struct WordLetters {
    /// Folded letters (Unicode scalar values).
    var values: [UInt32] = []
    /// Byte offset of each letter in the word.
    var starts: [Int] = []
    /// Length of the word in UTF-8 bytes.
    var byteCount: Int
    /// Byte offset of the first scalar that is neither an Arabic letter nor ignorable.
    var foreignStart: Int?
    /// Whether the Arabic part ends with a tatweel («لـ»).
    var endsWithTatweel = false

    init(_ word: Substring) {
        byteCount = word.utf8.count
        values.reserveCapacity(byteCount / 2 + 1)
        starts.reserveCapacity(byteCount / 2 + 1)
        UTF8ScalarReader.forEach(in: word) { scalar, offset, _ in
            guard let folded = ArabicFolding.fold(scalar) else {
                endsWithTatweel = scalar.value == 0x0640
                return true
            }
            let value = folded.value
            guard (0x0621...0x064A).contains(value) else {
                foreignStart = offset
                return false
            }
            endsWithTatweel = false
            values.append(value)
            starts.append(offset)
            return true
        }
    }

    /// The byte range of letters `letters`: from the first letter's start to the next
    /// letter's start (so trailing diacritics and tatweel are included), or, for the last
    /// letter, to the end of the word (of its Arabic part, when a Latin word or a number
    /// follows).
    func range(ofLetters letters: Range<Int>) -> Range<Int> {
        let start = letters.lowerBound < starts.count ? starts[letters.lowerBound] : byteCount
        let end: Int
        if letters.upperBound < starts.count {
            end = starts[letters.upperBound]
        } else {
            end = foreignStart ?? byteCount
        }
        return start..<end
    }
}
