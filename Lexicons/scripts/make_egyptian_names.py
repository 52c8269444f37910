#!/usr/bin/env python3
"""Writes Lexicons/translit/egyptian-name-spellings.tsv: Arabic given names with their usual
Latin spellings, from the name book of the PyPI package egy-names 0.3.6 (MIT licence,
Copyright (c) 2026 Abdullah Afify): 44.6k Egyptian names from a student-register corpus, each
with its main English spelling and variants (fields 'a', 'e', 'ev' of
egy_names/data/names.json.gz; no other field is used).

Output: '#' header lines, then ARABIC<TAB>SPELLING[<TAB>SPELLING...] with the Arabic folded
as the romanizer folds it (train_translit.fold_arabic: harakat, tatweel and joiners dropped)
and each spelling folded to lower-case ASCII (train_translit.fold_latin), main spelling first;
only one-word Arabic names of Arabic letters and spellings of 2+ letters a-z are kept, sorted
by the Arabic key.

Regenerate (from the package root):
    pip download --no-deps egy-names==0.3.6 -d /tmp/egy && (cd /tmp/egy && unzip -q -o egy_names-0.3.6-py3-none-any.whl)
    python3 Lexicons/scripts/make_egyptian_names.py /tmp/egy > Lexicons/translit/egyptian-name-spellings.tsv
"""
import gzip
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_translit import fold_arabic, fold_latin, is_arabic_letter  # noqa: E402


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_egyptian_names.py UNPACKED_WHEEL_DIR")
    path = os.path.join(sys.argv[1], "egy_names", "data", "names.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        book = json.load(handle)
    table = {}
    for entry in book["names"]:
        arabic = fold_arabic(entry.get("a", "").strip())
        if not arabic or not all(is_arabic_letter(ch) for ch in arabic):
            continue
        spellings = table.setdefault(arabic, [])
        for raw in [entry.get("e") or ""] + (entry.get("ev") or "").split("|"):
            latin = fold_latin(raw.strip())
            if len(latin) >= 2 and all("a" <= ch <= "z" for ch in latin) and latin not in spellings:
                spellings.append(latin)
    out = sys.stdout
    out.write("# Arabic given names and their usual Latin spellings (main spelling first), folded.\n")
    out.write("# Source: PyPI egy-names 0.3.6, egy_names/data/names.json.gz (fields a, e, ev);\n")
    out.write("# MIT licence, Copyright (c) 2026 Abdullah Afify. Licence of this derived file: MIT.\n")
    out.write("# Regenerate: pip download --no-deps egy-names==0.3.6 -d /tmp/egy && (cd /tmp/egy && unzip -q -o egy_names-0.3.6-py3-none-any.whl)\n")
    out.write("#   python3 Lexicons/scripts/make_egyptian_names.py /tmp/egy > Lexicons/translit/egyptian-name-spellings.tsv\n")
    out.write("# Format: ARABIC<TAB>SPELLING[<TAB>SPELLING...], sorted by ARABIC.\n")
    for arabic in sorted(table):
        if table[arabic]:
            out.write(arabic + "\t" + "\t".join(table[arabic]) + "\n")


if __name__ == "__main__":
    main()
