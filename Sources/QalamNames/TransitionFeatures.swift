/// Observation-dependent transition features (fourth round, template version 11): the
/// score of going from the previous tag to the current one also depends on cheap
/// properties of the current word — its person-list flags (given name, surname, foreign
/// name, role, trigger …), whether it starts with the conjunction و, carries a proclitic
/// or ends like a nisba adjective (-ي, -ية), and its transliteration bucket. They address
/// boundary errors directly: whether «ولوكاشنكو» after «شافيز» opens a second name,
/// whether «الأمريكي» after a name is part of it.
///
/// The previous tag enters as one of five groups (sentence start or `O`, then the entity
/// type of a `B-`/`I-` tag), so the feature costs five hashed rows of the weight table per
/// position; a row holds one weight per current tag. The rows live in the same hashed
/// table as every other feature, so the model format does not change. The feature depends
/// on the current word only: tagging builds one transition table per combination of its
/// inputs (``TransitionWeightCache``) and Viterbi reads the position's table
/// (``ViterbiDecoder/decode(emissions:count:tables:tableIndex:)``).
enum TransitionFeatures {
    /// Groups of the previous tag: start or `O`, PERS, ORG, LOC, MISC.
    static let groupCount = 1 + EntityType.allCases.count
    /// Properties per position (tried on cross-validation: the word class, the stem, the
    /// previous class with the transliteration bucket and the previous word's flags, alone
    /// or together, did worse than this one; see EntityTagging.md).
    static let propertyCount = 1
    /// Rows per position: ``groupCount`` × ``propertyCount``, group-major.
    static let rowsPerPosition = groupCount * propertyCount
    /// Cells of one position's transition table: (previous tag + 1) × tag.
    static let cells = (BIOTag.count + 1) * BIOTag.count

    /// The group of a previous tag index (-1 = sentence start).
    @inline(__always)
    static func group(ofPrevious previous: Int) -> Int { previous <= 0 ? 0 : (previous + 1) / 2 }

    /// Template number of the feature (after the word and pair templates).
    private static let template: UInt8 = 102

    /// Appends the ``rowsPerPosition`` rows of one position, `rows[group * propertyCount + property]`:
    /// the current word's person-list flags, whether it starts with the conjunction و, has a
    /// proclitic or ends like a nisba adjective, with its transliteration bucket. They depend
    /// on the current word only, so ``TransitionWeightCache`` sums them once per word type.
    @inline(__always)
    static func rows(current: WordKeys, rowBits: Int, into rows: inout [UInt32]) {
        let base = rowBase(current: current)
        for group in 0..<groupCount { rows.append(row(base: base, group: group, rowBits: rowBits)) }
    }

    /// The hash of the current word's inputs, from which each group's row is mixed.
    @inline(__always)
    private static func rowBase(current: WordKeys) -> UInt64 {
        var flags = current.personFlags
        if current.startsWithConjunction { flags |= 1 << 16 }
        if current.hasProclitic { flags |= 1 << 17 }
        if current.endsLikeNisba { flags |= 1 << 18 }
        var hasher = FeatureHasher(template: template, offset: 0)
        hasher.mix(flags)
        hasher.mix(current.transliteration)
        return hasher.hash
    }

    /// The row of the feature with hash `base` after a previous tag of `group`.
    @inline(__always)
    private static func row(base: UInt64, group: Int, rowBits: Int) -> UInt32 {
        var mixed = (base ^ (UInt64(group + 1) &* 0x9E37_79B9_7F4A_7C15)) &* 0x0000_0100_0000_01B3
        mixed ^= mixed >> 29
        return UInt32(truncatingIfNeeded: mixed & ((UInt64(1) << UInt64(rowBits)) - 1))
    }

    /// The transition weight from `previous` (-1 = start) to `tag` at `position` of a
    /// sentence, as Viterbi adds it up (for the confidence of a few entities). A disallowed
    /// pair (after label propagation) counts 0, its base weight, which training never changes.
    static func weight(position: Int, previous: Int, tag: Int, keys: [WordKeys], model: NERModel) -> Float {
        let cell = (previous + 1) * BIOTag.count + tag
        guard keys.indices.contains(position), ViterbiDecoder.allowed.indices.contains(cell), ViterbiDecoder.allowed[cell],
            model.transitions.indices.contains(cell)
        else { return 0 }
        // The previous group's row (``propertyCount`` is 1), added to zeros as Viterbi's table has it,
        // in scratch memory (two arrays per call were most of this function's cost).
        let row = Self.row(base: rowBase(current: keys[position]), group: group(ofPrevious: previous), rowBits: model.rowBits)
        let added = withUnsafeTemporaryAllocation(of: Float.self, capacity: BIOTag.count) { weights -> Float in
            weights.initialize(repeating: 0)
            guard let start = weights.baseAddress, weights.indices.contains(tag) else { return 0 }
            model.addWeights(ofRow: row, to: start)
            return weights[tag]
        }
        return model.transitions[cell] + added
    }

    /// Floats per position of ``groupWeights(rows:count:addWeights:)``: one weight per
    /// (previous-tag group, current tag).
    static let groupWidth = groupCount * BIOTag.count

    /// The per-position weights (`count` × ``groupWidth``) that Viterbi adds to the plain
    /// transition from a previous tag of group `g` to `tag`: the sum of the position's rows
    /// for that group. `addWeights(row, target, offset)` adds a row's nine weights to
    /// `target[offset ..< offset + 9]`.
    static func groupWeights(rows: [UInt32], count: Int, addWeights: (UInt32, inout [Float], Int) -> Void) -> [Float] {
        var result = [Float](repeating: 0, count: count * groupWidth)
        for position in 0..<count {
            for group in 0..<groupCount {
                for property in 0..<propertyCount {
                    addWeights(rows[position * rowsPerPosition + group * propertyCount + property], &result,
                               position * groupWidth + group * BIOTag.count)
                }
            }
        }
        return result
    }

    /// Full transition tables (``cells`` floats each) from group weights: cell
    /// `(previous + 1) * tags + tag` of table `i` is `masked[cell]` plus the weight of
    /// `previous`'s group for `tag` in row `i` of `groupWeights`.
    static func tables(masked: [Float], groupWeights: [Float]) -> [Float] {
        let tags = BIOTag.count, count = groupWeights.count / groupWidth
        guard masked.count == cells else { return [] }
        var result = [Float](repeating: 0, count: count * cells)
        for table in 0..<count {
            for previous in -1..<tags {
                let cell = (previous + 1) * tags, group = table * groupWidth + Self.group(ofPrevious: previous) * tags
                for tag in 0..<tags { result[table * cells + cell + tag] = masked[cell + tag] + groupWeights[group + tag] }
            }
        }
        return result
    }

    /// The plain transition table with disallowed pairs (an `I-X` not after `B-X`/`I-X`)
    /// at -infinity; `nil` when `transitions` is not (tags + 1) × tags.
    static func masked(_ transitions: [Float]) -> [Float]? {
        guard transitions.count == cells else { return nil }
        var masked = transitions
        for index in 0..<cells where !ViterbiDecoder.allowed[index] { masked[index] = -.infinity }
        return masked
    }
}

extension TransitionFeatures {
    /// The rows of every position of a sentence, given its words' keys.
    static func rows(keys: [WordKeys], rowBits: Int) -> [UInt32] {
        var rows: [UInt32] = []
        rows.reserveCapacity(keys.count * rowsPerPosition)
        for position in keys.indices {
            Self.rows(current: keys[position], rowBits: rowBits, into: &rows)
        }
        return rows
    }
}
