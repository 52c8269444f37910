import Foundation
import QalamLexicons

/// A large, sorted list of lower-case Latin names, each with a small number (a count bucket),
/// held compactly: all names in one byte buffer, found by binary search.
///
/// Used for the US census 2010/2020 and voter-file name lexicons of ``NameRomanizer``
/// (`Lexicons/translit/census-names.tsv`, `voter-names.tsv`): hundreds of thousands of names
/// that would cost tens of megabytes and much load time as a `[String: Int]` dictionary.
///
/// File format: `#` header lines, then one `NAME<TAB>NUMBER` line per name, NAME of 2 to 63
/// letters a–z, NUMBER 0–255, names strictly increasing in byte order. Anything else is a
/// ``LexiconError`` naming the line.
public struct LatinNameList: Sendable {
    /// The names, sorted.
    private let names: SortedNameBytes
    /// The number given with each name.
    private let numbers: [UInt8]

    /// The number of names.
    public var count: Int { numbers.count }

    /// An empty list.
    public init() {
        names = .empty
        numbers = []
    }

    /// Parses a name list file; `path` names it in errors.
    public init(data: Data, path: String) throws(LexiconError) {
        let raw = [UInt8](data)
        guard raw.count < Int(Int32.max) else { throw LexiconError(path: path, reason: "file too large") }
        // Names are copied into a buffer as large as the file (they are shorter), through
        // pointers: half a million names load without a capacity or uniqueness check per byte.
        var bytes = [UInt8](repeating: 0, count: raw.count)
        var starts: [Int32] = [0]
        var numbers: [UInt8] = []
        starts.reserveCapacity(raw.count / 8)
        numbers.reserveCapacity(raw.count / 8)
        var failure: LexiconError?
        let written = raw.withUnsafeBufferPointer { raw in
            bytes.withUnsafeMutableBufferPointer { out -> Int in
                var written = 0
                var previousStart = -1
                LexiconByteLines.forEach(in: raw) { lineNumber, line in
                    func bad(_ what: String) -> Bool {
                        failure = LexiconError(path: path, reason: "line \(lineNumber): \(what)")
                        return false
                    }
                    let end = line.upperBound
                    let nameStart = written
                    var cursor = line.lowerBound
                    while cursor < end, raw[cursor] != UInt8(ascii: "\t") {
                        let byte = raw[cursor]
                        guard byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") else {
                            return bad("a name must be lower-case letters a-z")
                        }
                        out[written] = byte
                        written += 1
                        cursor += 1
                    }
                    let length = written - nameStart
                    guard (2...63).contains(length), cursor < end else { return bad("expected NAME<TAB>NUMBER, NAME of 2 to 63 letters") }
                    var number = 0
                    cursor += 1
                    guard cursor < end else { return bad("missing number") }
                    while cursor < end, raw[cursor] != UInt8(ascii: "\t"), raw[cursor] != UInt8(ascii: "\r") {
                        let digit = Int(raw[cursor]) - Int(UInt8(ascii: "0"))
                        guard (0...9).contains(digit) else { return bad("the number must be 0 to 255") }
                        number = number * 10 + digit
                        guard number <= 255 else { return bad("the number must be 0 to 255") }
                        cursor += 1
                    }
                    if previousStart >= 0 {
                        // Strictly after the previous name in byte order.
                        let previousLength = nameStart - previousStart
                        var offset = 0
                        var order = 0
                        while offset < min(previousLength, length) {
                            let a = out[previousStart + offset], b = out[nameStart + offset]
                            if a != b { order = a < b ? -1 : 1; break }
                            offset += 1
                        }
                        if order == 0 { order = previousLength < length ? -1 : 1 }
                        guard order < 0 else { return bad("names must be sorted (byte order) and unique") }
                    }
                    previousStart = nameStart
                    starts.append(Int32(written))
                    numbers.append(UInt8(number))
                    return true
                }
                return written
            }
        }
        if let failure { throw failure }
        guard !numbers.isEmpty else { throw LexiconError(path: path, reason: "no names") }
        self.names = SortedNameBytes(bytes: Array(bytes[..<written]), starts: starts)
        self.numbers = numbers
    }

    /// Reads a shipped list (path relative to `Lexicons/`).
    public static func shipped(_ path: String) throws(LexiconError) -> LatinNameList {
        try LatinNameList(data: LexiconStore.data(path), path: path)
    }

    /// The name at `index` (0 ..< ``count``), as bytes.
    func name(at index: Int) -> ArraySlice<UInt8> { names.name(at: index) }

    /// The number given with the name at `index`.
    func number(at index: Int) -> UInt8 { numbers[index] }

    /// The number given with `name` (lower-case ASCII bytes), or nil when it is not listed.
    func number(of name: UnsafeBufferPointer<UInt8>) -> UInt8? {
        names.index(of: name).map { numbers[$0] }
    }

    /// The number given with `name` (lower case), or nil when it is not listed.
    public func number(of name: String) -> UInt8? {
        var name = name
        return name.withUTF8 { number(of: $0) }
    }
}
