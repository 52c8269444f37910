/// The tagger's learned second stage (stacking, after Krishnan & Manning 2006): a second
/// perceptron that re-tags a text given what the first pass tagged — the word's and its
/// neighbours' first-pass tags, how sure the first pass was, and how the same word and the
/// same word sequence were tagged elsewhere within ``window`` sentences
/// (``SecondStageFeatures``).
///
/// With ``residual`` (the setting shipped), the first pass's emission scores and
/// per-position transition tables are the starting point and the second stage's weights
/// are added to them; it is trained on first-pass output of models that had not seen the
/// sentence (``SecondStageTrainer``).
public struct SecondStage: Sendable {
    /// The weights: a hashed table of ``BIOTag/count`` weights per row and a transition
    /// table added to the first pass's.
    public let weights: NERModel
    /// Sentences before and after a word within which its other occurrences are counted.
    public let window: Int
    /// Whether the first pass's scores are the starting point (else the second stage
    /// scores from its features alone).
    public let residual: Bool
    /// Whether the label-consistency rules (``EntityPropagation``) still run afterwards.
    public let propagation: Bool
    /// Feature templates left out (bit `t - 1` for template `t` of ``SecondStageFeatures``).
    public var disabledTemplates: UInt32 = 0
    /// Factor on the first pass's scores when ``residual``.
    public var baseScale: Float = 1

    /// A second stage from its weights and settings.
    public init(weights: NERModel, window: Int, residual: Bool, propagation: Bool) {
        self.weights = weights
        self.window = window
        self.residual = residual
        self.propagation = propagation
    }

    /// The second stage's best tags for each sentence of a text; `tables` is the store the
    /// sentences' table numbers point into.
    func paths(_ sentences: [FirstPassSentence], tables: [Float]) -> [[Int]] {
        let rows = SecondStageFeatures.rows(sentences, window: window, rowBits: weights.rowBits, disabled: disabledTemplates)
        var combined = CombinedTables(stage: self)
        return zip(sentences, rows).map { sentence, rows in
            guard sentence.count > 0 else { return [] }
            let emissions = scores(sentence, rows: rows)
            let index = sentence.tableIndex.map { combined.table($0, from: tables) }
            return ViterbiDecoder.decode(emissions: emissions, count: sentence.count, tables: combined.tables, tableIndex: index)
        }
    }

    /// Emission scores: the first pass's (when ``residual``) plus the rows' weights.
    func scores(_ sentence: FirstPassSentence, rows: [UInt32]) -> [Float] {
        let tags = BIOTag.count, per = SecondStageFeatures.rowsPerPosition
        var emissions = residual ? sentence.emissions.map { $0 * baseScale } : [Float](repeating: 0, count: sentence.count * tags)
        emissions.withUnsafeMutableBufferPointer { target in
            guard let start = target.baseAddress, target.count >= sentence.count * tags else { return }
            for position in 0..<sentence.count {
                for row in rows[(position * per)..<((position + 1) * per)] {
                    weights.addWeights(ofRow: row, to: start + position * tags)
                }
            }
        }
        return emissions
    }

    /// First-pass transition tables with the second stage's transitions added, built once
    /// per first-pass table used.
    struct CombinedTables {
        let stage: SecondStage
        /// The second stage's transitions, disallowed pairs at -infinity.
        private let own: [Float]
        /// Combined table number per first-pass table number, -1 when not built yet.
        private var numbers: [Int32] = []
        /// The combined tables, ``TransitionFeatures/cells`` floats each.
        private(set) var tables: [Float] = []

        init(stage: SecondStage) {
            self.stage = stage
            own = TransitionFeatures.masked(stage.weights.transitions) ?? [Float](repeating: 0, count: TransitionFeatures.cells)
            if !stage.residual { tables = own }
        }

        /// The combined table for first-pass table `number` of `base`.
        mutating func table(_ number: Int, from base: [Float]) -> Int {
            guard stage.residual else { return 0 }
            let cells = TransitionFeatures.cells
            if numbers.count <= number { numbers += repeatElement(-1, count: number + 1 - numbers.count) }
            if numbers[number] >= 0 { return Int(numbers[number]) }
            let result = tables.count / cells
            guard (number + 1) * cells <= base.count else {
                tables += own
                numbers[number] = Int32(result)
                return result
            }
            for cell in 0..<cells { tables.append(base[number * cells + cell] * stage.baseScale + own[cell]) }
            numbers[number] = Int32(result)
            return result
        }
    }
}
