import Synchronization

/// The word scores (and the transition tables built from them, ``TransitionWeightCache``)
/// an ``EntityTagger`` keeps from one document to the next.
///
/// A word type's features (clitic segmentation, look-ups in every list, about seventy
/// hashed rows) are computed the first time the word is seen and summed into its
/// ``WordScoreCache`` slot; before this store, that memo lived for one document only, so
/// a stream of short articles paid the first-sight cost for nearly every token. The
/// scores are a pure function of the word's text and kind, so reusing them changes no
/// result.
///
/// A call checks the memo out and back in: a concurrent call finds it taken and works
/// with a fresh one, so threads never wait on each other while tagging. A memo that has
/// grown past ``limit`` word types is dropped instead of kept (memory stays bounded, at
/// about 60 MB).
final class WordScoreStore: Sendable {
    /// Most word types kept between documents.
    static let limit = 1 << 18

    /// What is kept: the word-score memo and the transition tables.
    struct Memo: Sendable {
        var words: WordScoreCache
        var transitions: TransitionWeightCache
    }

    private let stored = Mutex<Memo?>(nil)

    /// The kept memo, now owned by the caller, or `nil` when there is none or another call
    /// holds it.
    func checkOut() -> Memo? {
        stored.withLock { cache in
            let taken = cache
            cache = nil
            return taken
        }
    }

    /// Keeps `cache` for the next call, unless it is over the limit or a larger memo was
    /// checked in meanwhile.
    func checkIn(_ memo: Memo) {
        guard memo.words.wordCount <= Self.limit else { return }
        stored.withLock { kept in
            if (kept?.words.wordCount ?? 0) < memo.words.wordCount { kept = memo }
        }
    }

    /// Forgets the kept memo.
    func clear() {
        stored.withLock { $0 = nil }
    }
}
