/// What a mention found by ``MentionChunker`` is.
enum MentionKind: Sendable, Equatable {
    /// A person's name.
    case person
    /// A role chunk («نائب رئيس الأبحاث»).
    case role
    /// An organization («شركة توشيبا», «OpenAI»).
    case organization
    /// An anaphoric organization noun («الشركة», «المجموعة»): the document's main organization.
    case organizationReference
}

/// A span of tokens the event grammar works with: a name, a role, an organization.
struct Mention: Sendable {
    var kind: MentionKind
    /// Token index range in the document.
    var tokens: Range<Int>
    /// UTF-8 byte range of the text (a leading clitic such as «لـ» or «ك» cut off).
    var bytes: Range<Int>
    /// Canonical form: English role title, organization name without its keyword.
    var canonical: String?
    /// Folded words of a name (no clitic), or role keys of a role.
    var keys: [String]
    /// Whether a preposition stands right before a name (then it is not a subject).
    var afterPreposition = false
    /// Whether a name is well attested: two words or more, a known given name, after a
    /// title or a role, or a repeat of a full name.
    var isStrong = false
}

/// All mentions of a document, and which mention each token belongs to.
struct MentionMap: Sendable {
    private(set) var mentions: [Mention] = []
    private var labels: [Int32]

    init(tokenCount: Int) { labels = Array(repeating: -1, count: tokenCount) }

    /// The mention covering token `index`.
    func mentionIndex(at index: Int) -> Int? {
        let label = labels[index]
        return label < 0 ? nil : Int(label)
    }

    /// Whether token `index` belongs to some mention.
    func isLabeled(_ index: Int) -> Bool { labels[index] >= 0 }

    /// Adds a mention and labels its tokens.
    @discardableResult
    mutating func add(_ mention: Mention) -> Int {
        let index = mentions.count
        mentions.append(mention)
        for token in mention.tokens { labels[token] = Int32(index) }
        return index
    }

    subscript(index: Int) -> Mention { mentions[index] }
}
