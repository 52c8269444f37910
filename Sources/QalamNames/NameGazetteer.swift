import QalamLexicons
import QalamText

/// Word lists the tagger consults: person names, places, organization words, role nouns
/// and person-context triggers, each keyed by the ``QalamText/ArabicFolding`` hash of a
/// word (Latin words lower-cased), so a look-up builds no string.
public struct NameGazetteer: Sendable {
    /// What a word can be, as bit flags.
    public struct Membership: OptionSet, Sendable, Hashable {
        /// The raw bits.
        public let rawValue: UInt16
        /// Creates a membership from bits.
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        /// A given name (Arabic or foreign, in Arabic script).
        public static let givenName = Membership(rawValue: 1 << 0)
        /// A family name (Arabic script).
        public static let surname = Membership(rawValue: 1 << 1)
        /// An Arabic-script form of a foreign name.
        public static let foreignName = Membership(rawValue: 1 << 2)
        /// A Latin-script given name.
        public static let latinGiven = Membership(rawValue: 1 << 3)
        /// A Latin-script surname.
        public static let latinSurname = Membership(rawValue: 1 << 4)
        /// A place, or the first word of a multi-word place.
        public static let place = Membership(rawValue: 1 << 5)
        /// A word that starts an organization name (شركة, وزارة, …).
        public static let organizationHead = Membership(rawValue: 1 << 6)
        /// A company suffix (المحدودة, Inc, …).
        public static let organizationSuffix = Membership(rawValue: 1 << 7)
        /// A role or title noun, or the first word of one.
        public static let role = Membership(rawValue: 1 << 8)
        /// A word that often comes right before a person name (قال, السيد, …).
        public static let personTrigger = Membership(rawValue: 1 << 9)
        /// A well-known organization written as one word (companies, clubs, parties).
        public static let organizationName = Membership(rawValue: 1 << 10)
        /// A country or territory (`gazetteers/world-places.txt`).
        public static let country = Membership(rawValue: 1 << 11)
        /// A city of 100,000+ people (`gazetteers/world-places.txt`).
        public static let city = Membership(rawValue: 1 << 12)
        /// A town of 15,000+ people (`gazetteers/world-places.txt`).
        public static let town = Membership(rawValue: 1 << 13)
        /// The three kinds of `gazetteers/world-places.txt`.
        public static let worldPlaces: Membership = [.country, .city, .town]
    }

    private var table = HashKeyTable<Membership>(minimumCapacity: 1024)
    /// Entries of two or more words, as written, with what they are (see
    /// ``PhraseMatcher``).
    public private(set) var phrases: [(words: [Substring], membership: Membership)] = []

    /// Multi-word organization names, matched whole only.
    public static let organizationNamesPath = "gazetteers/organization-names.txt"

    /// The world-places file: column 2 is country, city or town.
    public static let worldPlacesPath = "gazetteers/world-places.txt"

    /// The lexicon files read, relative to `Lexicons/`, with what their entries are.
    public static let files: [(path: String, membership: Membership)] = [
        ("names/arabic-given.txt", .givenName), ("names/common-names.txt", .givenName),
        ("names/latin-given-arabic.txt", .givenName),
        ("names/arabic-surnames.txt", .surname), ("names/foreign-arabic.txt", .foreignName),
        ("names/latin-given.txt", .latinGiven), ("names/latin-surnames.txt", .latinSurname),
        ("gazetteers/places.txt", .place), ("gazetteers/roles.txt", .role),
        ("gazetteers/person-triggers.txt", .personTrigger),
    ]

    /// An empty gazetteer (every look-up answers "nothing").
    public init() {}

    /// Loads the shipped lists; a missing, unreadable or empty file is a
    /// ``QalamLexicons/LexiconError``.
    public static func shipped() throws(LexiconError) -> NameGazetteer {
        var gazetteer = NameGazetteer()
        for (path, membership) in files {
            try LexiconRows.forEach(path) { (fields, _) throws(LexiconError) in
                gazetteer.add(fields[0], as: membership)
            }
        }
        let organizations = "gazetteers/organizations.txt"
        try LexiconRows.forEach(organizations, columns: 2) { (row, line) throws(LexiconError) in
            let kinds: [Substring: Membership] = ["head": .organizationHead, "suffix": .organizationSuffix, "name": .organizationName]
            guard let kind = kinds[row[1]] else {
                throw LexiconError(path: organizations, reason: "line \(line): kind must be head, suffix or name, not \(row[1])")
            }
            gazetteer.add(row[0], as: kind)
        }
        try LexiconRows.forEach(organizationNamesPath) { (row, _) throws(LexiconError) in
            gazetteer.add(row[0], as: .organizationName, firstWordOfPhrase: false)
        }
        let worldPlaces = worldPlacesPath
        try LexiconRows.forEach(worldPlaces, columns: 2) { (row, line) throws(LexiconError) in
            let kinds: [Substring: Membership] = ["country": .country, "city": .city, "town": .town]
            guard let kind = kinds[row[1]] else {
                throw LexiconError(path: worldPlaces, reason: "line \(line): kind must be country, city or town, not \(row[1])")
            }
            gazetteer.add(row[0], as: kind, firstWordOfPhrase: false)
        }
        return gazetteer
    }

    /// Adds an entry. A multi-word entry is also kept whole (``phrases``); its first
    /// word is listed alone too unless `firstWordOfPhrase` is false.
    public mutating func add(_ entry: some StringProtocol, as membership: Membership, firstWordOfPhrase: Bool = true) {
        let words = entry.split(separator: " ").map { Substring($0) }
        guard let first = words.first else { return }
        if words.count > 1 { phrases.append((words, membership)) }
        if words.count == 1 || firstWordOfPhrase { table.modify(Self.key(first), default: []) { $0.formUnion(membership) } }
    }

    /// What `word` is listed as.
    public func membership(of word: some StringProtocol) -> Membership {
        table[Self.key(word)] ?? []
    }

    /// ``membership(of:)`` of a substring (the tagger's words), without a `String`.
    public func membership(of word: Substring) -> Membership {
        table[Self.key(word)] ?? []
    }

    /// The lists holding the word whose ``key(_:)-(Substring)`` is `key` (the FNV hash of its
    /// folded, lower-cased scalars: ``ArabicFolding/hash(_:)`` of the tagger's folded letters).
    func membership(forKey key: UInt64) -> Membership {
        table[key] ?? []
    }

    /// The look-up key of a word: folded Arabic letters, Latin letters lower-cased.
    public static func key(_ word: some StringProtocol) -> UInt64 {
        key(scalars: word.unicodeScalars)
    }

    /// ``key(_:)`` of a substring, read from its UTF-8 bytes.
    public static func key(_ word: Substring) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        UTF8ScalarReader.forEach(in: word) { scalar, _, _ in
            if let value = keyValue(scalar) { hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3 }
            return true
        }
        return hash
    }

    /// What one scalar adds to a key: its folded form, Latin capitals lower-cased; `nil`
    /// for a scalar folding drops.
    @inline(__always)
    private static func keyValue(_ scalar: Unicode.Scalar) -> UInt32? {
        guard let folded = ArabicFolding.fold(scalar) else { return nil }
        return (0x41...0x5A).contains(folded.value) ? folded.value + 0x20 : folded.value
    }

    /// ``key(_:)`` of the word made of `scalars`.
    static func key(scalars: some Sequence<Unicode.Scalar>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in scalars {
            if let value = keyValue(scalar) { hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3 }
        }
        return hash
    }
}
