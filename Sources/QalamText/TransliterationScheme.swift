/// The character-map transliteration schemes Qalam ships (tables in `Lexicons/translit/`).
///
/// Each scheme maps the Arabic letters, hamza forms, harakat, tatweel, dagger alef, alef
/// wasla and the four extended letters پ چ ڤ گ one-to-one onto printable ASCII symbols.
/// See ``Transliterator`` for the round-trip guarantee and the escape policy.
public enum TransliterationScheme: String, Sendable, CaseIterable {
    /// Tim Buckwalter's scheme (`'|>&<}A b p t v j H x d * r z s $ …`).
    case buckwalter
    /// Safe Buckwalter: only ASCII letters, `_` and `~` (no shell, regex or XML specials).
    case safeBuckwalter
    /// XML Buckwalter: Buckwalter with `>` `<` `&` replaced by `O` `I` `W`.
    case xmlBuckwalter

    /// The table's path relative to the `Lexicons/` folder.
    public var lexiconPath: String {
        switch self {
        case .buckwalter: "translit/buckwalter.tsv"
        case .safeBuckwalter: "translit/safe-buckwalter.tsv"
        case .xmlBuckwalter: "translit/xml-buckwalter.tsv"
        }
    }
}
