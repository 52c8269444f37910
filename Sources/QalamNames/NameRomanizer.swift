import Foundation
import QalamLexicons

/// Romanizes Arabic-script names: «جون سميث» → "John Smith".
///
/// Each word is decoded with a beam search over a joint-sequence (graphone) n-gram model
/// learned from Wikipedia-mined name pairs, three times: freely, constrained to known Latin
/// names, and constrained to the known names that share the word's consonant skeleton
/// (``NameSkeleton``: rare letter correspondences are tried there). Candidate spellings that
/// differ only in segmentation are merged, and the list is rescored with the US census name lists and
/// the Latin names seen in training (real names win over plausible non-names). A leading
/// «و» (and) is also tried as a conjunction. An n-best reranker (``RomanizerReranker``,
/// regression trees) then reorders each word's best candidates. Multi-word names are romanized word by word
/// (results are cached per word) and combined, best first.
///
/// Thread-safe: one instance can serve many threads (the word cache is locked).
public final class NameRomanizer: @unchecked Sendable {
    /// Search and rescoring settings. The defaults were tuned on a held-out part of the
    /// training pairs (never on the evaluation file).
    public struct Configuration: Sendable, Hashable {
        /// Hypotheses kept per Arabic position in the beam search.
        public var beamWidth = 8
        /// Hypotheses more than this (log10 units) below the best at their position are dropped in
        /// the free pass (the constrained pass has ``lexiconPruningThreshold``; until the tenth round
        /// this one served both).
        public var pruningThreshold = 3.0
        /// Graphones tried per Arabic letter (or letter pair), most probable first, in the free pass.
        public var graphonesPerLetter = 8
        /// Score bonus (log10 units) for a spelling in the census name lists.
        public var censusBonus = 2.0
        /// Extra bonus per decade of census frequency rank above the rarest (log10 rank scale).
        public var censusRankWeight = 0.3
        /// Score bonus for a spelling in the US census 2010/2020 lists (the larger of this term
        /// and the 1990 census term counts).
        public var censusCountBonus = 2.0
        /// Extra bonus per decade of the number of bearers above 100 in the 2010/2020 census lists.
        public var censusCountWeight = 0.7
        /// Score bonus for a voter-file name that is in no census list (a noisier source).
        public var voterBonus = 1.5
        /// Score bonus for a spelling in the world name lists (Faker's ~80 locales).
        public var worldBonus = 1.0
        /// Extra bonus per decade of the number of locales listing a world name.
        public var worldLocaleWeight = 0.5
        /// Score bonus for a spelling seen as a Latin name in the training pairs.
        public var trainingBonus = 0.5
        /// Graphones tried per Arabic letter (or letter pair) in the pass constrained to known names
        /// (24 since the ninth round: more known names reach the candidate list, ≈ +19 % instructions
        /// per name together with the wider beam below).
        public var lexiconGraphonesPerLetter = 24
        /// Hypotheses kept per Arabic position in the pass constrained to known names (0: no such pass).
        public var lexiconBeamWidth = 40
        /// Hypotheses more than this (log10 units) below the best at their position are dropped in
        /// the pass constrained to known names (``pruningThreshold`` is the free pass's; both 3). A
        /// looser 4 lets more known names reach the list (top-5 up on every dev fold) but did not
        /// raise top-1 and cost 9–32 % more per name (tenth round, not kept).
        public var lexiconPruningThreshold = 3.0
        /// A known name gets its lexicon bonus only when its model score is at most this much
        /// (log10) below the best free spelling of the word (`.infinity`: always). Keeps a frequent
        /// name reached only by dropping letters from beating a faithful spelling.
        public var lexiconMaxGap = 3.0
        /// Penalty for reading a leading «و» as the conjunction "and".
        public var conjunctionPenalty = 2.0
        /// Weight of the noisy-channel term: each of a word's best ``channelCandidates`` spellings
        /// gains `channelWeight · (−log10 P(latin))`, P(latin) being the spelling's marginal
        /// probability under the joint model, so that the ranking tends to
        /// log P(arabic, latin) − w · log P(latin) = log P(arabic | latin) + (1 − w) · log P(latin)
        /// (0: off).
        public var channelWeight = 0.5
        /// Spellings of a word (best first by model score and lexicon bonus) that get the
        /// noisy-channel term and are reordered by it.
        public var channelCandidates = 4
        /// Only spellings at most this much (log10) below the word's best get the noisy-channel
        /// term (a spelling further down cannot overtake; no term at all when only the best is that close).
        public var channelMaxGap = 2.0
        /// Histories kept per Latin position when estimating P(latin).
        public var channelBeamWidth = 4
        /// Graphones tried per Latin span when estimating P(latin).
        public var channelGraphonesPerSpan = 4
        /// Bonus for a candidate that is a listed spelling of the word in ``EgyptianNameSpellings``
        /// (the main spelling; each later variant gets ``egyptianNameDecay`` less).
        public var egyptianNameBonus = 2.0
        /// How much less each later listed spelling of a word gets.
        public var egyptianNameDecay = 0.3
        /// A listed spelling the search did not find is added this much (log10) below the word's
        /// best candidate (less the decay of its place in the list).
        public var egyptianNameInsertGap = 3.0
        /// Hypotheses kept per Arabic position in the skeleton pass, which searches only the known
        /// names whose consonant skeleton (``NameSkeleton``) is the word's: it reaches names the
        /// other passes miss because they need a rare graphone («ميرفي» → Murphy needs ي → u).
        /// 0, or no skeleton table: no such pass.
        public var skeletonBeamWidth = 40
        /// Graphones tried per Arabic letter (or letter pair) in the skeleton pass.
        public var skeletonGraphonesPerLetter = 64
        /// Pruning threshold (log10) of the skeleton pass.
        public var skeletonPruningThreshold = 5.0
        /// Words cached (per instance); 0 disables the cache.
        public var cacheLimit = 100_000

        /// The tuned defaults.
        public init() {}
    }

    /// The model in use.
    public let model: RomanizerModel
    /// The settings in use.
    public let configuration: Configuration
    /// The n-best reranker (nil: the default ranking — model score, lexicon bonuses, noisy-channel
    /// term, Egyptian-name bonus — alone).
    public let reranker: RomanizerReranker?
    /// Curated usual spellings of common Arabic names, put before the model's candidates (nil: none).
    public let spellings: ArabicNameSpellings?
    /// Usual spellings of 41k Arabic given names, a bonus for the candidates they list (nil: none).
    public let egyptianNames: EgyptianNameSpellings?
    /// The consonant skeletons of the skeleton pass (nil: no such pass).
    public let skeletons: NameSkeleton?
    private var cache: [String: [RomanizationCandidate]] = [:]
    private let trie: PackedNameTrie
    /// The known names again, each below the ``NameSkeleton/prefix(ofPacked:)`` of each of its
    /// skeletons (nil: no skeleton pass).
    private let skeletonTrie: PackedNameTrie?
    /// The P(latin) estimator of the noisy-channel term (nil when its weight is 0).
    private let marginalScorer: LatinMarginalScorer?
    private let lock = NSLock()
    /// Arc-score memos not in use (guarded by `lock`): a word takes one and gives it back, so
    /// arcs scored for earlier words (common word starts and endings) are found again, and no
    /// two threads share one.
    private var idleMemos: [ArcScoreMemo] = []
    /// Buffers of the P(latin) estimate not in use (guarded by `lock`), lent like the memos:
    /// allocating and clearing them for every word cost more than the estimate's arcs.
    private var idleMarginalScratches: [LatinMarginalScorer.Scratch] = []
    /// The working buffers of a word's search, lent like the memos (guarded by `lock`).
    private struct SearchBuffers {
        var decoder = BeamDecoder.Buffers()
        var found = SpellingTable(capacity: 32)
        var constrained = SpellingTable(capacity: 32)
        var merged = SpellingTable(capacity: 64)
    }
    /// Search buffers not in use (guarded by `lock`).
    private var idleSearchBuffers: [SearchBuffers] = []
    /// Slots per arc-score memo (16 bytes each).
    private static let memoSlots = 1 << 14
    /// Candidates kept per word before combining words (enough for top-K of the whole name).
    private static let perWordCandidates = 16

    /// Loads the shipped model from `Lexicons/translit/`.
    ///
    /// - Parameter reranked: also load the shipped n-best reranker (the default), which reorders
    ///   the first candidates of each word from the evidence behind the default ranking (top-1
    ///   0.428 → 0.449 averaged over ten held-out folds of the training pairs: see
    ///   `Romanization.md`, fourteenth round). `false` gives the default ranking alone.
    ///
    /// The shipped table of usual spellings of common Arabic names (``ArabicNameSpellings``)
    /// and the larger table of Egyptian names (``EgyptianNameSpellings``) are loaded too.
    public convenience init(reranked: Bool = true) throws {
        try self.init(model: RomanizerModel.shipped(), reranker: reranked ? RomanizerReranker.shipped() : nil,
                      spellings: ArabicNameSpellings.shipped(), egyptianNames: EgyptianNameSpellings.shipped(),
                      skeletons: NameSkeleton.shipped())
    }

    /// Uses an already loaded model and, optionally, a reranker for the candidates of each word
    /// and a table of usual spellings of Arabic names (listed words get those spellings first),
    /// and a table of Egyptian names whose listed spellings get a bonus, and the consonant
    /// skeletons of the skeleton pass.
    public init(model: RomanizerModel, configuration: Configuration = Configuration(), reranker: RomanizerReranker? = nil,
                spellings: ArabicNameSpellings? = nil, egyptianNames: EgyptianNameSpellings? = nil,
                skeletons: NameSkeleton? = nil) {
        self.model = model
        self.configuration = configuration
        self.reranker = reranker
        self.spellings = spellings
        self.egyptianNames = egyptianNames
        self.skeletons = configuration.skeletonBeamWidth > 0 ? skeletons : nil
        // The large sorted lists first, each name with its own list's bonus (no strings built);
        // then the names of the smaller lexicons, whose bonus combines with the one found in the
        // trie as in `bonus(_:model:configuration:)` (census terms: the larger; others add up).
        var trie = LatinNameTrie(expectedNodes: 300_000 + 2 * (model.censusCounts.count + model.voterNames.count),
                                 tracksScores: reranker?.isLinear == true)
        // With a linear reranker, each name also gets the lexicon part of its reranker score, summed
        // over the lists that hold it (``RomanizerReranker/listScore(censusBucket:voter:census1990Rank:worldLocales:)``).
        let linear = reranker?.isLinear == true ? reranker : nil
        let countScore = (0...255).map { Float(linear?.listScore(censusBucket: UInt8($0)) ?? 0) }
        let voterScore = Float(linear?.listScore(voter: true) ?? 0)
        let countBonus = (0...255).map {
            Float(configuration.censusCountBonus + configuration.censusCountWeight * (Double($0) / 10 - 2))
        }
        for (list, isCensus) in [(model.censusCounts, true), (model.voterNames, false)] {
            var path: [Int32] = [0]
            var previous: ArraySlice<UInt8> = []
            for index in 0..<list.count {
                let bytes = list.name(at: index)
                let bonus = isCensus ? countBonus[Int(list.number(at: index))] : Float(configuration.voterBonus)
                let score = isCensus ? countScore[Int(list.number(at: index))] : voterScore
                trie.insert(sorted: bytes, after: previous, path: &path, bonus: bonus, score: score)
                previous = bytes
            }
        }
        func add(_ name: String, rank: Int?, locales: Int?, trained: Bool) {
            let census = rank.map {
                Float(configuration.censusBonus + configuration.censusRankWeight * (5.0 - log10(Double($0))))
            }
            var additive = 0.0
            if trained { additive += configuration.trainingBonus }
            if let locales {
                additive += configuration.worldBonus + configuration.worldLocaleWeight * log10(Double(max(1, locales)))
            }
            let score = linear.map { Float($0.listScore(census1990Rank: rank, worldLocales: locales)) } ?? 0
            trie.insert(name, census: census, additive: Float(additive), score: score)
        }
        // Each name once, with what the three lists say of it (each list's own entries are walked,
        // so a name costs two look-ups in the others, not five).
        let census = model.censusRank, world = model.worldNames
        for index in 0..<census.count {
            let name = census.name(at: index)
            add(name, rank: census.number(at: index), locales: world[name], trained: model.trainingLatin[name] != nil)
        }
        for name in model.trainingLatin.keys where census[name] == nil {
            add(name, rank: nil, locales: world[name], trained: true)
        }
        for index in 0..<world.count {
            let name = world.name(at: index)
            guard census[name] == nil && model.trainingLatin[name] == nil else { continue }
            add(name, rank: nil, locales: world.number(at: index), trained: false)
        }
        self.trie = PackedNameTrie(consuming: &trie)
        trie = LatinNameTrie()  // the builder's per-node arrays are not needed any more
        skeletonTrie = self.skeletons.map { [trie = self.trie] in Self.skeletonTrie(of: trie, skeletons: $0) }
        marginalScorer = configuration.channelWeight != 0 && configuration.channelCandidates > 0
            ? LatinMarginalScorer(model: model, beamWidth: configuration.channelBeamWidth,
                                  graphonesPerSpan: configuration.channelGraphonesPerSpan)
            : nil
    }

    /// The trie of every known name (those of `names`, with their bonus) below the
    /// ``NameSkeleton/prefix(ofPacked:)`` of each of its skeletons: the skeleton pass walks a
    /// word's prefix, then searches the names below. The entries are sorted before the trie is
    /// built, so that the names below one node lie side by side in memory.
    private static func skeletonTrie(of names: PackedNameTrie, skeletons: NameSkeleton) -> PackedNameTrie {
        var bytes: [UInt8] = []
        var starts: [Int32] = [0]
        var values: [Float] = []
        // The entries' buffers are dropped before the trie is built (lower peak memory of loading).
        do {
            var nameBytes: [UInt8] = []
            var nameStarts: [Int32] = [0]
            var bonuses: [Float] = []
            // (packed skeleton, name number): names come in byte order.
            var entries: [(key: UInt64, name: Int32)] = []
            var keys: [UInt64] = []
            var variants: [NameSkeleton.PackingVariant] = []
            var next: [NameSkeleton.PackingVariant] = []
            names.forEachLetterName { name, bonus in
                keys.removeAll(keepingCapacity: true)
                skeletons.packedKeys(latin: name, into: &keys, variants: &variants, next: &next)
                guard !keys.isEmpty else { return }
                let number = Int32(bonuses.count)
                for key in keys { entries.append((key, number)) }
                nameBytes.append(contentsOf: name)
                nameStarts.append(Int32(nameBytes.count))
                bonuses.append(bonus)
            }
            entries.sort { $0.key < $1.key || ($0.key == $1.key && $0.name < $1.name) }
            bytes.reserveCapacity(nameBytes.count * 2 * entries.count / max(1, bonuses.count))
            starts.reserveCapacity(entries.count + 1)
            values.reserveCapacity(entries.count)
            var previousKey: UInt64 = 0
            var prefix: [UInt8] = []
            for (key, name) in entries {
                if key != previousKey || prefix.isEmpty {
                    prefix = NameSkeleton.prefix(ofPacked: key)
                    previousKey = key
                }
                bytes.append(contentsOf: prefix)
                bytes.append(contentsOf: nameBytes[Int(nameStarts[Int(name)])..<Int(nameStarts[Int(name) + 1])])
                starts.append(Int32(bytes.count))
                values.append(bonuses[Int(name)])
            }
        }
        return PackedNameTrie(sortedNames: bytes, starts: starts, bonuses: values)
    }

    /// Up to `top` Latin spellings of `arabic` (one or more words), best first. Words
    /// without any Arabic letter are kept as they are; an empty name gives no candidates.
    public func romanize(_ arabic: String, top: Int = 5) -> [RomanizationCandidate] {
        guard top > 0 else { return [] }
        let words = Self.joiningCompounds(arabic.split(whereSeparator: { $0.isWhitespace }),
                                          isListed: { [spellings] in spellings?.spellings(of: $0).isEmpty == false })
        if words.isEmpty { return [] }
        var combined: [RomanizationCandidate] = [RomanizationCandidate(latin: "", score: 0)]
        let keep = max(top, 1)
        for (index, word) in words.enumerated() {
            let options = candidates(forWord: word, allowConjunction: index == 0, top: keep)
            if options.isEmpty { continue }
            var next: [RomanizationCandidate] = []
            next.reserveCapacity(combined.count * options.count)
            let lowercased = index > 0 && Self.isLowercaseParticle(word)
            for prefix in combined {
                for option in options.prefix(keep) {
                    let spelling = lowercased ? option.latin.lowercased() : option.latin
                    let latin = prefix.latin.isEmpty ? spelling : prefix.latin + " " + spelling
                    next.append(RomanizationCandidate(latin: latin, score: prefix.score + option.score))
                }
            }
            next.sort { $0.score > $1.score || ($0.score == $1.score && $0.latin < $1.latin) }
            combined = Array(next.prefix(keep))
        }
        if combined.count == 1 && combined[0].latin.isEmpty { return [] }
        return Array(combined.prefix(top))
    }

    /// Whether `word` is «بن», «بنت» or «ابن» ("son/daughter of"), which English writes in
    /// lower case inside a name: "Mohammed bin Salman", "Ali ibn Abi Talib". (As a name's
    /// first word it keeps its capital: "Bin Laden".)
    static func isLowercaseParticle(_ word: Substring) -> Bool {
        let letters = ArabicNameSpellings.normalized(ArabicNameFolding.foldForModel(word))
        return letters == [0x0628, 0x0646] || letters == [0x0628, 0x0646, 0x062A] || letters == [0x0627, 0x0628, 0x0646]
    }

    /// Joins «عبد» with a following word that starts with the article («عبد الله» →
    /// «عبدالله»), since such compounds are romanized as one name (Abdallah, Abdelaziz);
    /// and a word followed by «الله», «الدين» or «الإسلام» when `isListed` says the joined
    /// form is a known name («نور الدين» → «نورالدين», Nour al-Din).
    static func joiningCompounds(_ words: [Substring], isListed: (String) -> Bool = { _ in false }) -> [Substring] {
        var result: [Substring] = []
        var index = 0
        while index < words.count {
            if words[index] == "عبد", index + 1 < words.count, words[index + 1].hasPrefix("ال") {
                result.append(Substring(words[index] + words[index + 1]))
                index += 2
            } else if index + 1 < words.count, ["الله", "الدين", "الإسلام", "الاسلام"].contains(words[index + 1]),
                      isListed(String(words[index] + words[index + 1])) {
                result.append(Substring(words[index] + words[index + 1]))
                index += 2
            } else {
                result.append(words[index])
                index += 1
            }
        }
        return result
    }

    /// The best Latin spelling of `arabic`, or nil when it has none.
    public func best(_ arabic: String) -> String? { romanize(arabic, top: 1).first?.latin }

    /// Candidates for one word, best first: at least `top`, and with the cache on at least 16
    /// (what is cached serves any `top` up to 16), from the cache when possible. Without a cache
    /// only `top` are built (the first `top` of a longer list are the same: every step after the
    /// search keeps the order of what it is given).
    func candidates(forWord word: Substring, allowConjunction: Bool, top: Int) -> [RomanizationCandidate] {
        let wanted = max(top, Self.perWordCandidates)
        guard configuration.cacheLimit > 0, wanted == Self.perWordCandidates else {
            return computeCandidates(forWord: word, allowConjunction: allowConjunction,
                                     top: configuration.cacheLimit > 0 ? wanted : max(top, 1))
        }
        let key = allowConjunction ? String(word) : "\u{1}" + word
        lock.lock()
        let cached = cache[key]
        lock.unlock()
        if let cached { return cached }
        let result = computeCandidates(forWord: word, allowConjunction: allowConjunction, top: wanted)
        lock.lock()
        if cache.count >= configuration.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[key] = result
        lock.unlock()
        return result
    }

    private func computeCandidates(forWord word: Substring, allowConjunction: Bool, top: Int) -> [RomanizationCandidate] {
        // Punctuation around the letters («محمد،», "«بوب»") is kept, Arabic marks as Latin ones.
        let scalars = Array(word.unicodeScalars)
        let isLetter: (Unicode.Scalar) -> Bool = { $0.properties.isAlphabetic }
        if let first = scalars.firstIndex(where: isLetter), let last = scalars.lastIndex(where: isLetter),
           first > 0 || last < scalars.count - 1 {
            let core = String(String.UnicodeScalarView(scalars[first...last]))
            let lead = Self.latinPunctuation(scalars[..<first])
            let trail = Self.latinPunctuation(scalars[(last + 1)...])
            return computeCandidates(forWord: Substring(core), allowConjunction: allowConjunction, top: top).map {
                RomanizationCandidate(latin: lead + $0.latin + trail, score: $0.score)
            }
        }
        let letters = ArabicNameFolding.foldForModel(word)
        guard !letters.isEmpty, letters.allSatisfy(ArabicNameFolding.isModelLetter) else {
            // Not an Arabic word (Latin, digits, punctuation, or mixed): keep it as written.
            return letters.isEmpty ? [] : [RomanizationCandidate(latin: String(word), score: 0)]
        }
        var ranked = defaultRanking(of: letters, allowConjunction: allowConjunction)
        if let reranker {
            reranker.rerank(&ranked, arabic: letters, model: model) { [trie] in
                // Names in no list (not in the trie) score as `nolex`.
                $0.mayBeListed ? trie.score(of: $0.latin).map(Double.init) : nil
            }
        }
        var result = ranked.prefix(top).map {
            RomanizationCandidate(latin: NameCapitalization.capitalize(String(decoding: $0.latin, as: UTF8.self)), score: $0.score)
        }
        if let spellings {
            var listed = spellings.spellings(ofFolded: letters)
            var penalty = 0.0
            if listed.isEmpty, allowConjunction, letters.count >= 3, letters[0] == 0x0648 {
                listed = spellings.spellings(ofFolded: Array(letters.dropFirst()))
                penalty = configuration.conjunctionPenalty
            }
            if !listed.isEmpty { result = Self.puttingFirst(listed, before: result, penalty: penalty, top: top) }
        }
        return result
    }

    /// The default ranking of a folded word's spellings, best first: the three beam passes, model
    /// score + lexicon bonuses, the noisy-channel term on the head, the Egyptian-name table.
    func defaultRanking(of letters: [UInt32], allowConjunction: Bool) -> [RankedSpelling] {
        let decoder = BeamDecoder(model: model, configuration: configuration)
        var lexiconSettings = configuration
        lexiconSettings.beamWidth = configuration.lexiconBeamWidth
        lexiconSettings.graphonesPerLetter = configuration.lexiconGraphonesPerLetter
        lexiconSettings.pruningThreshold = configuration.lexiconPruningThreshold
        let lexiconDecoder = BeamDecoder(model: model, configuration: lexiconSettings)
        var skeletonSettings = configuration
        skeletonSettings.beamWidth = configuration.skeletonBeamWidth
        skeletonSettings.graphonesPerLetter = configuration.skeletonGraphonesPerLetter
        skeletonSettings.pruningThreshold = configuration.skeletonPruningThreshold
        let skeletonDecoder = BeamDecoder(model: model, configuration: skeletonSettings)
        var bestFree = -Double.infinity
        lock.lock()
        let memo = idleMemos.popLast() ?? ArcScoreMemo(size: Self.memoSlots)
        var buffers = idleSearchBuffers.popLast() ?? SearchBuffers()
        lock.unlock()
        defer {
            lock.lock()
            idleMemos.append(memo)
            idleSearchBuffers.append(buffers)
            lock.unlock()
        }
        // Spelling → (log10 probability, lexicon bonus).
        buffers.merged.removeAll()
        // A constrained pass's results joined to `found`: segmentations of a spelling summed,
        // then each spelling kept with the better of its scores.
        func join(_ results: [BeamDecoder.Result], penalty: Double) {
            buffers.constrained.removeAll()
            for result in results {
                buffers.constrained.accumulate(result.latin, score: result.score - penalty, bonus: result.bonus)
            }
            let constrained = buffers.constrained
            for entry in 0..<constrained.count {
                buffers.found.keepBetter(constrained.spellings[entry], score: constrained.scores[entry],
                                         bonus: constrained.bonuses[entry])
            }
        }
        func collect(_ letters: [UInt32], penalty: Double) {
            buffers.found.removeAll()
            for result in decoder.decode(letters, bonusTrie: trie, memo: memo, buffers: &buffers.decoder) {
                buffers.found.accumulate(result.latin, score: result.score - penalty, bonus: result.bonus)
            }
            for score in buffers.found.scores { bestFree = max(bestFree, score) }
            if configuration.lexiconBeamWidth > 0 {
                join(lexiconDecoder.decode(letters, trie: trie, bonusTrie: trie, memo: memo, buffers: &buffers.decoder),
                     penalty: penalty)
            }
            // The skeleton pass: the known names below the word's skeleton in the skeleton trie.
            if let skeletons, let skeletonTrie,
               let key = NameSkeleton.packed(skeletons.key(arabic: letters)) {
                let root = skeletonTrie.lookup(NameSkeleton.prefix(ofPacked: key))
                if root >= 0 {
                    join(skeletonDecoder.decode(letters, trie: skeletonTrie, root: root, bonusTrie: trie, memo: memo,
                                                buffers: &buffers.decoder),
                         penalty: penalty)
                }
            }
            let found = buffers.found
            for entry in 0..<found.count {
                buffers.merged.keepBetter(found.spellings[entry], score: found.scores[entry], bonus: found.bonuses[entry])
            }
        }
        collect(letters, penalty: 0)
        if allowConjunction, letters.count >= 4, letters[0] == 0x0648 {
            collect(Array(letters.dropFirst()), penalty: configuration.conjunctionPenalty)
        }
        // Ranked by model score + lexicon bonus.
        var ranked: [RankedSpelling] = []
        let merged = buffers.merged
        ranked.reserveCapacity(merged.count)
        let bonusFloor = bestFree - configuration.lexiconMaxGap
        for entry in 0..<merged.count {
            let score = merged.scores[entry]
            let bonus = score >= bonusFloor ? merged.bonuses[entry] : 0
            ranked.append(RankedSpelling(latin: merged.spellings[entry], score: score + bonus, model: score,
                                         mayBeListed: merged.bonuses[entry] != 0))
        }
        RankedSpelling.sort(&ranked)
        if let marginalScorer, ranked.count > 1 {
            // Noisy channel: the head of the list gains w · (−log10 P(latin)) and is reordered.
            var head = 0
            let floor = ranked[0].score - configuration.channelMaxGap
            while head < min(configuration.channelCandidates, ranked.count) && ranked[head].score >= floor { head += 1 }
            if head > 1 {
                lock.lock()
                var scratch = idleMarginalScratches.popLast() ?? LatinMarginalScorer.Scratch()
                lock.unlock()
                defer {
                    lock.lock()
                    idleMarginalScratches.append(scratch)
                    lock.unlock()
                }
                // In alphabetical order: each spelling reuses the cells of the prefix it shares
                // with the one before (the estimates do not depend on the order).
                let order = (0..<head).sorted { ranked[$0].latin.lexicographicallyPrecedes(ranked[$1].latin) }
                for index in order {
                    let marginal = marginalScorer.logProbability(of: ranked[index].latin, memo: memo, scratch: &scratch)
                    if marginal > -.infinity {
                        ranked[index].score -= configuration.channelWeight * marginal
                        ranked[index].channel = -marginal
                    }
                }
                RankedSpelling.sort(&ranked, in: 0..<head)
            }
        }
        if let egyptianNames {
            let listed = egyptianNames.spellings(ofFolded: letters)
            if !listed.isEmpty, configuration.egyptianNameBonus != 0 || configuration.egyptianNameInsertGap.isFinite {
                let best = ranked.first?.score ?? 0
                var missing = Set(listed.indices)
                for index in ranked.indices {
                    guard let rank = listed.firstIndex(of: ranked[index].latin) else { continue }
                    missing.remove(rank)
                    ranked[index].score += configuration.egyptianNameBonus - configuration.egyptianNameDecay * Double(rank)
                    ranked[index].egyptianRank = rank
                }
                if configuration.egyptianNameInsertGap.isFinite {
                    for rank in missing.sorted() {
                        let score = best - configuration.egyptianNameInsertGap - configuration.egyptianNameDecay * Double(rank)
                        ranked.append(RankedSpelling(latin: listed[rank], score: score, model: score,
                                                     egyptianRank: rank, inserted: true))
                    }
                }
                RankedSpelling.sort(&ranked)
            }
        }
        return ranked
    }

    /// For training the reranker: the first `top` spellings of the default ranking of one
    /// Arabic word (lower case, best first), each with its default score and the reranker's
    /// features (``RomanizerReranker/featureNames`` order). Empty when the word has a letter the
    /// model does not know, or is listed in the Arabic-name table (whose spellings come first
    /// whatever the ranking).
    @_spi(Training)
    public func rerankerFeatures(ofWord word: String, top: Int) -> [(latin: String, score: Double, features: [Double])] {
        let letters = ArabicNameFolding.foldForModel(word)
        guard !letters.isEmpty, letters.allSatisfy(ArabicNameFolding.isModelLetter),
              spellings?.spellings(ofFolded: letters).isEmpty != false else { return [] }
        let all = defaultRanking(of: letters, allowConjunction: true)
        guard let best = all.first?.score else { return [] }
        let bestModel = all.reduce(-Double.infinity) { max($0, $1.model) }
        let ranked = all.prefix(top)
        var values = [Double](repeating: 0, count: RomanizerReranker.featureNames.count)
        return ranked.enumerated().map { rank, spelling in
            RomanizerReranker.features(of: spelling, rank: rank, bestScore: best, bestModel: bestModel,
                                       arabic: letters, model: model, into: &values)
            return (String(decoding: spelling.latin, as: UTF8.self), spelling.score, values)
        }
    }

    /// `listed` spellings (most usual first) ahead of the model's `candidates`, scored just
    /// above the model's best (less `penalty` for a word read as «و» + name); duplicates dropped.
    static func puttingFirst(_ listed: [String], before candidates: [RomanizationCandidate], penalty: Double,
                             top: Int) -> [RomanizationCandidate] {
        let best = (candidates.first?.score ?? 0) - penalty
        var result: [RomanizationCandidate] = []
        var seen = Set<String>()
        for (rank, latin) in listed.enumerated() where seen.insert(latin.lowercased()).inserted {
            result.append(RomanizationCandidate(latin: latin, score: best + 1.0 - 0.25 * Double(rank)))
        }
        for candidate in candidates where seen.insert(candidate.latin.lowercased()).inserted {
            result.append(RomanizationCandidate(latin: candidate.latin, score: min(candidate.score, (result.last?.score ?? candidate.score) - 0.01)))
        }
        return Array(result.prefix(top))
    }

    /// Punctuation with the Arabic comma, semicolon, question mark and guillemets in Latin form.
    static func latinPunctuation(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var result = String.UnicodeScalarView()
        for scalar in scalars {
            switch scalar.value {
            case 0x060C: result.append(",")
            case 0x061B: result.append(";")
            case 0x061F: result.append("?")
            case 0x00AB, 0x00BB: result.append("\"")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// The rescoring bonus of a (lower-case) Latin spelling.
    func lexiconBonus(_ latin: String) -> Double { Self.bonus(latin, model: model, configuration: configuration) }

    private static func bonus(_ latin: String, model: RomanizerModel, configuration: Configuration) -> Double {
        var bonus = 0.0
        var census = -Double.infinity
        if let rank = model.censusRank[latin] {
            census = configuration.censusBonus + configuration.censusRankWeight * (5.0 - log10(Double(rank)))
        }
        if let bucket = model.censusCounts.number(of: latin) {
            census = max(census, configuration.censusCountBonus + configuration.censusCountWeight * (Double(bucket) / 10 - 2))
        }
        if census > -.infinity {
            bonus += census
        } else if model.voterNames.number(of: latin) != nil {
            bonus += configuration.voterBonus
        }
        if model.trainingLatin[latin] != nil { bonus += configuration.trainingBonus }
        if let locales = model.worldNames[latin] {
            bonus += configuration.worldBonus + configuration.worldLocaleWeight * log10(Double(max(1, locales)))
        }
        return bonus
    }
}

/// log10(10^a + 10^b), with a nil `a` meaning "no probability yet".
@inline(__always)
func logSumExp10(_ a: Double?, _ b: Double) -> Double {
    guard let a else { return b }
    let high = max(a, b)
    let low = min(a, b)
    return high + log10(1 + pow(10, low - high))
}
