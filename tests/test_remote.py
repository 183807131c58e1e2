"""Remote endpoints, against a real Oxigraph server on 127.0.0.1: push, stored queries, failures."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest

from oxigraph_server import OxigraphServer, canonical, corpus_store, free_port, oxigraph_server, quick_backoff  # noqa: F401 - fixtures
from stancegraph import queries, remote
from stancegraph.errors import UserError
from stancegraph.remote import push, remote_resolver, run_remote
from stancegraph.store import Store

ROOT = Path(__file__).resolve().parents[1]
THEIRS = "http://example.org/theirs"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    """The 5-article corpus built into a store (once for the module)."""
    return corpus_store(tmp_path_factory)


def local_graphs(store_dir) -> dict[str, set[str]]:
    with Store.open(store_dir) as store:
        out = {}
        for graph in remote.stancegraph_graphs(store):
            out[graph] = canonical(q.triple for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
        return out


def push_to(server, store_dir, **kwargs):
    with Store.open(store_dir) as store:
        return push(store, server.query_url, update_endpoint=server.update_url, **kwargs)


@pytest.fixture
def pushed(oxigraph_server, store_dir):  # noqa: F811
    report = push_to(oxigraph_server, store_dir)
    assert report.graphs == 7
    return oxigraph_server


# -- the stored queries answer the same remotely ------------------------------------------------------
def order_keys(query: queries.StoredQuery, result: queries.Result) -> list[tuple]:
    """The ORDER BY variables that are projected, row by row: their sequence is fixed even with ties."""
    clause = re.search(r"(?is)ORDER\s+BY(.*)$", query.text)
    names = re.findall(r"\?(\w+)", clause.group(1)) if clause else []
    cols = [result.variables.index(n) for n in names if n in result.variables]
    return [tuple(row[i] for i in cols) for row in result.rows]


def assert_same(query, local, remote_result):
    assert remote_result.variables == local.variables
    assert sorted(remote_result.rows) == sorted(local.rows)
    assert order_keys(query, remote_result) == order_keys(query, local)


def test_every_stored_query_returns_the_same_rows_remotely(pushed, store_dir):
    catalog = queries.catalog()
    assert len(catalog) >= 7
    with Store.open(store_dir) as store:
        for name, query in catalog.items():
            local = queries.run_local(store, query.text)
            remote_result = run_remote(pushed.query_url, query.text)
            assert local.rows, name
            assert_same(query, local, remote_result)


def test_stored_queries_with_a_parameter_resolve_and_match_remotely(pushed, store_dir):
    with_actor = [q for q in queries.catalog().values() if "actor" in {p.name for p in q.params}]
    assert len(with_actor) >= 3
    resolve = remote_resolver(pushed.query_url)
    with Store.open(store_dir) as store:
        for query in with_actor:
            local_bindings = queries.bind(query, {"actor": "Russia"}, queries.store_resolver(store))
            remote_bindings = queries.bind(query, {"actor": "Russia"}, resolve)
            assert remote_bindings == local_bindings
            local = queries.run_local(store, queries.with_bindings(query.text, local_bindings))
            remote_result = run_remote(pushed.query_url, queries.with_bindings(query.text, remote_bindings))
            assert_same(query, local, remote_result)
        stance = queries.get("stance-timeline")
        everyone = run_remote(pushed.query_url, stance.text).rows
        russia = run_remote(pushed.query_url, queries.with_bindings(stance.text, queries.bind(stance, {"actor": "Russia"}, resolve))).rows
        assert 0 < len(russia) < len(everyone) and any(r[0] == "Russia" for r in russia)


def test_ask_construct_and_bad_syntax(pushed):
    assert run_remote(pushed.query_url, "ASK { GRAPH ?g { ?s ?p ?o } }") is True
    triples = run_remote(pushed.query_url, "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/stancegraph/graph/actors> { ?s ?p ?o } } LIMIT 5")
    assert len(triples) == 5 and all(hasattr(t, "subject") for t in triples)
    with pytest.raises(UserError) as err:
        run_remote(pushed.query_url, "SELECT * WHERE { ?s ?p }")
    message = str(err.value)
    assert message.startswith(pushed.query_url + ": HTTP 400: ") and "\n" not in message


# -- push ----------------------------------------------------------------------------------------------------
def test_push_again_changes_nothing(pushed, store_dir):
    first = pushed.quads()
    local = local_graphs(store_dir)
    assert first == local
    report = push_to(pushed, store_dir)
    assert pushed.quads() == first
    assert report.triples == sum(len(v) for v in local.values())
    total = pushed.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"]
    assert int(total) == report.triples
    assert "7 graphs" in report.summary() and "\n" not in report.summary()


def test_graph_store_protocol_push_is_the_same(oxigraph_server, store_dir):  # noqa: F811
    with Store.open(store_dir) as store:
        report = push(store, oxigraph_server.query_url, gsp_endpoint=oxigraph_server.store_url)
        again = push(store, oxigraph_server.query_url, gsp_endpoint=oxigraph_server.store_url)
    assert report.graphs == again.graphs == 7
    assert oxigraph_server.quads() == local_graphs(store_dir)


def test_push_never_touches_other_graphs(oxigraph_server, store_dir):  # noqa: F811
    theirs = b"<http://example.org/a> <http://example.org/says> \"hello\" .\n"
    oxigraph_server.load_turtle(theirs, graph=THEIRS)
    oxigraph_server.load_turtle(b"<http://example.org/d> <http://example.org/p> 1 .\n")  # default graph
    push_to(oxigraph_server, store_dir)
    push_to(oxigraph_server, store_dir)
    quads = oxigraph_server.quads()
    assert quads.pop(THEIRS) == {'<http://example.org/a> <http://example.org/says> "hello"'}
    assert quads == local_graphs(store_dir)
    assert oxigraph_server.ask("ASK { <http://example.org/d> <http://example.org/p> 1 }")


class KillingProxy:
    """A TCP proxy in front of the server that SIGKILLs it in the middle of the ``kill_at``-th request:
    part of that request's body has reached the server, the rest never will."""

    def __init__(self, server: OxigraphServer, kill_at: int):
        self.server, self.kill_at = server, kill_at
        self.port = free_port()
        self.connections = 0
        self.listener = socket.create_server(("127.0.0.1", self.port))
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def update_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/update"

    def _serve(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._handle, args=(client, self.connections), daemon=True).start()

    def _handle(self, client: socket.socket, n: int):
        try:
            upstream = socket.create_connection(("127.0.0.1", self.server.port), timeout=5)
        except OSError:
            client.close()
            return
        with client, upstream:
            if n == self.kill_at:
                head = client.recv(4096)
                upstream.sendall(head)  # headers and the start of the body
                self.server.stop(kill=True)
                return
            pump = threading.Thread(target=self._pump, args=(client, upstream), daemon=True)
            pump.start()
            self._pump(upstream, client)

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket):
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            try:
                dst.shutdown(socket.SHUT_WR)
            except OSError:
                pass

    def close(self):
        self.listener.close()


def test_a_push_killed_midway_can_be_run_again(oxigraph_server, store_dir):  # noqa: F811
    local = local_graphs(store_dir)
    proxy = KillingProxy(oxigraph_server, kill_at=3)
    try:
        with Store.open(store_dir) as store, pytest.raises(UserError) as err:
            push(store, oxigraph_server.query_url, update_endpoint=proxy.update_url)
    finally:
        proxy.close()
    message = str(err.value)
    assert "2 of 7 graphs pushed" in message and "run push again" in message and "\n" not in message
    assert oxigraph_server.process is None  # the proxy killed it
    oxigraph_server.start()  # same --location, same port
    partial = oxigraph_server.quads()
    assert len(partial) == 2  # the two graphs sent before the kill, and nothing of the third
    assert all(partial[g] == local[g] for g in partial)
    report = push_to(oxigraph_server, store_dir)
    assert report.graphs == 7
    assert oxigraph_server.quads() == local


def test_a_closed_port_is_one_line_naming_the_endpoint(store_dir):
    url = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(UserError) as err:
        run_remote(url, "SELECT * WHERE { ?s ?p ?o }")
    assert str(err.value) == f"{url}: connection refused"
    with Store.open(store_dir) as store, pytest.raises(UserError) as err:
        push(store, url)
    assert str(err.value).startswith(f"{url}: connection refused (while pushing <") and "\n" not in str(err.value)


# -- the command line -------------------------------------------------------------------------------
def test_cli_query_on_an_endpoint_prints_the_local_json(pushed, store_dir):
    with Store.open(store_dir) as store:
        local = queries.format_result(queries.run_local(store, queries.get("who-demanded-what").text), "json")
    done = subprocess.run(
        [sys.executable, "-m", "stancegraph", "query", "who-demanded-what", "--endpoint", pushed.query_url, "--format", "json"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads(local)
    assert done.stdout == local
