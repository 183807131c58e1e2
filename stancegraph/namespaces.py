"""Namespaces and the IRIs stancegraph mints.

Every IRI the product writes is built here, so that the ontology, the loaders, the stored queries and
the tests agree on one spelling. Ontology terms live under ``SG``; data under ``ID``; topics under
``TOPIC``; named graphs under ``GRAPH``.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

BASE = "https://w3id.org/stancegraph/"

SG = Namespace(BASE + "ontology#")
ONTOLOGY_IRI = BASE + "ontology"
ID = Namespace(BASE + "id/")
TOPIC = Namespace(BASE + "topic/")
GRAPH = Namespace(BASE + "graph/")

ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")
DBR = Namespace("http://dbpedia.org/resource/")
SH = Namespace("http://www.w3.org/ns/shacl#")
SGA = Namespace(BASE + "id/actor/")

# Named graphs that are not articles.
ONTOLOGY_GRAPH = GRAPH["ontology"]
ACTORS_GRAPH = GRAPH["actors"]
INFERRED_GRAPH = GRAPH["inferred"]
LINKS_GRAPH = GRAPH["links"]
ARTICLE_GRAPH_PREFIX = str(GRAPH) + "article/"

# Prefixes used by exports, the query runner and the ontology files, in that order of preference.
PREFIXES: dict[str, str] = {
    "sg": str(SG),
    "sgid": str(ID),
    "sga": str(SGA),
    "topic": str(TOPIC),
    "graph": str(GRAPH),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "org": str(ORG),
    "time": str(TIME),
    "schema": str(SCHEMA),
    "nif": str(NIF),
    "wd": str(WD),
    "dbr": str(DBR),
}

# Prefixes for written-out RDF: one per kind of data IRI ("demand:af30…" rather than "sgid:demand/af30…",
# which Turtle can only write with an escaped slash that rdflib cannot read), and none for DBpedia,
# whose names carry punctuation ("Washington,_D.C.") that would need the same escapes.
ID_KINDS = ("article", "demand", "statement", "response", "event", "mention", "post", "role", "tenure", "extraction", "outlet")
EXPORT_PREFIXES: dict[str, str] = {
    **{k: v for k, v in PREFIXES.items() if k not in ("sgid", "dbr")},
    **{kind: str(ID) + kind + "/" for kind in ID_KINDS},
}

# What `sparql` predeclares and IRI parameters accept: both spellings.
QUERY_PREFIXES: dict[str, str] = {**PREFIXES, **EXPORT_PREFIXES}

# Values of the enumerations, keyed by the lower-case word the queries print (their skos:notation).
STANCE = {w: SG["stance-" + w] for w in ("supports", "opposes", "conditional", "uncertain", "neutral")}
MODALITY = {w: SG["modality-" + w] for w in ("asserted", "future", "hypothetical", "negated", "conditional")}
PRECISION = {w: SG["precision-" + w] for w in ("day", "month", "year")}

RESPONSE_CLASS = {
    "written-response": SG.WrittenResponse,
    "rejection": SG.Rejection,
    "acceptance": SG.Acceptance,
    "counter-proposal": SG.CounterProposal,
    "statement": SG.Response,
}
EVENT_CLASS = {
    "meeting": SG.Meeting,
    "publication": SG.Publication,
    "military-operation": SG.MilitaryOperation,
    "other": SG.Event,
}


def bind_prefixes(graph) -> None:
    """Bind the project's prefixes on an rdflib graph or dataset (replacing rdflib's defaults)."""
    for prefix, uri in PREFIXES.items():
        graph.bind(prefix, uri, override=True, replace=True)


__all__ = [n for n in dir() if not n.startswith("_")] + ["DefinedNamespace"]
