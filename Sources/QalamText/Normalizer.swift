/// Normalizes Arabic text for matching or display, keeping track of where every
/// normalized character came from.
///
/// A normalizer runs a set of ``NormalizationStep``s: at most one Unicode form (NFC or
/// NFKC, through ICU) and then character steps read from the data table
/// `Lexicons/charmaps/arabic-normalization.tsv`. Two presets cover the usual needs:
///
/// ```swift
/// let search = try Normalizer(preset: .search)
/// try search.normalizedString("أَحْمَدُ إلى مدرسةٍ العـــربية ﻻ")   // "احمد الي مدرسه العربيه لا"
/// let result = try search.normalize(text)                          // with alignment
/// let span = result.originalRange(ofNormalizedBytes: match)        // bytes in `text`
/// ```
///
/// The work is a byte-level loop over UTF-8 with one table lookup per character; ICU is
/// called only for the few stretches whose Unicode normalization is not trivial
/// (presentation forms, decomposed sequences, combining marks out of order).
/// A normalizer is a small value, safe to share between threads.
public struct Normalizer: Sendable {
    /// The steps this normalizer runs, in the order they run.
    public let steps: [NormalizationStep]
    let table: NormalizationTable

    /// A normalizer for a preset.
    /// - Throws: a `LexiconError` when the character table is missing or malformed, or an
    ///   ``ICUError``.
    public init(preset: Preset) throws {
        try self.init(steps: preset.steps)
    }

    /// A normalizer for a set of steps; their order does not matter (see
    /// ``NormalizationStep``). No steps at all gives the identity.
    /// - Throws: ``NormalizerError/conflictingForms`` for both NFC and NFKC, a
    ///   `LexiconError` when the character table is missing or malformed, or an ``ICUError``.
    public init(steps: some Sequence<NormalizationStep>) throws {
        let set = Set(steps)
        self.steps = set.sorted()
        self.table = try NormalizationTable.table(for: set)
    }

    /// The normalized form of `text`, without alignment (the fastest call).
    public func normalizedString(_ text: some StringProtocol) throws -> String {
        if let result = try text.utf8.withContiguousStorageIfAvailable({ bytes in
            try normalizedString(utf8: bytes)
        }) {
            return result
        }
        var copy = String(text)
        return try copy.withUTF8 { try normalizedString(utf8: $0) }
    }

    /// The normalized form of `text` as UTF-8 bytes, without alignment.
    ///
    /// The fastest call: the same work as ``normalizedString(_:)`` without the UTF-8
    /// validation that the standard library does whenever a `String` is made from bytes.
    /// Feed the bytes to byte-level consumers such as ``Tokenizer/forEachToken(in:baseOffset:_:)``.
    public func normalizedUTF8(_ text: some StringProtocol) throws -> [UInt8] {
        if let result = try text.utf8.withContiguousStorageIfAvailable({ bytes in
            try normalizedUTF8(utf8: bytes)
        }) {
            return result
        }
        var copy = String(text)
        return try copy.withUTF8 { try normalizedUTF8(utf8: $0) }
    }

    /// Normalizes `text` into `buffer` as UTF-8 bytes, replacing its contents and
    /// reusing its capacity (no allocation once the buffer is large enough).
    public func normalizeUTF8(_ text: some StringProtocol, into buffer: inout [UInt8]) throws {
        if let done: Void = try text.utf8.withContiguousStorageIfAvailable({ bytes in
            try normalize(utf8: bytes, into: &buffer)
        }) {
            return done
        }
        var copy = String(text)
        try copy.withUTF8 { try normalize(utf8: $0, into: &buffer) }
    }

    /// Normalizes valid UTF-8 bytes into an array.
    func normalizedUTF8(utf8 bytes: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
        var buffer: [UInt8] = []
        try normalize(utf8: bytes, into: &buffer)
        return buffer
    }

    /// Normalizes valid UTF-8 bytes into `buffer`, growing it when the output outgrows it.
    func normalize(utf8 bytes: UnsafeBufferPointer<UInt8>, into buffer: inout [UInt8]) throws {
        buffer.removeAll(keepingCapacity: true)
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        var capacity = bytes.count + 16
        while true {
            if buffer.count < capacity {
                buffer.reserveCapacity(capacity)
                buffer.append(contentsOf: repeatElement(0, count: capacity - buffer.count))
            }
            let table = self.table
            do {
                let written = try buffer.withUnsafeMutableBufferPointer { output -> Int in
                    guard let start = output.baseAddress else { return 0 }
                    var loop = NormalizationLoop(table: table, source: base, count: bytes.count,
                                                 output: start, capacity: output.count, recorder: NoAlignment())
                    return try loop.run()
                }
                buffer.removeSubrange(written...)
                return
            } catch let overflow as OutputOverflow {
                capacity = max(capacity * 2, overflow.needed + 16)
            }
        }
    }

    /// The normalized form of `text` with the alignment of every normalized character to
    /// the original.
    /// - Throws: ``NormalizerError/textTooLong(bytes:)`` for texts of 1 GiB or more, or an
    ///   ``ICUError``.
    public func normalize(_ text: String) throws -> NormalizedText {
        var copy = text
        let count = copy.utf8.count
        guard count < Int(Int32.max) / 2 else { throw NormalizerError.textTooLong(bytes: count) }
        return try copy.withUTF8 { bytes in
            let (normalized, alignment) = try run(bytes, recorder: ScalarAlignment(capacity: count / 2 + 1))
            return NormalizedText(original: text, text: normalized, alignment: alignment)
        }
    }

    /// Normalizes valid UTF-8 bytes.
    func normalizedString(utf8 bytes: UnsafeBufferPointer<UInt8>) throws -> String {
        try run(bytes, recorder: NoAlignment()).0
    }

    /// Runs the loop, retrying with a larger buffer when the output outgrows it.
    private func run<Recorder: AlignmentRecorder>(
        _ bytes: UnsafeBufferPointer<UInt8>, recorder: Recorder
    ) throws -> (String, Recorder) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return ("", recorder) }
        var capacity = bytes.count + 16
        while true {
            var finished = recorder
            do {
                let text = try String(unsafeUninitializedCapacity: capacity) { buffer in
                    guard let output = buffer.baseAddress else { return 0 }
                    var loop = NormalizationLoop(table: table, source: base, count: bytes.count,
                                                 output: output, capacity: buffer.count, recorder: recorder)
                    let written = try loop.run()
                    finished = loop.recorder
                    return written
                }
                return (text, finished)
            } catch let overflow as OutputOverflow {
                capacity = max(capacity * 2, overflow.needed + 16)
            }
        }
    }
}
