"""Embedded-store benchmark: rdflib in memory + file vs Oxigraph (pyoxigraph / oxrdflib).

    python benchmarks/storage.py --sizes seeds,100k,1m            # 3 runs each, ~20 min on 2 cores
    python benchmarks/storage.py --sizes seeds --runs 1           # smoke test

Every measurement runs in a fresh child process (``--child OP``). The parent takes the child's
peak RSS from ``os.wait4`` (the child's own ``ru_maxrss``), and interleaves candidates within each
run so that a busy neighbour process hurts all of them alike. Reported figures are medians over runs.

Candidates
  A  rdflib ``Dataset`` (Memory store) persisted as a file: build = parse N-Quads + serialize
     (.nq and .trig); reopen = parse the file again; queries by rdflib's SPARQL engine.
  B  ``pyoxigraph.Store(path)`` (RocksDB): build = ``bulk_load`` or ``load`` (transactional);
     reopen = ``Store(path)`` (+ ``Store.read_only``); queries by ``Store.query``.
  C  oxrdflib: ``rdflib.Dataset(store="Oxigraph")`` + ``.open(path)``; build =
     ``parse(format="ox-nquads")`` (transactional load; ``transactional=False`` = bulk load);
     queries by ``Dataset.query`` (evaluated by Oxigraph, rows converted to rdflib terms).
  D  in-memory ``pyoxigraph.Store()`` persisted as an N-Quads file: reopen = ``load`` the file.

Reopen figures are with a warm page cache (the files were just written).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SIZES = {"seeds": {"articles": 5}, "10k": {"triples": 10_000}, "100k": {"triples": 100_000}, "1m": {"triples": 1_000_000}}

PREFIXES = """PREFIX sg: <https://w3id.org/stancegraph/ontology#>
PREFIX sga: <https://w3id.org/stancegraph/id/actor/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
ACTORS = "<https://w3id.org/stancegraph/graph/actors>"
QUERIES = {
    # demands made by one actor: addressee (with label), topic, date, source graph
    "q1": PREFIXES + f"""SELECT ?demand ?actorLabel ?addressee ?addresseeLabel ?topic ?date ?g WHERE {{
  GRAPH ?g {{ ?demand a sg:Demand ; sg:onBehalfOf sga:state-s001 ; sg:addressee ?addressee ;
                      sg:topic ?topic ; sg:date ?date . }}
  GRAPH {ACTORS} {{ sga:state-s001 rdfs:label ?actorLabel . ?addressee rdfs:label ?addresseeLabel . }}
}} ORDER BY ?date ?demand ?addressee""",
    # how many distinct articles report each (actor, topic) pair, over demands and stances
    "q2": PREFIXES + """SELECT ?actor ?topic (COUNT(DISTINCT ?g) AS ?articles) WHERE {
  GRAPH ?g { ?fact sg:onBehalfOf ?actor ; sg:topic ?topic . }
} GROUP BY ?actor ?topic ORDER BY DESC(?articles) ?actor ?topic""",
    # stance timeline of one actor
    "q3": PREFIXES + f"""SELECT ?date ?stance ?topic ?speaker ?speakerLabel ?statement ?g WHERE {{
  GRAPH ?g {{ ?statement a sg:StanceStatement ; sg:onBehalfOf sga:state-s001 ; sg:speaker ?speaker ;
                         sg:stance ?stance ; sg:topic ?topic ; sg:date ?date . }}
  GRAPH {ACTORS} {{ ?speaker rdfs:label ?speakerLabel . }}
}} ORDER BY ?date ?statement""",
    # events with participants and places
    "q4": PREFIXES + f"""SELECT ?event ?label ?date ?place ?placeLabel ?participant ?participantLabel WHERE {{
  GRAPH ?g {{ ?event a sg:Meeting ; rdfs:label ?label ; sg:date ?date ; sg:place ?place ;
                     sg:participant ?participant . }}
  GRAPH {ACTORS} {{ ?place rdfs:label ?placeLabel . ?participant rdfs:label ?participantLabel . }}
}} ORDER BY ?date ?event ?participant""",
}

# -------------------------------------------------------------------------------------------------
# child side
# -------------------------------------------------------------------------------------------------


def _disk(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _digest(rows: list[tuple[str, ...]]) -> str:
    return hashlib.sha256(repr(sorted(rows)).encode()).hexdigest()[:12]


def _ox_str(v) -> str:
    return "" if v is None else v.value


def _rdflib_str(v) -> str:
    return "" if v is None else str(v)


class _Timeout(Exception):
    pass


def _alarm(signum, frame):  # noqa: ARG001
    raise _Timeout


def run_queries(run_one, to_str, *, warm: int, timeout: float | None, skip: set[str]) -> dict:
    """Time each query: first run ('cold', right after open) then ``warm`` more runs."""
    out = {}
    for name, text in QUERIES.items():
        if name in skip:
            out[name] = {"status": "skipped"}
            continue
        times = []
        rows = None
        try:
            for i in range(1 + warm):
                if timeout:
                    signal.signal(signal.SIGALRM, _alarm)
                    signal.setitimer(signal.ITIMER_REAL, timeout)
                t0 = time.perf_counter()
                got = run_one(text)
                times.append(time.perf_counter() - t0)
                if timeout:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                if i == 0:
                    rows = got
        except _Timeout:
            out[name] = {"status": "timeout", "limit_s": timeout}
            continue
        out[name] = {
            "status": "ok",
            "cold_s": times[0],
            "warm_s": statistics.median(times[1:]) if warm else None,
            "rows": len(rows),
            "digest": _digest([tuple(to_str(v) for v in r) for r in rows]),
        }
    return out


def child(op: str, size: str, work: Path, warm: int, timeout: float | None, skip: set[str]) -> dict:
    import pyoxigraph as ox

    src = work / f"{size}.nq"
    res: dict = {"op": op, "size": size}
    NQ = ox.RdfFormat.N_QUADS

    def ox_run(store):
        return lambda q: [tuple(s) for s in store.query(q)]

    if op == "noop":
        import oxrdflib  # noqa: F401
        import rdflib  # noqa: F401

    elif op == "A_build":
        from rdflib import Dataset

        ds = Dataset()
        t0 = time.perf_counter()
        ds.parse(str(src), format="nquads")
        t1 = time.perf_counter()
        ds.serialize(str(work / "a.nq"), format="nquads")
        t2 = time.perf_counter()
        ds.serialize(str(work / "a.trig"), format="trig")
        t3 = time.perf_counter()
        res.update(parse_s=t1 - t0, ser_nq_s=t2 - t1, ser_trig_s=t3 - t2,
                   build_nq_s=t2 - t0, build_trig_s=(t1 - t0) + (t3 - t2),
                   disk_nq=_disk(work / "a.nq"), disk_trig=_disk(work / "a.trig"))
        res["quads"] = sum(1 for _ in ds.quads((None, None, None, None)))

    elif op in ("A_reopen_nq", "A_reopen_trig"):
        from rdflib import Dataset

        fmt = "nquads" if op.endswith("nq") else "trig"
        ds = Dataset()
        t0 = time.perf_counter()
        ds.parse(str(work / ("a.nq" if fmt == "nquads" else "a.trig")), format=fmt)
        res["reopen_s"] = time.perf_counter() - t0
        if op == "A_reopen_nq":
            res["queries"] = run_queries(lambda q: list(ds.query(q)), _rdflib_str, warm=warm, timeout=timeout, skip=skip)
        else:
            res["quads"] = sum(1 for _ in ds.quads((None, None, None, None)))

    elif op in ("B_build_bulk", "B_build_load"):
        path = work / op
        shutil.rmtree(path, ignore_errors=True)
        t0 = time.perf_counter()
        st = ox.Store(str(path))
        (st.bulk_load if op.endswith("bulk") else st.load)(path=str(src), format=NQ)
        st.flush()
        res["build_s"] = time.perf_counter() - t0
        res["quads"] = len(st)
        del st
        res["disk"] = _disk(path)

    elif op in ("B_reopen_bulk", "B_reopen_load", "B_reopen_ro"):
        path = work / ("B_build_load" if op == "B_reopen_load" else "B_build_bulk")
        t0 = time.perf_counter()
        st = ox.Store.read_only(str(path)) if op == "B_reopen_ro" else ox.Store(str(path))
        t1 = time.perf_counter()
        first = ox_run(st)(QUERIES["q1"])
        t2 = time.perf_counter()
        res.update(open_s=t1 - t0, reopen_s=t2 - t0, first_rows=len(first))
        if op == "B_reopen_bulk":
            res["queries"] = run_queries(ox_run(st), _ox_str, warm=warm, timeout=None, skip=skip)
        del st
        res["disk_after_reopen"] = _disk(path)  # RocksDB drops the load's write-ahead log on reopen

    elif op in ("C_build", "C_build_bulk"):
        from rdflib import Dataset

        path = work / op
        shutil.rmtree(path, ignore_errors=True)
        t0 = time.perf_counter()
        ds = Dataset(store="Oxigraph")
        ds.open(str(path), create=True)
        ds.parse(str(src), format="ox-nquads", transactional=(op == "C_build"))
        ds.store._inner.flush()
        res["build_s"] = time.perf_counter() - t0
        res["quads"] = len(ds.store._inner)
        ds.close()
        res["disk"] = _disk(path)

    elif op == "C_reopen":
        from rdflib import Dataset

        t0 = time.perf_counter()
        ds = Dataset(store="Oxigraph")
        ds.open(str(work / "C_build"))
        t1 = time.perf_counter()
        first = list(ds.query(QUERIES["q1"]))
        t2 = time.perf_counter()
        res.update(open_s=t1 - t0, reopen_s=t2 - t0, first_rows=len(first))
        res["queries"] = run_queries(lambda q: list(ds.query(q)), _rdflib_str, warm=warm, timeout=None, skip=skip)
        ds.close()
        del ds
        res["disk_after_reopen"] = _disk(work / "C_build")

    elif op.startswith("E_"):
        # The loaders' path: one rdflib Graph per article, written into an on-disk Oxigraph store.
        # Preparing the rdflib graphs is not timed; only the writes (incl. any serialization) are.
        from rdflib import Dataset, Graph, URIRef

        full = Dataset()
        full.parse(str(src), format="nquads")
        graphs = []
        for ctx in full.graphs():
            if isinstance(ctx.identifier, URIRef) and str(ctx.identifier).startswith("https://"):
                g = Graph(identifier=ctx.identifier)
                for t in ctx.triples((None, None, None)):
                    g.add(t)
                graphs.append(g)
        del full
        path = work / op
        shutil.rmtree(path, ignore_errors=True)
        if op == "E_oxrdflib_addN":
            ods = Dataset(store="Oxigraph")
            ods.open(str(path), create=True)
            t0 = time.perf_counter()
            for g in graphs:
                ods.addN((s, p, o, g) for s, p, o in g)
            ods.store._inner.flush()
            res["build_s"] = time.perf_counter() - t0
            res["quads"] = len(ods.store._inner)
        else:
            st = ox.Store(str(path))
            t0 = time.perf_counter()
            for g in graphs:
                iri = str(g.identifier)
                if op == "E_insert_data":  # what stancegraph/store.py:Store.apply does
                    st.update(f"DROP SILENT GRAPH <{iri}> ;\nINSERT DATA {{ GRAPH <{iri}> {{\n{g.serialize(format='nt')}\n}} }}")
                else:  # E_load_nt: N-Triples text into Store.load(to_graph=...)
                    st.load(g.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
                            to_graph=ox.NamedNode(iri))
            st.flush()
            res["build_s"] = time.perf_counter() - t0
            res["quads"] = len(st)
        res["graphs"] = len(graphs)

    elif op == "D_build":
        t0 = time.perf_counter()
        st = ox.Store()
        st.load(path=str(src), format=NQ)
        st.dump(str(work / "d.nq"), format=NQ)
        res["build_s"] = time.perf_counter() - t0
        res["quads"] = len(st)
        res["disk"] = _disk(work / "d.nq")

    elif op == "D_reopen":
        t0 = time.perf_counter()
        st = ox.Store()
        st.load(path=str(work / "d.nq"), format=NQ)
        res["reopen_s"] = time.perf_counter() - t0
        res["queries"] = run_queries(ox_run(st), _ox_str, warm=warm, timeout=None, skip=skip)

    else:
        raise SystemExit(f"unknown op {op}")
    res["self_maxrss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return res


# -------------------------------------------------------------------------------------------------
# parent side
# -------------------------------------------------------------------------------------------------

OPS = {
    "A": ["A_build", "A_reopen_nq", "A_reopen_trig"],
    "B": ["B_build_bulk", "B_build_load", "B_reopen_bulk", "B_reopen_load", "B_reopen_ro"],
    "C": ["C_build", "C_build_bulk", "C_reopen"],
    "D": ["D_build", "D_reopen"],
    "E": ["E_insert_data", "E_load_nt", "E_oxrdflib_addN"],  # not run at 1m (see --ingest-max)
}


def spawn(op: str, size: str, work: Path, *, warm: int, timeout: float | None, skip: set[str], limit: float) -> dict:
    cmd = [sys.executable, __file__, "--child", op, "--size", size, "--workdir", str(work), "--warm", str(warm)]
    if timeout:
        cmd += ["--query-timeout", str(timeout)]
    if skip:
        cmd += ["--skip", ",".join(sorted(skip))]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        killer = threading.Timer(limit, proc.kill)
        killer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        killer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        text, errtext = out.read().decode(), err.read().decode()
    if proc.returncode != 0:
        return {"op": op, "size": size, "status": "failed", "returncode": proc.returncode,
                "stderr": errtext[-2000:], "process_s": wall, "peak_rss_mib": usage.ru_maxrss / 1024}
    res = json.loads(text.strip().splitlines()[-1])
    res.update(status="ok", process_s=wall, peak_rss_mib=usage.ru_maxrss / 1024)
    return res


def check_agreement(results: list[dict]) -> list[str]:
    """Every engine must return the same rows (count + order-insensitive digest) for each query."""
    problems = []
    by_size: dict[str, dict[str, dict[str, set]]] = {}
    for r in results:
        for q, v in (r.get("queries") or {}).items():
            if v.get("status") == "ok":
                by_size.setdefault(r["size"], {}).setdefault(q, {}).setdefault(r["op"], set()).add((v["rows"], v["digest"]))
    for size, qs in by_size.items():
        for q, ops in qs.items():
            seen = set().union(*ops.values())
            if len(seen) != 1:
                problems.append(f"MISMATCH size={size} {q}: " + "; ".join(f"{op}={sorted(v)}" for op, v in sorted(ops.items())))
    return problems


def _fmt(x) -> str:
    if x is None:
        return "—"
    if isinstance(x, str):
        return x
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    if x >= 1:
        return f"{x:.2f}"
    if x >= 0.01:
        return f"{x:.3f}"
    return f"{x:.4f}"


def report(path: str) -> str:
    """Markdown tables (medians over runs) from a results JSON written by a full run."""
    data = json.loads(Path(path).read_text())
    res = [r for r in data["results"] if r.get("status") == "ok"]
    failed = [r for r in data["results"] if r.get("status") != "ok"]
    MiB = 1024 * 1024

    def med(size, op, key, scale=1.0):
        vals = [r[key] / scale for r in res if r["size"] == size and r["op"] == op and r.get(key) is not None]
        return statistics.median(vals) if vals else None

    def qmed(size, op, q):
        runs = [r["queries"][q] for r in res if r["size"] == size and r["op"] == op and "queries" in r]
        ok = [v["cold_s"] for v in runs if v.get("status") == "ok"]
        limit = data["meta"].get("rdflib_query_timeout", 120)
        timeouts = sum(v.get("status") == "timeout" for v in runs)
        if ok and timeouts:
            return f"{_fmt(statistics.median(ok))} in {len(ok)} run(s), > {limit:.0f} in {timeouts}"
        if ok:
            return statistics.median(ok)
        if timeouts:
            return f"> {limit:.0f} (timed out; not retried)"
        return None

    def qwarm(size, op, q):
        ok = [r["queries"][q]["warm_s"] for r in res if r["size"] == size and r["op"] == op and "queries" in r
              and r["queries"][q].get("status") == "ok" and r["queries"][q].get("warm_s") is not None]
        return statistics.median(ok) if ok else None

    def rows_of(size, q):
        for r in res:
            if r["size"] == size and r.get("queries", {}).get(q, {}).get("status") == "ok":
                return r["queries"][q]["rows"]
        return None

    lines = []
    for ds in data["meta"].get("datasets", []):
        size = ds["size"]
        nruns = len({r["run"] for r in res if r["size"] == size})
        lines.append(f"\n#### {size}: {ds['triples']:,} triples, {ds['articles']:,} article graphs + actors graph "
                     f"({ds['nq_bytes'] / MiB:.1f} MiB N-Quads); median of {nruns} processes\n")
        lines.append("| candidate | build s | build peak RSS MiB | reopen s | open + first q1 s | q1 s | q2 s | q3 s | q4 s "
                     "| reopen+query peak RSS MiB | disk MiB |")
        lines.append("|---|---|---|---|---|---|---|---|---|---|---|")
        qA = [qmed(size, "A_reopen_nq", q) for q in QUERIES]
        qB = [qmed(size, "B_reopen_bulk", q) for q in QUERIES]
        qC = [qmed(size, "C_reopen", q) for q in QUERIES]
        qD = [qmed(size, "D_reopen", q) for q in QUERIES]
        same = ["(same engine as above)"] + [""] * 3
        table = [
            ("A rdflib Dataset ⇄ .nq file", med(size, "A_build", "build_nq_s"), med(size, "A_build", "peak_rss_mib"),
             med(size, "A_reopen_nq", "reopen_s"), None, qA, med(size, "A_reopen_nq", "peak_rss_mib"),
             med(size, "A_build", "disk_nq", MiB)),
            ("A rdflib Dataset ⇄ .trig file", med(size, "A_build", "build_trig_s"), "(same process)",
             med(size, "A_reopen_trig", "reopen_s"), None, same, med(size, "A_reopen_trig", "peak_rss_mib"),
             med(size, "A_build", "disk_trig", MiB)),
            ("B pyoxigraph Store(path), bulk_load", med(size, "B_build_bulk", "build_s"), med(size, "B_build_bulk", "peak_rss_mib"),
             med(size, "B_reopen_bulk", "open_s"), med(size, "B_reopen_bulk", "reopen_s"), qB,
             med(size, "B_reopen_bulk", "peak_rss_mib"), med(size, "B_reopen_bulk", "disk_after_reopen", MiB)),
            ("B pyoxigraph Store(path), load (transactional)", med(size, "B_build_load", "build_s"), med(size, "B_build_load", "peak_rss_mib"),
             med(size, "B_reopen_load", "open_s"), med(size, "B_reopen_load", "reopen_s"), ["not run"] + [""] * 3,
             med(size, "B_reopen_load", "peak_rss_mib"), med(size, "B_reopen_load", "disk_after_reopen", MiB)),
            ("B pyoxigraph Store.read_only(path)", None, None,
             med(size, "B_reopen_ro", "open_s"), med(size, "B_reopen_ro", "reopen_s"), ["not run"] + [""] * 3,
             med(size, "B_reopen_ro", "peak_rss_mib"), None),
            ("C oxrdflib Dataset(store=\"Oxigraph\").open(path), ox-nquads", med(size, "C_build", "build_s"), med(size, "C_build", "peak_rss_mib"),
             med(size, "C_reopen", "open_s"), med(size, "C_reopen", "reopen_s"), qC,
             med(size, "C_reopen", "peak_rss_mib"), med(size, "C_reopen", "disk_after_reopen", MiB)),
            ("C oxrdflib, ox-nquads transactional=False (bulk)", med(size, "C_build_bulk", "build_s"), med(size, "C_build_bulk", "peak_rss_mib"),
             None, None, ["not run"] + [""] * 3, None, med(size, "C_build_bulk", "disk", MiB)),
            ("D pyoxigraph Store() in memory ⇄ .nq file", med(size, "D_build", "build_s"), med(size, "D_build", "peak_rss_mib"),
             med(size, "D_reopen", "reopen_s"), None, qD, med(size, "D_reopen", "peak_rss_mib"), med(size, "D_build", "disk", MiB)),
        ]
        for name, b, brss, ro, ro1, qs, rss, disk in table:
            lines.append("| " + " | ".join([name, _fmt(b), _fmt(brss), _fmt(ro), _fmt(ro1), *[_fmt(q) for q in qs],
                                              _fmt(rss), _fmt(disk)]) + " |")
        lines.append("\nRows returned (identical across A, B, C, D): "
                     + ", ".join(f"{q} {rows_of(size, q)}" for q in QUERIES)
                     + ". Warm (repeat-in-process) medians, q1–q4: "
                     + "; ".join(f"{lab} " + " / ".join(_fmt(qwarm(size, op, q)) for q in QUERIES)
                                 for lab, op in (("A", "A_reopen_nq"), ("B", "B_reopen_bulk"), ("C", "C_reopen"), ("D", "D_reopen")))
                     + ".")
        ing = [(op, med(size, op, "build_s")) for op in OPS["E"]]
        if any(v is not None for _, v in ing):
            lines.append("\nIngest through rdflib (one rdflib Graph per article written into an on-disk store; "
                         "write time only): " + "; ".join(f"`{op[2:]}` {_fmt(v)} s" for op, v in ing) + ".")
    if failed:
        lines.append("\nFailed measurements: " + "; ".join(f"{r['size']} {r['op']} run {r.get('run')}: rc {r.get('returncode')}" for r in failed))
    lines.append(f"\nAgreement check: {data['agreement']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="seeds,100k,1m", help=f"comma list of {', '.join(SIZES)}")
    ap.add_argument("--candidates", default="A,B,C,D,E")
    ap.add_argument("--ingest-sizes", default="seeds,10k,100k", help="sizes at which E (per-article ingest) runs")
    ap.add_argument("--runs", type=int, default=3, help="processes per measurement (median reported)")
    ap.add_argument("--warm", type=int, default=2, help="extra in-process runs per query after the first")
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "stancegraph-bench"))
    ap.add_argument("--rdflib-query-timeout", type=float, default=120.0,
                    help="at 1m, an rdflib query slower than this is abandoned and not retried")
    ap.add_argument("--out", default=str(HERE / "results" / "storage.json"))
    ap.add_argument("--keep", action="store_true", help="keep the work directory")
    # child mode
    ap.add_argument("--child")
    ap.add_argument("--size")
    ap.add_argument("--query-timeout", type=float)
    ap.add_argument("--skip", default="")
    ap.add_argument("--report", metavar="RESULTS_JSON", help="print the Markdown tables for a results file and exit")
    args = ap.parse_args(argv)

    if args.report:
        print(report(args.report))
        return
    if args.child:
        res = child(args.child, args.size, Path(args.workdir) / args.size, args.warm, args.query_timeout,
                    {s for s in args.skip.split(",") if s})
        print(json.dumps(res))
        return

    import pyoxigraph
    import rdflib
    from importlib.metadata import version

    from synthetic import generate

    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    cands = [c.strip() for c in args.candidates.split(",") if c.strip()]
    root = Path(args.workdir)
    results: list[dict] = []
    meta = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "rdflib": rdflib.__version__,
        "pyoxigraph": pyoxigraph.__version__ if hasattr(pyoxigraph, "__version__") else version("pyoxigraph"),
        "oxrdflib": version("oxrdflib"),
        "runs": args.runs,
        "warm": args.warm,
        "rdflib_query_timeout": args.rdflib_query_timeout,
    }
    try:
        meta["loadavg_start"] = os.getloadavg()
    except OSError:
        pass
    print(json.dumps(meta), flush=True)
    base = spawn("noop", "seeds", root, warm=0, timeout=None, skip=set(), limit=60)
    meta["import_rss_mib"] = base.get("peak_rss_mib")
    try:
        for size in sizes:
            work = root / size
            work.mkdir(parents=True, exist_ok=True)
            t0 = time.perf_counter()
            with open(work / f"{size}.nq", "w", encoding="utf-8", newline="\n") as fh:
                info = generate(fh, **SIZES[size])
            info.update(size=size, gen_s=time.perf_counter() - t0, nq_bytes=(work / f"{size}.nq").stat().st_size)
            meta.setdefault("datasets", []).append(info)
            print(json.dumps(info), flush=True)
            skip_a: set[str] = set()
            for run in range(1, args.runs + 1):
                for cand in cands:
                    if cand == "E" and size not in args.ingest_sizes.split(","):
                        continue
                    for op in OPS[cand]:
                        rdflib_q = op == "A_reopen_nq"
                        timeout = args.rdflib_query_timeout if (rdflib_q and size == "1m") else None
                        warm = 0 if (rdflib_q and size == "1m") else args.warm
                        res = spawn(op, size, root, warm=warm, timeout=timeout,
                                    skip=skip_a if rdflib_q else set(), limit=1800)
                        res["run"] = run
                        if rdflib_q:
                            for q, v in (res.get("queries") or {}).items():
                                if v.get("status") == "timeout":
                                    skip_a.add(q)
                        results.append(res)
                        brief = {k: (round(v, 4) if isinstance(v, float) else v) for k, v in res.items()
                                 if k not in ("queries", "stderr")}
                        if "queries" in res:
                            brief["q"] = {q: (round(v["cold_s"], 4), v["rows"]) if v.get("status") == "ok" else v.get("status")
                                          for q, v in res["queries"].items()}
                        if res.get("status") != "ok":
                            brief["stderr"] = res.get("stderr", "")[-500:]
                        print(json.dumps(brief), flush=True)
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
    finally:
        problems = check_agreement(results)
        for p in problems:
            print("!" * 20 + " " + p + " " + "!" * 20, file=sys.stderr, flush=True)
        if not problems:
            print("row counts and digests agree across all candidates", file=sys.stderr)
        try:
            meta["loadavg_end"] = os.getloadavg()
        except OSError:
            pass
        meta["finished"] = time.strftime("%Y-%m-%d %H:%M:%S %z")
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps({"meta": meta, "agreement": problems or "ok", "results": results}, indent=1))
        print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
