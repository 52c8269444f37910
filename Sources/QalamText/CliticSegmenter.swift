import Foundation
import QalamLexicons

/// Cuts an Arabic word into proclitics, stem and pronoun enclitics.
///
/// Proclitics are the conjunctions و ف, the particles ب ل ك س and the article ال (also
/// in its elided form «لل» = ل + ال), in that order; enclitics are the object and
/// possessive pronouns ه ها هم هما هن ك كم كن ي ني نا. A clitic joined to a Latin word
/// or a number («لـOpenAI», «بـ150», with or without tatweel) is cut off too.
///
/// The segmenter does not strip blindly. Every way of cutting the word is scored: the
/// stem must be a plausible free word (its frequency in the ``StemLexicon``, with a
/// bonus for listed person names) and each clitic has a cost (see `CliticInventory`),
/// so «بيتر», «كولن» or «والتر» stay whole while «وبالشركة» becomes و + ب + ال + شركة.
/// Every segment keeps its byte range in the original word.
public struct CliticSegmenter: Sendable {
    /// The word knowledge the choice is scored with.
    public let lexicon: StemLexicon

    /// A segmenter that scores with `lexicon`.
    public init(lexicon: StemLexicon) {
        self.lexicon = lexicon
    }

    /// A segmenter with the shipped lexicon (loaded once per process).
    public init() throws {
        self.lexicon = try Self.shippedLexicon.get()
    }

    private static let shippedLexicon: Result<StemLexicon, LexiconError> = Result { () throws(LexiconError) in
        try StemLexicon.shipped()
    }

    /// The segments of `word` (a single token), in order; a word with nothing to cut
    /// is one ``WordSegment/Role/stem`` segment. Ranges are UTF-8 byte offsets
    /// relative to the start of `word`.
    public func segment(_ word: Substring) -> [WordSegment] {
        // The letters live in scratch memory (on the stack for ordinary words).
        let capacity = word.utf8.count
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { values in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: capacity) { starts in
                var letters = WordLetters(word, valueStore: values, startStore: starts)
                return segment(&letters)
            }
        }
    }

    /// The segments of `word`; see ``segment(_:)-(Substring)``.
    public func segment(_ word: String) -> [WordSegment] {
        segment(word[...])
    }

    /// The stem of `word` alone: the substring left once the clitics are cut off.
    public func stem(of word: Substring) -> Substring {
        let segments = segment(word)
        guard let stem = segments.first(where: { $0.role == .stem }) else { return word }
        let utf8 = word.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: stem.range.lowerBound)
        let upper = utf8.index(lower, offsetBy: stem.range.count)
        return word[lower..<upper]
    }

    // MARK: - Choice

    func segment(_ letters: inout WordLetters) -> [WordSegment] {
        // The word uncut (built only when returned: most words are cut or scored).
        var whole: [WordSegment] { [WordSegment(role: .stem, range: 0..<letters.byteCount, form: "")] }
        if let foreign = letters.foreignStart {
            return segmentMixed(letters, foreignStart: foreign) ?? whole
        }
        let n = letters.values.count
        if n < CliticInventory.minimumStemLetters + 1 { return whole }
        if letters.endsWithTatweel, let chain = procliticChain(letters.values[...], upTo: n) {
            return chain.enumerated().map { index, form in
                WordSegment(role: .proclitic, range: letters.range(ofLetters: index..<(index + 1)), form: form)
            }
        }
        let wholeKey = Self.hash(letters.values, 0..<n)
        if Self.neverSplit.contains(wholeKey) { return whole }

        var best = Analysis(conjunction: nil, particle: nil, article: false, stemStart: 0, stemEnd: n, score: wholeScore(wholeKey))
        let values = letters.values
        // Which enclitics the word ends with: the same for every proclitic choice below.
        var endingEnclitics: UInt32 = 0
        for (index, enclitic) in CliticInventory.enclitics.enumerated()
        where enclitic.letters.count < n && Self.endsWith(values, enclitic.letters) {
            endingEnclitics |= 1 << UInt32(index)
        }
        for (conjunction, conjunctionCost) in Self.conjunctionOptions {
            var p0 = 0
            if let c = conjunction { guard values[0] == c else { continue }; p0 = 1 }
            for (particle, particleCost) in Self.particleOptions {
                var p1 = p0
                if let c = particle { guard p1 < n, values[p1] == c else { continue }; p1 += 1 }
                if particle == CliticInventory.sin, p1 < n, !CliticInventory.imperfectPrefixes.contains(values[p1]) { continue }
                // Article: none, ال, or the elided ل after the particle ل («لل»).
                var articleEnd = -1
                if particle != CliticInventory.sin {
                    if p1 + 1 < n, values[p1] == CliticInventory.alef, values[p1 + 1] == CliticInventory.lam,
                        !Self.neverSplit.contains(Self.hash(values, p1..<n)) {
                        articleEnd = p1 + 2
                    } else if particle == CliticInventory.lam, p1 < n, values[p1] == CliticInventory.lam {
                        articleEnd = p1 + 1
                    }
                }
                for articleChoice in 0..<(articleEnd < 0 ? 1 : 2) {
                    let hasArticle = articleChoice == 1
                    let stemStart = hasArticle ? articleEnd : p1
                    let prefixCost = conjunctionCost + particleCost + (hasArticle ? CliticInventory.article : 0)
                    let hasProclitics = conjunction != nil || particle != nil || hasArticle
                    // Enclitic: none, or one of the pronouns (not together with the article).
                    for encliticIndex in -1..<(hasArticle ? 0 : CliticInventory.enclitics.count) {
                        var encliticLength = 0, encliticCost = 0.0
                        if encliticIndex >= 0 {
                            guard endingEnclitics & (1 << UInt32(encliticIndex)) != 0 else { continue }
                            let enclitic = CliticInventory.enclitics[encliticIndex]
                            guard values.count - stemStart - enclitic.letters.count >= CliticInventory.minimumStemLetters
                            else { continue }
                            encliticLength = enclitic.letters.count
                            encliticCost = enclitic.cost
                        }
                        if !hasProclitics && encliticLength == 0 { continue }
                        let stemEnd = n - encliticLength
                        let stemLength = stemEnd - stemStart
                        guard stemLength >= CliticInventory.minimumStemLetters else { continue }
                        let score = stemScore(values, stemStart..<stemEnd, beforeEnclitic: encliticLength > 0)
                            + prefixCost + encliticCost
                        if score > best.score {
                            best = Analysis(
                                conjunction: conjunction, particle: particle, article: hasArticle, stemStart: stemStart,
                                stemEnd: stemEnd, score: score)
                        }
                    }
                }
            }
        }
        return best.segments(letters)
    }

    /// A clitic joined to a Latin word or a number: the Arabic letters before it must be
    /// a chain of proclitics.
    private func segmentMixed(_ letters: WordLetters, foreignStart: Int) -> [WordSegment]? {
        let n = letters.values.count
        guard n > 0, let chain = procliticChain(letters.values[...], upTo: n) else { return nil }
        var segments: [WordSegment] = []
        for (index, form) in chain.enumerated() {
            let start = letters.starts[index]
            let end = index + 1 < n ? letters.starts[index + 1] : foreignStart
            segments.append(WordSegment(role: .proclitic, range: start..<end, form: form))
        }
        segments.append(WordSegment(role: .stem, range: foreignStart..<letters.byteCount, form: ""))
        return segments
    }

    /// The letters as a chain of proclitics (و/ف, then ب/ل/ك, then ال), or nil.
    private func procliticChain(_ values: Slice<UnsafeBufferPointer<UInt32>>, upTo n: Int) -> [String]? {
        var index = values.startIndex
        var forms: [String] = []
        if index < n, values[index] == CliticInventory.waw || values[index] == CliticInventory.fa {
            forms.append(Self.form(values[index])); index += 1
        }
        if index < n, [CliticInventory.ba, CliticInventory.lam, CliticInventory.kaf].contains(values[index]) {
            forms.append(Self.form(values[index])); index += 1
        }
        if index + 1 < n, values[index] == CliticInventory.alef, values[index + 1] == CliticInventory.lam {
            forms.append("ال"); index += 2
        }
        return index == n && !forms.isEmpty ? forms : nil
    }

    private func wholeScore(_ key: UInt64) -> Double {
        var count = Double(lexicon.count(key))
        if lexicon.isName(key) { count += CliticInventory.wholeNameCount }
        return Foundation.log(count + CliticInventory.unknownCount)
    }

    /// `stem`: a non-empty range of `values`.
    private func stemScore(_ values: UnsafeBufferPointer<UInt32>, _ stem: Range<Int>, beforeEnclitic: Bool) -> Double {
        // The hash without the last letter, then with it (FNV-1a goes letter by letter).
        let last = values[stem.upperBound - 1]
        let withoutLast = Self.hash(values, stem.lowerBound..<(stem.upperBound - 1))
        let key = Self.extend(withoutLast, last)
        var count = Double(lexicon.count(key))
        if lexicon.isName(key) { count += CliticInventory.nameCount }
        if beforeEnclitic, last == CliticInventory.teh {
            // مدرستهم: the stem is written with ت before a pronoun, listed with ة.
            // The hash of the letters with ة for the last one.
            let restored = Self.extend(withoutLast, CliticInventory.tehMarbuta)
            count = max(count, Double(lexicon.count(restored)))
        }
        return Foundation.log(count + CliticInventory.unknownCount)
    }

    /// ``ArabicFolding/hash(_:)`` of `values[range]`, read in place (the generic version
    /// over a slice went through `withContiguousStorageIfAvailable` on every call).
    @inline(__always)
    private static func hash(_ values: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var index = range.lowerBound
        while index < range.upperBound {
            hash = extend(hash, values[index])
            index &+= 1
        }
        return hash
    }

    /// One more letter in an ``ArabicFolding/hash(_:)``.
    @inline(__always)
    private static func extend(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
    }

    /// Whether `values` ends with `letters` (no longer than `values`).
    @inline(__always)
    private static func endsWith(_ values: UnsafeBufferPointer<UInt32>, _ letters: [UInt32]) -> Bool {
        let offset = values.count - letters.count
        for index in letters.indices where values[offset + index] != letters[index] { return false }
        return true
    }

    static func form(_ letter: UInt32) -> String {
        // The clitic letters as literals (building a String from a scalar is slow).
        switch letter {
        case CliticInventory.waw: "و"
        case CliticInventory.fa: "ف"
        case CliticInventory.ba: "ب"
        case CliticInventory.lam: "ل"
        case CliticInventory.kaf: "ك"
        case CliticInventory.sin: "س"
        default: String(Character(Unicode.Scalar(letter) ?? "?"))
        }
    }

    /// No conjunction, or one of them, with its weight (in the order tried).
    private static let conjunctionOptions: [(UInt32?, Double)] =
        [(nil, 0)] + CliticInventory.conjunctions.map { ($0.letter, $0.cost) }
    /// No particle, or one of them, with its weight (in the order tried).
    private static let particleOptions: [(UInt32?, Double)] =
        [(nil, 0)] + CliticInventory.particles.map { ($0.letter, $0.cost) }

    /// Function words that look like clitic + stem but are single words.
    private static let neverSplit: HashKeyTable<Bool> = {
        var table = HashKeyTable<Bool>(minimumCapacity: 40)
        for word in [
            "الله", "الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللاتي", "اللواتي",
            "الان", "الا", "الي", "لكن", "كان", "كانت", "كانوا", "كما", "لما",
            "مما", "عما", "ليس", "ليست", "فقط", "بعد", "بين", "بينما", "كل", "كلا", "كيف", "لدي", "لذا",
        ] {
            table.set(true, for: ArabicFolding.foldedHash(word))
        }
        return table
    }()
}

/// One way of cutting a word, with its score.
private struct Analysis {
    var conjunction: UInt32?
    var particle: UInt32?
    var article: Bool
    var stemStart: Int
    var stemEnd: Int
    var score: Double

    func segments(_ letters: WordLetters) -> [WordSegment] {
        var segments: [WordSegment] = []
        segments.reserveCapacity(5)
        var index = 0
        // The conjunction, then the particle: one letter each.
        if let conjunction {
            segments.append(WordSegment(role: .proclitic, range: letters.range(ofLetters: index..<(index + 1)), form: CliticSegmenter.form(conjunction)))
            index += 1
        }
        if let particle {
            segments.append(WordSegment(role: .proclitic, range: letters.range(ofLetters: index..<(index + 1)), form: CliticSegmenter.form(particle)))
            index += 1
        }
        if article {
            // The elided article «لل» is one letter; ال is two.
            let width = stemStart - index == 1 ? 1 : 2
            segments.append(WordSegment(role: .proclitic, range: letters.range(ofLetters: index..<(index + width)), form: "ال"))
            index += width
        }
        segments.append(WordSegment(role: .stem, range: letters.range(ofLetters: stemStart..<stemEnd), form: ""))
        let n = letters.values.count
        if stemEnd < n {
            var form = String.UnicodeScalarView()
            for value in letters.values[stemEnd..<n] {
                if let scalar = Unicode.Scalar(value) { form.append(scalar) }
            }
            segments.append(WordSegment(role: .enclitic, range: letters.range(ofLetters: stemEnd..<n), form: String(form)))
        }
        return segments
    }
}
