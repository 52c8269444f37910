import Foundation
import Testing

/// Runs the built `qalam` binary for the tag / eval ner tests.
private enum TagTool {
    static func run(_ arguments: [String], input: String = "") throws -> QalamTool.Run {
        try QalamTool.run(arguments, input: input)
    }

    static func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qalam-tag-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Deletes the temporary files of a test.
    static func remove(_ paths: String...) {
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }
}

@Suite("CLI: tag and eval ner")
struct TagCLITests {
    @Test func conllInputKeepsTokensAndSentences() throws {
        let input = "قال\tO\nسمير\nحداد\n\nفي\nبيروت\n"
        let run = try TagTool.run(["tag", "--input", "conll"], input: input)
        #expect(run.status == 0)
        let sentences = run.stdout.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(sentences.count == 2)
        let lines = run.stdout.split(separator: "\n").map { $0.split(separator: "\t") }
        #expect(lines.map { String($0[0]) } == ["قال", "سمير", "حداد", "في", "بيروت"])
        for line in lines {
            #expect(line.count == 2)
            let tag = String(line[1])
            #expect(tag == "O" || ["B-", "I-"].contains(String(tag.prefix(2))))
        }
    }

    @Test func jsonlSpansSliceTheInputByScalars() throws {
        let text = "😀 وقال سمير حداد، مدير شركة نور في بيروت، إن العمل بدأ.\n"
        let run = try TagTool.run(["tag", "--format", "jsonl"], input: text)
        #expect(run.status == 0)
        let scalars = Array(text.unicodeScalars)
        for line in run.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let start = try #require(object["start"] as? Int), end = try #require(object["end"] as? Int)
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[start..<end])
            #expect(String(slice) == object["text"] as? String)
            #expect(["PERS", "ORG", "LOC", "MISC"].contains(object["type"] as? String ?? ""))
            #expect(object["confidence"] is Double)
        }
    }

    @Test func evalScoresExactSpans() throws {
        let gold = try TagTool.temporaryFile("سمير B-PERS\nحداد I-PERS\nفي O\nبيروت B-LOC\n")
        let system = try TagTool.temporaryFile("سمير B-PERS\nحداد O\nفي O\nبيروت B-LOC\n")
        defer { TagTool.remove(gold, system) }
        let run = try TagTool.run(["eval", "ner", "--gold", gold, "--system", system])
        #expect(run.status == 0)
        #expect(run.stdout.contains("LOC    P 1.0000  R 1.0000  F1 1.0000"))
        #expect(run.stdout.contains("PERS   P 0.0000  R 0.0000  F1 0.0000"))
        #expect(run.stdout.contains("micro  P 0.5000  R 0.5000  F1 0.5000"))
    }

    @Test func evalRefusesMisalignedFiles() throws {
        let gold = try TagTool.temporaryFile("سمير B-PERS\nحداد I-PERS\n")
        let system = try TagTool.temporaryFile("سمير B-PERS\n")
        defer { TagTool.remove(gold, system) }
        let run = try TagTool.run(["eval", "ner", "--gold", gold, "--system", system])
        #expect(run.status != 0)
        #expect(run.stderr.contains("tokens"))
    }

    @Test func missingFileIsReportedAndOthersStillRun() throws {
        let good = try TagTool.temporaryFile("قال سمير حداد في بيروت.\n")
        defer { TagTool.remove(good) }
        let run = try TagTool.run(["tag", "--format", "conll", "/nonexistent/qalam.txt", good])
        #expect(run.status == 1)
        #expect(run.stderr.contains("/nonexistent/qalam.txt"))
        #expect(run.stdout.contains("بيروت\t"))
    }
}
