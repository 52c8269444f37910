import Foundation

/// The bytes of a tagger model file (`Lexicons/ner/model.bin`): the first-stage
/// ``NERModel``, optionally followed by a ``SecondStage``.
///
/// Without a second stage the file is exactly ``NERModel/serialized()`` (format version 1).
/// With one, the first stage's header says format version 2 and the first stage is
/// followed by magic `QNS2`, the second stage's feature-template version, its window, a
/// flag word (1 = residual, 2 = propagation rules after it), the disabled templates, the
/// base scale (Float32) and its weights as a format-1
/// ``NERModel``. Builds before the second stage refuse a format-2 file with a clear error.
public enum NERModelFile {
    /// Format version of a first stage followed by a second stage.
    static let formatWithSecondStage: UInt32 = 2
    private static let secondMagic: [UInt8] = Array("QNS2".utf8)

    /// The file's bytes.
    public static func serialized(model: NERModel, secondStage: SecondStage?) -> [UInt8] {
        guard let secondStage else { return model.serialized() }
        var out = model.serialized(formatVersion: formatWithSecondStage)
        func put32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        out += secondMagic
        put32(SecondStageFeatures.templateVersion)
        put32(UInt32(secondStage.window))
        put32((secondStage.residual ? 1 : 0) | (secondStage.propagation ? 2 : 0))
        put32(secondStage.disabledTemplates)
        put32(secondStage.baseScale.bitPattern)
        out += secondStage.weights.serialized()
        return out
    }

    /// Reads a file written by ``serialized(model:secondStage:)``; anything malformed is an
    /// ``NERModelError``.
    public static func read(_ bytes: Data) throws -> (model: NERModel, secondStage: SecondStage?) {
        var reader = ByteReader(bytes: [UInt8](bytes))
        var format: UInt32 = 0
        let model = try NERModel(reader: &reader, format: &format)
        guard format == formatWithSecondStage else {
            guard reader.isAtEnd else { throw NERModelError("trailing bytes after the weights") }
            return (model, nil)
        }
        guard try reader.bytes(4) == secondMagic else { throw NERModelError("second stage: bad magic") }
        let templates = try reader.uint32()
        guard templates == SecondStageFeatures.templateVersion else {
            throw NERModelError("second stage trained with templates v\(templates), this build uses v\(SecondStageFeatures.templateVersion); retrain with `qalam train ner`")
        }
        let window = try reader.uint32()
        guard window <= 10_000 else { throw NERModelError("second stage: window \(window) out of range") }
        let flags = try reader.uint32()
        guard flags <= 3 else { throw NERModelError("second stage: unknown flags \(flags)") }
        let disabled = try reader.uint32()
        let scale = Float(bitPattern: try reader.uint32())
        guard scale.isFinite, scale > 0 else { throw NERModelError("second stage: bad base scale") }
        var innerFormat: UInt32 = 0
        let weights = try NERModel(reader: &reader, format: &innerFormat)
        guard innerFormat == 1 else { throw NERModelError("second stage: format version \(innerFormat), expected 1") }
        guard reader.isAtEnd else { throw NERModelError("trailing bytes after the second stage") }
        var stage = SecondStage(weights: weights, window: Int(window), residual: flags & 1 != 0, propagation: flags & 2 != 0)
        stage.disabledTemplates = disabled
        stage.baseScale = scale
        return (model, stage)
    }
}
