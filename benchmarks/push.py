"""Push benchmark: a synthetic store (``benchmarks/synthetic.py``) pushed to a local Oxigraph server.

    python benchmarks/push.py                              # ~1M triples, SPARQL Update (~4 min on 2 cores)
    python benchmarks/push.py --triples 200000 --protocol both

Steps: generate N-Quads, bulk-load them into a fresh stancegraph store in a temporary directory, start
``oxigraph serve --location <tmp> --bind 127.0.0.1:<free port>`` (the binary from the PyPI package
``oxigraph``), then time :func:`stancegraph.remote.push` (one request per named graph, each
``DROP SILENT GRAPH ; INSERT DATA`` or a Graph Store Protocol ``PUT``), a second push of the same store
(every graph replaced), and check the server's quad count. The server is stopped by PID at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import pyoxigraph as ox  # noqa: E402

from stancegraph.remote import push, run_remote  # noqa: E402
from stancegraph.store import Store  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(location: Path) -> tuple[subprocess.Popen, str]:
    binary = Path(sys.executable).with_name("oxigraph")
    binary = str(binary) if binary.exists() else shutil.which("oxigraph")
    if not binary:
        sys.exit("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(400):
        try:
            urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=2).read()
            return proc, base
        except OSError:
            time.sleep(0.05)
    proc.kill()
    sys.exit("oxigraph serve did not answer")


def stop_server(proc: subprocess.Popen) -> None:
    os.kill(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()


def remote_count(base: str) -> int:
    result = run_remote(base + "/query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", timeout=600)
    return int(result.rows[0][0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--protocol", choices=["update", "gsp", "both"], default="update")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sg-push-") as tmp:
        tmp = Path(tmp)
        t = time.perf_counter()
        nq = tmp / "synthetic.nq"
        subprocess.run([sys.executable, str(HERE / "synthetic.py"), "--triples", str(args.triples), "-o", str(nq)], check=True)
        with Store.open(tmp / "store", write=True) as store:
            store.ox.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
            graphs, triples = len(store.graphs()), len(store)
        print(f"generated and loaded {triples:,} triples in {graphs:,} graphs in {time.perf_counter() - t:.1f} s")

        protocols = ["update", "gsp"] if args.protocol == "both" else [args.protocol]
        for protocol in protocols:
            proc, base = start_server(tmp / f"server-{protocol}")
            try:
                kwargs = {"gsp_endpoint": base + "/store"} if protocol == "gsp" else {"update_endpoint": base + "/update"}
                with Store.open(tmp / "store") as store:
                    first = push(store, base + "/query", **kwargs)
                    print(f"{protocol}, empty server:   {first.summary()}")
                    again = push(store, base + "/query", **kwargs)
                    print(f"{protocol}, every graph replaced: {again.summary()}")
                count = remote_count(base)
                print(f"{protocol}: server holds {count:,} quads ({'equal' if count == triples else 'DIFFERENT'} to the store)")
            finally:
                stop_server(proc)


if __name__ == "__main__":
    main()
