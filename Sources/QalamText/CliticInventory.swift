/// The clitics the segmenter knows, with the log-prior cost of cutting each off.
///
/// Costs are natural-log weights added to a split's score: a split must be backed by a
/// stem that is frequent enough as a free word to pay for them. The article has a
/// positive weight because nouns with ال are seen far more often than bare ones, so a
/// bare-stem count understates how good the split is.
enum CliticInventory {
    /// Letters as Unicode scalar values (folded).
    static let waw: UInt32 = 0x0648, fa: UInt32 = 0x0641, ba: UInt32 = 0x0628, lam: UInt32 = 0x0644
    static let kaf: UInt32 = 0x0643, sin: UInt32 = 0x0633, alef: UInt32 = 0x0627, ha: UInt32 = 0x0647
    static let mim: UInt32 = 0x0645, nun: UInt32 = 0x0646, ya: UInt32 = 0x064A, teh: UInt32 = 0x062A
    static let tehMarbuta: UInt32 = 0x0629

    /// Conjunctions: و, ف.
    static let conjunctions: [(letter: UInt32, cost: Double)] = [(waw, -0.4), (fa, -1.2)]
    /// Prepositions and the future particle: ب, ل, ك, س.
    static let particles: [(letter: UInt32, cost: Double)] = [(ba, -0.8), (lam, -0.8), (kaf, -3.2), (sin, -1.2)]
    /// Weight of the article ال.
    static let article = 1.5
    /// Pronoun enclitics, longest first, with their weights.
    static let enclitics: [(letters: [UInt32], cost: Double)] = [
        ([ha, mim, alef], -2.0), ([kaf, mim, alef], -3.5),
        ([ha, alef], -1.3), ([ha, mim], -1.3), ([ha, nun], -3.0), ([kaf, mim], -2.8),
        ([kaf, nun], -4.0), ([nun, alef], -2.2), ([nun, ya], -3.5),
        ([ha], -1.3), ([kaf], -3.0), ([ya], -4.5),
    ]
    /// Fewest letters a stem may keep.
    static let minimumStemLetters = 2
    /// Pseudo-count added for a stem that is a listed name.
    static let nameCount = 60.0
    /// Pseudo-count added for a whole word that is a listed name: a name as written is
    /// strong evidence against cutting it.
    static let wholeNameCount = 300.0
    /// Letters that may follow the future particle س (imperfect verb prefixes).
    static let imperfectPrefixes: Set<UInt32> = [0x064A, 0x062A, 0x0646, 0x0627]
    /// Count given to a stem the lexicon does not know (smoothing).
    static let unknownCount = 0.3
}
