#!/usr/bin/env python3
"""Times Arabic tokenizers on one corpus and prints a Markdown table of MB/s.

Peers (each skipped, with the reason, when it cannot be imported): CAMeL Tools
simple_word_tokenize, PyArabic araby.tokenize, NLTK wordpunct_tokenize, PyICU's word
BreakIterator. Qalam is timed through `qalam tokenize --stats` (fast and ICU engines),
in the same run. Peers time the tokenizer call on an already decoded str (reading and
decoding excluded); Qalam's `seconds` likewise excludes reading and UTF-8 checking, and its
`wall` (the whole command, process start included) is shown too.

usage: run_peers.py CORPUS QALAM_BINARY [--runs N]
"""
import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import time


def peer_camel():
    from camel_tools.tokenizers.word import simple_word_tokenize
    return simple_word_tokenize


def peer_pyarabic():
    from pyarabic import araby
    return araby.tokenize


def peer_nltk():
    from nltk.tokenize import wordpunct_tokenize
    return wordpunct_tokenize


def peer_pyicu():
    import icu
    iterator = icu.BreakIterator.createWordInstance(icu.Locale("ar"))

    def tokenize(text):
        iterator.setText(text)
        return list(iterator)  # boundaries: one per segment, spaces included
    return tokenize


PEERS = [
    ("CAMeL Tools simple_word_tokenize", peer_camel),
    ("PyArabic araby.tokenize", peer_pyarabic),
    ("NLTK wordpunct_tokenize", peer_nltk),
    ("PyICU BreakIterator (word, ar)", peer_pyicu),
]


def time_peer(function, text, runs):
    times, count = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        count = len(function(text))
        times.append(time.perf_counter() - start)
    return statistics.median(times), count


def time_qalam(binary, corpus, engine, runs):
    seconds, walls, tokens = [], [], 0
    for _ in range(runs):
        out = subprocess.run([binary, "tokenize", "--stats", "--engine", engine, corpus],
                             check=True, capture_output=True, text=True).stdout
        fields = dict(re.findall(r"(\S+)=(\S+)", out))
        seconds.append(float(fields["seconds"]))
        walls.append(float(fields["wall"]))
        tokens = int(fields["tokens"])
    return statistics.median(seconds), statistics.median(walls), tokens


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("qalam")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = open(args.corpus, "rb").read()
    text = data.decode("utf-8")
    megabytes = len(data) / 1e6

    rows = []
    fast_seconds, fast_wall, fast_tokens = time_qalam(args.qalam, args.corpus, "fast", args.runs)
    icu_seconds, icu_wall, icu_tokens = time_qalam(args.qalam, args.corpus, "icu", args.runs)
    reference = megabytes / fast_seconds
    rows.append(("qalam tokenize --stats (fast engine)", megabytes / fast_seconds, fast_tokens))
    rows.append(("qalam tokenize --stats (fast engine), whole command wall time", megabytes / fast_wall, fast_tokens))
    rows.append(("qalam tokenize --stats --engine icu", megabytes / icu_seconds, icu_tokens))
    skipped = []
    for name, load in PEERS:
        try:
            function = load()
        except Exception as error:  # not installed, or broken install
            skipped.append(f"{name}: {type(error).__name__}: {error}")
            continue
        seconds, count = time_peer(function, text, args.runs)
        rows.append((name, megabytes / seconds, count))

    cpu = platform.processor() or platform.machine()
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    print(f"Corpus: {args.corpus} ({len(data):,} bytes); medians of {args.runs} runs; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {cpu}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}; Python {platform.python_version()}")
    print()
    print("| contender | MB/s | tokens | Qalam fast is × faster |")
    print("|---|---:|---:|---:|")
    for name, rate, count in rows:
        print(f"| {name} | {rate:,.1f} | {count:,} | {reference / rate:,.1f} |")
    for line in skipped:
        print(f"\nskipped: {line}")


if __name__ == "__main__":
    sys.exit(main())
