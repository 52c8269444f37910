/// The folded letters of one word with their byte positions: what the segmenter scores.
///
/// Diacritics and tatweel are not letters here; they stay inside the byte range of the
/// letter before them. Scanning stops at the first scalar that is not an Arabic letter
/// (a Latin letter or a digit in «لـOpenAI»), whose offset is ``foreignStart``.
struct WordLetters {
    /// Folded letters (Unicode scalar values), in the caller's scratch memory.
    var values: UnsafeBufferPointer<UInt32>
    /// Byte offset of each letter in the word, in the caller's scratch memory.
    var starts: UnsafeBufferPointer<Int>
    /// Length of the word in UTF-8 bytes.
    var byteCount: Int
    /// Byte offset of the first scalar that is neither an Arabic letter nor ignorable.
    var foreignStart: Int?
    /// Whether the Arabic part ends with a tatweel («لـ»).
    var endsWithTatweel = false

    /// The letters of `word`, written into `valueStore` and `startStore` (each with room
    /// for `word.utf8.count` letters): the segmenter keeps no arrays per word.
    init(_ word: Substring, valueStore: UnsafeMutableBufferPointer<UInt32>, startStore: UnsafeMutableBufferPointer<Int>) {
        byteCount = word.utf8.count
        var count = 0
        var foreignStart: Int?
        var endsWithTatweel = false
        let capacity = min(valueStore.count, startStore.count)
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
            guard count < capacity else { return false }
            endsWithTatweel = false
            valueStore[count] = value
            startStore[count] = offset
            count += 1
            return true
        }
        self.foreignStart = foreignStart
        self.endsWithTatweel = endsWithTatweel
        values = UnsafeBufferPointer(rebasing: valueStore[0..<count])
        starts = UnsafeBufferPointer(rebasing: startStore[0..<count])
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
