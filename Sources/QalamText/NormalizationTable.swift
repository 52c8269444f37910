import CICU
import Synchronization

/// The compiled lookup table of one normalizer configuration.
///
/// One 32-bit entry per Basic Multilingual Plane code point says what the character
/// becomes after the whole configuration (its UTF-8 replacement, up to 3 bytes inline)
/// and whether the byte-level loop may handle it without ICU:
///
/// | bits  | meaning |
/// |-------|---------|
/// | 0–23  | UTF-8 bytes of the replacement (the character itself when kept) |
/// | 24    | `fast`: no Unicode normalization can change it in any context |
/// | 25    | `mark`: a combining mark (its alignment joins the character before) |
/// | 26    | `boundary`: a normalization boundary before it (ICU `hasBoundaryBefore`) |
/// | 27    | `special`: decided by context (a zero-width joiner between emoji) |
/// | 28    | `quickCheckYes`: Unicode quick check says "yes" for the form |
/// | 29    | `orderedMark`: a kept combining mark that never composes (quick check "yes"), |
/// |       | so it is unchanged whenever the character before it has a lower or equal class |
/// | 30–31 | replacement length in bytes (0: removed) |
///
/// A character is `fast` when, under the configuration's form, it is a starter that the
/// quick check accepts (so it neither changes nor combines with what precedes it), or when
/// it is a combining mark the configuration removes and removing it first gives the same
/// result as composing it first (checked against every canonical composite that ends with
/// it, e.g. alef + U+0654 → أ, which `fold-alef` folds back to ا anyway).
/// Tables are built once per distinct set of steps and cached.
/// Immutable after `init`, so it is shared freely between threads (`@unchecked` because
/// the lookup table is a raw pointer, for a bounds-check-free hot loop).
final class NormalizationTable: @unchecked Sendable {
    static let fastBit: UInt32 = 1 << 24
    static let markBit: UInt32 = 1 << 25
    static let boundaryBit: UInt32 = 1 << 26
    static let specialBit: UInt32 = 1 << 27
    static let quickCheckYesBit: UInt32 = 1 << 28
    static let orderedMarkBit: UInt32 = 1 << 29
    static let lengthShift: UInt32 = 30

    /// The number of replacement bytes (0–3) in an entry.
    @inline(__always)
    static func producedLength(_ entry: UInt32) -> Int { Int(entry >> lengthShift) }

    /// ICU's form number (QICU_NFC / QICU_NFKC), or nil when no Unicode form is applied.
    let form: Int32?
    /// One entry per BMP code point.
    let entries: [UInt32]
    /// Canonical combining class per BMP code point (all zero when there is no form).
    let combiningClasses: [UInt8]
    /// Whether a zero-width joiner between two emoji is kept though zero-width characters
    /// are removed.
    let keepsEmojiJoiner: Bool

    /// The entries as a raw pointer (65,536 entries), owned by this table.
    let lookup: UnsafePointer<UInt32>
    /// Entries indexed by the next two bytes of UTF-8 read as a little-endian `UInt16`, so
    /// the hot loop decodes ASCII and two-byte characters without branching: for an ASCII
    /// first byte the entry of that character; for a two-byte sequence the entry of its
    /// code point; anything else has the `fast` bit clear and goes the general way.
    let pairLookup: UnsafePointer<UInt32>

    private init(form: Int32?, entries: [UInt32], combiningClasses: [UInt8], keepsEmojiJoiner: Bool) {
        self.form = form
        self.entries = entries
        self.combiningClasses = combiningClasses
        self.keepsEmojiJoiner = keepsEmojiJoiner
        let storage = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x10000)
        entries.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { storage.initialize(from: base, count: min(buffer.count, 0x10000)) }
        }
        lookup = UnsafePointer(storage)
        let pairs = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x10000)
        for window in 0..<0x10000 {
            let first = window & 0xFF
            let second = window >> 8
            var entry: UInt32 = 0
            if first < 0x80 {
                entry = storage[first]
            } else if first >= 0xC2 && first <= 0xDF && second & 0xC0 == 0x80 {
                entry = storage[(first & 0x1F) << 6 | (second & 0x3F)]
            }
            pairs[window] = entry
        }
        pairLookup = UnsafePointer(pairs)
    }

    deinit {
        UnsafeMutablePointer(mutating: lookup).deallocate()
        UnsafeMutablePointer(mutating: pairLookup).deallocate()
    }

    private static let cache = Mutex<[Set<NormalizationStep>: NormalizationTable]>([:])

    /// The table for `steps`, built on first use.
    static func table(for steps: Set<NormalizationStep>) throws -> NormalizationTable {
        if let cached = cache.withLock({ $0[steps] }) { return cached }
        let built = try build(steps: steps)
        cache.withLock { $0[steps] = built }
        return built
    }

    /// The UTF-8 bytes of `value` packed little-endian with the length in bits 30–31.
    static func packedUTF8(_ value: UInt32) -> UInt32 {
        switch value {
        case 0..<0x80:
            return value | 1 << lengthShift
        case 0x80..<0x800:
            return (0xC0 | value >> 6) | (0x80 | value & 0x3F) << 8 | 2 << lengthShift
        default:
            return (0xE0 | value >> 12) | (0x80 | (value >> 6) & 0x3F) << 8 | (0x80 | value & 0x3F) << 16 | 3 << lengthShift
        }
    }

    private static func build(steps: Set<NormalizationStep>) throws -> NormalizationTable {
        if steps.contains(.nfc) && steps.contains(.nfkc) { throw NormalizerError.conflictingForms }
        let form: Int32? = steps.contains(.nfkc) ? Int32(QICU_NFKC) : (steps.contains(.nfc) ? Int32(QICU_NFC) : nil)
        let map = try CharacterMap.shared().composedMap(for: Array(steps))

        // What the character map makes of a BMP code point (nil: removed).
        func mapped(_ value: UInt32) -> UInt32? {
            if let replacement = map[value] { return replacement }
            return value
        }

        var entries = [UInt32](repeating: 0, count: 0x10000)
        var classes = [UInt8](repeating: 0, count: 0x10000)
        for value in UInt32(0)..<0x10000 {
            var entry: UInt32
            if value >= 0xD800 && value < 0xE000 {
                entries[Int(value)] = 0  // surrogates never occur in valid UTF-8
                continue
            }
            if let target = mapped(value) {
                entry = packedUTF8(target)
            } else {
                entry = 0
            }
            let scalar = Int32(value)
            let category = qicu_char_category(scalar)
            // U_NON_SPACING_MARK 6, U_ENCLOSING_MARK 7, U_COMBINING_SPACING_MARK 8
            let combiningClass = qicu_combining_class(scalar)
            if (6...8).contains(category) || combiningClass != 0 { entry |= markBit }
            if let form {
                classes[Int(value)] = UInt8(truncatingIfNeeded: combiningClass)
                var status: Int32 = 0
                let boundary = qicu_has_boundary_before(form, scalar, &status) == 1
                try ICUError.check(status, "reading normalization properties")
                let quickCheckYes = qicu_quick_check(form, scalar) == 1
                if boundary { entry |= boundaryBit }
                if quickCheckYes { entry |= quickCheckYesBit }
                if quickCheckYes && combiningClass == 0 && boundary {
                    entry |= fastBit
                } else if quickCheckYes && combiningClass != 0 && map[value] == nil {
                    entry |= orderedMarkBit
                }
            } else {
                entry |= boundaryBit | quickCheckYesBit | fastBit
            }
            // A replacement longer than the original would grow the output in the fast loop.
            let ownLength: UInt32 = value < 0x80 ? 1 : (value < 0x800 ? 2 : 3)
            if entry >> lengthShift > ownLength { entry &= ~fastBit }
            entries[Int(value)] = entry
        }

        // Removed combining marks: fast if removing them commutes with composition.
        if let form {
            for (source, target) in map where target == nil {
                let index = Int(source)
                guard entries[index] & fastBit == 0 else { continue }
                if try removalCommutes(mark: source, form: form, mapped: mapped) {
                    entries[index] |= fastBit
                }
            }
        }

        var keepsJoiner = false
        if case .some(.none) = map[0x200D] { keepsJoiner = true }
        if keepsJoiner {
            entries[0x200D] = (entries[0x200D] & ~fastBit) | specialBit
        }
        return NormalizationTable(form: form, entries: entries, combiningClasses: classes, keepsEmojiJoiner: keepsJoiner)
    }

    /// Whether dropping `mark` before Unicode normalization gives the same text as
    /// normalizing first and then mapping: true if the mark never composes with a
    /// preceding character (quick check "yes"), or if for every canonical composite
    /// ending in it, the map makes the same of the composite as of its first part.
    private static func removalCommutes(mark: UInt32, form: Int32, mapped: (UInt32) -> UInt32?) throws -> Bool {
        if qicu_quick_check(form, Int32(mark)) == 1 { return true }
        for pair in compositePairs where pair.second == mark {
            let whole = try normalizedAndMapped([pair.whole], form: form, mapped: mapped)
            let alone = try normalizedAndMapped([pair.first], form: form, mapped: mapped)
            if whole != alone { return false }
        }
        return true
    }

    /// A canonical composite and the two code points of its raw decomposition.
    private struct CompositePair: Sendable {
        let whole: UInt32
        let first: UInt32
        let second: UInt32
    }

    /// Every canonical composite whose raw decomposition is two code points, found once
    /// per process (planes 0–2 hold all of them).
    private static let compositePairs: [CompositePair] = {
        var pairs: [CompositePair] = []
        var buffer = [UInt16](repeating: 0, count: 8)
        for composite in UInt32(0xC0)..<0x30000 {
            if composite >= 0xD800 && composite < 0xE000 { continue }
            let length = qicu_raw_decomposition(Int32(composite), &buffer, Int32(buffer.count))
            guard length >= 2 && length <= 4 else { continue }
            let scalars = Array(String(decoding: buffer[0..<Int(length)], as: UTF16.self).unicodeScalars)
            guard scalars.count == 2 else { continue }
            pairs.append(CompositePair(whole: composite, first: scalars[0].value, second: scalars[1].value))
        }
        return pairs
    }()

    /// Reference pipeline for a few scalars: ICU normalization, then the character map.
    private static func normalizedAndMapped(_ scalars: [UInt32], form: Int32, mapped: (UInt32) -> UInt32?) throws -> [UInt32] {
        var text = ""
        for value in scalars { if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) } }
        let units = Array(text.utf16)
        var output = [UInt16](repeating: 0, count: units.count * 18 + 8)
        var status: Int32 = 0
        let length = qicu_normalize(form, units, Int32(units.count), &output, Int32(output.count), &status)
        try ICUError.check(status, "normalizing a composite")
        let normalized = String(decoding: output[0..<Int(length)], as: UTF16.self)
        return normalized.unicodeScalars.compactMap { $0.value < 0x10000 ? mapped($0.value) : $0.value }
    }

    /// The entry of any scalar: from the table for the BMP; computed for the others
    /// (which the character map never touches, so they are kept; the replacement bytes are
    /// not stored: callers copy the original four bytes).
    @inline(__always)
    func entry(_ value: UInt32) -> UInt32 {
        if value < 0x10000 { return lookup[Int(value)] }
        return supplementaryEntry(value)
    }

    /// The flags of a supplementary-plane scalar.
    func supplementaryEntry(_ value: UInt32) -> UInt32 {
        guard let form else { return Self.boundaryBit | Self.quickCheckYesBit | Self.fastBit }
        var entry: UInt32 = 0
        let scalar = Int32(bitPattern: value)
        var status: Int32 = 0
        let boundary = qicu_has_boundary_before(form, scalar, &status) == 1 && status <= 0
        let quickCheckYes = qicu_quick_check(form, scalar) == 1
        let combiningClass = qicu_combining_class(scalar)
        if boundary { entry |= Self.boundaryBit }
        if quickCheckYes { entry |= Self.quickCheckYesBit }
        if combiningClass != 0 { entry |= Self.markBit }
        if boundary && quickCheckYes && combiningClass == 0 { entry |= Self.fastBit }
        return entry
    }

    /// The canonical combining class of any scalar under this table's form.
    func combiningClass(_ value: UInt32) -> UInt8 {
        guard form != nil else { return 0 }
        if value < 0x10000 { return combiningClasses[Int(value)] }
        return UInt8(truncatingIfNeeded: qicu_combining_class(Int32(bitPattern: value)))
    }
}
