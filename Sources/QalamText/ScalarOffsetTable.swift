/// Converts UTF-8 byte offsets of a text to Unicode scalar offsets in constant time.
///
/// Stores the scalar count at the start of every 64-byte block (one `Int32` per block)
/// and counts the rest of the block on demand: a scalar starts at every byte that is not
/// a UTF-8 continuation byte (`10xxxxxx`).
public struct ScalarOffsetTable: Sendable {
    private static let blockShift = 6
    private let bytes: [UInt8]
    private let blockStarts: [Int32]

    /// Builds the table for `text`.
    public init(_ text: String) {
        let bytes = Array(text.utf8)
        var starts: [Int32] = []
        starts.reserveCapacity(bytes.count >> Self.blockShift + 1)
        var count: Int32 = 0
        for (index, byte) in bytes.enumerated() {
            if index & ((1 << Self.blockShift) - 1) == 0 { starts.append(count) }
            if byte & 0xC0 != 0x80 { count += 1 }
        }
        starts.append(count)
        self.bytes = bytes
        self.blockStarts = starts
    }

    /// The number of Unicode scalars that start before byte `offset`.
    /// Offsets past the end are clamped to the end.
    public func scalarOffset(ofByte offset: Int) -> Int {
        let offset = min(max(offset, 0), bytes.count)
        let block = offset >> Self.blockShift
        var count = Int(block < blockStarts.count ? blockStarts[block] : blockStarts[blockStarts.count - 1])
        var index = block << Self.blockShift
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// The number of Unicode scalars in the text.
    public var scalarCount: Int { scalarOffset(ofByte: bytes.count) }
}

/// Counts Unicode scalars in valid UTF-8 as bytes go by, for streaming output.
public struct ScalarCounter: Sendable {
    /// Scalars counted so far.
    public private(set) var scalars = 0
    /// Bytes counted so far.
    public private(set) var bytes = 0

    /// A counter at the start of a text.
    public init() {}

    /// Advances to byte `offset` of `buffer` (whose first byte is at text offset
    /// `bufferStart`) and returns the scalar offset there. Offsets must not decrease.
    public mutating func advance(to offset: Int, in buffer: UnsafeBufferPointer<UInt8>, bufferStart: Int) -> Int {
        var index = bytes
        while index < offset {
            if buffer[index - bufferStart] & 0xC0 != 0x80 { scalars += 1 }
            index += 1
        }
        bytes = max(bytes, offset)
        return scalars
    }
}
