/// A Latin-script name made ready for ``LatinNameMatcher/matches(of:in:)-(LatinNameQuery,_)``:
/// its words and the Arabic spellings generated for each, so that many documents can be
/// searched without generating them again. Made by ``LatinNameMatcher/query(for:)``.
public struct LatinNameQuery: Sendable {
    /// The name as given.
    public let name: String
    /// Per word of the name (``LatinNameMatcher/words(of:)``), the Arabic spellings
    /// searched for, best first; empty for a word without Latin letters only.
    public let spellings: [[ArabicSpelling]]
    /// The words, lower-cased (a token written in Latin script matches its word as is).
    let lowered: [String]
    /// Per word, the vowel-tolerant keys of its spellings (``ArabicNameFolding/matchKey(_:)``).
    let keys: [Set<[UInt32]>]
    /// Per word, its spellings up to alef, ة and ى forms (``ArabicNameFolding/spellingKey(_:)``).
    let spellingKeys: [Set<[UInt32]>]

    /// Per word, what the keys of its likely spellings look like; only an Arabic word whose
    /// key fits is romanized to be compared with the Latin word (the costly last route).
    let shapes: [KeyShape]

    /// First letters (as ``letterClass(_:)``) and length range (one letter of slack each way)
    /// of a word's spelling keys.
    struct KeyShape: Sendable {
        let firstLetters: Set<UInt32>
        let shortest: Int
        let longest: Int

        /// Letters that stand for one another at the start of transliterated names fall in one
        /// class: g, k, q, ch, kh, h, j, y (ج غ ق ك خ ح ه ع ي); t, d, s, z, sh, th, ch
        /// written تش (ت ط د ض ث ذ ظ ز س ص ش); b, f, p, v, w (ب ف و). Other letters
        /// (ل ر ن م …) are their own class.
        static func letterClass(_ letter: UInt32) -> UInt32 {
            switch letter {
            case 0x062C, 0x063A, 0x0642, 0x0643, 0x062E, 0x062D, 0x0647, 0x0639, 0x064A: 1
            case 0x062A, 0x0637, 0x062F, 0x0636, 0x062B, 0x0630, 0x0638, 0x0632, 0x0633, 0x0635, 0x0634: 2
            case 0x0628, 0x0641, 0x0648: 3
            default: letter
            }
        }
    }

    /// The number of words.
    public var wordCount: Int { lowered.count }
}
