import CICU

extension TokenKind {
    /// Classifies a segment of text from its scalars.
    ///
    /// The rules, in order:
    /// 1. letters (general category L*, Arabic tatweel included) of Arabic script only,
    ///    and no digits → ``arabicWord``; Latin only → ``latinWord``; one other script →
    ///    ``otherWord``; several scripts, or letters and digits → ``mixedWord``;
    /// 2. digits (Nd) and no letters → ``number``;
    /// 3. punctuation (P*) only, ignoring invisible format characters → ``punctuation``;
    /// 4. anything else → ``symbol``.
    /// Combining marks (M*) and format characters (Cf) never decide the kind.
    public static func classify(_ scalars: some Sequence<Unicode.Scalar>) -> TokenKind {
        var arabic = false, latin = false, other = false, digit = false
        var punctuation = false, symbol = false
        var otherScript: Unicode.Scalar? = nil
        for scalar in scalars {
            switch ScalarClass.of(scalar) {
            case .arabicLetter: arabic = true
            case .latinLetter: latin = true
            case .otherLetter:
                if let first = otherScript, !ScalarClass.sameScript(first, scalar) { arabic = true; latin = true }
                otherScript = otherScript ?? scalar
                other = true
            case .digit: digit = true
            case .punctuation: punctuation = true
            case .mark, .format: break
            case .whitespace, .symbol: symbol = true
            }
        }
        let scripts = (arabic ? 1 : 0) + (latin ? 1 : 0) + (other ? 1 : 0)
        if scripts > 0 {
            if scripts > 1 || digit { return .mixedWord }
            return arabic ? .arabicWord : (latin ? .latinWord : .otherWord)
        }
        if digit { return .number }
        if punctuation && !symbol { return .punctuation }
        return .symbol
    }
}

/// The coarse class of one Unicode scalar, as token classification sees it.
enum ScalarClass: UInt8, Sendable {
    case arabicLetter, latinLetter, otherLetter, digit, mark, format, punctuation, whitespace, symbol

    static func of(_ scalar: Unicode.Scalar) -> ScalarClass {
        let value = scalar.value
        // Fast answers for the common ranges.
        if value < 0x80 {
            switch value {
            case 0x30...0x39: return .digit
            case 0x41...0x5A, 0x61...0x7A: return .latinLetter
            case 0x09...0x0D, 0x20: return .whitespace
            default: break
            }
        }
        let properties = scalar.properties
        if properties.isWhitespace { return .whitespace }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            if isArabicScript(value) { return .arabicLetter }
            if isLatinScript(value) { return .latinLetter }
            return .otherLetter
        case .decimalNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .format: return .format
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .punctuation
        default: return .symbol
        }
    }

    /// Arabic script blocks: Arabic, Supplement, Extended-A/B/C, presentation forms.
    static func isArabicScript(_ value: UInt32) -> Bool {
        switch value {
        case 0x0600...0x06FF, 0x0750...0x077F, 0x0870...0x089F, 0x08A0...0x08FF,
            0xFB50...0xFDFF, 0xFE70...0xFEFF, 0x10EC0...0x10EFF, 0x1EE00...0x1EEFF:
            return true
        default: return false
        }
    }

    /// Latin script letters: Basic Latin through Latin Extended, IPA, Latin Extended Additional,
    /// fullwidth Latin.
    static func isLatinScript(_ value: UInt32) -> Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0x24F, 0x250...0x2AF, 0x1D00...0x1DBF,
            0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFB00...0xFB06,
            0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return true
        default: return false
        }
    }

    /// Whether two letters have the same Unicode Script property (ICU's `uscript_getScript`).
    static func sameScript(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        qicu_script(Int32(bitPattern: a.value)) == qicu_script(Int32(bitPattern: b.value))
    }

    /// Whether a scalar is invisible for the purpose of "a segment made only of white space":
    /// White_Space, or Default_Ignorable_Code_Point (bidi marks U+200E/U+200F, ZWJ/ZWNJ,
    /// soft hyphen, variation selectors).
    @inline(__always)
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        let properties = scalar.properties
        return properties.isWhitespace || properties.isDefaultIgnorableCodePoint
    }
}
