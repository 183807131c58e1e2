"""The store: opening rules, the one-writer lock, all-or-nothing graph replacement, static graphs."""

from __future__ import annotations

import pytest

from stancegraph.errors import UserError
from stancegraph.namespaces import ACTORS_GRAPH, ONTOLOGY_GRAPH
from stancegraph.store import Store

G1 = "https://w3id.org/stancegraph/graph/article/one"
G2 = "https://w3id.org/stancegraph/graph/article/two"
EX = "https://example.org/"


def nt(*objects: str) -> str:
    return "".join(f"<{EX}s> <{EX}p> <{EX}{o}> .\n" for o in objects)


def objects_in(store: Store, graph: str) -> set[str]:
    rows = store.query(f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return {row["o"].value.removeprefix(EX) for row in rows}


def test_reading_a_missing_store_says_to_build_first(tmp_path):
    with pytest.raises(UserError, match="no stancegraph store here; run `stancegraph build` first"):
        with Store.open(tmp_path / "missing"):
            pass
    assert not (tmp_path / "missing").exists()


def test_writing_creates_the_store_and_reading_then_works(tmp_path):
    with Store.open(tmp_path / "s", write=True) as store:
        store.apply({G1: nt("a")})
    with Store.open(tmp_path / "s") as store:
        assert objects_in(store, G1) == {"a"}


def test_a_directory_with_other_files_is_not_taken_over(tmp_path):
    (tmp_path / "thesis.tex").write_text("precious", encoding="utf-8")
    with pytest.raises(UserError, match="is not a stancegraph store"):
        with Store.open(tmp_path, write=True):
            pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis.tex"]


def test_a_file_is_not_a_store(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="must be a directory"):
        with Store.open(tmp_path / "file", write=True):
            pass


def test_a_second_writer_waits_then_fails_clearly(tmp_path):
    with Store.open(tmp_path / "s", write=True):
        with pytest.raises(UserError, match="store is busy"):
            with Store.open(tmp_path / "s", write=True, wait=0.2):
                pass


def test_a_reader_cannot_change_the_store(tmp_path):
    with Store.open(tmp_path / "s", write=True) as store:
        store.apply({G1: nt("a")})
    with Store.open(tmp_path / "s") as store:
        with pytest.raises((OSError, RuntimeError)):
            store.ox.update(f"INSERT DATA {{ GRAPH <{G1}> {{ {nt('b')} }} }}")
    with Store.open(tmp_path / "s") as store:
        assert objects_in(store, G1) == {"a"}


def test_apply_replaces_only_the_graphs_it_is_given():
    store = Store.memory()
    store.apply({G1: nt("a", "b"), G2: nt("x")})
    store.apply({G1: nt("c")})
    assert objects_in(store, G1) == {"c"}
    assert objects_in(store, G2) == {"x"}


def test_apply_drops_graphs():
    store = Store.memory()
    store.apply({G1: nt("a"), G2: nt("x")})
    store.apply({}, drop=[G1])
    assert store.graphs() == [G2]


def test_apply_is_all_or_nothing():
    store = Store.memory()
    store.apply({G1: nt("a"), G2: nt("x")})
    with pytest.raises(SyntaxError):
        store.apply({G1: nt("b"), G2: "this is not N-Triples"})
    assert objects_in(store, G1) == {"a"}
    assert objects_in(store, G2) == {"x"}


def test_apply_accepts_an_rdflib_graph():
    from rdflib import Graph, URIRef

    g = Graph()
    g.add((URIRef(EX + "s"), URIRef(EX + "p"), URIRef(EX + "r")))
    store = Store.memory()
    store.apply({G1: g})
    assert objects_in(store, G1) == {"r"}


def test_static_graphs_load_once_and_reload_only_when_their_files_change():
    store = Store.memory()
    updates = store.static_updates()
    assert set(updates) == {str(ONTOLOGY_GRAPH), str(ACTORS_GRAPH)}
    store.apply(updates)
    assert store.static_updates() == {}
    # Simulate an edited ontology file: its recorded hash no longer matches.
    store.ox.update(f'DELETE WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ <{ONTOLOGY_GRAPH}> ?p ?o }} }}')
    assert set(store.static_updates()) == {str(ONTOLOGY_GRAPH)}


def test_stored_articles_reads_each_article_graph(mini_store):
    articles = mini_store.stored_articles()
    assert sorted(articles) == ["mini-a.txt", "mini-b.txt", "mini-c.txt"]
    a = articles["mini-a.txt"]
    assert a.graph == "https://w3id.org/stancegraph/graph/article/mini-a"
    assert a.content_hash == "a" * 64
    assert a.extractor == "0.1.0"


def test_triple_count_counts_per_graph(mini_store):
    total = mini_store.triple_count()
    per_graph = [mini_store.triple_count([g]) for g in mini_store.graphs()]
    assert sum(per_graph) == total == len(mini_store)


def test_every_curated_wikidata_or_dbpedia_link_has_its_source_and_confidence():
    """The gazetteer's owl:sameAs links work offline, and say where they come from, like `link`'s."""
    store = Store.memory()
    store.apply(store.static_updates())
    rows = list(store.query("""
        PREFIX sg: <https://w3id.org/stancegraph/ontology#>
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?a ?target ?method ?confidence ?source WHERE {
          GRAPH <https://w3id.org/stancegraph/graph/actors> { ?a owl:sameAs ?target }
          OPTIONAL { GRAPH <https://w3id.org/stancegraph/graph/actors> {
            ?l sg:linkSubject ?a ; sg:linkTarget ?target ; sg:linkMethod ?method ;
               sg:linkConfidence ?confidence ; prov:wasDerivedFrom ?source } }
        }"""))
    assert len(rows) > 300  # the gazetteer links states, organisations and well-known officials
    russia = [r for r in rows if r["a"].value.endswith("/actor/russia") and r["target"].value.endswith("/Q159")]
    assert russia, "Russia is linked to Wikidata Q159"
    assert all(r["method"] is not None and r["method"].value == "curated" for r in rows)
    assert {float(r["confidence"].value) for r in rows} == {1.0}
    assert {r["source"].value for r in rows} == {"https://w3id.org/stancegraph/id/dataset/gazetteer"}
