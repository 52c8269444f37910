/// The nine BIO tags of the tagger, as small integers: `O`, then `B-`/`I-` for each
/// ``EntityType`` in declaration order.
public struct BIOTag: Sendable, Hashable, CustomStringConvertible {
    /// The tag's index, 0 ..< ``BIOTag/count``.
    public let index: Int

    /// The number of tags.
    public static let count = 1 + 2 * EntityType.allCases.count
    /// The outside tag `O`.
    public static let outside = BIOTag(uncheckedIndex: 0)

    /// A tag by index; `nil` when out of range.
    public init?(index: Int) {
        guard (0..<Self.count).contains(index) else { return nil }
        self.index = index
    }

    private init(uncheckedIndex: Int) { index = uncheckedIndex }

    /// `B-type` (when `begin`) or `I-type`.
    public init(_ type: EntityType, begin: Bool) {
        let position = EntityType.allCases.firstIndex(of: type) ?? 0
        self.init(uncheckedIndex: 1 + 2 * position + (begin ? 0 : 1))
    }

    /// Parses `O`, `B-X`, `I-X` (X as in ``EntityType/init(label:)``); anything else is nil.
    public init?(string: some StringProtocol) {
        if string == "O" { self = .outside; return }
        guard string.count > 2, let dash = string.firstIndex(of: "-") else { return nil }
        let prefix = string[..<dash]
        guard prefix == "B" || prefix == "I", let type = EntityType(label: string[string.index(after: dash)...]) else { return nil }
        self.init(type, begin: prefix == "B")
    }

    /// The entity type, or nil for `O`.
    public var type: EntityType? {
        index == 0 ? nil : EntityType.allCases[(index - 1) / 2]
    }

    /// Whether this is a `B-` tag.
    public var isBegin: Bool { index > 0 && (index - 1) % 2 == 0 }

    /// Whether this is an `I-` tag.
    public var isInside: Bool { index > 0 && (index - 1) % 2 == 1 }

    /// Whether `self` may follow `previous` (`nil` = sentence start): an `I-X` only
    /// after `B-X` or `I-X`.
    public func mayFollow(_ previous: BIOTag?) -> Bool {
        guard isInside else { return true }
        guard let previous, previous.index != 0 else { return false }
        return previous.type == type
    }

    /// `O`, `B-PERS`, `I-LOC`, …
    public var description: String {
        guard let type else { return "O" }
        return (isBegin ? "B-" : "I-") + type.rawValue
    }

    /// All tags, by index.
    public static let all: [BIOTag] = (0..<count).map { BIOTag(uncheckedIndex: $0) }
}
