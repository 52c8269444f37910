#!/usr/bin/env python3
"""Train Qalam's name romanizer: Arabic-script name -> Latin spelling.

Model: a joint-sequence ("graphone") n-gram model (Bisani & Ney 2008 style).
1. Every training pair (Arabic word, Latin word) is segmented into graphones: pairs of
   1-2 Arabic letters and 0-3 Latin letters. The segmentation is learned with EM over
   all monotone segmentations (forward-backward, unigram graphone probabilities), then
   each pair is Viterbi-aligned.
2. An n-gram model over graphone sequences (interpolated Kneser-Ney, one discount per
   order) is estimated and written in back-off form (log10 probability and back-off
   weight per n-gram), which the Swift decoder (`NameRomanizer`) reads.

The training is deterministic: no randomness, sorted iteration everywhere.

Usage (from the package root; this exact command regenerates the shipped model):
    python3 Lexicons/scripts/train_translit.py \
        --train ../shared/data/translit/ar2en-train.tsv \
        --out Lexicons/translit/romanizer-model.tsv

    --dev-every N  holds out every N-th pair (line index % N == N-1) for development;
                   those pairs are written to --dev-out and not trained on.

Experiment options (ninth round; NOT used for the shipped model, which they leave
byte-identical when absent): --extra-pairs FILE adds ARABIC<TAB>LATIN pairs (e.g. from
make_egyptian_pairs.py) to the EM alignment and the n-gram counts (--extra-em-only: to the
alignment only); --train-weight K counts each --train pair K times. None of them helped on the
dev folds (Romanization.md, "Ninth round"); integer weights K > 1 also defeat modified
Kneser-Ney's count-of-counts discounts.
"""
import argparse
import math
import sys
import unicodedata
from collections import defaultdict

MAX_AR = 2
MAX_LA = 3

# Letters folded before training and decoding (the Swift side does the same folding:
# keep the two in sync; see ArabicNameFolding.swift).
AR_FOLD = {
    "\u06CC": "\u064A",  # Farsi yeh -> yeh
    "\u06A9": "\u0643",  # keheh -> kaf
    "\u06AF": "\u063A",  # gaf -> ghain (as Arabic news spells g)
    "\u067E": "\u0628",  # peh -> beh
    "\u0686": "\u062A\u0634",  # tcheh -> ta + sheen
    "\u06A4": "\u0641",  # veh -> feh
    "\u0698": "\u0632",  # jeh -> zain
    "\u06D2": "\u064A",  # yeh barree -> yeh
    "\u0671": "\u0627",  # alef wasla -> alef
}


def fold_arabic(word):
    out = []
    for ch in word:
        code = ord(ch)
        if 0x064B <= code <= 0x0652 or code in (0x0640, 0x0670, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0xFEFF):
            continue  # harakat, tatweel, superscript alef, joiners, direction marks
        out.append(AR_FOLD.get(ch, ch))
    return "".join(out)


LATIN_FOLD = {"ø": "o", "ı": "i", "ł": "l", "œ": "oe", "æ": "ae", "ß": "ss", "đ": "d", "ð": "d", "’": "'", "ʻ": "'"}


def fold_latin(word):
    word = word.lower()
    out = []
    for ch in word:
        if ch in LATIN_FOLD:
            out.append(LATIN_FOLD[ch])
            continue
        for d in unicodedata.normalize("NFKD", ch):
            if unicodedata.combining(d):
                continue
            out.append(d)
    return "".join(out)


def is_arabic_letter(ch):
    return 0x0621 <= ord(ch) <= 0x064A


def read_pairs(path):
    pairs = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n").rstrip("\r")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < 2:
                continue
            pairs.append((fields[0], fields[1]))
    return pairs


def usable(ar, la):
    if not ar or not la or not all(is_arabic_letter(c) for c in ar):
        return False
    if not all(("a" <= c <= "z") or c in "'-" for c in la):
        return False
    # Every Arabic letter needs at most MAX_LA Latin letters on average, and the Latin
    # side must be coverable: len(la) <= MAX_LA * len(ar).
    return len(la) <= MAX_LA * len(ar)


def segmentations_lattice(ar, la):
    """All (i, j, di, dj) edges of the monotone segmentation lattice."""
    edges = []
    for i in range(len(ar) + 1):
        for j in range(len(la) + 1):
            for di in range(1, MAX_AR + 1):
                if i + di > len(ar):
                    break
                for dj in range(0, MAX_LA + 1):
                    if j + dj > len(la):
                        break
                    edges.append((i, j, di, dj))
    return edges


def em_align(pairs, iterations, weights=None):
    """EM over graphone unigrams; `weights[k]` (default 1) counts pair k that many times."""
    if weights is None:
        weights = [1.0] * len(pairs)
    # Uniform start over every graphone seen in some lattice.
    counts = defaultdict(float)
    for (ar, la), w in zip(pairs, weights):
        for i, j, di, dj in segmentations_lattice(ar, la):
            counts[(ar[i:i + di], la[j:j + dj])] += w
    total = sum(counts.values())
    prob = {g: c / total for g, c in counts.items()}
    for iteration in range(iterations):
        counts = defaultdict(float)
        loglik = 0.0
        for (ar, la), w in zip(pairs, weights):
            n, m = len(ar), len(la)
            alpha = [[0.0] * (m + 1) for _ in range(n + 1)]
            alpha[0][0] = 1.0
            for i in range(n + 1):
                for j in range(m + 1):
                    a = alpha[i][j]
                    if a == 0.0:
                        continue
                    for di in range(1, MAX_AR + 1):
                        if i + di > n:
                            break
                        sa = ar[i:i + di]
                        for dj in range(0, MAX_LA + 1):
                            if j + dj > m:
                                break
                            p = prob.get((sa, la[j:j + dj]), 0.0)
                            if p:
                                alpha[i + di][j + dj] += a * p
            z = alpha[n][m]
            if z <= 0.0:
                continue
            loglik += w * math.log(z)
            beta = [[0.0] * (m + 1) for _ in range(n + 1)]
            beta[n][m] = 1.0
            for i in range(n, -1, -1):
                for j in range(m, -1, -1):
                    if i == n and j == m:
                        continue
                    b = 0.0
                    for di in range(1, MAX_AR + 1):
                        if i + di > n:
                            break
                        sa = ar[i:i + di]
                        for dj in range(0, MAX_LA + 1):
                            if j + dj > m:
                                break
                            p = prob.get((sa, la[j:j + dj]), 0.0)
                            if p:
                                b += p * beta[i + di][j + dj]
                    beta[i][j] = b
            for i in range(n + 1):
                for j in range(m + 1):
                    a = alpha[i][j]
                    if a == 0.0:
                        continue
                    for di in range(1, MAX_AR + 1):
                        if i + di > n:
                            break
                        sa = ar[i:i + di]
                        for dj in range(0, MAX_LA + 1):
                            if j + dj > m:
                                break
                            g = (sa, la[j:j + dj])
                            p = prob.get(g, 0.0)
                            if p:
                                counts[g] += w * a * p * beta[i + di][j + dj] / z
        total = sum(counts.values())
        prob = {g: c / total for g, c in sorted(counts.items()) if c / total > 1e-7}
        print(f"EM iteration {iteration + 1}: log-likelihood {loglik:.1f}, graphones {len(prob)}", file=sys.stderr)
    return prob


def viterbi(ar, la, prob):
    n, m = len(ar), len(la)
    best = [[(-1e300, None)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = (0.0, None)
    for i in range(n + 1):
        for j in range(m + 1):
            score = best[i][j][0]
            if score <= -1e299:
                continue
            for di in range(1, MAX_AR + 1):
                if i + di > n:
                    break
                sa = ar[i:i + di]
                for dj in range(0, MAX_LA + 1):
                    if j + dj > m:
                        break
                    p = prob.get((sa, la[j:j + dj]), 0.0)
                    if p <= 0.0:
                        continue
                    s = score + math.log(p)
                    if s > best[i + di][j + dj][0]:
                        best[i + di][j + dj] = (s, (i, j))
    if best[n][m][1] is None:
        return None
    seq = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj = best[i][j][1]
        seq.append((ar[pi:i], la[pj:j]))
        i, j = pi, pj
    seq.reverse()
    return seq


BOS = ("<s>", "")
EOS = ("</s>", "")


def modified_discounts(counts):
    """Chen & Goodman's three discounts (for counts 1, 2, 3+) from the count-of-counts."""
    n = [0] * 5
    for c in counts.values():
        if c <= 4:
            n[c] += 1
    if min(n[1:5]) == 0:
        return None
    y = n[1] / (n[1] + 2 * n[2])
    d = (1 - 2 * y * n[2] / n[1], 2 - 3 * y * n[3] / n[2], 3 - 4 * y * n[4] / n[3])
    return d if all(0 < x < k + 1 for k, x in enumerate(d)) else None


def train_kn(sequences, order, discount, modified=False, weights=None):
    """Interpolated Kneser-Ney (one discount, or three with `modified`); returns {ngram: (log10 p, log10 bow)}.

    `weights[k]` (an integer, default 1) counts sequence k that many times (highest order only
    differs: the lower orders use Kneser-Ney continuation counts, which count distinct contexts)."""
    counts = [defaultdict(int) for _ in range(order + 1)]
    if weights is None:
        weights = [1] * len(sequences)
    for seq, weight in zip(sequences, weights):
        tokens = [BOS] * (order - 1) + seq + [EOS]
        for k in range(order - 1, len(tokens)):
            for n in range(1, order + 1):
                if k - n + 1 < 0:
                    break
                gram = tuple(tokens[k - n + 1:k + 1])
                if n < order and all(t == BOS for t in gram[:-1]) and gram[-1] == BOS:
                    continue
                counts[n][gram] += weight
    # Kneser-Ney continuation counts for lower orders.
    effective = [None] * (order + 1)
    effective[order] = dict(counts[order])
    for n in range(order - 1, 0, -1):
        cont = defaultdict(int)
        for gram in counts[n + 1]:
            cont[gram[1:]] += 1
        eff = {}
        for gram in counts[n]:
            # n-grams starting with <s> have no left context: keep raw counts.
            eff[gram] = cont.get(gram, 0) if gram[0] != BOS else counts[n][gram]
            if eff[gram] == 0:
                eff[gram] = counts[n][gram]
        effective[n] = eff
    vocab = sorted({g[-1] for g in effective[1]})
    probs = {}
    # Unigrams: discounted continuation probability + uniform share.
    total1 = sum(effective[1].values())
    kinds1 = len(effective[1])
    for gram in sorted(effective[1]):
        c = effective[1][gram]
        probs[gram] = max(c - discount, 0) / total1 + discount * kinds1 / total1 / len(vocab)
    for n in range(2, order + 1):
        three = modified_discounts(effective[n]) if modified else None
        def cut(c):
            if three is None:
                return discount
            return three[min(c, 3) - 1]
        ctx_total = defaultdict(int)
        ctx_mass = defaultdict(float)
        for gram, c in effective[n].items():
            ctx_total[gram[:-1]] += c
            ctx_mass[gram[:-1]] += min(cut(c), c)
        for gram in sorted(effective[n]):
            c = effective[n][gram]
            ctx = gram[:-1]
            lower = probs.get(gram[1:])
            if lower is None:
                lower = lower_prob(probs, gram[1:], None)
            gamma = ctx_mass[ctx] / ctx_total[ctx]
            probs[gram] = max(c - cut(c), 0) / ctx_total[ctx] + gamma * lower
    # Back-off weights: bow(ctx) = (1 - sum_seen p(w|ctx)) / (1 - sum_seen p_lower(w|ctx')).
    seen_by_ctx = defaultdict(list)
    for gram in probs:
        if len(gram) >= 2:
            seen_by_ctx[gram[:-1]].append(gram)
    bows = {}
    for ctx in sorted(seen_by_ctx):
        grams = seen_by_ctx[ctx]
        num = 1.0 - sum(probs[g] for g in grams)
        den = 1.0 - sum(lower_prob(probs, g[1:], bows) for g in grams)
        if num <= 0 or den <= 0:
            bows[ctx] = 1e-9
        else:
            bows[ctx] = num / den
    result = {}
    for gram in probs:
        result[gram] = (math.log10(probs[gram]), math.log10(bows.get(gram, 1.0)))
    # Histories made only of <s> are never predicted but need their back-off weight.
    for ctx in bows:
        if ctx not in result:
            result[ctx] = (-99.0, math.log10(bows[ctx]))
    return result


def lower_prob(probs, gram, bows):
    if gram in probs:
        return probs[gram]
    if len(gram) == 1:
        return 1e-7
    bow = bows.get(gram[:-1], 1.0) if bows is not None else 1.0
    return bow * lower_prob(probs, gram[1:], bows)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--order", type=int, default=4)
    parser.add_argument("--discount", type=float, default=0.7)
    parser.add_argument("--iterations", type=int, default=8)
    parser.add_argument("--max-arabic", type=int, default=1)
    parser.add_argument("--max-latin", type=int, default=3)
    parser.add_argument("--dev-every", type=int, default=0)
    parser.add_argument("--dev-out", default="")
    parser.add_argument("--dev-offset", type=int, default=-1,
                        help="with --dev-every N: hold out the pairs with index %% N == this (default N-1)")
    parser.add_argument("--modified", action="store_true",
                        help="modified Kneser-Ney: three discounts per order from the count-of-counts")
    parser.add_argument("--extra-pairs", default="",
                        help="ARABIC<TAB>LATIN file of extra training pairs for the joint model only "
                             "(counted once; not written as training names)")
    parser.add_argument("--train-weight", type=int, default=1,
                        help="with --extra-pairs: count each --train pair this many times (EM and n-grams)")
    parser.add_argument("--extra-em-only", action="store_true",
                        help="use the extra pairs in the EM alignment only, not in the n-gram counts")
    args = parser.parse_args()
    global MAX_AR, MAX_LA
    MAX_AR, MAX_LA = args.max_arabic, args.max_latin

    raw = read_pairs(args.train)
    pairs, dev = [], []
    for index, (ar, la) in enumerate(raw):
        offset = args.dev_every - 1 if args.dev_offset < 0 else args.dev_offset
        if args.dev_every and index % args.dev_every == offset:
            dev.append((ar, la))
            continue
        a, l = fold_arabic(ar), fold_latin(la)
        if usable(a, l):
            pairs.append((a, l))
    if args.dev_out:
        with open(args.dev_out, "w", encoding="utf-8") as handle:
            for ar, la in dev:
                handle.write(f"{ar}\t{la}\n")
    print(f"{len(pairs)} training pairs, {len(dev)} held out", file=sys.stderr)
    real_count = len(pairs)
    extra = []
    if args.extra_pairs:
        for ar, la in read_pairs(args.extra_pairs):
            a, l = fold_arabic(ar), fold_latin(la)
            if usable(a, l):
                extra.append((a, l))
        print(f"{len(extra)} extra pairs", file=sys.stderr)
    weights = [args.train_weight] * real_count + [1] * len(extra)

    prob = em_align(pairs + extra, args.iterations, [float(w) for w in weights])
    sequences, sequence_weights = [], []
    counted = real_count if args.extra_em_only else len(weights)
    for (ar, la), w in zip((pairs + extra)[:counted], weights[:counted]):
        seq = viterbi(ar, la, prob)
        if seq:
            sequences.append(seq)
            sequence_weights.append(w)
    model = train_kn(sequences, args.order, args.discount, args.modified, sequence_weights)
    graphones = sorted({g for gram in model for g in gram if g not in (BOS, EOS)})
    ids = {BOS: 0, EOS: 1}
    for g in graphones:
        ids[g] = len(ids)
    latin_words = defaultdict(int)
    for ar, la in pairs:
        latin_words[la] += 1

    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# Qalam name romanizer: joint-sequence (graphone) n-gram model, Arabic script -> Latin.\n")
        out.write("# Source: google/transliteration ar2en-train.tsv (Wikipedia-mined name pairs), Apache-2.0.\n")
        out.write("# Licence of this derived file: Apache-2.0.\n")
        out.write("# Regenerate (deterministic): python3 Lexicons/scripts/train_translit.py "
                  f"--train ../shared/data/translit/ar2en-train.tsv --out {args.out} "
                  f"--order {args.order} --discount {args.discount} --iterations {args.iterations} "
                  f"--max-arabic {args.max_arabic} --max-latin {args.max_latin}"
                  + (" --modified" if args.modified else "")
                  + (f" --extra-pairs {args.extra_pairs}" if args.extra_pairs else "")
                  + (" --extra-em-only" if args.extra_em_only else "")
                  + (f" --train-weight {args.train_weight}" if args.train_weight != 1 else "")
                  + (f" --dev-every {args.dev_every}" if args.dev_every else "") + "\n")
        out.write("# Format: 'order N'; 'g ID ARABIC LATIN' graphones (id 0 = <s>, 1 = </s>);\n")
        out.write("# 'n LOG10P LOG10BOW ID...' n-grams; 'w LATIN COUNT' Latin words seen in training.\n")
        out.write(f"order\t{args.order}\n")
        for g, i in sorted(ids.items(), key=lambda item: item[1]):
            if i < 2:
                continue
            out.write(f"g\t{i}\t{g[0]}\t{g[1]}\n")
        for gram in sorted(model, key=lambda gr: (len(gr), [ids[t] for t in gr])):
            lp, bow = model[gram]
            out.write(f"n\t{lp:.4f}\t{bow:.4f}\t" + " ".join(str(ids[t]) for t in gram) + "\n")
        for word in sorted(latin_words):
            out.write(f"w\t{word}\t{latin_words[word]}\n")
    print(f"{len(graphones)} graphones, {len(model)} n-grams", file=sys.stderr)


if __name__ == "__main__":
    main()
