"""The stored queries on the hand-made fixture (tests/fixtures/mini.trig): exact rows, worked out by hand.

How each expectation was derived is written beside it. Labels come from the real gazetteer
(ontology/actors.ttl: sga:russia "Russia", sga:united-states "United States", sga:nato "NATO",
sga:place-geneva "Geneva", sga:sergey-ryabkov "Sergey Ryabkov", sga:anatoly-antonov "Anatoly Antonov",
sga:us-state-department "State Department" subOrganizationOf sga:united-states,
sga:russian-foreign-ministry "Russian Foreign Ministry" subOrganizationOf sga:russia), kind words from the
skos:notation of the classes in ontology/stance.ttl and topic identifiers from ontology/topics.ttl.
Unbound values print as "" (the JSON contract: every value is a plain string).
"""

from __future__ import annotations

import json
from collections import Counter

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancegraph import queries as stored
from stancegraph.errors import UsageError

ID = "https://w3id.org/stancegraph/id/"
D1, D2, D3 = ID + "demand/mini-d1", ID + "demand/mini-d2", ID + "demand/mini-d3"
S1, S2, S3 = ID + "statement/mini-s1", ID + "statement/mini-s2", ID + "statement/mini-s3"
W1, R1, R2 = ID + "response/mini-w1", ID + "response/mini-r1", ID + "response/mini-r2"
M1, E2 = ID + "event/mini-m1", ID + "event/mini-e2"

EV = {  # nif:anchorOf of each mention in mini.trig
    "a1": "On December 17, 2021, Russia demanded that the United States and NATO guarantee that the alliance will not expand eastward.",
    "a2": "Moscow insists on legally binding guarantees that NATO will not expand further east.",
    "a3": "Russia also demanded in December that the United States refrain from deploying offensive weapons near its borders.",
    "a4": "On December 17, 2021, the Russian Foreign Ministry published the draft agreements.",
    "b1": "Russia demanded on December 17, 2021 that NATO and the United States rule out the alliance's further expansion.",
    "b2": "Washington called on Moscow to pull back its troops from the border.",
    "b3": "Deputy Foreign Minister Sergey Ryabkov said on January 13 that NATO's refusal to stop expanding was unacceptable.",
    "b4": "On January 10, Russian and US delegations met in Geneva.",
    "b5": "The United States handed its written response to Russia on January 26.",
    "c1": "Ryabkov said in February that Russia rejected the US response because it ignored NATO's eastward expansion.",
    "c2": "Deputy Assistant Secretary of State Anna Kowalski said Washington would welcome steps to de-escalate.",
    "c3": "Ambassador Anatoly Antonov said on January 27 that Russia is ready to resume strategic stability talks if the United States is also ready for it.",
    "c4": "NATO said it would answer Russia's objections in writing.",
}
A, B, C = "mini-a.txt", "mini-b.txt", "mini-c.txt"


def run(store, name: str, **params) -> list[dict[str, str]]:
    q = stored.get(name)
    bindings = stored.bind(q, params, stored.store_resolver(store))
    return stored.run_local(store, stored.with_bindings(q.text, bindings)).records()


def cli_rows(cli, store_dir, name: str, *params: str) -> list[dict[str, str]]:
    args = ["query", name, "--format", "json", "--store", store_dir]
    for p in params:
        args += ["-p", p]
    code, out, err = cli(*args)
    assert code == 0, err
    assert err == ""
    return json.loads(out)


def multiset(rows):
    return Counter(tuple(sorted(r.items())) for r in rows)


# -- who-demanded-what ----------------------------------------------------------------------------
# One row per demand and addressee; sources = distinct articles with a mention of the demand.
# D1 has three mentions (two in mini-a, one in mini-b) -> sources 2, once per addressee (NATO, United States).
# Order: ORDER BY ?date, and an unbound date sorts before any value in SPARQL (D3 first); "2021-12" < "2021-12-17".
WHO_DEMANDED_WHAT = [
    {"by": "United States", "demand": D3, "topic": "de-escalation", "addressee": "Russia", "date": "", "sources": "1"},
    {"by": "Russia", "demand": D2, "topic": "no-offensive-weapons-near-borders", "addressee": "United States", "date": "2021-12", "sources": "1"},
    {"by": "Russia", "demand": D1, "topic": "nato-non-expansion", "addressee": "NATO", "date": "2021-12-17", "sources": "2"},
    {"by": "Russia", "demand": D1, "topic": "nato-non-expansion", "addressee": "United States", "date": "2021-12-17", "sources": "2"},
]


def test_who_demanded_what_on_the_fixture_via_the_cli(run_cli, mini_store_dir):
    # In a fresh process, as a user runs it: stdout is the JSON array and nothing else.
    assert cli_rows(run_cli, mini_store_dir, "who-demanded-what") == WHO_DEMANDED_WHAT


def test_who_demanded_what_counts_articles_not_mentions(mini_store):
    rows = [r for r in run(mini_store, "who-demanded-what") if r["demand"] == D1]
    assert [(r["addressee"], r["sources"]) for r in rows] == [("NATO", "2"), ("United States", "2")]


def test_who_demanded_what_filtered_by_actor_label_alias_and_iri(mini_store):
    russia_rows = WHO_DEMANDED_WHAT[1:]
    assert run(mini_store, "who-demanded-what", actor="Russia") == russia_rows
    assert run(mini_store, "who-demanded-what", actor="Russian Federation") == russia_rows  # skos:altLabel
    assert run(mini_store, "who-demanded-what", actor="russia") == russia_rows  # labels match case-insensitively
    assert run(mini_store, "who-demanded-what", actor="sga:russia") == russia_rows
    assert run(mini_store, "who-demanded-what", actor="https://w3id.org/stancegraph/id/actor/united-states") == WHO_DEMANDED_WHAT[:1]


def test_who_demanded_what_filtered_by_topic_notation(mini_store):
    assert run(mini_store, "who-demanded-what", topic="nato-non-expansion") == WHO_DEMANDED_WHAT[2:]


def test_who_demanded_what_since_drops_undated_and_earlier_demands(mini_store):
    # since=2021-11-01: D2 ("2021-12") and D1 ("2021-12-17") are later; D3 has no date and is dropped.
    assert run(mini_store, "who-demanded-what", since="2021-11-01") == WHO_DEMANDED_WHAT[1:]
    assert run(mini_store, "who-demanded-what", since="2022-01-01") == []


# -- demands --------------------------------------------------------------------------------------
# One row per demand, addressee and mention: D1 3 mentions x 2 addressees = 6, D2 1, D3 1 -> 8 rows.
def _demand(by, addressee, topic, date, ev, article, demand, confidence):
    return {"by": by, "addressee": addressee, "topic": topic, "date": date, "evidence": EV[ev],
            "article": article, "demand": demand, "confidence": confidence}


DEMANDS = [
    _demand("United States", "Russia", "de-escalation", "", "b2", B, D3, "0.6"),
    _demand("Russia", "United States", "no-offensive-weapons-near-borders", "2021-12", "a3", A, D2, "0.8"),
    _demand("Russia", "NATO", "nato-non-expansion", "2021-12-17", "a1", A, D1, "0.9"),
    _demand("Russia", "NATO", "nato-non-expansion", "2021-12-17", "a2", A, D1, "0.75"),
    _demand("Russia", "NATO", "nato-non-expansion", "2021-12-17", "b1", B, D1, "0.8"),
    _demand("Russia", "United States", "nato-non-expansion", "2021-12-17", "a1", A, D1, "0.9"),
    _demand("Russia", "United States", "nato-non-expansion", "2021-12-17", "a2", A, D1, "0.75"),
    _demand("Russia", "United States", "nato-non-expansion", "2021-12-17", "b1", B, D1, "0.8"),
]
_DEMAND_KEY = ("date", "by", "topic", "addressee", "article")  # the ORDER BY; rows a1/a2 tie on it


def test_demands_on_the_fixture_via_the_cli(invoke, mini_store_dir):
    rows = cli_rows(invoke, mini_store_dir, "demands")
    assert multiset(rows) == multiset(DEMANDS)
    assert [tuple(r[k] for k in _DEMAND_KEY) for r in rows] == [tuple(r[k] for k in _DEMAND_KEY) for r in DEMANDS]


def test_demands_filtered_by_actor(mini_store):
    assert run(mini_store, "demands", actor="United States") == DEMANDS[:1]


# -- statements -----------------------------------------------------------------------------------
# Statements with a speaker: S1, S2, S3 and the rejection R1 (W1 and the demands have no speaker).
# kind is the notation of the asserted class; ORDER BY ?date ?speaker: undated S2 first, then
# "2022-01-13" < "2022-01-27" < "2022-02".
def _statement(speaker, side, date, topic, stance, ev, article, statement, kind, modality, condition="", outlet="", occasion=""):
    return {"speaker": speaker, "onBehalfOf": side, "date": date, "topic": topic, "stance": stance,
            "evidence": EV[ev], "article": article, "statement": statement, "kind": kind,
            "modality": modality, "condition": condition, "outlet": outlet, "occasion": occasion}


STATEMENTS = [
    _statement("Anna Kowalski", "United States", "", "de-escalation", "supports", "c2", C, S2, "stance-statement", "future"),
    _statement("Sergey Ryabkov", "Russia", "2022-01-13", "nato-non-expansion", "opposes", "b3", B, S1, "stance-statement", "asserted",
               outlet="RTVI", occasion="interview"),
    _statement("Anatoly Antonov", "Russia", "2022-01-27", "strategic-stability-dialogue", "conditional", "c3", C, S3,
               "stance-statement", "conditional", "if the United States is also ready for it"),
    _statement("Sergey Ryabkov", "Russia", "2022-02", "nato-non-expansion", "opposes", "c1", C, R1, "rejection", "asserted"),
]


def test_statements_on_the_fixture_via_the_cli(invoke, mini_store_dir):
    assert cli_rows(invoke, mini_store_dir, "statements") == STATEMENTS


def test_statements_filtered_by_speaker_alias(mini_store):
    # "Sergei Ryabkov" is a skos:altLabel of sga:sergey-ryabkov in the gazetteer.
    assert run(mini_store, "statements", speaker="Sergei Ryabkov") == [STATEMENTS[1], STATEMENTS[3]]
    # A person minted from the text is found by the label its article graph gives it.
    assert run(mini_store, "statements", speaker="Anna Kowalski") == [STATEMENTS[0]]


# -- stance-timeline ------------------------------------------------------------------------------
# Everything with sg:onBehalfOf and sg:stance: D1 (supports, 3 mentions), S1, S2, S3, R1. D2, D3 and W1
# have no stance. Dated rows by date, the undated S2 last.
def _stance(actor, topic, date, stance, ev, article, speaker=""):
    return {"actor": actor, "topic": topic, "date": date, "stance": stance, "evidence": EV[ev],
            "article": article, "speaker": speaker}


TIMELINE = [
    _stance("Russia", "nato-non-expansion", "2021-12-17", "supports", "a1", A),
    _stance("Russia", "nato-non-expansion", "2021-12-17", "supports", "a2", A),
    _stance("Russia", "nato-non-expansion", "2021-12-17", "supports", "b1", B),
    _stance("Russia", "nato-non-expansion", "2022-01-13", "opposes", "b3", B, "Sergey Ryabkov"),
    _stance("Russia", "strategic-stability-dialogue", "2022-01-27", "conditional", "c3", C, "Anatoly Antonov"),
    _stance("Russia", "nato-non-expansion", "2022-02", "opposes", "c1", C, "Sergey Ryabkov"),
    _stance("United States", "de-escalation", "", "supports", "c2", C, "Anna Kowalski"),
]
_TIMELINE_KEY = ("date", "actor", "topic", "article")


def _assert_timeline(rows, expected):
    assert multiset(rows) == multiset(expected)
    assert [tuple(r[k] for k in _TIMELINE_KEY) for r in rows] == [tuple(r[k] for k in _TIMELINE_KEY) for r in expected]


def test_stance_timeline_is_ordered_by_date_with_undated_last(invoke, mini_store_dir):
    _assert_timeline(cli_rows(invoke, mini_store_dir, "stance-timeline"), TIMELINE)


def test_stance_timeline_filtered_by_actor_label_and_alias(invoke, mini_store_dir, mini_store):
    _assert_timeline(cli_rows(invoke, mini_store_dir, "stance-timeline", "actor=Russia"), TIMELINE[:6])
    _assert_timeline(run(mini_store, "stance-timeline", actor="the Russian Federation"), TIMELINE[:6])
    assert run(mini_store, "stance-timeline", actor="US") == TIMELINE[6:]  # altLabel of United States


def test_stance_timeline_actor_filter_also_matches_the_speaker(mini_store):
    assert run(mini_store, "stance-timeline", actor="Sergey Ryabkov") == [TIMELINE[3], TIMELINE[5]]


def test_stance_timeline_filtered_by_topic(mini_store):
    _assert_timeline(run(mini_store, "stance-timeline", topic="nato-non-expansion"), TIMELINE[:4] + [TIMELINE[5]])


# -- responses ------------------------------------------------------------------------------------
# W1 is a sg:WrittenResponse answering the publication E2 (which has an rdfs:label); R1 is a
# sg:Rejection answering W1 (no label: respondsTo falls back to the IRI); R2 is typed sg:Response
# itself (zero subclass steps; its notation is "statement") and undated, so it sorts first. All three
# are found through rdfs:subClassOf* sg:Response. R2 has no speaker and no stance: it is in neither
# the statements query nor the stance timeline.
RESPONSES = [
    {"by": "NATO", "to": "Russia", "kind": "statement", "respondsTo": R1,
     "date": "", "evidence": EV["c4"], "article": C, "response": R2},
    {"by": "United States", "to": "Russia", "kind": "written-response", "respondsTo": "Publication of the draft agreements",
     "date": "2022-01-26", "evidence": EV["b5"], "article": B, "response": W1},
    {"by": "Russia", "to": "United States", "kind": "rejection", "respondsTo": W1,
     "date": "2022-02", "evidence": EV["c1"], "article": C, "response": R1},
]


def test_responses_on_the_fixture_find_the_rejection_as_a_response(invoke, mini_store_dir):
    assert cli_rows(invoke, mini_store_dir, "responses") == RESPONSES


def test_responses_filtered_by_actor(mini_store):
    assert run(mini_store, "responses", actor="Russia") == RESPONSES[2:]
    assert run(mini_store, "responses", actor="NATO") == RESPONSES[:1]


# -- events ---------------------------------------------------------------------------------------
# One row per event, participant and mention: E2 (one participant, no place) and M1 (two participants).
EVENTS = [
    {"name": "Publication of the draft agreements", "kind": "publication", "place": "", "date": "2021-12-17",
     "participant": "Russia", "evidence": EV["a4"], "article": A, "event": E2},
    {"name": "Russia-US talks in Geneva", "kind": "meeting", "place": "Geneva", "date": "2022-01-10",
     "participant": "Russia", "evidence": EV["b4"], "article": B, "event": M1},
    {"name": "Russia-US talks in Geneva", "kind": "meeting", "place": "Geneva", "date": "2022-01-10",
     "participant": "United States", "evidence": EV["b4"], "article": B, "event": M1},
]


def test_events_on_the_fixture(mini_store):
    assert run(mini_store, "events") == EVENTS


def test_events_filtered_by_kind(invoke, mini_store_dir):
    assert cli_rows(invoke, mini_store_dir, "events", "kind=meeting") == EVENTS[1:]
    assert cli_rows(invoke, mini_store_dir, "events", "kind=publication") == EVENTS[:1]


# -- officials ------------------------------------------------------------------------------------
# People with org:holds who appear (as a subject) in an article graph: Ryabkov (gazetteer post + the post
# read in mini-b), Antonov (gazetteer post), Anna Kowalski (minted in mini-c). Gazetteer-only officials
# (Vladimir Yermakov, Sergei Lavrov, ...) are not listed. The state is found along org:subOrganizationOf*
# (zero steps when the post is in the state itself).
OFFICIALS = [
    {"person": "Anatoly Antonov", "post": "Russian Ambassador to the United States", "organization": "Russian Foreign Ministry", "state": "Russia"},
    {"person": "Anna Kowalski", "post": "Deputy Assistant Secretary of State", "organization": "State Department", "state": "United States"},
    {"person": "Sergey Ryabkov", "post": "Deputy Foreign Minister", "organization": "Russia", "state": "Russia"},
    {"person": "Sergey Ryabkov", "post": "Deputy Foreign Minister of Russia", "organization": "Russian Foreign Ministry", "state": "Russia"},
]


def test_officials_lists_only_people_who_appear_in_an_article(invoke, mini_store_dir):
    assert cli_rows(invoke, mini_store_dir, "officials") == OFFICIALS


def test_officials_is_empty_without_articles():
    from stancegraph.store import Store

    store = Store.memory()
    store.apply(store.static_updates())  # the gazetteer has many officials with posts, but no article
    assert run(store, "officials") == []


# -- the catalogue and its parameters ------------------------------------------------------------------
def test_each_stored_query_declares_the_parameters_its_header_documents():
    params = {name: [(p.name, p.type, p.required) for p in q.params] for name, q in stored.catalog().items()}
    assert params == {
        "demands": [("actor", "iri", False), ("topic", "iri", False)],
        "events": [("kind", "literal", False)],
        "officials": [],
        "responses": [("actor", "iri", False)],
        "stance-timeline": [("actor", "iri", False), ("topic", "iri", False)],
        "statements": [("speaker", "iri", False)],
        "who-demanded-what": [("actor", "iri", False), ("topic", "iri", False), ("since", "date", False)],
    }


def test_a_required_parameter_must_be_given(tmp_path):
    (tmp_path / "by-actor.rq").write_text(
        "#+ summary: demands of one actor\nPREFIX sg: <https://w3id.org/stancegraph/ontology#>\n"
        "SELECT ?d WHERE { GRAPH ?g { ?d sg:onBehalfOf ?_actor_iri } }\n", encoding="utf-8")
    q = stored.get("by-actor", tmp_path)
    assert [(p.name, p.required) for p in q.params] == [("actor", True)]
    with pytest.raises(UsageError, match="missing required parameter 'actor'"):
        stored.bind(q, {})


def test_a_label_naming_several_things_is_refused(mini_store):
    # "Deputy Foreign Minister" labels both the role and the post read in mini-b.
    with pytest.raises(UsageError, match="names several things"):
        run(mini_store, "stance-timeline", actor="Deputy Foreign Minister")


# -- parameter binding: a value is a term, never query text ----------------------------------------------
NASTY = [
    'meeting"',
    "meeting'",
    'x" } DELETE WHERE { ?s ?p ?o } #',
    "x' } DELETE WHERE { ?s ?p ?o } #",
    "} DELETE WHERE { ?s ?p ?o }",
    "{ } }",
    'meeting" || true || "',
    "meeting\n} DELETE WHERE { ?s ?p ?o }",
    "meeting\\",
    '\\" ) } DELETE WHERE { ?s ?p ?o } #',
    "<https://evil.example/> } DELETE WHERE { ?s ?p ?o }",
    "meeting>",
    '"""meeting"""',
]


@pytest.mark.parametrize("value", NASTY)
def test_a_literal_parameter_value_cannot_change_the_query(mini_store, dump, value):
    before = dump(mini_store)
    assert run(mini_store, "events", kind=value) == []  # no event kind is spelled like that
    assert run(mini_store, "events", kind="meeting") == EVENTS[1:]  # and the store still answers
    assert dump(mini_store) == before


@pytest.mark.parametrize("value", NASTY)
def test_an_iri_parameter_that_is_not_an_iri_and_names_nothing_is_refused(mini_store, dump, value):
    before = dump(mini_store)
    with pytest.raises(UsageError, match="is not an IRI, and nothing in the graph is called that"):
        run(mini_store, "who-demanded-what", actor=value)
    assert dump(mini_store) == before


@pytest.mark.parametrize("value", NASTY)
def test_a_label_full_of_syntax_still_selects_exactly_its_actor(mini_store, dump, value):
    """An actor whose label is the nasty value: the parameter resolves to it and filters to its demand."""
    sg = "https://w3id.org/stancegraph/ontology#"
    evil, demand = ox.NamedNode(ID + "actor/evil"), ox.NamedNode(ID + "demand/evil")
    mention, article = ox.NamedNode(ID + "mention/evil"), ox.NamedNode(ID + "article/evil")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    triples = [
        ox.Triple(evil, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal(value, language="en")),
        ox.Triple(demand, rdf_type, ox.NamedNode(sg + "Demand")),
        ox.Triple(demand, ox.NamedNode(sg + "onBehalfOf"), evil),
        ox.Triple(demand, ox.NamedNode(sg + "topic"), ox.NamedNode("https://w3id.org/stancegraph/topic/sanctions")),
        ox.Triple(demand, ox.NamedNode(sg + "mentionedIn"), mention),
        ox.Triple(mention, ox.NamedNode(sg + "inArticle"), article),
    ]
    nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    mini_store.apply({"https://w3id.org/stancegraph/graph/article/evil": nt})
    before = dump(mini_store)
    rows = run(mini_store, "who-demanded-what", actor=value)
    assert rows == [{"by": value, "demand": demand.value, "topic": "sanctions", "addressee": "", "date": "", "sources": "1"}]
    assert dump(mini_store) == before


_SYNTAX = st.lists(st.sampled_from(['"', "'", '"""', "{", "}", "(", ")", "\\", "\n", "<", ">", "#", ".", ";", "?s",
                                    " DELETE WHERE { ?s ?p ?o } ", " UNION { ?s ?p ?o } ", "meeting", "publication"]),
                   max_size=8).map("".join)
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=150, deadline=None)
@given(value=st.one_of(_SYNTAX, _TEXT))
def test_any_value_of_a_literal_parameter_is_only_compared_never_parsed(mini_store_shared, value):
    size = len(mini_store_shared)
    assert run(mini_store_shared, "events", kind=value) == [e for e in EVENTS if e["kind"] == value]
    assert len(mini_store_shared) == size


def test_bound_query_text_keeps_the_value_inside_one_literal():
    q = stored.get("events")
    value = 'x" } DELETE WHERE { ?s ?p ?o } #'
    text = stored.with_bindings(q.text, stored.bind(q, {"kind": value}))
    parsed_values = text.split("VALUES (?__kind) {", 1)[1].split("\n", 1)[0]
    assert parsed_values.strip() == r'("x\" } DELETE WHERE { ?s ?p ?o } #") }'
    assert text.count("DELETE") == 1


@pytest.mark.parametrize("value", ["2021-13-01", "17 December 2021", "2021-12-01\" } #", "", "2021-12"])
def test_a_date_parameter_must_be_a_date(mini_store, value):
    with pytest.raises(UsageError, match=r"parameter since: .* is not a valid date"):
        run(mini_store, "who-demanded-what", since=value)


def test_an_unknown_parameter_is_refused_with_the_accepted_ones(mini_store):
    with pytest.raises(UsageError, match=r"unknown parameter 'who' \(accepted: actor \(iri, optional\), topic"):
        run(mini_store, "who-demanded-what", who="Russia")


def test_unknown_query_names_the_stored_ones():
    with pytest.raises(UsageError, match="unknown query 'nope'; stored queries: demands, events, officials"):
        stored.get("nope")
