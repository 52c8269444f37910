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

    private struct Sequence: Hashable {
        var stems: [UInt32]
    }

    /// Tags with propagated mentions added; `keys[s][i]` are the keys of token `i` of
    /// sentence `s`. Only `O` tokens change, never next to an existing entity.
    static func apply(to tags: [[BIOTag]], keys: [[WordKeys]]) -> [[BIOTag]] {
        // Per sentence: the entities seen, by stem sequence, with their type counts.
        var seen: [[Sequence: [EntityType: Int]]] = []
        seen.reserveCapacity(tags.count)
        var any = false
        for (sentenceTags, sentenceKeys) in zip(tags, keys) {
            var here: [Sequence: [EntityType: Int]] = [:]
            for chunk in BIOChunker.chunks(sentenceTags) where chunk.range.count <= longest {
                if chunk.range.count == 1 && sentenceKeys[chunk.range.lowerBound].stemLetters < minimumStemLetters { continue }
                here[Sequence(stems: chunk.range.map { sentenceKeys[$0].stem }), default: [:]][chunk.type, default: 0] += 1
                any = true
            }
            seen.append(here)
        }
        guard any else { return tags }
        var result = relabeled(tags, keys: keys, seen: seen)
        for sentence in tags.indices {
            var nearby: [Sequence: [EntityType: Int]] = [:]
            for other in max(0, sentence - window)..<min(tags.count, sentence + window + 1) {
                for (sequence, counts) in seen[other] {
                    nearby[sequence, default: [:]].merge(counts, uniquingKeysWith: +)
                }
            }
            guard !nearby.isEmpty else { continue }
            let sentenceKeys = keys[sentence]
            var position = 0
            while position < sentenceKeys.count {
                var taken = 0
                for length in stride(from: min(longest, sentenceKeys.count - position), through: 1, by: -1) {
                    let range = position..<(position + length)
                    guard range.allSatisfy({ result[sentence][$0] == .outside }) else { continue }
                    if position > 0, result[sentence][position - 1] != .outside { continue }
                    if range.upperBound < sentenceKeys.count, result[sentence][range.upperBound].isInside { continue }
                    if length == 1, sentenceKeys[position].stemLetters < minimumStemLetters { continue }
                    guard let counts = nearby[Sequence(stems: range.map { sentenceKeys[$0].stem })],
                        let type = Self.mostFrequent(counts) else { continue }
                    result[sentence][position] = BIOTag(type, begin: true)
                    for inside in range.dropFirst() { result[sentence][inside] = BIOTag(type, begin: false) }
                    taken = length
                    break
                }
                position += max(taken, 1)
            }
        }
        return result
    }

    /// One-word entities retyped by the vote of the same word nearby.
    private static func relabeled(_ tags: [[BIOTag]], keys: [[WordKeys]], seen: [[Sequence: [EntityType: Int]]]) -> [[BIOTag]] {
        var result = tags
        for sentence in tags.indices {
            for chunk in BIOChunker.chunks(tags[sentence]) where chunk.range.count == 1 {
                let position = chunk.range.lowerBound
                guard keys[sentence][position].stemLetters >= minimumStemLetters else { continue }
                let word = Sequence(stems: [keys[sentence][position].stem])
                var votes: [EntityType: Int] = [:]
                for other in max(0, sentence - relabelWindow)..<min(tags.count, sentence + relabelWindow + 1) {
                    if let counts = seen[other][word] { votes.merge(counts, uniquingKeysWith: +) }
                }
                votes[chunk.type, default: 0] -= 1
                guard let best = mostFrequent(votes), best != chunk.type, let count = votes[best],
                    count >= relabelVotes, count > votes[chunk.type, default: 0] else { continue }
                result[sentence][position] = BIOTag(best, begin: true)
            }
        }
        return result
    }

    /// The type seen most often; ties go to the first in ``EntityType/allCases``.
    private static func mostFrequent(_ counts: [EntityType: Int]) -> EntityType? {
        var best: (type: EntityType, count: Int)?
        for type in EntityType.allCases {
            if let count = counts[type], count > (best?.count ?? 0) { best = (type, count) }
        }
        return best?.type
    }
}
