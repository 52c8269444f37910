/// A small letter folding for lexicon look-ups: what the segmenter and the entity
/// tagger use to compare words regardless of spelling variants.
///
/// Removes Arabic diacritics (U+064B–U+0652, dagger alef U+0670) and tatweel (U+0640),
/// maps the alef forms أ إ آ ٱ to bare ا and alef maqsura ى to ي. Teh marbuta ة is kept
/// (it distinguishes the pronoun ه). The lexicon scripts in `Lexicons/scripts/` fold
/// with the same rules (`arabic_fold.py`).
public enum ArabicFolding {
    /// The folded form of one scalar, or `nil` when the scalar is dropped (diacritics,
    /// tatweel).
    @inlinable
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x064B...0x0652, 0x0670, 0x0640: return nil
        case 0x0622, 0x0623, 0x0625, 0x0671: return "\u{0627}"
        case 0x0649: return "\u{064A}"
        default: return scalar
        }
    }

    /// Whether a scalar is dropped by folding (a diacritic or tatweel).
    @inlinable
    public static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool { fold(scalar) == nil }

    /// The folded form of a text.
    public static func fold(_ text: some StringProtocol) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let folded = fold(scalar) { result.append(folded) }
        }
        return String(result)
    }

    /// A 64-bit FNV-1a hash of a sequence of scalar values: the key Qalam's word
    /// lexicons are looked up by, without building strings.
    @inlinable
    public static func hash(_ scalars: some Sequence<UInt32>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in scalars {
            hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The ``hash(_:)`` of the folded form of `text`.
    public static func foldedHash(_ text: some StringProtocol) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in text.unicodeScalars {
            if let folded = fold(scalar) {
                hash = (hash ^ UInt64(folded.value)) &* 0x0000_0100_0000_01B3
            }
        }
        return hash
    }
}
