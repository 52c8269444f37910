/// A memo of n-gram arc scores, log10 P(graphone | history), shared by the passes of
/// ``NameRomanizer`` over one word: the free and the lexicon-constrained beam searches (and the
/// reading without a leading «و») extend mostly the same histories by the same graphones, and a
/// backed-off probability costs up to `order − 1` context probes and continuation scans
/// (``ContextNGramTable``) where a memo hit costs one load. 2^14 slots of 16 bytes (256 kB) per
/// memo: a larger memo hit more often but missed the cache more (ninth round).
///
/// Direct-mapped: a slot holds the last arc stored there (a collision just recomputes).
/// The scores depend on the model only, so a memo stays valid across words: ``NameRomanizer``
/// keeps a few and lends one to each word being romanized (never to two threads at once).
final class ArcScoreMemo {
    private struct Slot {
        /// The arc as one n-gram key: `history << idBits | (graphone + 1)` (0: empty).
        var key: UInt64
        var score: Float
    }

    /// The slots, owned by this memo (a raw buffer: no exclusivity checks in the hot loop).
    private let slots: UnsafeMutablePointer<Slot>
    /// 64 − log2(slot count): the slot is the top bits of the multiplied key.
    private let shift: UInt64

    /// A memo of `size` slots (rounded up to a power of two, at least 64).
    init(size: Int = 2048) {
        var capacity = 64
        var bits: UInt64 = 6
        while capacity < size {
            capacity <<= 1
            bits += 1
        }
        slots = UnsafeMutablePointer<Slot>.allocate(capacity: capacity)
        slots.initialize(repeating: Slot(key: 0, score: 0), count: capacity)
        shift = 64 - bits
    }

    deinit { slots.deallocate() }

    /// log10 P(`graphone` | `history`) under `model`, from the memo when it holds it.
    @inline(__always)
    func score(_ model: RomanizerModel, history: UInt64, graphone: Int32) -> Float {
        // History and graphone fit one key: the history holds order − 1 IDs of idBits bits,
        // and order · idBits ≤ 64.
        let key = (history << model.idBits) | UInt64(UInt32(bitPattern: graphone) &+ 1)
        let index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        if slots[index].key == key { return slots[index].score }
        let score = model.logProbability(history: history, graphone: graphone)
        slots[index] = Slot(key: key, score: score)
        return score
    }
}
