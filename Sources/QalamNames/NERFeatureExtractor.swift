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
/// coarse word class, transliteration bucket and Brown-cluster path prefix.
public struct WordKeys: Sendable, Equatable {
    /// Hash of the folded form.
    public var word: UInt32
    /// Hash of the stem after clitic removal.
    public var stem: UInt32
    /// Coarse distributional class.
    public var coarse: UInt32
    /// Transliteration-likeness bucket of the stem.
    public var transliteration: UInt32
    /// The first 6 bits of the word's Brown-cluster path (with the leading 1; 0 unknown).
    public var brown: UInt32 = 0
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
    /// The clitic facts the entity rules read, in one byte so that the keys stay 32 bytes:
    /// bit 7 set when recorded, bit 6 the future particle, bits 0–5 the leading clitic bytes.
    var cliticBits: UInt8 = 0
    /// Whether ``leadingCliticBytes`` and ``hasFutureParticle`` were recorded: the
    /// extractor does not segment numbers, punctuation and symbols (and a word whose
    /// leading clitics take over 63 bytes is not recorded), so for them the segmenter must
    /// be asked (see ``NERFeatureExtractor/leadingCliticBytes(of:keys:)``).
    public var cliticsRecorded: Bool { cliticBits & 0x80 != 0 }
    /// UTF-8 bytes of the conjunctions and prepositions cut off the front of the word (not
    /// the article, nor a clitic that is the whole word): where an entity that starts
    /// with this word begins. Not a feature.
    public var leadingCliticBytes: Int { Int(cliticBits & 0x3F) }
    /// Whether one of the proclitics is the future particle س (not a feature).
    public var hasFutureParticle: Bool { cliticBits & 0x40 != 0 }

    /// The keys of the pseudo-word beyond the sentence ends.
    public static let boundary = WordKeys(word: 1, stem: 1, coarse: 10_000, transliteration: 200, brown: 1)
}

/// Turns tokens into features: word form, folded and segmented forms (the stem after
/// clitics are cut off, which is what recognizes «لبيرتي»), prefixes and suffixes, shape
/// and script, gazetteer membership of the word and of its stem, the
/// transliteration-likeness of the stem, and distributional classes (k-means classes and
/// Brown-cluster path prefixes); a window of ±2 words.
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
    /// Brown-cluster paths.
    public let brownPaths: BrownPathTable
    /// log2 of the number of weight-table rows.
    public let rowBits: Int
    /// Multi-word gazetteer entries.
    public let phrases: PhraseMatcher
    /// Full person names (`names/person-full-names.txt`). Not a feature: the tagger's
    /// person rules read them after decoding.
    public let personFullNames: PhraseMatcher

    /// A feature extractor from its parts.
    public init(
        segmenter: CliticSegmenter, gazetteer: NameGazetteer, transliteration: TransliterationScorer,
        newsContext: NewsContextTable, clusters: WordClusterTable, brownPaths: BrownPathTable = BrownPathTable(),
        rowBits: Int, personFullNames: PhraseMatcher = PhraseMatcher()
    ) {
        self.clusters = clusters
        self.brownPaths = brownPaths
        self.personFullNames = personFullNames
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
            clusters: try WordClusterTable.shipped(), brownPaths: try BrownPathTable.shipped(), rowBits: rowBits,
            personFullNames: try PersonSpanRules.shippedFullNames())
    }

    /// A number that changes whenever the feature templates change; stored in models so
    /// that a model trained with other features is refused.
    public static let templateVersion: UInt32 = 12

    private enum Template: UInt8 {
        case bias = 1, word, stem, prefix1, prefix2, prefix3, suffix1, suffix2, suffix3
        case stemSuffix2, stemSuffix3, stemPrefix2, proclitics, enclitic, shape, transliteration
        case wordList, stemList, boundary, stemLength, newsArticle, newsGiven, newsTrigger
        case coarseClass, fineClass, stemFineClass
        case pairWordPrevious, pairWordNext, pairStemPrevious, pairStemNext, pairClasses, pairStemClass
        case phraseBegin, phraseInside, phraseBefore, phraseAfter
        case pairFlagsPrevious, pairFlagsNext
        case brown4, brown6, brown10, brownPath, stemBrownPath, pairBrownPrevious, pairBrownNext
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
        forEachPairRow(previous: previous, current: current, next: next) { rows.append($0) }
    }

    /// Calls `body` with each word-pair row of one position, in the order of
    /// ``pairRows(previous:current:next:into:)`` (the tagger adds them without an array).
    @inline(__always)
    func forEachPairRow(previous: WordKeys, current: WordKeys, next: WordKeys, _ body: (UInt32) -> Void) {
        func row(_ template: Template, _ a: UInt32, _ b: UInt32, _ c: UInt32 = 0) -> UInt32 {
            var hasher = FeatureHasher(template: template.rawValue, offset: 0)
            hasher.mix(a)
            hasher.mix(b)
            hasher.mix(c)
            return hasher.row(bits: rowBits)
        }
        body(row(.pairWordPrevious, previous.word, current.word))
        body(row(.pairWordNext, current.word, next.word))
        body(row(.pairStemPrevious, previous.stem, current.stem))
        body(row(.pairStemNext, current.stem, next.stem))
        body(row(.pairClasses, previous.coarse, current.coarse, next.coarse))
        body(row(.pairStemClass, previous.stem, current.transliteration, current.coarse))
        body(row(.pairFlagsPrevious, previous.personFlags, current.coarse, current.transliteration))
        body(row(.pairFlagsNext, current.coarse, current.transliteration, next.personFlags))
        body(row(.pairBrownPrevious, previous.brown, current.brown))
        body(row(.pairBrownNext, current.brown, next.brown))
    }

    /// A 32-bit hash of folded scalars.
    static func key(_ scalars: some Sequence<UInt32>) -> UInt32 {
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
        let rows: [[UInt32]] = (0..<5).map { offset in
            var row: [UInt32] = []
            row.reserveCapacity(offset == 2 ? 64 : 24)
            return row
        }
        var sink = RowListSink(rows: rows)
        let keys = forEachFeature(of: word, kind: kind, identity: identity, into: &sink)
        var features = WordFeatures(rows: sink.rows)
        features.keys = keys
        return features
    }

    /// The features of a word, handed to `sink` one at a time as (context offset −2…2,
    /// weight-table row), in the order ``features(of:kind:identity:)`` lists them; returns
    /// the word's keys. The tagger adds each row's weights straight into the word's score
    /// slot, without building the arrays of ``WordFeatures`` (a sink type rather than a
    /// closure, so that the addition is inlined at each feature).
    @inline(__always)
    func forEachFeature<Sink: FeatureRowSink>(
        of word: Substring, kind: TokenKind, identity: Bool = true, into sink: inout Sink
    ) -> WordKeys {
        let segments = kind == .punctuation || kind == .number || kind == .symbol ? [] : segmenter.segment(word)
        // The proclitics feature's value: each proclitic's form followed by "+".
        var procliticLength = 0
        for segment in segments where segment.role == .proclitic { procliticLength += segment.form.unicodeScalars.count + 1 }
        // One scratch buffer (on the stack for ordinary words) for the folded letters, their
        // byte offsets, the proclitic forms and the shape: no array per word type. The stem
        // and the enclitic are runs of the folded letters.
        let capacity = word.utf8.count
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * capacity + procliticLength + 3) { scratch in
            let foldedStore = UnsafeMutableBufferPointer(rebasing: scratch[0..<capacity])
            let offsets = UnsafeMutableBufferPointer(rebasing: scratch[capacity..<(2 * capacity)])
            let procliticStore = UnsafeMutableBufferPointer(rebasing: scratch[(2 * capacity)..<(2 * capacity + procliticLength)])
            let shapeStore = UnsafeMutableBufferPointer(rebasing: scratch[(2 * capacity + procliticLength)...])
            var count = 0
            UTF8ScalarReader.forEach(in: word) { scalar, offset, _ in
                guard count < capacity else { return false }
                if let folded = ArabicFolding.fold(scalar) {
                    let value = folded.value
                    foldedStore[count] = (0x41...0x5A).contains(value) ? value + 0x20 : value
                    offsets[count] = UInt32(truncatingIfNeeded: offset)
                    count += 1
                }
                return true
            }
            // The folded letters of the word's bytes `bytes` (a segment's range, on scalar boundaries).
            func letters(ofBytes bytes: Range<Int>) -> Range<Int> {
                var lower = 0
                while lower < count && Int(offsets[lower]) < bytes.lowerBound { lower += 1 }
                var upper = lower
                while upper < count && Int(offsets[upper]) < bytes.upperBound { upper += 1 }
                return lower..<upper
            }
            var stemRange = 0..<count, encliticRange = 0..<0, procliticCount = 0
            for segment in segments {
                guard segment.role != .proclitic else {
                    for scalar in segment.form.unicodeScalars where procliticCount < procliticStore.count {
                        procliticStore[procliticCount] = scalar.value
                        procliticCount += 1
                    }
                    if procliticCount < procliticStore.count {
                        procliticStore[procliticCount] = 0x2B
                        procliticCount += 1
                    }
                    continue
                }
                if segment.role == .stem { stemRange = letters(ofBytes: segment.range) } else { encliticRange = letters(ofBytes: segment.range) }
            }
            let folded = UnsafeBufferPointer(rebasing: foldedStore[0..<count])
            let stem = UnsafeBufferPointer(rebasing: foldedStore[stemRange])
            let encliticForm = UnsafeBufferPointer(rebasing: foldedStore[encliticRange])
            let procliticForms = UnsafeBufferPointer(rebasing: procliticStore[0..<procliticCount])
            // A run of the folded letters equals them only when it is all of them.
            let stemIsWord = stem.count == folded.count
            let wordKey = ArabicFolding.hash(folded)
            let wordList = gazetteer.membership(forKey: wordKey)
            let stemList = stemIsWord ? wordList : gazetteer.membership(forKey: ArabicFolding.hash(stem))
            let isArabic = kind == .arabicWord
            var translitBucket: UInt32 = 100
            if isArabic && stem.count >= 3 {
                let score = transliteration.score(folded: stem)
                translitBucket = UInt32(max(-4, min(6, Int((score * 2).rounded(.down)))) + 10)
            }
            let shape = Self.shape(word, kind: kind, letters: folded.count, into: shapeStore)
            let wordClasses = clusters.classes(ofFolded: folded)
            let coarse: UInt32 = wordClasses.map { UInt32($0.coarse) } ?? 9999
            let fine: UInt32 = wordClasses.map { UInt32($0.fine) } ?? 9999
            let stemFine: UInt32 = stemIsWord ? fine : (clusters.classes(ofFolded: stem).map { UInt32($0.fine) } ?? 9999)
            let brown = brownPaths.path(ofFolded: folded)
            let brownCode: UInt32 = brown?.code ?? 0
            let stemBrownCode: UInt32 = stemIsWord ? brownCode : (brownPaths.path(ofFolded: stem)?.code ?? 0)
            let brown4 = brown?.prefix(4) ?? 0, brown6 = brown?.prefix(6) ?? 0, brown10 = brown?.prefix(10) ?? 0
            let behaviour = isArabic ? newsContext.behaviour(ofFolded: stem) : nil
            // (article, after a given name, after a trigger); a tuple, so no array per word type.
            let news: (UInt32, UInt32, UInt32) = behaviour.map { (UInt32($0.article), UInt32($0.afterGivenName), UInt32($0.afterTrigger)) }
                ?? (isArabic ? (9, 9, 9) : (8, 8, 8))

            @inline(__always)
            func add(_ template: Template, _ offset: Int, _ value: some Sequence<UInt32>) {
                if !identity && (template == .word || template == .stem) { return }
                var hasher = FeatureHasher(template: template.rawValue, offset: offset)
                hasher.mix(value)
                sink.take(offset: offset, row: hasher.row(bits: rowBits))
            }
            @inline(__always)
            func add(_ template: Template, _ offset: Int, _ value: UInt32) {
                var hasher = FeatureHasher(template: template.rawValue, offset: offset)
                hasher.mix(value)
                sink.take(offset: offset, row: hasher.row(bits: rowBits))
            }
            @inline(__always)
            func add(_ template: Template, _ offset: Int, _ value: UInt32, then second: UInt32) {
                var hasher = FeatureHasher(template: template.rawValue, offset: offset)
                hasher.mix(value)
                hasher.mix(second)
                sink.take(offset: offset, row: hasher.row(bits: rowBits))
            }
            @inline(__always)
            func addFlags(_ template: Template, _ offset: Int, _ membership: NameGazetteer.Membership) {
                var bits = membership.rawValue
                var bit: UInt32 = 0
                while bits != 0 {
                    if bits & 1 == 1 { add(template, offset, bit) }
                    bits >>= 1
                    bit += 1
                }
            }

            // The word itself.
            add(.bias, 0, EmptyCollection())
            add(.word, 0, folded)
            add(.stem, 0, stem)
            if folded.count > 1 { add(.prefix1, 0, folded.prefix(1)) }
            if folded.count > 2 { add(.prefix2, 0, folded.prefix(2)) }
            if folded.count > 3 { add(.prefix3, 0, folded.prefix(3)) }
            if folded.count > 1 { add(.suffix1, 0, folded.suffix(1)) }
            if folded.count > 2 { add(.suffix2, 0, folded.suffix(2)) }
            if folded.count > 3 { add(.suffix3, 0, folded.suffix(3)) }
            if stem.count > 3 {
                add(.stemSuffix2, 0, stem.suffix(2))
                add(.stemSuffix3, 0, stem.suffix(3))
                add(.stemPrefix2, 0, stem.prefix(2))
            }
            add(.stemLength, 0, UInt32(min(stem.count, 12)))
            add(.proclitics, 0, procliticForms)
            add(.enclitic, 0, encliticForm)
            add(.shape, 0, shape)
            add(.transliteration, 0, translitBucket)
            addFlags(.wordList, 0, wordList)
            addFlags(.stemList, 0, stemList)
            add(.newsArticle, 0, news.0)
            add(.newsGiven, 0, news.1)
            add(.newsTrigger, 0, news.2)
            add(.newsArticle, 0, news.0, then: translitBucket)
            add(.coarseClass, 0, coarse)
            add(.fineClass, 0, fine)
            add(.stemFineClass, 0, stemFine)
            add(.brown4, 0, brown4)
            add(.brown6, 0, brown6)
            add(.brown10, 0, brown10)
            add(.brownPath, 0, brownCode)
            add(.stemBrownPath, 0, stemBrownCode)
            // The word as a neighbour.
            for offset in stride(from: -1, through: 1, by: 2) {
                add(.word, offset, folded)
                add(.stem, offset, stem)
                add(.shape, offset, shape)
                add(.proclitics, offset, procliticForms)
                add(.transliteration, offset, translitBucket)
                if folded.count > 2 { add(.suffix2, offset, folded.suffix(2)) }
                addFlags(.wordList, offset, wordList)
                addFlags(.stemList, offset, stemList)
                add(.newsArticle, offset, news.0)
                add(.newsGiven, offset, news.1)
                add(.coarseClass, offset, coarse)
                add(.fineClass, offset, fine)
                add(.stemFineClass, offset, stemFine)
                add(.brown6, offset, brown6)
                add(.brownPath, offset, brownCode)
            }
            for offset in stride(from: -2, through: 2, by: 4) {
                add(.word, offset, folded)
                add(.stem, offset, stem)
                addFlags(.stemList, offset, stemList)
                add(.coarseClass, offset, coarse)
            }
            var keys = WordKeys(
                word: Self.key(folded), stem: Self.key(stem), coarse: coarse, transliteration: translitBucket, brown: brown6,
                stemLetters: UInt32(stem.count),
                personFlags: UInt32(stemList.intersection(Self.personListFlags).rawValue),
                hasProclitic: segments.first?.role == .proclitic,
                startsWithConjunction: segments.first.map { $0.role == .proclitic && Self.isForm($0, "و") } ?? false,
                endsLikeNisba: Self.endsLikeNisba(stem))
            let leading = Self.leadingCliticBytes(segments, wordBytes: word.utf8.count)
            if !segments.isEmpty, leading < 0x40 {
                let future = segments.contains { $0.role == .proclitic && Self.isForm($0, "س") }
                keys.cliticBits = 0x80 | (future ? 0x40 : 0) | UInt8(leading)
            }
            return keys
        }
    }

    /// Bytes of the attached conjunctions and prepositions at the front of a word cut
    /// into `segments` (the article stays with the name; a word that is nothing but
    /// clitics keeps its last one).
    static func leadingCliticBytes(_ segments: [WordSegment], wordBytes: Int) -> Int {
        var length = 0
        for segment in segments {
            guard segment.role == .proclitic, !Self.isForm(segment, "ال"), segment.range.upperBound < wordBytes else { break }
            length = segment.range.upperBound
        }
        return length
    }

    /// ``leadingCliticBytes(_:wordBytes:)`` of `word`, read from its keys when the
    /// extractor recorded them, else from the segmenter.
    func leadingCliticBytes(of word: Substring, keys: WordKeys) -> Int {
        keys.cliticsRecorded ? keys.leadingCliticBytes : Self.leadingCliticBytes(segmenter.segment(word), wordBytes: word.utf8.count)
    }

    /// Whether a clitic's form is `form`, compared byte by byte: the segmenter's forms are
    /// the fixed letters و ف ب ل ك س and ال, and `String ==` (canonical equivalence) went
    /// through the slow comparison for every form that differs.
    @inline(__always)
    static func isForm(_ segment: WordSegment, _ form: StaticString) -> Bool {
        form.withUTF8Buffer { segment.form.utf8.elementsEqual($0) }
    }

    /// Whether `word` carries the future particle س, read from its keys when recorded.
    func hasFutureParticle(_ word: Substring, keys: WordKeys) -> Bool {
        keys.cliticsRecorded ? keys.hasFutureParticle : segmenter.segment(word).contains { $0.role == .proclitic && Self.isForm($0, "س") }
    }

    /// Whether folded stem letters end in ي or ية with at least four letters before
    /// the ending's ة (الأمريكي, المصرية).
    static func endsLikeNisba(_ stem: UnsafeBufferPointer<UInt32>) -> Bool {
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

    /// A coarse shape: token kind, capitalization for Latin, length bucket; written into
    /// `store` (room for three values), which the result is a part of.
    static func shape(_ word: Substring, kind: TokenKind, letters: Int, into store: UnsafeMutableBufferPointer<UInt32>) -> UnsafeBufferPointer<UInt32> {
        guard store.count >= 3 else { return UnsafeBufferPointer(rebasing: store[0..<0]) }
        var length = 0
        store[length] = UInt32(kind.rawValue)
        length += 1
        if kind == .latinWord || kind == .mixedWord {
            var scalars = 0, upper = 0, firstIsUpper = false
            for scalar in word.unicodeScalars {
                let isUpper = (0x41...0x5A).contains(scalar.value)
                if scalars == 0 { firstIsUpper = isUpper }
                if isUpper { upper += 1 }
                scalars += 1
            }
            store[length] = upper == 0 ? 0 : (upper == scalars ? 2 : (firstIsUpper ? 1 : 3))
            length += 1
        }
        store[length] = UInt32(letters <= 2 ? 0 : (letters <= 4 ? 1 : (letters <= 7 ? 2 : 3)))
        length += 1
        return UnsafeBufferPointer(rebasing: store[0..<length])
    }
}

/// Where ``NERFeatureExtractor/forEachFeature(of:kind:identity:into:)`` hands a word's rows.
protocol FeatureRowSink {
    /// Takes the row of one feature of the word seen at context `offset` (−2…2).
    mutating func take(offset: Int, row: UInt32)
}

/// Collects a word's rows per offset (the arrays of ``WordFeatures``).
private struct RowListSink: FeatureRowSink {
    var rows: [[UInt32]]

    mutating func take(offset: Int, row: UInt32) {
        rows[offset + 2].append(row)
    }
}
