"""``stancegraph build`` on the real corpus: what it reports, that rebuilding is idempotent and
incremental per article, that bad files are reported and skipped, and what the graph then answers.

``run_cli`` runs the command in a fresh process, ``invoke`` in-process (faster); both as a user types it."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest

from stancegraph.store import Store

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

ARTICLE_PREFIX = "https://w3id.org/stancegraph/graph/article/"
SUMMARY = re.compile(r"^(\d+) articles \((\d+) built, (\d+) unchanged(?:, (\d+) failed)?(?:, (\d+) removed)?\): "
                     r"(\d+) facts, ([\d,]+) triples in the store, \d+\.\d\d s$")


@pytest.fixture
def corpus_dir(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    return tmp_path / "corpus"


def summary(out: str) -> tuple:
    lines = out.splitlines()
    assert len(lines) == 1, out
    m = SUMMARY.match(lines[0])
    assert m, lines[0]
    return tuple(int(g.replace(",", "")) if g else 0 for g in m.groups())


def quads_by_graph(store_dir) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    with Store.open(store_dir) as store:
        for q in store.ox:
            out[q.graph_name.value].append(ox.serialize([q], format=ox.RdfFormat.N_QUADS).decode("utf-8"))
    return {g: sorted(lines) for g, lines in out.items()}


def test_build_of_the_corpus_reads_its_five_articles(run_cli, corpus_dir, tmp_path):
    code, out, err = run_cli("build", corpus_dir, "--store", tmp_path / "st")
    assert (code, err) == (0, "")
    articles, built, unchanged, failed, removed, facts, triples = summary(out)
    assert (articles, built, unchanged, failed, removed) == (5, 5, 0, 0, 0)
    assert facts > 0
    with Store.open(tmp_path / "st") as store:
        assert triples == len(store)
        assert sorted(g for g in store.graphs() if g.startswith(ARTICLE_PREFIX)) == [
            ARTICLE_PREFIX + p.stem.replace("_", "-") for p in sorted(CORPUS.glob("*.txt"))]


def test_build_reads_corpus_in_the_working_directory_by_default(invoke, corpus_dir, tmp_path):
    code, out, _ = invoke("build", cwd=tmp_path)
    assert code == 0 and summary(out)[:2] == (5, 5)
    assert (tmp_path / ".stancegraph" / "STANCEGRAPH_STORE").exists()


def test_rebuild_of_unchanged_corpus_changes_nothing(run_cli, corpus_dir, tmp_path, dump):
    store = tmp_path / "st"
    assert run_cli("build", corpus_dir, "--store", store)[0] == 0
    before = dump(store)
    code, out, err = run_cli("build", corpus_dir, "--store", store)
    assert (code, err) == (0, "")
    assert summary(out)[:6] == (5, 0, 5, 0, 0, 0)
    assert "5 articles (0 built, 5 unchanged)" in out
    assert dump(store) == before


def test_changed_article_replaces_only_its_own_graph(run_cli, corpus_dir, tmp_path):
    store = tmp_path / "st"
    assert run_cli("build", corpus_dir, "--store", store)[0] == 0
    before = quads_by_graph(store)
    edited = corpus_dir / "002_440f7f210047f3dc.txt"
    text = edited.read_text(encoding="utf-8") + "Ryabkov said Moscow would study the response carefully.\n"
    edited.write_text(text, encoding="utf-8")

    code, out, _ = run_cli("build", corpus_dir, "--store", store)
    assert code == 0
    assert summary(out)[:3] == (5, 1, 4)
    after = quads_by_graph(store)
    changed = ARTICLE_PREFIX + "002-440f7f210047f3dc"
    assert set(after) == set(before)
    assert {g for g in before if before[g] != after[g]} == {changed}
    with Store.open(store) as s:
        stored = s.stored_articles()["002_440f7f210047f3dc.txt"]
    assert stored.content_hash == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_prune_drops_the_graphs_of_articles_no_longer_on_disk(invoke, corpus_dir, tmp_path):
    store = tmp_path / "st"
    assert invoke("build", corpus_dir, "--store", store)[0] == 0
    (corpus_dir / "004_9efa0b58eff0bfe5.txt").unlink()
    code, out, _ = invoke("build", corpus_dir, "--store", store)
    assert code == 0 and summary(out)[:3] == (4, 0, 4)
    with Store.open(store) as s:
        assert ARTICLE_PREFIX + "004-9efa0b58eff0bfe5" in s.graphs()  # without --prune, kept
    code, out, _ = invoke("build", corpus_dir, "--prune", "--store", store)
    assert code == 0 and summary(out)[4] == 1
    with Store.open(store) as s:
        assert ARTICLE_PREFIX + "004-9efa0b58eff0bfe5" not in s.graphs()
        assert len([g for g in s.graphs() if g.startswith(ARTICLE_PREFIX)]) == 4


BAD_FILES = {  # file name: (content, what the one line about it must say)
    "latin1.txt": ("Café au lait, said the minister.\n".encode("latin-1"), "not UTF-8 text (byte 3"),
    "binary.txt": (b"PK\x03\x04\x00\x00 zip", "binary file"),
    "page.txt": (b"<!DOCTYPE html><html><body>news</body></html>", "looks like HTML"),
    "empty.txt": (b"  \n", "empty article"),
}


def test_build_reports_each_unreadable_article_on_one_line_and_builds_the_others(run_cli, corpus_dir, tmp_path):
    for name, (content, _) in BAD_FILES.items():
        (corpus_dir / name).write_bytes(content)
    code, out, err = run_cli("build", corpus_dir, "--store", tmp_path / "st")
    assert code == 1
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == len(BAD_FILES), err
    for name, (_, reason) in BAD_FILES.items():
        line = next(line for line in lines if f"{corpus_dir / name}:" in line)
        assert line.startswith("stancegraph: skipped: ") and reason in line, line
    assert summary(out)[:4] == (5, 5, 0, 4)
    with Store.open(tmp_path / "st") as s:
        assert sorted(s.stored_articles()) == sorted(p.name for p in CORPUS.glob("*.txt"))


def test_build_of_a_missing_path_is_one_line_and_exit_1(invoke, tmp_path):
    code, out, err = invoke("build", tmp_path / "nowhere", "--store", tmp_path / "st")
    assert (code, out) == (1, "")
    assert err.splitlines() == [f"stancegraph: error: {tmp_path / 'nowhere'}: no such file or folder"]


def test_build_refuses_a_store_directory_that_holds_other_things(invoke, corpus_dir, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.md").write_text("keep", encoding="utf-8")
    code, out, err = invoke("build", corpus_dir, "--store", tmp_path / "mine")
    assert code == 1 and "Traceback" not in err
    assert "is not a stancegraph store" in err and len(err.splitlines()) == 1
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["notes.md"]


def test_quiet_build_prints_nothing(invoke, corpus_dir, tmp_path):
    assert invoke("build", corpus_dir, "-q", "--store", tmp_path / "st") == (0, "", "")


# -- what the built corpus answers (checked against the article texts by hand) ------------------------
def test_who_demanded_what_on_the_corpus_has_russias_december_demands_of_the_united_states(run_cli, corpus_store):
    # 000 and 001: "On December 17, 2021, the Russian Foreign Ministry published/released draft agreements"
    # with Washington: NATO "will not advance eastward" / "cease its eastward expansion" (000, 001), and
    # "the non-deployment of serious offensive weapons" (000).
    code, out, _ = run_cli("query", "who-demanded-what", "--format", "json", "--store", corpus_store)
    assert code == 0
    rows = {(r["by"], r["topic"], r["addressee"], r["date"]) for r in json.loads(out)}
    assert ("Russia", "nato-non-expansion", "United States", "2021-12-17") in rows
    assert ("Russia", "no-offensive-weapons-near-borders", "United States", "2021-12-17") in rows


def test_nato_non_expansion_demand_of_december_17_is_reported_by_two_articles(invoke, corpus_store):
    code, out, _ = invoke("query", "who-demanded-what", "-p", "actor=Russia", "-p", "topic=nato-non-expansion",
                           "-p", "since=2021-12-17", "--format", "json", "--store", corpus_store)
    assert code == 0
    rows = [r for r in json.loads(out) if r["date"] == "2021-12-17" and r["addressee"] == "United States"]
    assert rows and max(int(r["sources"]) for r in rows) >= 2  # 000 and 001 both report it


def test_statements_on_the_corpus_name_the_russian_officials_who_spoke(invoke, corpus_store):
    # Yermakov is quoted in 000, Ryabkov in 001-003, Antonov in 004; all speak for Russia.
    code, out, _ = invoke("query", "statements", "--format", "json", "--store", corpus_store)
    assert code == 0
    speakers = {(r["speaker"], r["onBehalfOf"], r["article"]) for r in json.loads(out)}
    assert ("Vladimir Yermakov", "Russia", "000_a9e5b03705c695f2.txt") in speakers
    assert ("Sergey Ryabkov", "Russia", "001_5c831370c9286609.txt") in speakers
    assert ("Anatoly Antonov", "Russia", "004_9efa0b58eff0bfe5.txt") in speakers


def test_every_stored_query_runs_on_the_corpus(invoke, corpus_store):
    code, out, _ = invoke("queries")
    for name in [line.split(":", 1)[0] for line in out.splitlines()]:
        code, out, err = invoke("query", name, "--format", "json", "--store", corpus_store)
        assert (code, err) == (0, ""), name
        assert json.loads(out), name
