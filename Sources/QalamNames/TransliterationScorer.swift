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

    /// ``score(_:)`` of folded letters (``ArabicFolding``: no diacritics or tatweel left),
    /// read in place, without an array of letters.
    func score(folded: UnsafeBufferPointer<UInt32>) -> Float {
        score(letters: folded)
    }

    /// ``score(_:)`` of the word made of `scalars` (no `String` needed).
    func score(scalars: some Sequence<Unicode.Scalar>) -> Float {
        score(letters: scalars.lazy.compactMap { ArabicFolding.fold($0)?.value })
    }

    /// The mean log-odds of the trigrams of "^ letters… $", over the Arabic letters
    /// (U+0621–U+064A) of already folded `values`, read as a rolling window.
    @inline(__always)
    private func score(letters values: some Sequence<UInt32>) -> Float {
        // The last two symbols of "^ letters… $" read so far.
        var first: UInt32 = 0, second: UInt32 = 0x5E
        var letters = 0
        var total: Float = 0
        for value in values where (0x0621...0x064A).contains(value) {
            if letters > 0 { total += logOdds[Self.trigramKey(first, second, value)] ?? 0 }
            first = second
            second = value
            letters += 1
        }
        guard letters > 0 else { return 0 }
        total += logOdds[Self.trigramKey(first, second, 0x24)] ?? 0
        return total / Float(letters)
    }

    /// ``ArabicFolding/hash(_:)`` of three letters.
    @inline(__always)
    private static func trigramKey(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        hash = (hash ^ UInt64(a)) &* 0x0000_0100_0000_01B3
        hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3
        return (hash ^ UInt64(c)) &* 0x0000_0100_0000_01B3
    }
}
