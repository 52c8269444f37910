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
    /// UTF-8 byte offset of the start of the match in the document text (after a conjunction
    /// or preposition attached to the first word, which stays outside as it does in entities:
    /// «لبيتشاي» → «بيتشاي»).
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
    /// Spellings of a word that score more than this (log10) below the word's best are not
    /// searched for (by default all `spellingsPerWord` are). A name of one word is less
    /// constrained than a sequence of words, so `qalam find --surname` searches for its
    /// surnames with a window of ``surnameSpellingWindow``.
    public var spellingWindow = Double.infinity
    /// The window for names of one word searched alone.
    public static let surnameSpellingWindow = 3.0

    /// Loads the shipped model.
    public init() throws {
        romanizer = try NameRomanizer()
    }

    /// Shares an existing romanizer (and its model).
    public init(romanizer: NameRomanizer) {
        self.romanizer = romanizer
    }

    /// Up to `top` Arabic spellings of a Latin name (one or more words; a hyphen separates
    /// words too), best first. An article "Al-" / "El-" (see ``words(of:)``) is written as
    /// «ال» on the next word: "Khalid Al-Falih" → «خالد الفالح».
    public func arabicSpellings(of latin: String, top: Int = 5) -> [ArabicSpelling] {
        guard top > 0 else { return [] }
        var combined = [ArabicSpelling(arabic: "", score: 0)]
        for (word, article) in Self.wordsWithArticles(of: latin) {
            let options = spellings(ofWord: word, top: max(top, spellingsPerWord))
            if options.isEmpty { continue }
            var next: [ArabicSpelling] = []
            for prefix in combined {
                for option in options.prefix(top) {
                    let spelling = article ? "ال" + option.arabic : option.arabic
                    next.append(ArabicSpelling(arabic: prefix.arabic.isEmpty ? spelling : prefix.arabic + " " + spelling,
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
        matches(of: query(for: name), in: document)
    }

    /// `name` made ready for ``matches(of:in:)-(LatinNameQuery,_)``: the Arabic spellings of
    /// its words are generated once, to search many documents.
    public func query(for name: String) -> LatinNameQuery {
        let words = Self.words(of: name)
        // A word's best spellings; the first `spellingsPerWord` are searched for.
        let wide = words.map { spellings(ofWord: $0, top: max(spellingsPerWord, Self.shapeSpellings)) }
        let perWord = wide.map { options in
            let floor = (options.first?.score ?? 0) - spellingWindow
            return options.prefix(spellingsPerWord).filter { $0.score >= floor }
        }
        // Where the romanizer is asked (the last route of a token match): words whose key starts
        // like, and is about as long as, the key of one of the word's 32 best spellings.
        let shapes = wide.map { options in
            let keys = options.prefix(Self.shapeSpellings).map { ArabicNameFolding.matchKey($0.arabic) }.filter { !$0.isEmpty }
            return LatinNameQuery.KeyShape(firstLetters: Set(keys.map { LatinNameQuery.KeyShape.letterClass($0[0]) }),
                                           shortest: (keys.map(\.count).min() ?? 1) - 1, longest: (keys.map(\.count).max() ?? 0) + 1)
        }
        return LatinNameQuery(
            name: name, spellings: perWord, lowered: words.map { $0.lowercased() },
            keys: perWord.map { Set($0.map { ArabicNameFolding.matchKey($0.arabic) }) },
            spellingKeys: perWord.map { Set($0.map { ArabicNameFolding.spellingKey($0.arabic) }) },
            shapes: shapes)
    }

    /// The words of a Latin name as it is searched for: split at white space and hyphens,
    /// without the article "al" / "el" written before a hyphen ("Al-Falih", "El-Badry") or
    /// standing between two words ("Akbar Al Baker"): the Arabic article is allowed on every
    /// word anyway. A first "Al" of its own is a name (Al Gore).
    public static func words(of name: String) -> [Substring] {
        wordsWithArticles(of: name).map(\.word)
    }

    /// ``words(of:)``, each with whether an article was dropped before it.
    static func wordsWithArticles(of name: String) -> [(word: Substring, article: Bool)] {
        let isArticle = { (word: Substring) in ["al", "el"].contains(word.lowercased()) }
        let chunks = name.split(whereSeparator: { $0.isWhitespace })
        var words: [(word: Substring, article: Bool)] = []
        var article = false
        for (index, chunk) in chunks.enumerated() {
            for (place, part) in chunk.split(separator: "-").enumerated() {
                let standsAlone = place == 0 && !chunk.contains("-")
                // "Al-X" anywhere, or "Al" of its own between two words.
                if isArticle(part) && (standsAlone ? index > 0 && index < chunks.count - 1 : place == 0) {
                    article = true
                    continue
                }
                words.append((part, article))
                article = false
            }
        }
        return words
    }

    /// Every occurrence of a prepared name in `document`, in text order.
    public func matches(of query: LatinNameQuery, in document: Document) -> [NameMatch] {
        let count = query.lowered.count
        guard count > 0 else { return [] }
        let tokens = document.tokens
        var found: [NameMatch] = []
        var index = 0
        while index + count <= tokens.count {
            var matched = true
            var cliticBytes = 0
            for offset in 0..<count {
                let text = document.text(of: tokens[index + offset])
                guard let cut = tokenMatch(text, keys: query.keys[offset], spellings: query.spellingKeys[offset],
                                           shape: query.shapes[offset], latin: query.lowered[offset], first: offset == 0) else {
                    matched = false
                    break
                }
                if offset == 0 { cliticBytes = cut }
            }
            if matched {
                // A conjunction or preposition on the first word stays outside, as in entities.
                let start = tokens[index].start + cliticBytes
                let end = tokens[index + count - 1].end
                found.append(NameMatch(tokenRange: index..<(index + count), start: start, end: end,
                                       text: String(document.text(of: start..<end))))
                index += count
            } else {
                index += 1
            }
        }
        return found
    }

    /// Spellings per word whose keys bound where the romanizer is asked (``LatinNameQuery/KeyShape``).
    static let shapeSpellings = 32

    /// Whether `token` spells the Latin word: nil when not, else the UTF-8 bytes of the clitic
    /// (و ف ب ل ك, first word only) cut off the front to match, 0 when none.
    private func tokenMatch(_ token: Substring, keys: Set<[UInt32]>, spellings: Set<[UInt32]>,
                            shape: LatinNameQuery.KeyShape, latin: String, first: Bool) -> Int? {
        guard let firstScalar = token.unicodeScalars.first, (0x0600...0x06FF).contains(firstScalar.value) else {
            return token.lowercased() == latin ? 0 : nil
        }
        var forms: [(text: Substring, clitic: Int)] = [(token, 0)]
        if first {
            let scalars = token.unicodeScalars
            if scalars.count > 3, let lead = scalars.first, "وفبلك".unicodeScalars.contains(lead) {
                forms.append((Substring(scalars.dropFirst()), String(lead).utf8.count))
            }
        }
        // The article, on any word: Arabic family names carry it («ليلى الراشد», Layla Rashid).
        for form in forms where form.text.hasPrefix("ال") && form.text.unicodeScalars.count > 4 {
            forms.append((form.text.dropFirst(2), form.clitic))
        }
        for (form, clitic) in forms {
            // Keys of one or two consonants are too ambiguous to decide alone.
            let key = ArabicNameFolding.matchKey(form)
            if key.count >= 3, keys.contains(key) { return clitic }
            if spellings.contains(ArabicNameFolding.spellingKey(form)) { return clitic }
            guard let lead = key.first, shape.firstLetters.contains(LatinNameQuery.KeyShape.letterClass(lead)), key.count >= shape.shortest,
                  key.count <= shape.longest else { continue }
            if romanizer.romanize(String(form), top: 5).contains(where: { $0.latin.lowercased() == latin }) { return clitic }
        }
        return nil
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
