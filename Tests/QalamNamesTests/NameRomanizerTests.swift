import Foundation
import Testing
@_spi(Training) @testable import QalamNames
import QalamText
import QalamLexicons

private let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        url.deleteLastPathComponent()
    }
    return url
}()
private let evalFile = packageRoot.appendingPathComponent("../shared/data/translit/ar2en-eval.tsv").standardized
private let translitEvalAvailable = FileManager.default.fileExists(atPath: evalFile.path)

/// One romanizer for the whole suite (loading the model takes a moment in debug builds).
private let sharedRomanizer: Result<NameRomanizer, any Error> = Result { try NameRomanizer() }

@Suite("NameRomanizer")
struct NameRomanizerTests {
    private func romanizer() throws -> NameRomanizer { try sharedRomanizer.get() }

    @Test func commonNamesAreInTheTopFive() throws {
        let romanizer = try romanizer()
        for (arabic, latin) in [("ديفيد", "david"), ("جورج", "george"), ("ماري", "mary"), ("سميث", "smith")] {
            let candidates = romanizer.romanize(arabic, top: 5).map { $0.latin.lowercased() }
            #expect(candidates.contains(latin), "\(arabic): \(candidates)")
        }
    }

    @Test func candidatesAreRankedAndCapitalized() throws {
        let candidates = try romanizer().romanize("ميرا موراتي", top: 5)
        #expect(candidates.count == 5)
        #expect(zip(candidates, candidates.dropFirst()).allSatisfy { $0.score >= $1.score })
        for candidate in candidates {
            let words = candidate.latin.split(separator: " ")
            #expect(words.count == 2)
            #expect(words.allSatisfy { $0.first?.isUppercase == true })
        }
    }

    @Test func edgeCases() throws {
        let romanizer = try romanizer()
        #expect(romanizer.romanize("", top: 5).isEmpty)
        #expect(romanizer.romanize("   ", top: 3).isEmpty)
        #expect(romanizer.romanize("جون", top: 0).isEmpty)
        #expect(romanizer.romanize("OpenAI", top: 1).first?.latin == "OpenAI")
        #expect(romanizer.romanize("ـًٌ", top: 1).isEmpty)
        // Punctuation around a name is kept (Arabic marks in Latin form) and does not change the name.
        let plain = try #require(romanizer.romanize("ميرا", top: 1).first?.latin)
        #expect(romanizer.romanize("«ميرا»،", top: 1).first?.latin == "\"" + plain + "\",")
        // Same answer from the cache as from a fresh computation.
        #expect(romanizer.romanize("بيتشاي", top: 3) == romanizer.romanize("بيتشاي", top: 3))
    }

    @Test func leadingConjunctionIsTried() throws {
        let romanizer = try romanizer()
        let plain = romanizer.romanize("ديفيد", top: 1).first?.latin
        let withAnd = romanizer.romanize("وديفيد", top: 5).map(\.latin)
        #expect(plain != nil && withAnd.contains(plain ?? ""))
    }

    @Test func abdCompoundsAreJoined() throws {
        let joined = NameRomanizer.joiningCompounds(["عبد", "الله", "بن", "عبد", "العزيز", "عبد"])
        #expect(joined == ["عبدالله", "بن", "عبدالعزيز", "عبد"])
        let candidates = try romanizer().romanize("عبد الله", top: 3)
        #expect(candidates.allSatisfy { !$0.latin.contains(" ") })
        // «… الدين» / «… الله» compounds are joined only when the joined name is listed.
        let listed: Set<String> = ["نورالدين"]
        #expect(NameRomanizer.joiningCompounds(["نور", "الدين", "زيد", "الدين", "حسن", "الله"], isListed: listed.contains)
                == ["نورالدين", "زيد", "الدين", "حسن", "الله"])
        let table = try #require(try romanizer().spellings)
        let compound = try romanizer().romanize("نور الدين", top: 1).first?.latin
        #expect(compound != nil && compound == table.spellings(of: "نورالدين").first)
    }

    @Test func lineageParticlesFollowEnglishUsage() throws {
        let romanizer = try romanizer()
        #expect(NameRomanizer.isLowercaseParticle("بن") && NameRomanizer.isLowercaseParticle("بنت"))
        #expect(NameRomanizer.isLowercaseParticle("إبن") && NameRomanizer.isLowercaseParticle("ابن"))
        #expect(!NameRomanizer.isLowercaseParticle("بنى") && !NameRomanizer.isLowercaseParticle("آل"))
        // «بن», «بنت», «ابن» inside a name are written in lower case; first, they keep the capital.
        for (arabic, particle) in [("سلمان بن عبدالعزيز", "bin"), ("سارة بنت خالد", "bint"), ("علي ابن خالد", "ibn")] {
            let words = try #require(romanizer.romanize(arabic, top: 3).first?.latin).split(separator: " ")
            #expect(words.count == 3 && words[1] == Substring(particle), "\(arabic): \(words)")
            #expect(words.first?.first?.isUppercase == true && words.last?.first?.isUppercase == true)
        }
        #expect(romanizer.best("بن خالد")?.hasPrefix("B") == true)
        // «آل» ("the family of") is Al, never the given name Ali («علي»).
        let family = try #require(romanizer.best("خالد آل سعود")).split(separator: " ")
        #expect(family.count == 3 && family[1] == "Al", "\(family)")
    }

    @Test func arabicNameTableComesFirst() throws {
        let romanizer = try romanizer()
        let table = try #require(romanizer.spellings, "the shipped romanizer loads the Arabic name table")
        #expect(table.count >= 150)
        for arabic in ["محمد", "أحمد", "عبد الله", "خالد"] {
            let listed = table.spellings(of: arabic.replacingOccurrences(of: " ", with: ""))
            #expect(!listed.isEmpty, "\(arabic) is listed")
            let candidates = romanizer.romanize(arabic, top: 5).map(\.latin)
            #expect(Array(candidates.prefix(listed.count)) == Array(listed.prefix(5)), "\(arabic): \(candidates)")
        }
        // Folding: harakat and alef forms do not matter; the table leaves other words to the model.
        #expect(table.spellings(of: "أَحْمَد") == table.spellings(of: "احمد"))
        #expect(table.spellings(of: "موراتي").isEmpty)
        // Scores stay ordered across the table's and the model's candidates.
        let mixed = romanizer.romanize("حسين", top: 8)
        #expect(zip(mixed, mixed.dropFirst()).allSatisfy { $0.score > $1.score })
        #expect(Set(mixed.map { $0.latin.lowercased() }).count == mixed.count, "no duplicates")
        // The other direction: a usual spelling leads to the listed Arabic name first.
        for latin in ["Mohammed", "abdullah", "Khalid"] {
            let listed = table.arabicNames(spelledAs: latin)
            #expect(!listed.isEmpty, "\(latin) is a listed spelling")
            let generated = LatinNameMatcher(romanizer: romanizer).arabicSpellings(of: latin, top: 5)
            #expect(generated.first?.arabic == listed.first, "\(latin): \(generated.map(\.arabic))")
            #expect(zip(generated, generated.dropFirst()).allSatisfy { $0.score > $1.score })
        }
        #expect(table.arabicNames(spelledAs: "Murati").isEmpty)
    }

    @Test func badArabicNameTableIsAClearError() {
        for text in ["محمد\n", "محمد\tMoh@med\n", "Mohammed\tMohammed\n", "محمد\tA\nمحمد\tB\n", "# only a comment\n"] {
            #expect(throws: (any Error).self, "\(text)") { try ArabicNameSpellings(data: Data(text.utf8), path: "t.tsv") }
        }
        #expect((try? ArabicNameSpellings(data: Data("محمد\tMohammed\tMuhammad\n".utf8), path: "t.tsv"))?.count == 1)
    }

    @Test func capitalization() {
        #expect(NameCapitalization.capitalize("mcgrew") == "McGrew")
        #expect(NameCapitalization.capitalize("o'brien") == "O'Brien")
        #expect(NameCapitalization.capitalize("jean-luc") == "Jean-Luc")
        #expect(NameCapitalization.capitalize("mac") == "Mac")
    }

    @Test func corruptModelIsAClearError() {
        #expect(throws: (any Error).self) {
            try RomanizerModel(model: Data("order\t9\n".utf8), modelPath: "bad.tsv", names: Data("a\t1\n".utf8), namesPath: "n.tsv",
                               worldNames: Data("a\t1\n".utf8), worldNamesPath: "w.tsv")
        }
        #expect(throws: (any Error).self) {
            try RomanizerModel(model: Data("order\t3\ng\t7\tب\tb\n".utf8), modelPath: "bad.tsv", names: Data("a\t1\n".utf8), namesPath: "n.tsv",
                               worldNames: Data("a\t1\n".utf8), worldNamesPath: "w.tsv")
        }
        // N-gram lines (read from the file's bytes): each fault names the file, the line and what is wrong.
        let header = "order\t2\ng\t2\tب\tb\n"
        for (line, reason) in [("n\t-1.0\t0.0\t\n", "without graphone IDs"), ("n\t-1.0\t0.0\t2 2 2\n", "longer than the order"),
                               ("n\t-1.0\t0.0\t9\n", "unknown graphone ID"), ("n\t-1.0\t0.0\t-2\n", "unknown graphone ID"),
                               ("n\tx\t0.0\t2\n", "LOG10P"), ("n\t1e400\t0.0\t2\n", "LOG10P"), ("n\t-1.0\t0.0\n", "LOG10P"),
                               ("q\t1\n", "unknown record")] {
            do {
                _ = try RomanizerModel(model: Data((header + line).utf8), modelPath: "bad.tsv", names: Data("a\t1\n".utf8),
                                       namesPath: "n.tsv", worldNames: Data("a\t1\n".utf8), worldNamesPath: "w.tsv")
                Issue.record("accepted: \(line.debugDescription)")
            } catch {
                #expect("\(error)".contains("bad.tsv") && "\(error)".contains("line 3") && "\(error)".contains(reason), "\(error)")
            }
        }
    }

    @Test func largeNameListsLoadAndAreSearched() throws {
        let census = try LatinNameList.shipped(RomanizerModel.defaultCensusCountsPath)
        let voters = try LatinNameList.shipped(RomanizerModel.defaultVoterNamesPath)
        #expect(census.count > 150_000)
        #expect(voters.count > 100_000)
        // Smith has millions of bearers (bucket ≈ 10 · log10 2.4M ≈ 64); a voter-only name is no census name.
        #expect((census.number(of: "smith") ?? 0) > 60)
        #expect(census.number(of: "zzzzqx") == nil)
        for index in stride(from: 0, to: voters.count, by: 9_973) {
            let name = String(decoding: voters.name(at: index), as: UTF8.self)
            #expect(voters.number(of: name) != nil)
            #expect(census.number(of: name) == nil, "\(name) is in both lists")
        }
        // The romanizer's trie holds them: a census 2010/2020 name gets a census bonus.
        let romanizer = try romanizer()
        #expect(romanizer.lexiconBonus("smith") >= romanizer.configuration.censusCountBonus)
    }

    @Test func nameRankListsAreParsedAndChecked() throws {
        let model = try LexiconStore.data(RomanizerModel.defaultModelPath)
        func load(_ names: String) throws -> RomanizerModel {
            try RomanizerModel(model: model, modelPath: "m.tsv", names: Data(names.utf8), namesPath: "n.tsv",
                               worldNames: Data("a\t1\n".utf8), worldNamesPath: "w.tsv")
        }
        // Comments and blank lines skipped, empty fields skipped, extra fields ignored, the best rank kept.
        let parsed = try load("# ranks\n\nbob\t3\nbob\t1\nbob\t2\n\talice\t+7\textra\nzed\t\t12\n")
        let ranks = parsed.censusRank
        #expect(ranks.count == 3)
        #expect((0..<ranks.count).map { ranks.name(at: $0) } == ["alice", "bob", "zed"], "kept in byte order")
        #expect(ranks["bob"] == 1 && ranks["alice"] == 7 && ranks["zed"] == 12)
        #expect(ranks["carol"] == nil && ranks["bo"] == nil && ranks["bobb"] == nil && ranks[""] == nil)
        // A sorted file is read as it is (the usual case: the shipped lists are sorted).
        let sorted = try load("aaron\t5\nab\t2\nabe\t9\nb'c\t4\n").censusRank
        #expect((0..<sorted.count).map { sorted.name(at: $0) } == ["aaron", "ab", "abe", "b'c"])
        #expect(sorted["ab"] == 2 && sorted["abe"] == 9 && sorted["b'c"] == 4 && sorted["a"] == nil)
        for (text, line) in [("bob\t3\nbob\tx\n", "line 2"), ("# c\nbob\t0\n", "line 2"), ("bob\n", "line 1"),
                             ("bob\t99999999999999999999\n", "line 1"), ("bob\t-3\n", "line 1"), ("# only\n", "no names")] {
            do {
                _ = try load(text)
                Issue.record("accepted: \(text.debugDescription)")
            } catch {
                #expect("\(error)".contains("n.tsv") && "\(error)".contains(line), "\(error)")
            }
        }
    }

    @Test func corruptNameListIsAClearError() {
        let cases = ["#header\n", "bob\t3\nalice\t3\n", "bob\t3\nbob\t3\n", "Bob\t3\n", "bob\t300\n", "bob\n", "b\t1\n",
                     "bob\tx\n", "bob\t\n"]
        for text in cases {
            #expect(throws: (any Error).self, "\(text.debugDescription)") {
                try LatinNameList(data: Data(text.utf8), path: "names.tsv")
            }
        }
        do {
            _ = try LatinNameList(data: Data("alice\t1\nbob\t3\nbobby\t2\n".utf8), path: "names.tsv")
        } catch {
            Issue.record("valid list rejected: \(error)")
        }
        do {
            _ = try LatinNameList(data: Data("bob\t3\nalice\t3\n".utf8), path: "names.tsv")
        } catch {
            #expect("\(error)".contains("names.tsv") && "\(error)".contains("line 2"), "\(error)")
        }
    }

    @Test func arcMemoKeptAcrossWordsChangesNoResult() throws {
        // Arc scores memoized for earlier words must not change later words' candidates.
        let shared = try romanizer()
        var settings = shared.configuration
        settings.cacheLimit = 0
        let used = NameRomanizer(model: shared.model, configuration: settings)
        let names = ["ديفيد", "جورج", "ماري", "سميث", "ميرا", "موراتي", "بوب", "ماكجرو"]
        let warm = names.map { used.romanize($0, top: 5) }
        let fresh = NameRomanizer(model: shared.model, configuration: settings)
        for (index, name) in names.enumerated().reversed() {
            let again = fresh.romanize(name, top: 5)
            #expect(again.map(\.latin) == warm[index].map(\.latin), "\(name)")
            #expect(again.map(\.score) == warm[index].map(\.score), "\(name)")
        }
    }

    @Test func latinMarginalIsAProbabilityAboveTheJointOne() throws {
        let model = try romanizer().model
        let scorer = LatinMarginalScorer(model: model, beamWidth: 4, graphonesPerSpan: 4)
        let wide = LatinMarginalScorer(model: model, beamWidth: 16, graphonesPerSpan: 16)
        let memo = ArcScoreMemo(size: 1024)
        var scratch = LatinMarginalScorer.Scratch()
        for latin in ["david", "smith", "murati", "x", "aghazadeh"] {
            let marginal = scorer.logProbability(of: Array(latin.utf8), memo: memo, scratch: &scratch)
            let wider = wide.logProbability(of: Array(latin.utf8), memo: memo, scratch: &scratch)
            #expect(marginal.isFinite && marginal < 0, "\(latin): \(marginal)")
            // A wider search adds paths, so the estimate can only grow (up to rounding).
            #expect(wider >= marginal - 1e-6, "\(latin): \(wider) < \(marginal)")
            // The marginal sums over Arabic spellings, so it is at least the best joint path found forward.
            let letters = ArabicNameFolding.foldForModel(Substring(["david": "ديفيد", "smith": "سميث", "murati": "موراتي",
                                                                    "x": "اكس", "aghazadeh": "آغازاده"][latin] ?? ""))
            let joint = BeamDecoder(model: model, configuration: NameRomanizer.Configuration())
                .decode(letters, bonusTrie: PackedNameTrie(LatinNameTrie()))
                .filter { $0.latin == Array(latin.utf8) }.map(\.score).max()
            if let joint { #expect(wider >= joint - 1e-4, "\(latin): \(wider) < joint \(joint)") }
        }
        #expect(scorer.logProbability(of: [], memo: memo, scratch: &scratch) == -.infinity)
        // Bytes no graphone spells give no path.
        #expect(scorer.logProbability(of: Array("#!".utf8), memo: memo, scratch: &scratch) == -.infinity)
    }

    @Test func channelTermReordersOnlyTheHead() throws {
        let shared = try romanizer()
        var off = shared.configuration
        off.channelWeight = 0
        off.cacheLimit = 0
        var on = off
        on.channelWeight = shared.configuration.channelWeight
        #expect(on.channelWeight > 0, "the noisy-channel term is on by default")
        let plain = NameRomanizer(model: shared.model, configuration: off)
        let channel = NameRomanizer(model: shared.model, configuration: on)
        var reordered = 0
        for name in ["ديفيد", "جورج", "ماري", "سميث", "ميرا", "موراتي", "بوب", "ماكجرو", "أتوود", "ترامب"] {
            let before = plain.romanize(name, top: 16).map(\.latin)
            let after = channel.romanize(name, top: 16).map(\.latin)
            let head = on.channelCandidates
            // Same candidates; only the first `channelCandidates` may change places.
            #expect(Set(before.prefix(head)) == Set(after.prefix(head)), "\(name)")
            #expect(Array(before.dropFirst(head)) == Array(after.dropFirst(head)), "\(name)")
            if before != after { reordered += 1 }
        }
        #expect(reordered < 10)
    }

    @Test func egyptianNameTableLoadsAndIsChecked() throws {
        let table = try EgyptianNameSpellings.shipped()
        #expect(table.count > 30_000)
        #expect(table.spellings(of: "محمد").contains("mohamed"))
        #expect(table.spellings(of: "هشام").first.map { ["hesham", "hisham"].contains($0) } == true)
        #expect(table.spellings(of: "xyz").isEmpty)
        let bad: [(String, String)] = [
            ("هشام\n", "line 1"),                       // no spelling
            ("هشام\thesham\nسمير\tSamir\n", "line 2"),  // upper case
            ("# c\nهشام\thesham\nهشام\thisham\n", "line 3"),  // listed twice
            ("abc\tabc\n", "line 1"),                   // not Arabic
            ("# only comments\n", "no names"),
        ]
        // Names of more than 20 letters have their own table: listed, found, and checked for repeats.
        let long = String(repeating: "ب", count: 21)
        let longTable = try EgyptianNameSpellings(data: Data("هشام\thesham\n\(long)\tbbb\n".utf8), path: "egy.tsv")
        #expect(longTable.count == 2)
        #expect(longTable.spellings(of: long) == ["bbb"])
        #expect(longTable.spellings(of: String(long.dropLast())).isEmpty)
        #expect(longTable.spellings(of: "هشام") == ["hesham"])
        let repeatedLong = "\(long)\tbbb\n\(long)\tccc\n"
        #expect(throws: LexiconError.self) { try EgyptianNameSpellings(data: Data(repeatedLong.utf8), path: "egy.tsv") }
        for (text, expected) in bad {
            do {
                _ = try EgyptianNameSpellings(data: Data(text.utf8), path: "egy.tsv")
                Issue.record("accepted: \(text)")
            } catch {
                #expect("\(error)".contains("egy.tsv") && "\(error)".contains(expected), "\(error)")
            }
        }
    }

    @Test func egyptianNameSpellingsAreBoosted() throws {
        let shared = try romanizer()
        #expect(shared.egyptianNames != nil, "the table is loaded by default")
        var settings = shared.configuration
        settings.cacheLimit = 0
        let table = try EgyptianNameSpellings(data: Data("نبيل\tzzqq\tnabil\n".utf8), path: "egy.tsv")
        let with = NameRomanizer(model: shared.model, configuration: settings, egyptianNames: table)
        let without = NameRomanizer(model: shared.model, configuration: settings)
        let candidates = with.romanize("نبيل", top: 16).map { $0.latin.lowercased() }
        // A listed spelling the search cannot find is added; a found one is lifted.
        #expect(candidates.contains("zzqq"), "\(candidates)")
        #expect(!without.romanize("نبيل", top: 16).map { $0.latin.lowercased() }.contains("zzqq"))
        let plainRank = without.romanize("نبيل", top: 16).map { $0.latin.lowercased() }.firstIndex(of: "nabil")
        let boostedRank = candidates.firstIndex(of: "nabil")
        #expect(boostedRank != nil && boostedRank ?? 99 <= plainRank ?? 99)
        // Words not in the table are untouched.
        #expect(with.romanize("ديفيد", top: 8) == without.romanize("ديفيد", top: 8))
    }

    @Test func sortedTrieInsertionEqualsOneByOne() {
        let names = ["al", "alan", "alana", "albert", "bo", "bob", "bobby", "zed"]
        var sorted = LatinNameTrie(expectedNodes: 8)
        var path: [Int32] = [0]
        var previous: ArraySlice<UInt8> = []
        for (index, name) in names.enumerated() {
            let bytes = ArraySlice(Array(name.utf8))
            sorted.insert(sorted: bytes, after: previous, path: &path, bonus: Float(index + 1))
            previous = bytes
        }
        let single = LatinNameTrie(names: names.enumerated().map { ($1, Float($0 + 1)) })
        #expect(sorted.nodeCount == single.nodeCount)
        for name in names + ["a", "alb", "bobb", "zz"] {
            #expect(sorted.bonus(of: Array(name.utf8)) == single.bonus(of: Array(name.utf8)), "\(name)")
        }
    }

    @Test func contextTableScoresAsKeyByKeyProbing() {
        // Random back-off n-grams of order 4 over 12 tokens (IDs + 1 = 1…12, 16 bits each), some
        // keys repeated (the last counts), some contexts with continuations but no n-gram of their own.
        let order = 4
        let bits: UInt64 = 16
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        var raw: [(key: UInt64, logp: Float, bow: Float)] = []
        for token in 1...10 { raw.append((UInt64(token), -Float(next(400)) / 100 - 0.5, -Float(next(100)) / 100)) }
        for _ in 0..<600 {
            let length = 2 + next(3)
            var key: UInt64 = 0
            for _ in 0..<length { key = (key << bits) | UInt64(1 + next(12)) }
            raw.append((key, -Float(next(300)) / 100 - 0.1, length < order ? -Float(next(80)) / 100 : 0))
        }
        raw.append(raw[20])
        raw.append((raw[30].key, -0.25, -0.5))
        var table = NGramTable(capacity: raw.count)
        for entry in raw { table.insert(entry.key, logProbability: entry.logp, backoff: entry.bow) }
        let grouped = ContextNGramTable(ngrams: raw, order: order, idBits: bits)
        #expect(grouped.count == table.count)
        for id in Int32(0)..<12 {
            let slot = table.find(UInt64(id + 1))
            #expect(grouped.unigramLogProbability(of: id) == (slot >= 0 ? table.logProbability(at: slot) : nil))
        }
        func reference(_ history: UInt64, _ graphone: Int32) -> Float {
            let token = UInt64(graphone + 1)
            var penalty: Float = 0
            var context = history
            var length = order - 1
            while true {
                let slot = table.find(length == 0 ? token : (context << bits) | token)
                if slot >= 0 { return penalty + table.logProbability(at: slot) }
                if length == 0 { return penalty - 7 }
                let contextSlot = table.find(context)
                if contextSlot >= 0 { penalty += table.backoff(at: contextSlot) }
                length -= 1
                context &= length == 0 ? 0 : (UInt64(1) << (bits * UInt64(length))) - 1
            }
        }
        var compared = 0
        for _ in 0..<3000 {
            var history: UInt64 = 0
            for _ in 0..<(order - 1) { history = (history << bits) | UInt64(1 + next(12)) }
            let graphone = Int32(next(12)) // tokens 1…12: 11 and 12 have no unigram
            #expect(grouped.logProbability(history: history, graphone: graphone) == reference(history, graphone))
            compared += 1
        }
        #expect(compared == 3000)
    }

    @Test func packedTrieAnswersAsTheBuilder() {
        let names = ["al", "alan", "alana", "albert", "bo", "bob", "bobby", "o'neil", "o'brien", "oz", "zed", "d'", "a-b"]
        var builder = LatinNameTrie(expectedNodes: 8, tracksScores: true)
        var path: [Int32] = [0]
        var previous: ArraySlice<UInt8> = []
        for (index, name) in names.sorted().enumerated() {
            let bytes = ArraySlice(Array(name.utf8))
            builder.insert(sorted: bytes, after: previous, path: &path, bonus: Float(index + 1), score: Float(index) / 4)
            previous = bytes
        }
        let packed = PackedNameTrie(builder)
        #expect(packed.nodeCount == builder.nodeCount)
        for name in names + ["a", "alb", "bobb", "zz", "o'", "o'n", "'", "a-", "b-"] {
            let bytes = Array(name.utf8)
            #expect(packed.bonus(of: bytes) == builder.bonus(of: bytes), "\(name)")
            #expect(packed.score(of: bytes) == builder.score(of: bytes), "\(name)")
        }
        // Walking byte by byte: the same names end at nodes with the same bonus and child letters.
        for name in names {
            var node: Int32 = 0
            for byte in name.utf8 { node = packed.next(node, byte) }
            #expect(node > 0 && packed.terminalBonus[Int(node)] == Float(names.sorted().firstIndex(of: name) ?? -1) + 1)
        }
        #expect(packed.children(of: 0) == builder.children(of: 0))
        #expect(PackedNameTrie(LatinNameTrie()).bonus(of: Array("a".utf8)) == 0)
    }

    @Test func trieBuiltFromSortedNamesAnswersAsTheBuilder() {
        // Random names over a small alphabet share many prefixes; some repeat, some are prefixes
        // of others, one has a byte the sorted build leaves out.
        var generator = SystemRandomNumberGenerator()
        var names = (0..<400).map { _ in
            String((0..<Int.random(in: 1...7, using: &generator)).map { _ in "abcz".randomElement(using: &generator) ?? "a" })
        }
        names.append("o'neil")
        let sorted = names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var bytes: [UInt8] = []
        var starts: [Int32] = [0]
        var bonuses: [Float] = []
        var builder = LatinNameTrie()
        for name in sorted {
            let bonus = Float.random(in: 0...5, using: &generator)
            bytes.append(contentsOf: name.utf8)
            starts.append(Int32(bytes.count))
            bonuses.append(bonus)
            if name != "o'neil" { builder.insert(name.utf8, bonus: bonus) }
        }
        let packed = PackedNameTrie(sortedNames: bytes, starts: starts, bonuses: bonuses)
        #expect(packed.nodeCount == builder.nodeCount)
        for name in names + ["", "q", "abcabca", "o'", "o"] {
            let key = Array(name.utf8)
            #expect(packed.bonus(of: key) == builder.bonus(of: key), "\(name)")
            #expect((packed.lookup(key) >= 0) == (builder.lookup(key) >= 0), "\(name)")
        }
        var listed: [String] = []
        packed.forEachLetterName { name, bonus in
            listed.append(String(decoding: name, as: UTF8.self))
            #expect(bonus == builder.bonus(of: name))
        }
        #expect(listed == Array(Set(sorted.filter { $0 != "o'neil" })).sorted())
        // Out-of-order names are left out, not misplaced.
        let disordered = PackedNameTrie(sortedNames: Array("bca".utf8), starts: [0, 1, 2, 3], bonuses: [1, 2, 3])
        #expect(disordered.bonus(of: Array("b".utf8)) == 1 && disordered.bonus(of: Array("c".utf8)) == 2)
        #expect(disordered.lookup(Array("a".utf8)) < 0)
    }

    @Test func skeletonsOfArabicAndLatinNamesMeet() throws {
        let skeletons = try NameSkeleton.shipped()
        func arabic(_ word: String) -> String {
            String(decoding: skeletons.key(arabic: ArabicNameFolding.foldForModel(word)), as: UTF8.self)
        }
        func latin(_ name: String) -> [String] {
            skeletons.keys(latin: Array(name.utf8)).map { String(decoding: $0, as: UTF8.self) }
        }
        // Vowels, long vowels, h and doubled letters give nothing; the two sides meet.
        for (word, name) in [("ميرفي", "murphy"), ("ماكجرو", "mcgrew"), ("تشارلز", "charles"), ("ألكسندر", "alexander"),
                             ("كريستوفر", "christopher"), ("ميشيل", "michel"), ("موراتي", "murati"), ("سيسيليا", "cecilia")] {
            #expect(latin(name).contains(arabic(word)), "\(word) \(arabic(word)) vs \(name) \(latin(name))")
        }
        #expect(arabic("ميرفي") == "MRF")
        #expect(arabic("واي") == "")
        #expect(latin("mitchell") == ["MTSL"])
        #expect(latin("ch") == ["K", "TS", "S"])
        #expect(latin("aeiouy").isEmpty)
        #expect(latin("bcdfglmnprstbcdfg").isEmpty)  // more than 12 classes
        // Alternatives multiply up to the cap, without repeats.
        #expect(latin("jjjjjjj").count <= NameSkeleton.maximumVariants)
        #expect(Set(latin("xjchx")).count == latin("xjchx").count)
        // A bad table is a clear error naming the row.
        for rows in [[["arabic", "ب", "BB"]], [["arabic", "x", "B"]], [["latin", "Ph", "F"]], [["latin", "ph", "f"]],
                     [["latin", "ph", "F", "E"]], [["greek", "ph", "F"]], [["arabic", "ب", "B"], ["arabic", "ب", "P"]],
                     [["latin", "c", "S", "e"], ["latin", "c", "K", "e"]], [["latin", "ph"]], [["latin", "schtz", "S"]],
                     [["latin", "x", "KSSS"]], [["latin", "x", "K|S|T|D|B"]]] {
            #expect(throws: LexiconError.self, "\(rows)") { try NameSkeleton(rows: rows) }
        }
        // Any name: at most 8 distinct skeletons of 1 to 12 classes, none repeated next to itself,
        // and packing is undone exactly.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let name = (0..<Int.random(in: 1...14, using: &generator)).map { _ in
                Array("abcdeghijkloprstuwxyz".utf8).randomElement(using: &generator) ?? 0x61
            }
            let keys = skeletons.keys(latin: name)
            #expect(keys.count <= NameSkeleton.maximumVariants && Set(keys).count == keys.count)
            for key in keys {
                #expect((1...NameSkeleton.maximumPackedClasses).contains(key.count))
                #expect(zip(key, key.dropFirst()).allSatisfy { $0 != $1 })
                let packed = NameSkeleton.packed(key)
                #expect(packed.map(NameSkeleton.classes(ofPacked:)) == key)
                let prefix = packed.map(NameSkeleton.prefix(ofPacked:)) ?? []
                #expect(Int(prefix[0] - UInt8(ascii: "a")) == prefix.count - 1)
            }
        }
        #expect(NameSkeleton.packed(Array("MRF".utf8)).map(NameSkeleton.prefix(ofPacked:)) == Array("dmrf".utf8))
        #expect(NameSkeleton.packed([]) == nil && NameSkeleton.packed(Array(repeating: 0x41, count: 13)) == nil)
        let table = try NameSkeleton(rows: [["latin", "c", "S", "ei"], ["latin", "c", "K"], ["latin", "ck", "K"]])
        #expect(table.keys(latin: Array("cicack".utf8)).map { String(decoding: $0, as: UTF8.self) } == ["SK"])
    }

    @Test func skeletonPassReachesNamesTheOtherPassesMiss() throws {
        // «ويتفيلد» is "Whitfield" (a training pair), which the two other passes do not reach
        // (ي → i before t, و → wh): the pass over the names of skeleton TFLD does.
        let shared = try romanizer()
        var settings = shared.configuration
        settings.cacheLimit = 0
        let skeletons = try NameSkeleton.shipped()
        let with = NameRomanizer(model: shared.model, configuration: settings, skeletons: skeletons)
        settings.skeletonBeamWidth = 0
        let without = NameRomanizer(model: shared.model, configuration: settings, skeletons: skeletons)
        #expect(with.skeletons != nil && without.skeletons == nil)
        for word in ["ويتفيلد", "بورغمان", "رينولدز", "كاربنتر"] {
            let found = with.romanize(word, top: 16).map { $0.latin.lowercased() }
            let missed = without.romanize(word, top: 16).map { $0.latin.lowercased() }
            if word == "ويتفيلد" {
                #expect(found.contains("whitfield"), "\(found)")
                #expect(!missed.contains("whitfield"), "\(missed)")
            }
            // What the skeleton pass adds are known names of the word's skeleton.
            let key = skeletons.key(arabic: ArabicNameFolding.foldForModel(word))
            for name in Set(found).subtracting(missed) {
                #expect(skeletons.keys(latin: Array(name.utf8)).contains(key), "\(word): \(name)")
                #expect(with.lexiconBonus(name) > 0, "\(word): \(name)")
            }
        }
    }

    @Test func rerankerWeightsAreCheckedAndUsed() throws {
        // A missing feature, an unknown feature, a non-number and a missing or bad head are clear errors.
        let complete = RomanizerReranker.featureNames.map { "\($0)\t0.5" }.joined(separator: "\n") + "\nhead\t4"
        #expect(throws: (any Error).self) { try RomanizerReranker(data: Data("default\t1\nhead\t4\n".utf8), path: "r.tsv") }
        #expect(throws: (any Error).self) { try RomanizerReranker(data: Data((complete + "\nbogus\t1").utf8), path: "r.tsv") }
        #expect(throws: (any Error).self) {
            try RomanizerReranker(data: Data(complete.replacingOccurrences(of: "model\t0.5", with: "model\tx").utf8), path: "r.tsv")
        }
        #expect(throws: (any Error).self) {
            try RomanizerReranker(data: Data(complete.replacingOccurrences(of: "\nhead\t4", with: "").utf8), path: "r.tsv")
        }
        #expect(throws: (any Error).self) {
            try RomanizerReranker(data: Data(complete.replacingOccurrences(of: "head\t4", with: "head\t1").utf8), path: "r.tsv")
        }
        let parsed = try RomanizerReranker(data: Data(complete.utf8), path: "r.tsv")
        #expect(parsed.weights.count == RomanizerReranker.featureNames.count && parsed.head == 4 && parsed.isLinear)
        let shipped = try #require(try romanizer().reranker, "the shipped reranker is on by default")
        #expect(shipped.head >= 2 && !shipped.isLinear)
        #expect(NameRomanizer(model: try romanizer().model).reranker == nil)

        // Only `nolex` weighs: an unknown spelling ranked first falls below known names of the head;
        // the tail keeps its order below the head.
        let onlyUnknown = RomanizerReranker.featureNames.map { "\($0)\t\($0 == "nolex" ? -5 : 0)" }.joined(separator: "\n") + "\nhead\t2"
        let reranker = try RomanizerReranker(data: Data(onlyUnknown.utf8), path: "r.tsv")
        var ranked = [RankedSpelling(latin: Array("qzxv".utf8), score: 0, model: 0),
                      RankedSpelling(latin: Array("david".utf8), score: -1, model: -1),
                      RankedSpelling(latin: Array("qzxw".utf8), score: -2, model: -2)]
        reranker.rerank(&ranked, arabic: [0x062F, 0x064A, 0x0641, 0x062F], model: try romanizer().model) {
            $0.latin == Array("david".utf8) ? 0 : nil
        }
        #expect(ranked.map { String(decoding: $0.latin, as: UTF8.self) } == ["david", "qzxv", "qzxw"])
        #expect(ranked[1].score > ranked[2].score)
        #expect(RomanizerReranker.featureNames[RomanizerReranker.noListIndex] == "nolex")
    }

    @Test func linearRerankingFromTheTrieEqualsTheFeatureLookups() throws {
        // A linear reranker's name-list part of the score comes from the romanizer's trie; the
        // features written for training look the lists up one by one. Both must rank a word's head
        // alike. (Weights: list features and the default score, so the lists matter.)
        let shared = try romanizer()
        let weights: [String: Double] = ["default": 1, "c90": 0.5, "c90rank": 0.2, "c20": 0.3, "c20count": 0.8,
                                         "voter": -0.2, "world": 0.6, "wloc": 0.4, "nolex": -2, "len": 0.5]
        let text = RomanizerReranker.featureNames.map { "\($0)\t\(weights[$0] ?? 0)" }.joined(separator: "\n") + "\nhead\t12"
        let reranker = try RomanizerReranker(data: Data(text.utf8), path: "linear.tsv")
        var settings = shared.configuration
        settings.cacheLimit = 0
        let romanizer = NameRomanizer(model: shared.model, configuration: settings, reranker: reranker,
                                      egyptianNames: shared.egyptianNames)
        for word in ["سميث", "جونسون", "ماريا", "كيلي", "فيليب", "هيرنانديز"] {
            let list = romanizer.rerankerFeatures(ofWord: word, top: reranker.head)
            let scored = list.map { entry in
                (entry.latin, zip(reranker.weights, entry.features).reduce(0) { $0 + $1.0 * $1.1 })
            }
            let expected = scored.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(3).map(\.0)
            let got = romanizer.romanize(word, top: 3).map { $0.latin.lowercased() }
            #expect(got == Array(expected), "\(word)")
        }
    }

    @Test func shippedTreeRerankerRanksByItsScoreOfTheWrittenFeatures() throws {
        // The features `--nbest-out` writes for training, scored by the shipped trees, give the
        // order the romanizer returns (ties keep the default order).
        let romanizer = try romanizer()
        let reranker = try #require(romanizer.reranker)
        guard case .trees(let trees) = reranker.scorer else {
            Issue.record("the shipped reranker is a tree model")
            return
        }
        #expect(trees.count > 0)
        for word in ["سميث", "جونسون", "ماريا", "كيلي", "فيليب", "هيرنانديز", "غالوي", "ستيلويل", "كولتورتي"] {
            let list = romanizer.rerankerFeatures(ofWord: word, top: reranker.head)
            let scores = trees.scores(of: list.flatMap(\.features), count: list.count,
                                      stride: RomanizerReranker.featureNames.count)
            let expected = list.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
                .prefix(3).map { list[$0].latin }
            let got = romanizer.romanize(word, top: 3).map { $0.latin.lowercased() }
            #expect(got == Array(expected), "\(word)")
        }
    }

    @Test func treeRerankerFilesAreCheckedAndScored() throws {
        // Two trees over `default` (feature 0) and `len` (feature 19).
        let features = RomanizerReranker.featureNames
        #expect(features[0] == "default" && features[19] == "len")
        let text = """
            # two trees
            head\t3
            tree\t2\t3
            split\t0\t-0.5\t-1\t1
            split\t19\t1.25\t-2\t-3
            leaf\t-1
            leaf\t0.5
            leaf\t2
            tree\t0\t1
            leaf\t0.25
            """
        let reranker = try RomanizerReranker(data: Data(text.utf8), path: "t.tsv")
        #expect(!reranker.isLinear && reranker.head == 3)
        guard case .trees(let trees) = reranker.scorer else {
            Issue.record("a file of trees is read as trees")
            return
        }
        #expect(trees.count == 2)
        var rows = [Double](repeating: 0, count: 3 * features.count)
        rows[0] = -1                                         // default ≤ −0.5: leaf −1
        rows[features.count] = 0; rows[features.count + 19] = 1.25  // len ≤ 1.25: leaf 0.5
        rows[2 * features.count] = 0; rows[2 * features.count + 19] = 2  // len > 1.25: leaf 2
        #expect(trees.scores(of: rows, count: 3, stride: features.count) == [-0.75, 0.75, 2.25])
        #expect(trees.scores(of: [1, 2], count: 1, stride: 2) == [0], "too few features: 0, not a crash")

        // The tree's order: the longest spelling first; equal scores keep the default order.
        var ranked = [RankedSpelling(latin: Array("yy".utf8), score: 0, model: 0),
                      RankedSpelling(latin: Array("abcdef".utf8), score: -0.2, model: -0.2),
                      RankedSpelling(latin: Array("bb".utf8), score: -0.3, model: -0.3),
                      RankedSpelling(latin: Array("tail".utf8), score: -4, model: -4)]
        reranker.rerank(&ranked, arabic: [0x0627, 0x0628], model: try romanizer().model) { _ in nil }
        #expect(ranked.map { String(decoding: $0.latin, as: UTF8.self) } == ["abcdef", "yy", "bb", "tail"])
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.score > $1.score })

        // Malformed files are clear errors.
        let bad = [
            "head\t3\ntree\t1\t3\nsplit\t0\t0\t-1\t-2\nleaf\t0\nleaf\t1\nleaf\t2",   // leaves ≠ splits + 1
            "head\t3\ntree\t1\t2\nsplit\t99\t0\t-1\t-2\nleaf\t0\nleaf\t1",             // unknown feature
            "head\t3\ntree\t1\t2\nsplit\t0\t0\t-1\t-5\nleaf\t0\nleaf\t1",              // child outside the tree
            "head\t3\ntree\t2\t3\nsplit\t0\t0\t1\t-1\nsplit\t0\t0\t0\t-2\nleaf\t0\nleaf\t1\nleaf\t2",  // a loop
            "head\t3\ntree\t1\t2\nsplit\t0\tx\t-1\t-2\nleaf\t0\nleaf\t1",              // threshold not a number
            "head\t3\ntree\t1\t2\nsplit\t0\t0\t-1\t-2\nleaf\t0",                       // a leaf missing
            "head\t3\nleaf\t1",                                                          // a leaf outside a tree
            "head\t3\ntree\t0\t1\nleaf\tnan",                                            // not finite
            "head\t3\ntree\t0\t1\nleaf\t1\ndefault\t1",                                  // trees and weights
            "tree\t0\t1\nleaf\t1",                                                        // no head
        ]
        for file in bad {
            #expect(throws: LexiconError.self, "\(file)") { try RomanizerReranker(data: Data(file.utf8), path: "t.tsv") }
        }
    }

    @Test func constrainedPassHasItsOwnPruningThreshold() throws {
        // A looser threshold in the pass constrained to known names keeps more of them; a tight one
        // keeps fewer. The free pass is the same in all three, so the lists differ only there.
        let shared = try romanizer()
        func listed(threshold: Double) -> Int {
            var settings = shared.configuration
            settings.cacheLimit = 0
            settings.lexiconPruningThreshold = threshold
            let romanizer = NameRomanizer(model: shared.model, configuration: settings)
            return ["غالوي", "سوير", "شيتي", "ديكون", "جيتا", "كولتورتي", "ستيلويل", "بيكسل"]
                .map { romanizer.rerankerFeatures(ofWord: $0, top: 64).count }.reduce(0, +)
        }
        let tight = listed(threshold: 0.5), shipped = listed(threshold: shared.configuration.lexiconPruningThreshold)
        let loose = listed(threshold: 6)
        #expect(tight < shipped, "\(tight) vs \(shipped)")
        #expect(shipped < loose, "\(shipped) vs \(loose)")
    }

    @Test func rerankerFeaturesFollowTheDefaultRanking() throws {
        let romanizer = try romanizer()
        let list = romanizer.rerankerFeatures(ofWord: "سميث", top: 8)
        #expect(!list.isEmpty && list.count <= 8)
        let names = RomanizerReranker.featureNames
        for (rank, entry) in list.enumerated() {
            #expect(entry.features.count == names.count)
            #expect(entry.features[try #require(names.firstIndex(of: "rank1"))] == (rank == 0 ? 1 : 0))
            #expect(entry.features[try #require(names.firstIndex(of: "default"))] <= 0)
        }
        #expect(zip(list, list.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(list.contains { $0.latin == "smith" })
        // Words of the Arabic-name table and non-Arabic words give no list.
        #expect(romanizer.rerankerFeatures(ofWord: "محمد", top: 8).isEmpty)
        #expect(romanizer.rerankerFeatures(ofWord: "abc", top: 8).isEmpty)
    }

    /// A quality floor on the first 150 pairs of the evaluation file (reported, never tuned on).
    @Test(.enabled(if: translitEvalAvailable, "../shared not found: romanizer quality floor skipped"))
    func qualityFloorOnEvaluationSlice() throws {
        let romanizer = try romanizer()
        let lines = try String(contentsOf: evalFile, encoding: .utf8).split(separator: "\n").prefix(150)
        var top5 = 0
        for line in lines {
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { continue }
            let candidates = romanizer.romanize(String(fields[0]), top: 5).map { $0.latin.lowercased() }
            if candidates.contains(fields[1].lowercased()) { top5 += 1 }
        }
        #expect(Double(top5) / Double(lines.count) >= 0.35)
    }

    /// The issue's top-1 target on the whole evaluation file (scored once per round after the
    /// choices were made on held-out folds of the training pairs; never tuned on), and a floor
    /// under top-5, whose 0.70 target is not met (0.658 since the fifteenth round).
    @Test(.enabled(if: translitEvalAvailable, "../shared not found: romanizer evaluation targets skipped"))
    func evaluationFileTargets() throws {
        let romanizer = try romanizer()
        var pairs = 0, top1 = 0, top5 = 0
        for line in try String(contentsOf: evalFile, encoding: .utf8).split(separator: "\n") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { continue }
            pairs += 1
            let candidates = romanizer.romanize(String(fields[0]), top: 5).map { $0.latin.lowercased() }
            if candidates.first == fields[1].lowercased() { top1 += 1 }
            if candidates.contains(fields[1].lowercased()) { top5 += 1 }
        }
        #expect(pairs > 1000)
        #expect(Double(top1) / Double(pairs) >= 0.45, "top-1 \(top1) of \(pairs)")
        #expect(Double(top5) / Double(pairs) >= 0.65, "top-5 \(top5) of \(pairs)")
    }
}

@Suite("LatinNameMatcher")
struct LatinNameMatcherTests {
    @Test func generatesArabicSpellings() throws {
        let matcher = LatinNameMatcher(romanizer: try sharedRomanizer.get())
        let spellings = matcher.arabicSpellings(of: "David", top: 10).map(\.arabic)
        #expect(spellings.contains("ديفيد"), "\(spellings)")
        #expect(matcher.arabicSpellings(of: "", top: 3).isEmpty)
    }

    @Test func findsANameInADocument() throws {
        let matcher = LatinNameMatcher(romanizer: try sharedRomanizer.get())
        let document = try Document("قالت الشركة إن ميرا موراتي ستغادر، وأكدت موراتي ذلك.")
        let matches = matcher.matches(of: "Mira Murati", in: document)
        #expect(matches.map(\.text) == ["ميرا موراتي"])
        let surname = matcher.matches(of: "Murati", in: document)
        #expect(surname.count == 2)
        #expect(matcher.matches(of: "Sundar Pichai", in: document).isEmpty)
        #expect(document.occurrences(ofLatinName: "Mira Murati", using: matcher).first?.tokenRange.count == 2)
    }

    @Test func preparedQueriesMatchAsNames() throws {
        let matcher = LatinNameMatcher(romanizer: try sharedRomanizer.get())
        let document = try Document("قالت المستشارة أنجيلا ميركل إن برلين تدعم الاتفاق، ورحب ماكرون بتصريحات لميركل.")
        let query = matcher.query(for: "Angela Merkel")
        #expect(query.wordCount == 2 && query.spellings.count == 2 && query.name == "Angela Merkel")
        #expect(matcher.matches(of: query, in: document) == matcher.matches(of: "Angela Merkel", in: document))
        #expect(matcher.matches(of: query, in: document).map(\.text) == ["أنجيلا ميركل"])
        // A narrower spelling window keeps a prefix of the spellings, all near the best.
        var narrow = matcher
        narrow.spellingWindow = 1
        let kept = narrow.query(for: "Merkel").spellings[0], all = matcher.query(for: "Merkel").spellings[0]
        #expect(!kept.isEmpty && kept.count <= all.count && Array(all.prefix(kept.count)) == kept)
        #expect(kept.allSatisfy { $0.score >= kept[0].score - 1 })
        #expect(matcher.query(for: "").wordCount == 0 && matcher.matches(of: matcher.query(for: ""), in: document).isEmpty)
    }

    @Test func articleIsAllowedOnEveryWord() throws {
        #expect(LatinNameMatcher.words(of: "Khalid Al-Falih") == ["Khalid", "Falih"])
        #expect(LatinNameMatcher.words(of: "Akbar Al Baker") == ["Akbar", "Baker"])
        #expect(LatinNameMatcher.words(of: "Al Gore") == ["Al", "Gore"])
        #expect(LatinNameMatcher.words(of: "Jean-Luc  Picard") == ["Jean", "Luc", "Picard"])
        #expect(LatinNameMatcher.words(of: "  ").isEmpty)
        let matcher = LatinNameMatcher(romanizer: try sharedRomanizer.get())
        let document = try Document("وقالت ليلى الراشد إن الفريق جاهز.")
        #expect(matcher.matches(of: "Layla Rashid", in: document).map(\.text) == ["ليلى الراشد"])
        #expect(matcher.matches(of: "Layla Al-Rashid", in: document).map(\.text) == ["ليلى الراشد"])
        // Spelled in Arabic, the article goes back on its word.
        let spelled = try #require(matcher.arabicSpellings(of: "Layla Al-Rashid", top: 3).first?.arabic)
        #expect(spelled.split(separator: " ").count == 2 && spelled.split(separator: " ")[1].hasPrefix("ال"), "\(spelled)")
        #expect(LatinNameMatcher.wordsWithArticles(of: "Akbar Al Baker").map(\.article) == [false, true])
    }

    @Test func romanizerRouteIsAskedOnlyForLikelyShapes() {
        typealias Shape = LatinNameQuery.KeyShape
        // Letters that stand for one another at the start of a name share a class.
        #expect(Shape.letterClass(0x062C) == Shape.letterClass(0x063A))  // ج غ (g)
        #expect(Shape.letterClass(0x062A) == Shape.letterClass(0x0634))  // ت ش (ch)
        #expect(Shape.letterClass(0x0628) == Shape.letterClass(0x0641))  // ب ف (p, f)
        #expect(Shape.letterClass(0x0644) != Shape.letterClass(0x0631))  // ل ر
        #expect(Shape.letterClass(0x0645) != Shape.letterClass(0x0628))  // م ب
    }

    @Test func matchKeyToleratesVowelsAndAlefForms() {
        #expect(ArabicNameFolding.matchKey("موراتي") == ArabicNameFolding.matchKey("مراتى"))
        #expect(ArabicNameFolding.matchKey("أحمد") == ArabicNameFolding.matchKey("احمد"))
        #expect(ArabicNameFolding.matchKey("بوب") != ArabicNameFolding.matchKey("بيت"))
    }
}
