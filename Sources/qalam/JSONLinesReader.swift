import Foundation

/// Reads `{"id": …, "text": …}` objects, one per line, from a file or standard input,
/// a chunk at a time (memory stays bounded by the longest line, not the input size).
struct JSONLinesReader {
    /// One document read from a line.
    struct Item {
        let id: String
        let text: String
    }

    /// Why a line could not be used.
    struct LineError: Error, CustomStringConvertible {
        let line: Int
        let reason: String
        var description: String { "line \(line): \(reason)" }
    }

    private let handle: FileHandle
    private let closeAtEnd: Bool
    private var buffer: [UInt8] = []
    private var atEnd = false
    private(set) var lineNumber = 0

    /// Opens `source` (a path, or "-" for standard input).
    init(source: InputSource) throws {
        if source.isStandardInput {
            handle = FileHandle.standardInput
            closeAtEnd = false
        } else {
            guard let file = FileHandle(forReadingAtPath: source.path) else {
                throw InputError.unreadable(reason: FileManager.default.fileExists(atPath: source.path) ? "permission denied" : "no such file")
            }
            handle = file
            closeAtEnd = true
        }
    }

    /// The next non-blank line parsed, nil at the end; a bad line is a `LineError` (and
    /// the reader can go on with the next one).
    mutating func next() -> Result<Item, LineError>? {
        while true {
            guard let line = nextLine() else {
                if closeAtEnd { try? handle.close() }
                return nil
            }
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            return parse(line)
        }
    }

    private func parse(_ line: [UInt8]) -> Result<Item, LineError> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
            return .failure(LineError(line: lineNumber, reason: "not a JSON object"))
        }
        guard let text = object["text"] as? String else {
            return .failure(LineError(line: lineNumber, reason: "no \"text\" string"))
        }
        let id: String
        switch object["id"] {
        case let value as String: id = value
        case let value as NSNumber: id = value.stringValue
        default: id = "line-\(lineNumber)"
        }
        return .success(Item(id: id, text: text))
    }

    private var start = 0

    private mutating func nextLine() -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 10) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                return line
            }
            if atEnd {
                if start >= buffer.count { return nil }
                defer { buffer.removeAll(); start = 0 }
                return Array(buffer[start...])
            }
            buffer.removeSubrange(0..<start)
            start = 0
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
