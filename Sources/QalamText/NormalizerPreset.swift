extension Normalizer {
    /// Named sets of normalization steps.
    public enum Preset: String, Sendable, CaseIterable {
        /// For matching and search: NFKC, every removal (diacritics, Quranic marks, tatweel,
        /// bidi controls, zero-width characters) and every fold (Persian letters, hamza
        /// seats, alef forms, alef maqsura, taa marbuta, digits to ASCII).
        /// «أَحْمَدُ إلى مدرسةٍ العـــربية ﻻ» → «احمد الي مدرسه العربيه لا».
        case search
        /// For showing text: NFC, tatweel, bidi controls and zero-width characters removed;
        /// every letter, mark and digit kept as written.
        case display

        /// The steps of the preset, in the order they run.
        public var steps: [NormalizationStep] {
            switch self {
            case .search:
                NormalizationStep.allCases.filter { $0 != .nfc }
            case .display:
                [.nfc, .removeTatweel, .removeBidiControls, .removeZeroWidth]
            }
        }
    }
}
