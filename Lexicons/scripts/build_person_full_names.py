#!/usr/bin/env python3
"""Writes Lexicons/names/person-full-names.txt: full person names (two to four words) in
Arabic script, for the tagger's multi-word gazetteer match (NameGazetteer reads them as
`personFullName` phrases, matched whole only; the words alone get no flag).

Source: the name index of the PyPI package arabic-name-romanizer 0.2.0 (MIT licence,
Copyright (c) Jan Romaniak), arabic_name_romanizer/resources/names.sqlite3, table
`full_names`, rows with source = 'wikidata': Arabic labels of people in Wikidata (CC0 1.0;
the package's index keeps people of Arab and other Muslim-majority countries, no historical
figures). Only the Arabic key is read; the Latin spellings are not (the romanizer must not
learn from this index: it is mined from the same Wikipedia data as the translit pairs).

Kept: keys of 2 to 4 words, folded (arabic_fold.py), each word of 2+ letters, Arabic
letters only. A single pair of words is a much safer person signal than its words alone
(on the ANERcorp train split, 379 of 418 two-word matches are inside a person); no
labelled data is read to choose entries.

Regenerate (from the package root):
    pip download --no-deps arabic-name-romanizer==0.2.0 -d /tmp/anr \\
        && (cd /tmp/anr && unzip -q -o arabic_name_romanizer-0.2.0-py3-none-any.whl)
    python3 Lexicons/scripts/build_person_full_names.py /tmp/anr > Lexicons/names/person-full-names.txt
"""
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arabic_fold import fold  # noqa: E402

ARABIC_WORD = re.compile(r"[\u0621-\u064A]{2,}")


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: build_person_full_names.py UNPACKED_WHEEL_DIR")
    path = os.path.join(sys.argv[1], "arabic_name_romanizer", "resources", "names.sqlite3")
    if not os.path.exists(path):
        sys.exit(f"{path}: not found (unpack arabic-name-romanizer 0.2.0 there first)")
    connection = sqlite3.connect(path)
    names = set()
    for (key,) in connection.execute("SELECT DISTINCT arabic_key FROM full_names WHERE source = 'wikidata'"):
        words = fold(key).split()
        if 2 <= len(words) <= 4 and all(ARABIC_WORD.fullmatch(word) for word in words):
            names.add(" ".join(words))
    print("# Full person names in Arabic script (two to four words), folded: Arabic labels of people in")
    print("# Wikidata (CC0 1.0) from the name index of the PyPI package arabic-name-romanizer 0.2.0")
    print("# (MIT licence, Copyright (c) Jan Romaniak; table full_names, source 'wikidata').")
    print("# Used only by the tagger, as whole-phrase matches; the romanizer does not read it.")
    print("# Regenerate: pip download --no-deps arabic-name-romanizer==0.2.0 -d /tmp/anr && (cd /tmp/anr && unzip -q -o *.whl)")
    print("#   python3 Lexicons/scripts/build_person_full_names.py /tmp/anr > Lexicons/names/person-full-names.txt")
    for name in sorted(names):
        print(name)


if __name__ == "__main__":
    main()
