import QalamText

/// One Arabic-script spelling proposed for a Latin name.
public struct ArabicSpelling: Sendable, Hashable {
    /// The spelling in Arabic script.
    public let arabic: String
    /// A log10 probability-like score, higher is better (comparable within one name).
    public let score: Double
}

/// Where a Latin name was found in a document.
public struct NameMatch: Sendable, Hashable {
    /// The matched tokens, as indices into `document.tokens`.
    public let tokenRange: Range<Int>
    /// UTF-8 byte offset of the start of the match in the document text.
    public let start: Int
    /// UTF-8 byte offset of the end of the match (exclusive).
    public let end: Int
    /// The matched text.
    public let text: String
}

/// Latin → Arabic name lookup: "Sundar Pichai" → «سوندار بيتشاي» and where that name
/// occurs in a ``Document``.
///
/// Arabic spellings are generated with the romanizer's graphone model read in the other
/// direction (a beam search over the Latin letters). Matching in a document is
/// vowel-tolerant: each Arabic word is reduced to a key (alef forms, ة/ه, ى/ي folded;
/// long vowels ا و ي inside the word and hamza dropped; doubled letters collapsed) and
/// compared with the keys of the generated spellings (keys of at least three letters
/// only: shorter ones are too ambiguous), or its spelling equals a generated one up to
/// alef/ة/ى forms; as a further route a token matches
/// when one of the forward romanizer's top candidates equals the Latin word.
/// A leading clitic و ف ب ل ك or the article ال on the first word is tolerated.
public struct LatinNameMatcher: Sendable {
    /// The romanizer whose model is used in both directions.
    public let romanizer: NameRomanizer
    /// Arabic spellings generated per Latin word.
    public var spellingsPerWord = 8
    /// Beam width of the Latin → Arabic search.
    public var beamWidth = 24

    /// Loads the shipped model.
    public init() throws {
        romanizer = try NameRomanizer()
    }

    /// Shares an existing romanizer (and its model).
    public init(romanizer: NameRomanizer) {
        self.romanizer = romanizer
    }

    /// Up to `top` Arabic spellings of a Latin name (one or more words; a hyphen separates
    /// words too), best first.
    public func arabicSpellings(of latin: String, top: Int = 5) -> [ArabicSpelling] {
        guard top > 0 else { return [] }
        var combined = [ArabicSpelling(arabic: "", score: 0)]
        for word in latin.split(whereSeparator: { $0.isWhitespace || $0 == "-" }) {
            let options = spellings(ofWord: word, top: max(top, spellingsPerWord))
            if options.isEmpty { continue }
            var next: [ArabicSpelling] = []
            for prefix in combined {
                for option in options.prefix(top) {
                    next.append(ArabicSpelling(arabic: prefix.arabic.isEmpty ? option.arabic : prefix.arabic + " " + option.arabic,
                                               score: prefix.score + option.score))
                }
            }
            next.sort { $0.score > $1.score || ($0.score == $1.score && $0.arabic < $1.arabic) }
            combined = Array(next.prefix(top))
        }
        if combined.count == 1 && combined[0].arabic.isEmpty { return [] }
        return Array(combined.prefix(top))
    }

    /// Every occurrence of the Latin `name` in `document`, in text order.
    public func matches(of name: String, in document: Document) -> [NameMatch] {
        let words = name.split(whereSeparator: { $0.isWhitespace || $0 == "-" })
        guard !words.isEmpty else { return [] }
        var wordKeys: [Set<[UInt32]>] = []
        var wordSpellings: [Set<[UInt32]>] = []
        for word in words {
            let options = spellings(ofWord: word, top: spellingsPerWord)
            wordKeys.append(Set(options.map { ArabicNameFolding.matchKey($0.arabic) }))
            wordSpellings.append(Set(options.map { ArabicNameFolding.spellingKey($0.arabic) }))
        }
        let lowered = words.map { $0.lowercased() }
        let tokens = document.tokens
        var found: [NameMatch] = []
        var index = 0
        while index + words.count <= tokens.count {
            var matched = true
            for offset in 0..<words.count {
                let text = document.text(of: tokens[index + offset])
                if !tokenMatches(text, keys: wordKeys[offset], spellings: wordSpellings[offset], latin: lowered[offset],
                                 first: offset == 0) {
                    matched = false
                    break
                }
            }
            if matched {
                let start = tokens[index].start
                let end = tokens[index + words.count - 1].end
                found.append(NameMatch(tokenRange: index..<(index + words.count), start: start, end: end,
                                       text: String(document.text(of: start..<end))))
                index += words.count
            } else {
                index += 1
            }
        }
        return found
    }

    private func tokenMatches(_ token: Substring, keys: Set<[UInt32]>, spellings: Set<[UInt32]>, latin: String,
                              first: Bool) -> Bool {
        guard let firstScalar = token.unicodeScalars.first, (0x0600...0x06FF).contains(firstScalar.value) else {
            return token.lowercased() == latin
        }
        var forms: [Substring] = [token]
        if first {
            let scalars = token.unicodeScalars
            if scalars.count > 3, let lead = scalars.first, "وفبلك".unicodeScalars.contains(lead) {
                forms.append(Substring(scalars.dropFirst()))
            }
            for form in forms where form.hasPrefix("ال") && form.unicodeScalars.count > 4 {
                forms.append(form.dropFirst(2))
            }
        }
        for form in forms {
            // Keys of one or two consonants are too ambiguous to decide alone.
            let key = ArabicNameFolding.matchKey(form)
            if key.count >= 3, keys.contains(key) { return true }
            if spellings.contains(ArabicNameFolding.spellingKey(form)) { return true }
            if romanizer.romanize(String(form), top: 5).contains(where: { $0.latin.lowercased() == latin }) { return true }
        }
        return false
    }

    /// Arabic spellings of one Latin word, best first.
    func spellings(ofWord word: Substring, top: Int) -> [ArabicSpelling] {
        let letters = Array(word.lowercased().utf8)
        guard !letters.isEmpty, letters.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "-") }) else {
            return []
        }
        var decoder = ReverseBeamDecoder(model: romanizer.model, beamWidth: beamWidth)
        var merged: [String: Double] = [:]
        for (arabic, score) in decoder.decode(letters) { merged[arabic] = logSumExp10(merged[arabic], score) }
        var ranked = merged.map { ArabicSpelling(arabic: $0.key, score: $0.value) }
            .sorted { $0.score > $1.score || ($0.score == $1.score && $0.arabic < $1.arabic) }
        // A usual spelling of a listed Arabic name ("Mohammed") gets that name first.
        if let listed = romanizer.spellings?.arabicNames(spelledAs: word), !listed.isEmpty {
            let best = ranked.first?.score ?? 0
            let table = listed.enumerated().map { ArabicSpelling(arabic: $0.element, score: best + 1.0 - 0.25 * Double($0.offset)) }
            let floor = (table.last?.score ?? best) - 0.01
            ranked = table + ranked.filter { !listed.contains($0.arabic) }.map { ArabicSpelling(arabic: $0.arabic, score: min($0.score, floor)) }
        }
        return Array(ranked.prefix(top))
    }
}
