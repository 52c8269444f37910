import QalamLexicons

/// A one-to-one map between Arabic-block code points and ASCII symbols, read from a
/// scheme table in `Lexicons/translit/` (`HEX-CODE-POINT <TAB> SYMBOL [<TAB> name]`).
///
/// Loading checks that the map is a bijection onto printable ASCII other than the escape
/// character `\`; any violation is a ``LexiconError`` naming the line.
public struct TransliterationTable: Sendable {
    /// The escape character: in escaped output, `\x` stands for the literal character `x`.
    public static let escape: UInt8 = 0x5C

    /// Arabic code point → ASCII symbol (0 when the code point is not in the scheme),
    /// indexed by `codePoint - 0x0600` for U+0600 … U+06FF.
    let symbolForArabic: [UInt8]
    /// ASCII symbol → Arabic code point (0 when the byte is not a scheme symbol).
    let arabicForSymbol: [UInt32]

    /// The (Arabic code point, ASCII symbol) pairs of the scheme, in table order.
    public let pairs: [(arabic: Unicode.Scalar, symbol: Character)]

    /// Reads and checks the table of `scheme`.
    public init(scheme: TransliterationScheme) throws(LexiconError) {
        try self.init(path: scheme.lexiconPath, lines: LexiconStore.dataLines(scheme.lexiconPath))
    }

    /// Builds a table from data lines (for tests and custom schemes); `path` names the
    /// source in errors.
    public init(path: String, lines: [(line: Int, text: Substring)]) throws(LexiconError) {
        var forward = [UInt8](repeating: 0, count: 256)
        var backward = [UInt32](repeating: 0, count: 128)
        var pairs: [(arabic: Unicode.Scalar, symbol: Character)] = []
        for (line, text) in lines {
            let fields = text.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else {
                throw LexiconError(path: path, reason: "line \(line): expected CODE-POINT<TAB>SYMBOL")
            }
            guard let value = UInt32(fields[0], radix: 16), (0x0600...0x06FF).contains(value),
                  let scalar = Unicode.Scalar(value) else {
                throw LexiconError(path: path, reason: "line \(line): '\(fields[0])' is not a code point in U+0600…U+06FF")
            }
            let symbolBytes = Array(fields[1].utf8)
            guard symbolBytes.count == 1, let symbol = symbolBytes.first, symbol > 0x20, symbol < 0x7F,
                  symbol != Self.escape else {
                throw LexiconError(path: path, reason: "line \(line): symbol '\(fields[1])' is not one printable ASCII character other than '\\'")
            }
            let index = Int(value - 0x0600)
            guard forward[index] == 0 else {
                throw LexiconError(path: path, reason: "line \(line): U+\(fields[0]) is mapped twice")
            }
            guard backward[Int(symbol)] == 0 else {
                throw LexiconError(path: path, reason: "line \(line): symbol '\(fields[1])' is used twice")
            }
            forward[index] = symbol
            backward[Int(symbol)] = value
            pairs.append((scalar, Character(Unicode.Scalar(symbol))))
        }
        guard !pairs.isEmpty else { throw LexiconError(path: path, reason: "table is empty") }
        symbolForArabic = forward
        arabicForSymbol = backward
        self.pairs = pairs
    }

    /// The ASCII symbol of an Arabic code point, or nil when the scheme does not cover it.
    @inline(__always)
    public func symbol(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        guard value >= 0x0600, value <= 0x06FF else { return nil }
        let symbol = symbolForArabic[Int(value - 0x0600)]
        return symbol == 0 ? nil : symbol
    }

    /// The Arabic code point an ASCII byte stands for, or nil when it is not a symbol.
    @inline(__always)
    public func arabic(for byte: UInt8) -> Unicode.Scalar? {
        guard byte < 0x80 else { return nil }
        let value = arabicForSymbol[Int(byte)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }
}
