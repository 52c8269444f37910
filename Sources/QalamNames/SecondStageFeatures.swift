import Foundation
import QalamText

/// The features of the second stage (``SecondStage``; stacking after Krishnan & Manning
/// 2006): the first pass's tag of the word and of its neighbours, how sure the first pass
/// was, and what the first pass did with the same word and the same word sequence
/// elsewhere in the text — within ``SecondStage/window`` sentences, the word itself left out.
///
/// Every template gives exactly one row per position (``rowsPerPosition``), "nothing seen"
/// being a value of its own; all are crossed with the first-pass tag of the word.
enum SecondStageFeatures {
    /// Changes whenever the templates change; stored in the model file.
    static let templateVersion: UInt32 = 1

    private enum Template: UInt8 {
        case tag = 1, previousPair, nextPair, previousTriple, nextTriple, confidence
        case tokenMajority, entityMajority, multiWord, chunkVotes, personFlags, transliteration, clitics, neighbourMajority
        case tagScore
    }

    /// Rows per position.
    static let rowsPerPosition = 14 + BIOTag.count
    /// The row of a template left out (``SecondStage/disabledTemplates``): no weights.
    static let absent = UInt32.max

    /// Counters per word (stem) in the window: `O`, PERS, ORG, LOC, MISC, inside a
    /// multi-word entity.
    private static let counters = 6

    /// The entity-type group of a tag index: 0 for `O`, 1…4 for PERS, ORG, LOC, MISC.
    @inline(__always)
    static func group(_ tag: Int) -> Int { tag <= 0 ? 0 : (tag + 1) / 2 }

    /// The rows of every position of a text's sentences, ``rowsPerPosition`` per position
    /// (`result[s][i * rowsPerPosition + k]`).
    static func rows(_ sentences: [FirstPassSentence], window: Int, rowBits: Int, disabled: UInt32 = 0) -> [[UInt32]] {
        // Bit 31 of `disabled`: the document templates fire only where the word was seen elsewhere.
        let sparse = disabled & (1 << 31) != 0
        let tokenCounts = windowCounts(sentences, window: window)
        let chunks = chunkFeatures(sentences, window: window)
        var result: [[UInt32]] = []
        result.reserveCapacity(sentences.count)
        let tags = BIOTag.count
        for (index, sentence) in sentences.enumerated() {
            let count = sentence.count
            var rows: [UInt32] = []
            rows.reserveCapacity(count * rowsPerPosition)
            let path = sentence.path, counts = tokenCounts[index], chunk = chunks[index]
            func tag(_ position: Int) -> UInt32 { (0..<count).contains(position) ? UInt32(path[position]) : 9 }
            func entityMajority(_ position: Int) -> UInt32 {
                guard (0..<count).contains(position) else { return 9 }
                var best = 0, bestCount: Int32 = 0
                for type in 1...4 where counts[position * counters + type] > bestCount { best = type; bestCount = counts[position * counters + type] }
                return UInt32(best)
            }
            func add(_ template: Template, _ values: UInt32...) {
                guard disabled & (1 << UInt32(template.rawValue - 1)) == 0, !(sparse && values.last == 99) else { rows.append(absent); return }
                var hasher = FeatureHasher(template: template.rawValue, offset: 0)
                for value in values { hasher.mix(value) }
                rows.append(hasher.row(bits: rowBits))
            }
            for position in 0..<count {
                let current = UInt32(path[position])
                add(.tag, current)
                add(.previousPair, tag(position - 1), current)
                add(.nextPair, current, tag(position + 1))
                add(.previousTriple, tag(position - 2), tag(position - 1), current)
                add(.nextTriple, current, tag(position + 1), tag(position + 2))
                // How sure: the runner-up tag and the margin to it, bucketed.
                var runnerUp = 0, runnerScore = -Float.infinity
                let base = position * tags
                for candidate in 0..<tags where candidate != path[position] && sentence.emissions[base + candidate] > runnerScore {
                    runnerUp = candidate; runnerScore = sentence.emissions[base + candidate]
                }
                let margin = sentence.emissions[base + path[position]] - runnerScore
                add(.confidence, current, UInt32(runnerUp), bucket(margin))
                // The same word elsewhere in the window: majority tag group and how strong.
                let own = counts[(position * counters)..<((position + 1) * counters)]
                let seen = own.prefix(5).reduce(0, +)
                if seen == 0 {
                    add(.tokenMajority, current, 99)
                    add(.entityMajority, current, 99)
                } else {
                    var majority = 0, majorityCount: Int32 = -1
                    for type in 0..<5 where own[own.startIndex + type] > majorityCount { majority = type; majorityCount = own[own.startIndex + type] }
                    add(.tokenMajority, current, UInt32(majority), UInt32(majorityCount * 4 / seen), sizeBucket(seen))
                    let entities = seen - own[own.startIndex]
                    add(.entityMajority, current, entityMajority(position), UInt32(entities * 4 / seen), sizeBucket(entities))
                }
                let multi = own[own.startIndex + 5]
                if multi > 0 { add(.multiWord, current, UInt32(min(multi, 3)), entityMajority(position)) } else { add(.multiWord, current, 0, 99) }
                add(.chunkVotes, current, chunk[position] == 0 ? 99 : chunk[position])
                let keys = sentence.keys[position]
                add(.personFlags, current, keys.personFlags)
                add(.transliteration, current, keys.transliteration)
                add(.clitics, tag(position - 1), current, (keys.startsWithConjunction ? 1 : 0) | (keys.hasProclitic ? 2 : 0) | (keys.endsLikeNisba ? 4 : 0))
                add(.neighbourMajority, current, entityMajority(position - 1), entityMajority(position + 1))
                // Each tag's first-pass score below the path's tag, bucketed.
                for candidate in 0..<tags {
                    add(.tagScore, UInt32(candidate), bucket(sentence.emissions[base + path[position]] - sentence.emissions[base + candidate]))
                }
            }
            result.append(rows)
        }
        return result
    }

    /// A score margin in buckets of doubling width.
    @inline(__always)
    private static func bucket(_ margin: Float) -> UInt32 {
        guard margin.isFinite, margin > 0 else { return 0 }
        return UInt32(min(8, Int(log2(1 + margin)) + 1))
    }

    @inline(__always)
    private static func sizeBucket(_ count: Int32) -> UInt32 {
        switch count {
        case ...0: 0
        case 1: 1
        case 2...3: 2
        case 4...7: 3
        default: 4
        }
    }

    /// For every token, the ``counters`` counts of the other tokens with the same stem
    /// within `window` sentences (a sliding window over dense stem numbers).
    private static func windowCounts(_ sentences: [FirstPassSentence], window: Int) -> [[Int32]] {
        var numbers = HashKeyTable<Int32>(minimumCapacity: 1024)
        var stemNumbers: [[Int32]] = []
        stemNumbers.reserveCapacity(sentences.count)
        // Per token: its group (0…4) and whether it is inside a multi-word entity.
        var groups: [[UInt8]] = []
        groups.reserveCapacity(sentences.count)
        for sentence in sentences {
            stemNumbers.append(sentence.keys.map { keys in
                let next = Int32(numbers.count)
                return numbers.modify(UInt64(keys.stem), default: next) { $0 }
            })
            var sentenceGroups = sentence.path.map { UInt8(group($0)) }
            for chunk in BIOChunker.chunks(sentence.path.map { BIOTag.all[$0] }) where chunk.range.count > 1 {
                for position in chunk.range { sentenceGroups[position] |= 8 }
            }
            groups.append(sentenceGroups)
        }
        var counts = [Int32](repeating: 0, count: numbers.count * counters)
        func update(_ sentence: Int, by delta: Int32) {
            for (number, group) in zip(stemNumbers[sentence], groups[sentence]) {
                counts[Int(number) * counters + Int(group & 7)] += delta
                if group & 8 != 0 { counts[Int(number) * counters + 5] += delta }
            }
        }
        var added = 0, removed = 0
        var result: [[Int32]] = []
        result.reserveCapacity(sentences.count)
        for sentence in sentences.indices {
            while added < min(sentences.count, sentence + window + 1) { update(added, by: 1); added += 1 }
            while removed < sentence - window { update(removed, by: -1); removed += 1 }
            var own = [Int32](repeating: 0, count: stemNumbers[sentence].count * counters)
            for (position, (number, group)) in zip(stemNumbers[sentence], groups[sentence]).enumerated() {
                let source = Int(number) * counters, target = position * counters
                for counter in 0..<counters { own[target + counter] = counts[source + counter] }
                own[target + Int(group & 7)] -= 1
                if group & 8 != 0 { own[target + 5] -= 1 }
            }
            result.append(own)
        }
        return result
    }

    /// Longest word sequence matched as an entity elsewhere.
    private static let longest = 4

    /// For every token, a code of what the first pass did with the same word sequence
    /// elsewhere in the window: for a token inside a first-pass entity, the majority type of
    /// the other mentions of the entity's stems (or none); for a token outside, whether it
    /// starts or continues the longest sequence of untagged words tagged as an entity
    /// elsewhere, with that entity's type and length.
    private static func chunkFeatures(_ sentences: [FirstPassSentence], window: Int) -> [[UInt32]] {
        var mentions = HashKeyTable<[Int32]>(minimumCapacity: 256)
        var starts = [UInt64](repeating: 0, count: 1 << 10)
        func mayStart(_ stem: UInt32) -> Bool {
            let bit = Int(stem & 0xFFFF)
            return starts[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }
        let seed: UInt64 = 0xcbf2_9ce4_8422_2325
        func extend(_ hash: UInt64, _ stem: UInt32) -> UInt64 { ((hash ^ UInt64(stem)) &* 0x0000_0100_0000_01B3) ^ (hash >> 31) }
        var allChunks: [[BIOChunker.Chunk]] = []
        allChunks.reserveCapacity(sentences.count)
        for (index, sentence) in sentences.enumerated() {
            let chunks = BIOChunker.chunks(sentence.path.map { BIOTag.all[$0] })
            allChunks.append(chunks)
            for chunk in chunks where chunk.range.count <= longest {
                var hash = seed
                for position in chunk.range { hash = extend(hash, sentence.keys[position].stem) }
                let type = Int32(group(sentence.path[chunk.range.lowerBound]))
                mentions.modify(hash, default: []) { $0.append(Int32(index) << 3 | type) }
                let bit = Int(sentence.keys[chunk.range.lowerBound].stem & 0xFFFF)
                starts[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
        /// Votes per group (1…4) for `hash` within the window of `sentence`.
        func votes(_ hash: UInt64, around sentence: Int) -> [Int32] {
            var result = [Int32](repeating: 0, count: 5)
            guard let list = mentions[hash] else { return result }
            var low = 0, high = list.count
            while low < high {
                let middle = (low + high) / 2
                if Int(list[middle] >> 3) < sentence - window { low = middle + 1 } else { high = middle }
            }
            while low < list.count, Int(list[low] >> 3) <= sentence + window {
                result[Int(list[low] & 7)] += 1
                low += 1
            }
            return result
        }
        func majority(_ votes: [Int32]) -> (type: Int, count: Int32) {
            var best = 0, bestCount: Int32 = 0
            for type in 1...4 where votes[type] > bestCount { best = type; bestCount = votes[type] }
            return (best, bestCount)
        }
        var result: [[UInt32]] = []
        result.reserveCapacity(sentences.count)
        for (index, sentence) in sentences.enumerated() {
            var codes = [UInt32](repeating: 0, count: sentence.count)
            for chunk in allChunks[index] {
                guard chunk.range.count <= longest else {
                    for position in chunk.range { codes[position] = 1 }
                    continue
                }
                var hash = seed
                for position in chunk.range { hash = extend(hash, sentence.keys[position].stem) }
                var counted = votes(hash, around: index)
                let own = group(sentence.path[chunk.range.lowerBound])
                counted[own] -= 1
                let (type, count) = majority(counted)
                let code = 2 | UInt32(type) << 2 | UInt32(min(count, 3)) << 5 | UInt32(min(chunk.range.count, 3)) << 7
                for position in chunk.range { codes[position] = code | (position == chunk.range.lowerBound ? 0 : 1 << 9) }
            }
            var position = 0
            while position < sentence.count {
                guard sentence.path[position] == 0, mayStart(sentence.keys[position].stem) else { position += 1; continue }
                var hash = seed, taken = 0
                var hashes: [UInt64] = []
                for next in position..<min(sentence.count, position + longest) {
                    guard sentence.path[next] == 0 else { break }
                    hash = extend(hash, sentence.keys[next].stem)
                    hashes.append(hash)
                }
                for length in stride(from: hashes.count, through: 1, by: -1) {
                    if length == 1, sentence.keys[position].stemLetters < 3 { continue }
                    let (type, count) = majority(votes(hashes[length - 1], around: index))
                    guard count > 0 else { continue }
                    let code = 1 << 10 | UInt32(type) << 2 | UInt32(min(count, 3)) << 5 | UInt32(min(length, 3)) << 7
                    for inside in position..<(position + length) { codes[inside] = code | (inside == position ? 0 : 1 << 9) }
                    taken = length
                    break
                }
                position += max(taken, 1)
            }
            result.append(codes)
        }
        return result
    }
}
