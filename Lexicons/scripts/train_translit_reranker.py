#!/usr/bin/env python3
"""Train the n-best reranker of Qalam's name romanizer (an averaged perceptron).

The romanizer's beam search gives, per Arabic word, a list of Latin spellings scored by
the graphone model plus fixed lexicon bonuses. The reranker rescores each spelling with a
weighted sum of features (see FEATURES; `Sources/QalamNames/RomanizerReranker.swift`
computes the same ones and must stay in sync):

    model   joint-model log10 score (after merging segmentations)
    census  1 if a US census name; crank = 5 - log10(census rank)
    world   1 if a world (Faker) name; wloc = log10(number of locales)
    train   1 if a Latin name of the model's training pairs; tlog = log10(count + 1)
    nolex   1 if in none of the three lists
    len     Latin letters / folded Arabic letters
    dbl     adjacent equal letters; vowrun: adjacent vowel pairs (a e i o u)
    ou oo ee w   non-overlapping counts of these strings
    endh endy endi ende   1 if the spelling ends with that letter

Training data must be n-best lists of names the model did not see: train one model per
fold of ar2en-train.tsv (`train_translit.py --dev-every 10 --dev-offset K --modified`),
dump each fold's n-best with the Swift decoder, reranker off
(`qalam eval translit --gold dK.tsv --model mK.tsv --nbest-out nbK.tsv --nbest 32`),
then run this script over all folds. Deterministic: fixed order, no randomness.

Usage:
    python3 Lexicons/scripts/train_translit_reranker.py --folds /tmp/folds --count 10 \
        --out Lexicons/translit/romanizer-reranker.tsv
"""
import argparse
import math
import os
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_translit import fold_arabic  # noqa: E402

FEATURES = ["model", "census", "crank", "world", "wloc", "train", "tlog", "nolex", "len",
            "dbl", "vowrun", "ou", "oo", "ee", "w", "endh", "endy", "endi", "ende"]
CENSUS_BONUS, CENSUS_RANK_WEIGHT, TRAINING_BONUS, WORLD_BONUS, WORLD_LOCALE_WEIGHT = 2.0, 0.3, 0.5, 1.0, 0.5


def read_names(path):
    names = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            names[fields[0]] = min(int(fields[1]), names.get(fields[0], 10 ** 9))
    return names


def features(latin, arabic_letters, census, world, train):
    f = dict.fromkeys(FEATURES, 0.0)
    if latin in census:
        f["census"], f["crank"] = 1.0, 5 - math.log10(census[latin])
    if latin in world:
        f["world"], f["wloc"] = 1.0, math.log10(world[latin])
    if latin in train:
        f["train"], f["tlog"] = 1.0, math.log10(train[latin] + 1)
    if not (latin in census or latin in world or latin in train):
        f["nolex"] = 1.0
    f["len"] = len(latin) / max(1, arabic_letters)
    f["dbl"] = sum(1 for a, b in zip(latin, latin[1:]) if a == b)
    f["vowrun"] = sum(1 for a, b in zip(latin, latin[1:]) if a in "aeiou" and b in "aeiou")
    for key in ("ou", "oo", "ee", "w"):
        f[key] = latin.count(key)
    for letter in "hyie":
        f["end" + letter] = 1.0 if latin.endswith(letter) else 0.0
    return f


def base_bonus(latin, census, world, train):
    """The fixed bonuses the n-best scores include (NameRomanizer.Configuration defaults)."""
    bonus = 0.0
    if latin in census:
        bonus += CENSUS_BONUS + CENSUS_RANK_WEIGHT * (5 - math.log10(census[latin]))
    if latin in train:
        bonus += TRAINING_BONUS
    if latin in world:
        bonus += WORLD_BONUS + WORLD_LOCALE_WEIGHT * math.log10(max(1, world[latin]))
    return bonus


def load_fold(folder, k, census, world):
    train = {}
    with open(os.path.join(folder, f"m{k}.tsv"), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("w\t"):
                _, word, count = line.rstrip("\n").split("\t")
                train[word] = int(count)
    with open(os.path.join(folder, f"d{k}.tsv"), encoding="utf-8") as handle:
        arabic = [line.split("\t")[0] for line in handle]
    lists, gold = defaultdict(list), {}
    with open(os.path.join(folder, f"nb{k}.tsv"), encoding="utf-8") as handle:
        for line in handle:
            index, g, latin, score = line.rstrip("\n").split("\t")
            index = int(index)
            gold[index] = g
            f = features(latin, len(fold_arabic(arabic[index])), census, world, train)
            f["model"] = float(score) - base_bonus(latin, census, world, train)
            lists[index].append((latin, [f[name] for name in FEATURES]))
    return [(gold[i], lists[i]) for i in sorted(lists)]


def dot(weights, values):
    return sum(w * v for w, v in zip(weights, values))


def train(data, epochs, rate=0.1):
    weights = [0.0] * len(FEATURES)
    weights[0] = 1.0
    totals = [0.0] * len(FEATURES)
    step = 1
    for _ in range(epochs):
        for gold, candidates in data:
            gold_values = next((v for latin, v in candidates if latin == gold), None)
            if gold_values is not None:
                best_latin, best_values = max(candidates, key=lambda c: dot(weights, c[1]))
                if best_latin != gold:
                    for i in range(len(weights)):
                        delta = (gold_values[i] - best_values[i]) * rate
                        weights[i] += delta
                        totals[i] += step * delta
            step += 1
    return [w - t / step for w, t in zip(weights, totals)]


def accuracy(weights, data):
    top1 = top5 = 0
    for gold, candidates in data:
        ranked = [latin for latin, _ in sorted(candidates, key=lambda c: -dot(weights, c[1]))]
        top1 += ranked[:1] == [gold]
        top5 += gold in ranked[:5]
    return top1 / len(data), top5 / len(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", required=True, help="folder with mK.tsv, dK.tsv, nbK.tsv")
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--test-fold", type=int, default=-1,
                        help="train on the other folds and report accuracy on this one (--out: headerless weights)")
    parser.add_argument("--names", default="Lexicons/translit/latin-names.tsv")
    parser.add_argument("--world", default="Lexicons/translit/world-names.tsv")
    parser.add_argument("--out", default="")
    args = parser.parse_args()
    census, world = read_names(args.names), read_names(args.world)
    folds = {k: load_fold(args.folds, k, census, world) for k in range(args.count)}
    if args.test_fold >= 0:
        data = [x for k in range(args.count) if k != args.test_fold for x in folds[k]]
        weights = train(data, args.epochs)
        if args.out:
            with open(args.out, "w", encoding="utf-8") as out:
                for name, weight in zip(FEATURES, weights):
                    out.write(f"{name}\t{weight:.6f}\n")
        base = [1.0] + [0.0] * (len(FEATURES) - 1)
        test = folds[args.test_fold]
        print(f"fold {args.test_fold}: before (n-best order) top1/top5 "
              f"{sum(c[0][0] == g for g, c in test) / len(test):.4f}/"
              f"{sum(g in [l for l, _ in c[:5]] for g, c in test) / len(test):.4f}  "
              f"reranked {accuracy(weights, test)[0]:.4f}/{accuracy(weights, test)[1]:.4f}  "
              f"(model score only {accuracy(base, test)[0]:.4f})")
        return
    data = [x for k in range(args.count) for x in folds[k]]
    weights = train(data, args.epochs)
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# Qalam name romanizer: n-best reranker weights (averaged perceptron), FEATURE<TAB>WEIGHT.\n")
        out.write("# Source: n-best lists of 10 held-out folds of ar2en-train.tsv (Apache-2.0), census and\n")
        out.write("# world name lists (see latin-names.tsv, world-names.tsv). Licence: Apache-2.0.\n")
        out.write("# Regenerate: see Lexicons/scripts/train_translit_reranker.py (fold loop) and notes/translit.md;\n")
        out.write(f"# python3 Lexicons/scripts/train_translit_reranker.py --folds FOLDS --count {args.count} "
                  f"--epochs {args.epochs} --out {args.out}\n")
        for name, weight in zip(FEATURES, weights):
            out.write(f"{name}\t{weight:.6f}\n")
    print(f"trained on {len(data)} lists: {accuracy(weights, data)}", file=sys.stderr)


if __name__ == "__main__":
    main()
