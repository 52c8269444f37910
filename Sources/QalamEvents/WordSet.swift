import Foundation

/// A folded word as a hash key compared byte by byte.
///
/// Swift's `String` hashing and equality are Unicode-canonical, which costs a
/// normalization check on every Arabic word; folded words are already canonical, so
/// comparing their UTF-8 bytes gives the same answer much faster.
struct WordKey: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: WordKey, rhs: WordKey) -> Bool { lhs.text.sameBytes(as: rhs.text) }

    func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// A set of folded words (see ``WordKey``).
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var keys: Set<WordKey> = []

    init() {}
    init(arrayLiteral elements: String...) { keys = Set(elements.map(WordKey.init)) }
    init(_ words: some Sequence<String>) { keys = Set(words.map(WordKey.init)) }

    func contains(_ word: String) -> Bool { keys.contains(WordKey(word)) }
    mutating func insert(_ word: String) { keys.insert(WordKey(word)) }
    mutating func formUnion(_ words: some Sequence<String>) { for word in words { insert(word) } }
    func union(_ other: WordSet) -> WordSet {
        var result = self
        result.keys.formUnion(other.keys)
        return result
    }
    var isEmpty: Bool { keys.isEmpty }
    /// The words of the set.
    var elements: [String] { keys.map(\.text) }
}

extension String {
    /// Byte-wise prefix test (folded words have no combining marks, so it equals `hasPrefix`).
    @inline(__always)
    func startsWith(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

    /// Byte-wise suffix test.
    @inline(__always)
    func endsWith(_ suffix: String) -> Bool {
        let count = suffix.utf8.count
        let total = utf8.count
        guard total >= count else { return false }
        if let result = utf8.withContiguousStorageIfAvailable({ mine in
            suffix.utf8.withContiguousStorageIfAvailable { theirs in
                memcmpEqual(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: mine[(total - count)...])), UnsafeRawBufferPointer(theirs))
            }
        }), let result { return result }
        return utf8.suffix(count).elementsEqual(suffix.utf8)
    }

    /// Whether two strings have the same UTF-8 bytes.
    @inline(__always)
    func sameBytes(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        if let result = utf8.withContiguousStorageIfAvailable({ mine in
            other.utf8.withContiguousStorageIfAvailable { theirs in
                memcmpEqual(UnsafeRawBufferPointer(mine), UnsafeRawBufferPointer(theirs))
            }
        }), let result { return result }
        return utf8.elementsEqual(other.utf8)
    }

    /// The number of Unicode scalars (letters, for a folded word).
    @inline(__always)
    var letterCount: Int { unicodeScalars.count }
}

/// Byte equality of two buffers of the same length.
@inline(__always)
private func memcmpEqual(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    guard a.count == b.count else { return false }
    guard let pa = a.baseAddress, let pb = b.baseAddress else { return a.count == 0 }
    return memcmp(pa, pb, a.count) == 0
}
