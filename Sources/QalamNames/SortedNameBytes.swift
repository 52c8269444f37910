/// Names kept as one byte buffer in byte order: name k is `bytes[starts[k] ..< starts[k + 1]]`,
/// and a name is found by binary search over those bytes. The storage of ``LatinNameList`` and
/// `NumberedNameTable`, which keep a number per name beside it.
struct SortedNameBytes: Sendable {
    /// The names' bytes, one after the other.
    let bytes: [UInt8]
    /// Where each name starts, and one more entry where the last one ends.
    let starts: [Int32]

    /// Names from their bytes and starts; the names must be in strictly increasing byte order.
    init(bytes: [UInt8], starts: [Int32]) {
        self.bytes = bytes
        self.starts = starts
    }

    /// No names.
    static let empty = SortedNameBytes(bytes: [], starts: [0])

    /// The number of names.
    var count: Int { starts.count - 1 }

    /// The name at `index` (0 ..< ``count``), as bytes.
    func name(at index: Int) -> ArraySlice<UInt8> {
        bytes[Int(starts[index])..<Int(starts[index + 1])]
    }

    /// The index of `name`, or nil when it is not listed.
    func index(of name: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { all in
            starts.withUnsafeBufferPointer { starts in
                var low = 0
                var high = starts.count - 1
                while low < high {
                    let middle = (low + high) / 2
                    let start = Int(starts[middle])
                    let length = Int(starts[middle + 1]) - start
                    var order = 0
                    var offset = 0
                    while offset < min(length, name.count) {
                        let a = all[start + offset], b = name[offset]
                        if a != b { order = a < b ? -1 : 1; break }
                        offset += 1
                    }
                    if order == 0 { order = length < name.count ? -1 : (length > name.count ? 1 : 0) }
                    if order == 0 { return middle }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return nil
            }
        }
    }
}
