import Foundation
import Testing

/// Runs the `qalam` binary built beside the test bundle; (status, stdout, stderr).
private func runQalam(_ arguments: [String], input: Data = Data()) throws -> (status: Int32, stdout: String, stderr: String) {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().appendingPathComponent("qalam"),
        Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("qalam"),
        Bundle.main.bundleURL.appendingPathComponent("qalam"),
    ]
    let executable = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
                                  "qalam binary not found beside the tests")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qalam-streaming-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // Files instead of pipes: no risk of a full pipe blocking either side.
    let inputFile = folder.appendingPathComponent("in"), outFile = folder.appendingPathComponent("out")
    let errFile = folder.appendingPathComponent("err")
    try input.write(to: inputFile)
    _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.standardInput = try FileHandle(forReadingFrom: inputFile)
    process.standardOutput = try FileHandle(forWritingTo: outFile)
    process.standardError = try FileHandle(forWritingTo: errFile)
    try process.run()
    process.waitUntilExit()
    return (process.terminationStatus,
            String(decoding: try Data(contentsOf: outFile), as: UTF8.self),
            String(decoding: try Data(contentsOf: errFile), as: UTF8.self))
}

/// A multi-line Arabic/Latin text with numbers, punctuation, marks and an emoji.
private func sampleText(lines: Int) -> String {
    let words = ["قال", "الرئيس،", "إنَّ", "OpenAI", "أعلنت", "3.5", "١٢٣٫٥", "«نموذج»", "U.S.", "😀", "لـGPT-4", "ـــ"]
    var text = ""
    for line in 0..<lines {
        for word in 0..<(3 + line % 7) { text += words[(line * 5 + word) % words.count] + (word % 4 == 3 ? "  " : " ") }
        text += line % 3 == 0 ? "\r\n" : "\n"
    }
    return text
}

@Suite("CLI: tokenize streaming, --stats, --verify-engines, --jobs")
struct TokenizeStreamingTests {
    @Test func smallBlocksGiveTheSameTokensAndGlobalOffsets() throws {
        let input = Data(sampleText(lines: 120).utf8)
        let whole = try runQalam(["tokenize", "--format", "jsonl"], input: input)
        let blocks = try runQalam(["tokenize", "--format", "jsonl", "--block-bytes", "64"], input: input)
        #expect(whole.status == 0 && blocks.status == 0)
        #expect(whole.stdout.split(separator: "\n").count > 500)
        #expect(blocks.stdout == whole.stdout)
        let icu = try runQalam(["tokenize", "--format", "jsonl", "--engine", "icu", "--block-bytes", "100"], input: input)
        #expect(icu.stdout == whole.stdout)
    }

    @Test func jobsGiveTheSameTokens() throws {
        let input = Data(sampleText(lines: 300).utf8)
        let one = try runQalam(["tokenize"], input: input)
        let two = try runQalam(["tokenize", "--jobs", "2", "--block-bytes", "1000"], input: input)
        #expect(one.status == 0 && two.status == 0)
        #expect(two.stdout == one.stdout)
    }

    @Test func statsPrintsOneLineWithTheTokenCount() throws {
        let input = Data(sampleText(lines: 50).utf8)
        let tokens = try runQalam(["tokenize"], input: input).stdout.split(separator: "\n").count
        for engine in ["fast", "icu"] {
            let run = try runQalam(["tokenize", "--stats", "--engine", engine], input: input)
            #expect(run.status == 0)
            let lines = run.stdout.split(separator: "\n")
            #expect(lines.count == 1)
            let fields = Dictionary(lines.first.map { $0.split(separator: " ").compactMap { field -> (String, String)? in
                let parts = field.split(separator: "=", maxSplits: 1)
                return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
            } } ?? [], uniquingKeysWith: { a, _ in a })
            #expect(fields["tokens"] == "\(tokens)")
            #expect(fields["bytes"] == "\(input.count)")
            #expect(fields["engine"] == engine)
            #expect(Double(fields["MB/s"] ?? "") != nil)
        }
    }

    @Test func verifyEnginesReportsAgreement() throws {
        let run = try runQalam(["tokenize", "--verify-engines", "--block-bytes", "200"], input: Data(sampleText(lines: 80).utf8))
        #expect(run.status == 0)
        #expect(run.stdout.contains("fast == icu"))
    }

    @Test func invalidUTF8InALaterBlockComesAfterEarlierTokensWithGlobalOffset() throws {
        var input = Data(String(repeating: "كلمة أخرى\n", count: 40).utf8)
        let badOffset = input.count + 2
        input.append(contentsOf: [0x61, 0x20, 0xFF, 0x0A])
        let run = try runQalam(["tokenize", "--block-bytes", "64"], input: input)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("كلمة\nأخرى\n"))
        #expect(run.stderr.contains("invalid UTF-8 at byte offset \(badOffset) (line 41)"))
        let lossy = try runQalam(["tokenize", "--lossy", "--block-bytes", "64"], input: input)
        #expect(lossy.status == 0)
        #expect(lossy.stdout.hasSuffix("a\n\u{FFFD}\n"))
    }

    @Test func emptyBinaryAndLongLinesAreStillReported() throws {
        let empty = try runQalam(["tokenize", "--stats"], input: Data())
        #expect(empty.status == 1 && empty.stderr.contains("input is empty"))
        let binary = try runQalam(["tokenize", "--block-bytes", "16"], input: Data("abc def ghi jkl\nxyz\0".utf8))
        #expect(binary.status == 1 && binary.stderr.contains("NUL byte at offset 19"))
        let long = try runQalam(["tokenize", "--max-line-bytes", "10", "--block-bytes", "16"],
                                input: Data("short\nthis line is far too long\n".utf8))
        #expect(long.status == 1 && long.stderr.contains("line 2"))
    }
}
