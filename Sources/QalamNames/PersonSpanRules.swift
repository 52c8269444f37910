import QalamLexicons
import QalamText

/// Sentence-level person rules that both tagging paths (``EntityTagger/entities(in:)`` and
/// ``EntityTagger/tags(forSentences:)``) run on the decoded tags, after the label
/// consistency step:
/// 1. a listed full person name (`names/person-full-names.txt`, two to four words, matched
///    whole) whose words are tagged `O` or as a person is tagged as one person («عبد الفتاح
///    …» written as a listed pair): the list is too ambiguous word by word, but a whole pair
///    of names is rarely anything else;
/// 2. a family name formed as a nisba with the article («الخطابي», «الشربيني») right after a
///    person is part of the name, when the word is rare as a stem (common nisbas such as
///    «المصري», «التركي» are adjectives of origin just as often) and the person can take a
///    family name: two words or more, or a listed given name (since the tenth round; after a
///    lone surname or foreign name a nisba is an adjective: «خاتمي الإصلاحي»);
/// 3. a person does not start with the preposition «على» written with alef maqsura (the
///    name is «علي»; the folding the features use cannot tell them apart): the word leaves
///    the span (on the ANERcorp train split it opens no person in 1,445 uses).
///
/// Chosen on 4-fold cross-validation of the ANERcorp train split (the tags the CV models
/// gave, rules applied after them): PERS F1 0.7647 → 0.7722 (rules 1–2, up in every fold)
/// → 0.7738 (rule 3), micro 0.7612 → 0.7636 → 0.7642.
struct PersonSpanRules: Sendable {
    /// The listed full names (empty when not loaded).
    let fullNames: PhraseMatcher
    /// Stem counts, to tell a rare nisba family name from a common adjective.
    let stems: StemLexicon

    /// The list's path, relative to `Lexicons/`.
    static let fullNamesPath = "names/person-full-names.txt"

    /// A nisba after a person is taken in when its stem (without the article) is counted
    /// fewer times than this in the segmenter's stem lexicon.
    static let rareNisba = 100
    /// A nisba word has at least this many folded letters, article included.
    static let shortestNisba = 6

    /// Loads `names/person-full-names.txt`; a missing, empty or malformed file is a
    /// ``QalamLexicons/LexiconError``. (57k names, decoded straight from the bytes, so that
    /// loading takes milliseconds.)
    static func shippedFullNames() throws(LexiconError) -> PhraseMatcher {
        try fullNames(from: [UInt8](try LexiconStore.data(fullNamesPath)), path: fullNamesPath)
    }

    /// The full names of a file in the format of `names/person-full-names.txt` (one name of
    /// two to four words per line, `#` comments), read from `bytes`; errors name `path`.
    static func fullNames(from bytes: [UInt8], path: String) throws(LexiconError) -> PhraseMatcher {
        // About 24 bytes a line: room for all names without growing the table.
        var matcher = PhraseMatcher(phraseKeys: [], membership: .givenName, expectedCount: bytes.count / 20)
        var scalars: [UInt32] = []
        var keys: [UInt32] = []
        var names = 0
        try LexiconByteLines.forEach(in: bytes, path: path) { (lineNumber, range) throws(LexiconError) in
            keys.removeAll(keepingCapacity: true)
            var index = range.lowerBound
            while index <= range.upperBound {
                let byte = index < range.upperBound ? bytes[index] : 0x20
                if byte == 0x20 || byte == 0x0D {
                    if !scalars.isEmpty { keys.append(NERFeatureExtractor.key(scalars)) }
                    scalars.removeAll(keepingCapacity: true)
                    index += 1
                    continue
                }
                guard let (scalar, width) = Self.decodeScalar(bytes, at: index, end: range.upperBound) else {
                    throw LexiconError(path: path, reason: "line \(lineNumber): invalid UTF-8 at byte \(index - range.lowerBound + 1)")
                }
                if let folded = ArabicFolding.fold(scalar) {
                    let value = folded.value
                    scalars.append((0x41...0x5A).contains(value) ? value + 0x20 : value)
                }
                index += width
            }
            guard (2...PhraseMatcher.maximumWords).contains(keys.count) else {
                throw LexiconError(path: path, reason: "line \(lineNumber): a full name has 2 to \(PhraseMatcher.maximumWords) words, not \(keys.count)")
            }
            matcher.insert(keys, membership: .givenName)
            names += 1
        }
        guard names > 0 else { throw LexiconError(path: path, reason: "no names") }
        return matcher
    }

    /// The scalar whose UTF-8 encoding starts at `bytes[index]` and its width, or nil for
    /// an invalid or truncated sequence.
    private static func decodeScalar(_ bytes: [UInt8], at index: Int, end: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        let width = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
        guard width > 0, index + width <= end else { return nil }
        var value = width == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> UInt32(width))
        for offset in 1..<max(width, 1) where width > 1 {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, width)
    }

    /// Applies the rules to one sentence's tags. `keys[i]`: token `i`'s short keys;
    /// `word(i)`: its text.
    func apply(to tags: inout [BIOTag], keys: [WordKeys], word: (Int) -> Substring) {
        guard tags.count > 1 else { return }
        let begin = BIOTag(.person, begin: true), inside = BIOTag(.person, begin: false)
        // 1. Listed full names.
        for match in fullNames.matches(count: tags.count, keys: { keys[$0] })
        where match.range.allSatisfy({ tags[$0] == .outside || tags[$0].type == .person }) {
            if tags[match.range.lowerBound].type != .person { tags[match.range.lowerBound] = begin }
            for position in match.range.dropFirst() { tags[position] = inside }
        }
        // 2. A rare nisba family name right after a person whose name it can end: a name of
        // two words or more, or one that starts with a listed given name.
        for position in tags.indices.dropFirst()
        where tags[position] == .outside && tags[position - 1].type == .person && isRareNisba(word(position))
            && Self.canTakeFamilyName(tags: tags, keys: keys, before: position) {
            tags[position] = inside
        }
        // 3. The preposition «على» opens no person.
        for position in tags.indices where tags[position] == begin && Self.isPrepositionAla(word(position)) {
            tags[position] = .outside
            if position + 1 < tags.count, tags[position + 1] == inside { tags[position + 1] = begin }
        }
    }

    /// Whether the person span that ends right before `position` can take a family name: it
    /// has two words or more, or its one word is a listed given name. After a lone surname
    /// or foreign name a nisba is an adjective more often than a name («خاتمي الإصلاحي»).
    static func canTakeFamilyName(tags: [BIOTag], keys: [WordKeys], before position: Int) -> Bool {
        guard position >= 1 else { return false }
        if position >= 2, tags[position - 1] == BIOTag(.person, begin: false) { return true }
        let given = UInt32(NameGazetteer.Membership.givenName.rawValue)
        return keys[position - 1].personFlags & given != 0
    }

    /// «على» and «وعلى» as written (alef maqsura).
    static let prepositionAla: Set<Substring> = ["\u{639}\u{644}\u{649}", "\u{648}\u{639}\u{644}\u{649}"]

    /// Whether `word` is in ``prepositionAla``, compared as UTF-8 bytes (no other text is
    /// canonically equivalent to these letters, which have no decompositions; hashing a
    /// `Substring` for the set normalizes it first).
    static func isPrepositionAla(_ word: Substring) -> Bool {
        let utf8 = word.utf8
        switch utf8.count {
        case 6: return utf8.elementsEqual([0xD8, 0xB9, 0xD9, 0x84, 0xD9, 0x89])
        case 8: return utf8.elementsEqual([0xD9, 0x88, 0xD8, 0xB9, 0xD9, 0x84, 0xD9, 0x89])
        default: return false
        }
    }

    /// Whether `word` is an Arabic word of the form ال…ي whose stem is rare.
    private func isRareNisba(_ word: Substring) -> Bool {
        // The folded form first: it rules out most words, and the script check is dearer.
        let folded = ArabicFolding.fold(word)
        guard folded.hasPrefix("ال"), folded.hasSuffix("ي"), folded.unicodeScalars.count >= Self.shortestNisba else { return false }
        guard TokenKind.classify(word.unicodeScalars) == .arabicWord else { return false }
        return stems.count(ArabicFolding.foldedHash(folded.dropFirst(2))) < Self.rareNisba
    }
}
