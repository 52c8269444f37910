import Foundation
import Testing

@Suite("CLI: translit and eval translit")
struct TranslitCLITests {
    @Test func buckwalterRoundTripThroughTheTool() throws {
        let text = "قالت شركة OpenAI إن $5\nسطر ثانٍ\n"
        let forward = try QalamTool.run(["translit", "--scheme", "bw"], input: Data(text.utf8))
        #expect(forward.status == 0)
        #expect(forward.stdout.hasPrefix("qAlt $rkp "))
        let back = try QalamTool.run(["translit", "--scheme", "bw", "--reverse"], input: Data(forward.stdout.utf8))
        #expect(back.status == 0)
        #expect(back.stdout == text)
    }

    @Test func nameSchemeGivesKCandidatesPerLine() throws {
        let run = try QalamTool.run(["translit", "--scheme", "name", "--top", "3"], input: Data("ميرا موراتي\nجورج\n".utf8))
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.split(separator: "\t").count == 3 })
    }

    @Test func unknownSchemeAndMissingFileAreClearErrors() throws {
        let bad = try QalamTool.run(["translit", "--scheme", "nope"], input: Data())
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("unknown scheme"))
        let icu = try QalamTool.run(["translit", "--scheme", "icu:No-Such-Thing"], input: Data("x\n".utf8))
        #expect(icu.status != 0)
        let missing = try QalamTool.run(["translit", "/no/such/file.txt"], input: Data())
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/no/such/file.txt"))
    }

    @Test func evalTranslitPrintsAccuracyAndErrorRate() throws {
        let folder = try QalamTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gold = folder.appendingPathComponent("gold.tsv")
        // Common census names (not taken from any evaluation file).
        try Data("ديفيد\tDavid\nماري\tMary\nجورج\tGeorge\nسميث\tSmith\n".utf8).write(to: gold)
        let run = try QalamTool.run(["eval", "translit", "--gold", gold.path])
        #expect(run.status == 0)
        var figures: [String: Double] = [:]
        for line in run.stdout.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            if fields.count == 2, let value = Double(fields[1]) { figures[String(fields[0])] = value }
        }
        #expect(figures["pairs"] == 4)
        let top1 = try #require(figures["top1"]), top5 = try #require(figures["top5"]), cer = try #require(figures["cer"])
        #expect(top1 <= top5)
        #expect(top5 >= 0.75)
        #expect(cer >= 0 && cer < 0.5)
        let reverse = try QalamTool.run(["eval", "translit", "--gold", gold.path, "--reverse"])
        #expect(reverse.status == 0)
        let found = reverse.stdout.split(separator: "\n").first { $0.hasPrefix("found\t") }
        #expect((found?.split(separator: "\t").last).flatMap { Double($0) } ?? 0 >= 0.75)
        let malformed = folder.appendingPathComponent("bad.tsv")
        try Data("no tab here\n".utf8).write(to: malformed)
        #expect(try QalamTool.run(["eval", "translit", "--gold", malformed.path]).status != 0)
    }
}
