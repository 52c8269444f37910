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
    /// The number of distinct n-grams.
    let count: Int

    /// Groups `ngrams` (packed keys as in ``NGramTable``, a repeated key: the last one counts)
    /// of a model of `order` with `idBits` bits per ID.
    init(ngrams: [(key: UInt64, logp: Float, bow: Float)], order: Int, idBits: UInt64) {
        self.order = order
        self.idBits = idBits
        let tokenMask = (UInt64(1) << idBits) - 1
        // Sorted by key, a repeated key's last entry kept: contexts come out grouped (a key is
        // its context shifted left, then the token) and their tokens ascending.
        let byKey = ngrams.indices.sorted { ngrams[$0].key < ngrams[$1].key || (ngrams[$0].key == ngrams[$1].key && $0 < $1) }
        var unique: [Int] = []
        unique.reserveCapacity(byKey.count)
        for (place, index) in byKey.enumerated()
        where place + 1 == byKey.count || ngrams[byKey[place + 1]].key != ngrams[index].key {
            unique.append(index)
        }
        count = unique.count
        let maxToken = unique.reduce(0) { max($0, Int(ngrams[$1].key & tokenMask)) }
        var dense = [Float](repeating: .nan, count: maxToken + 1)
        // Contexts with continuations, in key order, and where their header is.
        var grouped: [(context: UInt64, start: Int32)] = []
        var flat: [Continuation] = []
        flat.reserveCapacity(unique.count + unique.count / 2)
        var place = 0
        while place < unique.count {
            let key = ngrams[unique[place]].key
            let context = key >> idBits
            if context == 0 {
                dense[Int(key & tokenMask)] = ngrams[unique[place]].logp
                place += 1
                continue
            }
            let header = flat.count
            flat.append(Continuation(token: 0, logProbability: 0))
            while place < unique.count && ngrams[unique[place]].key >> idBits == context {
                let entry = ngrams[unique[place]]
                flat.append(Continuation(token: UInt32(entry.key & tokenMask), logProbability: entry.logp))
                place += 1
            }
            flat[header].token = UInt32(flat.count - header - 1)
            grouped.append((context, Int32(header)))
        }
        unigrams = dense
        // Contexts: every n-gram shorter than the order (it may be backed off through) and every
        // context with continuations; both lists are in key order, so they merge in one pass.
        let maxContextBits = idBits * UInt64(order - 1)
        let short = unique.filter { ngrams[$0].key >> maxContextBits == 0 }
        var contexts: [Context] = []
        contexts.reserveCapacity(short.count + grouped.count)
        var left = 0
        var right = 0
        while left < short.count || right < grouped.count {
            let shortKey = left < short.count ? ngrams[short[left]].key : UInt64.max
            let groupKey = right < grouped.count ? grouped[right].context : UInt64.max
            var context = Context(key: min(shortKey, groupKey), backoff: .nan, start: -1)
            if shortKey <= groupKey {
                context.backoff = ngrams[short[left]].bow
                left += 1
            }
            if groupKey <= shortKey {
                context.start = grouped[right].start
                right += 1
            }
            contexts.append(context)
        }
        var size = 16
        var bits: UInt64 = 4
        while size < contexts.count * 2 {
            size <<= 1
            bits += 1
        }
        var table = [Context](repeating: Context(key: 0, backoff: .nan, start: -1), count: size)
        let shift = 64 - bits
        for context in contexts {
            var index = Int(truncatingIfNeeded: (context.key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while table[index].key != 0 { index = (index + 1) & (size - 1) }
            table[index] = context
        }
        slots = table
        mask = size - 1
        self.shift = shift
        continuations = flat
    }

    /// The unigram log10 probability of graphone `id`, or nil when the model has none.
    func unigramLogProbability(of id: Int32) -> Float? {
        let token = Int(id) + 1
        guard token >= 0, token < unigrams.count, !unigrams[token].isNaN else { return nil }
        return unigrams[token]
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
