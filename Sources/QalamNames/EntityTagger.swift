import Foundation
import QalamLexicons
import QalamText

/// Finds persons, organizations, places and other names in Arabic text.
///
/// A linear-chain model (averaged structured perceptron, Viterbi over BIO tags) over
/// hashed word features (see ``NERFeatureExtractor``), trained on the ANERcorp train
/// split by `qalam train ner`. The shipped model is `Lexicons/ner/model.bin`.
///
///     let tagger = try EntityTagger()
///     let document = try Document("وكتب كارتر على موقع X")
///     for entity in tagger.entities(in: document) { print(entity.type, document.text(of: entity.range)) }
public struct EntityTagger: Sendable {
    /// The weights.
    public let model: NERModel
    /// The features the weights were trained with.
    public let extractor: NERFeatureExtractor
    /// Word scores kept between calls of ``entities(in:)`` (shared by copies of this tagger).
    private let wordScores = WordScoreStore()

    /// Path of the shipped model, relative to `Lexicons/`.
    public static let modelPath = "ner/model.bin"

    /// A tagger from a model and its feature extractor.
    public init(model: NERModel, extractor: NERFeatureExtractor) {
        self.model = model
        self.extractor = extractor
    }

    /// The shipped tagger (loaded once per process, then shared).
    public init() throws {
        let loaded = try Self.shipped.get()
        self.init(model: loaded.model, extractor: loaded.extractor)
    }

    /// Where the shipped model file is (see ``QalamLexicons/LexiconStore``).
    public static func shippedModelURL() throws -> URL {
        try LexiconStore.url(for: modelPath)
    }

    /// A tagger with the model at `url` (a file written by `qalam train ner`) and the
    /// shipped lexicons.
    public init(modelAt url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw NERModelError("cannot read \(url.path): \(error.localizedDescription)") }
        let model = try NERModel(bytes: data)
        self.init(model: model, extractor: try NERFeatureExtractor.shipped(rowBits: model.rowBits))
    }

    private static let shipped: Result<EntityTagger, any Error> = Result {
        let model = try NERModel(bytes: try LexiconStore.data(modelPath))
        return EntityTagger(model: model, extractor: try NERFeatureExtractor.shipped(rowBits: model.rowBits))
    }

    /// BIO tags (`O`, `B-PERS`, …) for one pre-tokenized sentence.
    public func tags(forTokens tokens: [String]) -> [String] {
        var cache = WordScoreCache(model: model, extractor: extractor)
        let slots = tokens.map { cache.slot(of: $0[...], kind: TokenKind.classify($0.unicodeScalars)) }
        let emissions = cache.emissions(slots: slots)
        var transitions = TransitionWeightCache()
        return transitions.decode(emissions: emissions, slots: slots, model: model) { cache.keys(ofSlot: $0) }
            .map { BIOTag.all[$0].description }
    }

    /// BIO tags for pre-tokenized sentences of one text (a CoNLL file, say). Each
    /// sentence is decoded on its own; then parts of full person names found anywhere in
    /// the text are tagged where they occur alone (see ``entities(in:)``).
    public func tags(forSentences sentences: [[String]]) -> [[String]] {
        var cache = WordScoreCache(model: model, extractor: extractor)
        var transitions = TransitionWeightCache()
        var keys: [[WordKeys]] = []
        keys.reserveCapacity(sentences.count)
        let tags = sentences.map { tokens -> [BIOTag] in
            let slots = tokens.map { cache.slot(of: $0[...], kind: TokenKind.classify($0.unicodeScalars)) }
            let sentenceKeys = slots.map { cache.keys(ofSlot: $0) }
            keys.append(sentenceKeys)
            return transitions.decode(emissions: cache.emissions(slots: slots), slots: slots, model: model) { cache.keys(ofSlot: $0) }
                .map { BIOTag.all[$0] }
        }
        var memory = NameMemory(extractor: extractor)
        let remembered = memory.apply(to: tags, sentences: sentences)
        var consistent = EntityPropagation.apply(to: remembered, keys: keys)
        let rules = personSpanRules
        for index in consistent.indices {
            rules.apply(to: &consistent[index], keys: keys[index]) { sentences[index][$0][...] }
        }
        return consistent.map { $0.map(\.description) }
    }

    /// The entities of a document, in order. The document is tagged sentence by sentence
    /// (a sentence ends at . ! ? ؟ or a line break); then person spans are tidied and the
    /// parts of full names mentioned alone later («كارتر» after «جون كارتر») are tagged
    /// as persons too.
    public func entities(in document: Document) -> [Entity] {
        var text = document.text
        return text.withUTF8 { bytes in entities(in: document, bytes: bytes) }
    }

    /// Forgets the word scores kept between calls of ``entities(in:)``. Results never
    /// depend on them; call this to free their memory (up to about 60 MB) or to time
    /// tagging from a cold start.
    public func clearWordCache() {
        wordScores.clear()
    }

    private func entities(in document: Document, bytes: UnsafeBufferPointer<UInt8>) -> [Entity] {
        var cache: WordScoreCache, transitions: TransitionWeightCache
        // `kept` ends with the `if`, so the memo's arrays have one owner when they grow (no copy).
        if let kept = wordScores.checkOut() {
            (cache, transitions) = (kept.words, kept.transitions)
        } else {
            (cache, transitions) = (WordScoreCache(model: model, extractor: extractor), TransitionWeightCache())
        }
        defer { wordScores.checkIn(WordScoreStore.Memo(words: cache, transitions: transitions)) }
        var entities: [Entity] = []
        var start = 0
        let tokens = document.tokens
        var slots: [Int] = []
        slots.reserveCapacity(64)
        // Per sentence: token span, emissions and best path (then made consistent across sentences).
        var spans: [Range<Int>] = [], allEmissions: [[Float]] = [], paths: [[BIOTag]] = [], keys: [[WordKeys]] = []
        for index in tokens.indices {
            let token = tokens[index]
            let word = UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])
            let key = WordScoreCache.key(word)
            slots.append(cache.knownSlot(key: key) ?? cache.addWord(document.text(of: token), kind: token.kind, key: key))
            var ends = index + 1 == tokens.count || Self.endsSentence(word)
            if !ends {
                for position in token.end..<tokens[index + 1].start where bytes[position] == 0x0A { ends = true; break }
            }
            if ends {
                let emissions = cache.emissions(slots: slots)
                let sentenceKeys = slots.map { cache.keys(ofSlot: $0) }
                spans.append(start..<(index + 1))
                paths.append(transitions.decode(emissions: emissions, slots: slots, model: model) { cache.keys(ofSlot: $0) }.map { BIOTag.all[$0] })
                allEmissions.append(emissions)
                keys.append(sentenceKeys)
                start = index + 1
                slots.removeAll(keepingCapacity: true)
            }
        }
        paths = EntityPropagation.apply(to: paths, keys: keys)
        let rules = personSpanRules
        for (sentence, span) in spans.enumerated() {
            rules.apply(to: &paths[sentence], keys: keys[sentence]) { document.text(of: tokens[span.lowerBound + $0]) }
            addEntities(span, path: paths[sentence].map(\.index), emissions: allEmissions[sentence], keys: keys[sentence], document: document, into: &entities)
        }
        return PersonMentionRules(extractor: extractor).apply(to: entities, in: document, keys: keys.flatMap { $0 })
    }

    /// How much better the chosen path is than the same path with the chunk tagged `O`,
    /// squashed to 0…1.
    /// `transition(position, previous, tag)`: the transition weight at a position
    /// (``TransitionFeatures/weight(position:previous:tag:keys:model:)``).
    private static func confidence(of range: Range<Int>, path: [Int], emissions: [Float], transition: (Int, Int, Int) -> Float) -> Double {
        let tags = BIOTag.count
        var margin: Float = 0
        for position in range {
            margin += emissions[position * tags + path[position]] - emissions[position * tags]
            let previous = position == 0 ? -1 : path[position - 1]
            let previousIfOutside = position == 0 ? -1 : (range.contains(position - 1) ? 0 : path[position - 1])
            margin += transition(position, previous, path[position]) - transition(position, previousIfOutside, 0)
        }
        if range.upperBound < path.count {
            let next = path[range.upperBound]
            // With the chunk outside, an I- tag after it would be invalid; compare with B- then.
            let nextIfOutside = BIOTag.all[next].isInside ? next - 1 : next
            margin += transition(range.upperBound, path[range.upperBound - 1], next) - transition(range.upperBound, 0, nextIfOutside)
            margin += emissions[range.upperBound * tags + next] - emissions[range.upperBound * tags + nextIfOutside]
        }
        let value = 1 / (1 + exp(-Double(margin) / 8))
        return (value * 1000).rounded() / 1000
    }

    /// The person rules run on each sentence's decoded tags (``PersonSpanRules``).
    private var personSpanRules: PersonSpanRules {
        PersonSpanRules(fullNames: extractor.personFullNames, stems: extractor.segmenter.lexicon)
    }

    /// Whether a token ends a sentence: . ! ? ؟ or an ellipsis.
    private static func endsSentence(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        switch word.count {
        case 1: return word[0] == 0x2E || word[0] == 0x21 || word[0] == 0x3F
        case 2: return word[0] == 0xD8 && word[1] == 0x9F
        case 3: return (word[0] == 0x2E && word[1] == 0x2E && word[2] == 0x2E) || (word[0] == 0xE2 && word[1] == 0x80 && word[2] == 0xA6)
        default: return false
        }
    }


    private func addEntities(_ span: Range<Int>, path: [Int], emissions: [Float], keys: [WordKeys], document: Document, into entities: inout [Entity]) {
        for chunk in BIOChunker.chunks(path.map { BIOTag.all[$0] }) {
            let confidence = Self.confidence(of: chunk.range, path: path, emissions: emissions) { position, previous, tag in
                TransitionFeatures.weight(position: position, previous: previous, tag: tag, keys: keys, model: model)
            }
            let first = document.tokens[span.lowerBound + chunk.range.lowerBound]
            let last = document.tokens[span.lowerBound + chunk.range.upperBound - 1]
            // Leave attached conjunctions and prepositions («لبيرتي») outside the entity.
            let startByte = first.start + extractor.leadingCliticBytes(of: document.text(of: first), keys: keys[chunk.range.lowerBound])
            entities.append(Entity(
                type: chunk.type, tokenRange: (span.lowerBound + chunk.range.lowerBound)..<(span.lowerBound + chunk.range.upperBound),
                start: startByte, end: last.end, confidence: (confidence * 1000).rounded() / 1000))
        }
    }
}
