"""The text both word clusterings read (`build_word_clusters.py`, `build_brown_clusters.py`):
the unlabeled news, one article per line, cut into words, and the sentences of a CoNLL
training file (first column), every word folded (`arabic_fold.fold`)."""
import re
from collections import Counter

from arabic_fold import fold

# Words seen fewer times get no class (5 until the tenth round of the tagger).
MIN_COUNT = 3

# Arabic letters (with harakat and tatweel), Latin letters, digits, or any other single character.
WORD = re.compile(r"[\u0621-\u064A\u0640\u064B-\u0652\u0670]+|[A-Za-z]+|[0-9]+|[^\sA-Za-z0-9\u0621-\u064A]")


def read_sentences(news_path, train_path):
    """Lists of folded words: the news articles first, then the training sentences."""
    sentences = []
    with open(news_path, encoding="utf-8") as f:
        for line in f:
            sentences.append([fold(t) for t in WORD.findall(line)])
    with open(train_path, encoding="utf-8") as f:
        current = []
        for line in f:
            parts = line.split()
            if not parts:
                if current:
                    sentences.append(current)
                current = []
            else:
                current.append(fold(parts[0]))
        if current:
            sentences.append(current)
    return sentences


def vocabulary(sentences):
    """The words both clusterings class: seen at least MIN_COUNT times, most frequent first
    (ties in code-point order)."""
    counts = Counter(t for s in sentences for t in s)
    return sorted((w for w, c in counts.items() if c >= MIN_COUNT), key=lambda w: (-counts[w], w))


def lexicon_words(vocab):
    """The words of `vocab` a word<TAB>… lexicon line can hold, in code-point order: not empty,
    no tab, not starting with '#' (a comment line)."""
    return [w for w in sorted(vocab) if w and "\t" not in w and not w.startswith("#")]
