"""Bad input, interruption and contention, each through the CLI in a subprocess (docs/hardening.md)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stancegraph.store import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOOD = sorted(CORPUS.glob("*.txt"))[:2]
SG = "https://w3id.org/stancegraph/ontology#"
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}

NO_DATE = """Diplomats meet again over grain corridor
Foreign ministers of Turkey and Ukraine met to discuss the grain corridor.
Turkey's foreign minister demanded that Russia resume its participation in the grain deal.
Ukraine rejected the proposal, a spokesman said.
"""


def cli(*args: str, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "stancegraph.cli", *args], capture_output=True, text=True, env=env or ENV, timeout=timeout, cwd=ROOT
    )


def articles_in(store_path: Path) -> set[str]:
    with Store.open(store_path) as store:
        return set(store.stored_articles())


def dump(store_path: Path) -> list[str]:
    with Store.open(store_path) as store:
        import pyoxigraph as ox

        return sorted(store.ox.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines())


def assert_clean_failure(out: subprocess.CompletedProcess) -> None:
    assert out.returncode != 0
    assert "Traceback" not in out.stderr, out.stderr


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    for path in GOOD:
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\n  \t\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "latin1.txt").write_bytes("Moscou: le ministre a déclaré…\n".encode("latin-1", "replace"))
    with open(folder / "huge.txt", "wb") as handle:  # 50 MB, sparse: instant to make
        handle.truncate(50 * 1024 * 1024)
    (folder / "page.txt").write_text("<!DOCTYPE html>\n<html><head><title>x</title></head><body>Russia said</body></html>\n", encoding="utf-8")
    (folder / "nodate.txt").write_text(NO_DATE, encoding="utf-8")
    shutil.copy(GOOD[0], folder / "zz_copy_of_first.txt")  # same text under a second name
    return folder


BAD = {  # file -> words its stderr line must contain
    "empty.txt": "empty",
    "blank.txt": "empty",
    "binary.txt": "binary",
    "latin1.txt": "UTF-8",
    "huge.txt": "too large",
    "page.txt": "HTML",
    "zz_copy_of_first.txt": "duplicate",
}


@pytest.fixture(scope="module")
def bad_build(bad_folder, tmp_path_factory):
    store = tmp_path_factory.mktemp("store") / "s"
    started = time.monotonic()
    out = cli("build", str(bad_folder), "--store", str(store))
    return out, store, time.monotonic() - started


def test_bad_files_one_line_each(bad_build):
    out, _, seconds = bad_build
    assert_clean_failure(out)
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    for name, words in BAD.items():
        mine = [line for line in lines if f"/{name}: " in line]
        assert len(mine) == 1, (name, out.stderr)
        assert words.lower() in mine[0].lower(), (name, mine[0])
    assert len(lines) == len(BAD), out.stderr
    assert seconds < 30  # the 50 MB file is refused by size, not read


def test_good_articles_still_built(bad_build):
    out, store, _ = bad_build
    assert {p.name for p in GOOD} | {"nodate.txt"} == articles_in(store)
    assert "articles" in out.stdout  # the summary is still printed


def test_article_without_any_date(bad_build):
    _, store, _ = bad_build
    with Store.open(store) as s:
        rows = list(s.query(f"""
            SELECT ?a ?d WHERE {{ GRAPH ?g {{ ?a <{SG}fileName> "nodate.txt" OPTIONAL {{ ?a <https://schema.org/datePublished> ?d }} }} }}"""))
        assert len(rows) == 1 and rows[0]["d"] is None
        dated = list(s.query(f"""
            SELECT ?x WHERE {{ GRAPH <https://w3id.org/stancegraph/graph/article/nodate> {{ ?x <{SG}date> ?d }} }}"""))
        assert dated == []


def test_missing_path_and_file_as_store(tmp_path):
    out = cli("build", str(tmp_path / "nowhere"), "--store", str(tmp_path / "s"))
    assert_clean_failure(out)
    assert "nowhere: no such file or folder" in out.stderr
    (tmp_path / "afile").write_text("x")
    out = cli("build", str(GOOD[0]), "--store", str(tmp_path / "afile"))
    assert_clean_failure(out)
    assert "afile" in out.stderr and len(out.stderr.strip().splitlines()) == 1


# -- transactionality ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def many_articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    for i in range(1500):  # ~20 s of reading: the signal lands while reading, even on a loaded machine
        (folder / f"gen_{i:03d}.txt").write_text(texts[i % len(texts)] + f"\nUpdate {i}: talks continue.\n", encoding="utf-8")
    return folder


def _interrupt_build(tmp_path: Path, many: Path, sig: int) -> None:
    store = tmp_path / "s"
    assert cli("build", str(GOOD[0]), "--store", str(store), "-q").returncode == 0
    before = dump(store)
    proc = subprocess.Popen(
        [sys.executable, "-m", "stancegraph.cli", "build", str(many), "--store", str(store)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=ROOT,
    )
    time.sleep(2.5)  # well into reading the 1,500 articles
    assert proc.poll() is None, "the build finished before it could be interrupted"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode != 0
    assert "Traceback" not in err, err
    if sig == signal.SIGINT:
        assert "interrupted; the store is unchanged" in err
    assert dump(store) == before
    # and the store is usable: a normal build still works afterwards
    assert cli("build", str(GOOD[1]), "--store", str(store), "-q").returncode == 0
    assert articles_in(store) == {GOOD[0].name, GOOD[1].name}


def test_sigint_leaves_the_store_unchanged(tmp_path, many_articles):
    _interrupt_build(tmp_path, many_articles, signal.SIGINT)


def test_sigkill_leaves_the_store_unchanged(tmp_path, many_articles):
    _interrupt_build(tmp_path, many_articles, signal.SIGKILL)


# -- locking -------------------------------------------------------------------------------------------
def test_second_writer_fails_busy(tmp_path):
    store = tmp_path / "s"
    assert cli("build", str(GOOD[0]), "--store", str(store), "-q").returncode == 0
    before = dump(store)
    holder = subprocess.Popen(
        [sys.executable, "-c", (
            "import sys, time\nfrom stancegraph.store import Store\n"
            f"with Store.open({str(store)!r}, write=True):\n    print('locked', flush=True)\n    time.sleep(60)\n"
        )],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        out = cli("build", str(GOOD[1]), "--store", str(store), env={**ENV, "STANCEGRAPH_LOCK_WAIT": "1"})
        waited = time.monotonic() - started
        assert_clean_failure(out)
        assert "busy" in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr
        assert 1 <= waited < 15
        # readers wait too (shared lock against an exclusive one)
        out = cli("sparql", "ASK { ?s ?p ?o }", "--store", str(store), env={**ENV, "STANCEGRAPH_LOCK_WAIT": "0.5"})
        assert_clean_failure(out)
        assert "busy" in out.stderr
    finally:
        holder.kill()
        holder.wait()
    assert dump(store) == before
    assert cli("build", str(GOOD[1]), "--store", str(store), "-q").returncode == 0


# -- query side ------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def query_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("q") / "s"
    assert cli("build", str(CORPUS), "--store", str(store), "-q").returncode == 0
    return store


def test_sparql_syntax_error_has_line_and_column(query_store):
    out = cli("sparql", "SELECT ?x\nWHERE {\n  ?x ?y }", "--store", str(query_store))
    assert_clean_failure(out)
    assert "SPARQL syntax error" in out.stderr
    assert re.search(r"\b3:\d+\b", out.stderr), out.stderr  # line 3 of the query as the user wrote it
    assert len(out.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("value", [
    'meeting" } } ; DROP ALL ; SELECT * WHERE { {',
    "x' } UNION { ?s ?p ?o } #",
    '"}\\n SELECT * WHERE { ?s ?p ?o } #',
    "} LIMIT 0 } SELECT ?a WHERE { ?a ?b ?c",
    "meeting\" . FILTER(true) . \"",
])
def test_parameter_values_cannot_alter_the_query(query_store, value):
    before = dump(query_store)
    out = cli("query", "events", "-p", f"kind={value}", "--format", "csv", "--store", str(query_store))
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[1:] == []  # no event has that kind: the value stayed a literal
    assert dump(query_store) == before


def test_iri_parameter_with_syntax_is_rejected_not_run(query_store):
    out = cli("query", "demands", "-p", "actor=sga:russia> } ?s ?p ?o { <x", "--store", str(query_store))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "parameter actor" in out.stderr and "is not an IRI" in out.stderr, out.stderr


def test_unknown_and_malformed_parameters(query_store):
    out = cli("query", "events", "-p", "nope=1", "--store", str(query_store))
    assert out.returncode == 2 and "unknown parameter 'nope'" in out.stderr
    out = cli("query", "events", "-p", "kind", "--store", str(query_store))
    assert out.returncode == 2 and "key=value" in out.stderr
    out = cli("query", "who-demanded-what", "-p", "since=yesterday", "--store", str(query_store))
    assert out.returncode == 2 and "since" in out.stderr
    out = cli("query", "no-such-query", "--store", str(query_store))
    assert out.returncode == 2 and "unknown query" in out.stderr


def test_missing_required_parameter(tmp_path):
    from stancegraph import queries
    from stancegraph.errors import UsageError

    (tmp_path / "q.rq").write_text("#+ summary: test\nSELECT ?x WHERE { ?x ?p ?_who_iri }\n", encoding="utf-8")
    q = queries.get("q", tmp_path)
    with pytest.raises(UsageError, match="missing required parameter 'who'"):
        queries.bind(q, {})


def test_query_on_missing_store(tmp_path):
    out = cli("query", "events", "--store", str(tmp_path / "none"))
    assert_clean_failure(out)
    assert "no stancegraph store here" in out.stderr
