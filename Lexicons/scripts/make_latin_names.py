#!/usr/bin/env python3
"""Writes Lexicons/translit/latin-names.tsv: US census first and last names with ranks.

Source: the 1990 US Census name frequency lists (public domain) as shipped in the PyPI
package `names` 0.3.0 (files dist.all.last, dist.female.first, dist.male.first).

Regenerate (from the package root):
    pip download --no-deps names==0.3.0 -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python3 Lexicons/scripts/make_latin_names.py /tmp/names/names-0.3.0/names > Lexicons/translit/latin-names.tsv
"""
import os
import sys


def main():
    folder = sys.argv[1]
    best = {}
    kinds = {}
    for file_name, kind in (("dist.male.first", "first"), ("dist.female.first", "first"), ("dist.all.last", "last")):
        with open(os.path.join(folder, file_name), encoding="ascii") as handle:
            for line in handle:
                fields = line.split()
                if len(fields) < 4:
                    continue
                name, rank = fields[0].lower(), int(fields[3])
                if name not in best or rank < best[name]:
                    best[name] = rank
                kinds.setdefault(name, set()).add(kind)
    print("# US census 1990 first and last names (lower case) with their frequency rank (1 = most frequent)")
    print("# in the list they are most frequent in, and which lists hold them.")
    print("# Source: US Census Bureau, public domain, via the PyPI package names 0.3.0 (MIT) data files.")
    print("# Regenerate: pip download --no-deps names==0.3.0 -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names")
    print("#   && python3 Lexicons/scripts/make_latin_names.py /tmp/names/names-0.3.0/names > Lexicons/translit/latin-names.tsv")
    for name in sorted(best):
        print(f"{name}\t{best[name]}\t{','.join(sorted(kinds[name]))}")


if __name__ == "__main__":
    main()
