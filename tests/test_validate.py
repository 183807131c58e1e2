"""SHACL validation and ontology QA: the corpus conforms; broken data is reported by focus node."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from stancegraph import reason as R
from stancegraph.build import build
from stancegraph.namespaces import ARTICLE_GRAPH_PREFIX, ONTOLOGY_GRAPH
from stancegraph.store import Store
from stancegraph.validate import validate

ROOT = Path(__file__).resolve().parents[1]
SG = "https://w3id.org/stancegraph/ontology#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"


@pytest.fixture(scope="module")
def corpus_mem() -> Store:
    store = Store.memory()
    assert build(store, [ROOT / "corpus"]).failures == []
    return store


def _copy(store: Store) -> Store:
    twin = Store.memory()
    twin.ox.load(store.ox.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    return twin


def test_corpus_conforms(corpus_mem):
    report = validate(corpus_mem)
    assert report.conforms, report.text()
    assert report.text().startswith("conforms: yes\n")


def test_corpus_conforms_with_inferences(corpus_mem):
    store = _copy(corpus_mem)
    R.reason(store, "fast")
    report = validate(store)
    assert report.conforms, report.text()


def _one(store: Store, sparql: str):
    return next(iter(store.ox.query(sparql)))


def test_missing_anchor_is_reported_with_its_focus_node(corpus_mem):
    store = _copy(corpus_mem)
    row = _one(store, f"SELECT ?g ?m ?q WHERE {{ GRAPH ?g {{ ?m <{NIF}anchorOf> ?q }} }} LIMIT 1")
    store.ox.remove(ox.Quad(row["m"], ox.NamedNode(NIF + "anchorOf"), row["q"], row["g"]))
    report = validate(store)
    assert not report.conforms
    mention = "sgid:" + row["m"].value.split("/id/", 1)[1]
    lines = [line for line in report.text().splitlines() if mention in line]
    assert lines and "nif:anchorOf" in lines[0] and lines[0].startswith("Violation"), report.text()
    assert report.text().startswith("conforms: no\n")


def test_literal_on_behalf_of_is_reported(corpus_mem):
    store = _copy(corpus_mem)
    row = _one(store, f"SELECT ?g ?s WHERE {{ GRAPH ?g {{ ?s a <{SG}Demand> }} }} LIMIT 1")
    store.ox.add(ox.Quad(row["s"], ox.NamedNode(SG + "onBehalfOf"), ox.Literal("Russia"), row["g"]))
    report = validate(store)
    assert not report.conforms
    focus = "sgid:" + row["s"].value.split("/id/", 1)[1]
    text = report.text()
    assert any(focus in line and "sg:onBehalfOf" in line for line in text.splitlines() if line.startswith("Violation")), text
    # and the ontology QA check says the same thing in its own words
    assert any(line.startswith("qa  literal-for-object  " + focus) for line in text.splitlines()), text


def test_qa_findings(corpus_mem):
    store = _copy(corpus_mem)
    ex = "https://w3id.org/stancegraph/"
    store.apply({
        str(ONTOLOGY_GRAPH): store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(ONTOLOGY_GRAPH))).decode()
        + f"<{SG}Undocumented> a <http://www.w3.org/2002/07/owl#Class> .\n",
        ARTICLE_GRAPH_PREFIX + "qa": (
            f"<{ex}id/demand/qa> a <{SG}Demand> .\n"
            f"<{ex}id/demand/qa> <{SG}madeUpProperty> <{ex}id/actor/nobody> .\n"
            f"<{ex}id/demand/qa> <{SG}topic> <{ex}topic/no-such-topic> .\n"
        ),
    })
    findings = {(f.check, f.subject) for f in validate(store).findings}
    assert ("missing-label", "sg:Undocumented") in findings
    assert ("missing-definition", "sg:Undocumented") in findings
    assert ("undeclared-term", "sg:madeUpProperty") in findings
    assert ("unlabelled-topic", "topic:no-such-topic") in findings


def test_cli_exit_codes(tmp_path, corpus_mem):
    path = tmp_path / "s"
    with Store.open(path, write=True) as store:
        build(store, [ROOT / "corpus"])
    ok = subprocess.run([sys.executable, "-m", "stancegraph.cli", "validate", "--store", str(path)], capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stdout.startswith("conforms: yes"), ok.stdout + ok.stderr
    with Store.open(path, write=True) as store:
        g = next(iter(store.ox.query(f"SELECT ?g ?s WHERE {{ GRAPH ?g {{ ?s a <{SG}Demand> }} }} LIMIT 1")))
        store.ox.add(ox.Quad(g["s"], ox.NamedNode(SG + "onBehalfOf"), ox.Literal("x"), g["g"]))
    bad = subprocess.run([sys.executable, "-m", "stancegraph.cli", "validate", "--store", str(path)], capture_output=True, text=True)
    assert bad.returncode == 1 and bad.stdout.startswith("conforms: no") and "Traceback" not in bad.stderr


def test_build_validates_by_default_and_says_so_when_the_graph_does_not_conform(run_cli, tmp_path, monkeypatch):
    """A shapes file that no article can satisfy makes build report the failure and exit 1;
    --no-validate skips the check."""
    import shutil

    root = Path(__file__).resolve().parents[1]
    corpus = tmp_path / "corpus"
    shutil.copytree(root / "corpus", corpus)
    code, out, err = run_cli("build", str(corpus), "--store", str(tmp_path / "ok"))
    assert code == 0 and "validation failed" not in err
    strict = tmp_path / "checkout"
    shutil.copytree(root / "ontology", strict / "ontology")
    (strict / "ontology" / "shapes.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix sg: <https://w3id.org/stancegraph/ontology#> .\n"
        "[] a sh:NodeShape ; sh:targetClass sg:Article ; sh:property [ sh:path sg:neverWritten ; sh:minCount 1 ] .\n",
        encoding="utf-8")
    code, out, err = run_cli("build", str(corpus), "--store", str(tmp_path / "bad"), env={"STANCEGRAPH_ONTOLOGY_DIR": str(strict / "ontology")})
    assert code == 1 and "validation failed" in err and "Traceback" not in err
    code, out, err = run_cli("build", str(corpus), "--store", str(tmp_path / "bad2"), "--no-validate", env={"STANCEGRAPH_ONTOLOGY_DIR": str(strict / "ontology")})
    assert code == 0
