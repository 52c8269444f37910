/// One step of text normalization.
///
/// A ``Normalizer`` runs its steps in a fixed order, whatever order they are given in:
/// first the Unicode normalization form (``nfc`` or ``nfkc``, at most one), then the
/// character steps in the order of ``allCases``. Every character step is a table of
/// single characters, read from the data file `Lexicons/charmaps/arabic-normalization.tsv`
/// (the exact characters are listed there, one per line, with their Unicode names).
///
/// The raw value is the step's name on the command line (`qalam normalize --remove-tatweel`).
public enum NormalizationStep: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Unicode canonical composition (NFC) through ICU: decomposed sequences are composed
    /// (alef + U+0654 hamza above → أ) and combining marks put in canonical order
    /// (shadda + fatha → fatha + shadda). Presentation forms are kept.
    case nfc
    /// Unicode compatibility composition (NFKC) through ICU: NFC, and compatibility
    /// characters replaced by their plain equivalents, notably the Arabic presentation
    /// forms U+FB50–U+FDFF and U+FE70–U+FEFF (ﻣﻴﺮﺍ → ميرا, the ligature ﻻ → لا,
    /// ﷲ → الله), full-width Latin letters and digits, and ligatures such as ﬁ → fi.
    case nfkc
    /// Removes harakat and the other Arabic combining marks: tanween U+064B–U+064D, fatha,
    /// damma, kasra U+064E–U+0650, shadda U+0651, sukun U+0652, maddah, hamza above and
    /// below and the other marks U+0653–U+065F, and the superscript alef U+0670.
    case removeDiacritics = "remove-diacritics"
    /// Removes Quranic annotation marks: U+0610–U+061A (honorifics, small high letters),
    /// U+06D6–U+06DC, U+06DF–U+06E8 and U+06EA–U+06ED (small high and low signs, small waw
    /// and yeh), and the marks of Arabic Extended-A U+08CA–U+08E1, U+08E3–U+08FF.
    case removeQuranicMarks = "remove-quranic-marks"
    /// Removes tatweel (kashida) U+0640: «العـــربية» → «العربية».
    case removeTatweel = "remove-tatweel"
    /// Removes bidirectional controls: Arabic letter mark U+061C, left-to-right and
    /// right-to-left marks U+200E U+200F, embeddings and overrides U+202A–U+202E, isolates
    /// U+2066–U+2069.
    case removeBidiControls = "remove-bidi-controls"
    /// Removes zero-width and invisible format characters: soft hyphen U+00AD, Mongolian
    /// vowel separator U+180E, zero-width space U+200B, non-joiner U+200C, joiner U+200D
    /// (kept when it joins two emoji), word joiner and invisible operators U+2060–U+2064,
    /// and the zero-width no-break space / byte order mark U+FEFF.
    case removeZeroWidth = "remove-zero-width"
    /// Maps Persian, Urdu and other Arabic-script letters to the Arabic letter used for
    /// them in Arabic text: ک ڪ گ → ك, ی ې ۍ ے → ي, ۓ → ئ, ە ھ ہ ۀ ۂ → ه, ۃ → ة, پ → ب,
    /// چ → ج, ژ → ز, ڤ → ف, ڨ → ق, ٹ → ت, ڈ → د, ڑ → ر, ں → ن, ۆ ۇ ۈ ۋ → و.
    case foldPersianLetters = "fold-persian-letters"
    /// Folds the hamza seats: ؤ U+0624 → و, ئ U+0626 → ي.
    case foldHamzaSeats = "fold-hamza-seats"
    /// Folds alef forms to bare alef ا: آ U+0622, أ U+0623, إ U+0625, ٱ U+0671 (wasla),
    /// ٲ U+0672, ٳ U+0673.
    case foldAlef = "fold-alef"
    /// Folds alef maqsura ى U+0649 → ي U+064A («إلى» → «إلي»).
    case foldAlefMaqsura = "fold-alef-maqsura"
    /// Folds taa marbuta ة U+0629 → ه U+0647 («مدرسة» → «مدرسه»).
    case foldTaaMarbuta = "fold-taa-marbuta"
    /// Maps Arabic-Indic digits U+0660–U+0669 and Eastern Arabic-Indic (Persian/Urdu)
    /// digits U+06F0–U+06F9 to ASCII 0–9, and the Arabic decimal separator ٫, thousands
    /// separator ٬ and percent sign ٪ to «.», «,» and «%» («١٢٣٫٥» → «123.5»).
    case asciiDigits = "ascii-digits"

    /// Whether this step is a Unicode normalization form (done by ICU) rather than a
    /// character table.
    public var isUnicodeForm: Bool { self == .nfc || self == .nfkc }

    /// The step's name in the character table file, or nil for the Unicode forms.
    var tableName: String? {
        switch self {
        case .nfc, .nfkc: nil
        case .removeDiacritics: "diacritics"
        case .removeQuranicMarks: "quranic-marks"
        case .removeTatweel: "tatweel"
        case .removeBidiControls: "bidi-controls"
        case .removeZeroWidth: "zero-width"
        case .foldPersianLetters: "persian-letters"
        case .foldHamzaSeats: "hamza-seats"
        case .foldAlef: "alef"
        case .foldAlefMaqsura: "alef-maqsura"
        case .foldTaaMarbuta: "taa-marbuta"
        case .asciiDigits: "digits"
        }
    }

    /// The order in which steps run: the order of ``allCases``.
    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Steps compare by the order in which they run.
    public static func < (lhs: NormalizationStep, rhs: NormalizationStep) -> Bool { lhs.order < rhs.order }
}
