import QalamLexicons
import Synchronization

/// The normalizer's character table, read from `Lexicons/charmaps/arabic-normalization.tsv`.
///
/// Each data line is `step<TAB>U+XXXX<TAB>U+YYYY or empty<TAB>name`: in `step`, the
/// character U+XXXX is replaced by U+YYYY, or removed when the third field is empty.
/// The file is parsed once per process and cached; a missing or malformed file is a
/// ``QalamLexicons/LexiconError`` naming the file and line.
struct CharacterMap: Sendable {
    /// The table's path under `Lexicons/`.
    static let path = "charmaps/arabic-normalization.tsv"

    /// For each character step: code point → replacement code point (nil: removed).
    let replacements: [NormalizationStep: [UInt32: UInt32?]]

    private static let cache = Mutex<CharacterMap?>(nil)

    /// The process-wide table, loaded on first use.
    static func shared() throws(LexiconError) -> CharacterMap {
        if let cached = cache.withLock({ $0 }) { return cached }
        let loaded = try load(rows: LexiconStore.rows(path, columns: 3))
        cache.withLock { $0 = loaded }
        return loaded
    }

    /// Parses the rows of the table (exposed for tests of malformed input).
    static func load(rows: [[Substring]]) throws(LexiconError) -> CharacterMap {
        var steps: [String: NormalizationStep] = [:]
        for step in NormalizationStep.allCases {
            if let name = step.tableName { steps[name] = step }
        }
        var replacements: [NormalizationStep: [UInt32: UInt32?]] = [:]
        for (index, fields) in rows.enumerated() {
            let row = index + 1
            guard let step = steps[String(fields[0])] else {
                throw LexiconError(path: path, reason: "data row \(row): unknown step '\(fields[0])'")
            }
            guard let source = codePoint(fields[1]) else {
                throw LexiconError(path: path, reason: "data row \(row): '\(fields[1])' is not a code point like U+0640")
            }
            let target: UInt32?
            if fields[2].isEmpty {
                target = nil
            } else if let value = codePoint(fields[2]) {
                target = value
            } else {
                throw LexiconError(path: path, reason: "data row \(row): '\(fields[2])' is not a code point like U+0627")
            }
            guard source < 0x10000, (target ?? 0) < 0x10000 else {
                throw LexiconError(path: path, reason: "data row \(row): only Basic Multilingual Plane characters are supported")
            }
            if replacements[step, default: [:]][source] != nil {
                throw LexiconError(path: path, reason: "data row \(row): U+\(hex(source)) listed twice for step \(fields[0])")
            }
            replacements[step, default: [:]][source] = .some(target)
        }
        for step in NormalizationStep.allCases where !step.isUnicodeForm && replacements[step] == nil {
            throw LexiconError(path: path, reason: "no rows for step '\(step.tableName ?? step.rawValue)'")
        }
        return CharacterMap(replacements: replacements)
    }

    /// `U+0640` → 0x640, for Unicode scalar values only.
    static func codePoint(_ field: Substring) -> UInt32? {
        guard field.hasPrefix("U+"), field.count >= 6, field.count <= 8,
              let value = UInt32(field.dropFirst(2), radix: 16), Unicode.Scalar(value) != nil
        else { return nil }
        return value
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The composed map of `steps` (in their running order): for each character one of
    /// the steps touches, what is left of it after all of them (nil: removed).
    func composedMap(for steps: [NormalizationStep]) -> [UInt32: UInt32?] {
        let ordered = steps.filter { !$0.isUnicodeForm }.sorted()
        var domain = Set<UInt32>()
        for step in ordered { domain.formUnion(replacements[step, default: [:]].keys) }
        var result: [UInt32: UInt32?] = [:]
        for source in domain {
            var current: UInt32? = source
            for step in ordered {
                guard let value = current else { break }
                if let replacement = replacements[step]?[value] { current = replacement }
            }
            result[source] = .some(current)
        }
        return result
    }
}
