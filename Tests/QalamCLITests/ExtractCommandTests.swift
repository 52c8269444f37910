import Foundation
import Testing

/// Runs `qalam` with `arguments` and `input` on standard input.
private func runQalam(_ arguments: [String], input: String = "") throws -> (status: Int32, stdout: String, stderr: String) {
    let run = try QalamTool.run(arguments, input: input)
    return (run.status, run.stdout, run.stderr)
}

/// A temporary folder with a few documents of invented news, one of them not UTF-8.
func makeCorpus() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qalam-extract-\(UUID().uuidString)")
    let nested = folder.appendingPathComponent("nested")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    try "استقال المدير التنفيذي لشركة رمال كريم حداد من منصبه.".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try "أقال مجلس الإدارة المدير العام فادي منصور.".write(to: nested.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
    try Data([0xD8, 0xA7, 0xFF, 0xFE]).write(to: folder.appendingPathComponent("bad.txt"))
    return folder
}

@Suite("qalam extract")
struct ExtractCommandTests {
    @Test("folders recursively; a bad file is reported and the others are processed")
    func foldersAndFailures() throws {
        let folder = try makeCorpus()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runQalam(["extract", folder.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("bad.txt"))
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(lines.first.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
        #expect(first["event"] as? String == "resigned")
        #expect((first["document"] as? String)?.hasSuffix("a.txt") == true)
        let person = try #require(first["person"] as? [String: Any])
        #expect(person["text"] as? String == "كريم حداد")
        // Scalar offsets slice the original text.
        let text = Array("استقال المدير التنفيذي لشركة رمال كريم حداد من منصبه.".unicodeScalars)
        let start = try #require(person["start"] as? Int), end = try #require(person["end"] as? Int)
        #expect(String(String.UnicodeScalarView(text[start..<end])) == "كريم حداد")
    }

    @Test("--jobs 2 writes the same lines in the same order as --jobs 1")
    func parallelOrder() throws {
        let folder = try makeCorpus()
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = try runQalam(["extract", "--jobs", "1", folder.path])
        let two = try runQalam(["extract", "--jobs", "2", folder.path])
        #expect(one.stdout == two.stdout)
        #expect(!one.stdout.isEmpty)
    }

    @Test("JSON Lines input on stdin: ids are kept, a bad line is reported")
    func jsonlInput() throws {
        let input = """
            {"id": "n1", "text": "أقال مجلس الإدارة المدير العام فادي منصور."}
            not json
            {"id": "n2", "text": "افتتح الوزير المعرض أمس."}

            """
        let run = try runQalam(["extract", "--input", "jsonl", "--explain"], input: input)
        #expect(run.status != 0)
        #expect(run.stderr.contains("line 2"))
        #expect(run.stdout.contains("\"document\":\"n1\""))
        #expect(run.stdout.contains("\"pattern\""))
        #expect(!run.stdout.contains("\"n2\""))
    }

    @Test("tsv has a header; table names the people")
    func otherFormats() throws {
        let text = "استقال المدير التنفيذي لشركة رمال كريم حداد من منصبه."
        let tsv = try runQalam(["extract", "--format", "tsv"], input: text)
        #expect(tsv.status == 0)
        #expect(tsv.stdout.hasPrefix("document\tevent\tperson"))
        #expect(tsv.stdout.split(separator: "\n").count == 2)
        let table = try runQalam(["extract", "--format", "table"], input: text)
        #expect(table.stdout.contains("كريم حداد"))
        #expect(table.stdout.contains("Chief Executive Officer"))
    }
}
