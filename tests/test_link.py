"""Linking to Wikidata, against a real Oxigraph server serving a small Wikidata-shaped fixture."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from oxigraph_server import corpus_store, oxigraph_server, quick_backoff  # noqa: F401 - fixtures
from stancegraph.link import LINKS_CACHE_GRAPH, link
from stancegraph.namespaces import LINKS_GRAPH
from stancegraph.store import Store

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "wikidata.ttl"
WD = "http://www.wikidata.org/entity/"
SGA = "https://w3id.org/stancegraph/id/actor/"
PREFIXES = """PREFIX sg: <https://w3id.org/stancegraph/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

# An article naming an official the gazetteer does not know: the build mints sga:pavel-kestrelov.
EXTRA_ARTICLE = """Russia insists on security guarantees, says deputy minister
Moscow wants written answers
MOSCOW, January 28. /TASS/. Russian Deputy Foreign Minister Pavel Kestrelov said on Friday that Russia demands legally binding guarantees that NATO will not expand eastward.
"We demand that NATO stop its expansion," Kestrelov told reporters.
"""


@pytest.fixture(scope="module")
def template_store(tmp_path_factory) -> Path:
    return corpus_store(tmp_path_factory, {"900_fixture_kestrelov.txt": EXTRA_ARTICLE})


@pytest.fixture
def store_dir(template_store, tmp_path) -> Path:
    path = tmp_path / "sg"
    shutil.copytree(template_store, path)
    return path


@pytest.fixture
def wikidata(oxigraph_server):  # noqa: F811
    oxigraph_server.load_turtle(FIXTURE.read_bytes())
    return oxigraph_server


def graph_lines(store, graph) -> set[str]:
    return {str(q) for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(graph)))}


def _select(store, sparql) -> list[tuple]:
    solutions = store.query(PREFIXES + sparql)
    names = [v.value for v in solutions.variables]
    return sorted(tuple("" if s[n] is None else s[n].value for n in names) for s in solutions)


def test_link_writes_unambiguous_links_and_lists_homonyms_for_review(wikidata, store_dir):
    with Store.open(store_dir, write=True) as store:
        report = link(store, wikidata.query_url)
        links = dict(_select(store, f"SELECT ?a ?wd WHERE {{ GRAPH <{LINKS_GRAPH}> {{ ?a owl:sameAs ?wd }} FILTER(STRSTARTS(STR(?a), '{SGA}')) }}"))
        records = _select(store, f"""SELECT ?a ?wd ?confidence ?method ?source WHERE {{ GRAPH <{LINKS_GRAPH}> {{
            ?l a sg:ExternalLink ; sg:linkSubject ?a ; sg:linkTarget ?wd ; sg:linkConfidence ?confidence ;
               sg:linkMethod ?method ; prov:wasDerivedFrom ?source }} }}""")
        schema_links = _select(store, f"SELECT ?a WHERE {{ GRAPH <{LINKS_GRAPH}> {{ ?a <https://schema.org/sameAs> ?wd }} }}")
    assert links == {
        SGA + "sergey-ryabkov": WD + "Q99000001",  # by label; the disambiguation page has the wrong type
        SGA + "pavel-kestrelov": WD + "Q99000002",  # minted from the article text
        SGA + "antony-blinken": WD + "Q99000007",  # by alias
        SGA + "rosatom": WD + "Q99000201",  # a government agency
    }
    assert len(schema_links) == 4
    by_actor = {r[0]: r[1:] for r in records}
    assert by_actor[SGA + "antony-blinken"] == (WD + "Q99000007", "0.9", "alias", wikidata.query_url)
    assert by_actor[SGA + "sergey-ryabkov"] == (WD + "Q99000001", "1", "label", wikidata.query_url)
    # the homonym: two humans called John Sullivan, 0.5 each, listed and not linked
    assert SGA + "john-sullivan" not in links and SGA + "hamas" not in links
    review = dict(report.review)
    assert sorted((c.item, c.score) for c in review["John Sullivan"]) == [(WD + "Q99000004", 0.5), (WD + "Q99000005", 0.5)]
    assert report.linked == 4 and len(report.review) == 1
    lines = report.summary().splitlines()
    assert len(lines) == 2 and lines[1].startswith("  review: John Sullivan: wd:Q99000004 0.50")
    assert report.curated > 0 and report.requests > 0 and report.cached == 0


def test_tenures_carry_the_interval_dates(wikidata, store_dir):
    with Store.open(store_dir, write=True) as store:
        report = link(store, wikidata.query_url)
        rows = _select(store, f"""SELECT ?person ?post ?start ?end WHERE {{ GRAPH <{LINKS_GRAPH}> {{
            ?t a sg:Tenure ; org:member ?person ; sg:post ?p .
            ?person org:holds ?p . ?p a sg:Post ; rdfs:label ?post .
            OPTIONAL {{ ?t org:memberDuring ?i . ?i a time:Interval .
              OPTIONAL {{ ?i time:hasBeginning/time:inXSDDate ?start }} OPTIONAL {{ ?i time:hasEnd/time:inXSDDate ?end }} }} }} }}""")
    assert rows == [
        (SGA + "jens-stoltenberg", "Secretary General of NATO", "2014-10-01", "2024-10-01"),  # curated id
        (SGA + "pavel-kestrelov", "Ambassador of Russia to Finland", "2015-03-01", "2019-06-30"),
        (SGA + "pavel-kestrelov", "Deputy Minister of Foreign Affairs of Russia", "2019-07-01", ""),
        (SGA + "sergey-ryabkov", "Deputy Minister of Foreign Affairs of Russia", "2008-08-01", ""),  # deprecated one left out
    ]
    assert report.tenures == 4 and report.people == 3


def test_a_second_run_makes_no_request_and_changes_nothing(wikidata, store_dir):
    with Store.open(store_dir, write=True) as store:
        first = link(store, wikidata.query_url)
        before = graph_lines(store, LINKS_GRAPH), graph_lines(store, LINKS_CACHE_GRAPH)
    assert first.requests > 0 and before[0] and before[1]
    wikidata.stop()  # any request now fails
    with Store.open(store_dir, write=True) as store:
        second = link(store, wikidata.query_url)
        after = graph_lines(store, LINKS_GRAPH), graph_lines(store, LINKS_CACHE_GRAPH)
    assert second.requests == 0 and second.looked_up == 0 and second.cached == first.looked_up
    assert after == before
    assert (second.linked, len(second.review), second.tenures) == (first.linked, len(first.review), first.tenures)


def test_dry_run_writes_nothing(wikidata, store_dir):
    with Store.open(store_dir) as store:  # read-only: a write would fail
        before = len(store)
        report = link(store, wikidata.query_url, dry_run=True)
        assert len(store) == before
        assert str(LINKS_GRAPH) not in store.graphs() and str(LINKS_CACHE_GRAPH) not in store.graphs()
    assert report.linked == 4 and report.requests > 0 and "would link 4" in report.summary()


def test_threshold_sends_alias_matches_to_review(wikidata, store_dir):
    with Store.open(store_dir, write=True) as store:
        report = link(store, wikidata.query_url, threshold=0.95)
    assert report.linked == 3
    assert sorted(label for label, _ in report.review) == ["Antony Blinken", "John Sullivan"]


def test_link_command_dry_run(wikidata, store_dir):
    done = subprocess.run(
        [sys.executable, "-m", "stancegraph", "link", "--endpoint", wikidata.query_url, "--dry-run", "--store", str(store_dir)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "would link 4" in done.stdout and "review: John Sullivan" in done.stdout


def test_an_unreachable_endpoint_is_one_line(store_dir):
    from oxigraph_server import free_port

    from stancegraph.errors import UserError

    url = f"http://127.0.0.1:{free_port()}/sparql"
    with Store.open(store_dir, write=True) as store:
        with pytest.raises(UserError) as err:
            link(store, url)
        assert str(LINKS_GRAPH) not in store.graphs()
    assert str(err.value) == f"{url}: connection refused"
