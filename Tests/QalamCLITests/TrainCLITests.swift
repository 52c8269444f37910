import Foundation
import Testing

/// `qalam train ner --folds K --only-fold k`: one fold of a cross-validation, as the
/// leak-free protocol (`Lexicons/scripts/leak_free_cv.py`) runs it.
@Suite("CLI: train ner, one fold")
struct TrainCLITests {
    /// Six short tagged sentences, each with a token naming its position.
    static let corpus: String = (1...6).map { index in
        "قال\tO\nسمير\tB-PERS\nحداد\tI-PERS\nفي\tO\nبيروت\tB-LOC\nجملة\(index)\tO\n"
    }.joined(separator: "\n")

    static func temporaryPath(_ suffix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("qalam-train-\(UUID().uuidString)\(suffix)").path
    }

    @Test func onlyFoldTagsJustThatFold() throws {
        let train = Self.temporaryPath(".conll"), output = Self.temporaryPath(".conll"), model = Self.temporaryPath(".bin")
        try Data(Self.corpus.utf8).write(to: URL(fileURLWithPath: train))
        defer { for path in [train, output, model] { try? FileManager.default.removeItem(atPath: path) } }
        let run = try QalamTool.run([
            "train", "ner", "--train", train, "--out", model, "--folds", "3", "--only-fold", "2",
            "--fold-output", output, "--epochs", "1", "--ensemble", "1",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("fold 2 of 3"))
        let tagged = try String(contentsOfFile: output, encoding: .utf8)
        let markers = tagged.split(separator: "\n").compactMap { line in
            line.split(separator: "\t").first.flatMap { $0.hasPrefix("جملة") ? String($0) : nil }
        }
        // Fold 2 of 3 of six sentences: the third and the fourth.
        #expect(markers == ["جملة3", "جملة4"])
        #expect(!FileManager.default.fileExists(atPath: model), "cross-validation writes no model")
    }

    @Test(arguments: [["--only-fold", "1"], ["--folds", "3", "--only-fold", "4"], ["--folds", "3", "--only-fold", "0"]])
    func onlyFoldOutOfRangeIsAnError(_ options: [String]) throws {
        let run = try QalamTool.run(["train", "ner", "--train", "/nonexistent", "--out", "/nonexistent.bin"] + options)
        #expect(run.status != 0)
        #expect(run.stderr.contains("--only-fold"))
    }
}
