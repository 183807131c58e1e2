"""Export round-trips: what is written parses back to exactly the store's quads (or, for the
single-graph formats, exactly the union of its triples), in every format."""

from __future__ import annotations

import io
import re

import pyoxigraph as ox
import pytest
import rdflib

from stancegraph.export import FORMATS, export
from stancegraph.store import Store

OX_FORMAT = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
}
NAMED_GRAPH_FORMATS = ["trig", "jsonld", "nquads"]
SINGLE_GRAPH_FORMATS = ["turtle", "nt"]
ARTICLE_GRAPHS = {f"https://w3id.org/stancegraph/graph/article/mini-{x}" for x in "abc"}


def canonical(quads) -> ox.Dataset:
    """The quads as a dataset with blank nodes renamed canonically (the ontology has a few)."""
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return dataset


def store_quads(store_dir) -> list[ox.Quad]:
    with Store.open(store_dir) as store:
        return list(store.ox)


def as_default_graph(quads) -> list[ox.Quad]:
    return list({ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads})


def test_the_cli_offers_exactly_the_five_formats():
    assert set(FORMATS) == set(OX_FORMAT)


@pytest.mark.parametrize("fmt", NAMED_GRAPH_FORMATS)
def test_named_graph_formats_round_trip_every_quad(run_cli, mini_store_dir, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    code, stdout, err = run_cli("export", "--format", fmt, "-o", out, "--store", mini_store_dir)
    assert code == 0 and stdout == ""
    expected = store_quads(mini_store_dir)
    assert err == f"wrote {len(expected):,} statements to {out}\n"
    parsed = list(ox.parse(out.read_bytes(), format=OX_FORMAT[fmt]))
    assert len(parsed) == len(expected)
    assert canonical(parsed) == canonical(expected)
    assert ARTICLE_GRAPHS <= {q.graph_name.value for q in parsed if isinstance(q.graph_name, ox.NamedNode)}
    assert not (tmp_path / f"graph.{fmt}.partial").exists()


@pytest.mark.parametrize("fmt", SINGLE_GRAPH_FORMATS)
def test_single_graph_formats_round_trip_the_union_of_the_graphs(invoke, mini_store_dir, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    code, _, err = invoke("export", "--format", fmt, "-o", out, "--store", mini_store_dir)
    assert code == 0
    union = as_default_graph(store_quads(mini_store_dir))
    # D1 is described in two article graphs: its type triple is written once.
    assert err == f"wrote {len(union):,} statements to {out}\n"
    parsed = list(ox.parse(out.read_bytes(), format=OX_FORMAT[fmt]))
    assert len(parsed) == len(union)
    assert canonical(parsed) == canonical(union)


@pytest.mark.parametrize("fmt", list(OX_FORMAT))
def test_export_to_stdout_is_the_same_document_as_to_a_file(invoke, mini_store_dir, tmp_path, fmt):
    out = tmp_path / "file.out"
    assert invoke("export", "--format", fmt, "-o", out, "--store", mini_store_dir)[0] == 0
    code, stdout, err = invoke("export", "--format", fmt, "--store", mini_store_dir)
    assert (code, err) == (0, "")
    assert stdout == out.read_text(encoding="utf-8")


def test_the_default_format_is_turtle_with_the_project_prefixes(invoke, mini_store_dir):
    code, out, _ = invoke("export", "--store", mini_store_dir)
    assert code == 0
    prefixes = dict(re.findall(r"^@prefix (\w+): <([^>]+)> \.$", out, re.M))
    assert prefixes["sg"] == "https://w3id.org/stancegraph/ontology#"
    assert prefixes["sga"] == "https://w3id.org/stancegraph/id/actor/"
    assert prefixes["topic"] == "https://w3id.org/stancegraph/topic/"
    body = "\n".join(line for line in out.splitlines() if not line.startswith("@prefix"))
    assert "<https://w3id.org/stancegraph/ontology#" not in body  # every sg: term is written prefixed
    assert "sg:Demand" in out


def test_trig_uses_the_project_prefixes_and_keeps_one_graph_per_article(invoke, mini_store_dir):
    code, out, _ = invoke("export", "--format", "trig", "--store", mini_store_dir)
    assert code == 0
    assert "@prefix sg: <https://w3id.org/stancegraph/ontology#> ." in out
    with Store.open(mini_store_dir) as store:
        graphs = store.graphs()
    assert len(graphs) == 5  # three articles, the ontology, the actors
    parsed = ox.parse(out.encode("utf-8"), format=ox.RdfFormat.TRIG)
    assert {q.graph_name.value for q in parsed} == set(graphs)


def test_every_format_parses_with_rdflib_too(invoke, mini_store_dir, tmp_path):
    """A second parser: the same statements and article graphs. Turtle and TriG included: the export
    declares no prefix whose local names would need backslash escapes (rdflib 7 cannot read
    dbr:Washington\\,_D.C\\. -- RDFLib/rdflib#933 -- nor sgid:demand\\/…)."""
    expected = {(q.subject.value, q.predicate.value, q.object.value, q.graph_name.value)
                for q in store_quads(mini_store_dir) if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}
    for fmt, rdflib_format in [("nquads", "nquads"), ("jsonld", "json-ld"), ("trig", "trig")]:
        out = tmp_path / f"x.{fmt}"
        assert invoke("export", "--format", fmt, "-o", out, "--store", mini_store_dir)[0] == 0
        dataset = rdflib.Dataset()
        dataset.parse(out, format=rdflib_format)
        quads = {(str(s), str(p), str(o), str(g)) for s, p, o, g in dataset.quads((None, None, None, None))
                 if not isinstance(s, rdflib.BNode) and not isinstance(o, rdflib.BNode)}
        assert quads == expected, fmt
    for fmt, rdflib_format in [("nt", "nt"), ("turtle", "turtle")]:
        out = tmp_path / f"x.{fmt}"
        assert invoke("export", "--format", fmt, "-o", out, "--store", mini_store_dir)[0] == 0
        graph = rdflib.Graph()
        graph.parse(out, format=rdflib_format)
        assert len(graph) == len(as_default_graph(store_quads(mini_store_dir))), fmt


def test_export_of_the_python_api_counts_what_it_writes(mini_store):
    for fmt in OX_FORMAT:
        buffer = io.BytesIO()
        count = export(mini_store, fmt, buffer)
        assert count == len(list(ox.parse(buffer.getvalue(), format=OX_FORMAT[fmt])))


def test_export_is_deterministic(mini_store):
    first, second = io.BytesIO(), io.BytesIO()
    export(mini_store, "nquads", first)
    export(mini_store, "nquads", second)
    assert first.getvalue() == second.getvalue()


def test_export_to_an_unwritable_place_is_one_line_and_leaves_nothing(invoke, mini_store_dir, tmp_path):
    target = tmp_path / "missing-dir" / "graph.trig"
    code, out, err = invoke("export", "--format", "trig", "-o", target, "--store", mini_store_dir)
    assert code == 1 and out == ""
    assert err.startswith("stancegraph: error: ") and len(err.splitlines()) == 1
    assert str(target) in err and "cannot write" in err
    assert not (tmp_path / "missing-dir").exists()


def test_export_does_not_overwrite_with_a_partial_file_on_failure(invoke, mini_store_dir, tmp_path):
    target = tmp_path / "graph.nt"
    target.write_text("previous export\n", encoding="utf-8")
    (tmp_path / "graph.nt.partial").mkdir()  # the temporary file cannot be created
    code, _, err = invoke("export", "--format", "nt", "-o", target, "--store", mini_store_dir)
    assert code == 1 and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "previous export\n"


def test_an_unknown_export_format_is_exit_2(invoke, mini_store_dir):
    code, out, err = invoke("export", "--format", "rdfxml", "--store", mini_store_dir)
    assert code == 2 and out == "" and "Traceback" not in err
    assert err.startswith("stancegraph: error: ") and "rdfxml" in err


def test_export_of_the_built_corpus_round_trips_as_nquads(invoke, corpus_store, tmp_path):
    out = tmp_path / "corpus.nq"
    assert invoke("export", "--format", "nquads", "-o", out, "--store", corpus_store)[0] == 0
    assert canonical(ox.parse(out.read_bytes(), format=ox.RdfFormat.N_QUADS)) == canonical(store_quads(corpus_store))
