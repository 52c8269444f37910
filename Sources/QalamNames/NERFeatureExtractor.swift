import QalamLexicons
import QalamText

/// The features of one word type, as weight-table rows, for each context offset it can
/// be seen at (-2 … 2) relative to the token being tagged.
///
/// Every feature depends on one word only, so the tagger can sum a word's weights once
/// per word type and reuse the sums (see ``EntityTagger``).
public struct WordFeatures: Sendable {
    /// `rows[k + 2]`: the rows this word adds when it is at offset `k`.
    public var rows: [[UInt32]]
    /// Short keys of the word for the features of word pairs (see
    /// ``NERFeatureExtractor/pairRows(previous:current:next:into:)``).
    public var keys: WordKeys = .boundary
}

/// Short hashed keys of a word that the word-pair features combine: folded form, stem,
/// coarse word class and transliteration bucket.
public struct WordKeys: Sendable, Equatable {
    /// Hash of the folded form.
    public var word: UInt32
    /// Hash of the stem after clitic removal.
    public var stem: UInt32
    /// Coarse distributional class.
    public var coarse: UInt32
    /// Transliteration-likeness bucket of the stem.
    public var transliteration: UInt32
    /// Letters in the stem (not a feature; ``EntityPropagation`` skips short stems).
    public var stemLetters: UInt32 = 0
    /// Person-related list flags of the stem (given name, surname, foreign name, role,
    /// trigger …), for the pair features.
    public var personFlags: UInt32 = 0
    /// Whether the segmenter cuts a proclitic off the front (not a feature).
    public var hasProclitic = false
    /// Whether that proclitic chain starts with the conjunction و (not a feature).
    public var startsWithConjunction = false
    /// Whether the stem ends like a nisba adjective (-ي, -ية; four letters or more), for
    /// the transition features (``TransitionFeatures``).
    public var endsLikeNisba = false
    /// Whether ``leadingCliticBytes`` and ``hasFutureParticle`` were recorded: the
    /// extractor does not segment numbers, punctuation and symbols, so for them the
    /// segmenter must be asked (see ``NERFeatureExtractor/leadingCliticBytes(of:keys:)``).
    public var cliticsRecorded = false
    /// UTF-8 bytes of the conjunctions and prepositions cut off the front of the word (not
    /// the article, nor a clitic that is the whole word): where an entity that starts
    /// with this word begins. Not a feature.
    public var leadingCliticBytes: UInt16 = 0
    /// Whether one of the proclitics is the future particle س (not a feature).
    public var hasFutureParticle = false

    /// The keys of the pseudo-word beyond the sentence ends.
    public static let boundary = WordKeys(word: 1, stem: 1, coarse: 10_000, transliteration: 200)
}

/// Turns tokens into features: word form, folded and segmented forms (the stem after
/// clitics are cut off, which is what recognizes «لبيرتي»), prefixes and suffixes, shape
/// and script, gazetteer membership of the word and of its stem, and the
/// transliteration-likeness of the stem; a window of ±2 words.
public struct NERFeatureExtractor: Sendable {
    /// Cuts clitics off words.
    public let segmenter: CliticSegmenter
    /// Word lists.
    public let gazetteer: NameGazetteer
    /// "Looks like a foreign name" scores.
    public let transliteration: TransliterationScorer
    /// Unlabeled-news behaviour of words.
    public let newsContext: NewsContextTable
    /// Distributional word classes.
    public let clusters: WordClusterTable
    /// log2 of the number of weight-table rows.
    public let rowBits: Int
    /// Multi-word gazetteer entries.
    public let phrases: PhraseMatcher

    /// A feature extractor from its parts.
    public init(
        segmenter: CliticSegmenter, gazetteer: NameGazetteer, transliteration: TransliterationScorer,
        newsContext: NewsContextTable, clusters: WordClusterTable, rowBits: Int
    ) {
        self.clusters = clusters
        self.segmenter = segmenter
        self.gazetteer = gazetteer
        self.transliteration = transliteration
        self.newsContext = newsContext
        self.rowBits = rowBits
        phrases = PhraseMatcher(gazetteer: gazetteer, segmenter: segmenter)
    }

    /// The extractor with the shipped lexicons.
    public static func shipped(rowBits: Int) throws -> NERFeatureExtractor {
        NERFeatureExtractor(
            segmenter: try CliticSegmenter(), gazetteer: try NameGazetteer.shipped(),
            transliteration: try TransliterationScorer.shipped(), newsContext: try NewsContextTable.shipped(),
            clusters: try WordClusterTable.shipped(), rowBits: rowBits)
    }

    /// A number that changes whenever the feature templates change; stored in models so
    /// that a model trained with other features is refused.
    public static let templateVersion: UInt32 = 11

    private enum Template: UInt8 {
        case bias = 1, word, stem, prefix1, prefix2, prefix3, suffix1, suffix2, suffix3
        case stemSuffix2, stemSuffix3, stemPrefix2, proclitics, enclitic, shape, transliteration
        case wordList, stemList, boundary, stemLength, newsArticle, newsGiven, newsTrigger
        case coarseClass, fineClass, stemFineClass
        case pairWordPrevious, pairWordNext, pairStemPrevious, pairStemNext, pairClasses, pairStemClass
        case phraseBegin, phraseInside, phraseBefore, phraseAfter
        case pairFlagsPrevious, pairFlagsNext
    }

    /// Calls `add(position, row)` for the features of multi-word gazetteer entries in a
    /// sentence: each token of a matched entry gets "first word of an entry of kind K" or
    /// "later word of …", and the tokens right before and after it "next to an entry of
    /// kind K" (a person often follows a role phrase).
    @inline(__always)
    public func phraseRows(count: Int, keys: (Int) -> WordKeys, add: (Int, UInt32) -> Void) {
        for match in phrases.matches(count: count, keys: keys) {
            var bits = match.membership.rawValue
            var bit: UInt32 = 0
            while bits != 0 {
                if bits & 1 == 1 {
                    for position in match.range {
                        add(position, row(position == match.range.lowerBound ? .phraseBegin : .phraseInside, bit))
                    }
                    if match.range.lowerBound > 0 { add(match.range.lowerBound - 1, row(.phraseBefore, bit)) }
                    if match.range.upperBound < count { add(match.range.upperBound, row(.phraseAfter, bit)) }
                }
                bits >>= 1
                bit += 1
            }
        }
    }

    @inline(__always)
    private func row(_ template: Template, _ value: UInt32) -> UInt32 {
        var hasher = FeatureHasher(template: template.rawValue, offset: 0)
        hasher.mix(value)
        return hasher.row(bits: rowBits)
    }

    /// Appends the rows of the features that combine a word with its neighbours
    /// (previous + current word, current + next word, the same for stems, the three
    /// coarse classes, the previous stem with the current transliteration bucket).
    /// They are computed per position, not per word type.
    @inline(__always)
    public func pairRows(keys: (Int) -> WordKeys, position: Int, count: Int, into rows: inout [UInt32]) {
        let previous = position > 0 ? keys(position - 1) : .boundary
        let current = keys(position)
        let next = position + 1 < count ? keys(position + 1) : .boundary
        pairRows(previous: previous, current: current, next: next, into: &rows)
    }

    /// The word-pair rows for one position given its neighbours' keys.
    @inline(__always)
    func pairRows(previous: WordKeys, current: WordKeys, next: WordKeys, into rows: inout [UInt32]) {
        func row(_ template: Template, _ a: UInt32, _ b: UInt32, _ c: UInt32 = 0) -> UInt32 {
            var hasher = FeatureHasher(template: template.rawValue, offset: 0)
            hasher.mix(a)
            hasher.mix(b)
            hasher.mix(c)
            return hasher.row(bits: rowBits)
        }
        rows.append(row(.pairWordPrevious, previous.word, current.word))
        rows.append(row(.pairWordNext, current.word, next.word))
        rows.append(row(.pairStemPrevious, previous.stem, current.stem))
        rows.append(row(.pairStemNext, current.stem, next.stem))
        rows.append(row(.pairClasses, previous.coarse, current.coarse, next.coarse))
        rows.append(row(.pairStemClass, previous.stem, current.transliteration, current.coarse))
        rows.append(row(.pairFlagsPrevious, previous.personFlags, current.coarse, current.transliteration))
        rows.append(row(.pairFlagsNext, current.coarse, current.transliteration, next.personFlags))
    }

    /// A 32-bit hash of folded scalars.
    static func key(_ scalars: [UInt32]) -> UInt32 {
        var hasher = FeatureHasher(template: 0, offset: 0)
        hasher.mix(scalars)
        return UInt32(truncatingIfNeeded: hasher.hash ^ (hasher.hash >> 32)) | 2
    }

    /// The features of the pseudo-word before the first or after the last token.
    public func boundaryFeatures() -> WordFeatures {
        var rows: [[UInt32]] = Array(repeating: [], count: 5)
        for offset in -2...2 where offset != 0 {
            var hasher = FeatureHasher(template: Template.boundary.rawValue, offset: offset)
            hasher.mix(offset < 0 ? 1 : 2)
            rows[offset + 2].append(hasher.row(bits: rowBits))
        }
        return WordFeatures(rows: rows)
    }

    /// The features of a word. Without `identity`, the features naming the word and its
    /// stem are left out: training does that for rare words, so that the model learns
    /// what unseen words look like.
    public func features(of word: Substring, kind: TokenKind, identity: Bool = true) -> WordFeatures {
        // Room for a word's features at each offset up front (growing them was a quarter of
        // the allocations of tagging).
        var rows: [[UInt32]] = (0..<5).map { offset in
            var row: [UInt32] = []
            row.reserveCapacity(offset == 2 ? 64 : 24)
            return row
        }
        let keys = forEachFeature(of: word, kind: kind, identity: identity) { offset, row in rows[offset + 2].append(row) }
        var features = WordFeatures(rows: rows)
        features.keys = keys
        return features
    }

    /// The features of a word, handed to `body` one at a time as (context offset −2…2,
    /// weight-table row), in the order ``features(of:kind:identity:)`` lists them; returns
    /// the word's keys. The tagger adds each row's weights straight into the word's score
    /// slot, without building the arrays of ``WordFeatures``.
    @inline(__always)
    func forEachFeature(
        of word: Substring, kind: TokenKind, identity: Bool = true, _ body: (_ offset: Int, _ row: UInt32) -> Void
    ) -> WordKeys {
        let folded = Self.foldedScalars(word)
        let segments = kind == .punctuation || kind == .number || kind == .symbol ? [] : segmenter.segment(word)
        var stem = folded
        var procliticForms: [UInt32] = []
        var encliticForm: [UInt32] = []
        let utf8 = word.utf8
        for segment in segments {
            guard segment.role != .proclitic else {
                procliticForms += segment.form.unicodeScalars.map(\.value) + [0x2B]
                continue
            }
            // The segment's text as a slice of the word (ranges are UTF-8 offsets on scalar boundaries).
            let lower = utf8.index(utf8.startIndex, offsetBy: segment.range.lowerBound)
            let upper = utf8.index(lower, offsetBy: segment.range.count)
            let text = word[lower..<upper]
            if segment.role == .stem { stem = Self.foldedScalars(text) } else { encliticForm = Self.foldedScalars(text) }
        }
        let stemScalars = stem.lazy.compactMap(Unicode.Scalar.init)
        let wordList = gazetteer.membership(of: word)
        let stemList = stem == folded ? wordList : gazetteer.membership(ofScalars: stemScalars)
        let isArabic = kind == .arabicWord
        var translitBucket: UInt32 = 100
        if isArabic && stem.count >= 3 {
            let score = transliteration.score(scalars: stemScalars)
            translitBucket = UInt32(max(-4, min(6, Int((score * 2).rounded(.down)))) + 10)
        }
        let shape = Self.shape(word, kind: kind, letters: folded.count)
        let wordClasses = clusters.classes(ofFolded: folded)
        let coarse: UInt32 = wordClasses.map { UInt32($0.coarse) } ?? 9999
        let fine: UInt32 = wordClasses.map { UInt32($0.fine) } ?? 9999
        let stemFine: UInt32 = stem == folded ? fine : (clusters.classes(ofFolded: stem).map { UInt32($0.fine) } ?? 9999)
        let behaviour = isArabic ? newsContext.behaviour(ofFolded: stem) : nil
        // (article, after a given name, after a trigger); a tuple, so no array per word type.
        let news: (UInt32, UInt32, UInt32) = behaviour.map { (UInt32($0.article), UInt32($0.afterGivenName), UInt32($0.afterTrigger)) }
            ?? (isArabic ? (9, 9, 9) : (8, 8, 8))

        func add(_ template: Template, _ offset: Int, _ value: some Sequence<UInt32>) {
            if !identity && (template == .word || template == .stem) { return }
            var hasher = FeatureHasher(template: template.rawValue, offset: offset)
            hasher.mix(value)
            body(offset, hasher.row(bits: rowBits))
        }
        func add(_ template: Template, _ offset: Int, _ value: CollectionOfOne<UInt32>, then second: UInt32) {
            var hasher = FeatureHasher(template: template.rawValue, offset: offset)
            hasher.mix(value)
            hasher.mix(second)
            body(offset, hasher.row(bits: rowBits))
        }
        func addFlags(_ template: Template, _ offset: Int, _ membership: NameGazetteer.Membership) {
            var bits = membership.rawValue
            var bit: UInt32 = 0
            while bits != 0 {
                if bits & 1 == 1 { add(template, offset, CollectionOfOne(bit)) }
                bits >>= 1
                bit += 1
            }
        }

        // The word itself.
        add(.bias, 0, EmptyCollection())
        add(.word, 0, folded)
        add(.stem, 0, stem)
        for (template, length) in Self.prefixTemplates where folded.count > length {
            add(template, 0, folded.prefix(length))
        }
        for (template, length) in Self.suffixTemplates where folded.count > length {
            add(template, 0, folded.suffix(length))
        }
        if stem.count > 3 {
            add(.stemSuffix2, 0, stem.suffix(2))
            add(.stemSuffix3, 0, stem.suffix(3))
            add(.stemPrefix2, 0, stem.prefix(2))
        }
        add(.stemLength, 0, CollectionOfOne(UInt32(min(stem.count, 12))))
        add(.proclitics, 0, procliticForms)
        add(.enclitic, 0, encliticForm)
        add(.shape, 0, shape)
        add(.transliteration, 0, CollectionOfOne(translitBucket))
        addFlags(.wordList, 0, wordList)
        addFlags(.stemList, 0, stemList)
        add(.newsArticle, 0, CollectionOfOne(news.0))
        add(.newsGiven, 0, CollectionOfOne(news.1))
        add(.newsTrigger, 0, CollectionOfOne(news.2))
        add(.newsArticle, 0, CollectionOfOne(news.0), then: translitBucket)
        add(.coarseClass, 0, CollectionOfOne(coarse))
        add(.fineClass, 0, CollectionOfOne(fine))
        add(.stemFineClass, 0, CollectionOfOne(stemFine))
        // The word as a neighbour.
        for offset in [-1, 1] {
            add(.word, offset, folded)
            add(.stem, offset, stem)
            add(.shape, offset, shape)
            add(.proclitics, offset, procliticForms)
            add(.transliteration, offset, CollectionOfOne(translitBucket))
            if folded.count > 2 { add(.suffix2, offset, folded.suffix(2)) }
            addFlags(.wordList, offset, wordList)
            addFlags(.stemList, offset, stemList)
            add(.newsArticle, offset, CollectionOfOne(news.0))
            add(.newsGiven, offset, CollectionOfOne(news.1))
            add(.coarseClass, offset, CollectionOfOne(coarse))
            add(.fineClass, offset, CollectionOfOne(fine))
            add(.stemFineClass, offset, CollectionOfOne(stemFine))
        }
        for offset in [-2, 2] {
            add(.word, offset, folded)
            add(.stem, offset, stem)
            addFlags(.stemList, offset, stemList)
            add(.coarseClass, offset, CollectionOfOne(coarse))
        }
        var keys = WordKeys(
            word: Self.key(folded), stem: Self.key(stem), coarse: coarse, transliteration: translitBucket,
            stemLetters: UInt32(stem.count),
            personFlags: UInt32(stemList.intersection(Self.personListFlags).rawValue),
            hasProclitic: segments.first?.role == .proclitic,
            startsWithConjunction: segments.first.map { $0.role == .proclitic && $0.form == "و" } ?? false,
            endsLikeNisba: Self.endsLikeNisba(stem))
        if !segments.isEmpty, let leading = UInt16(exactly: Self.leadingCliticBytes(segments, wordBytes: utf8.count)) {
            keys.cliticsRecorded = true
            keys.leadingCliticBytes = leading
            keys.hasFutureParticle = segments.contains { $0.role == .proclitic && $0.form == "س" }
        }
        return keys
    }

    /// Bytes of the attached conjunctions and prepositions at the front of a word cut
    /// into `segments` (the article stays with the name; a word that is nothing but
    /// clitics keeps its last one).
    static func leadingCliticBytes(_ segments: [WordSegment], wordBytes: Int) -> Int {
        var length = 0
        for segment in segments {
            guard segment.role == .proclitic, segment.form != "ال", segment.range.upperBound < wordBytes else { break }
            length = segment.range.upperBound
        }
        return length
    }

    /// ``leadingCliticBytes(_:wordBytes:)`` of `word`, read from its keys when the
    /// extractor recorded them, else from the segmenter.
    func leadingCliticBytes(of word: Substring, keys: WordKeys) -> Int {
        keys.cliticsRecorded ? Int(keys.leadingCliticBytes) : Self.leadingCliticBytes(segmenter.segment(word), wordBytes: word.utf8.count)
    }

    /// Whether `word` carries the future particle س, read from its keys when recorded.
    func hasFutureParticle(_ word: Substring, keys: WordKeys) -> Bool {
        keys.cliticsRecorded ? keys.hasFutureParticle : segmenter.segment(word).contains { $0.role == .proclitic && $0.form == "س" }
    }

    /// Affix templates with their lengths (static: no array per word type).
    private static let prefixTemplates: [(Template, Int)] = [(.prefix1, 1), (.prefix2, 2), (.prefix3, 3)]
    private static let suffixTemplates: [(Template, Int)] = [(.suffix1, 1), (.suffix2, 2), (.suffix3, 3)]

    /// Whether folded stem letters end in ي or ية with at least four letters before
    /// the ending's ة (الأمريكي, المصرية).
    static func endsLikeNisba(_ stem: [UInt32]) -> Bool {
        guard stem.count >= 4, let last = stem.last else { return false }
        if last == 0x64A { return true }
        return last == 0x629 && stem.count >= 5 && stem[stem.count - 2] == 0x64A
    }

    /// The lists that say something about persons (for ``WordKeys/personFlags``).
    static let personListFlags: NameGazetteer.Membership = [
        .givenName, .surname, .foreignName, .latinGiven, .latinSurname, .role, .personTrigger,
    ]

    /// Folded scalars of a word: Arabic folding, Latin lower-cased.
    static func foldedScalars(_ word: Substring) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(word.utf8.count / 2 + 1)
        UTF8ScalarReader.forEach(in: word) { scalar, _, _ in
            if let folded = ArabicFolding.fold(scalar) {
                let value = folded.value
                result.append((0x41...0x5A).contains(value) ? value + 0x20 : value)
            }
            return true
        }
        return result
    }

    /// A coarse shape: token kind, capitalization for Latin, length bucket.
    static func shape(_ word: Substring, kind: TokenKind, letters: Int) -> [UInt32] {
        var shape: [UInt32] = [UInt32(kind.rawValue)]
        if kind == .latinWord || kind == .mixedWord {
            let scalars = Array(word.unicodeScalars)
            let upper = scalars.filter { (0x41...0x5A).contains($0.value) }.count
            shape.append(upper == 0 ? 0 : (upper == scalars.count ? 2 : ((scalars.first.map { (0x41...0x5A).contains($0.value) } ?? false) ? 1 : 3)))
        }
        shape.append(UInt32(letters <= 2 ? 0 : (letters <= 4 ? 1 : (letters <= 7 ? 2 : 3))))
        return shape
    }
}
