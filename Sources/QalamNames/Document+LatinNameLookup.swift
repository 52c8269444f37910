import QalamText

extension Document {
    /// Where the Latin-script `name` (such as "Sundar Pichai") occurs in this document's
    /// Arabic text, in text order; see ``LatinNameMatcher`` for how spellings are matched.
    public func occurrences(ofLatinName name: String, using matcher: LatinNameMatcher) -> [NameMatch] {
        matcher.matches(of: name, in: self)
    }
}
