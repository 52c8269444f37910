import QalamText

/// Remembers the parts of full person names found in a text, and tags later mentions of
/// a part alone («... بيرتي» after «ماريا بيرتي») that the model left outside: the
/// pre-tokenized counterpart of ``PersonMentionRules`` rule 3, for `tags(forSentences:)`.
struct NameMemory {
    let extractor: NERFeatureExtractor
    private var stems: [String: (key: UInt64, hasProclitic: Bool)] = [:]
    private var conjunctions: [String: Bool] = [:]

    init(extractor: NERFeatureExtractor) { self.extractor = extractor }

    /// Folded stem hash of a token and whether it starts with a proclitic (memoized).
    mutating func analyse(_ token: String) -> (key: UInt64, hasProclitic: Bool) {
        if let known = stems[token] { return known }
        let segments = extractor.segmenter.segment(token)
        let answer = (ArabicFolding.foldedHash(extractor.segmenter.stem(of: token[...])), segments.first?.role == .proclitic)
        stems[token] = answer
        return answer
    }

    /// Whether the segmenter cuts the conjunction و off the front of `token` (memoized).
    mutating func startsWithConjunction(_ token: String) -> Bool {
        if let known = conjunctions[token] { return known }
        let answer = extractor.segmenter.segment(token).first.map { $0.role == .proclitic && $0.form == "و" } ?? false
        conjunctions[token] = answer
        return answer
    }

    /// Sentences before and after a mention within which a name part is remembered
    /// (pre-tokenized input has no document boundaries).
    static let window = 15
    /// Stem count (in the segmenter's lexicon) above which a word is too common to be
    /// remembered as a name part.
    static let frequentWord = 150
    /// Names this long (in tokens) or longer lend their parts to the memory.
    static let minimumNameTokens = 2

    /// Tags, sentence by sentence, with remembered name parts added.
    mutating func apply(to tags: [[BIOTag]], sentences: [[String]]) -> [[BIOTag]] {
        // Where each name part was seen in a full name: sentence indices.
        var seen: [UInt64: [Int]] = [:]
        for (sentenceIndex, (sentence, sentenceTags)) in zip(sentences, tags).enumerated() {
            for chunk in BIOChunker.chunks(sentenceTags) where chunk.type == .person && chunk.range.count >= Self.minimumNameTokens {
                for index in chunk.range {
                    let token = sentence[index]
                    if !extractor.gazetteer.membership(of: token).isDisjoint(with: [.role, .personTrigger]) { continue }
                    if token.unicodeScalars.count < 3 || TokenKind.classify(token.unicodeScalars) != .arabicWord { continue }
                    let key = analyse(token).key
                    if extractor.segmenter.lexicon.count(key) > Self.frequentWord { continue }
                    seen[key, default: []].append(sentenceIndex)
                }
            }
        }
        let begin = BIOTag(.person, begin: true), inside = BIOTag(.person, begin: false)
        var result = tags
        // A word inside a person span that starts with the conjunction و opens another person.
        for (sentenceIndex, sentence) in sentences.enumerated() {
            for index in sentence.indices.dropFirst()
            where result[sentenceIndex][index] == inside && result[sentenceIndex][index - 1].type == .person && startsWithConjunction(sentence[index]) {
                result[sentenceIndex][index] = begin
            }
        }
        // Two person spans side by side, the second without a conjunction, are one name.
        for (sentenceIndex, sentence) in sentences.enumerated() {
            for index in sentence.indices.dropFirst()
            where result[sentenceIndex][index] == begin && result[sentenceIndex][index - 1].type == .person && !analyse(sentence[index]).hasProclitic {
                result[sentenceIndex][index] = inside
            }
        }
        // A name does not end in a nasab or kunya word (بن, أبو …): take in the next word.
        for (sentenceIndex, sentence) in sentences.enumerated() {
            for index in sentence.indices.dropLast()
            where result[sentenceIndex][index].type == .person && result[sentenceIndex][index + 1] == .outside
                && PersonMentionRules.endsNameOpen(sentence[index])
                && TokenKind.classify(sentence[index + 1].unicodeScalars) == .arabicWord {
                result[sentenceIndex][index + 1] = inside
            }
        }
        guard !seen.isEmpty else { return result }
        // A one-word entity of another type that is a remembered name part, and no listed
        // place or organization, is that person (``PersonMentionRules`` rule 3b).
        let rules = PersonMentionRules(extractor: extractor)
        for (sentenceIndex, sentence) in sentences.enumerated() {
            for chunk in BIOChunker.chunks(result[sentenceIndex]) where chunk.type != .person && chunk.range.count == 1 {
                let token = sentence[chunk.range.lowerBound]
                guard TokenKind.classify(token.unicodeScalars) == .arabicWord,
                    let places = seen[analyse(token).key], places.contains(where: { abs($0 - sentenceIndex) <= Self.window }),
                    !rules.isListedPlaceOrOrganization(token[...]) else { continue }
                result[sentenceIndex][chunk.range.lowerBound] = begin
            }
        }
        for (sentenceIndex, sentence) in sentences.enumerated() {
            for (index, token) in sentence.enumerated() where result[sentenceIndex][index] == .outside {
                guard TokenKind.classify(token.unicodeScalars) == .arabicWord else { continue }
                let (key, hasProclitic) = analyse(token)
                guard let places = seen[key], places.contains(where: { abs($0 - sentenceIndex) <= Self.window }) else { continue }
                let previous = index > 0 ? result[sentenceIndex][index - 1] : .outside
                let continues = previous.type == .person && !hasProclitic
                result[sentenceIndex][index] = continues ? inside : begin
            }
        }
        return result
    }
}
