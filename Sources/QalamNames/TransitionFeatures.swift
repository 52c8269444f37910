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
/// table as every other feature, so the model format does not change.
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
    /// proclitic or ends like a nisba adjective, with its transliteration bucket.
    @inline(__always)
    static func rows(previous: WordKeys, current: WordKeys, rowBits: Int, into rows: inout [UInt32]) {
        var flags = current.personFlags
        if current.startsWithConjunction { flags |= 1 << 16 }
        if current.hasProclitic { flags |= 1 << 17 }
        if current.endsLikeNisba { flags |= 1 << 18 }
        var hasher = FeatureHasher(template: template, offset: 0)
        hasher.mix(flags)
        hasher.mix(current.transliteration)
        let base = hasher.hash
        let mask = (UInt64(1) << UInt64(rowBits)) - 1
        for group in 0..<groupCount {
            var mixed = (base ^ (UInt64(group + 1) &* 0x9E37_79B9_7F4A_7C15)) &* 0x0000_0100_0000_01B3
            mixed ^= mixed >> 29
            rows.append(UInt32(truncatingIfNeeded: mixed & mask))
        }
    }

    /// Per-position transition tables (`count` × ``cells``): the base transitions plus the
    /// weights of each position's rows, disallowed pairs (an `I-X` not after `B-X`/`I-X`)
    /// at -infinity. `addWeights(row, target, offset)` adds a row's nine weights to
    /// `target[offset ..< offset + 9]`.
    static func tables(
        rows: [UInt32], count: Int, base: [Float], addWeights: (UInt32, inout [Float], Int) -> Void
    ) -> [Float] {
        let tags = BIOTag.count
        var result = [Float](repeating: 0, count: count * cells)
        var groups = [Float](repeating: 0, count: groupCount * tags)
        for position in 0..<count {
            for index in groups.indices { groups[index] = 0 }
            let first = position * rowsPerPosition
            for group in 0..<groupCount {
                for property in 0..<propertyCount {
                    addWeights(rows[first + group * propertyCount + property], &groups, group * tags)
                }
            }
            let target = position * cells
            for previous in -1..<tags {
                let groupBase = group(ofPrevious: previous) * tags
                let cell = (previous + 1) * tags
                for tag in 0..<tags {
                    result[target + cell + tag] = ViterbiDecoder.allowed[cell + tag]
                        ? base[cell + tag] + groups[groupBase + tag] : -.infinity
                }
            }
        }
        return result
    }
}

extension TransitionFeatures {
    /// The rows of every position of a sentence, given its words' keys.
    static func rows(keys: [WordKeys], rowBits: Int) -> [UInt32] {
        var rows: [UInt32] = []
        rows.reserveCapacity(keys.count * rowsPerPosition)
        for position in keys.indices {
            Self.rows(previous: position > 0 ? keys[position - 1] : .boundary, current: keys[position], rowBits: rowBits, into: &rows)
        }
        return rows
    }

    /// The per-position transition tables of a sentence under `model`.
    static func tables(keys: [WordKeys], model: NERModel) -> [Float] {
        tables(rows: rows(keys: keys, rowBits: model.rowBits), count: keys.count, base: model.transitions) { row, target, offset in
            model.addWeights(ofRow: row, to: &target, at: offset)
        }
    }
}
