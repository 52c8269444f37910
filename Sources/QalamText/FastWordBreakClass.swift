/// The word-break classes the fast tokenizer engine models, one per code point.
///
/// A subset of UAX #29's Word_Break values as ICU applies them: the classes that matter
/// for ASCII, Latin-1, the Arabic blocks, general punctuation and spaces. Everything the
/// fast engine does not model with confidence is ``unknown``, which makes it hand the
/// stretch of text to ICU.
enum FastWordBreakClass: UInt8, Sendable, CaseIterable {
    /// Not modeled: the fast engine hands the surrounding stretch to ICU.
    case unknown = 0
    /// Word_Break=Other (and Double_Quote, which only matters next to Hebrew letters).
    case other
    /// Carriage return.
    case cr
    /// Line feed.
    case lf
    /// Other hard line breaks: VT, FF, NEL, U+2028, U+2029.
    case newline
    /// Extend or Format: attaches to what precedes it (rule WB4).
    case extendOrFormat
    /// Letters (ALetter).
    case letter
    /// Digits (Numeric).
    case numeric
    /// MidLetter: joins letters only.
    case midLetter
    /// MidNum: joins digits only.
    case midNum
    /// MidNumLet and Single_Quote: join letters or digits.
    case midNumLet
    /// ExtendNumLet (low line, narrow no-break space…): joins letters and digits.
    case extendNumLet
    /// WSegSpace: horizontal spaces, kept together.
    case space

    /// The class for ICU's `UWordBreakValues` number, before checking it against ICU's
    /// actual rules (which tailor some characters, such as the colon).
    static func fromICU(_ value: Int32) -> FastWordBreakClass {
        switch value {
        case 0: .other  // Other
        case 1: .letter  // ALetter
        case 2, 9: .extendOrFormat  // Format, Extend
        case 4: .midLetter
        case 5: .midNum
        case 6: .numeric
        case 7: .extendNumLet
        case 8: .cr
        case 10: .lf
        case 11, 15: .midNumLet  // MidNumLet, Single_Quote
        case 12: .newline
        case 16: .other  // Double_Quote
        case 22: .space  // WSegSpace
        // Katakana, Regional_Indicator, Hebrew_Letter, emoji classes, ZWJ, and anything new.
        default: .unknown
        }
    }
}
