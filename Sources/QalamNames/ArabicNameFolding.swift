/// Folding of Arabic-script names before romanization and matching.
///
/// Kept in step with `fold_arabic` in `Lexicons/scripts/train_translit.py`: the model is
/// trained on folded words, so the decoder must fold the same way.
enum ArabicNameFolding {
    /// Whether the scalar is dropped: harakat, tatweel, dagger alef, joiners, direction marks.
    @inline(__always)
    static func isIgnorable(_ value: UInt32) -> Bool {
        (0x064B...0x0652).contains(value) || value == 0x0640 || value == 0x0670
            || (0x200C...0x200F).contains(value) || (0x202A...0x202E).contains(value)
            || value == 0xFEFF
    }

    /// Whether the scalar is an Arabic letter the model knows (U+0621 … U+064A).
    @inline(__always)
    static func isModelLetter(_ value: UInt32) -> Bool { (0x0621...0x064A).contains(value) }

    /// Appends the folded form of one scalar (Persian/Urdu letters to their Arabic
    /// equivalents as Arabic news spells them; ignorable marks to nothing).
    @inline(__always)
    static func appendFolded(_ value: UInt32, to output: inout [UInt32]) {
        if isIgnorable(value) { return }
        switch value {
        case 0x06CC, 0x06D2: output.append(0x064A)  // Farsi yeh, yeh barree → yeh
        case 0x06A9: output.append(0x0643)  // keheh → kaf
        case 0x06AF: output.append(0x063A)  // gaf → ghain
        case 0x067E: output.append(0x0628)  // peh → beh
        case 0x0686: output.append(0x062A); output.append(0x0634)  // tcheh → ta + sheen
        case 0x06A4: output.append(0x0641)  // veh → feh
        case 0x0698: output.append(0x0632)  // jeh → zain
        case 0x0671: output.append(0x0627)  // alef wasla → alef
        default: output.append(value)
        }
    }

    /// The folded scalars of a word for the romanizer.
    static func foldForModel(_ word: some StringProtocol) -> [UInt32] {
        var output: [UInt32] = []
        output.reserveCapacity(word.unicodeScalars.count)
        for scalar in word.unicodeScalars { appendFolded(scalar.value, to: &output) }
        return output
    }

    /// A vowel-tolerant matching key of an Arabic word: folded, alef forms → ا,
    /// ة → ه, ى → ي, ؤ → و, ئ → ي, and the long vowels ا و ي removed except at the start
    /// (where they usually carry a consonant or the initial vowel), doubled letters
    /// collapsed. Two spellings of one foreign name usually share this key.
    static func matchKey(_ word: some StringProtocol) -> [UInt32] {
        var folded: [UInt32] = []
        for scalar in word.unicodeScalars { appendFolded(scalar.value, to: &folded) }
        var key: [UInt32] = []
        key.reserveCapacity(folded.count)
        for (index, value) in folded.enumerated() {
            var letter = value
            switch letter {
            case 0x0622, 0x0623, 0x0625: letter = 0x0627
            case 0x0629: letter = 0x0647
            case 0x0649, 0x0626: letter = 0x064A
            case 0x0624: letter = 0x0648
            case 0x0621: continue
            default: break
            }
            if index > 0, letter == 0x0627 || letter == 0x0648 || letter == 0x064A { continue }
            if index == 0, letter == 0x0627 { continue }
            if let last = key.last, last == letter { continue }
            key.append(letter)
        }
        return key
    }
}
