#!/usr/bin/env python3
"""Train the n-best reranker of Qalam's name romanizer.

The romanizer ranks each Arabic word's Latin spellings by its default score (joint-model
score + lexicon bonuses + noisy-channel term + Egyptian-name bonus). The reranker rescores the
first HEAD of them with a weighted sum of features that include the default score and rank,
so it starts from the default ranking and learns corrections. The features are computed by
the Swift code (`RomanizerReranker.features`) and written, named in a header line, by
`qalam eval translit --nbest-out`; this script only reads them, so the two cannot drift apart.

Training data must be n-best lists of names the model did not see: train one model per fold
of ar2en-train.tsv (`train_translit.py --dev-every 10 --dev-offset K --modified`), dump each
fold's lists with the default settings (`qalam eval translit --gold dK.tsv --model mK.tsv
--nbest-out nbK.tsv --nbest 32`), then run this script over the folds. Deterministic.

Methods: `lambdarank` (the shipped one since the fourteenth round: gradient-boosted regression
trees trained with LightGBM's LambdaRank objective, one thread, deterministic; needs numpy and
lightgbm, `pip install lightgbm`), `perceptron` (linear, averaged; weights start at default = 1,
the rest 0) or `softmax` (linear, a conditional log-linear model over each list,
L2-regularized towards default = 1, fitted by L-BFGS; needs numpy and scipy).
A tree model is written as `tree`/`split`/`leaf` lines (format in RerankerTreeEnsemble.swift);
the script checks that its own reading of those lines scores every training candidate as
LightGBM does. Tree scores that tie keep the default order (as in the Swift code).

Usage (the shipped file; see Romanization.md, "Fourteenth round"):
    python3 Lexicons/scripts/train_translit_reranker.py --folds /tmp/r6 --count 10 --method lambdarank \\
        --head 12 --trees 100 --leaves 15 --learning-rate 0.1 --out Lexicons/translit/romanizer-reranker.tsv
Dev check (train on the folds other than K, score fold K's lists):
    python3 Lexicons/scripts/train_translit_reranker.py --folds /tmp/r6 --test-fold 9 --out /tmp/rr9.tsv
"""
import argparse
import math
import os
import sys


def load_fold(path, head):
    """[(gold, [(latin, [features])])] of one fold's n-best file, and the feature names."""
    names, lists = None, {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if line.startswith("#"):
                if len(fields) > 5 and fields[1:5] == ["index", "gold", "candidate", "score"]:
                    names = fields[5:]
                continue
            if names is None:
                sys.exit(f"{path}: no '#<TAB>index<TAB>gold…' header (old --nbest-out format?)")
            index, gold, latin = int(fields[0]), fields[1], fields[2]
            entry = lists.setdefault(index, (gold, []))
            if len(entry[1]) < head:
                entry[1].append((latin, [float(v) for v in fields[4:]]))
    return [lists[i] for i in sorted(lists)], names


def dot(weights, values):
    return sum(w * v for w, v in zip(weights, values))


def initial(names):
    return [1.0 if name == "default" else 0.0 for name in names]


def train_perceptron(data, names, epochs, rate):
    weights = initial(names)
    totals = [0.0] * len(names)
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


def train_softmax(data, names, l2):
    import numpy as np
    from scipy.optimize import minimize
    lists = []
    for gold, candidates in data:
        golds = [i for i, (latin, _) in enumerate(candidates) if latin == gold]
        if golds and len(candidates) > 1:
            lists.append((np.array([v for _, v in candidates]), golds[0]))
    prior = np.array(initial(names))

    def objective(w):
        loss, grad = 0.0, np.zeros_like(w)
        for x, g in lists:
            s = x @ w
            m = s.max()
            p = np.exp(s - m)
            z = p.sum()
            p /= z
            loss -= s[g] - m - math.log(z)
            grad -= x[g] - p @ x
        d = w - prior
        return loss + l2 * d @ d, grad + 2 * l2 * d

    result = minimize(objective, prior.copy(), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return list(result.x)


class Trees:
    """A tree ensemble in the shipped file's form: per tree, splits (feature, threshold, yes, no;
    a child >= 0 is a split of the tree, < 0 the leaf -1 - child) and leaf values."""

    def __init__(self, booster):
        self.trees = []
        for info in booster.dump_model()["tree_info"]:
            splits, leaves = [], []

            def visit(node):
                if "leaf_value" in node or "split_feature" not in node:
                    leaves.append(node.get("leaf_value", 0.0))
                    return -len(leaves)
                if node.get("decision_type", "<=") != "<=":
                    sys.exit(f"unsupported split {node.get('decision_type')}")
                index = len(splits)
                splits.append(None)
                yes = visit(node["left_child"])
                no = visit(node["right_child"])
                splits[index] = (node["split_feature"], float(node["threshold"]), yes, no)
                return index

            visit(info["tree_structure"])
            self.trees.append((splits, leaves))

    def score(self, values):
        total = 0.0
        for splits, leaves in self.trees:
            node = 0 if splits else -1
            while node >= 0:
                feature, threshold, yes, no = splits[node]
                node = yes if values[feature] <= threshold else no
            total += leaves[-1 - node]
        return total

    def lines(self):
        for splits, leaves in self.trees:
            yield f"tree\t{len(splits)}\t{len(leaves)}\n"
            for feature, threshold, yes, no in splits:
                yield f"split\t{feature}\t{threshold!r}\t{yes}\t{no}\n"
            for value in leaves:
                yield f"leaf\t{float(value)!r}\n"


def train_lambdarank(data, trees, leaves, rate):
    import lightgbm
    import numpy as np
    rows, labels, groups = [], [], []
    for gold, candidates in data:
        if len(candidates) < 2:
            continue
        groups.append(len(candidates))
        for latin, values in candidates:
            rows.append(values)
            labels.append(1 if latin == gold else 0)
    ranker = lightgbm.LGBMRanker(objective="lambdarank", n_estimators=trees, learning_rate=rate, num_leaves=leaves,
                                 min_child_samples=20, lambdarank_truncation_level=6, num_threads=1,
                                 deterministic=True, force_row_wise=True, random_state=0, verbose=-1)
    x = np.array(rows)
    ranker.fit(x, np.array(labels), group=groups)
    model = Trees(ranker.booster_)
    # The file's reading of the trees must score as LightGBM does (same splits, same leaves).
    expected = ranker.predict(x)
    for row, value in zip(rows, expected):
        if abs(model.score(row) - value) > 1e-9 * max(1.0, abs(value)):
            sys.exit(f"exported trees score {model.score(row)}, LightGBM {value}")
    return model


def scorer(model):
    """Score function of a model: a weight list (linear) or Trees."""
    if isinstance(model, Trees):
        return model.score
    return lambda values: dot(model, values)


def accuracy(model, data):
    score = scorer(model)
    top1 = top5 = 0
    for gold, candidates in data:
        # Ties keep the default order (sorted() is stable).
        ranked = [latin for latin, _ in sorted(candidates, key=lambda c: -score(c[1]))]
        top1 += ranked[:1] == [gold]
        top5 += gold in ranked[:5]
    return top1 / len(data), top5 / len(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", required=True, help="folder with nbK.tsv (K = 0 … count-1)")
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--method", choices=["lambdarank", "perceptron", "softmax"], default="softmax")
    parser.add_argument("--trees", type=int, default=100, help="lambdarank: boosting rounds")
    parser.add_argument("--leaves", type=int, default=15, help="lambdarank: leaves per tree")
    parser.add_argument("--learning-rate", type=float, default=0.1, help="lambdarank: shrinkage")
    parser.add_argument("--epochs", type=int, default=3, help="perceptron epochs")
    parser.add_argument("--rate", type=float, default=0.1, help="perceptron step")
    parser.add_argument("--l2", type=float, default=1.0, help="softmax: L2 weight towards the default ranking")
    parser.add_argument("--head", type=int, default=8, help="candidates of a word reranked")
    parser.add_argument("--drop", default="", help="comma-separated features left out (weight 0)")
    parser.add_argument("--test-fold", type=int, default=-1,
                        help="train on the other folds and report accuracy on this one's lists")
    parser.add_argument("--out", default="")
    args = parser.parse_args()
    folds, names = {}, None
    for k in range(args.count):
        folds[k], fold_names = load_fold(os.path.join(args.folds, f"nb{k}.tsv"), args.head)
        if names is not None and fold_names != names:
            sys.exit(f"nb{k}.tsv: other features than nb0.tsv")
        names = fold_names
    dropped = {name for name in args.drop.split(",") if name}
    if dropped - set(names):
        sys.exit(f"unknown features: {sorted(dropped - set(names))}")
    keep = [i for i, name in enumerate(names) if name not in dropped]

    def project(data):
        return [(g, [(l, [v[i] for i in keep]) for l, v in c]) for g, c in data]

    def fit(data):
        sub = [names[i] for i in keep]
        data = project(data)
        if args.method == "lambdarank":
            if dropped:
                sys.exit("--drop is for the linear methods")
            return train_lambdarank(data, args.trees, args.leaves, args.learning_rate)
        if args.method == "perceptron":
            w = train_perceptron(data, sub, args.epochs, args.rate)
        else:
            w = train_softmax(data, sub, args.l2)
        full = [0.0] * len(names)
        for i, value in zip(keep, w):
            full[i] = value
        return full

    def write(weights, header):
        with open(args.out, "w", encoding="utf-8") as out:
            out.write(header)
            out.write(f"head\t{args.head}\n")
            if isinstance(weights, Trees):
                out.write("# features, numbered from 0: " + " ".join(names) + "\n")
                out.writelines(weights.lines())
                return
            for name, weight in zip(names, weights):
                out.write(f"{name}\t{weight:.6f}\n")

    command = (f"python3 Lexicons/scripts/train_translit_reranker.py --folds FOLDS --count {args.count} "
               f"--method {args.method} --head {args.head}"
               + (f" --epochs {args.epochs} --rate {args.rate}" if args.method == "perceptron"
                  else f" --trees {args.trees} --leaves {args.leaves} --learning-rate {args.learning_rate}"
                  if args.method == "lambdarank" else f" --l2 {args.l2}")
               + (f" --drop {args.drop}" if args.drop else "") + f" --out {args.out}")
    if args.test_fold >= 0:
        data = [x for k in range(args.count) if k != args.test_fold for x in folds[k]]
        weights = fit(data)
        if args.out:
            write(weights, f"# dev weights, fold {args.test_fold} held out: {command}\n")
        test = folds[args.test_fold]
        base = accuracy(initial(names), test)
        after = accuracy(weights, test)
        print(f"fold {args.test_fold} ({len(test)} lists): default {base[0]:.4f}/{base[1]:.4f}  "
              f"reranked {after[0]:.4f}/{after[1]:.4f}")
        return
    data = [x for k in range(args.count) for x in folds[k]]
    weights = fit(data)
    write(weights,
          ("# Qalam name romanizer: n-best reranker, regression trees (tree/split/leaf lines), and head<TAB>N (candidates reranked).\n"
           if args.method == "lambdarank" else
           "# Qalam name romanizer: n-best reranker weights, FEATURE<TAB>WEIGHT, and head<TAB>N (candidates reranked).\n")
          + "# Source: default-ranking n-best lists of the 10 held-out folds of ar2en-train.tsv (Apache-2.0), with\n"
          "# features from the shipped name lists (see their headers). Licence: Apache-2.0.\n"
          "# Regenerate: fold loop in Sources/QalamNames/QalamNames.docc/Romanization.md (Sixth, Fourteenth and Fifteenth rounds), then\n"
          f"# {command}\n")
    print(f"trained on {len(data)} lists: {accuracy(weights, data)}", file=sys.stderr)


if __name__ == "__main__":
    main()
