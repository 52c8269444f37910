import QalamText

/// A document as the event grammar sees it: each token folded, its trigger (if any),
/// and the sentences as token ranges.
struct AnalyzedText {
    /// One token, folded for lookups.
    struct Word {
        let folded: String
        let kind: TokenKind
        var trigger: TriggerMatch?
        /// Whether the word carries tanween (ً ٌ ٍ): an indefinite noun or adverb, never a name.
        var hasTanween = false
        /// Whether the word ends in ta marbuta (ة), which folding writes ه.
        var endsWithTaMarbuta = false
    }

    let document: Document
    private(set) var words: [Word] = []
    /// Sentences as token index ranges, in order.
    private(set) var sentences: [Range<Int>] = []
    /// Whether any token is a trigger (documents without one are not analysed further).
    private(set) var hasTrigger = false

    static let sentenceEnds: WordSet = [".", "!", "?", "؟", "…", "...", "!!", "?!", ".."]
    static let clauseBreaks: WordSet = ["،", ",", "؛", ";", ":", "-", "–", "—"]
    static let quoteScalars: Set<Unicode.Scalar> = ["«", "»", "“", "”", "\"", "(", ")", "‘", "’", "'", "„", "[", "]"]

    init(_ document: Document, triggers: TriggerLexicon) {
        self.document = document
        words.reserveCapacity(document.tokens.count)
        var start = 0
        var source = document.text
        let lineBreaks: [Int] = source.withUTF8 { bytes in bytes.indices.filter { bytes[$0] == 10 } }
        var nextBreak = 0
        for (index, token) in document.tokens.enumerated() {
            let text = document.text(of: token)
            var word: Word
            switch token.kind {
            case .arabicWord, .latinWord, .mixedWord:
                let (folded, tanween) = EventKeyFolding.foldNotingTanween(text)
                word = Word(folded: folded, kind: token.kind, trigger: nil, hasTanween: tanween,
                            endsWithTaMarbuta: text.unicodeScalars.last == "\u{629}")
            default:
                word = Word(folded: String(text), kind: token.kind, trigger: nil)
            }
            if token.kind == .arabicWord, let match = triggers.match(word.folded) {
                word.trigger = match
                hasTrigger = true
            }
            // A line break in the gap before a token starts a new sentence.
            var brokenLine = false
            while nextBreak < lineBreaks.count, lineBreaks[nextBreak] < token.start {
                brokenLine = true
                nextBreak += 1
            }
            if index > start, brokenLine {
                sentences.append(start..<index)
                start = index
            }
            words.append(word)
            if token.kind == .punctuation, Self.sentenceEnds.contains(word.folded) {
                sentences.append(start..<(index + 1))
                start = index + 1
            }
        }
        if start < words.count { sentences.append(start..<words.count) }
    }

    /// Whether token `index` is a quotation mark or bracket.
    func isQuote(_ index: Int) -> Bool {
        let word = words[index]
        return word.kind == .punctuation && word.folded.unicodeScalars.allSatisfy { Self.quoteScalars.contains($0) }
    }

    /// Whether token `index` separates clauses (comma and the like).
    func isClauseBreak(_ index: Int) -> Bool {
        words[index].kind == .punctuation && Self.clauseBreaks.contains(words[index].folded)
    }

    /// Whether token `index` is punctuation other than a quotation mark.
    func isHardPunctuation(_ index: Int) -> Bool {
        (words[index].kind == .punctuation || words[index].kind == .symbol) && !isQuote(index)
    }

    /// The byte offset inside token `index` after its first `letters` letters (and the
    /// marks or tatweel that follow them): used to cut a clitic off a span («لـ», «ك»).
    func byteOffset(in index: Int, afterLetters letters: Int) -> Int {
        let token = document.tokens[index]
        guard letters > 0 else { return token.start }
        var offset = token.start
        var seen = 0
        for scalar in document.text(of: token).unicodeScalars {
            let isMark = scalar.properties.generalCategory == .nonspacingMark || scalar.value == 0x640
            if !isMark {
                if seen == letters { break }
                seen += 1
            }
            offset += String(scalar).utf8.count
        }
        return min(offset, token.end)
    }
}
