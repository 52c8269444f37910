/// Per-call memo of the transition-feature weights of each word type: the feature
/// (``TransitionFeatures``) depends on the current word only, so its five rows' weights
/// (one per previous-tag group, ``TransitionFeatures/groupWidth`` floats) are summed once
/// per word type, indexed by the word's ``WordScoreCache`` slot.
struct TransitionWeightCache {
    private var weights: [Float] = []
    private var rows: [UInt32] = []
    /// The model's plain transitions with disallowed pairs at -infinity (one model per cache).
    private var masked: [Float]?

    /// Best tag indices of a sentence under `model`, given its words' slots;
    /// `keys(slot)` gives a slot's word keys (called once per new slot).
    mutating func decode(emissions: [Float], slots: [Int], model: NERModel, keys: (Int) -> WordKeys) -> [Int] {
        if masked == nil { masked = TransitionFeatures.masked(model.transitions) }
        guard let masked, slots.allSatisfy({ $0 >= 0 }) else { return [] }
        let width = TransitionFeatures.groupWidth
        for slot in slots { while weights.count < (slot + 1) * width { addSlot(weights.count / width, model: model, keys: keys) } }
        return ViterbiDecoder.decode(
            emissions: emissions, count: slots.count, maskedTransitions: masked, groupWeights: weights, groupIndex: slots)
    }

    private mutating func addSlot(_ slot: Int, model: NERModel, keys: (Int) -> WordKeys) {
        let width = TransitionFeatures.groupWidth
        let start = weights.count
        weights.append(contentsOf: repeatElement(0, count: width))
        rows.removeAll(keepingCapacity: true)
        TransitionFeatures.rows(current: keys(slot), rowBits: model.rowBits, into: &rows)
        for group in 0..<TransitionFeatures.groupCount {
            for property in 0..<TransitionFeatures.propertyCount {
                model.addWeights(ofRow: rows[group * TransitionFeatures.propertyCount + property], to: &weights,
                                 at: start + group * BIOTag.count)
            }
        }
    }
}
