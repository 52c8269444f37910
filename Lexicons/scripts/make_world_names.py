#!/usr/bin/env python3
"""Writes Lexicons/translit/world-names.tsv: Latin-script first and last names of ~80
locales, from the person providers of the PyPI package Faker (MIT licence), folded to
lower-case ASCII (accents removed), one name per line with the number of locales listing it.

Regenerate (from the package root):
    pip download --no-deps faker==40.63.0 -d /tmp/faker && (cd /tmp/faker && unzip -q -o faker-40.63.0-py3-none-any.whl)
    python3 Lexicons/scripts/make_world_names.py /tmp/faker > Lexicons/translit/world-names.tsv
"""
import importlib
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


def main():
    sys.path.insert(0, sys.argv[1])
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
    print("# Latin-script first and last names of many locales, lower-case ASCII, with the number of locales listing each.")
    print("# Source: Faker 40.63.0 person providers (https://pypi.org/project/Faker/), MIT licence.")
    print("# Regenerate: pip download --no-deps faker==40.63.0 -d /tmp/faker && (cd /tmp/faker && unzip -q -o faker-40.63.0-py3-none-any.whl)")
    print("#   && python3 Lexicons/scripts/make_world_names.py /tmp/faker > Lexicons/translit/world-names.tsv")
    for name in sorted(counts):
        print(f"{name}\t{counts[name]}")


if __name__ == "__main__":
    main()
