/// A memo of n-gram arc scores, log10 P(graphone | history), shared by the passes of
/// ``NameRomanizer`` over one word: the free and the lexicon-constrained beam searches (and the
/// reading without a leading «و») extend mostly the same histories by the same graphones, and a
/// backed-off probability costs up to `2 · order − 1` hash probes where a memo hit costs one.
///
/// Direct-mapped: a slot holds the last arc stored there (a collision just recomputes).
/// The scores depend on the model only, so a memo stays valid across words: ``NameRomanizer``
/// keeps a few and lends one to each word being romanized (never to two threads at once).
final class ArcScoreMemo {
    private struct Slot {
        var key: UInt64
        var history: UInt64
        var score: Float
    }

    /// The slots, owned by this memo (a raw buffer: no exclusivity checks in the hot loop).
    private let slots: UnsafeMutablePointer<Slot>
    private let mask: Int

    /// A memo of `size` slots (rounded up to a power of two).
    init(size: Int = 2048) {
        var capacity = 64
        while capacity < size { capacity <<= 1 }
        slots = UnsafeMutablePointer<Slot>.allocate(capacity: capacity)
        slots.initialize(repeating: Slot(key: 0, history: 0, score: 0), count: capacity)
        mask = capacity - 1
    }

    deinit { slots.deallocate() }

    /// The slot of the arc (`history`, `graphone`) and its memoized score when the slot holds it.
    @inline(__always)
    func lookup(history: UInt64, graphone: Int32) -> (slot: Int, score: Float?) {
        let key = UInt64(UInt32(bitPattern: graphone)) + 1
        let index = Int(truncatingIfNeeded: ((history &* 0x9E37_79B9_7F4A_7C15) ^ (key &* 0xC2B2_AE3D_27D4_EB4F)) >> 40) & mask
        if slots[index].key == key && slots[index].history == history { return (index, slots[index].score) }
        return (index, nil)
    }

    /// Stores the score of (`history`, `graphone`) in `slot` (from ``lookup(history:graphone:)``).
    @inline(__always)
    func store(_ score: Float, slot: Int, history: UInt64, graphone: Int32) {
        slots[slot] = Slot(key: UInt64(UInt32(bitPattern: graphone)) + 1, history: history, score: score)
    }

    /// log10 P(`graphone` | `history`) under `model`, from the memo when it holds it.
    @inline(__always)
    func score(_ model: RomanizerModel, history: UInt64, graphone: Int32) -> Float {
        let (slot, cached) = lookup(history: history, graphone: graphone)
        if let cached { return cached }
        let score = model.logProbability(history: history, graphone: graphone)
        store(score, slot: slot, history: history, graphone: graphone)
        return score
    }
}
