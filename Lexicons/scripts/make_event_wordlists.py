#!/usr/bin/env python3
"""Derive the two word lists the event extractor uses to tell names from common words.

usage: python3 Lexicons/scripts/make_event_wordlists.py ../shared/data/anercorp/train.txt Lexicons/events

Reads the ANERcorp training split (token<space>tag per line) and writes
  common-words.txt  folded tokens seen at least MIN_COUNT times, never inside a PERS span
                    and tagged O at least 95% of the time (function words, verbs, nouns);
  name-words.txt    folded tokens tagged B-PERS/I-PERS at least MIN_NAME times and at least
                    half of the time (given names and family names);
  place-words.txt   folded tokens tagged LOC or ORG at least half
                    of the time, never PERS (countries, cities, organizations: not person names).
Folding matches the extractor's: diacritics and tatweel removed, أ إ آ ٱ → ا, ى → ي, ة → ه.
Only the training split is read (never ANERcorp test, AQMAR or the event evaluation sets).
"""
import re
import sys
from collections import Counter
from pathlib import Path

MIN_COUNT = 1
MIN_NAME = 2
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
ARABIC = re.compile("^[\u0621-\u064a]+$")


def fold(token):
    return DIACRITICS.sub("", token).translate(FOLD)


def main(train, out_dir):
    total, other, pers, place = Counter(), Counter(), Counter(), Counter()
    for line in Path(train).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 2:
            continue
        token, tag = fold(parts[0]), parts[1]
        if not ARABIC.match(token) or len(token) < 2:
            continue
        total[token] += 1
        if tag == "O":
            other[token] += 1
        if tag.endswith("PERS"):
            pers[token] += 1
        if tag.endswith("LOC") or tag.endswith("ORG"):
            place[token] += 1
    common = sorted(t for t, n in total.items()
                    if n >= MIN_COUNT and pers[t] == 0 and other[t] >= 0.95 * n)
    # «علي» is left out: folded, it is also the preposition «على».
    names = sorted(t for t, n in pers.items() if len(t) >= 3 and n >= MIN_NAME and n >= 0.5 * total[t] and t != "علي")
    places = sorted(t for t, n in place.items() if n >= 1 and n >= 0.5 * total[t] and pers[t] == 0)
    header = ("# source: ANERcorp training split (Benajiba et al. 2007; CAMeL Lab split), "
              "licence CC BY-SA 4.0; word list derived by counting tags\n"
              "# regenerate: python3 Lexicons/scripts/make_event_wordlists.py "
              "../shared/data/anercorp/train.txt Lexicons/events\n")
    out = Path(out_dir)
    (out / "common-words.txt").write_text(
        header + "# one folded word a line: tagged O in >=95% of its occurrences, never PERS\n"
        + "\n".join(common) + "\n", encoding="utf-8")
    (out / "name-words.txt").write_text(
        header + "# one folded word a line: tagged B/I-PERS in >=50% of >=2 occurrences\n"
        + "\n".join(names) + "\n", encoding="utf-8")
    (out / "place-words.txt").write_text(
        header + "# one folded word a line: tagged LOC/ORG in >=50% of its occurrences, never PERS\n"
        + "\n".join(places) + "\n", encoding="utf-8")
    print(f"common-words: {len(common)}  name-words: {len(names)}  place-words: {len(places)}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
