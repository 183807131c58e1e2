"""A real Oxigraph SPARQL server for tests: ``oxigraph serve`` on 127.0.0.1, a free port, a tmp directory.

The binary comes from the PyPI package ``oxigraph`` (a test dependency): it is looked for next to the
running Python, then on PATH. The server is stopped by its PID (SIGTERM, then SIGKILL).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OxigraphServer:
    def __init__(self, location: Path, port: int | None = None):
        self.location = Path(location)
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def query_url(self) -> str:
        return self.base + "/query"

    @property
    def update_url(self) -> str:
        return self.base + "/update"

    @property
    def store_url(self) -> str:
        return self.base + "/store"

    def start(self, wait: float = 20.0) -> OxigraphServer:
        binary = oxigraph_binary()
        if binary is None:
            pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
        self.location.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [binary, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited with code {self.process.returncode}")
            try:
                self.ask("ASK {}")
                return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("oxigraph serve did not answer in time")

    def stop(self, kill: bool = False) -> None:
        """SIGTERM (or SIGKILL at once when ``kill``) by PID; SIGKILL if it does not exit within 5 s."""
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        try:
            os.kill(proc.pid, signal.SIGKILL if kill else signal.SIGTERM)
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
        except ProcessLookupError:
            pass

    def restart(self) -> OxigraphServer:
        self.stop()
        return self.start()

    # -- small helpers (plain HTTP, independent of the code under test) ------------------------------
    def ask(self, sparql: str) -> bool:
        import json

        return json.loads(self._query(sparql))["boolean"]

    def select(self, sparql: str) -> list[dict[str, str]]:
        import json

        data = json.loads(self._query(sparql))
        return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]

    def _query(self, sparql: str) -> bytes:
        request = urllib.request.Request(
            self.query_url,
            data=urllib.parse.urlencode({"query": sparql}).encode(),
            headers={"Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.read()

    def update(self, sparql: str) -> None:
        request = urllib.request.Request(self.update_url, data=sparql.encode(), headers={"Content-Type": "application/sparql-update"})
        urllib.request.urlopen(request, timeout=30).read()

    def load_turtle(self, data: bytes, graph: str | None = None) -> None:
        """POST Turtle into the default graph (or ``graph``) by the Graph Store Protocol."""
        target = "graph=" + urllib.parse.quote(graph, safe="") if graph else "default"
        request = urllib.request.Request(f"{self.store_url}?{target}", data=data, method="POST", headers={"Content-Type": "text/turtle"})
        urllib.request.urlopen(request, timeout=30).read()

    def quads(self) -> dict[str, set[str]]:
        """Every named graph on the server → its triples, as canonical N-Triples lines (see :func:`canonical`)."""
        import pyoxigraph as ox

        request = urllib.request.Request(self.store_url, headers={"Accept": "application/n-quads"})
        with urllib.request.urlopen(request, timeout=30) as response:
            data = response.read()
        graphs: dict[str, list] = {}
        for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
            if isinstance(quad.graph_name, ox.NamedNode):
                graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
        return {g: canonical(triples) for g, triples in graphs.items()}


def canonical(triples) -> set[str]:
    """Triples as N-Triples lines with blank nodes relabelled canonically (RDFC-1.0), so that two
    isomorphic graphs (the same graph pushed twice gets fresh blank nodes) compare equal."""
    import pyoxigraph as ox

    dataset = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return {str(q.triple) for q in dataset}


@pytest.fixture
def oxigraph_server(tmp_path):
    """A started server on a fresh directory; stopped after the test whatever happens."""
    server = OxigraphServer(tmp_path / "oxigraph-server")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def corpus_store(tmp_path_factory, extra: dict[str, str] | None = None) -> Path:
    """The bundled corpus (plus ``extra`` articles: file name → text) built into a fresh store."""
    import shutil

    from stancegraph.build import build
    from stancegraph.store import Store

    corpus = tmp_path_factory.mktemp("corpus")
    for article in sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt")):
        shutil.copy(article, corpus)
    for name, text in (extra or {}).items():
        (corpus / name).write_text(text, encoding="utf-8")
    path = tmp_path_factory.mktemp("store") / "sg"
    with Store.open(path, write=True) as store:
        report = build(store, [corpus])
    assert report.articles == 5 + len(extra or {}) and not report.failures
    return path


@pytest.fixture(autouse=True)
def quick_backoff(monkeypatch):
    """Retries back off in milliseconds, not seconds, in tests."""
    from stancegraph import remote

    monkeypatch.setattr(remote, "BACKOFF", 0.02)
