import QalamLexicons
import QalamText

/// Consonant skeletons of names: an Arabic-script name and a Latin spelling of it usually share
/// one («ميرفي» and "murphy": `MRF`), whatever vowels either writes.
///
/// The classes are data (`Lexicons/translit/name-skeletons.tsv`): each Arabic consonant has one
/// class; Latin letters and digraphs have one or more alternatives ("ch": `K`, `TS` or `S`), so
/// a Latin name may have a few skeletons. Letters without a class (vowels, alef, waw, yeh, h,
/// w, y…) are skipped, and a class repeated next to itself counts once. The romanizer's skeleton
/// pass (``NameRomanizer/Configuration/skeletonBeamWidth``) searches only the known names whose
/// skeleton is the Arabic word's.
public struct NameSkeleton: Sendable {
    /// Class of each Arabic letter U+0621…U+064A (0: none).
    private let arabicClasses: [UInt8]
    /// The Latin rules as plain numbers (``packedKeys(latin:into:)`` reads them with no reference
    /// counting), longest first: rules of first byte `b` are
    /// `compiledRules[ruleStarts[b]..<ruleStarts[b + 1]]`.
    private let compiledRules: [CompiledRule]
    private let ruleStarts: [Int32]

    /// A Latin rule as numbers: up to 4 letters (first lowest), the letters that may follow
    /// (bit `l − "a"`; 0: any), up to 4 alternatives of up to 3 classes (16 bits each, 5 bits a
    /// class, first class lowest; 0 ends an alternative).
    private struct CompiledRule: Sendable {
        var letters: UInt32
        var length: Int
        var before: UInt32
        var alternatives: UInt64
        var alternativeCount: Int
    }

    /// The most classes of a packed skeleton (``packedKeys(latin:into:)``).
    static let maximumPackedClasses = 12

    /// The shipped table's path, relative to `Lexicons/`.
    public static let path = "translit/name-skeletons.tsv"

    /// At most this many skeletons of one Latin name (alternatives multiply).
    public static let maximumVariants = 8

    /// Loads the shipped table.
    public static func shipped() throws(LexiconError) -> NameSkeleton {
        var table = TableReader()
        try LexiconRows.forEach(path, columns: 3) { (row, line) throws(LexiconError) in
            try table.add(row, line: line, path: path)
        }
        return NameSkeleton(table)
    }

    /// A table from rows as the file writes them (tests); a bad row is a ``QalamLexicons/LexiconError``.
    public init(rows: [[String]]) throws(LexiconError) {
        var table = TableReader()
        for (index, row) in rows.enumerated() {
            try table.add(row.map { Substring($0) }, line: index + 1, path: "<rows>")
        }
        self.init(table)
    }

    /// The table's rows as read, checked, before the Latin rules are packed as numbers.
    private struct TableReader {
        /// One Latin rule: `letters` give one of `alternatives` (each a class string, possibly
        /// empty), when the letter after them is in `before` (empty: any).
        struct LatinRule {
            var letters: [UInt8]
            var alternatives: [[UInt8]]
            var before: [UInt8]
        }

        var arabicClasses = [UInt8](repeating: 0, count: 0x064A - 0x0621 + 1)
        /// Latin rules by their first letter, longest first.
        var latinRules = [[LatinRule]](repeating: [], count: 256)

        mutating func add(_ row: [Substring], line: Int, path: String) throws(LexiconError) {
            func bad(_ reason: String) -> LexiconError { LexiconError(path: path, reason: "line \(line): \(reason)") }
            func isClass(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
            guard row.count >= 3 else { throw bad("expected KIND<TAB>LETTERS<TAB>CLASSES") }
            switch row[0] {
            case "arabic":
                let scalars = Array(row[1].unicodeScalars)
                let classes = Array(row[2].utf8)
                guard scalars.count == 1, ArabicNameFolding.isModelLetter(scalars[0].value) else {
                    throw bad("'\(row[1])' is not one Arabic letter")
                }
                guard classes.count == 1, isClass(classes[0]) else { throw bad("class '\(row[2])' is not one capital letter") }
                let slot = Int(scalars[0].value - 0x0621)
                guard arabicClasses[slot] == 0 else { throw bad("'\(row[1])' is listed twice") }
                arabicClasses[slot] = classes[0]
            case "latin":
                let letters = Array(row[1].utf8)
                guard !letters.isEmpty, letters.count <= 4, letters.allSatisfy({ (0x61...0x7A).contains($0) }) else {
                    throw bad("'\(row[1])' is not 1 to 4 lower-case Latin letters")
                }
                var alternatives: [[UInt8]] = []
                for alternative in row[2].split(separator: "|", omittingEmptySubsequences: false) {
                    if alternative == "-" {
                        alternatives.append([])
                    } else {
                        let classes = Array(alternative.utf8)
                        guard !classes.isEmpty, classes.count <= 3, classes.allSatisfy(isClass) else {
                            throw bad("'\(alternative)' is not 1 to 3 capital letters or '-'")
                        }
                        alternatives.append(classes)
                    }
                }
                guard alternatives.count <= 4 else { throw bad("more than 4 alternatives") }
                let before = row.count > 3 ? Array(row[3].utf8) : []
                guard before.allSatisfy({ (0x61...0x7A).contains($0) }) else { throw bad("'\(row[3])' is not lower-case Latin letters") }
                var rules = latinRules[Int(letters[0])]
                guard !rules.contains(where: { $0.letters == letters && $0.before == before }) else {
                    throw bad("'\(row[1])' is listed twice")
                }
                rules.append(LatinRule(letters: letters, alternatives: alternatives, before: before))
                // Longest first; among equals, a rule with a condition before the one without.
                rules.sort { ($0.letters.count, $0.before.count) > ($1.letters.count, $1.before.count) }
                latinRules[Int(letters[0])] = rules
            default:
                throw bad("kind '\(row[0])' is neither arabic nor latin")
            }
        }
    }

    /// The table of `reader`, its Latin rules packed as numbers.
    private init(_ reader: TableReader) {
        arabicClasses = reader.arabicClasses
        var compiled: [CompiledRule] = []
        var starts = [Int32](repeating: 0, count: 257)
        for byte in 0..<256 {
            starts[byte] = Int32(compiled.count)
            for rule in reader.latinRules[byte] {
                var letters: UInt32 = 0
                for (index, letter) in rule.letters.enumerated() { letters |= UInt32(letter) << UInt32(8 * index) }
                var before: UInt32 = 0
                for letter in rule.before { before |= 1 << UInt32(letter - UInt8(ascii: "a")) }
                var alternatives: UInt64 = 0
                for (index, alternative) in rule.alternatives.enumerated() {
                    for (place, value) in alternative.enumerated() {
                        alternatives |= UInt64(value - UInt8(ascii: "A") + 1) << UInt64(16 * index + 5 * place)
                    }
                }
                compiled.append(CompiledRule(letters: letters, length: rule.letters.count, before: before,
                                             alternatives: alternatives, alternativeCount: rule.alternatives.count))
            }
        }
        starts[256] = Int32(compiled.count)
        compiledRules = compiled
        ruleStarts = starts
    }

    /// The skeleton of folded Arabic letters (``ArabicNameFolding/foldForModel(_:)``).
    public func key(arabic letters: [UInt32]) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(letters.count)
        for letter in letters where ArabicNameFolding.isModelLetter(letter) {
            let value = arabicClasses[Int(letter - 0x0621)]
            if value != 0 && key.last != value { key.append(value) }
        }
        return key
    }

    /// The skeletons of a lower-case Latin name (at most ``maximumVariants``, the first
    /// alternatives first; no duplicates; empty skeletons and those of more than
    /// ``maximumPackedClasses`` classes left out).
    public func keys(latin name: [UInt8]) -> [[UInt8]] {
        var packed: [UInt64] = []
        packedKeys(latin: name, into: &packed)
        return packed.map(Self.classes(ofPacked:))
    }

    /// A skeleton being packed: its classes so far (``packed(_:)`` layout, without the count),
    /// their count (more than ``maximumPackedClasses``: too long, dropped at the end) and the last one.
    struct PackingVariant: Equatable {
        var packed: UInt64 = 0
        var count = 0
        var last: UInt64 = 0

        /// Appends the classes of one alternative (5 bits each, 0 ends), each only when it
        /// differs from the last one.
        mutating func append(_ classes: UInt64) {
            var rest = classes & 0xFFFF
            while rest != 0 {
                let value = rest & 31
                rest >>= 5
                if value == last { continue }
                if count < NameSkeleton.maximumPackedClasses { packed |= value << UInt64(55 - 5 * count) }
                count += 1
                last = value
            }
        }
    }

    /// The skeletons of `name` (lower case), each packed in one
    /// number whose order is that of their ``prefix(ofPacked:)`` bytes — the class count in the top
    /// 4 bits, then 5 bits per class (A = 1), first class highest — appended to `keys`. Skeletons
    /// of more than ``maximumPackedClasses`` classes, and empty ones, are left out. The rules are
    /// read as plain numbers, with no allocation for a name without alternatives (loading packs
    /// half a million names); `variants` and `next` are scratch.
    func packedKeys(latin name: [UInt8], into keys: inout [UInt64], variants: inout [PackingVariant],
                    next: inout [PackingVariant]) {
        // One variant in `single` until a letter with alternatives comes (most names have none).
        var single = PackingVariant()
        var branched = false
        var index = 0
        let count = name.count
        while index < count {
            let first = Int(name[index])
            var found = -1
            var rule = Int(ruleStarts[first])
            let end = Int(ruleStarts[first + 1])
            while rule < end {
                let candidate = compiledRules[rule]
                let stop = index + candidate.length
                if stop <= count {
                    var matches = true
                    var offset = 1
                    while offset < candidate.length {
                        if UInt32(name[index + offset]) != (candidate.letters >> UInt32(8 * offset)) & 0xFF {
                            matches = false
                            break
                        }
                        offset += 1
                    }
                    if matches && (candidate.before == 0 || (stop < count && name[stop] &- UInt8(ascii: "a") < 26
                                                            && candidate.before & (1 << UInt32(name[stop] &- UInt8(ascii: "a"))) != 0)) {
                        found = rule
                        break
                    }
                }
                rule += 1
            }
            guard found >= 0 else {
                index += 1
                continue
            }
            let matched = compiledRules[found]
            index += matched.length
            if matched.alternativeCount == 1 {
                if branched {
                    for variant in variants.indices { variants[variant].append(matched.alternatives) }
                } else {
                    single.append(matched.alternatives)
                }
                continue
            }
            if !branched {
                variants.removeAll(keepingCapacity: true)
                variants.append(single)
                branched = true
            }
            next.removeAll(keepingCapacity: true)
            for variant in variants {
                for alternative in 0..<matched.alternativeCount where next.count < Self.maximumVariants {
                    var extended = variant
                    extended.append(matched.alternatives >> UInt64(16 * alternative))
                    if !next.contains(where: { $0.packed == extended.packed && $0.count == extended.count }) {
                        next.append(extended)
                    }
                }
            }
            swap(&variants, &next)
        }
        let from = keys.count
        func add(_ variant: PackingVariant) {
            guard variant.count > 0 && variant.count <= Self.maximumPackedClasses else { return }
            let packed = UInt64(variant.count) << 60 | variant.packed
            if !keys[from...].contains(packed) { keys.append(packed) }
        }
        if branched {
            for variant in variants { add(variant) }
        } else {
            add(single)
        }
    }

    /// ``packedKeys(latin:into:variants:next:)`` with its own scratch.
    func packedKeys(latin name: [UInt8], into keys: inout [UInt64]) {
        var variants: [PackingVariant] = []
        var next: [PackingVariant] = []
        packedKeys(latin: name, into: &keys, variants: &variants, next: &next)
    }

    /// The bytes under which the names of a packed skeleton lie in the romanizer's skeleton
    /// trie: the class count as a letter ("a" + count), then the classes in lower case (so that
    /// no skeleton's names lie below another's, and the bytes sort as the packed numbers do).
    static func prefix(ofPacked packed: UInt64) -> [UInt8] {
        [UInt8(ascii: "a") + UInt8(packed >> 60)] + classes(ofPacked: packed).map { $0 | 0x20 }
    }

    /// The classes (A–Z) of a packed skeleton.
    static func classes(ofPacked packed: UInt64) -> [UInt8] {
        (0..<Int(packed >> 60)).map { UInt8(ascii: "A") + UInt8((packed >> UInt64(55 - 5 * $0)) & 31) - 1 }
    }

    /// A skeleton (``key(arabic:)``) packed as ``packedKeys(latin:into:)`` packs them; nil when it
    /// is empty or longer than ``maximumPackedClasses``.
    static func packed(_ key: [UInt8]) -> UInt64? {
        guard !key.isEmpty, key.count <= maximumPackedClasses else { return nil }
        var packed = UInt64(key.count) << 60
        for (index, value) in key.enumerated() { packed |= UInt64(value - UInt8(ascii: "A") + 1) << UInt64(55 - 5 * index) }
        return packed
    }

}
