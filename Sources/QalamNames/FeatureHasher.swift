/// Hashes feature names (a template number, a context offset and a value) into rows of
/// the model's weight table, with 64-bit FNV-1a; no strings are built.
struct FeatureHasher {
    private(set) var hash: UInt64

    /// Starts a feature of `template` seen at context `offset` (-2 … 2).
    @inline(__always)
    init(template: UInt8, offset: Int) {
        hash = 0xcbf2_9ce4_8422_2325
        mix(UInt32(template))
        mix(UInt32(bitPattern: Int32(offset)) & 0xFF)
    }

    /// Mixes one value (a Unicode scalar or a small number) in.
    @inline(__always)
    mutating func mix(_ value: UInt32) {
        hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
    }

    /// Mixes the scalars of a text in.
    @inline(__always)
    mutating func mix(_ scalars: some Sequence<UInt32>) {
        for value in scalars { mix(value) }
    }

    /// The row of a table with `1 << bits` rows.
    @inline(__always)
    func row(bits: Int) -> UInt32 {
        let mixed = hash ^ (hash >> 29)
        return UInt32(truncatingIfNeeded: mixed & ((1 << UInt64(bits)) - 1))
    }
}
