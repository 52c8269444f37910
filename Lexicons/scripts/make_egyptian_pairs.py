#!/usr/bin/env python3
"""Writes Arabic -> Latin name pairs from the name book of the PyPI package egy-names 0.3.6
(MIT licence, Copyright (c) 2026 Abdullah Afify), as extra training pairs of the romanizer's
joint model (`train_translit.py --extra-pairs FILE --train-weight K`). NOT SHIPPED: an
experiment of the ninth round (Romanization.md); the extra pairs lowered dev top-1 and top-5,
so the shipped model is trained on ar2en-train alone. Kept to reproduce those figures.

Each one-word Arabic name (field 'a', folded as the romanizer folds it) gives one pair with its
main English spelling (field 'e'); with --variants, also one pair per variant spelling (field
'ev', '|'-separated). Spellings are folded to lower-case ASCII (train_translit.fold_latin) and
kept only if they are 2+ letters a-z. Output: ARABIC<TAB>LATIN lines, sorted, no duplicates.
Nothing from the translit evaluation file is read.

Usage (from the package root):
    pip download --no-deps egy-names==0.3.6 -d /tmp/egy && (cd /tmp/egy && unzip -q -o egy_names-0.3.6-py3-none-any.whl)
    python3 Lexicons/scripts/make_egyptian_pairs.py /tmp/egy [--variants] > /tmp/egy-pairs.tsv
"""
import argparse
import gzip
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_translit import fold_arabic, fold_latin, is_arabic_letter  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("wheel_dir", help="the unpacked egy-names 0.3.6 wheel")
    parser.add_argument("--variants", action="store_true", help="also one pair per variant spelling (field 'ev')")
    parser.add_argument("--most-frequent", type=int, default=0,
                        help="only the N names of largest share of students (field 'tp'; ties by Arabic)")
    args = parser.parse_args()
    path = os.path.join(args.wheel_dir, "egy_names", "data", "names.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        book = json.load(handle)
    entries = book["names"]
    if args.most_frequent:
        entries = sorted(entries, key=lambda e: (-(e.get("tp") or 0.0), e.get("a", "")))[:args.most_frequent]
    pairs = set()
    for entry in entries:
        arabic = fold_arabic(entry.get("a", "").strip())
        if not arabic or not all(is_arabic_letter(ch) for ch in arabic):
            continue
        spellings = [entry.get("e") or ""]
        if args.variants:
            spellings += (entry.get("ev") or "").split("|")
        for raw in spellings:
            latin = fold_latin(raw.strip())
            if len(latin) >= 2 and all("a" <= ch <= "z" for ch in latin):
                pairs.add((arabic, latin))
    for arabic, latin in sorted(pairs):
        sys.stdout.write(f"{arabic}\t{latin}\n")


if __name__ == "__main__":
    main()
