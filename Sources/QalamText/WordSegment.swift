/// One piece of a word cut by ``CliticSegmenter``: a proclitic, the stem or an enclitic.
public struct WordSegment: Sendable, Hashable {
    /// What a segment is within its word.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// A clitic written before the stem: و ف ب ل ك س or the article ال.
        case proclitic
        /// The word itself once its clitics are taken off.
        case stem
        /// A pronoun written after the stem: ه ها هم هما هن ك كم كن ي ني نا.
        case enclitic
    }

    /// The segment's role.
    public var role: Role
    /// The segment's UTF-8 byte range, relative to the start of the word that was
    /// segmented. Diacritics stay with the letter they follow; a tatweel after a
    /// proclitic («لـ») belongs to the proclitic.
    public var range: Range<Int>
    /// The clitic in its dictionary form («ال» for the article, also when written «ل»
    /// after ل as in «للشركة»); for the stem, the empty string.
    public var form: String

    /// Creates a segment.
    public init(role: Role, range: Range<Int>, form: String) {
        self.role = role
        self.range = range
        self.form = form
    }
}
