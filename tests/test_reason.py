"""Reasoning: fast (SPARQL rules from the ontology) agrees with owlrl on the individuals.

The one documented difference (stancegraph/reason.py docstring): fast does not materialise
owl:sameAs. Every ABox triple owlrl has and fast lacks must be an owl:sameAs triple or a copy,
through owl:sameAs, of an asserted or fast-inferred triple; fast must have nothing owlrl lacks.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.namespace import OWL

from stancegraph import reason as R
from stancegraph.build import build
from stancegraph.namespaces import ARTICLE_GRAPH_PREFIX, INFERRED_GRAPH, ONTOLOGY_GRAPH
from stancegraph.store import Store, static_graph_ntriples

ROOT = Path(__file__).resolve().parents[1]
SG = "https://w3id.org/stancegraph/ontology#"
ID = "https://w3id.org/stancegraph/id/"
SAME_AS = str(OWL.sameAs)


def _copy(store: Store) -> Store:
    twin = Store.memory()
    twin.ox.load(store.ox.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    return twin


def _inferred(store: Store) -> set[tuple]:
    return {(q.subject, q.predicate, q.object) for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(INFERRED_GRAPH)))}


def _asserted(store: Store) -> set[tuple]:
    graphs = R.input_graphs(store)
    return {(q.subject, q.predicate, q.object) for g in graphs for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(g))}


def _ontology_terms(store: Store) -> set:
    return {q.subject for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(ONTOLOGY_GRAPH)))}


def _abox(triples: set[tuple], ontology_terms: set) -> set[tuple]:
    return {t for t in triples if t[0] not in ontology_terms}


def _same_as_canon(triples) -> dict:
    """Union-find over owl:sameAs: each term to its class representative (smallest string)."""
    parent: dict = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for s, p, o in triples:
        if p.value == SAME_AS and s != o:
            a, b = sorted((find(s), find(o)), key=str)
            parent[b] = a
    return {x: find(x) for x in parent}


def _reason_both(store: Store) -> tuple[Store, Store]:
    fast, ref = _copy(store), _copy(store)
    assert R.reason(fast, "fast").inconsistencies == []
    assert R.reason(ref, "owlrl").inconsistencies == []
    return fast, ref


def _assert_fast_equals_owlrl(store: Store, reasoned: tuple[Store, Store] | None = None) -> None:
    fast, ref = reasoned or _reason_both(store)
    terms = _ontology_terms(store)
    f, o = _abox(_inferred(fast), terms), _abox(_inferred(ref), terms)
    assert f, "fast inferred nothing about individuals"
    assert f - o == set(), f"fast derives what owlrl does not: {sorted(map(str, f - o))[:5]}"
    missing = o - f
    if not missing:
        return
    # The documented difference: equality. Canonicalise through owl:sameAs and compare again.
    canon = _same_as_canon(_asserted(store) | _inferred(ref))
    c = lambda t: tuple(canon.get(x, x) for x in t)  # noqa: E731
    known = {c(t) for t in _asserted(store) | _inferred(fast)}
    unexplained = [t for t in missing if t[1].value != SAME_AS and c(t) not in known]
    assert unexplained == [], f"owlrl derives, beyond owl:sameAs, what fast does not: {sorted(map(str, unexplained))[:5]}"


@pytest.fixture(scope="module")
def corpus_mem() -> Store:
    store = Store.memory()
    report = build(store, [ROOT / "corpus"])
    assert report.failures == []
    return store


@pytest.fixture(scope="module")
def corpus_reasoned(corpus_mem) -> tuple[Store, Store]:
    """The corpus after fast and after owlrl (owlrl takes ~13 s here: computed once)."""
    return _reason_both(corpus_mem)


@pytest.fixture(scope="module")
def small_store(corpus_mem) -> Store:
    """The ontology and two corpus articles, without the 4,000-triple gazetteer (fast for owlrl)."""
    store = Store.memory()
    articles = sorted(g for g in corpus_mem.graphs() if g.startswith(ARTICLE_GRAPH_PREFIX))[:2]
    store.apply({g: corpus_mem.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g)).decode() for g in [str(ONTOLOGY_GRAPH), *articles]})
    return store


def synthetic_store(triples: int) -> Store:
    data = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "synthetic.py"), "--triples", str(triples)],
        capture_output=True, check=True,
    ).stdout
    store = Store.memory()
    store.ox.load(data, format=ox.RdfFormat.N_QUADS)
    store.apply({str(ONTOLOGY_GRAPH): static_graph_ntriples(str(ONTOLOGY_GRAPH))})
    return store


def test_fast_equals_owlrl_on_corpus(corpus_mem, corpus_reasoned):
    _assert_fast_equals_owlrl(corpus_mem, corpus_reasoned)


@pytest.mark.parametrize("size", [2_000, 10_000])
def test_fast_equals_owlrl_on_synthetic(size):
    store = synthetic_store(size)
    fast, ref = _reason_both(store)
    terms = _ontology_terms(store)
    # No owl:sameAs in the synthetic data: the ABox inferences must be identical.
    assert _abox(_inferred(fast), terms) == _abox(_inferred(ref), terms)


def test_property_chain_attributes_a_statement_to_the_state(corpus_mem):
    """A statement voiced by an official is attributed to the state the official represents (the
    extractor usually asserts sg:onBehalfOf itself, so this article leaves it out)."""
    fast = _copy(corpus_mem)
    official = next(iter(fast.ox.query(f"SELECT ?p ?state WHERE {{ GRAPH ?g {{ ?p <{SG}represents> ?state }} }} LIMIT 1")))
    fast.apply({ARTICLE_GRAPH_PREFIX + "chain": (
        f"<{ID}statement/chain> a <{SG}StanceStatement> .\n"
        f"<{ID}statement/chain> <{SG}speaker> <{official['p'].value}> .\n"
    )})
    R.reason(fast, "fast")
    inferred = _inferred(fast)
    st = ox.NamedNode(f"{ID}statement/chain")
    assert (st, ox.NamedNode(f"{SG}onBehalfOf"), official["state"]) in inferred
    assert (st, ox.NamedNode("http://www.w3.org/ns/prov#wasAssociatedWith"), official["state"]) in inferred
    assert (official["state"], ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(f"{SG}Actor")) in inferred | _asserted(fast)


def test_output_filters(corpus_mem, corpus_reasoned, small_store):
    fast, ref = corpus_reasoned
    rdfs = _copy(small_store)
    R.reason(rdfs, "rdfs")
    for mode, store in (("fast", fast), ("owlrl", ref), ("rdfs", rdfs)):
        inferred = _inferred(store)
        assert len(inferred) > 0
        assert not inferred & _asserted(store), mode
        for s, p, o in inferred:
            assert isinstance(s, ox.NamedNode), (mode, s, p, o)
            assert not isinstance(o, ox.BlankNode), (mode, s, p, o)
            assert not s.value.startswith(R._BUILTIN), (mode, s, p, o)
            assert not (p.value == SAME_AS and s == o), (mode, s)
            assert not (p.value.endswith("#type") and o.value in R._TOP_CLASSES), (mode, s, o)
        # the bookkeeping hash of the static graphs must not make them articles
        assert not any(s.value.startswith("https://w3id.org/stancegraph/graph/") for s, _, _ in inferred), mode


def test_rerun_is_stable_and_none_drops(corpus_mem):
    store = _copy(corpus_mem)
    first = R.reason(store, "fast")
    before = _inferred(store)
    assert first.added == len(before) > 0
    second = R.reason(store, "fast")
    assert second.added == first.added and _inferred(store) == before
    R.reason(store, "none")
    assert _inferred(store) == set()
    assert str(INFERRED_GRAPH) not in store.graphs() or not _inferred(store)


def test_fast_follows_the_ontology_not_hard_coded_terms():
    """A made-up ontology: subclass, subproperty, inverse, symmetric, transitive, chain, domain/range."""
    ex = "http://example.org/"
    tbox = f"""
    <{ex}B> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <{ex}A> .
    <{ex}C> <http://www.w3.org/2002/07/owl#equivalentClass> <{ex}B> .
    <{ex}p> <http://www.w3.org/2000/01/rdf-schema#subPropertyOf> <{ex}q> .
    <{ex}q> <http://www.w3.org/2002/07/owl#inverseOf> <{ex}qi> .
    <{ex}s> a <http://www.w3.org/2002/07/owl#SymmetricProperty> .
    <{ex}t> a <http://www.w3.org/2002/07/owl#TransitiveProperty> .
    <{ex}qi> <http://www.w3.org/2000/01/rdf-schema#domain> <{ex}C> .
    <{ex}c> <http://www.w3.org/2002/07/owl#propertyChainAxiom> _:l1 .
    _:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <{ex}t> ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l2 .
    _:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <{ex}s> ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
    """
    abox = f"""
    <{ex}x> <{ex}p> <{ex}y> .
    <{ex}a> <{ex}t> <{ex}b> . <{ex}b> <{ex}t> <{ex}d> . <{ex}d> <{ex}s> <{ex}e> .
    """
    store = Store.memory()
    store.apply({str(ONTOLOGY_GRAPH): tbox, ARTICLE_GRAPH_PREFIX + "x": abox})
    R.reason(store, "fast")
    got = {tuple(t.value.removeprefix(ex) for t in triple) for triple in _inferred(store)}
    expected = {
        ("x", "q", "y"), ("y", "qi", "x"),
        ("y", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "C"),
        ("y", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "B"),
        ("y", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "A"),
        ("a", "t", "d"), ("e", "s", "d"), ("b", "c", "e"), ("a", "c", "e"),
    }
    assert expected <= got, sorted(expected - got)
    ref = Store.memory()
    ref.apply({str(ONTOLOGY_GRAPH): tbox, ARTICLE_GRAPH_PREFIX + "x": abox})
    R.reason(ref, "owlrl")
    subjects = {f"{ex}{n}" for n in "xyabde"}
    on_individuals = lambda ts: {t for t in ts if t[0].value in subjects}  # noqa: E731
    assert on_individuals(_inferred(store)) == on_individuals(_inferred(ref))


INCONSISTENT = f"""
<{ID}response/r1> a <{SG}Rejection> , <{SG}Acceptance> .
<{ID}statement/s1> a <{SG}StanceStatement> .
<{ID}statement/s1> <{SG}stance> <{SG}stance-supports> , <{SG}stance-opposes> .
"""


@pytest.mark.parametrize("mode", ["fast", "owlrl"])
def test_inconsistencies_are_reported(mode):
    store = Store.memory()
    store.apply({str(ONTOLOGY_GRAPH): static_graph_ntriples(str(ONTOLOGY_GRAPH)), ARTICLE_GRAPH_PREFIX + "bad": INCONSISTENT})
    report = R.reason(store, mode)
    assert report.inconsistencies == [
        "sgid:response/r1 is both sg:Acceptance and sg:Rejection, which are disjoint",
        "sgid:statement/s1 has different values of the functional property sg:stance: sg:stance-opposes, sg:stance-supports",
    ]
    assert "2 inconsistencies" in report.summary()


def test_inconsistency_through_a_subclass_and_cli_exit(tmp_path):
    """A WrittenResponse (⊑ Response) that is also … still caught via the inferred types; the CLI
    exits 1 with the first inconsistency on stderr."""
    store_dir = tmp_path / "s"
    with Store.open(store_dir, write=True) as store:
        store.apply({
            str(ONTOLOGY_GRAPH): static_graph_ntriples(str(ONTOLOGY_GRAPH)),
            ARTICLE_GRAPH_PREFIX + "bad": INCONSISTENT,
        })
    out = subprocess.run([sys.executable, "-m", "stancegraph.cli", "reason", "--store", str(store_dir)], capture_output=True, text=True)
    assert out.returncode == 1
    assert "2 inconsistencies" in out.stderr and "disjoint" in out.stderr
    assert "Traceback" not in out.stderr


def test_functional_literal_values_compare_by_value():
    ex = "http://example.org/"
    store = Store.memory()
    store.apply({
        str(ONTOLOGY_GRAPH): f"<{ex}f> a <http://www.w3.org/2002/07/owl#FunctionalProperty> .",
        ARTICLE_GRAPH_PREFIX + "x": (
            f'<{ex}a> <{ex}f> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
            f'<{ex}a> <{ex}f> "01"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
            f'<{ex}b> <{ex}f> "x" .\n<{ex}b> <{ex}f> "y" .\n'
            f"<{ex}c> <{ex}f> <{ex}u> .\n<{ex}c> <{ex}f> <{ex}v> .\n"  # not declared different: no clash
        ),
    })
    problems = R.reason(store, "fast").inconsistencies
    assert len(problems) == 1 and problems[0].startswith("<http://example.org/b> has different values"), problems


SUPPORTED_OWL = {
    # what fast derives or checks (stancegraph/reason.py) plus declarations and annotations
    "Class", "ObjectProperty", "DatatypeProperty", "AnnotationProperty", "Ontology", "NamedIndividual",
    "equivalentClass", "equivalentProperty", "inverseOf", "SymmetricProperty", "TransitiveProperty",
    "FunctionalProperty", "propertyChainAxiom", "disjointWith", "AllDisjointClasses", "AllDifferent",
    "distinctMembers", "members", "differentFrom", "sameAs", "Thing", "Nothing",
    "versionIRI", "versionInfo", "imports",
    "oneOf",  # only in enumerations whose members the ontology types itself (see the docstring)
}


def test_ontology_stays_within_the_fast_rule_set(corpus_mem):
    used = set()
    for graph in (str(ONTOLOGY_GRAPH),):
        for q in corpus_mem.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
            for term in (q.predicate, q.object):
                if isinstance(term, ox.NamedNode) and term.value.startswith(str(OWL)):
                    used.add(term.value[len(str(OWL)):])
    assert used - SUPPORTED_OWL == set(), f"extend reason.fast_rules for: {sorted(used - SUPPORTED_OWL)}"


def test_unknown_mode_and_missing_ontology():
    from stancegraph.errors import UserError

    with pytest.raises(UserError, match="unknown reasoning mode"):
        R.reason(Store.memory(), "hermit")
    with pytest.raises(UserError, match="no ontology graph"):
        R.reason(Store.memory(), "fast")


def test_build_with_reason_fast_fills_the_inferred_graph_and_export_can_leave_it_out(run_cli, tmp_path):
    import shutil

    from stancegraph.store import Store

    root = Path(__file__).resolve().parents[1]
    corpus = tmp_path / "corpus"
    shutil.copytree(root / "corpus", corpus)
    code, out, err = run_cli("build", str(corpus), "--store", str(tmp_path / "s"), "--reason", "fast")
    assert code == 0, err
    assert "reason (fast)" in out and "consistent" in out
    with Store.open(tmp_path / "s") as store:
        assert str(INFERRED_GRAPH) in store.graphs()
    with_inferred = run_cli("export", "--format", "nquads", "--store", str(tmp_path / "s"))[1]
    without = run_cli("export", "--format", "nquads", "--no-inferred", "--store", str(tmp_path / "s"))[1]
    assert str(INFERRED_GRAPH) in with_inferred and str(INFERRED_GRAPH) not in without
    assert set(without.splitlines()) < set(with_inferred.splitlines())
