import ArgumentParser
import Foundation
@_spi(Training) import QalamNames
import QalamText

/// `qalam eval translit`: top-1 / top-5 accuracy and character error rate of the name
/// romanizer on a gold file of Arabic TAB Latin pairs.
struct EvalTranslitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translit",
        abstract: "Score the name romanizer on ARABIC<TAB>LATIN pairs.",
        discussion: """
            Prints the number of pairs, top-1 and top-5 exact-match accuracy (case-insensitive), \
            the mean character error rate of the best candidate (edit distance / length of the \
            gold spelling, case-insensitive) and the romanization speed (names/s, one thread, \
            word cache off). Lines starting with '#' and blank lines are skipped; a line without \
            a tab is an error that stops the run.
            """
    )

    @Option(help: ArgumentHelp("Gold file: one ARABIC<TAB>LATIN pair per line.", valueName: "file"))
    var gold: String

    @Option(help: ArgumentHelp("Model file instead of the shipped one.", valueName: "file"))
    var model: String?

    @Option(help: ArgumentHelp("Latin name lexicon instead of the shipped one.", valueName: "file"))
    var names: String?

    @Option(help: ArgumentHelp("World name lexicon (NAME<TAB>LOCALES) instead of the shipped one.", valueName: "file"))
    var worldNames: String?

    @Option(help: ArgumentHelp("US census 2010/2020 name lexicon (NAME<TAB>BUCKET) instead of the shipped one.", valueName: "file"))
    var censusCounts: String?

    @Option(help: ArgumentHelp("Voter-file name lexicon (NAME<TAB>1) instead of the shipped one.", valueName: "file"))
    var voterNames: String?

    @Flag(help: .hidden) var noUsNames = false

    @Flag(help: "Leave out the curated table of usual spellings of Arabic names (model candidates only).")
    var noNameTable = false

    @Flag(help: "Score the other direction: Latin → Arabic spellings, and whether the Latin name is found in the Arabic text (vowel-tolerant lookup).")
    var reverse = false

    @Option(help: ArgumentHelp("Print up to N pairs whose best candidate is wrong.", valueName: "n"))
    var showErrors: Int = 0

    @Option(help: .hidden) var beam: Int?
    @Option(help: .hidden) var graphones: Int?
    @Option(help: .hidden) var censusBonus: Double?
    @Option(help: .hidden) var censusRankWeight: Double?
    @Option(help: .hidden) var trainingBonus: Double?
    @Option(help: .hidden) var lexiconBeam: Int?
    @Option(help: .hidden) var lexiconGraphones: Int?
    @Option(help: .hidden) var lexiconThreshold: Double?
    @Option(help: .hidden) var threshold: Double?
    @Option(help: .hidden) var worldBonus: Double?
    @Option(help: .hidden) var worldLocaleWeight: Double?
    @Option(help: .hidden) var lexiconMaxGap: Double?
    @Option(help: .hidden) var censusCountBonus: Double?
    @Option(help: .hidden) var censusCountWeight: Double?
    @Option(help: .hidden) var voterBonus: Double?
    @Flag(help: "Leave out the table of Egyptian names (no bonus for their listed spellings).")
    var noEgyptianNames = false
    @Option(help: .hidden) var egyptianBonus: Double?
    @Option(help: .hidden) var egyptianDecay: Double?
    @Option(help: .hidden) var egyptianInsertGap: Double?
    @Flag(help: "Leave out the skeleton pass (known names whose consonant skeleton is the word's).")
    var noSkeletons = false
    @Option(help: .hidden) var skeletonBeam: Int?
    @Option(help: .hidden) var skeletonGraphones: Int?
    @Option(help: .hidden) var skeletonThreshold: Double?
    @Option(help: .hidden) var channelWeight: Double?
    @Option(help: .hidden) var channelCandidates: Int?
    @Option(help: .hidden) var channelMaxGap: Double?
    @Option(help: .hidden) var channelBeam: Int?
    @Option(help: .hidden) var channelGraphones: Int?
    /// Writes the n-best list of every one-word pair (INDEX, GOLD, CANDIDATE, SCORE, then the
    /// reranker's features, named in a `#` header line) for reranker training.
    @Option(help: .hidden) var nbestOut: String?
    @Option(help: .hidden) var nbest: Int = 32
    /// `LatinNameMatcher.spellingWindow` for `--reverse` (default: unbounded).
    @Option(help: .hidden) var spellingWindow: Double?
    @Flag(help: "Leave out the n-best reranker (the default ranking alone).")
    var noRerank = false
    @Option(help: ArgumentHelp("Rerank with this reranker file (trees or linear weights) instead of the shipped one.", valueName: "file"))
    var reranker: String?

    func run() throws {
        let text: String
        do { text = try String(contentsOfFile: gold, encoding: .utf8) } catch {
            throw ValidationError("cannot read \(gold): \(error.localizedDescription)")
        }
        var pairs: [(arabic: String, latin: String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else { throw ValidationError("\(gold):\(index + 1): expected ARABIC<TAB>LATIN") }
            pairs.append((String(fields[0]), String(fields[1])))
        }
        guard !pairs.isEmpty else { throw ValidationError("\(gold): no pairs") }

        let loadStarted = ContinuousClock.now
        var loaded = try RomanizerModel.load(modelURL: model.map { URL(fileURLWithPath: $0) },
                                             namesURL: names.map { URL(fileURLWithPath: $0) },
                                             worldNamesURL: worldNames.map { URL(fileURLWithPath: $0) },
                                             censusCountsURL: censusCounts.map { URL(fileURLWithPath: $0) },
                                             voterNamesURL: voterNames.map { URL(fileURLWithPath: $0) })
        if noUsNames { loaded = loaded.withoutUSNameLists() }
        var settings = NameRomanizer.Configuration()
        settings.cacheLimit = 0
        if let beam { settings.beamWidth = beam }
        if let graphones { settings.graphonesPerLetter = graphones }
        if let censusBonus { settings.censusBonus = censusBonus }
        if let censusRankWeight { settings.censusRankWeight = censusRankWeight }
        if let trainingBonus { settings.trainingBonus = trainingBonus }
        if let lexiconBeam { settings.lexiconBeamWidth = lexiconBeam }
        if let lexiconGraphones { settings.lexiconGraphonesPerLetter = lexiconGraphones }
        if let lexiconThreshold { settings.lexiconPruningThreshold = lexiconThreshold }
        if let threshold { settings.pruningThreshold = threshold }
        if let worldBonus { settings.worldBonus = worldBonus }
        if let worldLocaleWeight { settings.worldLocaleWeight = worldLocaleWeight }
        if let lexiconMaxGap { settings.lexiconMaxGap = lexiconMaxGap }
        if let censusCountBonus { settings.censusCountBonus = censusCountBonus }
        if let censusCountWeight { settings.censusCountWeight = censusCountWeight }
        if let voterBonus { settings.voterBonus = voterBonus }
        if let egyptianBonus { settings.egyptianNameBonus = egyptianBonus }
        if let egyptianDecay { settings.egyptianNameDecay = egyptianDecay }
        if let egyptianInsertGap { settings.egyptianNameInsertGap = egyptianInsertGap }
        if let skeletonBeam { settings.skeletonBeamWidth = skeletonBeam }
        if let skeletonGraphones { settings.skeletonGraphonesPerLetter = skeletonGraphones }
        if let skeletonThreshold { settings.skeletonPruningThreshold = skeletonThreshold }
        if let channelWeight { settings.channelWeight = channelWeight }
        if let channelCandidates { settings.channelCandidates = channelCandidates }
        if let channelMaxGap { settings.channelMaxGap = channelMaxGap }
        if let channelBeam { settings.channelBeamWidth = channelBeam }
        if let channelGraphones { settings.channelGraphonesPerSpan = channelGraphones }
        var weights: RomanizerReranker?
        if !noRerank || reranker != nil {
            if let reranker {
                let url = URL(fileURLWithPath: reranker)
                let data: Data
                do { data = try Data(contentsOf: url) } catch {
                    throw ValidationError("cannot read \(reranker): \(error.localizedDescription)")
                }
                weights = try RomanizerReranker(data: data, path: reranker)
            } else {
                weights = try RomanizerReranker.shipped()
            }
        }
        let romanizer = NameRomanizer(model: loaded, configuration: settings, reranker: weights,
                                      spellings: noNameTable ? nil : try ArabicNameSpellings.shipped(),
                                      egyptianNames: noEgyptianNames ? nil : try EgyptianNameSpellings.shipped(),
                                      skeletons: noSkeletons ? nil : try NameSkeleton.shipped())
        let loadTime = ContinuousClock.now - loadStarted
        if reverse {
            var matcher = LatinNameMatcher(romanizer: romanizer)
            if let spellingWindow { matcher.spellingWindow = spellingWindow }
            try scoreReverse(pairs, matcher: matcher)
            return
        }

        if let nbestOut {
            // One line per candidate of each one-word pair (reranker training data; words of the
            // Arabic-name table and multi-word names are left out): the default ranking's first
            // `nbest` spellings of the word, whatever `--no-rerank` says, with the reranker's features.
            var lines = "# qalam eval translit --nbest-out: the default ranking of each one-word pair, best first.\n"
            lines += "#\tindex\tgold\tcandidate\tscore\t" + RomanizerReranker.featureNames.joined(separator: "\t") + "\n"
            for (index, pair) in pairs.enumerated() {
                let words = pair.arabic.split(whereSeparator: { $0.isWhitespace })
                guard words.count == 1 else { continue }
                for candidate in romanizer.rerankerFeatures(ofWord: String(words[0]), top: nbest) {
                    lines += "\(index)\t\(pair.latin.lowercased())\t\(candidate.latin)\t\(candidate.score)\t"
                        + candidate.features.map { String($0) }.joined(separator: "\t") + "\n"
                }
            }
            do { try lines.write(toFile: nbestOut, atomically: true, encoding: .utf8) } catch {
                throw ValidationError("cannot write \(nbestOut): \(error.localizedDescription)")
            }
        }
        var top1 = 0, top5 = 0
        var errorRate = 0.0
        var shown = 0
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        for pair in pairs {
            let started = clock.now
            let candidates = romanizer.romanize(pair.arabic, top: 5)
            elapsed += clock.now - started
            let goldLatin = pair.latin.lowercased()
            let guesses = candidates.map { $0.latin.lowercased() }
            if guesses.first == goldLatin { top1 += 1 }
            if guesses.contains(goldLatin) { top5 += 1 }
            let best = guesses.first ?? ""
            errorRate += Double(EditDistance.between(Array(best.unicodeScalars), Array(goldLatin.unicodeScalars)))
                / Double(max(1, goldLatin.unicodeScalars.count))
            if guesses.first != goldLatin, shown < showErrors {
                shown += 1
                print("\(pair.arabic)\t\(pair.latin)\t\(guesses.joined(separator: " "))")
            }
        }
        let count = Double(pairs.count)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("pairs\t\(pairs.count)")
        print("top1\t\(String(format: "%.4f", Double(top1) / count))")
        print("top5\t\(String(format: "%.4f", Double(top5) / count))")
        print("cer\t\(String(format: "%.4f", errorRate / count))")
        print("names_per_second\t\(String(format: "%.0f", count / max(seconds, 1e-9)))")
        print("load_seconds\t\(String(format: "%.3f", Double(loadTime.components.attoseconds) / 1e18 + Double(loadTime.components.seconds)))")
    }
}

extension EvalTranslitCommand {
    /// Latin → Arabic: top-1/top-5 exact spelling (harakat and tatweel ignored), CER of the
    /// best spelling, the share of pairs whose Latin name the matcher finds in the Arabic, and
    /// the share found in the next pair's Arabic instead (false hits).
    func scoreReverse(_ pairs: [(arabic: String, latin: String)], matcher: LatinNameMatcher) throws {
        func bare(_ text: String) -> String {
            String(String.UnicodeScalarView(text.unicodeScalars.filter { !(0x064B...0x0652).contains($0.value) && $0.value != 0x0640 }))
        }
        var top1 = 0, top5 = 0, found = 0, falseFound = 0
        var errorRate = 0.0
        var shown = 0
        for (index, pair) in pairs.enumerated() {
            let gold = bare(pair.arabic)
            let guesses = matcher.arabicSpellings(of: pair.latin, top: 5).map { bare($0.arabic) }
            if guesses.first == gold { top1 += 1 }
            if guesses.contains(gold) { top5 += 1 }
            errorRate += Double(EditDistance.between(Array((guesses.first ?? "").unicodeScalars), Array(gold.unicodeScalars)))
                / Double(max(1, gold.unicodeScalars.count))
            let document = try Document(pair.arabic)
            // A false hit: this Latin name found in the next pair's (different) Arabic name.
            let other = pairs[(index + 1) % pairs.count]
            if other.latin.lowercased() != pair.latin.lowercased(),
               !matcher.matches(of: pair.latin, in: try Document(other.arabic)).isEmpty { falseFound += 1 }
            if !matcher.matches(of: pair.latin, in: document).isEmpty { found += 1 }
            else if shown < showErrors {
                shown += 1
                print("\(pair.latin)\t\(pair.arabic)\t\(guesses.joined(separator: " "))")
            }
        }
        let count = Double(pairs.count)
        print("pairs\t\(pairs.count)")
        print("top1\t\(String(format: "%.4f", Double(top1) / count))")
        print("top5\t\(String(format: "%.4f", Double(top5) / count))")
        print("cer\t\(String(format: "%.4f", errorRate / count))")
        print("found\t\(String(format: "%.4f", Double(found) / count))")
        print("false_found\t\(String(format: "%.4f", Double(falseFound) / count))")
    }
}

/// Levenshtein distance between two sequences.
enum EditDistance {
    /// The number of insertions, deletions and substitutions turning `a` into `b`.
    static func between<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

