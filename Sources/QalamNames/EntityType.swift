/// The kinds of named entity the tagger finds (the ANERcorp scheme).
public enum EntityType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A person («ماريا بيرتي»).
    case person = "PERS"
    /// An organization: company, ministry, party, team («OpenAI», «وزارة الصحة»).
    case organization = "ORG"
    /// A place: country, city, region («ألبانيا», «فرانكفورت»).
    case location = "LOC"
    /// Other names: nationalities, events, products, works.
    case misc = "MISC"

    /// The tag suffix used in BIO tags, such as `PERS`.
    public var description: String { rawValue }

    /// The type of a tag suffix; `PER` (AQMAR) is read as ``person``.
    public init?(label: some StringProtocol) {
        switch label {
        case "PERS", "PER": self = .person
        case "ORG": self = .organization
        case "LOC": self = .location
        case "MISC": self = .misc
        default: return nil
        }
    }
}
