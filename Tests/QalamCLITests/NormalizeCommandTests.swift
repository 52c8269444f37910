import Foundation
import Testing

private let articleURL: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        url = url.deletingLastPathComponent()
    }
    return url.deletingLastPathComponent().appendingPathComponent("shared/corpus/openai-departures.ar.txt")
}()

/// Runs the tool and returns its exit status, standard output and standard error.
private func runQalam(_ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String, error: String) {
    let run = try QalamTool.run(arguments, input: input ?? "")
    return (run.status, run.stdout, run.stderr)
}

/// A temporary file holding `text`.
private func temporaryFile(_ text: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("qalam-test-\(UUID().uuidString).txt")
    try Data(text.utf8).write(to: url)
    return url
}

@Suite("qalam normalize and sentences", .enabled(if: QalamTool.executable != nil, "the qalam binary is not built beside the tests"))
struct NormalizeCommandTests {
    @Test func normalizeSearchPresetFromStandardInput() throws {
        let result = try runQalam(["normalize"], input: "أَحْمَدُ إلى مدرسةٍ العـــربية ﻻ\n")
        #expect(result.status == 0)
        #expect(result.output == "احمد الي مدرسه العربيه لا\n")
    }

    @Test func stepFlagsChangeThePreset() throws {
        let result = try runQalam(["normalize", "--no-fold-taa-marbuta", "--no-ascii-digits"], input: "مدرسة ٣")
        #expect(result.output == "مدرسة ٣")
        let display = try runQalam(["normalize", "--preset", "display", "--fold-alef"], input: "أحمد العـربي")
        #expect(display.output == "احمد العربي")
    }

    @Test func jsonlAlignmentSlicesTheOriginal() throws {
        let text = "قال أَحْمَدُ: ﻻ\n\u{200F}مدرسة العـربية"
        let file = try temporaryFile(text)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try runQalam(["normalize", "--format", "jsonl", "--alignment", file.path])
        #expect(result.status == 0)
        let scalars = Array(text.unicodeScalars)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let start = try #require(object["start"] as? Int), end = try #require(object["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == object["text"] as? String)
            let normalized = Array((try #require(object["normalized"] as? String)).unicodeScalars)
            let alignment = try #require(object["alignment"] as? [[Int]])
            #expect(alignment.count == normalized.count)
            for span in alignment {
                #expect(span.count == 2 && span[0] >= start && span[1] <= end && span[0] < span[1])
            }
        }
    }

    @Test func badInputIsReportedAndTheRestProcessed() throws {
        let good = try temporaryFile("إلى")
        defer { try? FileManager.default.removeItem(at: good) }
        let result = try runQalam(["normalize", "/nonexistent/file.txt", good.path])
        #expect(result.status == 1)
        #expect(result.output == "الي")
        #expect(result.error.contains("/nonexistent/file.txt"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: articleURL.path), "../shared not found"))
    func sentencesJsonlOffsetsSliceTheArticle() throws {
        let text = try String(contentsOf: articleURL, encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        let result = try runQalam(["sentences", "--format", "jsonl", articleURL.path])
        #expect(result.status == 0)
        var count = 0
        for line in result.output.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let start = try #require(object["start"] as? Int), end = try #require(object["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == object["text"] as? String)
            count += 1
        }
        #expect(count >= 26)
    }

    @Test func sentencesTextFormatSeparatesDocuments() throws {
        let first = try temporaryFile("أولا. ثانيا.")
        let second = try temporaryFile("ثالثا؟")
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        let result = try runQalam(["sentences", first.path, second.path])
        #expect(result.output == "أولا.\nثانيا.\n\nثالثا؟\n")
    }
}
