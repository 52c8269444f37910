import Foundation

extension SecondStageTrainer {
    /// Jackknifed examples as bytes (for `qalam train ner --folds … --stage2-cache`: the
    /// jackknife is the slow part of a cross-validation run, the second stage the quick one).
    public static func serialized(_ examples: [Example]) -> [UInt8] {
        var out: [UInt8] = Array("QNJK".utf8)
        func put32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        put32(UInt32(examples.count))
        for example in examples {
            let sentence = example.sentence
            put32(UInt32(sentence.count))
            for value in sentence.emissions { put32(value.bitPattern) }
            for value in example.tables { put32(value.bitPattern) }
            for tag in sentence.path { put32(UInt32(tag)) }
            for tag in example.gold { put32(UInt32(tag)) }
            for keys in sentence.keys {
                for value in [keys.word, keys.stem, keys.coarse, keys.transliteration, keys.stemLetters, keys.personFlags] { put32(value) }
                put32((keys.hasProclitic ? 1 : 0) | (keys.startsWithConjunction ? 2 : 0) | (keys.endsLikeNisba ? 4 : 0))
            }
        }
        return out
    }

    /// Examples written by ``serialized(_:)``.
    public static func examples(from data: Data) throws -> [Example] {
        var reader = ByteReader(bytes: [UInt8](data))
        guard try reader.bytes(4) == Array("QNJK".utf8) else { throw NERModelError("not a jackknife file") }
        let count = Int(try reader.uint32())
        guard count <= data.count else { throw NERModelError("jackknife file: bad count") }
        let tags = BIOTag.count, cells = TransitionFeatures.cells
        var examples: [Example] = []
        for _ in 0..<count {
            let length = Int(try reader.uint32())
            guard length * 4 <= data.count else { throw NERModelError("jackknife file: bad length") }
            var emissions: [Float] = [], tables: [Float] = [], path: [Int] = [], gold: [Int] = [], keys: [WordKeys] = []
            for _ in 0..<(length * tags) { emissions.append(Float(bitPattern: try reader.uint32())) }
            for _ in 0..<(length * cells) { tables.append(Float(bitPattern: try reader.uint32())) }
            for _ in 0..<length { path.append(Int(try reader.uint32()) % tags) }
            for _ in 0..<length { gold.append(Int(try reader.uint32()) % tags) }
            for _ in 0..<length {
                var values: [UInt32] = []
                for _ in 0..<7 { values.append(try reader.uint32()) }
                var word = WordKeys(word: values[0], stem: values[1], coarse: values[2], transliteration: values[3])
                word.stemLetters = values[4]
                word.personFlags = values[5]
                word.hasProclitic = values[6] & 1 != 0
                word.startsWithConjunction = values[6] & 2 != 0
                word.endsLikeNisba = values[6] & 4 != 0
                keys.append(word)
            }
            let sentence = FirstPassSentence(emissions: emissions, tableIndex: Array(0..<length), path: path, keys: keys)
            examples.append(Example(sentence: sentence, tables: tables, gold: gold))
        }
        guard reader.isAtEnd else { throw NERModelError("jackknife file: trailing bytes") }
        return examples
    }
}
