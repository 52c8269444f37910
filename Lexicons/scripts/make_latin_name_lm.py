#!/usr/bin/env python3
"""Build a Latin name letter n-gram language model (an experiment of Qalam's name romanizer).

NOT SHIPPED: the eighth round of the romanizer work (Romanization.md, "Eighth round") tried the
per-letter log-probability of a candidate spelling under this model as a feature of the n-best
reranker (`RomanizerReranker`) — how name-like a spelling is, also for one that no name list
holds — and did not keep it (no dev gain). The script stays so those figures can be reproduced.

The model is trained ONLY on the external name lists that ship in `Lexicons/translit/` (US
census 1990 `latin-names.tsv`, census 2010/2020 `census-names.tsv`, voter files
`voter-names.tsv`, world names `world-names.tsv`), each distinct name once (type counts) —
never on the Arabic-Latin training pairs (their held-out folds train the reranker).

Model: letters a-z (any other character of a name is the one "other" symbol `'`), a begin mark
`^` and an end mark `$`; interpolated modified Kneser-Ney (three discounts per order from the
count-of-counts; continuation counts below the top order, raw counts for n-grams starting with
`^`); count pruning (an n-gram of order >= 3 is kept when its count at its order is at least
--min-count; the contexts of kept n-grams are kept too); the kept probabilities written in
back-off form, each context's back-off weight recomputed so that its distribution sums to one.
Deterministic.

Output: `#` header lines, one `@order<TAB>N` line, then `NGRAM<TAB>LOG10P[<TAB>LOG10BOW]` lines
(the back-off weight left out when it is 0), NGRAM = `^`? [a-z']* `$`? (the unigram `^` is a
context only: LOG10P -99).

Usage (the model of the eighth round's Swift dev run: 238,748 n-grams, 3.4 MB):
    python3 Lexicons/scripts/make_latin_name_lm.py --lists Lexicons/translit --order 5 --min-count 3 \\
        > /tmp/latin-name-lm.tsv
Score names (one per line on stdin; prints the per-letter log10 probability, end mark included):
    python3 Lexicons/scripts/make_latin_name_lm.py --score /tmp/latin-name-lm.tsv < names.txt
"""
import argparse
import math
import os
import sys
from collections import defaultdict

LISTS = ["latin-names.tsv", "census-names.tsv", "voter-names.tsv", "world-names.tsv"]


def normalize(word):
    """Lower-case letters a-z, anything else as the other symbol `'`."""
    return "".join(c if "a" <= c <= "z" else "'" for c in word.lower())


def read_names(folder):
    names = set()
    for name in LISTS:
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#") or not line.strip():
                    continue
                letters = normalize(line.split("\t", 1)[0].strip())
                if sum("a" <= c <= "z" for c in letters) >= 2:
                    names.add(letters)
    return sorted(names)


def discounts(counts):
    ns = [0] * 5
    for c in counts.values():
        if c <= 4:
            ns[c] += 1
    n1, n2, n3, n4 = ns[1], ns[2], ns[3], ns[4]
    if min(n1, n2, n3, n4) == 0:
        return (0.5, 1.0, 1.5)
    y = n1 / (n1 + 2 * n2)
    return (max(0.05, 1 - 2 * y * n2 / n1), max(0.05, 2 - 3 * y * n3 / n2), max(0.05, 3 - 4 * y * n4 / n3))


def build(names, order, min_count):
    """Back-off model: {ngram: (log10p, log10bow)}."""
    raw = [None] + [defaultdict(int) for _ in range(order)]
    for name in names:
        padded = "^" + name + "$"
        for end in range(1, len(padded)):
            for n in range(1, min(order, end + 1) + 1):
                raw[n][padded[end - n + 1:end + 1]] += 1
    used = [None] + [defaultdict(int) for _ in range(order)]
    used[order] = raw[order]
    for n in range(1, order):
        for gram, count in raw[n].items():
            if gram.startswith("^"):
                used[n][gram] = count
        for gram in raw[n + 1]:
            used[n][gram[1:]] += 1
    # kept n-grams, with their contexts
    kept = [None] + [set(used[n]) if n <= 2 else {g for g, c in used[n].items() if c >= min_count}
                     for n in range(1, order + 1)]
    for n in range(order, 2, -1):
        for gram in kept[n]:
            kept[n - 1].add(gram[:-1])
    kept[1].add("'")
    # unigrams: continuation counts, discounted, interpolated with uniform
    symbols = sorted(s for s in kept[1] if s != "^")
    logp, bow = {}, {}
    d = discounts(used[1])
    total = sum(used[1].values())
    gamma = sum(d[min(c, 3) - 1] for c in used[1].values()) / total
    for s in symbols:
        c = used[1].get(s, 0)
        logp[s] = math.log10((c - d[min(c, 3) - 1] if c else 0.0) / total + gamma / len(symbols))
    logp["^"] = -99.0

    def backoff(gram):
        """log10 P(last | rest) of the back-off model built so far."""
        penalty = 0.0
        while gram not in logp:
            penalty += bow.get(gram[:-1], 0.0)
            gram = gram[1:]
        return penalty + logp[gram]

    for n in range(2, order + 1):
        counts = used[n]
        d = discounts(counts)
        context_total = defaultdict(int)
        context_types = defaultdict(lambda: [0, 0, 0])
        for gram, c in counts.items():
            context_total[gram[:-1]] += c
            context_types[gram[:-1]][min(c, 3) - 1] += 1
        children = defaultdict(list)
        for gram in sorted(kept[n]):
            h = gram[:-1]
            c = counts.get(gram, 0)
            g = sum(d[i] * context_types[h][i] for i in range(3)) / context_total[h]
            p = (max(c - d[min(c, 3) - 1], 0.0) if c else 0.0) / context_total[h] + g * 10 ** backoff(gram[1:])
            children[h].append(gram)
            logp[gram] = math.log10(p)
        for h, grams in children.items():
            mass = sum(10 ** logp[g] for g in grams)
            lower = sum(10 ** backoff(g[1:]) for g in grams)
            bow[h] = math.log10(max(1e-9, 1 - mass) / max(1e-9, 1 - lower))
    return {g: (logp[g], bow.get(g, 0.0)) for g in logp}


def write(model, order, args, names, out):
    out.write("# Latin name letter n-gram language model (Qalam name romanizer experiment, eighth round; not shipped).\n")
    out.write(f"# Interpolated modified Kneser-Ney, order {order}, n-grams of order >= 3 kept from count {args.min_count};\n")
    out.write(f"# back-off form: NGRAM<TAB>LOG10P[<TAB>LOG10BOW], ^ = begin, $ = end, ' = other character; {len(model)} n-grams.\n")
    out.write(f"# Trained on the {len(names)} distinct names of the shipped lists latin-names.tsv (US census 1990), census-names.tsv\n")
    out.write("# (US census 2010/2020), voter-names.tsv (Rosenman, Olivella & Imai 2023, CC0) and world-names.tsv (Faker, Mimesis,\n")
    out.write("# japanese-personal-name-dataset, MIT); see their headers. Public domain / CC0 / MIT sources; this file MIT.\n")
    out.write(f"# Regenerate: python3 Lexicons/scripts/make_latin_name_lm.py --lists Lexicons/translit --order {order} "
              f"--min-count {args.min_count} > latin-name-lm.tsv\n")
    out.write(f"@order\t{order}\n")
    for gram in sorted(model, key=lambda g: (len(g), g)):
        p, b = model[gram]
        out.write(f"{gram}\t{p:.3f}\t{b:.3f}\n" if round(b, 3) != 0 else f"{gram}\t{p:.3f}\n")


def load(path):
    model, order = {}, 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "@order":
                order = int(fields[1])
                continue
            model[fields[0]] = (float(fields[1]), float(fields[2]) if len(fields) > 2 else 0.0)
    return model, order


def score(model, order, name):
    """Per-letter log10 probability of `name` (end mark included)."""
    padded = "^" + normalize(name) + "$"
    total = 0.0
    for end in range(1, len(padded)):
        gram = padded[max(0, end - order + 1):end + 1]
        penalty = 0.0
        while gram not in model:
            penalty += model.get(gram[:-1], (0.0, 0.0))[1]
            gram = gram[1:]
        total += penalty + model[gram][0]
    return total / (len(padded) - 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lists", help="folder holding the name lists")
    parser.add_argument("--order", type=int, default=5)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--score", help="score stdin names with this model file instead")
    args = parser.parse_args()
    if args.score:
        model, order = load(args.score)
        for line in sys.stdin:
            print(f"{score(model, order, line.strip()):.4f}")
        return
    if not args.lists:
        parser.error("--lists is required")
    names = read_names(args.lists)
    model = build(names, args.order, args.min_count)
    write(model, args.order, args, names, sys.stdout)


if __name__ == "__main__":
    main()
