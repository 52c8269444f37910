import Foundation
import QalamLexicons

/// The n-best reranker of ``NameRomanizer``: a linear model (averaged perceptron weights)
/// over features of a candidate spelling — its joint-model score, whether and how often
/// it is a known name, its length relative to the Arabic word, and a few letter patterns
/// (doubled letters, vowel runs, endings).
///
/// The weights are trained on n-best lists of held-out folds of the training pairs by
/// `Lexicons/scripts/train_translit_reranker.py`, which computes the same features.
public struct RomanizerReranker: Sendable {
    /// The default weight file, relative to `Lexicons/`.
    public static let defaultPath = "translit/romanizer-reranker.tsv"

    /// The features, in weight-file order (names as in the file).
    static let featureNames = ["model", "census", "crank", "world", "wloc", "train", "tlog", "nolex", "len",
                               "dbl", "vowrun", "ou", "oo", "ee", "w", "endh", "endy", "endi", "ende"]

    /// One weight per feature, in ``featureNames`` order.
    let weights: [Double]

    /// Parses a weight file of `FEATURE<TAB>WEIGHT` lines; every feature must be present once.
    public init(data: Data, path: String) throws(LexiconError) {
        var found: [String: Double] = [:]
        var lineNumber = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let weight = Double(fields[1]), weight.isFinite,
                  Self.featureNames.contains(String(fields[0])), found[String(fields[0])] == nil else {
                throw LexiconError(path: path, reason: "line \(lineNumber): expected a known FEATURE<TAB>WEIGHT, once")
            }
            found[String(fields[0])] = weight
        }
        var weights: [Double] = []
        for name in Self.featureNames {
            guard let weight = found[name] else { throw LexiconError(path: path, reason: "no weight for feature '\(name)'") }
            weights.append(weight)
        }
        self.weights = weights
    }

    /// Loads the shipped weights.
    public static func shipped() throws(LexiconError) -> RomanizerReranker {
        try RomanizerReranker(data: LexiconStore.data(defaultPath), path: defaultPath)
    }

    /// The lexicon part of the score of a known (lower-case) name: membership and frequency
    /// in the census, world and training lists. Unknown spellings get the `nolex` weight instead.
    func lexiconScore(of name: String, model: RomanizerModel) -> Double {
        var total = 0.0
        if let rank = model.censusRank[name] { total += weights[1] + weights[2] * (5.0 - log10(Double(rank))) }
        if let locales = model.worldNames[name] { total += weights[3] + weights[4] * log10(Double(max(1, locales))) }
        if let count = model.trainingLatin[name] { total += weights[5] + weights[6] * log10(Double(count + 1)) }
        return total
    }

    /// The reranked score of a lower-case spelling `latin` of a word of `arabicLetters`
    /// folded letters, whose joint-model score (log10) is `modelScore`; `lexiconScore` is
    /// ``lexiconScore(of:model:)`` when the spelling is a known name, nil otherwise.
    func score(latin: [UInt8], modelScore: Double, arabicLetters: Int, lexiconScore: Double?) -> Double {
        var total = weights[0] * modelScore + (lexiconScore ?? weights[7])
        total += weights[8] * Double(latin.count) / Double(max(1, arabicLetters))
        var doubled = 0, vowelRuns = 0
        for index in latin.indices.dropFirst() {
            if latin[index] == latin[index - 1] { doubled += 1 }
            if Self.isVowel(latin[index]), Self.isVowel(latin[index - 1]) { vowelRuns += 1 }
        }
        total += weights[9] * Double(doubled) + weights[10] * Double(vowelRuns)
        total += weights[11] * Double(Self.occurrences(of: [0x6F, 0x75], in: latin))  // "ou"
        total += weights[12] * Double(Self.occurrences(of: [0x6F, 0x6F], in: latin))  // "oo"
        total += weights[13] * Double(Self.occurrences(of: [0x65, 0x65], in: latin))  // "ee"
        total += weights[14] * Double(latin.reduce(0) { $0 + ($1 == 0x77 ? 1 : 0) })  // "w"
        switch latin.last {
        case 0x68: total += weights[15]  // h
        case 0x79: total += weights[16]  // y
        case 0x69: total += weights[17]  // i
        case 0x65: total += weights[18]  // e
        default: break
        }
        return total
    }

    @inline(__always)
    private static func isVowel(_ byte: UInt8) -> Bool {
        byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75
    }

    /// Non-overlapping occurrences of a two-letter string, counted left to right.
    private static func occurrences(of pair: [UInt8], in latin: [UInt8]) -> Int {
        var count = 0
        var index = 0
        while index + 1 < latin.count {
            if latin[index] == pair[0], latin[index + 1] == pair[1] {
                count += 1
                index += 2
            } else {
                index += 1
            }
        }
        return count
    }
}
