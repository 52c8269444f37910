import Foundation
import QalamText

/// Reads one input in blocks that end just after a line feed, checking each block the
/// way ``TextDecoding/decode(_:lossy:allowEmpty:lineLimit:)`` checks a whole text, so that
/// memory stays bounded by the block size (plus the longest line) whatever the input's
/// size.
///
/// Errors carry offsets and line numbers in the whole input; since blocks are handed out
/// as they are read, an error can come after earlier blocks were processed.
struct LineBlockReader {
    /// Bytes read from the input per system call.
    let blockSize: Int
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    let lossy: Bool
    /// The longest line accepted, in bytes.
    let lineLimit: Int

    /// A reader with the options of the command line.
    init(options: InputOptions, blockSize: Int = 4 << 20) {
        self.blockSize = blockSize
        self.lossy = options.lossy
        self.lineLimit = options.maxLineBytes
    }

    /// Calls `body` with each block of `source` (valid UTF-8, line-aligned except for the
    /// last) and the offset of its first byte in the whole decoded text. Returns the number
    /// of input bytes read.
    @discardableResult
    func forEachBlock(
        of source: InputSource,
        _ body: (_ block: UnsafeBufferPointer<UInt8>, _ offset: Int) throws -> Void
    ) throws -> Int {
        let descriptor: Int32
        if source.isStandardInput {
            descriptor = FileHandle.standardInput.fileDescriptor
        } else {
            descriptor = open(source.path, O_RDONLY)
            guard descriptor >= 0 else {
                throw InputError.unreadable(reason: FileManager.default.fileExists(atPath: source.path)
                                            ? String(cString: strerror(errno)) : "no such file")
            }
        }
        defer { if !source.isStandardInput { close(descriptor) } }

        var buffer = [UInt8](repeating: 0, count: blockSize)
        var filled = 0  // bytes in buffer
        var consumed = 0  // input bytes handed out before buffer[0]
        var outputOffset = 0  // decoded bytes handed out before this block
        var line = 1  // line number of buffer[0]
        var atEnd = false
        while !atEnd || filled > 0 {
            if !atEnd {
                if buffer.count - filled < blockSize / 2 { buffer += [UInt8](repeating: 0, count: max(blockSize, buffer.count)) }
                let got = buffer.withUnsafeMutableBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return 0 }
                    return read(descriptor, base + filled, raw.count - filled)
                }
                if got < 0 {
                    if errno == EINTR { continue }
                    throw InputError.unreadable(reason: String(cString: strerror(errno)))
                }
                if got == 0 { atEnd = true } else { filled += got }
            }
            if filled == 0 {
                if consumed == 0 { throw TextDecodingError.empty }
                break
            }
            // Hand out everything up to the last line feed (everything at the end).
            let cut: Int = buffer.withUnsafeBufferPointer { bytes in
                if atEnd { return filled }
                var index = filled
                while index > 0 && bytes[index - 1] != 0x0A { index -= 1 }
                return index
            }
            if cut == 0 {
                if filled > lineLimit {
                    throw TextDecodingError.lineTooLong(line: line, offset: consumed, length: filled, limit: lineLimit)
                }
                if !atEnd { continue }  // read more of this long line
            }
            try buffer.withUnsafeBufferPointer { all in
                let block = UnsafeBufferPointer(rebasing: all[0..<cut])
                let check = UTF8BlockCheck.scan(block)  // NUL, UTF-8 and line feeds in one pass
                if let nul = check.firstNUL { throw TextDecodingError.binary(offset: consumed + nul) }
                try TextDecoding.checkLineLengths(block, limit: lineLimit, firstLine: line, baseOffset: consumed)
                if let bad = check.firstInvalid {
                    guard lossy else {
                        throw TextDecodingError.invalidUTF8(
                            offset: consumed + bad, line: line - 1 + TextDecoding.lineNumber(of: bad, in: block))
                    }
                    var repaired = String(decoding: block, as: UTF8.self)
                    try repaired.withUTF8 { try body($0, outputOffset) }
                    outputOffset += repaired.utf8.count
                } else {
                    try body(block, outputOffset)
                    outputOffset += cut
                }
                line += check.lineFeeds
            }
            consumed += cut
            buffer.withUnsafeMutableBufferPointer { bytes in
                if cut < filled, let base = bytes.baseAddress {
                    base.update(from: base + cut, count: filled - cut)
                }
            }
            filled -= cut
            if atEnd && filled == 0 { break }
        }
        return consumed
    }
}
