import Foundation
import QalamLexicons

/// Names with a number each (a census rank, a count of locales), read from
/// `NAME<TAB>NUMBER` lines and kept as one sorted byte table: loading builds no `String` or
/// dictionary entry per name, and a look-up is a binary search over the names' bytes.
///
/// The romanizer's census-rank and world-name lists (92k and 72k names) are stored this way.
/// A name listed twice keeps its smallest number. Look-ups compare UTF-8 bytes; the
/// romanizer only looks up ASCII spellings, for which that is the same as `String` equality.
struct NumberedNameTable: Sendable {
    private let names: SortedNameBytes
    private let numbers: [Int]

    /// The number of names.
    var count: Int { numbers.count }

    /// An empty table.
    init() {
        names = .empty
        numbers = []
    }

    /// Parses `NAME<TAB>NUMBER` lines (more tab-separated fields are ignored; empty fields are
    /// skipped); the number must be above 0. `path` names the file in errors.
    init(data: Data, path: String) throws(LexiconError) {
        let raw = [UInt8](data)
        var bytes: [UInt8] = []
        var starts: [Int32] = [0]
        var numbers: [Int] = []
        bytes.reserveCapacity(raw.count)
        starts.reserveCapacity(raw.count / 8)
        numbers.reserveCapacity(raw.count / 8)
        var sorted = true
        var previous = 0..<0
        try LexiconByteLines.forEach(in: raw, path: path) { (lineNumber, line) throws(LexiconError) in
            // The first two non-empty tab-separated fields.
            var first = 0..<0, second = 0..<0, found = 0
            var fieldStart = line.lowerBound
            var index = line.lowerBound
            while index <= line.upperBound && found < 2 {
                if index == line.upperBound || raw[index] == 0x09 {
                    if index > fieldStart {
                        if found == 0 { first = fieldStart..<index } else { second = fieldStart..<index }
                        found += 1
                    }
                    fieldStart = index + 1
                }
                index += 1
            }
            guard found == 2, let number = Self.positiveNumber(raw[second]) else {
                throw LexiconError(path: path, reason: "line \(lineNumber): expected NAME<TAB>NUMBER")
            }
            if sorted && !previous.isEmpty && !raw[previous].lexicographicallyPrecedes(raw[first]) { sorted = false }
            previous = first
            bytes.append(contentsOf: raw[first])
            starts.append(Int32(bytes.count))
            numbers.append(number)
        }
        guard !numbers.isEmpty else { throw LexiconError(path: path, reason: "no names") }
        if !sorted { (bytes, starts, numbers) = Self.sortedMerged(bytes: bytes, starts: starts, numbers: numbers) }
        self.names = SortedNameBytes(bytes: bytes, starts: starts)
        self.numbers = numbers
    }

    /// The table in byte order, each name once with its smallest number (for a file that is
    /// not sorted, or repeats a name).
    private static func sortedMerged(bytes: [UInt8], starts: [Int32], numbers: [Int]) -> ([UInt8], [Int32], [Int]) {
        func name(_ index: Int) -> ArraySlice<UInt8> { bytes[Int(starts[index])..<Int(starts[index + 1])] }
        let order = (0..<numbers.count).sorted { name($0).lexicographicallyPrecedes(name($1)) }
        var outBytes: [UInt8] = [], outStarts: [Int32] = [0], outNumbers: [Int] = []
        for index in order {
            if let last = outNumbers.indices.last,
               bytes[Int(starts[index])..<Int(starts[index + 1])].elementsEqual(outBytes[Int(outStarts[last])...]) {
                outNumbers[last] = min(outNumbers[last], numbers[index])
                continue
            }
            outBytes.append(contentsOf: name(index))
            outStarts.append(Int32(outBytes.count))
            outNumbers.append(numbers[index])
        }
        return (outBytes, outStarts, outNumbers)
    }

    /// The number written in `digits` when it is above 0 (as `Int(String)` reads it), else nil.
    private static func positiveNumber(_ digits: ArraySlice<UInt8>) -> Int? {
        if !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ (0x30...0x39).contains($0) }) {
            let value = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            return value > 0 ? value : nil
        }
        guard let value = Int(String(decoding: digits, as: UTF8.self)), value > 0 else { return nil }
        return value
    }

    /// The name at `index` (in byte order).
    func name(at index: Int) -> String { String(decoding: names.name(at: index), as: UTF8.self) }

    /// The number at `index`.
    func number(at index: Int) -> Int { numbers[index] }

    /// The number of `name` (its UTF-8 bytes), if listed.
    func number(of name: UnsafeBufferPointer<UInt8>) -> Int? {
        names.index(of: name).map { numbers[$0] }
    }

    /// The number of `name`, if listed.
    subscript(name: String) -> Int? {
        var name = name
        return name.withUTF8 { number(of: $0) }
    }
}
