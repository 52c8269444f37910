import Foundation

/// The light folding every lexicon lookup of the event grammar goes through: diacritics
/// and tatweel removed, alef and hamza carriers unified (أ إ آ ٱ → ا, ؤ → و, ئ → ي),
/// ى → ي, ة → ه, Persian ی ک → ي ك, presentation forms decomposed, Latin lower-cased.
///
/// It is a matching key, never shown: output always slices the original text.
enum EventKeyFolding {
    /// The folded form of `text`.
    static func fold(_ text: some StringProtocol) -> String { foldNotingTanween(text).folded }

    /// The folded form of `text`, and whether it carried tanween (ً ٌ ٍ).
    static func foldNotingTanween(_ text: some StringProtocol) -> (folded: String, tanween: Bool) {
        var scalars = String.UnicodeScalarView()
        var tanween = false
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x64B && scalar.value <= 0x64D { tanween = true }
            append(scalar, to: &scalars)
        }
        return (String(scalars), tanween)
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let value = scalar.value
        switch value {
        case 0x41...0x5A:
            out.append(Unicode.Scalar(value + 0x20) ?? scalar)
        case 0x610...0x61A, 0x64B...0x65F, 0x670, 0x6D6...0x6ED, 0x640:
            return
        case 0x622, 0x623, 0x625, 0x671:
            out.append("\u{627}")
        case 0x624:
            out.append("\u{648}")
        case 0x626, 0x649, 0x6CC:
            out.append("\u{64A}")
        case 0x629:
            out.append("\u{647}")
        case 0x6A9:
            out.append("\u{643}")
        case 0xFB50...0xFDFF, 0xFE70...0xFEFF:
            // Presentation forms (ligatures such as ﻷ): decompose, then fold the parts.
            for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars where part != scalar {
                append(part, to: &out)
            }
        default:
            out.append(scalar)
        }
    }

    /// Proclitic chains that may stand before a word, longest first: conjunction (و ف),
    /// preposition (ب ل ك) and article (ال, with ل + ال written لل).
    static let proclitics: [String] = [
        "وبال", "وال", "بال", "فال", "كال", "ولل", "فلل", "لل", "ال",
        "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك",
    ]

    /// `word` without a leading proclitic chain (the longest that leaves at least
    /// `minimum` letters), and the chain removed.
    static func stripProclitic(_ word: String, minimum: Int = 2) -> (clitic: String, rest: String) {
        for clitic in proclitics where word.startsWith(clitic) {
            let rest = String(word.dropFirst(clitic.letterCount))
            if rest.letterCount >= minimum { return (clitic, rest) }
        }
        return ("", word)
    }
}
