/// Why bytes could not be read as text.
public enum TextDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input has no bytes.
    case empty
    /// The bytes are not valid UTF-8; `offset` is the byte offset of the first bad byte.
    case invalidUTF8(offset: Int, line: Int)
    /// The input looks binary (it contains a NUL byte at `offset`).
    case binary(offset: Int)
    /// A line is longer than the limit; `line` is 1-based, `offset` the line's first byte.
    case lineTooLong(line: Int, offset: Int, length: Int, limit: Int)

    /// A message for people.
    public var description: String {
        switch self {
        case .empty: "input is empty"
        case .invalidUTF8(let offset, let line): "invalid UTF-8 at byte offset \(offset) (line \(line)); use --lossy to replace bad bytes with U+FFFD"
        case .binary(let offset): "looks like a binary file (NUL byte at offset \(offset)); refusing to read it as text"
        case .lineTooLong(let line, let offset, let length, let limit):
            "line \(line) (byte offset \(offset)) is \(length) bytes long, over the limit of \(limit) bytes"
        }
    }
}

/// Checks and decodes UTF-8 input the way every Qalam entry point reads text.
public enum TextDecoding {
    /// The default longest line accepted: 64 MiB.
    public static let defaultLineLimit = 64 << 20

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence
    /// (overlong forms, surrogates and code points above U+10FFFF are invalid), or nil.
    public static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        UTF8BlockCheck.scan(bytes).firstInvalid
    }

    /// Checks `bytes` and returns them as a `String`.
    ///
    /// - Parameters:
    ///   - lossy: replace invalid sequences with U+FFFD instead of failing.
    ///   - allowEmpty: accept an empty input (returns "").
    ///   - lineLimit: the longest line accepted, in bytes.
    /// - Throws: ``TextDecodingError``.
    public static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>,
        lossy: Bool = false,
        allowEmpty: Bool = false,
        lineLimit: Int = defaultLineLimit
    ) throws(TextDecodingError) -> String {
        if bytes.isEmpty {
            if allowEmpty { return "" }
            throw .empty
        }
        let check = UTF8BlockCheck.scan(bytes)
        if let nul = check.firstNUL { throw .binary(offset: nul) }
        try checkLineLengths(bytes, limit: lineLimit)
        if let bad = check.firstInvalid, !lossy {
            throw .invalidUTF8(offset: bad, line: lineNumber(of: bad, in: bytes))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Checks `bytes` (an array) and returns them as a `String`. See the buffer variant.
    public static func decode(
        _ bytes: [UInt8],
        lossy: Bool = false,
        allowEmpty: Bool = false,
        lineLimit: Int = defaultLineLimit
    ) throws(TextDecodingError) -> String {
        let result: Result<String, TextDecodingError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(TextDecodingError) {
                return .success(try decode(buffer, lossy: lossy, allowEmpty: allowEmpty, lineLimit: lineLimit))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Throws ``TextDecodingError/lineTooLong(line:offset:length:limit:)`` for the first
    /// line longer than `limit` bytes.
    public static func checkLineLengths(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int, firstLine: Int = 1, baseOffset: Int = 0) throws(TextDecodingError) {
        guard bytes.count > limit else { return }
        var lineStart = 0
        var line = firstLine
        var index = 0
        while index <= bytes.count {
            if index == bytes.count || bytes[index] == 0x0A {
                if index - lineStart > limit {
                    throw .lineTooLong(line: line, offset: baseOffset + lineStart, length: index - lineStart, limit: limit)
                }
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
    }

    /// The 1-based line number of byte `offset`.
    public static func lineNumber(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A { line += 1 }
        return line
    }
}
