/// Receives, from the normalization loop, where each normalized character came from.
protocol AlignmentRecorder {
    /// Whether the loop should report anything (false lets the compiler drop the calls).
    static var records: Bool { get }
    /// The number of characters recorded so far.
    var count: Int { get }
    /// A normalized character starting at byte `output` came from original bytes `start..<end`.
    mutating func record(output: Int, start: Int, end: Int)
    /// A removed combining mark ending at original byte `end` belongs to the character
    /// recorded last, if that one ends right where the mark starts (`start`).
    mutating func attachMark(start: Int, end: Int)
    /// Forgets the records from index `count` on.
    mutating func truncate(to count: Int)
}

/// Records nothing: for ``Normalizer/normalizedString(_:)``.
struct NoAlignment: AlignmentRecorder {
    static var records: Bool { false }
    var count: Int { 0 }
    @inline(__always) mutating func record(output: Int, start: Int, end: Int) {}
    @inline(__always) mutating func attachMark(start: Int, end: Int) {}
    @inline(__always) mutating func truncate(to count: Int) {}
}

/// Records one entry per normalized Unicode scalar: its first byte in the normalized
/// text and the original byte range it came from, as 32-bit offsets.
struct ScalarAlignment: AlignmentRecorder {
    static var records: Bool { true }
    var outputStarts: [Int32] = []
    var originalStarts: [Int32] = []
    var originalEnds: [Int32] = []

    init(capacity: Int) {
        outputStarts.reserveCapacity(capacity)
        originalStarts.reserveCapacity(capacity)
        originalEnds.reserveCapacity(capacity)
    }

    var count: Int { outputStarts.count }

    @inline(__always) mutating func record(output: Int, start: Int, end: Int) {
        outputStarts.append(Int32(truncatingIfNeeded: output))
        originalStarts.append(Int32(truncatingIfNeeded: start))
        originalEnds.append(Int32(truncatingIfNeeded: end))
    }

    @inline(__always) mutating func attachMark(start: Int, end: Int) {
        guard let last = originalEnds.indices.last, originalEnds[last] == Int32(truncatingIfNeeded: start) else { return }
        originalEnds[last] = Int32(truncatingIfNeeded: end)
    }

    mutating func truncate(to count: Int) {
        guard count < outputStarts.count else { return }
        outputStarts.removeSubrange(count...)
        originalStarts.removeSubrange(count...)
        originalEnds.removeSubrange(count...)
    }
}
