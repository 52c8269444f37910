"""Builds Lexicons/names/word-clusters.tsv: distributional word classes for the tagger.

Words (folded, as written, clitics attached) from the SaudiNewsNet sample and the ANERcorp
TRAIN split are described by their neighbours (positive PMI of the words one and two to
the left and right, among the 2,000 most frequent), reduced to 100 dimensions with a
truncated SVD and grouped with k-means (seeded, deterministic up to floating point) into
64 and 512 classes. Words that occur in similar contexts (given names, cities, verbs of
saying …) share a class, which lets the tagger generalize to names it never saw labelled.
Words seen at least 3 times get a class (5 until the tenth round; 3 won leak-free
cross-validation over four k-means seeds: EntityTagging.md, "Ninth round" and "Tenth round").

    python3 Lexicons/scripts/build_word_clusters.py ../shared/data/news/saudinewsnet-sample.txt \
        ../shared/data/anercorp/train.txt > Lexicons/names/word-clusters.tsv
"""
import sys

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.linalg import svds

from cluster_corpus import lexicon_words, read_sentences, vocabulary

CONTEXTS = 2000
DIMS = 100

sentences = read_sentences(sys.argv[1], sys.argv[2])
vocab = vocabulary(sentences)
index = {w: i for i, w in enumerate(vocab)}
contexts = {w: i for i, w in enumerate(vocab[:CONTEXTS])}
rows, cols = [], []
for s in sentences:
    ids = [index.get(t, -1) for t in s]
    ctx = [contexts.get(t, -1) for t in s]
    n = len(s)
    for i, wid in enumerate(ids):
        if wid < 0:
            continue
        for slot, off in enumerate((-2, -1, 1, 2)):
            j = i + off
            if 0 <= j < n and ctx[j] >= 0:
                rows.append(wid)
                cols.append(slot * CONTEXTS + ctx[j])
m = coo_matrix((np.ones(len(rows), dtype=np.float64), (np.array(rows), np.array(cols))),
               shape=(len(vocab), 4 * CONTEXTS)).tocsr()
m.sum_duplicates()
total = m.sum()
row_sums = np.asarray(m.sum(axis=1)).ravel()
col_sums = np.asarray(m.sum(axis=0)).ravel()
m = m.tocoo()
pmi = np.log(m.data * total / (row_sums[m.row] * col_sums[m.col] ** 0.75 * (total ** 0.25)))
keep = pmi > 0
ppmi = coo_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape).tocsr()
u, sv, _ = svds(ppmi, k=DIMS, random_state=7)
vectors = u * np.sqrt(sv)
vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9


def kmeans(x, k, rounds=20, seed=11):
    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), size=k, replace=False)]
    for _ in range(rounds):
        assign = np.argmax(x @ centres.T, axis=1)
        for c in range(k):
            members = x[assign == c]
            if len(members):
                centre = members.mean(axis=0)
                centres[c] = centre / (np.linalg.norm(centre) + 1e-9)
    return np.argmax(x @ centres.T, axis=1)


small = kmeans(vectors, 64)
large = kmeans(vectors, 512)
print("# Distributional word classes (k-means over PPMI-SVD context vectors), 64 and 512 classes; folded words.")
print("# Sources: ../shared/data/news/saudinewsnet-sample.txt (SaudiNewsNet, CC BY-NC-SA 4.0) and the ANERcorp")
print("# train split (CC BY-SA 4.0): only class numbers are kept, no text.")
print("# Regenerate: python3 Lexicons/scripts/build_word_clusters.py ../shared/data/news/saudinewsnet-sample.txt ../shared/data/anercorp/train.txt > Lexicons/names/word-clusters.tsv")
print("# Format: word<TAB>class64<TAB>class512")
for w in lexicon_words(vocab):
    i = index[w]
    print(f"{w}\t{small[i]}\t{large[i]}")
