"""Builds Lexicons/names/translit-trigrams.tsv: how much a letter trigram looks like
a transliterated foreign name rather than an ordinary Arabic word.

Foreign side: the Arabic words of ../shared/data/translit/ar2en-train.tsv (TRAIN split).
Native side: Arabic words tagged O in ../shared/data/anercorp/train.txt (TRAIN split).
Both are counted by word type, folded, with ^ and $ marking the word's ends; the value is
log P(trigram | foreign) - log P(trigram | native), add-one smoothed, rounded to 0.01.

    python3 Lexicons/scripts/build_translit_trigrams.py ../shared/data/translit/ar2en-train.tsv \
        ../shared/data/anercorp/train.txt > Lexicons/names/translit-trigrams.tsv
"""
import math
import sys
from collections import Counter

from arabic_fold import fold, is_arabic_word


def trigrams(word):
    w = "^" + word + "$"
    return [w[i:i + 3] for i in range(len(w) - 2)]


foreign_words, native_words = set(), set()
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        for part in line.split("\t")[0].split():
            if is_arabic_word(part):
                foreign_words.add(fold(part))
with open(sys.argv[2], encoding="utf-8") as f:
    for line in f:
        parts = line.split()
        if len(parts) == 2 and parts[1] == "O" and is_arabic_word(parts[0]):
            native_words.add(fold(parts[0]))
native_words -= foreign_words
fc, nc = Counter(), Counter()
for w in foreign_words:
    fc.update(trigrams(w))
for w in native_words:
    nc.update(trigrams(w))
vocab = set(fc) | set(nc)
ft, nt, v = sum(fc.values()), sum(nc.values()), len(vocab)
print("# Letter-trigram log-odds: transliterated foreign name vs ordinary Arabic word (folded letters, ^ $ = word ends).")
print("# Sources: Arabic side of ../shared/data/translit/ar2en-train.tsv (google/transliteration, Apache-2.0) and")
print("# O-tagged words of ../shared/data/anercorp/train.txt (CC BY-SA 4.0); train splits only; counts by word type.")
print("# Regenerate: python3 Lexicons/scripts/build_translit_trigrams.py ../shared/data/translit/ar2en-train.tsv ../shared/data/anercorp/train.txt > Lexicons/names/translit-trigrams.tsv")
print(f"# {len(foreign_words)} foreign and {len(native_words)} native word types. Format: trigram<TAB>log-odds.")
for g in sorted(vocab):
    lo = math.log((fc[g] + 1) / (ft + v)) - math.log((nc[g] + 1) / (nt + v))
    if abs(lo) >= 0.2:
        print(f"{g}\t{lo:.2f}")
