#!/usr/bin/env python3
"""Writes Lexicons/names/egyptian-given.txt and egyptian-family.txt: frequent Egyptian given
and family names in Arabic script, for the tagger's person-list flags (NameGazetteer reads
them as given names and surnames; the clitic segmenter does not read them).

Source: the name book of the PyPI package egy-names 0.3.6 (MIT licence, Copyright (c) 2026
Abdullah Afify), egy_names/data/names.json.gz: 44.6k name lemmas from a register of 3.8 M
Egyptian students. Only the fields 'a' (Arabic), 'av' (Arabic variants), 'l' (kind: g =
given, f = family), 'tp' (frequency, percent of the register) and 'g' are read; the
famous-people fields are not used.

Kept: one-word names of kind g (given file) or f (family file) with tp >= MIN_PERCENT,
folded (arabic_fold.py); with --variants also their 'av' spellings. Dropped:
  - forms of fewer than 3 letters, and forms already in names/arabic-given.txt,
    arabic-surnames.txt or common-names.txt (the flag is set already);
  - places, roles and person triggers (gazetteers/places.txt, world-places.txt, roles.txt,
    person-triggers.txt);
  - ordinary words, by one of two filters:
    --filter news (default; variant B of the fifth-round name-list trial): whole-word counts
      of the news sample NEWS (SaudiNewsNet, counts only). A form with the article (المصري)
      seen 3+ times is kept only if 10 %+ of its uses follow a listed given name (a family
      name: «الحريري»; a nisba follows الرئيس or a verb). A bare form written mostly with the
      article (السودان) is dropped; one seen 3+ times, or with a stem count >= NEWS_FROM in
      segmenter/stems.tsv, is kept only if it takes the article on < 10 % of its uses and
      follows a person trigger on >= 2 % or a given name on >= 5 % of them (>= 10 % either
      way when the stem count is >= COMMON_STEMS). "Given name" here: the listed given
      names without common nouns (the Faker list holds رئيس، نادي، نظام: dropped when
      news-context.tsv gives them the article on 10 %+ of uses), and the raw word «على»,
      which folds to «علي», never counts as one.
    --filter buckets (variant A): the news-context.tsv buckets and stem counts; a form with a
      stem count >= COMMON_STEMS needs a trigger share >= 10 % and article < 10 %, one with
      >= NEWS_FROM or in news-context a trigger share >= 2 % and article < 10 %, others a
      trigger or given-name share >= 2 % and article < 40 %; an article form is dropped when
      its stem is in news-context or counted >= NEWS_FROM times.
No labelled data is read to choose entries (ANERcorp train is only used by --report, which
prints how many train tokens of each kept form are inside / outside a PERS entity).

Regenerate (from the package root):
    pip download --no-deps egy-names==0.3.6 -d /tmp/egy && (cd /tmp/egy && unzip -q -o egy_names-0.3.6-py3-none-any.whl)
    python3 Lexicons/scripts/build_egyptian_person_names.py /tmp/egy ../shared/data/news/saudinewsnet-sample.txt \
        [--filter news|buckets] [--min-percent P] [--variants] [--report ../shared/data/anercorp/train.txt] [--out DIR]
Fifth-round trial (EntityTagging.md, "Fifth round, name list"): variant A = --filter buckets
--min-percent 0.001, variant B = --filter news --min-percent 0.0001; both lowered 4-fold CV
micro and PERS F1, so the lists are not shipped and NameGazetteer does not read them.
"""
import argparse
import gzip
import json
import os
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arabic_fold import fold, is_arabic_word  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
LEX = os.path.join(HERE, "..")
COMMON_STEMS = 300
NEWS_FROM = 30
NEWS_FROM_USES = 3


def rows(path):
    with open(os.path.join(LEX, path), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def listed_given():
    """Listed given names that are not also common nouns (رئيس، نادي، نظام are in the
    Faker list): those the news uses with the article on 10 % of their uses or more
    (news-context.tsv bucket >= 3) are left out."""
    nouns = {r[0] for r in rows("names/news-context.tsv") if len(r) > 3 and int(r[1]) >= 3}
    return {fold(r[0]) for path in ("names/arabic-given.txt", "names/common-names.txt")
            for r in rows(path) if " " not in r[0]} - nouns


class NewsCounts:
    """Whole-word counts of the news sample: uses of each folded word, uses with the
    article, and uses right after a listed given name or a person trigger. The raw word
    «على» (a preposition) is not taken as the given name «علي» it folds to."""

    def __init__(self, path, given, triggers):
        word_re = re.compile(r"[\u0621-\u064A\u0640\u064B-\u0652\u0670]+|[^\s\u0621-\u064A]")
        self.uses, self.article, self.after_given, self.after_trigger = Counter(), Counter(), Counter(), Counter()
        with open(path, encoding="utf-8") as f:
            for line in f:
                previous, previous_raw = "", ""
                for token in word_re.findall(line):
                    w = fold(token)
                    self.uses[w] += 1
                    for prefix in ("وال", "فال", "بال", "كال", "لل", "ال"):
                        if w.startswith(prefix) and len(w) - len(prefix) >= 2:
                            self.article[w[len(prefix):]] += 1
                            break
                    if previous in given and previous_raw != "على":
                        self.after_given[w] += 1
                    if previous in triggers:
                        self.after_trigger[w] += 1
                    previous, previous_raw = w, token


def name_like(form, stems, news):
    """Whether a listed name is kept: unseen words are; a word the news or the stem counts
    know must behave like a name in the news (see the module docstring)."""
    has_article = form.startswith("ال") and len(form) > 4
    count = stems.get(form[2:] if has_article else form, 0)
    uses = news.uses[form]
    if not has_article and news.article[form] >= NEWS_FROM_USES and news.article[form] >= uses:
        return False  # mostly written with the article: a noun or a place (السودان)
    if uses < NEWS_FROM_USES and count < NEWS_FROM:
        return True
    if uses < NEWS_FROM_USES:
        return False
    after_given = news.after_given[form] / uses
    if has_article:
        # A nisba or noun with the article (المصري، النادي) follows الرئيس or a verb;
        # a family name (الحريري) follows a given name.
        return after_given >= 0.10
    after_trigger = news.after_trigger[form] / uses
    article = news.article[form] / (uses + news.article[form])
    if article >= 0.10:
        return False
    if count >= COMMON_STEMS:
        return after_trigger >= 0.10 or after_given >= 0.10
    return after_trigger >= 0.02 or after_given >= 0.05


def name_like_buckets(form, stems, behaviour, excluded):
    """Variant A's filter (--filter buckets): stem counts and the news-context.tsv buckets."""
    if form.startswith("ال") and len(form) > 4:
        # Stems and news behaviour are kept without the article: a nisba or noun that
        # the news uses (المصري، النادي) is an ordinary word.
        rest = form[2:]
        if rest in behaviour or stems.get(rest, 0) >= NEWS_FROM or rest in excluded:
            return False
    count = stems.get(form, 0)
    if count >= COMMON_STEMS or form in behaviour or count >= NEWS_FROM:
        art, given, trigger = behaviour.get(form, (0, 0, 0))
        # «على» folds to the given name «علي», so "after a given name" is no evidence for
        # words with many uses (على حساب، على شبكة): they need person triggers.
        if count >= COMMON_STEMS:
            return trigger >= 3 and art <= 2
        if count >= NEWS_FROM:
            return trigger >= 2 and art <= 2
        return (trigger >= 2 or given >= 2) and art <= 3
    return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("unpacked")
    parser.add_argument("news", help="the SaudiNewsNet sample (counts only)")
    parser.add_argument("--min-percent", type=float, default=0.001)
    parser.add_argument("--filter", choices=("news", "buckets"), default="news")
    parser.add_argument("--variants", action="store_true")
    parser.add_argument("--report", metavar="TRAIN_CONLL")
    parser.add_argument("--out", default=os.path.join(LEX, "names"))
    args = parser.parse_args()

    with gzip.open(os.path.join(args.unpacked, "egy_names", "data", "names.json.gz"), "rt", encoding="utf-8") as f:
        book = json.load(f)["names"]

    listed = set()
    for path in ("names/arabic-given.txt", "names/arabic-surnames.txt", "names/common-names.txt"):
        listed |= {fold(r[0]) for r in rows(path) if " " not in r[0]}
    excluded = set()
    for path in ("gazetteers/places.txt", "gazetteers/world-places.txt", "gazetteers/roles.txt",
                 "gazetteers/person-triggers.txt"):
        excluded |= {fold(r[0]) for r in rows(path) if " " not in r[0]}
    stems = {r[0]: int(r[1]) for r in rows("segmenter/stems.tsv") if len(r) > 1}
    if args.filter == "news":
        news = NewsCounts(args.news, given=listed_given(), triggers={fold(r[0]) for r in rows("gazetteers/person-triggers.txt")})
    else:
        behaviour = {r[0]: tuple(int(v) for v in r[1:4]) for r in rows("names/news-context.tsv") if len(r) > 3}

    kept = {"g": set(), "f": set()}
    dropped = Counter()
    for entry in book:
        kind = entry.get("l")
        if kind not in kept or (entry.get("tp") or 0) < args.min_percent:
            continue
        spellings = [entry.get("a") or ""]
        if args.variants:
            spellings += (entry.get("av") or "").split("|")
        for raw in spellings:
            raw = raw.strip()
            if not raw or " " in raw or not is_arabic_word(raw):
                continue
            form = fold(raw)
            if len(form) < 3:
                dropped["short"] += 1
                continue
            if form in listed:
                dropped["listed already"] += 1
                continue
            if form in excluded:
                dropped["place/role/trigger"] += 1
                continue
            if not (name_like(form, stems, news) if args.filter == "news"
                    else name_like_buckets(form, stems, behaviour, excluded)):
                dropped["ordinary word"] += 1
                continue
            kept[kind].add(form)
    # A form that is both a given and a family name goes to both files (both flags).
    header = [
        "# Egyptian {what} (one word, Arabic script, folded as arabic_fold.py), frequency >= {p} % of the",
        "# register{variants}: PyPI egy-names 0.3.6 (MIT licence, Copyright (c) 2026 Abdullah Afify), fields a, av, l, tp.",
        "# Without forms already in arabic-given/arabic-surnames/common-names, places, roles, triggers, and",
        "# ordinary words (segmenter/stems.tsv counts, news behaviour in ../shared/data/news/saudinewsnet-sample.txt",
        "# (SaudiNewsNet, CC BY-NC-SA 4.0, counts only) or names/news-context.tsv; see the script). NEWS = that file.",
        "# Regenerate: python3 Lexicons/scripts/build_egyptian_person_names.py /tmp/egy NEWS --filter {filt} --min-percent {p}{flag}",
    ]
    for kind, name, what in (("g", "egyptian-given.txt", "given names"), ("f", "egyptian-family.txt", "family names")):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            for line in header:
                f.write(line.format(what=what, p=args.min_percent,
                                    variants=" (with spelling variants)" if args.variants else "",
                                    flag=" --variants" if args.variants else "", filt=args.filter) + "\n")
            for form in sorted(kept[kind]):
                f.write(form + "\n")
    print(f"given {len(kept['g'])}, family {len(kept['f'])}, dropped {dict(dropped)}", file=sys.stderr)

    if args.report:
        inside, outside = Counter(), Counter()
        with open(args.report, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) < 2:
                    continue
                form = fold(parts[0])
                (inside if parts[-1].endswith("PERS") else outside)[form] += 1
        for kind in ("g", "f"):
            forms = kept[kind]
            i = sum(inside[x] for x in forms)
            o = sum(outside[x] for x in forms)
            seen = sum(1 for x in forms if inside[x] + outside[x])
            print(f"train tokens of kept {kind} forms: inside PERS {i}, outside {o} ({seen} forms seen)", file=sys.stderr)
            worst = sorted(forms, key=lambda x: inside[x] - outside[x])[:15]
            print("  most outside: " + ", ".join(f"{x} {inside[x]}/{outside[x]}" for x in worst if outside[x]), file=sys.stderr)


if __name__ == "__main__":
    main()
