import Foundation
import QalamLexicons

/// The trained joint-sequence (graphone) n-gram model of ``NameRomanizer`` and the Latin
/// name lexicons it rescores with, loaded from `Lexicons/translit/`.
///
/// A graphone pairs 1–2 Arabic letters with 0–3 Latin letters; the model gives the
/// probability of a graphone sequence, that is of an (Arabic, Latin) spelling pair.
/// See `Lexicons/scripts/train_translit.py` for training and the file format.
public struct RomanizerModel: Sendable {
    /// The default model file, relative to `Lexicons/`.
    public static let defaultModelPath = "translit/romanizer-model.tsv"
    /// The default Latin name lexicon (US census first and last names), relative to `Lexicons/`.
    public static let defaultNamesPath = "translit/latin-names.tsv"
    /// The default lexicon of names of many locales (Faker's person lists), relative to `Lexicons/`.
    public static let defaultWorldNamesPath = "translit/world-names.tsv"
    /// The default US census 2010/2020 name lexicon (count buckets), relative to `Lexicons/`.
    public static let defaultCensusCountsPath = "translit/census-names.tsv"
    /// The default voter-file name lexicon (names in no census list), relative to `Lexicons/`.
    public static let defaultVoterNamesPath = "translit/voter-names.tsv"

    /// The n-gram order.
    let order: Int
    /// Bits per graphone ID in packed n-gram keys and histories (64 / order, at most 21).
    let idBits: UInt64
    /// The mask of a packed history of `order - 1` IDs.
    let historyMask: UInt64
    /// The packed history at the start of a word (`order - 1` start symbols).
    let startHistory: UInt64
    /// The Arabic letters of each graphone (index = graphone ID; IDs 0 and 1 are <s>, </s>).
    let graphoneArabic: [[UInt32]]
    /// The Latin letters (ASCII bytes) of each graphone.
    let graphoneLatin: [[UInt8]]
    /// The Latin letters of all graphones back to back (for the decoder's inner loop, which
    /// reads them without retaining an array per graphone).
    let latinBytes: [UInt8]
    /// Per graphone: where its Latin letters start in ``latinBytes`` (one more entry: the end).
    let latinStarts: [Int32]
    /// Graphones by their Arabic side (packed one or two letters), most probable first.
    let graphonesByArabic: [UInt64: [Int32]]
    /// Graphones by their (non-empty) Latin side, most probable first.
    let graphonesByLatin: [[UInt8]: [Int32]]
    /// The n-grams, grouped by context (what arc scores read).
    let ngrams: ContextNGramTable
    /// Latin words of the training data and how often each was seen.
    let trainingLatin: [String: Int]
    /// Census names (lower case) and their rank (1 = most frequent) in the best list.
    let censusRank: NumberedNameTable
    /// Names of many locales (lower case) and how many locales list each.
    let worldNames: NumberedNameTable
    /// US census 2010/2020 surnames and 2020 first names with round(10 · log10 count).
    private(set) var censusCounts: LatinNameList
    /// Voter-file names (Rosenman, Olivella & Imai 2023) in no census list.
    private(set) var voterNames: LatinNameList

    /// The number of graphones, including the two boundary symbols.
    public var graphoneCount: Int { graphoneArabic.count }
    /// The number of n-grams.
    public let ngramCount: Int

    /// The ID of the sentence-start symbol.
    static let startID: Int32 = 0
    /// The ID of the sentence-end symbol.
    static let endID: Int32 = 1

    /// Packs one or two Arabic letters into a lookup key.
    @inline(__always)
    static func arabicKey(_ first: UInt32, _ second: UInt32?) -> UInt64 {
        if let second { return (UInt64(first) << 21) | UInt64(second) | (1 << 42) }
        return UInt64(first)
    }

    /// Loads the shipped model and name lexicons.
    public static func shipped() throws(LexiconError) -> RomanizerModel {
        try load(modelURL: nil, namesURL: nil, worldNamesURL: nil)
    }

    /// Loads a model and the name lexicons from files (for training experiments and tests);
    /// a nil URL means the shipped file.
    public static func load(modelURL: URL?, namesURL: URL?, worldNamesURL: URL? = nil, censusCountsURL: URL? = nil,
                            voterNamesURL: URL? = nil) throws(LexiconError) -> RomanizerModel {
        func read(_ url: URL?, shipped: String) throws(LexiconError) -> (Data, String) {
            guard let url else { return (try LexiconStore.data(shipped), shipped) }
            do { return (try Data(contentsOf: url), url.path) } catch {
                throw LexiconError(path: url.path, reason: "unreadable: \(error.localizedDescription)")
            }
        }
        let (model, modelPath) = try read(modelURL, shipped: defaultModelPath)
        let (names, namesPath) = try read(namesURL, shipped: defaultNamesPath)
        let (world, worldPath) = try read(worldNamesURL, shipped: defaultWorldNamesPath)
        let (counts, countsPath) = try read(censusCountsURL, shipped: defaultCensusCountsPath)
        let (voters, votersPath) = try read(voterNamesURL, shipped: defaultVoterNamesPath)
        return try RomanizerModel(model: model, modelPath: modelPath, names: names, namesPath: namesPath,
                                  worldNames: world, worldNamesPath: worldPath,
                                  censusCounts: LatinNameList(data: counts, path: countsPath),
                                  voterNames: LatinNameList(data: voters, path: votersPath))
    }

    /// Parses a model file and the name lexicons (census `NAME<TAB>RANK` lines, world
    /// `NAME<TAB>LOCALES` lines), and takes the parsed census 2010/2020 and voter lists
    /// (empty by default). Any malformed line is a ``LexiconError``.
    public init(model: Data, modelPath: String, names: Data, namesPath: String,
                worldNames: Data, worldNamesPath: String, censusCounts: LatinNameList = LatinNameList(),
                voterNames: LatinNameList = LatinNameList()) throws(LexiconError) {
        var order = 0
        var arabic: [[UInt32]] = [[], []]
        var latin: [[UInt8]] = [[], []]
        var rawNGrams: [(key: UInt64, logp: Float, bow: Float)] = []
        var trainingLatin: [String: Int] = [:]
        // The file is read as bytes: the 74k n-gram lines are parsed in place (numbers through
        // `DecimalFloat`, IDs as digits), the few other lines through `String`s.
        let bytes = [UInt8](model)
        var fields: [Range<Int>] = []
        try LexiconByteLines.forEach(in: bytes, path: modelPath) { (lineNumber, line) throws(LexiconError) in
            fields.removeAll(keepingCapacity: true)
            var fieldStart = line.lowerBound
            for index in line where bytes[index] == UInt8(ascii: "\t") {
                fields.append(fieldStart..<index)
                fieldStart = index + 1
            }
            fields.append(fieldStart..<line.upperBound)
            func field(_ index: Int) -> String { String(decoding: bytes[fields[index]], as: UTF8.self) }
            func bad(_ what: String) -> LexiconError {
                LexiconError(path: modelPath, reason: "line \(lineNumber): \(what)")
            }
            let record = fields[0]
            if record.count == 1 && bytes[record.lowerBound] == UInt8(ascii: "n") {
                guard order > 0 else { throw bad("n-gram before the 'order' line") }
                guard fields.count >= 4, let logp = DecimalFloat.parse(bytes, fields[1]),
                      let bow = DecimalFloat.parse(bytes, fields[2]), logp.isFinite, bow.isFinite else {
                    throw bad("n-gram needs LOG10P LOG10BOW IDS")
                }
                // Space-separated IDs (runs of spaces are one separator).
                var key: UInt64 = 0
                var idCount = 0
                var index = fields[3].lowerBound
                let end = fields[3].upperBound
                while index < end {
                    if bytes[index] == UInt8(ascii: " ") { index += 1; continue }
                    var idEnd = index
                    while idEnd < end && bytes[idEnd] != UInt8(ascii: " ") { idEnd += 1 }
                    idCount += 1
                    guard idCount <= order else { throw bad("n-gram longer than the order") }
                    guard let id = Self.graphoneID(bytes[index..<idEnd]), id < arabic.count else {
                        throw bad("unknown graphone ID in n-gram")
                    }
                    key = (key << UInt64(min(21, 64 / order))) | UInt64(id + 1)
                    index = idEnd
                }
                guard idCount >= 1 else { throw bad("n-gram without graphone IDs") }
                rawNGrams.append((key, logp, bow))
                return
            }
            switch field(0) {
            case "order":
                guard fields.count >= 2, let value = Int(field(1)), (2...6).contains(value) else {
                    throw bad("order must be 2 to 6")
                }
                order = value
            case "g":
                guard fields.count >= 4, let id = Int(field(1)), id == arabic.count, id + 1 < (1 << min(21, 64 / max(order, 2))) else {
                    throw bad("graphone IDs must count up from 2")
                }
                let letters = field(2).unicodeScalars.map(\.value)
                let latinBytes = Array(bytes[fields[3]])
                guard (1...2).contains(letters.count), latinBytes.count <= 8,
                      latinBytes.allSatisfy({ $0 < 0x80 }) else {
                    throw bad("graphone must pair 1-2 Arabic letters with at most 8 ASCII letters")
                }
                arabic.append(letters)
                latin.append(latinBytes)
            case "w":
                guard fields.count >= 3, let count = Int(field(2)) else { throw bad("expected w LATIN COUNT") }
                trainingLatin[field(1)] = count
            default:
                throw bad("unknown record '\(field(0))'")
            }
        }
        guard order > 0, arabic.count > 2, !rawNGrams.isEmpty else {
            throw LexiconError(path: modelPath, reason: "model is empty or lacks its 'order' line")
        }
        let bits = UInt64(min(21, 64 / order))
        let table = ContextNGramTable(ngrams: rawNGrams, order: order, idBits: bits)
        // Index graphones by Arabic side, most probable (unigram) first.
        var byArabic: [UInt64: [Int32]] = [:]
        var unigram = [Float](repeating: -99, count: arabic.count)
        for id in 2..<arabic.count {
            guard let probability = table.unigramLogProbability(of: Int32(id)) else {
                throw LexiconError(path: modelPath, reason: "graphone \(id) has no unigram probability")
            }
            unigram[id] = probability
            let letters = arabic[id]
            byArabic[Self.arabicKey(letters[0], letters.count > 1 ? letters[1] : nil), default: []].append(Int32(id))
        }
        var byLatin: [[UInt8]: [Int32]] = [:]
        for id in 2..<latin.count where !latin[id].isEmpty { byLatin[latin[id], default: []].append(Int32(id)) }
        for key in byLatin.keys {
            byLatin[key]?.sort { unigram[Int($0)] > unigram[Int($1)] || (unigram[Int($0)] == unigram[Int($1)] && $0 < $1) }
        }
        for key in byArabic.keys {
            byArabic[key]?.sort { unigram[Int($0)] > unigram[Int($1)] || (unigram[Int($0)] == unigram[Int($1)] && $0 < $1) }
        }
        self.order = order
        self.idBits = bits
        self.historyMask = bits * UInt64(order - 1) >= 64 ? UInt64.max : (UInt64(1) << (bits * UInt64(order - 1))) - 1
        var start: UInt64 = 0
        for _ in 0..<(order - 1) { start = (start << bits) | UInt64(Self.startID + 1) }
        self.startHistory = start
        self.graphoneArabic = arabic
        self.graphoneLatin = latin
        var flat: [UInt8] = []
        var starts: [Int32] = [0]
        for letters in latin {
            flat.append(contentsOf: letters)
            starts.append(Int32(flat.count))
        }
        self.latinBytes = flat
        self.latinStarts = starts
        self.graphonesByArabic = byArabic
        self.graphonesByLatin = byLatin
        self.ngrams = table
        self.ngramCount = table.count
        self.trainingLatin = trainingLatin
        self.censusRank = try NumberedNameTable(data: names, path: namesPath)
        self.worldNames = try NumberedNameTable(data: worldNames, path: worldNamesPath)
        self.censusCounts = censusCounts
        self.voterNames = voterNames
    }

    /// A graphone ID written in `digits`, as `Int(String)` reads it when it is not negative
    /// (plain digits are read in place).
    private static func graphoneID(_ digits: ArraySlice<UInt8>) -> Int? {
        if !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ (0x30...0x39).contains($0) }) {
            return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        guard let value = Int(String(decoding: digits, as: UTF8.self)), value >= 0 else { return nil }
        return value
    }

    /// This model without the US census 2010/2020 and voter name lists (for comparisons).
    public func withoutUSNameLists() -> RomanizerModel {
        var copy = self
        copy.censusCounts = LatinNameList()
        copy.voterNames = LatinNameList()
        return copy
    }

    /// log10 P(graphone | history) with back-off; `history` packs the last `order - 1`
    /// graphone IDs (+1), most recent in the low ``idBits`` bits.
    @inline(__always)
    func logProbability(history: UInt64, graphone: Int32) -> Float {
        ngrams.logProbability(history: history, graphone: graphone)
    }

    /// The history after `graphone` follows `history`.
    @inline(__always)
    func advance(_ history: UInt64, by graphone: Int32) -> UInt64 {
        ((history << idBits) | UInt64(graphone + 1)) & historyMask
    }
}
