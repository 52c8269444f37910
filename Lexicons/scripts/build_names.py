"""Builds the person-name lexicons in Lexicons/names/.

Inputs (downloaded with `pip download --no-deps names faker` and unpacked in DIR):
  DIR/names-0.3.0/names/dist.{male,female}.first, dist.all.last  (US Census 1990 lists, MIT)
  DIR/faker/faker/providers/person/ar_*/__init__.py             (faker, MIT)
  ../shared/data/translit/ar2en-train.tsv                       (TRAIN split only, Apache-2.0)

    mkdir -p /tmp/nerdl && cd /tmp/nerdl && pip download --no-deps -d . names faker \
      && tar xzf names-0.3.0.tar.gz && unzip -q -o faker-*.whl -d faker && cd -
    python3 Lexicons/scripts/build_names.py /tmp/nerdl ../shared/data/translit/ar2en-train.tsv

Writes latin-given.txt, latin-surnames.txt, arabic-given.txt, arabic-surnames.txt and
foreign-arabic.txt (Arabic-script forms of foreign names).
"""
import ast
import glob
import os
import sys

from arabic_fold import fold, is_arabic_word

src, translit = sys.argv[1], sys.argv[2]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "names")
REGEN = "python3 Lexicons/scripts/build_names.py /tmp/nerdl ../shared/data/translit/ar2en-train.tsv (see the script's docstring)"


def write(name, header, words):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        for line in header:
            f.write(f"# {line}\n")
        f.write(f"# Regenerate: {REGEN}\n")
        for w in sorted(set(words)):
            f.write(w + "\n")


def census(path, limit):
    rows = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if parts:
                rows.append(parts[0].capitalize())
    return rows[:limit]


given = census(f"{src}/names-0.3.0/names/dist.male.first", 1219) + census(f"{src}/names-0.3.0/names/dist.female.first", 4275)
write("latin-given.txt", ["Latin-script given names: US Census 1990 lists, via the PyPI package 'names' 0.3.0 (MIT licence)."], given)
write("latin-surnames.txt", ["Latin-script surnames: the 20,000 most common of the US Census 1990 list, via the PyPI package 'names' 0.3.0 (MIT licence)."],
      census(f"{src}/names-0.3.0/names/dist.all.last", 20000))

first, last = [], []
for path in sorted(glob.glob(f"{src}/faker/faker/providers/person/ar_*/__init__.py")):
    tree = ast.parse(open(path, encoding="utf-8").read())
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if not names or not isinstance(node.value, (ast.Tuple, ast.List)):
                continue
            values = [e.value for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            for v in values:
                for part in v.split():
                    if not is_arabic_word(part):
                        continue
                    if "first_name" in names[0]:
                        first.append(fold(part))
                    elif "last_name" in names[0]:
                        last.append(fold(part))
lic = "faker (PyPI, MIT licence) person providers ar_AA, ar_DZ, ar_PS, ar_SA; letters folded (alef forms, ya)."
write("arabic-given.txt", ["Arabic-script given names: " + lic], first)
write("arabic-surnames.txt", ["Arabic-script family names (single words): " + lic], last)

foreign = []
with open(translit, encoding="utf-8") as f:
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2:
            for part in parts[0].split():
                if is_arabic_word(part) and len(part) >= 2:
                    foreign.append(fold(part))
write("foreign-arabic.txt", ["Arabic-script forms of (mostly foreign) names: the Arabic side of",
                             "../shared/data/translit/ar2en-train.tsv (google/transliteration, Apache-2.0), TRAIN split only; folded.",
                             "Every entry comes from that general list; a surname that also occurs in some news text (e.g. the Italian \"Moratti\") is here because the list has it, not because of that text."], foreign)
