import Foundation
import Testing

/// Parses JSON Lines output into dictionaries.
private func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(object as? [String: Any])
    }
}

@Suite("CLI: tokenize and bad input")
struct TokenizeCLITests {
    @Test func tokenizesStandardInput() throws {
        let run = try QalamTool.run(["tokenize"], input: Data("قال الرئيس، مرحبا.\n".utf8))
        #expect(run.status == 0)
        #expect(run.stdout == "قال\nالرئيس\n،\nمرحبا\n.\n")
    }

    @Test func jsonOffsetsAreUnicodeScalarOffsets() throws {
        let text = "أعلنت 😀 شركة OpenAI\u{200F} عن «نموذج» جديد ١٢٣٫٥"
        let run = try QalamTool.run(["tokenize", "--format", "jsonl"], input: Data(text.utf8))
        #expect(run.status == 0)
        let scalars = Array(text.unicodeScalars)
        let lines = try jsonLines(run.stdout)
        #expect(lines.count == 10)
        for line in lines {
            let start = try #require(line["start"] as? Int), end = try #require(line["end"] as? Int)
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[start..<end])
            #expect(String(slice) == line["text"] as? String)
            #expect(line["kind"] is String)
        }
    }

    @Test("The shared article's token offsets slice the original exactly",
          .enabled(if: QalamTool.sharedAvailable, "../shared not found: shared-article CLI test skipped"))
    func sharedArticleOffsets() throws {
        let path = QalamTool.shared.appendingPathComponent("corpus/openai-departures.ar.txt").path
        let run = try QalamTool.run(["tokenize", path, "--format", "jsonl"])
        #expect(run.status == 0)
        let original = Array(try String(contentsOfFile: path, encoding: .utf8).unicodeScalars)
        let lines = try jsonLines(run.stdout)
        #expect(lines.count > 500)
        var previousEnd = 0
        for line in lines {
            let start = try #require(line["start"] as? Int), end = try #require(line["end"] as? Int)
            #expect(start >= previousEnd && end > start && end <= original.count)
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: original[start..<end])
            #expect(String(slice) == line["text"] as? String)
            previousEnd = end
        }
    }

    @Test func invalidUTF8NamesFileAndOffsetAndOtherFilesStillRun() throws {
        let folder = try QalamTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.txt"), good = folder.appendingPathComponent("good.txt")
        try Data([0xD9, 0x85, 0x20, 0x61, 0xFF, 0x62, 0x0A]).write(to: bad)
        try Data("سلام\n".utf8).write(to: good)
        let run = try QalamTool.run(["tokenize", bad.path, good.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("bad.txt"))
        #expect(run.stderr.contains("invalid UTF-8 at byte offset 4"))
        #expect(run.stdout.contains("سلام"))
    }

    @Test func lossyReplacesInvalidBytes() throws {
        let run = try QalamTool.run(["tokenize", "--lossy"], input: Data([0x61, 0xFF, 0x62, 0x0A]))
        #expect(run.status == 0)
        #expect(run.stdout.contains("\u{FFFD}"))
    }

    @Test func emptyInputIsAnError() throws {
        let run = try QalamTool.run(["tokenize"], input: Data())
        #expect(run.status != 0)
        #expect(run.stderr.contains("empty"))
    }

    @Test func binaryFileIsRefused() throws {
        let folder = try QalamTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("image.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]).write(to: binary)
        let run = try QalamTool.run(["tokenize", binary.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("image.txt"))
        #expect(run.stderr.contains("binary"))
    }

    @Test func missingPathIsReportedAndTheRestProcessed() throws {
        let folder = try QalamTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.txt")
        try Data("نعم\n".utf8).write(to: good)
        let missing = folder.appendingPathComponent("missing.txt").path
        let run = try QalamTool.run(["tokenize", missing, good.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("missing.txt"))
        #expect(run.stderr.contains("no such file"))
        #expect(run.stdout.contains("نعم"))
    }

    @Test func directoryIsReadRecursivelyInStableOrder() throws {
        let folder = try QalamTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nested = folder.appendingPathComponent("b/c")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try Data("أول\n".utf8).write(to: folder.appendingPathComponent("a.txt"))
        try Data("ثالث\n".utf8).write(to: nested.appendingPathComponent("z.txt"))
        try Data("ignored\n".utf8).write(to: folder.appendingPathComponent("notes.md"))
        let run = try QalamTool.run(["tokenize", folder.path, "--format", "jsonl"])
        #expect(run.status == 0)
        let lines = try jsonLines(run.stdout)
        let documents = lines.compactMap { $0["document"] as? String }
        #expect(documents.count == 2)
        #expect(documents.first?.hasSuffix("a.txt") == true)
        #expect(documents.last?.hasSuffix("z.txt") == true)
        #expect(!run.stdout.contains("ignored"))
    }

    @Test func helpReadsLikeAUnixTool() throws {
        let run = try QalamTool.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: qalam"))
        #expect(run.stdout.contains("tokenize"))
        let sub = try QalamTool.run(["tokenize", "--help"])
        #expect(sub.stdout.contains("--format"))
    }
}
