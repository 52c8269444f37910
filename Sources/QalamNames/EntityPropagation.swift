import QalamText

/// Label consistency across nearby sentences: a word or word sequence the tagger marked
/// as an entity in one sentence is marked the same way where it stands untagged within a
/// few sentences («... الفيفا» tagged ORG in one sentence, left `O` two sentences later).
///
/// A one-word entity whose type disagrees with what the same word was tagged at least
/// twice within ±15 sentences (more often than its own type elsewhere) takes that type.
///
/// Matching is on folded stems (clitics cut off: «وللفيفا» matches «الفيفا»); a single
/// word needs a stem of at least three letters; where several types were seen, the most
/// frequent wins. Chosen on cross-validation folds of the ANERcorp train split (window
/// ±5 sentences: micro F1 +0.5, a whole-text window lost 2 points).
struct EntityPropagation {
    /// Sentences before and after a tagged mention within which it is propagated.
    static let window = 5
    /// Shortest stem, in letters, for a one-word entity to be propagated.
    static let minimumStemLetters: UInt32 = 3
    /// Longest propagated entity, in words.
    static let longest = 4
    /// Sentences before and after within which one-word entities vote on their type.
    static let relabelWindow = 15
    /// Votes needed to change a one-word entity's type.
    static let relabelVotes = 2

    /// One tagged mention: its sentence and type.
    private struct Mention {
        var sentence: Int
        var type: EntityType
    }

    /// How often each type was seen, in ``EntityType/allCases`` order.
    private struct Votes {
        private var counts: (Int, Int, Int, Int) = (0, 0, 0, 0)

        subscript(type: EntityType) -> Int {
            get {
                switch type {
                case .person: counts.0
                case .organization: counts.1
                case .location: counts.2
                case .misc: counts.3
                }
            }
            set {
                switch type {
                case .person: counts.0 = newValue
                case .organization: counts.1 = newValue
                case .location: counts.2 = newValue
                case .misc: counts.3 = newValue
                }
            }
        }

        var isEmpty: Bool { counts.0 == 0 && counts.1 == 0 && counts.2 == 0 && counts.3 == 0 }
    }

    /// Where each entity was tagged: sentence and type, by the combined hash of its stems.
    private struct Index {
        /// Mentions per hash, in sentence order (the index is built sentence by sentence).
        var mentions = HashKeyTable<[Mention]>()
        /// First stems of the entities, as a bit filter on the low bits.
        var starts = [UInt64](repeating: 0, count: 1 << 10)

        @inline(__always)
        func mayStart(_ stem: UInt32) -> Bool {
            let bit = Int(stem & UInt32((1 << 16) - 1))
            return starts[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }

        mutating func add(_ hash: UInt64, first: UInt32, sentence: Int, type: EntityType) {
            mentions.modify(hash, default: []) { $0.append(Mention(sentence: sentence, type: type)) }
            let bit = Int(first & UInt32((1 << 16) - 1))
            starts[bit >> 6] |= 1 << UInt64(bit & 63)
        }

        /// Type counts of the mentions of `hash` within `window` sentences of `sentence`.
        func votes(_ hash: UInt64, around sentence: Int, window: Int) -> Votes? {
            guard let list = mentions[hash] else { return nil }
            // The list is in sentence order: find the first mention inside the window.
            var low = 0, high = list.count
            while low < high {
                let middle = (low + high) / 2
                if list[middle].sentence < sentence - window { low = middle + 1 } else { high = middle }
            }
            var votes = Votes()
            while low < list.count, list[low].sentence <= sentence + window {
                votes[list[low].type] += 1
                low += 1
            }
            return votes.isEmpty ? nil : votes
        }
    }

    @inline(__always)
    private static func extend(_ hash: UInt64, _ stem: UInt32) -> UInt64 {
        ((hash ^ UInt64(stem)) &* 0x0000_0100_0000_01B3) ^ (hash >> 31)
    }

    private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Tags with propagated mentions added; `keys[s][i]` are the keys of token `i` of
    /// sentence `s`. Only `O` tokens change, never next to an existing entity.
    static func apply(to tags: [[BIOTag]], keys: [[WordKeys]]) -> [[BIOTag]] {
        var index = Index()
        for (sentence, (sentenceTags, sentenceKeys)) in zip(tags, keys).enumerated() {
            for chunk in BIOChunker.chunks(sentenceTags) where chunk.range.count <= longest {
                if chunk.range.count == 1 && sentenceKeys[chunk.range.lowerBound].stemLetters < minimumStemLetters { continue }
                var hash = seed
                for position in chunk.range { hash = extend(hash, sentenceKeys[position].stem) }
                index.add(hash, first: sentenceKeys[chunk.range.lowerBound].stem, sentence: sentence, type: chunk.type)
            }
        }
        guard !index.mentions.isEmpty else { return tags }
        var result = relabeled(tags, keys: keys, index: index)
        // Hashes of the word sequences starting at a position (one buffer for the whole text).
        var hashes = [UInt64](repeating: 0, count: longest)
        for sentence in tags.indices {
            let sentenceKeys = keys[sentence]
            var position = 0
            while position < sentenceKeys.count {
                guard result[sentence][position] == .outside, index.mayStart(sentenceKeys[position].stem),
                    position == 0 || result[sentence][position - 1] == .outside
                else { position += 1; continue }
                // Hashes of the sequences of 1 … longest words from here, while they stay outside entities.
                var hashCount = 0
                var hash = seed
                for next in position..<min(sentenceKeys.count, position + longest) {
                    guard result[sentence][next] == .outside else { break }
                    hash = extend(hash, sentenceKeys[next].stem)
                    hashes[hashCount] = hash
                    hashCount += 1
                }
                var taken = 0
                for length in stride(from: hashCount, through: 1, by: -1) {
                    let end = position + length
                    if end < sentenceKeys.count, result[sentence][end].isInside { continue }
                    if length == 1, sentenceKeys[position].stemLetters < minimumStemLetters { continue }
                    guard let counts = index.votes(hashes[length - 1], around: sentence, window: window),
                        let type = mostFrequent(counts) else { continue }
                    result[sentence][position] = BIOTag(type, begin: true)
                    for inside in (position + 1)..<end { result[sentence][inside] = BIOTag(type, begin: false) }
                    taken = length
                    break
                }
                position += max(taken, 1)
            }
        }
        return result
    }

    /// One-word entities retyped by the vote of the same word nearby.
    private static func relabeled(_ tags: [[BIOTag]], keys: [[WordKeys]], index: Index) -> [[BIOTag]] {
        var result = tags
        for sentence in tags.indices {
            for chunk in BIOChunker.chunks(tags[sentence]) where chunk.range.count == 1 {
                let position = chunk.range.lowerBound
                guard keys[sentence][position].stemLetters >= minimumStemLetters,
                    var votes = index.votes(extend(seed, keys[sentence][position].stem), around: sentence, window: relabelWindow)
                else { continue }
                votes[chunk.type] -= 1
                guard let best = mostFrequent(votes), best != chunk.type, case let count = votes[best],
                    count >= relabelVotes, count > votes[chunk.type] else { continue }
                result[sentence][position] = BIOTag(best, begin: true)
            }
        }
        return result
    }

    /// The type seen most often; ties go to the first in ``EntityType/allCases``.
    private static func mostFrequent(_ counts: Votes) -> EntityType? {
        var best: (type: EntityType, count: Int)?
        for type in EntityType.allCases {
            let count = counts[type]
            if count > (best?.count ?? 0) { best = (type, count) }
        }
        return best?.type
    }
}
