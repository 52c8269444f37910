#!/usr/bin/env python3
"""Train the Latin letter model of Qalam's name romanizer: a letter n-gram model of real
Latin-script names (interpolated modified Kneser-Ney, written in back-off form).

The romanizer's beam search adds its score (times a weight) to the joint graphone model,
so spellings that look like real names ("belmokhtar") beat letter salads ("belmkhtar").

Training names, each counted once (types): the US census names (latin-names.tsv), the
world names (world-names.tsv, Faker) and the Latin words of the training pairs (the 'w'
lines of the graphone model file, so a model trained with --dev-every gives a letter model
without the held-out names).

Usage (from the package root; this exact command regenerates the shipped file):
    python3 Lexicons/scripts/train_latin_letters.py --model Lexicons/translit/romanizer-model.tsv \
        --names Lexicons/translit/latin-names.tsv --names Lexicons/translit/world-names.tsv \
        --out Lexicons/translit/latin-letter-model.tsv
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_translit import BOS, EOS, train_kn  # noqa: E402

ALPHABET = set("abcdefghijklmnopqrstuvwxyz'-")


def read_names(path, model_file):
    names = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if model_file:
                if fields[0] == "w" and len(fields) >= 3:
                    names.append(fields[1])
            else:
                names.append(fields[0])
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True, help="graphone model file (its 'w' lines are training names)")
    parser.add_argument("--names", action="append", default=[], help="NAME<TAB>... lexicon (repeatable)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--order", type=int, default=6)
    args = parser.parse_args()

    types = set(read_names(args.model, True))
    for path in args.names:
        types.update(read_names(path, False))
    words = sorted(w for w in types if len(w) >= 2 and set(w) <= ALPHABET)
    sequences = [[(c,) for c in w] for w in words]
    model = train_kn(sequences, args.order, 0.8, modified=True)

    def spell(gram):
        return "".join("^" if t == BOS else "$" if t == EOS else t[0] for t in gram)

    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# Qalam name romanizer: Latin letter n-gram model of real names (modified Kneser-Ney, back-off form).\n")
        out.write(f"# Trained on {len(words)} name types: US census 1990 names (public domain, via PyPI 'names' 0.3.0, MIT),\n")
        out.write("# Faker 40.63.0 person names (MIT) and the Latin side of ar2en-train.tsv (google/transliteration, Apache-2.0).\n")
        out.write("# Licence of this derived file: Apache-2.0.\n")
        out.write("# Regenerate (deterministic): python3 Lexicons/scripts/train_latin_letters.py --model Lexicons/translit/romanizer-model.tsv "
                  "--names Lexicons/translit/latin-names.tsv --names Lexicons/translit/world-names.tsv "
                  f"--out Lexicons/translit/latin-letter-model.tsv --order {args.order}\n")
        out.write("# Format: 'order N'; 'n LOG10P LOG10BOW LETTERS' with ^ = start of name, $ = end of name.\n")
        out.write(f"order\t{args.order}\n")
        for gram in sorted(model, key=lambda g: (len(g), spell(g))):
            lp, bow = model[gram]
            out.write(f"n\t{lp:.4f}\t{bow:.4f}\t{spell(gram)}\n")
    print(f"{len(words)} names, {len(model)} n-grams", file=sys.stderr)


if __name__ == "__main__":
    main()
