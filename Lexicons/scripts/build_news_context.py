"""Builds Lexicons/names/news-context.tsv: how each word behaves in unlabeled news.

For every folded Arabic word seen at least MIN_COUNT times (as a bare word or after the
article) in the SaudiNewsNet sample, three bucketed ratios that separate proper nouns
from common words without labels:
  article  - share of its uses that carry the article ال (names rarely do),
  given    - share of its bare uses right after a listed given name (surnames),
  trigger  - share of its bare uses right after a person trigger (قال، السيد، الرئيس …).
Buckets: 0 = never, then 1..4 for <2 %, <10 %, <40 %, ≥40 %.

    python3 Lexicons/scripts/build_news_context.py ../shared/data/news/saudinewsnet-sample.txt \
        > Lexicons/names/news-context.tsv
"""
import os
import re
import sys
from collections import Counter

from arabic_fold import fold

MIN_COUNT = 3
here = os.path.dirname(os.path.abspath(__file__))


def load(path):
    out = set()
    with open(os.path.join(here, "..", path), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                out.add(fold(line.split("\t")[0].split()[0]))
    return out


given = load("names/arabic-given.txt") | load("names/common-names.txt")
triggers = load("gazetteers/person-triggers.txt")
bare, article, after_given, after_trigger = Counter(), Counter(), Counter(), Counter()
word_re = re.compile(r"[\u0621-\u064A\u0640\u064B-\u0652\u0670]+|[^\s\u0621-\u064A]")
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        previous = ""
        for token in word_re.findall(line):
            w = fold(token)
            stripped = None
            for prefix in ("وال", "فال", "بال", "كال", "لل", "ال"):
                if w.startswith(prefix) and len(w) - len(prefix) >= 2:
                    stripped = w[len(prefix):]
                    break
            if stripped is not None:
                article[stripped] += 1
            bare[w] += 1
            if previous in given:
                after_given[w] += 1
            if previous in triggers:
                after_trigger[w] += 1
            previous = w


def bucket(part, whole):
    if part == 0 or whole == 0:
        return 0
    r = part / whole
    return 1 if r < 0.02 else 2 if r < 0.10 else 3 if r < 0.40 else 4


print("# Unlabeled-news behaviour of Arabic words (folded): article share, after-given-name share,")
print("# after-person-trigger share, each bucketed 0 (never) .. 4 (>= 40 %). See the script for details.")
print("# Source: ../shared/data/news/saudinewsnet-sample.txt (SaudiNewsNet, CC BY-NC-SA 4.0); counts only.")
print("# Regenerate: python3 Lexicons/scripts/build_news_context.py ../shared/data/news/saudinewsnet-sample.txt > Lexicons/names/news-context.tsv")
print("# Format: word<TAB>article<TAB>given<TAB>trigger")
for w in sorted(set(bare) | set(article)):
    total = bare[w] + article[w]
    if total < MIN_COUNT or len(w) < 2 or not ("\u0621" <= w[0] <= "\u064A"):
        continue
    print(f"{w}\t{bucket(article[w], total)}\t{bucket(after_given[w], bare[w])}\t{bucket(after_trigger[w], bare[w])}")
