import Foundation
import Testing

/// `qalam find` on a made-up news sentence (its names are not taken from any evaluation text).
@Suite("CLI: find")
struct FindCLITests {
    static let text = "قالت المستشارة الألمانية أنجيلا ميركل إن الاتفاق مهم. وأضافت ميركل أن برلين ستدعم باريس، ورحب ماكرون بتصريحات لميركل.\n"

    /// The JSON objects of a run's output.
    static func objects(_ run: QalamTool.Run) throws -> [[String: Any]] {
        try run.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// Unicode scalar offset of the first occurrence of `part` in `text`.
    static func scalarOffset(of part: String, in text: String) throws -> Int {
        let range = try #require(text.range(of: part))
        return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
    }

    @Test func fullNameIsFoundWithItsOffsets() throws {
        let run = try QalamTool.run(["find", "--name", "Angela Merkel"], input: Data(Self.text.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let found = try Self.objects(run)
        #expect(found.count == 1)
        let match = try #require(found.first)
        #expect(match["name"] as? String == "Angela Merkel")
        #expect(match["text"] as? String == "أنجيلا ميركل")
        #expect(match["match"] as? String == "full")
        let start = try Self.scalarOffset(of: "أنجيلا ميركل", in: Self.text)
        #expect(match["start"] as? Int == start && match["end"] as? Int == start + 12)
        #expect(match["document"] == nil, "one input: no document field")
    }

    @Test func surnamesAloneOnlyWhenAskedAndOnlyAsPersons() throws {
        let run = try QalamTool.run(["find", "--name", "Angela Merkel", "--surname"], input: Data(Self.text.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let found = try Self.objects(run)
        let texts = found.map { $0["text"] as? String ?? "" }
        #expect(texts.first == "أنجيلا ميركل")
        // The preposition of «لميركل» stays outside the mention, as in `qalam tag`.
        #expect(texts.filter { $0 == "ميركل" }.count == 2, "\(texts)")
        #expect(found.last?["start"] as? Int == (try Self.scalarOffset(of: "لميركل", in: Self.text)) + 1)
        #expect(found.dropFirst().allSatisfy { $0["match"] as? String == "surname" })
        // In text order, and the surname of the full mention is not reported twice.
        let starts = found.compactMap { $0["start"] as? Int }
        #expect(starts == starts.sorted() && Set(starts).count == starts.count)
        // A one-word name is looked up the same way.
        let macron = try Self.objects(try QalamTool.run(["find", "--name", "Macron"], input: Data(Self.text.utf8)))
        #expect(macron.map { $0["text"] as? String } == ["ماكرون"])
    }

    @Test func spellingsArePrintedPerWord() throws {
        let run = try QalamTool.run(["find", "--name", "Angela Merkel", "--spellings"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map { $0.split(separator: "\t") }
        #expect(lines.map { $0.count >= 3 } == [true, true])
        #expect(lines.map { String($0[1]) } == ["Angela", "Merkel"])
        #expect(lines.last?.dropFirst(2).contains("ميركل") == true)
    }

    @Test func badNamesAndFilesAreClearErrors() throws {
        let none = try QalamTool.run(["find"], input: Data(Self.text.utf8))
        #expect(none.status != 0 && none.stderr.contains("--name"))
        let arabic = try QalamTool.run(["find", "--name", "ميركل"], input: Data(Self.text.utf8))
        #expect(arabic.status != 0 && arabic.stderr.contains("Latin"))
        let folder = try QalamTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try QalamTool.run(["find", "--names-file", folder.appendingPathComponent("none.txt").path], input: Data(Self.text.utf8))
        #expect(missing.status == 1 && missing.stderr.contains("none.txt"))
        let names = folder.appendingPathComponent("names.txt")
        try Data("# people\nAngela Merkel\n\nماكرون\n".utf8).write(to: names)
        let badLine = try QalamTool.run(["find", "--names-file", names.path], input: Data(Self.text.utf8))
        #expect(badLine.status == 1 && badLine.stderr.contains("names.txt:4"), "\(badLine.stderr)")
        // Several inputs: each object names its document; a bad input is reported, the others still searched.
        try Data("# people\nAngela Merkel\nEmmanuel Macron\n".utf8).write(to: names)
        let good = folder.appendingPathComponent("good.txt"), bad = folder.appendingPathComponent("bad.txt")
        try Data(Self.text.utf8).write(to: good)
        try Data([0x61, 0xFF, 0x62]).write(to: bad)
        let run = try QalamTool.run(["find", "--names-file", names.path, bad.path, good.path])
        #expect(run.status == 1 && run.stderr.contains("bad.txt"))
        let found = try Self.objects(run)
        #expect(found.count == 1 && (found.first?["document"] as? String)?.hasSuffix("good.txt") == true)
    }
}
