"""Reasoning benchmark: closure time and peak RSS of ``stancegraph reason`` on synthetic stores.

    python benchmarks/reasoning.py                # the full table -> benchmarks/reasoning.md (~10 min)
    python benchmarks/reasoning.py --quick        # 10k and 100k only

For each size a store is prepared once (``benchmarks/synthetic.py`` N-Quads bulk-loaded, plus the
ontology graph), then every measurement runs in its own subprocess on a fresh copy of it, so that
peak RSS (``ru_maxrss`` of that subprocess) covers one reasoning run and nothing else. Times:

* closure — reading the input graphs out of the store, computing the closure and the consistency
  checks, and producing the N-Triples of ``graph/inferred`` (``fast``: in a scratch in-memory
  Oxigraph store; ``owlrl``: on an rdflib graph);
* write — replacing ``graph/inferred`` in the on-disk store (one transaction);
* total — the two, i.e. what ``stancegraph reason`` takes.

"rerun" is ``fast`` again on the store that already holds its inferences (nothing changed: only
the difference is written). owlrl is not run at 1M (it did not finish in 600 s; see
/work/shared/research/perf-baselines.md section 4).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def prepare(size: int, workdir: Path) -> Path:
    """A store with ``size`` synthetic triples and the ontology graph (built once per size)."""
    import pyoxigraph as ox

    from stancegraph.namespaces import ONTOLOGY_GRAPH
    from stancegraph.store import Store, static_graph_ntriples

    path = workdir / f"store-{size}"
    if path.exists():
        return path
    data = subprocess.run(
        [sys.executable, str(HERE / "synthetic.py"), "--triples", str(size)], capture_output=True, check=True
    ).stdout
    with Store.open(path, write=True) as store:
        store.ox.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        store.apply({str(ONTOLOGY_GRAPH): static_graph_ntriples(str(ONTOLOGY_GRAPH))})
        store.ox.optimize()
    return path


def measure(store_path: str, mode: str) -> dict:
    """One run, in this process (called in a subprocess by :func:`run`)."""
    import pyoxigraph as ox

    from stancegraph import reason as R
    from stancegraph.store import Store

    with Store.open(store_path, write=True) as store:
        triples_in = sum(store.triple_count([g]) for g in R.input_graphs(store))
        inputs = R.input_graphs(store)
        t0 = time.perf_counter()
        result, added, problems = R.closure(store, inputs, mode)
        t1 = time.perf_counter()
        R.write_inferred(store, result)
        t2 = time.perf_counter()
        assert store.ox.contains_named_graph(ox.NamedNode(R.INF))
    return {
        "triples_in": triples_in,
        "added": added,
        "inconsistencies": len(problems),
        "closure_s": t1 - t0,
        "write_s": t2 - t1,
        "total_s": t2 - t0,
        "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run(store: Path, mode: str, fresh: bool, workdir: Path) -> dict:
    target = store
    if fresh:
        target = workdir / "run"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(store, target)
    out = subprocess.run(
        [sys.executable, __file__, "--measure", mode, "--store", str(target)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="10k and 100k only")
    parser.add_argument("--measure", choices=["fast", "owlrl", "rdfs"], help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", type=lambda v: {int(x) for x in v.split(",")}, help="only these sizes, e.g. 1000000")
    parser.add_argument("--keep", metavar="LOG", help="rows of other sizes from the stderr JSON lines of an earlier run")
    parser.add_argument("-o", "--output", default=str(HERE / "reasoning.md"))
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.store, args.measure)))
        return

    plan = [  # (size, mode, runs, fresh store each run)
        (10_000, "fast", 3, True),
        (10_000, "owlrl", 3, True),
        (100_000, "fast", 3, True),
        (100_000, "owlrl", 1, True),
    ]
    if not args.quick:
        plan += [(1_000_000, "fast", 3, True), (1_000_000, "rerun", 1, False)]
    if args.sizes:
        plan = [step for step in plan if step[0] in args.sizes]
    rows = []
    if args.keep:
        for line in Path(args.keep).read_text(encoding="utf-8").splitlines():
            if line.startswith("{"):
                row = json.loads(line)
                if not args.sizes or row["size"] not in args.sizes:
                    rows.append(row)
    with tempfile.TemporaryDirectory(prefix="sg-reason-bench-") as tmp:
        workdir = Path(tmp)
        for size, mode, runs, fresh in plan:
            store = prepare(size, workdir)
            if mode == "rerun":  # fast on a store that already holds the inferences
                run(store, "fast", False, workdir)
                results = [run(store, "fast", False, workdir)]
            else:
                results = [run(store, mode, fresh, workdir) for _ in range(runs)]
            med = {k: statistics.median(r[k] for r in results) for k in ("closure_s", "write_s", "total_s", "rss_mib")}
            row = {"size": size, "mode": mode, "runs": len(results), **results[0], **med}
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
    rows.sort(key=lambda r: (r["size"], ["fast", "owlrl", "rdfs", "rerun"].index(r["mode"])))
    write_table(rows, Path(args.output))


def write_table(rows: list[dict], path: Path) -> None:
    def label(n: int) -> str:
        return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k"

    lines = [
        "# Reasoning benchmark",
        "",
        "Written by `python benchmarks/reasoning.py` (see its docstring for the method). Synthetic stores from",
        "`benchmarks/synthetic.py` plus the ontology graph; each measurement in its own subprocess on a fresh copy of",
        "the store; times are medians over *runs*; RSS is the peak of the measuring process.",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, on-disk store on the",
        "local disk.",
        "",
        "| size | mode | runs | triples in | inferred | closure s | write s | total s | peak RSS MiB |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {label(r['size'])} | {r['mode']} | {r['runs']} | {r['triples_in']:,} | {r['added']:,} | "
            f"{r['closure_s']:.2f} | {r['write_s']:.2f} | {r['total_s']:.2f} | {r['rss_mib']:.0f} |"
        )
    lines += [
        "| 1M | owlrl | – | – | – | not run (no result in 600 s in perf-baselines.md §4) | | | |",
        "",
        "* *closure*: reading the input graphs out of the store, the rules or owlrl, the consistency checks and the",
        "  N-Triples of the inferred graph. *write*: replacing `graph/inferred` in the on-disk store in one",
        "  transaction. *rerun*: `fast` again on a store that already holds the same inferences (only the",
        "  difference is written, here nothing).",
        "* Target for `fast` at 1M: closure ≤ 20 s and ≤ 2 GiB.",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
