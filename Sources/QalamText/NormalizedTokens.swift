extension Normalizer {
    /// The normalized form of every token of `document`, in token order (for lexicon
    /// lookups: «الشركة» and «الشركه» both become «الشركه» under ``Preset/search``).
    /// A token may normalize to the empty string (a lone tatweel or bidi mark).
    public func normalizedTokens(of document: Document) throws -> [String] {
        var result: [String] = []
        result.reserveCapacity(document.tokens.count)
        for token in document.tokens {
            result.append(try normalizedString(document.text(of: token)))
        }
        return result
    }
}
