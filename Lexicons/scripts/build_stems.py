"""Builds Lexicons/segmenter/stems.tsv: how often each folded form is a STEM.

Surface counts come from the ANERcorp TRAIN split (first column) and the SaudiNewsNet
sample. A surface count is not a stem count («لدعم» is frequent, but as ل + دعم), so the
counts are re-estimated with a few rounds of expectation-maximization over the same
analyses the Swift CliticSegmenter considers (same clitic weights, CliticInventory.swift):
each word's count is shared among its analyses in proportion to weight × stem count.
Names from Lexicons/names/*-arabic/given/surnames lists add a pseudo-count, so «كولن»
keeps its mass instead of lending it to «ولن».

    python3 Lexicons/scripts/build_stems.py ../shared/data/anercorp/train.txt \
        ../shared/data/news/saudinewsnet-sample.txt > Lexicons/segmenter/stems.tsv
"""
import math
import os
import re
import sys
from collections import Counter, defaultdict

from arabic_fold import fold, is_arabic_word

MIN_SURFACE = 2
MIN_STEM = 2
ROUNDS = 5
NAME_COUNT = 60.0
WHOLE_NAME_COUNT = 300.0
EPS = 0.3

WAW, FA, BA, LAM, KAF, SIN, ALEF = "و", "ف", "ب", "ل", "ك", "س", "ا"
CONJ = [("", 0.0), (WAW, -0.4), (FA, -1.2)]
PART = [("", 0.0), (BA, -0.8), (LAM, -0.8), (KAF, -3.2), (SIN, -1.2)]
ARTICLE = 1.5
NEVER_SPLIT = set("الله الذي التي الذين اللذان اللتان اللذين اللتين اللاتي اللواتي الان الا الي لكن كان كانت كانوا كما لما مما عما ليس ليست فقط بعد بين بينما كل كلا كيف لدي لذا".split())
ENC = [("هما", -2.0), ("كما", -3.5), ("ها", -1.3), ("هم", -1.3), ("هن", -3.0), ("كم", -2.8),
       ("كن", -4.0), ("نا", -2.2), ("ني", -3.5), ("ه", -1.3), ("ك", -3.0), ("ي", -4.5)]


def analyses(w):
    """(stem, log weight) for every split of w except the whole word."""
    out = []
    n = len(w)
    for c, cc in CONJ:
        if c and not w.startswith(c):
            continue
        p0 = len(c)
        for p, pc in PART:
            if p and not w.startswith(p, p0):
                continue
            p1 = p0 + len(p)
            if p == SIN and p1 < n and w[p1] not in "يتنا":
                continue
            arts = [(False, p1)]
            if p != SIN:
                if w.startswith("ال", p1) and p1 + 2 < n and w[p1:] not in NEVER_SPLIT:
                    arts.append((True, p1 + 2))
                elif p == LAM and w.startswith(LAM, p1):
                    arts.append((True, p1 + 1))
            for art, s0 in arts:
                pref = cc + pc + (ARTICLE if art else 0.0)
                encs = [("", 0.0)]
                if not art:
                    encs += [(e, ec) for e, ec in ENC if w.endswith(e) and n - s0 - len(e) >= 2]
                for e, ec in encs:
                    if not (c or p or art or e):
                        continue
                    stem = w[s0:n - len(e)]
                    if len(stem) < 2:
                        continue
                    out.append((stem, pref + ec, bool(e), art))
    return out


def main():
    anercorp, news = sys.argv[1], sys.argv[2]
    surface = Counter()
    with open(anercorp, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if parts and is_arabic_word(parts[0]):
                surface[fold(parts[0])] += 1
    splitter = re.compile(r"[^\u0621-\u0652\u0670]+")
    with open(news, encoding="utf-8") as f:
        for line in f:
            for word in splitter.split(line):
                if word and is_arabic_word(word):
                    surface[fold(word)] += 1
    surface = {w: c for w, c in surface.items() if c >= MIN_SURFACE and len(w) >= 2}
    names = set()
    here = os.path.dirname(os.path.abspath(__file__))
    for name in ("names/foreign-arabic.txt", "names/arabic-given.txt", "names/arabic-surnames.txt",
                 "names/common-names.txt", "gazetteers/places.txt"):
        with open(os.path.join(here, "..", name), encoding="utf-8") as f:
            names.update(fold(line.strip()) for line in f if line.strip() and not line.startswith("#"))

    cands = {}
    for w in surface:
        lst = []
        if w in NEVER_SPLIT:
            cands[w] = lst
            continue
        for stem, weight, enc, art in analyses(w):
            if enc and stem.endswith("ت") and (stem[:-1] + "ة") in surface:
                stem = stem[:-1] + "ة"
            lst.append((stem, weight))
        cands[w] = lst
    stems = {w: float(c) for w, c in surface.items()}
    for _ in range(ROUNDS):
        new = defaultdict(float)
        for w, c in surface.items():
            scored = [(w, math.log(stems.get(w, 0.0) + (WHOLE_NAME_COUNT if w in names else 0.0) + EPS))]
            for stem, weight in cands[w]:
                scored.append((stem, weight + math.log(stems.get(stem, 0.0) + (NAME_COUNT if stem in names else 0.0) + EPS)))
            top = max(s for _, s in scored)
            total = sum(math.exp(s - top) for _, s in scored)
            for stem, s in scored:
                new[stem] += c * math.exp(s - top) / total
        stems = dict(new)

    print("# Folded Arabic stems and how often each is a stem, for the clitic segmenter (CliticSegmenter).")
    print("# Sources: ANERcorp train split (CC BY-SA 4.0, Benajiba et al. 2007 / CAMeL Lab split) and the")
    print("# SaudiNewsNet sample (CC BY-NC-SA 4.0) in ../shared/data: counts only, no text is kept;")
    print("# surface counts re-estimated as stem counts by EM (see the script).")
    print("# Regenerate: python3 Lexicons/scripts/build_stems.py ../shared/data/anercorp/train.txt ../shared/data/news/saudinewsnet-sample.txt > Lexicons/segmenter/stems.tsv")
    print(f"# Format: stem<TAB>count, most frequent first; stems below {MIN_STEM} are left out.")
    for w, c in sorted(stems.items(), key=lambda kv: (-kv[1], kv[0])):
        if c >= MIN_STEM:
            print(f"{w}\t{int(round(c))}")


main()
