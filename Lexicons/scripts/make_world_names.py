#!/usr/bin/env python3
"""Writes Lexicons/translit/world-names.tsv: Latin-script first and last names of many
locales, folded to lower-case ASCII (accents removed), one name per line with the number of
locale lists holding it. Sources (all MIT licence, PyPI):
  - Faker 40.63.0 person providers (~80 locales);
  - with --mimesis: Mimesis 22.2.0 person datasets (names and surnames, ~45 locales);
  - with --japanese: japanese-personal-name-dataset 0.4.0 (romaji of Japanese first and
    last names; counted as one locale list).

Regenerate (from the package root):
    pip download --no-deps faker==40.63.0 -d /tmp/faker && (cd /tmp/faker && unzip -q -o faker-40.63.0-py3-none-any.whl)
    pip download --no-deps mimesis==22.2.0 -d /tmp/mimesis && (cd /tmp/mimesis && unzip -q -o mimesis-22.2.0-py3-none-any.whl)
    pip download --no-deps japanese-personal-name-dataset==0.4.0 -d /tmp/jpnames \
        && (cd /tmp/jpnames && unzip -q -o japanese_personal_name_dataset-0.4.0-py3-none-any.whl)
    python3 Lexicons/scripts/make_world_names.py /tmp/faker --mimesis /tmp/mimesis --japanese /tmp/jpnames \
        > Lexicons/translit/world-names.tsv
"""
import argparse
import csv
import glob
import importlib
import json
import os
import pkgutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_translit import fold_latin  # noqa: E402


def names_of(value):
    if isinstance(value, dict):
        return list(value.keys())
    if isinstance(value, (list, tuple)):
        return list(value)
    return []


def fold_parts(name):
    """The usable folded parts of a (possibly compound) name."""
    parts = []
    for part in name.replace(" ", "-").split("-"):
        folded = fold_latin(part)
        if len(folded) >= 2 and all("a" <= c <= "z" or c == "'" for c in folded):
            parts.append(folded)
    return parts


def flatten(value):
    if isinstance(value, dict):
        return [name for key in sorted(value) for name in flatten(value[key])]
    if isinstance(value, (list, tuple)):
        return [name for item in value for name in flatten(item)] if value and not isinstance(value[0], str) else list(value)
    return []


def mimesis_locales(root):
    """Per Mimesis locale: the set of folded Latin-script names and surnames."""
    result = []
    for path in sorted(glob.glob(os.path.join(root, "mimesis", "datasets", "*", "person.json"))):
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        seen = set()
        for key in ("names", "surnames"):
            for name in flatten(data.get(key, [])):
                if isinstance(name, str):
                    seen.update(fold_parts(name))
        result.append(seen)
    return result


def japanese_names(root):
    """Romaji (fourth column) of the dataset's first- and last-name CSV files."""
    seen = set()
    pattern = os.path.join(root, "japanese_personal_name_dataset", "dataset", "*.csv")
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as handle:
            for row in csv.reader(handle):
                if len(row) >= 4:
                    seen.update(fold_parts(row[3]))
    return seen


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("faker", help="folder holding the unpacked Faker wheel")
    parser.add_argument("--mimesis", help="folder holding the unpacked Mimesis wheel")
    parser.add_argument("--japanese", help="folder holding the unpacked japanese-personal-name-dataset wheel")
    args = parser.parse_args()
    sys.path.insert(0, args.faker)
    import faker.providers.person as person
    counts = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        provider = importlib.import_module(f"faker.providers.person.{module}").Provider
        seen = set()
        for attribute in sorted(dir(provider)):
            if not (attribute.startswith("first_name") or attribute.startswith("last_name")
                    or attribute.startswith("first_romanized") or attribute.startswith("last_romanized")):
                continue
            for name in names_of(getattr(provider, attribute)):
                if not isinstance(name, str):
                    continue
                for part in name.replace(" ", "-").split("-"):
                    folded = fold_latin(part)
                    if len(folded) >= 2 and all("a" <= c <= "z" or c == "'" for c in folded):
                        seen.add(folded)
        for name in seen:
            counts[name] = counts.get(name, 0) + 1
    extra = []
    if args.mimesis:
        extra += mimesis_locales(args.mimesis)
    if args.japanese:
        extra.append(japanese_names(args.japanese))
    for seen in extra:
        for name in seen:
            counts[name] = counts.get(name, 0) + 1
    print("# Latin-script first and last names of many locales, lower-case ASCII, with the number of locale lists holding each.")
    print("# Sources (PyPI, all MIT licence): Faker 40.63.0 person providers"
          + (", Mimesis 22.2.0 person datasets" if args.mimesis else "")
          + (", japanese-personal-name-dataset 0.4.0 (romaji)" if args.japanese else "") + ".")
    print("# Regenerate: see the docstring of Lexicons/scripts/make_world_names.py (pip download of the three wheels, then")
    print("#   python3 Lexicons/scripts/make_world_names.py /tmp/faker"
          + (" --mimesis /tmp/mimesis" if args.mimesis else "") + (" --japanese /tmp/jpnames" if args.japanese else "")
          + " > Lexicons/translit/world-names.tsv)")
    for name in sorted(counts):
        print(f"{name}\t{counts[name]}")


if __name__ == "__main__":
    main()
