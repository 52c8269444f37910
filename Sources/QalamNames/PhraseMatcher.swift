import QalamText

/// Finds multi-word gazetteer entries («الأمم المتحدة», «رأس الخيمة», «الرئيس التنفيذي»)
/// in a sentence: the longest entry starting at each token, left to right, matched on
/// folded words; the first word may also carry clitics («بالأمم المتحدة»), through its stem.
///
/// Works on the short word keys the tagger already holds (``WordKeys``), so matching
/// builds no strings.
public struct PhraseMatcher: Sendable {
    /// What a matched span is, and where.
    public struct Match: Sendable, Equatable {
        /// Token positions of the span.
        public var range: Range<Int>
        /// What the entry is listed as.
        public var membership: NameGazetteer.Membership
    }

    /// Entries by the combined key of their words.
    private var entries = HashKeyTable<NameGazetteer.Membership>()
    /// Keys (word or stem) that start some entry, as a bit filter indexed by the key's
    /// low bits (a set look-up per token would cost a hash; false positives only cost
    /// the look-ups that follow).
    private var starts = [UInt64](repeating: 0, count: PhraseMatcher.filterWords)
    private static let filterWords = 1 << 12

    @inline(__always)
    private func mayStart(_ key: UInt32) -> Bool {
        let bit = Int(key & UInt32(Self.filterWords * 64 - 1))
        return starts[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }
    /// Longest entry, in words.
    public private(set) var longest = 0
    /// Whether a first word with clitics matches through its stem.
    public private(set) var matchesStems = true

    /// Entries longer than this many words are left out.
    public static let maximumWords = 4

    /// A matcher for the multi-word entries of `gazetteer`; `segmenter` gives each entry's
    /// first-word stem.
    public init(gazetteer: NameGazetteer, segmenter: CliticSegmenter) {
        for (words, membership) in gazetteer.phrases where (2...Self.maximumWords).contains(words.count) {
            let keys = words.map { NERFeatureExtractor.key(NERFeatureExtractor.foldedScalars($0)) }
            let stem = NERFeatureExtractor.key(NERFeatureExtractor.foldedScalars(segmenter.stem(of: words[0])))
            insert(keys, membership: membership)
            if stem != keys[0] { insert([stem] + keys.dropFirst(), membership: membership) }
        }
    }

    /// A matcher for `phrases` (each given as its words), all listed as `membership`,
    /// matched on the folded words as written only: a first word with clitics does not
    /// match through its stem (for names, «عليه» is not «علي» nor «الملك» «ملك»).
    public init(phrases: some Sequence<[Substring]>, membership: NameGazetteer.Membership) {
        self.init(phraseKeys: phrases.lazy.map { $0.map { NERFeatureExtractor.key(NERFeatureExtractor.foldedScalars($0)) } }, membership: membership)
    }

    /// ``init(phrases:membership:)`` from each phrase's word keys
    /// (``NERFeatureExtractor/key(_:)`` of the folded scalars).
    init(phraseKeys: some Sequence<[UInt32]>, membership: NameGazetteer.Membership, expectedCount: Int = 8) {
        matchesStems = false
        entries = HashKeyTable(minimumCapacity: expectedCount)
        for keys in phraseKeys where (2...Self.maximumWords).contains(keys.count) {
            insert(keys, membership: membership)
        }
    }

    /// Adds the entry whose words have the short keys `keys`.
    mutating func insert(_ keys: [UInt32], membership: NameGazetteer.Membership) {
        guard let first = keys.first else { return }
        var combined = Self.seed(first)
        for key in keys.dropFirst() { combined = Self.combine(combined, key) }
        entries.modify(combined, default: []) { $0.formUnion(membership) }
        let bit = Int(first & UInt32(Self.filterWords * 64 - 1))
        starts[bit >> 6] |= 1 << UInt64(bit & 63)
        longest = max(longest, keys.count)
    }

    /// An empty matcher.
    public init() {}

    /// Whether the matcher has no entries.
    public var isEmpty: Bool { entries.isEmpty }

    @inline(__always)
    private static func seed(_ key: UInt32) -> UInt64 { (0xcbf2_9ce4_8422_2325 ^ UInt64(key)) &* 0x0000_0100_0000_01B3 }

    @inline(__always)
    private static func combine(_ hash: UInt64, _ key: UInt32) -> UInt64 {
        ((hash ^ UInt64(key)) &* 0x0000_0100_0000_01B3) ^ (hash >> 29)
    }

    /// The longest entry that starts with `start` (the key of the word at `position`)
    /// and goes on with the following words.
    @inline(__always)
    private func longestMatch(from start: UInt32, at position: Int, count: Int, keys: (Int) -> WordKeys) -> Match? {
        var found: Match?
        var hash = Self.seed(start)
        var length = 1
        while length < longest, position + length < count {
            hash = Self.combine(hash, keys(position + length).word)
            length += 1
            if let membership = entries[hash] { found = Match(range: position..<(position + length), membership: membership) }
        }
        return found
    }

    /// The matches in a sentence given each token's keys, left to right, not overlapping.
    public func matches(count: Int, keys: (Int) -> WordKeys) -> [Match] {
        guard !entries.isEmpty, count > 1 else { return [] }
        var result: [Match] = []
        var position = 0
        while position < count - 1 {
            let first = keys(position)
            var found = mayStart(first.word) ? longestMatch(from: first.word, at: position, count: count, keys: keys) : nil
            if found == nil, matchesStems, first.stem != first.word, mayStart(first.stem) {
                found = longestMatch(from: first.stem, at: position, count: count, keys: keys)
            }
            if let found {
                result.append(found)
                position = found.range.upperBound
            } else {
                position += 1
            }
        }
        return result
    }
}
