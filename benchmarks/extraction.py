"""Extraction throughput: articles per second on one core, no network, no store.

    python benchmarks/extraction.py [--rounds 20] [ARTICLES ...]

Reads every article once (I/O is not what we measure), then extracts facts and writes each
article's rdflib graph ``--rounds`` times, and prints the median articles/second of the rounds.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from stancegraph.build import find_articles
from stancegraph.loaders.gazetteer import default_gazetteer
from stancegraph.loaders.pipeline import extract_raw, extractor_fingerprint
from stancegraph.loaders.reader import read_article
from stancegraph.loaders.topics import default_topics
from stancegraph.writer import article_graph

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", default=[ROOT / "corpus", ROOT / "tests/gold/unseen"])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    raws = [read_article(p) for p in find_articles(args.articles)]
    started = time.perf_counter()
    default_gazetteer(), default_topics()
    fingerprint = extractor_fingerprint()
    warmup = time.perf_counter() - started
    rates, triples = [], 0
    for _ in range(args.rounds):
        t = time.perf_counter()
        triples = sum(len(article_graph(extract_raw(raw), fingerprint)) for raw in raws)
        rates.append(len(raws) / (time.perf_counter() - t))
    chars = sum(len(r.text) for r in raws)
    print(f"{len(raws)} articles ({chars / len(raws):,.0f} characters on average), {triples} triples per round")
    print(f"gazetteer and topics loaded once in {warmup:.2f} s")
    print(f"extract + write graph: median {statistics.median(rates):.0f} articles/s "
          f"(min {min(rates):.0f}, max {max(rates):.0f}) over {args.rounds} rounds, one core")


if __name__ == "__main__":
    main()
