/// The romanizer's n-grams grouped by context, for scoring arcs: log10 P(token | history) with
/// back-off, the same values as probing ``NGramTable`` key by key, with fewer cache misses.
///
/// A context (the n − 1 IDs before a token, packed as in ``NGramTable``) is found in an open-
/// addressing table of 16-byte slots holding its back-off weight and where its continuations
/// start; the continuations (token, log10 probability) of one context lie side by side, sorted
/// by token, after a header entry holding their count. The beam search extends one history by
/// many graphones, so the context slot and its continuations are read once and then hit in
/// cache, and a back-off step finds the weight it needs in the slot already read. Unigrams are
/// a dense array.
struct ContextNGramTable: Sendable {
    private struct Context {
        /// The packed context (0 marks an empty slot).
        var key: UInt64
        /// The context's own back-off weight, or NaN when the context is not itself an n-gram.
        var backoff: Float
        /// Where the context's header entry is in ``continuations`` (-1: no continuations).
        var start: Int32
    }

    private struct Continuation {
        /// The token (ID + 1); in a header entry, the number of continuations that follow.
        var token: UInt32
        var logProbability: Float
    }

    private let slots: [Context]
    private let mask: Int
    private let shift: UInt64
    private let continuations: [Continuation]
    /// Per token (ID + 1): its unigram log10 probability, or NaN when it has none.
    private let unigrams: [Float]
    private let order: Int
    private let idBits: UInt64

    /// Groups `ngrams` (packed keys as in ``NGramTable``, a repeated key: the last one counts)
    /// of a model of `order` with `idBits` bits per ID.
    init(ngrams: [(key: UInt64, logp: Float, bow: Float)], order: Int, idBits: UInt64) {
        self.order = order
        self.idBits = idBits
        let tokenMask = (UInt64(1) << idBits) - 1
        var last: [UInt64: Int] = [:]
        last.reserveCapacity(ngrams.count)
        for (index, entry) in ngrams.enumerated() { last[entry.key] = index }
        var maxToken = 0
        // Context → its continuations; context → its back-off weight.
        var byContext: [UInt64: [Continuation]] = [:]
        var backoffs: [UInt64: Float] = [:]
        var unigramPairs: [(Int, Float)] = []
        for (index, entry) in ngrams.enumerated() where last[entry.key] == index {
            let key = entry.key
            let token = key & tokenMask
            maxToken = max(maxToken, Int(token))
            let context = key >> idBits
            if context == 0 {
                unigramPairs.append((Int(token), entry.logp))
            } else {
                byContext[context, default: []].append(Continuation(token: UInt32(token), logProbability: entry.logp))
            }
            backoffs[key] = entry.bow
        }
        var dense = [Float](repeating: .nan, count: maxToken + 1)
        for (token, logp) in unigramPairs { dense[token] = logp }
        unigrams = dense
        // Contexts: every n-gram shorter than the order (it may be backed off through) and every
        // context with continuations.
        var keys = Set(byContext.keys)
        let maxContextBits = idBits * UInt64(order - 1)
        for key in backoffs.keys where key >> maxContextBits == 0 { keys.insert(key) }
        var size = 16
        var bits: UInt64 = 4
        while size < keys.count * 2 {
            size <<= 1
            bits += 1
        }
        var table = [Context](repeating: Context(key: 0, backoff: .nan, start: -1), count: size)
        var flat: [Continuation] = []
        flat.reserveCapacity(ngrams.count + byContext.count)
        let shift = 64 - bits
        for key in keys.sorted() {
            var start: Int32 = -1
            if var list = byContext[key] {
                list.sort { $0.token < $1.token }
                start = Int32(flat.count)
                flat.append(Continuation(token: UInt32(list.count), logProbability: 0))
                flat.append(contentsOf: list)
            }
            var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while table[index].key != 0 { index = (index + 1) & (size - 1) }
            table[index] = Context(key: key, backoff: backoffs[key] ?? .nan, start: start)
        }
        slots = table
        mask = size - 1
        self.shift = shift
        continuations = flat
    }

    /// log10 P(`graphone` | `history`) with back-off, as ``RomanizerModel`` defines it: the
    /// longest stored n-gram's probability plus the back-off weights of the longer contexts
    /// that have one; −7 (plus those weights) for a token without a unigram.
    @inline(__always)
    func logProbability(history: UInt64, graphone: Int32) -> Float {
        let token = UInt32(graphone + 1)
        var penalty: Float = 0
        var context = history
        var length = order - 1
        return slots.withUnsafeBufferPointer { slots in
            continuations.withUnsafeBufferPointer { continuations in
                while length > 0 {
                    var index = Int(truncatingIfNeeded: (context &* 0x9E37_79B9_7F4A_7C15) >> shift)
                    while true {
                        let stored = slots[index].key
                        if stored == context || stored == 0 { break }
                        index = (index + 1) & mask
                    }
                    if slots[index].key == context {
                        let start = Int(slots[index].start)
                        if start >= 0 {
                            // Sorted tokens: a short list is scanned, a long one halved.
                            var low = start + 1
                            var high = low + Int(continuations[start].token)
                            while high - low > 8 {
                                let middle = (low + high) / 2
                                if continuations[middle].token <= token { low = middle } else { high = middle }
                            }
                            while low < high {
                                let entry = continuations[low]
                                if entry.token == token { return penalty + entry.logProbability }
                                if entry.token > token { break }
                                low += 1
                            }
                        }
                        let backoff = slots[index].backoff
                        if !backoff.isNaN { penalty += backoff }
                    }
                    length -= 1
                    context &= length == 0 ? 0 : (UInt64(1) << (idBits * UInt64(length))) - 1
                }
                let unigram = Int(token) < unigrams.count ? unigrams[Int(token)] : .nan
                return unigram.isNaN ? penalty - 7 : penalty + unigram
            }
        }
    }
}
