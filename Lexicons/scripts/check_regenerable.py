#!/usr/bin/env python3
"""Checks that the generated lexicon files built from ../shared alone are what their
regenerate commands write today, byte for byte.

A generated file goes stale when an input changes after it was written: the stem counts
and the news-context table read the name lists, so editing a name list silently left
them behind until the tenth round of the tagger (41 and 216 lines differed). Run from
the package root:

    python3 Lexicons/scripts/check_regenerable.py [--shared ../shared] [--model]

Checked: `segmenter/stems.tsv`, `names/news-context.tsv`, `names/translit-trigrams.tsv`,
`names/word-clusters.tsv` (needs numpy and scipy), `names/brown-paths.tsv` (needs a C
compiler; about 4 minutes), and with `--model` also `ner/model.bin`
(needs `swift build -c release` first; about a minute). Files built from downloaded PyPI
packages (name lists, Wikidata names, census and world names) are not checked: their
commands are in their headers. Exit status 1 when a file differs.
"""
import argparse
import filecmp
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LEXICONS = os.path.normpath(os.path.join(HERE, ".."))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=os.path.normpath(os.path.join(LEXICONS, "..", "..", "shared")))
    parser.add_argument("--model", action="store_true", help="also retrain ner/model.bin and compare it")
    parser.add_argument("--qalam", default=os.path.join(LEXICONS, "..", ".build", "release", "qalam"))
    args = parser.parse_args()
    train = os.path.join(args.shared, "data", "anercorp", "train.txt")
    news = os.path.join(args.shared, "data", "news", "saudinewsnet-sample.txt")
    pairs = os.path.join(args.shared, "data", "translit", "ar2en-train.tsv")
    for path in (train, news, pairs):
        if not os.path.isfile(path):
            sys.exit(f"{path}: no such file (give --shared)")
    script = lambda name: [sys.executable, os.path.join(HERE, name)]
    checks = [
        ("segmenter/stems.tsv", script("build_stems.py") + [train, news]),
        ("names/news-context.tsv", script("build_news_context.py") + [news]),
        ("names/translit-trigrams.tsv", script("build_translit_trigrams.py") + [pairs, train]),
        ("names/word-clusters.tsv", script("build_word_clusters.py") + [news, train]),
        ("names/brown-paths.tsv", script("build_brown_clusters.py") + [news, train]),
    ]
    failed = 0
    with tempfile.TemporaryDirectory(prefix="qalam-regen-") as work:
        for relative, command in checks:
            output = os.path.join(work, os.path.basename(relative))
            with open(output, "w", encoding="utf-8") as handle:
                result = subprocess.run(command, stdout=handle, stderr=subprocess.PIPE, cwd=HERE)
            if result.returncode != 0:
                print(f"{relative}: the command failed: {result.stderr.decode()[-300:]}")
                failed += 1
            elif filecmp.cmp(output, os.path.join(LEXICONS, relative), shallow=False):
                print(f"{relative}: same bytes")
            else:
                print(f"{relative}: DIFFERS from what its command writes")
                failed += 1
        if args.model:
            output = os.path.join(work, "model.bin")
            result = subprocess.run([args.qalam, "train", "ner", "--train", train, "--out", output],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                    env=dict(os.environ, QALAM_LEXICONS=LEXICONS))
            if result.returncode != 0:
                print(f"ner/model.bin: training failed: {result.stderr.decode()[-300:]}")
                failed += 1
            elif filecmp.cmp(output, os.path.join(LEXICONS, "ner", "model.bin"), shallow=False):
                print("ner/model.bin: same bytes")
            else:
                print("ner/model.bin: DIFFERS from what `qalam train ner` writes")
                failed += 1
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
