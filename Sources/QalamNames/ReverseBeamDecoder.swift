/// The Latin → Arabic beam search of ``LatinNameMatcher``: the graphone model read with
/// its Latin side as input. Graphones with an empty Latin side are not used (every
/// generated Arabic letter must stand for some Latin letters).
struct ReverseBeamDecoder {
    private let model: RomanizerModel
    private let beamWidth: Int

    init(model: RomanizerModel, beamWidth: Int) {
        self.model = model
        self.beamWidth = max(1, beamWidth)
    }

    /// The Arabic spellings found for lower-case Latin `letters`, with log10 joint probabilities.
    mutating func decode(_ letters: [UInt8]) -> [(String, Double)] {
        let start = model.startHistory
        var buckets = [[Hypothesis]](repeating: [], count: letters.count + 1)
        buckets[0] = [Hypothesis(score: 0, history: start, arabic: [])]
        for position in 0..<letters.count {
            let beam = Self.prune(buckets[position], width: beamWidth)
            for span in 1...3 where position + span <= letters.count {
                guard let options = model.graphonesByLatin[Array(letters[position..<(position + span)])] else { continue }
                for graphone in options {
                    for hypothesis in beam {
                        let score = hypothesis.score + model.logProbability(history: hypothesis.history, graphone: graphone)
                        let history = model.advance(hypothesis.history, by: graphone)
                        buckets[position + span].append(Hypothesis(score: score, history: history,
                                                                   arabic: hypothesis.arabic + model.graphoneArabic[Int(graphone)]))
                    }
                }
            }
        }
        return Self.prune(buckets[letters.count], width: beamWidth).map { hypothesis in
            let final = hypothesis.score + model.logProbability(history: hypothesis.history, graphone: RomanizerModel.endID)
            var text = String.UnicodeScalarView()
            for value in hypothesis.arabic { if let scalar = Unicode.Scalar(value) { text.append(scalar) } }
            return (String(text), Double(final))
        }
    }

    private struct Hypothesis {
        var score: Float
        var history: UInt64
        var arabic: [UInt32]
    }

    /// The best `width` hypotheses, one per n-gram history.
    private static func prune(_ hypotheses: [Hypothesis], width: Int) -> [Hypothesis] {
        var kept: [Hypothesis] = []
        for hypothesis in hypotheses.sorted(by: { $0.score > $1.score }) {
            if kept.contains(where: { $0.history == hypothesis.history }) { continue }
            kept.append(hypothesis)
            if kept.count == width { break }
        }
        return kept
    }
}
