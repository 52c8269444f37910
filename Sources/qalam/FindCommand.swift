import ArgumentParser
import Foundation
import Qalam

/// `qalam find`: where names given in Latin script are mentioned in Arabic text.
struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find where names given in Latin script (\"Sundar Pichai\") are mentioned in Arabic text.",
        discussion: """
            Each name is spelled in Arabic script with the romanizer's model read from Latin to \
            Arabic, and the inputs are searched for those spellings with a vowel-tolerant \
            comparison (long vowels, hamza and doubled letters are ignored); a conjunction or \
            preposition attached to the first word is allowed and left outside the mention, as in \
            `qalam tag` («لبيتشاي» → «بيتشاي»), and so is the article on any word. A \
            multi-word name matches where all its words stand in order; with --surname its last \
            word alone matches too.

            Output, one JSON object per mention, in text order: {"name", "text", "start", "end", \
            "match"} (plus "document" when several inputs are read). start/end are Unicode scalar \
            offsets into the input, end exclusive; "match" is "full" or "surname". \
            A name of one word, and a surname with --surname, counts only inside a person the \
            tagger finds, and only its spellings close to the best are searched for (alone, a \
            short name also spells common words). --spellings prints the Arabic spellings \
            searched for, one line per word of each name: NAME<TAB>WORD<TAB>SPELLING…, best \
            first, and reads no input.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("name"), help: ArgumentHelp("A name in Latin script to look for (repeatable).", valueName: "latin"))
    var names: [String] = []

    @Option(help: ArgumentHelp("A file of names in Latin script, one per line ('#' starts a comment line).", valueName: "file"))
    var namesFile: String?

    @Flag(help: "Also report the last word of a multi-word name standing alone (later mentions by surname).")
    var surname = false

    @Flag(help: "Print the Arabic spellings searched for each name instead of searching.")
    var spellings = false

    /// How far below a word's best spelling a name of one word still searches (log10).
    @Option(help: .hidden) var oneWordWindow = LatinNameMatcher.surnameSpellingWindow

    func validate() throws {
        if names.isEmpty && namesFile == nil { throw ValidationError("give at least one --name or a --names-file") }
        for name in names { try Self.check(name, origin: "--name") }
    }

    /// A name must hold a Latin letter: Arabic script needs no look-up (search for it as is).
    static func check(_ name: String, origin: String) throws {
        guard name.unicodeScalars.contains(where: { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }) else {
            throw ValidationError("\(origin) '\(name)' has no Latin letter: give the name in Latin script, such as \"Sundar Pichai\"")
        }
    }

    func run() throws {
        var queried = names
        if let namesFile {
            do { queried += try Self.readNames(namesFile) } catch let error as ValidationError {
                FileHandle.standardError.write(Data("qalam: \(error.message)\n".utf8))
                throw ExitCode.failure
            }
        }
        let matcher: LatinNameMatcher
        do { matcher = try LatinNameMatcher() } catch {
            FileHandle.standardError.write(Data("qalam: cannot load the name romanizer: \(error)\n".utf8))
            throw ExitCode.failure
        }
        // A word alone is less constrained than a sequence of words: names of one word, and
        // surnames searched alone, take only spellings near the word's best.
        var oneWord = matcher
        oneWord.spellingWindow = oneWordWindow
        let queries = queried.map { name in
            LatinNameMatcher.words(of: name).count == 1 ? oneWord.query(for: name) : matcher.query(for: name)
        }
        let surnames: [LatinNameQuery?] = queries.map { query in
            guard surname, query.wordCount > 1, let last = LatinNameMatcher.words(of: query.name).last else { return nil }
            return oneWord.query(for: String(last))
        }
        // A word alone counts only where the tagger finds a person: alone, a short name's
        // spellings also match common words («البنك», «إلى»).
        var tagger: EntityTagger?
        if !spellings && (queries.contains { $0.wordCount == 1 } || surnames.contains { $0 != nil }) {
            do { tagger = try EntityTagger() } catch {
                FileHandle.standardError.write(Data("qalam: cannot load the entity tagger: \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
        var output = OutputWriter()
        if spellings {
            for query in queries {
                for (word, options) in zip(LatinNameMatcher.words(of: query.name), query.spellings) {
                    output.write("\(query.name)\t\(word)\t\(options.map(\.arabic).joined(separator: "\t"))\n")
                }
            }
            output.flush()
            return
        }
        let report = FailureReport()
        let sources = InputCollector.collect(input.paths, report: report)
        let nameDocuments = sources.count > 1
        for source in sources {
            do {
                let text = try source.readText(options: input)
                let document = try Document(text)
                let persons = tagger.map { tagger in
                    tagger.entities(in: document).filter { $0.type == .person }.map(\.tokenRange)
                } ?? []
                let isPerson = { (match: NameMatch) in persons.contains { $0.contains(match.tokenRange.lowerBound) } }
                var found: [(match: NameMatch, name: String, kind: String)] = []
                for (query, surnameQuery) in zip(queries, surnames) {
                    var full = matcher.matches(of: query, in: document)
                    if query.wordCount == 1 { full = full.filter(isPerson) }
                    found += full.map { ($0, query.name, "full") }
                    if let surnameQuery {
                        // A surname inside a full mention is that mention, not another one.
                        found += matcher.matches(of: surnameQuery, in: document)
                            .filter { alone in isPerson(alone) && !full.contains { $0.tokenRange.overlaps(alone.tokenRange) } }
                            .map { ($0, query.name, "surname") }
                    }
                }
                found.sort { ($0.match.start, $0.match.end, $0.name) < ($1.match.start, $1.match.end, $1.name) }
                let documentField = nameDocuments ? "\"document\":\(JSON.quoted(source.displayName))," : ""
                for (match, name, kind) in found {
                    let range = document.scalarRange(of: match.start..<match.end)
                    output.write("{\(documentField)\"name\":\(JSON.quoted(name)),\"text\":\(JSON.quoted(match.text)),\"start\":\(range.lowerBound),\"end\":\(range.upperBound),\"match\":\"\(kind)\"}\n")
                }
            } catch {
                report.fail(source.path, error)
            }
        }
        output.flush()
        try report.finish()
    }

    /// The names of a names file: one per line, blank lines and `#` lines skipped; each must
    /// hold a Latin letter. Errors name the file (and the line).
    static func readNames(_ path: String) throws -> [String] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ValidationError("\(path): cannot read the names file (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("\(path): the names file is not valid UTF-8")
        }
        var result: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let name = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if name.isEmpty || name.hasPrefix("#") { continue }
            try check(name, origin: "\(path):\(number + 1):")
            result.append(name)
        }
        guard !result.isEmpty else { throw ValidationError("\(path): the names file holds no name") }
        return result
    }
}
