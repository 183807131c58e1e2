"""Link actors to Wikidata, and bring in the posts linked people held, with their dates.

What :func:`link` does, over a Wikidata-shaped SPARQL endpoint (the Wikidata Query Service by default):

1. Every actor in the store (``sg:State``, ``sg:Organization`` and its subclasses, ``sg:Person``; typed in
   the actors graph or in an article graph) without an ``owl:sameAs`` to a Wikidata item is looked up by
   its names (``rdfs:label`` and ``skos:altLabel``, possessive forms left out) among Wikidata labels and
   aliases (English), in ``VALUES`` batches of at most 50 names. Names are sent exactly as written (an
   index lookup on WDQS; a case-insensitive scan of Wikidata's labels would time out) and compared
   case-insensitively. Candidates must be of the right type (``wdt:P31``): human for people, sovereign
   state or country for states, international organisation, organisation, government agency or
   government for organisations. Score: 1.0 for a label match, 0.9 for an alias match, divided by the
   number of candidates. The single best candidate is linked when its score reaches the threshold;
   actors with candidates but no link are listed for review.
2. For every linked person (linked here, or curated in ``actors.ttl``), the positions held
   (``p:P39`` statements, with ``pq:P580`` start and ``pq:P582`` end) become ``sg:Post`` and
   ``sg:Tenure`` nodes with an ``org:memberDuring`` ``time:Interval``.

Everything goes into ``graph/links`` (links, ``sg:ExternalLink`` records, posts, tenures); the raw answers
go into ``graph/links-cache``, keyed by endpoint, subject and names. Both graphs are replaced in one
transaction. A second run asks the endpoint only about what is not in the cache. ``dry_run`` makes the
lookups and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from dataclasses import dataclass, field

import pyoxigraph as ox

from . import remote
from .iri import digest
from .namespaces import ACTORS_GRAPH, ARTICLE_GRAPH_PREFIX, GRAPH, ID, INFERRED_GRAPH, LINKS_GRAPH, ONTOLOGY_GRAPH, PREFIXES
from .store import external_link_triples

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
LINKS_CACHE_GRAPH = GRAPH["links-cache"]
BATCH = 50  # VALUES rows per request
TIMEOUT = 60.0
CACHE_VERSION = "v1"

WD = "http://www.wikidata.org/entity/"
_SG = PREFIXES["sg"]
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_OWL_SAMEAS = "http://www.w3.org/2002/07/owl#sameAs"
_SCHEMA_SAMEAS = "https://schema.org/sameAs"
_ORG = "http://www.w3.org/ns/org#"
_TIME = "http://www.w3.org/2006/time#"
_PROV = "http://www.w3.org/ns/prov#"
_XSD = "http://www.w3.org/2001/XMLSchema#"

# Wikidata classes (wdt:P31 values) accepted for each kind of actor.
TYPES: dict[str, tuple[str, ...]] = {
    "person": ("Q5",),  # human
    "state": ("Q3624078", "Q6256"),  # sovereign state, country
    "organization": ("Q484652", "Q43229", "Q327333", "Q7188"),  # international organization, organization, government agency, government
}
_KINDS = {"person": _SG + "Person", "state": _SG + "State", "organization": _SG + "Organization"}
_SCORES = {"label": 1.0, "alias": 0.9}
_POSSESSIVE = re.compile(r"['’]s?\b")
_QID = re.compile(r"^http://www\.wikidata\.org/entity/Q[0-9]+$")
_DATE = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})")

_LOOKUP = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
SELECT ?name ?item ?how ?type ?itemLabel ?description WHERE {
  VALUES ?name { %s }
  { ?item rdfs:label ?name . BIND("label" AS ?how) } UNION { ?item skos:altLabel ?name . BIND("alias" AS ?how) }
  ?item wdt:P31 ?type .
  VALUES ?type { %s }
  OPTIONAL { ?item rdfs:label ?itemLabel . FILTER(LANG(?itemLabel) = "en") }
  OPTIONAL { ?item schema:description ?description . FILTER(LANG(?description) = "en") }
}"""

_POSITIONS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX wikibase: <http://wikiba.se/ontology#>
SELECT ?item ?position ?positionLabel ?start ?end WHERE {
  VALUES ?item { %s }
  ?item p:P39 ?statement .
  ?statement ps:P39 ?position .
  FILTER NOT EXISTS { ?statement wikibase:rank wikibase:DeprecatedRank }
  OPTIONAL { ?statement pq:P580 ?start }
  OPTIONAL { ?statement pq:P582 ?end }
  OPTIONAL { ?position rdfs:label ?positionLabel . FILTER(LANG(?positionLabel) = "en") }
}"""


@dataclass
class Candidate:
    item: str
    score: float
    how: str
    label: str = ""
    description: str = ""

    def describe(self) -> str:
        extra = ", ".join(x for x in (self.label, self.description) if x)
        return f"wd:{self.item[len(WD):]} {self.score:.2f}" + (f" ({extra})" if extra else "")


@dataclass
class Actor:
    iri: str
    kind: str
    label: str
    names: list[str]
    wikidata: str | None = None  # curated owl:sameAs


@dataclass
class LinkReport:
    endpoint: str
    dry_run: bool = False
    actors: int = 0
    curated: int = 0
    looked_up: int = 0  # answered by the endpoint during this run
    cached: int = 0  # answered from graph/links-cache
    linked: int = 0
    unmatched: int = 0
    people: int = 0  # linked people whose positions were read
    tenures: int = 0
    requests: int = 0
    seconds: float = 0.0
    links: list[tuple[str, str, float]] = field(default_factory=list)  # actor label, item, score
    review: list[tuple[str, list[Candidate]]] = field(default_factory=list)

    def summary(self) -> str:
        verb = "would link" if self.dry_run else "linked"
        head = (
            f"{self.actors} actors ({self.curated} already linked in the gazetteer, {self.looked_up} looked up at "
            f"{self.endpoint} in {self.requests} request{'s' if self.requests != 1 else ''}, {self.cached} from the cache): "
            f"{verb} {self.linked}, {len(self.review)} for review, {self.unmatched} without a match; "
            f"{self.tenures} tenure{'s' if self.tenures != 1 else ''} for {self.people} people"
            + (" (dry run: nothing written)" if self.dry_run else f" in {LINKS_GRAPH}")
            + f", {self.seconds:.2f} s"
        )
        lines = [head]
        for label, candidates in self.review:
            lines.append(f"  review: {label}: " + "; ".join(c.describe() for c in candidates))
        return "\n".join(lines)


# -- reading the store ------------------------------------------------------------------------------------
def _actors(store) -> list[Actor]:
    kinds = " ".join(f"(<{iri}> \"{kind}\")" for kind, iri in _KINDS.items())
    rows = store.query(
        f"""SELECT DISTINCT ?actor ?kind WHERE {{
          GRAPH ?g {{ ?actor a ?class }}
          FILTER(?g = <{ACTORS_GRAPH}> || STRSTARTS(STR(?g), "{ARTICLE_GRAPH_PREFIX}"))
          GRAPH <{ONTOLOGY_GRAPH}> {{ ?class <http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?top }}
          VALUES (?top ?kind) {{ {kinds} }}
          FILTER(isIRI(?actor))
        }}"""
    )
    order = ("person", "state", "organization")
    kind_of: dict[str, str] = {}
    for row in rows:
        iri, kind = row["actor"].value, row["kind"].value
        if iri not in kind_of or order.index(kind) < order.index(kind_of[iri]):
            kind_of[iri] = kind
    labels: dict[str, str] = {}
    names: dict[str, set[str]] = {}
    for row in store.query(
        f"""SELECT ?actor ?p ?name WHERE {{
          GRAPH ?g {{ ?actor ?p ?name }}
          VALUES ?p {{ <{_RDFS_LABEL}> <http://www.w3.org/2004/02/skos/core#altLabel> }}
          FILTER(?g = <{ACTORS_GRAPH}> || STRSTARTS(STR(?g), "{ARTICLE_GRAPH_PREFIX}"))
          FILTER(isLiteral(?name) && (LANG(?name) = "" || LANGMATCHES(LANG(?name), "en")))
        }}"""
    ):
        iri = row["actor"].value
        if iri not in kind_of:
            continue
        name = " ".join(row["name"].value.split())
        if row["p"].value == _RDFS_LABEL and (iri not in labels or name < labels[iri]):
            labels[iri] = name
        if name and not _POSSESSIVE.search(name):
            names.setdefault(iri, set()).add(name)
    curated: dict[str, str] = {}
    for row in store.query(
        f"""SELECT ?actor ?wd WHERE {{
          GRAPH ?g {{ ?actor <{_OWL_SAMEAS}> ?wd }}
          FILTER(?g NOT IN (<{LINKS_GRAPH}>, <{LINKS_CACHE_GRAPH}>, <{INFERRED_GRAPH}>))
          FILTER(STRSTARTS(STR(?wd), "{WD}Q"))
        }}"""
    ):
        iri, item = row["actor"].value, row["wd"].value
        if iri in kind_of and _QID.match(item) and (iri not in curated or item < curated[iri]):
            curated[iri] = item
    return [
        Actor(iri, kind, labels.get(iri, iri.rsplit("/", 1)[-1]), sorted(names.get(iri, ())), curated.get(iri))
        for iri, kind in sorted(kind_of.items())
    ]


def _cache(store) -> dict[str, tuple[list[ox.Triple], list]]:
    """Lookup records already in graph/links-cache: key → (their triples, the decoded answer)."""
    graph = ox.NamedNode(str(LINKS_CACHE_GRAPH))
    by_subject: dict[ox.NamedNode, list[ox.Triple]] = {}
    for quad in store.ox.quads_for_pattern(None, None, None, graph):
        by_subject.setdefault(quad.subject, []).append(quad.triple)
    out = {}
    for triples in by_subject.values():
        values = {t.predicate.value: t.object.value for t in triples}
        key, answer = values.get(_SG + "lookupKey"), values.get(_SG + "lookupAnswer")
        if key and answer is not None:
            try:
                out[key] = (triples, json.loads(answer))
            except ValueError:
                continue
    return out


# -- asking the endpoint ----------------------------------------------------------------------------------
class _Asker:
    def __init__(self, endpoint: str, timeout: float):
        self.endpoint = endpoint
        self.timeout = timeout
        self.requests = 0

    def select(self, sparql: str) -> list[dict[str, str]]:
        self.requests += 1
        data = remote.select_json(self.endpoint, sparql, timeout=self.timeout)
        return [{k: v["value"] for k, v in b.items()} for b in data.get("results", {}).get("bindings", [])]


def _batches(items: list, size: int = BATCH):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _literal(text: str) -> str:
    return str(ox.Literal(text, language="en"))


def _lookup_key(endpoint: str, actor: Actor) -> str:
    return digest("lookup", CACHE_VERSION, endpoint, actor.iri, actor.kind, *actor.names)


def _positions_key(endpoint: str, item: str) -> str:
    return digest("positions", CACHE_VERSION, endpoint, item)


def _cache_record(key: str, endpoint: str, subject: str, answer: list) -> list[ox.Triple]:
    node = ox.NamedNode(str(ID["lookup/" + key]))
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return [
        ox.Triple(node, ox.NamedNode(_RDF_TYPE), ox.NamedNode(_SG + "LinkLookup")),
        ox.Triple(node, ox.NamedNode(_SG + "lookupKey"), ox.Literal(key)),
        ox.Triple(node, ox.NamedNode(_SG + "lookupSubject"), ox.NamedNode(subject)),
        ox.Triple(node, ox.NamedNode(_SG + "lookupAnswer"), ox.Literal(json.dumps(answer, ensure_ascii=False, sort_keys=True))),
        ox.Triple(node, ox.NamedNode(_PROV + "wasDerivedFrom"), ox.NamedNode(endpoint)),
        ox.Triple(node, ox.NamedNode(_PROV + "generatedAtTime"), ox.Literal(now, datatype=ox.NamedNode(_XSD + "dateTime"))),
    ]


def _score(actor: Actor, answer: list[dict]) -> list[Candidate]:
    names = {n.casefold() for n in actor.names}
    allowed = {WD + q for q in TYPES[actor.kind]}
    best: dict[str, Candidate] = {}
    for row in answer:
        if row.get("name", "").casefold() not in names or row.get("type") not in allowed or not _QID.match(row.get("item", "")):
            continue
        how = row.get("how", "alias")
        cand = best.get(row["item"])
        if cand is None or _SCORES.get(how, 0) > cand.score:
            best[row["item"]] = Candidate(row["item"], _SCORES.get(how, 0.0), how, row.get("itemLabel", ""), row.get("description", ""))
    candidates = sorted(best.values(), key=lambda c: (-c.score, c.item))
    for c in candidates:
        c.score = round(c.score / len(candidates), 4)
    return candidates


# -- writing ----------------------------------------------------------------------------------------------
def _nn(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _link_triples(actor: Actor, cand: Candidate, endpoint: str) -> list[ox.Triple]:
    a, item = _nn(actor.iri), _nn(cand.item)
    node = str(ID["link/" + digest("wikidata-link", actor.iri, cand.item)])
    return [
        ox.Triple(a, _nn(_OWL_SAMEAS), item),
        ox.Triple(a, _nn(_SCHEMA_SAMEAS), item),
        *external_link_triples(node, a, item, str(round(cand.score, 4)), cand.how, endpoint),
    ]


def _date(value: str | None) -> str | None:
    m = _DATE.match(value or "")
    if not m:
        return None
    try:
        return dt.date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        return None


def _tenure_triples(person: str, rows: list[dict]) -> list[ox.Triple]:
    out: list[ox.Triple] = []
    seen = set()
    p = _nn(person)
    for row in rows:
        position = row.get("position", "")
        if not _QID.match(position):
            continue
        start, end = _date(row.get("start")), _date(row.get("end"))
        key = (position, start, end)
        if key in seen:
            continue
        seen.add(key)
        post = _nn(str(ID["post/wikidata-" + position[len(WD):]]))
        out += [
            ox.Triple(post, _nn(_RDF_TYPE), _nn(_SG + "Post")),
            ox.Triple(post, _nn(_OWL_SAMEAS), _nn(position)),
            ox.Triple(p, _nn(_ORG + "holds"), post),
        ]
        if row.get("positionLabel"):
            out.append(ox.Triple(post, _nn(_RDFS_LABEL), ox.Literal(row["positionLabel"], language="en")))
        tid = digest("wikidata-tenure", person, position, start, end)
        tenure = _nn(str(ID["tenure/" + tid]))
        out += [
            ox.Triple(tenure, _nn(_RDF_TYPE), _nn(_SG + "Tenure")),
            ox.Triple(tenure, _nn(_ORG + "member"), p),
            ox.Triple(tenure, _nn(_SG + "post"), post),
            ox.Triple(tenure, _nn(_PROV + "wasDerivedFrom"), _nn(position)),
        ]
        if start or end:
            interval = _nn(str(ID["interval/" + tid]))
            out += [
                ox.Triple(tenure, _nn(_ORG + "memberDuring"), interval),
                ox.Triple(interval, _nn(_RDF_TYPE), _nn(_TIME + "Interval")),
            ]
            for prop, value in (("hasBeginning", start), ("hasEnd", end)):
                if value:
                    instant = _nn(str(ID["instant/" + value]))
                    out += [
                        ox.Triple(interval, _nn(_TIME + prop), instant),
                        ox.Triple(instant, _nn(_RDF_TYPE), _nn(_TIME + "Instant")),
                        ox.Triple(instant, _nn(_TIME + "inXSDDate"), ox.Literal(value, datatype=_nn(_XSD + "date"))),
                    ]
    return out


def _ntriples(triples) -> str:
    unique = sorted({str(t) for t in triples})
    return "".join(t + " .\n" for t in unique)


# -- the command ------------------------------------------------------------------------------------------
def link(store, endpoint: str, *, dry_run: bool = False, threshold: float = 0.8) -> LinkReport:
    """Link the store's actors to Wikidata and read linked people's posts; see the module docstring."""
    started = time.perf_counter()
    report = LinkReport(endpoint=endpoint, dry_run=dry_run)
    asker = _Asker(endpoint, TIMEOUT)
    actors = _actors(store)
    cache = _cache(store)
    new_records: dict[str, list[ox.Triple]] = {}
    report.actors = len(actors)

    # (a) look up the actors without a curated Wikidata id
    answers: dict[str, list] = {}
    pending: list[Actor] = []
    for actor in actors:
        if actor.wikidata:
            report.curated += 1
            continue
        key = _lookup_key(endpoint, actor)
        if key in cache:
            answers[actor.iri] = cache[key][1]
            report.cached += 1
        elif actor.names:
            pending.append(actor)
    if pending:
        by_name: dict[str, list[dict]] = {}
        names = sorted({n for a in pending for n in a.names})
        types = " ".join(f"wd:{q}" for q in sorted({q for qs in TYPES.values() for q in qs}))
        for batch in _batches(names):
            for row in asker.select(_LOOKUP % (" ".join(_literal(n) for n in batch), types)):
                by_name.setdefault(row.get("name", "").casefold(), []).append(row)
        for actor in pending:
            rows = [r for n in actor.names for r in by_name.get(n.casefold(), [])]
            answer = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))
            answers[actor.iri] = answer
            key = _lookup_key(endpoint, actor)
            new_records[key] = _cache_record(key, endpoint, actor.iri, answer)
            report.looked_up += 1

    out: list[ox.Triple] = []
    people: dict[str, str] = {}  # person IRI → Wikidata item
    for actor in actors:
        if actor.wikidata:
            if actor.kind == "person":
                people[actor.iri] = actor.wikidata
            continue
        if actor.iri not in answers:
            continue
        candidates = _score(actor, answers[actor.iri])
        if not candidates:
            report.unmatched += 1
            continue
        top = candidates[0]
        if top.score >= threshold and (len(candidates) == 1 or candidates[1].score < top.score):
            report.linked += 1
            report.links.append((actor.label, top.item, top.score))
            out += _link_triples(actor, top, endpoint)
            if actor.kind == "person":
                people[actor.iri] = top.item
        else:
            report.review.append((actor.label, candidates))

    # (b) positions held by linked people
    positions: dict[str, list] = {}
    missing = []
    for item in sorted(set(people.values())):
        key = _positions_key(endpoint, item)
        if key in cache:
            positions[item] = cache[key][1]
        else:
            missing.append(item)
    for batch in _batches(missing):
        rows = asker.select(_POSITIONS % " ".join(f"wd:{i[len(WD):]}" for i in batch))
        for item in batch:
            answer = sorted((r for r in rows if r.get("item") == item), key=lambda r: json.dumps(r, sort_keys=True))
            positions[item] = answer
            key = _positions_key(endpoint, item)
            new_records[key] = _cache_record(key, endpoint, item, answer)
    for person, item in sorted(people.items()):
        tenures = _tenure_triples(person, positions.get(item, []))
        if tenures:
            report.people += 1
            report.tenures += sum(1 for t in tenures if t.object.value == _SG + "Tenure")
        out += tenures

    report.requests = asker.requests
    if not dry_run:
        cache_triples: list[ox.Triple] = []
        replaced_subjects = {
            (t.object.value) for triples in new_records.values() for t in triples if t.predicate.value == _SG + "lookupSubject"
        }
        for key, (triples, _answer) in cache.items():
            subject = next((t.object.value for t in triples if t.predicate.value == _SG + "lookupSubject"), None)
            source = next((t.object.value for t in triples if t.predicate.value == _PROV + "wasDerivedFrom"), None)
            if key not in new_records and not (subject in replaced_subjects and source == endpoint):
                cache_triples += triples
        for triples in new_records.values():
            cache_triples += triples
        store.apply({str(LINKS_GRAPH): _ntriples(out), str(LINKS_CACHE_GRAPH): _ntriples(cache_triples)})
    report.seconds = time.perf_counter() - started
    return report
