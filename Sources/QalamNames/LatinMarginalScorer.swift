/// The marginal probability of a Latin spelling under the romanizer's joint graphone model,
/// log10 P(latin) = log10 Σ over Arabic spellings of P(arabic, latin), approximated by a
/// forward-sum beam search over the Latin letters (the model read in the Latin → Arabic
/// direction, as in ``ReverseBeamDecoder``, but adding up the paths that reach the same
/// n-gram history instead of keeping the best).
///
/// ``NameRomanizer`` uses it for the noisy-channel term of its ranking:
/// log P(arabic | latin) = log P(arabic, latin) − log P(latin). A spelling that the model
/// would usually write in Arabic otherwise (so that this Arabic word is an unlikely
/// transcription of it) loses against one that points at this Arabic word.
///
/// Graphones with an empty Latin side (silent Arabic letters) are not used: they change the
/// estimate little and would need epsilon moves.
struct LatinMarginalScorer {
    private let model: RomanizerModel
    private let beamWidth: Int
    /// The graphones of every Latin span of one or two ASCII letters, back to back: those of
    /// span key k (`byte` or `128 + first · 128 + second`) are `spanGraphones[spanStarts[k]..<spanStarts[k + 1]]`,
    /// most probable first, cut to the configured count.
    private let spanGraphones: [Int32]
    private let spanStarts: [Int32]
    /// Graphones of longer Latin spans (packed span key → graphones), when the model has any.
    private let longSpans: [UInt64: [Int32]]
    /// The longest Latin side of any graphone (at most 7 letters are used).
    private let maximumLatinLength: Int
    /// The most graphones any span has (bounds the entries a position can receive).
    private let maximumOptions: Int

    /// A scorer over `model` keeping `beamWidth` histories per Latin position and trying the
    /// `graphonesPerSpan` most probable graphones for each Latin span.
    init(model: RomanizerModel, beamWidth: Int, graphonesPerSpan: Int) {
        self.model = model
        self.beamWidth = max(1, beamWidth)
        let perSpan = max(1, graphonesPerSpan)
        var short: [Int: [Int32]] = [:]
        var long: [UInt64: [Int32]] = [:]
        var longest = 1
        var widest = 1
        for (latin, graphones) in model.graphonesByLatin where (1...7).contains(latin.count) && latin.allSatisfy({ $0 < 0x80 }) {
            let kept = Array(graphones.prefix(perSpan))
            widest = max(widest, kept.count)
            longest = max(longest, latin.count)
            switch latin.count {
            case 1: short[Int(latin[0])] = kept
            case 2: short[128 + Int(latin[0]) * 128 + Int(latin[1])] = kept
            default: long[Self.spanKey(latin[...])] = kept
            }
        }
        var flat: [Int32] = []
        var starts: [Int32] = [0]
        for key in 0..<(128 + 128 * 128) {
            flat.append(contentsOf: short[key] ?? [])
            starts.append(Int32(flat.count))
        }
        spanGraphones = flat
        spanStarts = starts
        longSpans = long
        maximumLatinLength = longest
        maximumOptions = widest
    }

    /// Packs up to 7 bytes and their count into one key.
    @inline(__always)
    static func spanKey(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var key = UInt64(bytes.count)
        for byte in bytes { key = (key << 8) | UInt64(byte) }
        return key
    }

    fileprivate struct Entry {
        var history: UInt64
        var score: Double
    }

    /// Buffers reused across spellings: fixed-capacity cells, one per Latin position, and the
    /// spelling they were last filled for (a next spelling sharing a prefix with it starts
    /// from the cells that prefix fixed; scoring spellings in sorted order shares the most).
    struct Scratch {
        fileprivate var entries: [Entry] = []
        fileprivate var counts: [Int] = []
        fileprivate var capacity = 0
        fileprivate var kept: [Entry] = []
        /// The spelling the cells hold (empty: nothing reusable).
        fileprivate var previous: [UInt8] = []
    }

    /// log10 P(`latin`) (lower-case ASCII letters); `-.infinity` when no path spells it.
    /// Arc scores go through `memo`.
    func logProbability(of latin: [UInt8], memo: ArcScoreMemo, scratch: inout Scratch) -> Double {
        let count = latin.count
        guard count > 0 else { return -.infinity }
        let capacity = max(1, beamWidth * maximumOptions * maximumLatinLength)
        if scratch.capacity != capacity || scratch.counts.count < count + 1 {
            scratch.capacity = capacity
            scratch.counts = [Int](repeating: 0, count: max(count + 1, 32))
            scratch.entries = [Entry](repeating: Entry(history: 0, score: 0), count: scratch.counts.count * capacity)
            scratch.previous = []
        }
        // The cells of targets 0…shared depend on latin[..<shared] only (an entry of target t
        // comes from a span ending at t), so they hold for this spelling as they are; cells
        // beyond are refilled, from the positions whose spans reach past `shared`, in the same
        // order as from scratch (same sums, same ties).
        var shared = 0
        let limit = min(count, scratch.previous.count)
        while shared < limit && scratch.previous[shared] == latin[shared] { shared += 1 }
        if shared == 0 {
            scratch.entries[0] = Entry(history: model.startHistory, score: 0)
            scratch.counts[0] = 1
        }
        if shared < count {
            for position in (shared + 1)...count { scratch.counts[position] = 0 }
        }
        scratch.previous = latin
        let resume = max(0, shared - maximumLatinLength + 1)
        var kept: [Entry] = []
        kept.reserveCapacity(beamWidth)
        swap(&kept, &scratch.kept)
        defer { swap(&kept, &scratch.kept) }
        scratch.entries.withUnsafeMutableBufferPointer { entries in
            scratch.counts.withUnsafeMutableBufferPointer { counts in
                for position in resume..<count {
                    keepBest(entries, start: position * capacity, count: counts[position], into: &kept)
                    if kept.isEmpty { continue }
                    for span in 1...maximumLatinLength where position + span <= count && position + span > shared {
                        let target = position + span
                        var range = 0..<0
                        var long: [Int32] = []
                        if span <= 2 {
                            var key = Int(latin[position] & 0x7F)
                            if span == 2 { key = 128 + key * 128 + Int(latin[position + 1] & 0x7F) }
                            range = Int(spanStarts[key])..<Int(spanStarts[key + 1])
                        } else if let options = longSpans[Self.spanKey(latin[position..<target])] {
                            long = options
                            range = 0..<options.count
                        }
                        var slot = target * capacity + counts[target]
                        for index in range {
                            let graphone = span <= 2 ? spanGraphones[index] : long[index]
                            for entry in kept {
                                let score = entry.score + Double(memo.score(model, history: entry.history, graphone: graphone))
                                entries[slot] = Entry(history: model.advance(entry.history, by: graphone), score: score)
                                slot += 1
                            }
                        }
                        counts[target] = slot - target * capacity
                    }
                }
                keepBest(entries, start: count * capacity, count: counts[count], into: &kept)
            }
        }
        var total: Double?
        for entry in kept {
            total = logSumExp10(total, entry.score + Double(memo.score(model, history: entry.history, graphone: RomanizerModel.endID)))
        }
        return total ?? -.infinity
    }

    /// Puts in `kept` the best `beamWidth` histories of `entries[start..<start + count]`, best
    /// first; an entry whose history is already kept adds its probability to it (an entry
    /// that falls out of the kept ones takes its mass along: a slight underestimate).
    @inline(__always)
    private func keepBest(_ entries: UnsafeMutableBufferPointer<Entry>, start: Int, count: Int, into kept: inout [Entry]) {
        kept.removeAll(keepingCapacity: true)
        for index in start..<(start + count) {
            let entry = entries[index]
            var slot = -1
            for candidate in kept.indices where kept[candidate].history == entry.history {
                slot = candidate
                break
            }
            if slot >= 0 {
                kept[slot].score = logSumExp10(kept[slot].score, entry.score)
            } else if kept.count < beamWidth {
                kept.append(entry)
                slot = kept.count - 1
            } else if entry.score > kept[kept.count - 1].score {
                slot = kept.count - 1
                kept[slot] = entry
            } else {
                continue
            }
            // Move the changed entry up to its place (scores only grow).
            while slot > 0 && kept[slot].score > kept[slot - 1].score {
                kept.swapAt(slot, slot - 1)
                slot -= 1
            }
        }
    }
}
