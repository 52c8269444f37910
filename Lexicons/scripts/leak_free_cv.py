#!/usr/bin/env python3
"""Leak-free cross-validation of the entity tagger.

`qalam train ner --folds K` tags each fold with models trained on the other folds, but
four of the tagger's lexicons read the whole ANERcorp train split: the word classes
(`Lexicons/names/word-clusters.tsv`, with the news sample), the Brown-cluster paths
(`names/brown-paths.tsv`, with the news sample), the segmenter's stem counts
(`segmenter/stems.tsv`, with the news sample) and the transliteration trigrams
(`names/translit-trigrams.tsv`: its ordinary-word side is the train split's O words). So
every held-out fold has already shaped what its own words look like. That makes plain
cross-validation optimistic (about 0.7 micro / 0.9 PERS F1 in the sixth round, from the
classes alone; EntityTagging.md), and it favours changes that lean on those lexicons.
This script removes the leak: for each fold k it rebuilds the four from the other folds
only (and the news sample and the transliteration pairs, as their scripts do), runs
`qalam train ner --folds K --only-fold k` with those lexicons (`QALAM_LEXICONS`, a copy of
`Lexicons/` that links every other file), and scores the pooled fold outputs with
`qalam eval ner`. The folds are cut as the Swift command cuts them (contiguous runs of
sentences, `count * k / K`); the script checks that each fold's output has the fold's
tokens. (Until the tenth round only the classes were rebuilt; the Brown paths came in the
eleventh.)

Run from the package root after `swift build -c release` (four folds: about 16 minutes on
two cores, most of it the Brown clusters; with `--work DIR --reuse-lexicons` a second run
keeps DIR's per-fold lexicons and takes about a minute). Arguments after `--` go to `qalam train ner` (e.g. `-- --ensemble 5`):

    python3 Lexicons/scripts/leak_free_cv.py --train ../shared/data/anercorp/train.txt \\
        --news ../shared/data/news/saudinewsnet-sample.txt

Deterministic, like the commands it runs. Needs numpy and scipy (for the word classes).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CLUSTERS = os.path.join("names", "word-clusters.tsv")
STEMS = os.path.join("segmenter", "stems.tsv")
TRIGRAMS = os.path.join("names", "translit-trigrams.tsv")
BROWN = os.path.join("names", "brown-paths.tsv")


def read_sentences(path):
    """Sentences as lists of raw lines, split at blank lines (as `CoNLLCorpus.sentences`)."""
    sentences, current = [], []
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n").rstrip("\r")
            fields = line.replace("\t", " ").split()
            if not fields:
                if current:
                    sentences.append(current)
                    current = []
                continue
            if line.startswith("#") and (len(fields) < 2 or not is_tag(fields[-1])):
                continue
            current.append(line)
    if current:
        sentences.append(current)
    return sentences


def is_tag(text):
    if text == "O":
        return True
    prefix, _, kind = text.partition("-")
    return prefix in ("B", "I") and kind in ("PERS", "PER", "ORG", "LOC", "MISC")


def write_sentences(path, sentences):
    with open(path, "w", encoding="utf-8") as handle:
        for sentence in sentences:
            handle.write("\n".join(sentence) + "\n\n")


def linked_lexicons(source, target, replaced):
    """A copy of the lexicon tree at `target`: symbolic links to `source`'s files, except the
    files of `replaced` (relative path → the file to copy in its place)."""
    for root, _, files in os.walk(source):
        relative = os.path.relpath(root, source)
        os.makedirs(os.path.join(target, relative), exist_ok=True)
        for name in files:
            path = os.path.normpath(os.path.join(relative, name))
            if path not in replaced:
                os.symlink(os.path.abspath(os.path.join(root, name)), os.path.join(target, path))
    for path, replacement in replaced.items():
        shutil.copyfile(replacement, os.path.join(target, path))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", required=True, help="CoNLL training data (ANERcorp train)")
    parser.add_argument("--news", required=True, help="unlabeled news, one article per line (the word classes' other source)")
    parser.add_argument("--pairs", default="", help="transliteration pairs for the trigrams (default: "
                        "data/translit/ar2en-train.tsv beside the train file's data folder)")
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--qalam", default=".build/release/qalam")
    parser.add_argument("--lexicons", default=os.path.normpath(os.path.join(HERE, "..")))
    parser.add_argument("--jobs", type=int, default=2, help="folds run at once")
    parser.add_argument("--work", default="", help="keep the per-fold files here (default: a temporary folder)")
    parser.add_argument("--reuse-lexicons", action="store_true", help="with --work: keep per-fold lexicons "
                        "already built there by an earlier run (for trying tagger changes that leave the lexicons alone)")
    parser.add_argument("train_args", nargs="*", help="after --: options for qalam train ner")
    args = parser.parse_args()
    if args.folds < 2:
        sys.exit("--folds must be at least 2")
    if not os.access(args.qalam, os.X_OK):
        sys.exit(f"{args.qalam}: not an executable (build first: swift build -c release)")
    if not args.pairs:
        args.pairs = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(args.train))), "translit", "ar2en-train.tsv")
    for path in (args.train, args.news, args.pairs):
        if not os.path.isfile(path):
            sys.exit(f"{path}: no such file")

    sentences = read_sentences(args.train)
    if len(sentences) < args.folds:
        sys.exit(f"{args.train}: {len(sentences)} sentences, fewer than --folds {args.folds}")
    work = args.work or tempfile.mkdtemp(prefix="qalam-lfcv-")
    os.makedirs(work, exist_ok=True)
    try:
        run(args, sentences, work)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


def run(args, sentences, work):
    """The per-fold word classes and runs, then the pooled score (files in `work`)."""
    count = len(sentences)
    ranges = [(count * k // args.folds, count * (k + 1) // args.folds) for k in range(args.folds)]

    # Word classes, stem counts, trigrams and Brown paths per fold, from the other folds (and the news, the pairs).
    jobs = []
    for k, (lower, upper) in enumerate(ranges):
        rest = os.path.join(work, f"train-without-{k + 1}.txt")
        write_sentences(rest, sentences[:lower] + sentences[upper:])
        script = lambda name: [sys.executable, os.path.join(HERE, name)]
        jobs.append((script("build_word_clusters.py") + [args.news, rest], os.path.join(work, f"word-clusters-{k + 1}.tsv")))
        jobs.append((script("build_stems.py") + [rest, args.news], os.path.join(work, f"stems-{k + 1}.tsv")))
        jobs.append((script("build_translit_trigrams.py") + [args.pairs, rest], os.path.join(work, f"trigrams-{k + 1}.tsv")))
        jobs.append((script("build_brown_clusters.py") + [args.news, rest], os.path.join(work, f"brown-{k + 1}.tsv")))
    if args.reuse_lexicons:
        jobs = [job for job in jobs if not (os.path.isfile(job[1]) and os.path.getsize(job[1]) > 0)]
    run_all(jobs, args.jobs, "per-fold lexicons")

    # One cross-validation run per fold, with that fold's lexicons.
    jobs = []
    for k in range(args.folds):
        lexicons = os.path.join(work, f"lexicons-{k + 1}")
        if os.path.exists(lexicons):
            shutil.rmtree(lexicons)
        linked_lexicons(args.lexicons, lexicons, {
            CLUSTERS: os.path.join(work, f"word-clusters-{k + 1}.tsv"),
            STEMS: os.path.join(work, f"stems-{k + 1}.tsv"),
            TRIGRAMS: os.path.join(work, f"trigrams-{k + 1}.tsv"),
            BROWN: os.path.join(work, f"brown-{k + 1}.tsv"),
        })
        output = os.path.join(work, f"fold-{k + 1}.conll")
        command = [args.qalam, "train", "ner", "--train", args.train, "--out", os.path.join(work, f"unused-{k + 1}.bin"),
                   "--folds", str(args.folds), "--only-fold", str(k + 1), "--fold-output", output] + args.train_args
        jobs.append((command, os.path.join(work, f"fold-{k + 1}.log"), {"QALAM_LEXICONS": lexicons}))
    run_all(jobs, args.jobs, "folds")

    pooled = os.path.join(work, "pooled.conll")
    with open(pooled, "w", encoding="utf-8") as out:
        for k, (lower, upper) in enumerate(ranges):
            with open(os.path.join(work, f"fold-{k + 1}.conll"), encoding="utf-8") as handle:
                text = handle.read()
            tokens = sum(1 for line in text.split("\n") if line.strip())
            expected = sum(len(s) for s in sentences[lower:upper])
            if tokens != expected:
                sys.exit(f"fold {k + 1}: {tokens} tokens tagged, the fold has {expected}: the folds are cut differently")
            out.write(text)
    where = f" (files in {work})" if args.work else ""
    print(f"leak-free cross-validation, {args.folds} folds{where}:")
    sys.stdout.flush()
    subprocess.run([args.qalam, "eval", "ner", "--gold", args.train, "--system", pooled], check=True)


def run_all(jobs, width, what):
    """Runs (command, output file[, extra environment]) jobs, `width` at a time; stops on the first failure."""
    pending = list(jobs)
    running = []
    while pending or running:
        while pending and len(running) < width:
            command, output, *extra = pending.pop(0)
            environment = dict(os.environ, **(extra[0] if extra else {}))
            handle = open(output, "w", encoding="utf-8")
            running.append((subprocess.Popen(command, stdout=handle, stderr=subprocess.PIPE if not extra else handle,
                                             env=environment), handle, command))
        process, handle, command = running.pop(0)
        _, error = process.communicate()
        handle.close()
        if process.returncode != 0:
            sys.exit(f"{what}: {' '.join(command)} failed ({process.returncode})" + (f": {error.decode()[-500:]}" if error else ""))


if __name__ == "__main__":
    main()
