import Foundation
import QalamLexicons

/// The n-best reranker of ``NameRomanizer``: a model over features of a word's best candidate
/// spellings that starts from the default ranking (its score and rank are features) and learns
/// corrections from the evidence behind it — the joint-model score, the noisy-channel term,
/// membership and frequency in each name list (census 1990, census 2010/2020, voter files, world
/// names), the Egyptian-name table, a few letter patterns, and the shape of the Arabic word.
///
/// Two kinds of model read the same features: an ensemble of regression trees trained as a
/// LambdaRank ranker (``RerankerTreeEnsemble``; the shipped one since the fourteenth round,
/// see `Romanization.md`) and a linear model (the sixth to thirteenth rounds' kind).
///
/// It reorders only the first ``head`` candidates of a word. The models are trained on honest
/// n-best lists (held-out folds of the training pairs, written by `qalam eval translit
/// --nbest-out`, which prints these same features) by `Lexicons/scripts/train_translit_reranker.py`.
public struct RomanizerReranker: Sendable {
    /// The default weight file, relative to `Lexicons/`.
    public static let defaultPath = "translit/romanizer-reranker.tsv"

    /// The features, in the order of `--nbest-out` columns (names as in the weight file):
    ///
    /// - `default`: the default ranking's score less the word's best; `model`: the joint-model
    ///   score less the best of the list; `rank1` `rank2` `rank3`: the default rank is 1, 2, 3;
    ///   `lrank`: log2 of the default rank;
    /// - `channel`: −log10 P(latin) of the noisy-channel term, 0 where it was not computed;
    ///   `chan`: 1 where it was;
    /// - `c90`, `c90rank` (5 − log10 rank): census 1990; `c20`, `c20count` (log10 bearers − 2):
    ///   census 2010/2020; `voter`: voter-file name; `world`, `wloc` (log10 locales): world names;
    ///   `nolex`: in none of these lists nor among the Latin names of the model's training pairs.
    ///   (Training-name membership is no feature of its own: in the held-out folds it marks a
    ///   wrong spelling, since the pairs hold each Latin name once, while in real text those
    ///   names are right — a weight learned from it would not transfer.)
    /// - `egy`, `egyrank` (place in the list), `egyins` (added by the table): Egyptian-name table;
    /// - `len` (Latin letters / Arabic letters), `dbl` (doubled letters), `vowrun` (adjacent
    ///   vowels), `ou` `oo` `ee` `w` (counts), `endh` `endy` `endi` `ende` (last letter);
    /// - the Arabic word (folded letters): `arlen` (letters), `arfirst` and `arlast` (the code
    ///   point of its first and last letter: trees split them into letter sets), `arart` (it
    ///   starts with «ال»).
    public static let featureNames = [
        "default", "model", "rank1", "rank2", "rank3", "lrank", "channel", "chan",
        "c90", "c90rank", "c20", "c20count", "voter", "world", "wloc", "nolex",
        "egy", "egyrank", "egyins",
        "len", "dbl", "vowrun", "ou", "oo", "ee", "w", "endh", "endy", "endi", "ende",
        "arlen", "arfirst", "arlast", "arart",
    ]

    /// The model that scores a candidate from its features.
    enum Scorer: Sendable {
        /// One weight per feature, in ``featureNames`` order.
        case linear([Double])
        /// Regression trees over the features (in ``featureNames`` order).
        case trees(RerankerTreeEnsemble)
    }

    /// The scoring model.
    let scorer: Scorer
    /// Candidates of a word reordered (the first ones of the default ranking).
    public let head: Int

    /// Whether the model is linear, so that the name-list part of a spelling's score can be
    /// computed once per name (``listScore(censusBucket:voter:census1990Rank:worldLocales:)``).
    public var isLinear: Bool {
        if case .linear = scorer { return true }
        return false
    }

    /// The linear weights (zeros for a tree model, which has no list part of its own).
    var weights: [Double] {
        if case .linear(let weights) = scorer { return weights }
        return [Double](repeating: 0, count: Self.featureNames.count)
    }

    /// Parses a reranker file: one `head<TAB>N` line (N ≥ 2) and either `FEATURE<TAB>WEIGHT`
    /// lines (a linear model: every feature once) or the `tree`, `split` and `leaf` lines of a
    /// tree ensemble (``RerankerTreeEnsemble``; features are numbered in ``featureNames`` order),
    /// not both; `#` lines are comments.
    public init(data: Data, path: String) throws(LexiconError) {
        var found: [String: Double] = [:]
        var trees = RerankerTreeEnsemble()
        var head: Int?
        var lineNumber = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if try trees.parse(fields, lineNumber: lineNumber, featureCount: Self.featureNames.count, path: path) {
                continue
            }
            if fields.count == 2, fields[0] == "head" {
                guard head == nil, let value = Int(fields[1]), value >= 2 else {
                    throw LexiconError(path: path, reason: "line \(lineNumber): expected head<TAB>N (N ≥ 2), once")
                }
                head = value
                continue
            }
            guard fields.count == 2, let weight = Double(fields[1]), weight.isFinite,
                  Self.featureNames.contains(String(fields[0])), found[String(fields[0])] == nil else {
                throw LexiconError(path: path, reason: "line \(lineNumber): expected a known FEATURE<TAB>WEIGHT, once")
            }
            found[String(fields[0])] = weight
        }
        guard let head else { throw LexiconError(path: path, reason: "no head<TAB>N line") }
        self.head = head
        if trees.count > 0 {
            guard found.isEmpty else { throw LexiconError(path: path, reason: "both feature weights and trees") }
            guard trees.isComplete else { throw LexiconError(path: path, reason: "the last tree lacks splits or leaves") }
            scorer = .trees(trees)
            return
        }
        var weights: [Double] = []
        for name in Self.featureNames {
            guard let weight = found[name] else { throw LexiconError(path: path, reason: "no weight for feature '\(name)'") }
            weights.append(weight)
        }
        scorer = .linear(weights)
    }

    /// Loads the shipped weights.
    public static func shipped() throws(LexiconError) -> RomanizerReranker {
        try RomanizerReranker(data: LexiconStore.data(defaultPath), path: defaultPath)
    }

    /// Reorders the first ``head`` spellings of a word's default ranking (best first) by the
    /// reranker's score. The rest keep their order after them, their scores shifted to stay below.
    /// `arabic` is the word's folded letters. A linear model takes the name-list part of a
    /// spelling's score from `listScore` (``listScore(censusBucket:voter:census1990Rank:worldLocales:)``
    /// summed over the lists holding it, nil for a spelling in no list nor among the training
    /// names); a tree model looks the lists up in `model`. Tree scores that tie keep the default order.
    func rerank(_ ranked: inout [RankedSpelling], arabic: [UInt32], model: RomanizerModel,
                listScore: (RankedSpelling) -> Double?) {
        let count = min(head, ranked.count)
        guard count > 1 else { return }
        let bestScore = ranked[0].score
        let bestModel = ranked.reduce(-Double.infinity) { max($0, $1.model) }
        let lastDefault = ranked[count - 1].score
        var values = [Double](repeating: 0, count: Self.featureNames.count)
        var lowest = Double.infinity
        switch scorer {
        case .linear(let weights):
            for index in 0..<count {
                Self.features(of: ranked[index], rank: index, bestScore: bestScore, bestModel: bestModel,
                              arabic: arabic, model: nil, into: &values)
                var total = listScore(ranked[index]) ?? weights[Self.noListIndex]
                for feature in values.indices { total += weights[feature] * values[feature] }
                ranked[index].score = total
                lowest = min(lowest, total)
            }
            RankedSpelling.sort(&ranked, in: 0..<count)
        case .trees(let trees):
            let stride = values.count
            var matrix = [Double](repeating: 0, count: count * stride)
            for index in 0..<count {
                Self.features(of: ranked[index], rank: index, bestScore: bestScore, bestModel: bestModel,
                              arabic: arabic, model: model, into: &values)
                matrix.replaceSubrange(index * stride..<(index + 1) * stride, with: values)
            }
            var scores = trees.scores(of: matrix, count: count, stride: stride).enumerated().map { (score: $1, rank: $0) }
            scores.sort { $0.score > $1.score || ($0.score == $1.score && $0.rank < $1.rank) }
            let head = scores.map { entry -> RankedSpelling in
                var spelling = ranked[entry.rank]
                spelling.score = entry.score
                return spelling
            }
            ranked.replaceSubrange(0..<count, with: head)
            // Equal tree scores keep the default order: nudge them apart so that a later sort by
            // score (``RankedSpelling/sort(_:in:)`` breaks ties alphabetically) keeps it too.
            for index in 1..<count where ranked[index].score >= ranked[index - 1].score {
                ranked[index].score = ranked[index - 1].score.nextDown
            }
            lowest = ranked[count - 1].score
        }
        for index in count..<ranked.count {
            ranked[index].score = lowest - 0.01 - (lastDefault - ranked[index].score)
        }
    }

    /// The place of `nolex` in ``featureNames``.
    static let noListIndex = 15

    /// The name-list part of the score of a name, for one list at a time (arguments left out: not
    /// in that list): census 2010/2020 with its count bucket, the voter files, census 1990 with
    /// its rank, the world names with their locale count. A name's list score is the sum over the
    /// lists holding it (`nolex` is for names in none).
    func listScore(censusBucket: UInt8? = nil, voter: Bool = false, census1990Rank: Int? = nil,
                   worldLocales: Int? = nil) -> Double {
        var total = 0.0
        if let census1990Rank { total += weights[8] + weights[9] * (5.0 - log10(Double(max(1, census1990Rank)))) }
        if let censusBucket { total += weights[10] + weights[11] * (Double(censusBucket) / 10 - 2) }
        if voter { total += weights[12] }
        if let worldLocales { total += weights[13] + weights[14] * log10(Double(max(1, worldLocales))) }
        return total
    }

    /// Writes the features of `spelling`, the default ranking's `rank`-th (from 0) candidate
    /// of a word whose folded letters are `arabic`, into `values` (``featureNames`` order). The
    /// name-list features (`c90` … `nolex`) are looked up in `model`'s lists; with no `model`
    /// they are left at 0 (a linear ``rerank(_:arabic:model:listScore:)`` adds their part from the trie).
    static func features(of spelling: RankedSpelling, rank: Int, bestScore: Double, bestModel: Double,
                         arabic: [UInt32], model: RomanizerModel?, into values: inout [Double]) {
        let arabicLetters = arabic.count
        for index in values.indices { values[index] = 0 }
        let latin = spelling.latin
        values[0] = spelling.score - bestScore
        values[1] = spelling.model - bestModel
        if rank < 3 { values[2 + rank] = 1 }
        values[5] = log2(Double(rank + 1))
        if let channel = spelling.channel {
            values[6] = channel
            values[7] = 1
        }
        if let model, spelling.mayBeListed {
            var known = false
            latin.withUnsafeBufferPointer { bytes in
                if let censusRank = model.censusRank.number(of: bytes) {
                    values[8] = 1
                    values[9] = 5.0 - log10(Double(max(1, censusRank)))
                    known = true
                }
                if let bucket = model.censusCounts.number(of: bytes) {
                    values[10] = 1
                    values[11] = Double(bucket) / 10 - 2
                    known = true
                }
                if model.voterNames.number(of: bytes) != nil {
                    values[12] = 1
                    known = true
                }
                if let locales = model.worldNames.number(of: bytes) {
                    values[13] = 1
                    values[14] = log10(Double(max(1, locales)))
                    known = true
                }
            }
            if !known, model.trainingLatin[String(decoding: latin, as: UTF8.self)] == nil { values[15] = 1 }
        } else if model != nil {
            values[15] = 1
        }
        if let egyptianRank = spelling.egyptianRank {
            values[16] = 1
            values[17] = Double(egyptianRank)
            if spelling.inserted { values[18] = 1 }
        }
        values[19] = Double(latin.count) / Double(max(1, arabicLetters))
        var doubled = 0, vowelRuns = 0
        for index in latin.indices.dropFirst() {
            if latin[index] == latin[index - 1] { doubled += 1 }
            if isVowel(latin[index]), isVowel(latin[index - 1]) { vowelRuns += 1 }
        }
        values[20] = Double(doubled)
        values[21] = Double(vowelRuns)
        values[22] = Double(occurrences(of: 0x6F, 0x75, in: latin))  // "ou"
        values[23] = Double(occurrences(of: 0x6F, 0x6F, in: latin))  // "oo"
        values[24] = Double(occurrences(of: 0x65, 0x65, in: latin))  // "ee"
        values[25] = Double(latin.reduce(0) { $0 + ($1 == 0x77 ? 1 : 0) })  // "w"
        switch latin.last {
        case 0x68: values[26] = 1  // h
        case 0x79: values[27] = 1  // y
        case 0x69: values[28] = 1  // i
        case 0x65: values[29] = 1  // e
        default: break
        }
        values[30] = Double(arabicLetters)
        if let first = arabic.first, let last = arabic.last {
            values[31] = Double(first)
            values[32] = Double(last)
        }
        if arabicLetters >= 2, arabic[0] == 0x0627, arabic[1] == 0x0644 { values[33] = 1 }  // «ال»
    }

    @inline(__always)
    private static func isVowel(_ byte: UInt8) -> Bool {
        byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75
    }

    /// Non-overlapping occurrences of a two-letter string, counted left to right.
    private static func occurrences(of first: UInt8, _ second: UInt8, in latin: [UInt8]) -> Int {
        var count = 0
        var index = 0
        while index + 1 < latin.count {
            if latin[index] == first, latin[index + 1] == second {
                count += 1
                index += 2
            } else {
                index += 1
            }
        }
        return count
    }
}
