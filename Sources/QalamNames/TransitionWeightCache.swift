/// Per-call memo of the transition-feature weights (``TransitionFeatures``): the feature
/// depends only on a few bits of the current word (person-list flags, clitics, nisba
/// ending, transliteration bucket), of which a text has a few hundred combinations, so
/// each combination's transition table (plain transitions plus its five rows' weights,
/// ``TransitionFeatures/cells`` floats) is built once and kept in a small array that stays
/// in the CPU cache.
struct TransitionWeightCache: Sendable {
    /// Transition tables, ``TransitionFeatures/cells`` per combination.
    private var tables: [Float] = []
    /// Table number per packed combination (``packed(_:)``), -1 when not yet summed.
    private var packedRows = [Int32](repeating: -1, count: 1 << 15)
    /// Rows of combinations that do not pack (never seen in practice; kept for safety).
    private var otherRows: [UInt64: Int32] = [:]
    private var rows: [UInt32] = []
    /// The model's plain transitions with disallowed pairs at -infinity (one model per cache).
    private var masked: [Float]?

    /// Best tag indices of a sentence under `model`, given its words' slots;
    /// `keys(slot)` gives a slot's word keys.
    mutating func decode(emissions: [Float], slots: [Int], model: NERModel, keys: (Int) -> WordKeys) -> [Int] {
        if masked == nil { masked = TransitionFeatures.masked(model.transitions) }
        guard let masked else { return [] }
        var index: [Int] = []
        index.reserveCapacity(slots.count)
        for slot in slots { index.append(row(of: keys(slot), masked: masked, model: model)) }
        return ViterbiDecoder.decode(emissions: emissions, count: slots.count, tables: tables, tableIndex: index)
    }

    /// The table number for a word's keys, building the table on first sight.
    private mutating func row(of keys: WordKeys, masked: [Float], model: NERModel) -> Int {
        if let packed = Self.packed(keys) {
            if packedRows[packed] < 0 { packedRows[packed] = Int32(addRow(keys, masked: masked, model: model)) }
            return Int(packedRows[packed])
        }
        let key = UInt64(keys.personFlags) << 32 | UInt64(keys.transliteration) << 3
            | (keys.startsWithConjunction ? 1 : 0) | (keys.hasProclitic ? 2 : 0) | (keys.endsLikeNisba ? 4 : 0)
        if let known = otherRows[key] { return Int(known) }
        let added = Int32(addRow(keys, masked: masked, model: model))
        otherRows[key] = added
        return Int(added)
    }

    /// The feature's inputs in 15 bits: the seven person-list flags, the three clitic and
    /// ending bits, and the transliteration bucket (6…16 for Arabic stems, 100 otherwise,
    /// 200 beyond the sentence); `nil` for anything else.
    @inline(__always)
    static func packed(_ keys: WordKeys) -> Int? {
        let flags = keys.personFlags
        // Person-list flags are bits 0–4 and 8–9 of the gazetteer membership.
        guard flags & ~0x31F == 0 else { return nil }
        let bucket: UInt32
        switch keys.transliteration {
        case 0..<29: bucket = keys.transliteration
        case 100: bucket = 30
        case 200: bucket = 31
        default: return nil
        }
        let packedFlags = (flags & 0x1F) | ((flags >> 3) & 0x60)
        let bits = (keys.startsWithConjunction ? 1 : 0) | (keys.hasProclitic ? 2 : 0) | (keys.endsLikeNisba ? 4 : 0)
        return Int(packedFlags) << 8 | bits << 5 | Int(bucket)
    }

    private mutating func addRow(_ keys: WordKeys, masked: [Float], model: NERModel) -> Int {
        rows.removeAll(keepingCapacity: true)
        TransitionFeatures.rows(current: keys, rowBits: model.rowBits, into: &rows)
        let groupWeights = TransitionFeatures.groupWeights(rows: rows, count: 1) { row, target, offset in
            model.addWeights(ofRow: row, to: &target, at: offset)
        }
        let number = tables.count / TransitionFeatures.cells
        tables += TransitionFeatures.tables(masked: masked, groupWeights: groupWeights)
        return number
    }
}
