import Foundation

/// Buffered writing to standard output.
struct OutputWriter: ~Copyable {
    private var buffer: [UInt8] = []
    private let limit = 1 << 16

    init() { buffer.reserveCapacity(limit + 4096) }

    /// Appends a string.
    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= limit { flush() }
    }

    /// Appends raw bytes.
    mutating func write(bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= limit { flush() }
    }

    /// Writes out what is buffered.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { if !buffer.isEmpty { FileHandle.standardOutput.write(Data(buffer)) } }
}

/// JSON string escaping (RFC 8259): quotes, backslash and control characters.
enum JSON {
    /// `text` as a JSON string literal, quotes included.
    static func quoted<S: StringProtocol>(_ text: S) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        // Most text needs no escape: copy it whole (per-scalar appends were most of the cost).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            result.append(contentsOf: text)
            result += "\""
            return result
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        result += "\""
        return result
    }
}

/// Output formats shared by the text subcommands.
enum TextFormat: String, CaseIterable, Sendable {
    /// One item per line, plain text.
    case text
    /// One JSON object per line.
    case jsonl
}
