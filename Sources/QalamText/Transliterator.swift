import QalamLexicons

/// Converts text between Arabic script and a character-map scheme such as Buckwalter.
///
/// **Coverage.** The scheme's table (``TransliterationScheme``) lists the Arabic code
/// points it covers; ``transliterate(_:)`` replaces each of them by its ASCII symbol.
/// Every other character — Latin letters, digits, punctuation, Arabic punctuation such as
/// ، ؛ ؟, Arabic-Indic digits, emoji — passes through unchanged.
///
/// **Round trip.** With escaping on (the default), `reverse(transliterate(s)) == s` for
/// *every* string `s`, not only for Arabic text: a character of the input that is itself
/// a scheme symbol (a Latin `A`, `$`, `'` …) or the escape character `\` is written as
/// `\` followed by that character, and ``reverse(_:)`` turns `\x` back into `x`. On text
/// with no such characters (for instance Arabic-script text with Arabic punctuation and
/// digits) the output is exactly the conventional scheme output, with no escapes.
/// With escaping off, the output is the conventional scheme output for any input, and
/// the round trip is lossless only when the input contains no scheme symbol and no `\`.
///
/// Comparison is by Unicode scalar: the transliteration does not normalize (NFC) its
/// input, so the round trip preserves the exact scalars, composed or not.
public struct Transliterator: Sendable {
    /// The scheme in use.
    public let scheme: TransliterationScheme
    /// Whether scheme symbols and `\` already in the input are escaped (see the type doc).
    public let escaping: Bool
    /// The character table.
    public let table: TransliterationTable

    /// Loads the table of `scheme` from `Lexicons/translit/`.
    public init(scheme: TransliterationScheme, escaping: Bool = true) throws(LexiconError) {
        self.scheme = scheme
        self.escaping = escaping
        self.table = try TransliterationTable(scheme: scheme)
    }

    /// Creates a transliterator over an already loaded table.
    public init(scheme: TransliterationScheme, table: TransliterationTable, escaping: Bool = true) {
        self.scheme = scheme
        self.escaping = escaping
        self.table = table
    }

    /// Arabic script → scheme symbols (other characters pass through, escaped as needed).
    public func transliterate(_ text: some StringProtocol) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let symbol = table.symbol(for: scalar) {
                output.append(symbol)
                continue
            }
            if escaping, scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                if byte == TransliterationTable.escape || table.arabic(for: byte) != nil {
                    output.append(TransliterationTable.escape)
                }
                output.append(byte)
                continue
            }
            appendUTF8(scalar, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Scheme symbols → Arabic script. `\x` gives a literal `x` when escaping is on; other
    /// characters pass through unchanged.
    public func reverse(_ text: some StringProtocol) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 2)
        var escaped = false
        for scalar in text.unicodeScalars {
            if escaped {
                appendUTF8(scalar, to: &output)
                escaped = false
                continue
            }
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                if escaping, byte == TransliterationTable.escape {
                    escaped = true
                    continue
                }
                if let arabic = table.arabic(for: byte) {
                    appendUTF8(arabic, to: &output)
                    continue
                }
            }
            appendUTF8(scalar, to: &output)
        }
        // A lone trailing escape character stands for itself.
        if escaped { output.append(TransliterationTable.escape) }
        return String(decoding: output, as: UTF8.self)
    }

    @inline(__always)
    private func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (value >> 6)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (value >> 12)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (value >> 18)))
            output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        }
    }
}
