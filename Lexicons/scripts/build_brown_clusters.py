"""Builds Lexicons/names/brown-paths.tsv: Brown clusters (bit-string paths) for the tagger.

The same words as the word classes (`build_word_clusters.py`: folded, as written, clitics
attached, seen at least 3 times in the SaudiNewsNet sample and the ANERcorp TRAIN split) are
clustered by the class-bigram objective of Brown et al. (1992), windowed as in Liang (2005)
with 256 clusters, by `brown_clusters.c` (compiled here with the system C compiler into a
temporary folder). Each word gets the path of its cluster in the merge tree, a string of 0/1;
prefixes of it are classes at every grain (Miller et al. 2004; Ratinov & Roth 2009 for NER).
Deterministic.

    python3 Lexicons/scripts/build_brown_clusters.py ../shared/data/news/saudinewsnet-sample.txt \
        ../shared/data/anercorp/train.txt > Lexicons/names/brown-paths.tsv
"""
import os
import subprocess
import sys
import tempfile

from cluster_corpus import lexicon_words, read_sentences, vocabulary

CLUSTERS = int(os.environ.get("QALAM_BROWN_CLUSTERS", "256"))
HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: build_brown_clusters.py NEWS TRAIN > brown-paths.tsv")
    sentences = read_sentences(sys.argv[1], sys.argv[2])
    vocab = vocabulary(sentences)
    index = {w: i for i, w in enumerate(vocab)}
    with tempfile.TemporaryDirectory(prefix="qalam-brown-") as work:
        binary = os.path.join(work, "brown_clusters")
        subprocess.run(["cc", "-O2", "-o", binary, os.path.join(HERE, "brown_clusters.c"), "-lm"], check=True)
        ids = os.path.join(work, "ids.txt")
        with open(ids, "w") as out:
            for s in sentences:
                out.write("\n".join(str(index.get(t, -1)) for t in s))
                out.write("\n-1\n")
        with open(ids) as source:
            result = subprocess.run([binary, str(len(vocab)), str(CLUSTERS)], stdin=source,
                                    stdout=subprocess.PIPE, check=True, text=True)
    paths = result.stdout.split("\n")
    print(f"# Brown clusters ({CLUSTERS}, class-bigram mutual information; Brown et al. 1992, Liang 2005): the bit-string")
    print("# path of each folded word's cluster in the merge tree; prefixes are coarser classes.")
    print("# Sources: ../shared/data/news/saudinewsnet-sample.txt (SaudiNewsNet, CC BY-NC-SA 4.0) and the ANERcorp")
    print("# train split (CC BY-SA 4.0): only paths are kept, no text.")
    print("# Regenerate: python3 Lexicons/scripts/build_brown_clusters.py ../shared/data/news/saudinewsnet-sample.txt ../shared/data/anercorp/train.txt > Lexicons/names/brown-paths.tsv")
    print("# Format: word<TAB>path")
    for w in lexicon_words(vocab):
        print(f"{w}\t{paths[index[w]]}")


if __name__ == "__main__":
    main()
