import Dispatch

extension Tokenizer {
    /// Splits `bytes` into at most `parts` pieces that end just after a line feed (word
    /// boundaries in every engine, so tokens never straddle two pieces). Pieces are
    /// roughly equal; fewer when the text has few lines.
    public static func lineAlignedPieces(of bytes: UnsafeBufferPointer<UInt8>, parts: Int) -> [Range<Int>] {
        let count = bytes.count
        let parts = max(1, parts)
        guard parts > 1, count > 0 else { return count > 0 ? [0..<count] : [] }
        var pieces: [Range<Int>] = []
        pieces.reserveCapacity(parts)
        var start = 0
        for part in 1..<parts {
            var cut = max(start, count * part / parts)
            while cut < count && bytes[cut] != 0x0A { cut += 1 }
            if cut < count { cut += 1 }
            if cut > start {
                pieces.append(start..<cut)
                start = cut
            }
            if start >= count { break }
        }
        if start < count { pieces.append(start..<count) }
        return pieces
    }

    /// Tokenizes `bytes` on up to `parts` threads at once, each taking a line-aligned
    /// piece. On return `buffers[i]` holds the tokens of piece `i`, in order, with offsets
    /// relative to the start of `bytes` plus `baseOffset`; read them in order for the
    /// tokens of the whole text. Pass the same `buffers` again to reuse their storage.
    ///
    /// `bytes` must be valid UTF-8. Tokens are exactly those of ``forEachToken(in:baseOffset:_:)``.
    public func tokenizeConcurrently(
        _ bytes: UnsafeBufferPointer<UInt8>,
        baseOffset: Int = 0,
        parts: Int,
        into buffers: inout [[Token]]
    ) throws {
        let pieces = Self.lineAlignedPieces(of: bytes, parts: parts)
        if buffers.count < pieces.count { buffers += Array(repeating: [], count: pieces.count - buffers.count) }
        if buffers.count > pieces.count { buffers.removeLast(buffers.count - pieces.count) }
        for index in buffers.indices { buffers[index].removeAll(keepingCapacity: true) }
        if pieces.count <= 1 {
            if let piece = pieces.first {
                try forEachToken(in: UnsafeBufferPointer(rebasing: bytes[piece]), baseOffset: baseOffset + piece.lowerBound) {
                    buffers[0].append($0)
                }
            }
            return
        }
        var failures: [(any Error)?] = Array(repeating: nil, count: pieces.count)
        let tokenizer = self
        try buffers.withUnsafeMutableBufferPointer { outputs in
            try failures.withUnsafeMutableBufferPointer { errors in
                // Each iteration writes only its own slot of `outputs` and `errors`.
                nonisolated(unsafe) let outputs = outputs
                nonisolated(unsafe) let errors = errors
                nonisolated(unsafe) let bytes = bytes
                DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
                    let piece = pieces[index]
                    do {
                        try tokenizer.forEachToken(
                            in: UnsafeBufferPointer(rebasing: bytes[piece]), baseOffset: baseOffset + piece.lowerBound
                        ) { outputs[index].append($0) }
                    } catch {
                        errors[index] = error
                    }
                }
                if let error = errors.lazy.compactMap({ $0 }).first { throw error }
            }
        }
    }

    /// All tokens of `text`, found on up to `parts` threads at once (pieces split at line
    /// feeds; offsets are UTF-8 byte offsets into the whole text). The same tokens as
    /// ``tokenize(_:)``, faster on long texts with many lines.
    public func tokenizeConcurrently(_ text: String, parts: Int = 2) throws -> [Token] {
        var text = text
        var buffers: [[Token]] = []
        try text.withUTF8 { bytes in
            try tokenizeConcurrently(bytes, parts: parts, into: &buffers)
        }
        if buffers.count == 1 { return buffers[0] }
        var tokens: [Token] = []
        tokens.reserveCapacity(buffers.reduce(0) { $0 + $1.count })
        for buffer in buffers { tokens += buffer }
        return tokens
    }
}
