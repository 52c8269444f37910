import QalamLexicons
import QalamText

/// Scores how much an Arabic-script word looks like a transliterated foreign name
/// («بيرتي», «كوالسكي») rather than an ordinary Arabic word, from letter trigrams.
///
/// The table (`Lexicons/names/translit-trigrams.tsv`) holds per-trigram log-odds learned
/// from the Arabic side of the transliteration train pairs against ordinary words of the
/// ANERcorp train split; a word's score is the mean over its trigrams (word ends marked).
public struct TransliterationScorer: Sendable {
    private var logOdds = HashKeyTable<Float>()

    /// The table's path, relative to `Lexicons/`.
    public static let path = "names/translit-trigrams.tsv"

    /// A scorer from explicit trigram log-odds (tests).
    public init(logOdds: [String: Float]) {
        for (trigram, value) in logOdds { self.logOdds.set(value, for: ArabicFolding.hash(trigram.unicodeScalars.map(\.value))) }
    }

    /// Loads the shipped table; a missing or malformed file is a ``QalamLexicons/LexiconError``.
    public static func shipped() throws(LexiconError) -> TransliterationScorer {
        var scorer = TransliterationScorer(logOdds: [:])
        try LexiconRows.forEach(path, columns: 2) { (row, line) throws(LexiconError) in
            guard let value = Float(row[1]) else { throw LexiconError(path: path, reason: "line \(line): bad log-odds \(row[1])") }
            scorer.logOdds.set(value, for: ArabicFolding.hash(row[0].unicodeScalars.map(\.value)))
        }
        return scorer
    }

    /// The mean trigram log-odds of `word` (positive: looks foreign), or 0 for a word with
    /// no Arabic letters.
    public func score(_ word: some StringProtocol) -> Float {
        score(scalars: word.unicodeScalars)
    }

    /// ``score(_:)`` of the word made of `scalars` (no `String` needed).
    func score(scalars: some Sequence<Unicode.Scalar>) -> Float {
        var letters: [UInt32] = [0x5E]
        letters.reserveCapacity(24)
        for scalar in scalars {
            guard let folded = ArabicFolding.fold(scalar), (0x0621...0x064A).contains(folded.value) else { continue }
            letters.append(folded.value)
        }
        guard letters.count > 1 else { return 0 }
        letters.append(0x24)
        var total: Float = 0
        for index in 0..<(letters.count - 2) {
            total += logOdds[ArabicFolding.hash(letters[index..<(index + 3)])] ?? 0
        }
        return total / Float(letters.count - 2)
    }
}
