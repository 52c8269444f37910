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
///     let document = try Document("وكتب ألتمان على موقع X")
///     for entity in tagger.entities(in: document) { print(entity.type, document.text(of: entity.range)) }
public struct EntityTagger: Sendable {
    /// The weights.
    public let model: NERModel
    /// The features the weights were trained with.
    public let extractor: NERFeatureExtractor

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
        let slots = tokens.map { cache.slot(of: $0[...], kind: TokenKind.classify($0.unicodeScalars), model: model, extractor: extractor) }
        let emissions = cache.emissions(slots: slots)
        return ViterbiDecoder.decode(emissions: emissions, count: slots.count, transitions: model.transitions)
            .map { BIOTag.all[$0].description }
    }

    /// The entities of a document, in order. The document is tagged sentence by sentence
    /// (a sentence ends at . ! ? ؟ or a line break).
    public func entities(in document: Document) -> [Entity] {
        var cache = WordScoreCache(model: model, extractor: extractor)
        var entities: [Entity] = []
        var start = 0
        let tokens = document.tokens
        var slots: [Int] = []
        slots.reserveCapacity(64)
        for index in tokens.indices {
            let text = document.text(of: tokens[index])
            slots.append(cache.slot(of: text, kind: tokens[index].kind, model: model, extractor: extractor))
            let ends = Self.endsSentence(text) || (index + 1 < tokens.count && document.gap(before: index + 1).contains("\n"))
            if ends || index + 1 == tokens.count {
                tagSpan(start..<(index + 1), slots: slots, cache: cache, document: document, into: &entities)
                start = index + 1
                slots.removeAll(keepingCapacity: true)
            }
        }
        return entities
    }

    private static func endsSentence(_ token: Substring) -> Bool {
        token == "." || token == "؟" || token == "?" || token == "!" || token == "..."
    }

    private func tagSpan(_ span: Range<Int>, slots: [Int], cache: WordScoreCache, document: Document, into entities: inout [Entity]) {
        let emissions = cache.emissions(slots: slots)
        let path = ViterbiDecoder.decode(emissions: emissions, count: slots.count, transitions: model.transitions)
        for chunk in BIOChunker.chunks(path.map { BIOTag.all[$0] }) {
            var confidence = 0.0
            for position in chunk.range {
                let base = position * BIOTag.count
                let chosen = emissions[base + path[position]]
                var other: Float = -.infinity
                for tag in 0..<BIOTag.count where tag != path[position] { other = max(other, emissions[base + tag]) }
                confidence += 1 / (1 + exp(-Double(chosen - other) / 4))
            }
            confidence /= Double(chunk.range.count)
            let first = document.tokens[span.lowerBound + chunk.range.lowerBound]
            let last = document.tokens[span.lowerBound + chunk.range.upperBound - 1]
            var startByte = first.start
            // Leave attached conjunctions and prepositions («لموراتي») outside the entity.
            for segment in extractor.segmenter.segment(document.text(of: first)) {
                guard segment.role == .proclitic, segment.form != "ال", segment.range.upperBound < first.byteCount else { break }
                startByte = first.start + segment.range.upperBound
            }
            entities.append(Entity(
                type: chunk.type, tokenRange: (span.lowerBound + chunk.range.lowerBound)..<(span.lowerBound + chunk.range.upperBound),
                start: startByte, end: last.end, confidence: (confidence * 1000).rounded() / 1000))
        }
    }
}
