"""Validation: SHACL shapes on the data, and ontology QA checks in the spirit of ``robot report``.

SHACL
    pySHACL with ``ontology/shapes.ttl`` and ``inference="none"`` on a plain rdflib graph (pySHACL is
    about 60× slower on an Oxigraph-backed one) holding the article graphs, the inferred graph if
    ``stancegraph reason`` made one, the ontology graph (so that ``sh:targetClass`` follows
    ``rdfs:subClassOf``) and the actors graph (the gazetteer types the known places and actors that
    ``sh:class`` constraints look for).

QA (SPARQL over the store; each finding makes the report non-conforming)
    * ``missing-label`` / ``missing-definition``: an ``sg:`` class or property declared in the
      ontology without ``rdfs:label`` / ``skos:definition``;
    * ``undeclared-term``: an ``sg:`` term used in an article graph (as predicate, class or value)
      that the ontology does not declare;
    * ``literal-for-object``: a literal as the value of an object property or of a property whose
      ``rdfs:range`` is a class;
    * ``unlabelled-actor`` / ``unlabelled-topic``: an IRI used as ``sg:onBehalfOf`` or ``sg:topic``
      value that has no ``rdfs:label`` / ``skos:prefLabel`` in any graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from .namespaces import ACTORS_GRAPH, ARTICLE_GRAPH_PREFIX, INFERRED_GRAPH, ONTOLOGY_GRAPH, SG
from .reason import drop_bookkeeping, qname
from .resources import ontology_dir


@dataclass
class ShaclResult:
    severity: str  # Violation, Warning, Info
    focus: str
    path: str
    message: str
    shape: str = ""

    def line(self) -> str:
        return f"{self.severity}  {self.focus}  {self.path or '-'}  {self.message}"


@dataclass
class QaFinding:
    check: str
    subject: str
    message: str

    def line(self) -> str:
        return f"qa  {self.check}  {self.subject}  {self.message}"


@dataclass
class ValidationReport:
    shacl_conforms: bool
    results: list[ShaclResult] = field(default_factory=list)
    findings: list[QaFinding] = field(default_factory=list)
    triples: int = 0

    @property
    def conforms(self) -> bool:
        return self.shacl_conforms and not self.results and not self.findings

    def text(self) -> str:
        lines = [f"conforms: {'yes' if self.conforms else 'no'}"]
        if self.results or self.findings:
            lines.append(f"{len(self.results)} SHACL results, {len(self.findings)} QA findings ({self.triples:,} triples checked)")
        else:
            lines.append(f"{self.triples:,} triples checked; no SHACL results, no QA findings")
        lines += [r.line() for r in self.results]
        lines += [f.line() for f in self.findings]
        return "\n".join(lines) + "\n"


def _term(node) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return qname(str(node))
    if isinstance(node, Literal):
        return node.n3()
    return _path(node) if node is not None else ""


_GRAPH_FOR_PATHS: Graph | None = None


def _path(node) -> str:
    """A SHACL path as text (blank-node paths: inverse / sequence / alternative, roughly)."""
    g = _GRAPH_FOR_PATHS
    if g is None or isinstance(node, URIRef):
        return qname(str(node))
    inverse = g.value(node, SH.inversePath)
    if inverse is not None:
        return "^" + _path(inverse)
    return str(node)


def data_graph(store) -> Graph:
    """The graph pySHACL checks (see the module docstring)."""
    names = [g for g in store.graphs() if g.startswith(ARTICLE_GRAPH_PREFIX)]
    names += [str(g) for g in (INFERRED_GRAPH, ONTOLOGY_GRAPH, ACTORS_GRAPH) if str(g) in store.graphs()]
    data = b"".join(store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g)) for g in names)
    graph = Graph()
    if data:
        graph.parse(data=data.decode("utf-8"), format="nt")
    return drop_bookkeeping(graph)


def shacl(graph: Graph, shapes: Graph | None = None) -> tuple[bool, list[ShaclResult]]:
    import pyshacl

    global _GRAPH_FOR_PATHS
    if shapes is None:
        shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    conforms, results_graph, _text = pyshacl.validate(
        graph, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True
    )
    _GRAPH_FOR_PATHS = shapes
    out = []
    for result in results_graph.subjects(RDF.type, SH.ValidationResult):
        severity = results_graph.value(result, SH.resultSeverity)
        message = results_graph.value(result, SH.resultMessage)
        out.append(ShaclResult(
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            focus=_term(results_graph.value(result, SH.focusNode)),
            path=_term(results_graph.value(result, SH.resultPath)),
            message=" ".join(str(message).split()) if message else "",
            shape=_term(results_graph.value(result, SH.sourceShape)),
        ))
    out.sort(key=lambda r: (r.focus, r.path, r.message))
    return bool(conforms), out


_PREFIXES = {
    "sg": str(SG), "rdf": str(RDF), "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#", "skos": "http://www.w3.org/2004/02/skos/core#",
}
_ONT = f"<{ONTOLOGY_GRAPH}>"
_DECLARATION_TYPES = "owl:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty rdf:Property"

QA_CHECKS: dict[str, tuple[str, str]] = {
    "missing-label": ("has no rdfs:label", f"""
        SELECT DISTINCT ?x WHERE {{ GRAPH {_ONT} {{ VALUES ?t {{ {_DECLARATION_TYPES} }} ?x a ?t }}
          FILTER(STRSTARTS(STR(?x), STR(sg:)))
          FILTER NOT EXISTS {{ GRAPH {_ONT} {{ ?x rdfs:label ?l }} }} }}"""),
    "missing-definition": ("has no skos:definition", f"""
        SELECT DISTINCT ?x WHERE {{ GRAPH {_ONT} {{ VALUES ?t {{ {_DECLARATION_TYPES} }} ?x a ?t }}
          FILTER(STRSTARTS(STR(?x), STR(sg:)))
          FILTER NOT EXISTS {{ GRAPH {_ONT} {{ ?x skos:definition ?d }} }} }}"""),
    "undeclared-term": ("is used in the data but not declared in the ontology", f"""
        SELECT DISTINCT ?x WHERE {{
          GRAPH ?g {{ {{ ?s ?x ?o }} UNION {{ ?s ?p ?x }} }}
          FILTER(STRSTARTS(STR(?g), "{ARTICLE_GRAPH_PREFIX}") && isIRI(?x) && STRSTARTS(STR(?x), STR(sg:)))
          FILTER NOT EXISTS {{ GRAPH {_ONT} {{ ?x ?anything ?value }} }} }}"""),
    "literal-for-object": ("has a literal value where the ontology expects a resource", f"""
        SELECT DISTINCT ?s ?p ?o WHERE {{
          {{ GRAPH {_ONT} {{ ?p a owl:ObjectProperty }} }}
          UNION {{ GRAPH {_ONT} {{ ?p rdfs:range ?c . ?c a owl:Class }} }}
          GRAPH ?g {{ ?s ?p ?o }}
          FILTER(isLiteral(?o) && STRSTARTS(STR(?g), "{ARTICLE_GRAPH_PREFIX}")) }}"""),
    "unlabelled-actor": ("is used as sg:onBehalfOf but has no label in any graph", """
        SELECT DISTINCT ?x WHERE { GRAPH ?g { ?s sg:onBehalfOf ?x } FILTER(isIRI(?x))
          FILTER NOT EXISTS { GRAPH ?h { ?x rdfs:label|skos:prefLabel ?l } } }"""),
    "unlabelled-topic": ("is used as sg:topic but has no label in any graph", """
        SELECT DISTINCT ?x WHERE { GRAPH ?g { ?s sg:topic ?x } FILTER(isIRI(?x))
          FILTER NOT EXISTS { GRAPH ?h { ?x rdfs:label|skos:prefLabel ?l } } }"""),
}


def _show(term) -> str:
    if isinstance(term, ox.NamedNode):
        return qname(term.value)
    return str(term)


def qa_findings(store) -> list[QaFinding]:
    out = []
    for check, (message, sparql) in QA_CHECKS.items():
        for row in store.ox.query(sparql, prefixes=_PREFIXES):
            if check == "literal-for-object":
                s, p, o = row["s"], row["p"], row["o"]
                out.append(QaFinding(check, _show(s), f"{_show(p)} {_show(o)}: {message}"))
            else:
                out.append(QaFinding(check, _show(row["x"]), message))
    return sorted(out, key=lambda f: (f.check, f.subject, f.message))


def validate(store) -> ValidationReport:
    """SHACL on the data and the QA checks on the ontology and the data (module docstring)."""
    graph = data_graph(store)
    conforms, results = shacl(graph)
    return ValidationReport(conforms, results, qa_findings(store), len(graph))


__all__ = ["ValidationReport", "ShaclResult", "QaFinding", "validate", "data_graph", "shacl", "qa_findings", "QA_CHECKS"]
