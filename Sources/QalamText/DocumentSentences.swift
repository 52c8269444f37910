extension Document {
    /// The indices of the tokens that lie in `sentence` (every token that overlaps its
    /// byte range), found by binary search; empty when no token does.
    public func tokenRange(of sentence: Sentence) -> Range<Int> {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].end <= sentence.start { low = middle + 1 } else { high = middle }
        }
        var upper = low
        while upper < tokens.count && tokens[upper].start < sentence.end { upper += 1 }
        return low..<upper
    }

    /// The sentences of the document's text (see ``SentenceSplitter``).
    public func sentences(using splitter: SentenceSplitter) throws -> [Sentence] {
        try splitter.split(text)
    }
}
