"""Reasoning: materialise what the ontology implies into the named graph ``graph/inferred``.

The input is the union of the article graphs, the ontology graph and the actors graph (never the
inferred graph itself). The output replaces ``graph/inferred`` in one :meth:`Store.apply` call, so
a failed or interrupted run leaves the previous inferences in place. It holds only triples that are
not asserted in any graph of the store, and never

* a triple with a literal subject (owlrl types literals by their datatype: generalised RDF),
* a reflexive ``owl:sameAs``, ``rdfs:subClassOf``, ``rdfs:subPropertyOf``, ``owl:equivalentClass``
  or ``owl:equivalentProperty``; ``X rdf:type owl:Thing``, ``X rdf:type rdfs:Resource`` or
  ``X rdfs:subClassOf owl:Thing`` (tautologies),
* a triple whose subject is in the rdf/rdfs/owl/xsd namespaces (the closure of the built-in
  vocabularies), or a triple mentioning a blank node (a blank node written into another named
  graph would be a new, unconnected node).

Modes
-----
``fast`` (the default)
    Rules **derived from the ontology** (the TBox axioms of the input are read at run time; no term
    of stancegraph is named here) and run as SPARQL ``INSERT … WHERE`` updates inside a scratch
    in-memory Oxigraph store, repeated until nothing new is derived:

    * ``rdfs:subClassOf`` (transitively) and ``owl:equivalentClass`` — typing of individuals
    * ``rdfs:subPropertyOf`` (transitively) and ``owl:equivalentProperty``
    * ``owl:inverseOf``, ``owl:SymmetricProperty``, ``owl:TransitiveProperty``
    * ``rdfs:domain`` / ``rdfs:range`` — the typing of individuals (not of literals)
    * ``owl:propertyChainAxiom`` (any length; the ontology has ``sg:onBehalfOf`` ←
      ``sg:speaker`` ∘ ``sg:represents``: a statement voiced by an official is attributed to the
      state the official represents)

    and consistency checks as SPARQL SELECTs over the closure: an individual in two
    ``owl:disjointWith`` (or ``owl:AllDisjointClasses``) classes, an individual of type
    ``owl:Nothing``, and two different values of an ``owl:FunctionalProperty`` on one subject
    (different literals, or IRIs declared ``owl:differentFrom`` / members of one
    ``owl:AllDifferent``).

``owlrl``
    ``owlrl.DeductiveClosure(OWLRL_Semantics)`` on a plain rdflib graph: the reference, and the full
    OWL 2 RL consistency check. Its error reports become readable lines in ``inconsistencies``.
    Slow (about a minute per 100k triples); for small stores and for checking ``fast``.

``rdfs``
    ``owlrl`` with ``RDFS_Semantics``.

``none``
    Drops the inferred graph.

What ``fast`` deliberately does not derive, compared with ``owlrl``
-------------------------------------------------------------------
On the individuals (ABox), ``fast`` and ``owlrl`` agree exactly (``tests/test_reason.py`` checks it
on the corpus and on synthetic graphs) except for **equality**:

* ``owl:sameAs`` is not materialised (OWL 2 RL rules eq-sym, eq-trans, eq-rep-s/p/o). The actors
  gazetteer links every actor to Wikidata and DBpedia with ``owl:sameAs``; ``owlrl`` copies every
  triple about an actor onto each alias (``… sg:onBehalfOf wd:Q159`` beside ``… sg:onBehalfOf
  sga:russia``), which triples the actor triples and makes the stored queries count one actor three
  times. The queries follow ``owl:sameAs`` explicitly instead. The test checks that every ABox
  triple ``owlrl`` has and ``fast`` lacks is an ``owl:sameAs`` triple or a copy, through
  ``owl:sameAs``, of an asserted or ``fast``-inferred triple — and that ``fast`` has nothing
  ``owlrl`` lacks.
* For the same reason the ``owl:sameAs`` that OWL 2 RL derives from a functional property whose two
  values are *not* known to be different (rule prp-fp) is not derived; when they are known to be
  different, both modes report the inconsistency.
* Two different literal values of a functional datatype property: ``fast`` reports them, ``owlrl``
  derives a (discarded) ``owl:sameAs`` between the literals and says nothing. The ontology has no
  functional datatype property today.
* Class expressions with blank nodes (the ``owl:oneOf`` enumerations) are not used for typing: the
  only individuals they type are the enumeration values, which the ontology types itself.

Constructs outside this rule set (restrictions, intersections, unions, keys, cardinalities,
property disjointness, irreflexive or asymmetric properties, ...) are not used by the ontology;
``tests/test_reason.py`` fails if one appears, so that ``fast`` is extended before it silently
diverges from ``owlrl``.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from .errors import UserError
from .namespaces import ACTORS_GRAPH, ARTICLE_GRAPH_PREFIX, GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, PREFIXES, SG

MODES = ("fast", "owlrl", "rdfs", "none")
INF = str(INFERRED_GRAPH)
_BUILTIN = (str(RDF), str(RDFS), str(OWL), str(XSD))
_TOP_CLASSES = {str(OWL.Thing), str(RDFS.Resource)}
_ERRNS = "http://www.daml.org/2002/03/agents/agent-ont#"
_OTHER = "urn:x-stancegraph:other"
# X p X for these is a tautology (owlrl derives it for every class and property): not kept.
_REFLEXIVE_JUNK = {OWL.sameAs, RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty}  # scratch graph: what the store holds outside the input


@dataclass
class ReasonReport:
    mode: str
    added: int = 0
    seconds: float = 0.0
    inconsistencies: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if self.mode == "none":
            return f"reason (none): inferred graph dropped, {self.seconds:.2f} s"
        problems = f", {len(self.inconsistencies)} inconsistencies" if self.inconsistencies else ", consistent"
        return f"reason ({self.mode}): {self.added:,} triples inferred into {qname(INF)}{problems}, {self.seconds:.2f} s"


def qname(iri: str) -> str:
    """``https://w3id.org/stancegraph/ontology#Demand`` → ``sg:Demand`` (longest namespace wins)."""
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    if best:
        local = iri[len(PREFIXES[best]):]
        if re.fullmatch(r"[\w.\-/]*", local) and not local.endswith("."):
            return f"{best}:{local}"
    return f"<{iri}>"


def input_graphs(store) -> list[str]:
    """The graphs reasoning reads: every article graph, the ontology and the actors graph."""
    graphs = store.graphs()
    return [g for g in graphs if g.startswith(ARTICLE_GRAPH_PREFIX) or g in (str(ONTOLOGY_GRAPH), str(ACTORS_GRAPH))]


def reason(store, mode: str) -> ReasonReport:
    """Replace ``graph/inferred`` with what ``mode`` derives from the input graphs of ``store``."""
    if mode not in MODES:
        raise UserError(f"unknown reasoning mode {mode!r}; choose one of {', '.join(MODES)}")
    started = time.perf_counter()
    if mode == "none":
        store.apply({}, drop=[INF])
        return ReasonReport("none", 0, time.perf_counter() - started, [])
    inputs = input_graphs(store)
    if str(ONTOLOGY_GRAPH) not in inputs:
        raise UserError("the store has no ontology graph; run `stancegraph build` first")
    result, added, problems = closure(store, inputs, mode)
    write_inferred(store, result)
    return ReasonReport(mode, added, time.perf_counter() - started, problems)


def closure(store, inputs: list[str], mode: str):
    """(the inferred triples — a scratch store holding them in graph/inferred for ``fast``, N-Triples
    text for ``owlrl``/``rdfs`` —, how many, the inconsistencies found)."""
    if mode == "fast":
        return _fast(store, inputs)
    return _owlrl(store, inputs, rdfs_only=(mode == "rdfs"))


def write_inferred(store, result) -> None:
    """Put a closure into ``graph/inferred``, in one transaction."""
    if isinstance(result, ox.Store):
        if not store.ox.contains_named_graph(ox.NamedNode(INF)):
            # First closure: copy the quads across as they are (no text in between: at a million
            # triples the N-Triples text and its parse cost more memory than the closure).
            store.ox.extend(result.quads_for_pattern(None, None, None, ox.NamedNode(INF)))
            return
        result = result.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(INF)).decode("utf-8")
    replace_inferred(store, result)


def replace_inferred(store, ntriples: str) -> None:
    """Make ``graph/inferred`` hold exactly ``ntriples``, in one transaction.

    A new graph goes in with :meth:`Store.apply`. An existing one is changed by its difference only
    (one ``DELETE DATA … ; INSERT DATA …`` update, still one transaction): on the on-disk store,
    dropping and re-inserting half a million unchanged triples costs far more than the reasoning.
    """
    graph = ox.NamedNode(INF)
    if not store.ox.contains_named_graph(graph):
        store.apply({INF: ntriples})
        return
    canonical = ox.serialize(ox.parse(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.N_TRIPLES)
    new = set(canonical.decode("utf-8").splitlines())
    old = set(store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).decode("utf-8").splitlines())
    new.discard("")
    old.discard("")
    parts = []
    if old - new:
        parts.append(f"DELETE DATA {{ GRAPH <{INF}> {{\n" + "\n".join(sorted(old - new)) + "\n} }")
    if new - old:
        parts.append(f"INSERT DATA {{ GRAPH <{INF}> {{\n" + "\n".join(sorted(new - old)) + "\n} }")
    if parts:
        store.ox.update(" ;\n".join(parts))
    elif not new:
        store.apply({}, drop=[INF])


def _dump(store, graphs) -> bytes:
    return b"".join(store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g)) for g in graphs)


def drop_bookkeeping(graph: Graph) -> Graph:
    """Remove ``<graph/…> sg:sourceHash "…"``: the store's record of each static graph's source
    files is about the graph, not the world, and has no place in a closure."""
    for s_, p_, o_ in list(graph.triples((None, SG.sourceHash, None))):
        if str(s_).startswith(str(GRAPH)):
            graph.remove((s_, p_, o_))
    return graph


_DROP_BOOKKEEPING = (
    f"DELETE {{ ?g <{SG.sourceHash}> ?h }} WHERE {{ ?g <{SG.sourceHash}> ?h FILTER(STRSTARTS(STR(?g), \"{GRAPH}\")) }}"
)


def _other_graphs(store, inputs) -> list:
    """Graph names (and the default graph) holding triples outside the input: "asserted anywhere"."""
    skip = set(inputs) | {INF}
    return [g for g in store.graphs() if g not in skip]


# ==================================================================================================
# fast: SPARQL rules derived from the TBox
# ==================================================================================================

@dataclass
class TBox:
    sub_class: dict[str, set[str]]  # class -> direct superclasses (equivalence both ways)
    sub_property: dict[str, set[str]]  # property -> direct superproperties
    inverse: set[tuple[str, str]]  # (p, q): x p y -> y q x
    symmetric: set[str]
    transitive: set[str]
    domain: set[tuple[str, str]]
    range: set[tuple[str, str]]
    chains: list[tuple[str, list[str]]]
    disjoint: set[tuple[str, str]]
    functional: set[str]
    different: set[tuple[str, str]]  # unordered pairs stored both ways


def _rows(ox_store, sparql: str) -> list[tuple]:
    result = ox_store.query(sparql)
    return [tuple(row[v] for v in range(len(result.variables))) for row in result]


def _is_iri(term) -> bool:
    return isinstance(term, ox.NamedNode)


def _list_members(ox_store, head) -> list | None:
    """The members of the RDF list starting at ``head``, or None if it is malformed."""
    out, node, seen = [], head, set()
    nil = ox.NamedNode(str(RDF.nil))
    while node != nil:
        if node in seen:
            return None
        seen.add(node)
        firsts = list(ox_store.quads_for_pattern(node, ox.NamedNode(str(RDF.first)), None, ox.DefaultGraph()))
        rests = list(ox_store.quads_for_pattern(node, ox.NamedNode(str(RDF.rest)), None, ox.DefaultGraph()))
        if len(firsts) != 1 or len(rests) != 1:
            return None
        out.append(firsts[0].object)
        node = rests[0].object
    return out


def read_tbox(ox_store) -> TBox:
    """The axioms ``fast`` uses, read from the default graph of ``ox_store`` (the input union)."""
    def pairs(pattern: str) -> set[tuple[str, str]]:
        return {(a.value, b.value) for a, b in _rows(ox_store, f"SELECT ?a ?b WHERE {{ {pattern} }}") if _is_iri(a) and _is_iri(b)}

    def singles(cls: str) -> set[str]:
        return {a.value for (a,) in _rows(ox_store, f"SELECT ?a WHERE {{ ?a a <{cls}> }}") if _is_iri(a)}

    def hierarchy(sub: str, equivalent: str) -> dict[str, set[str]]:
        """Direct super-terms; an equivalence is a subsumption both ways."""
        up: dict[str, set[str]] = defaultdict(set)
        for a, b in pairs(f"?a <{sub}> ?b"):
            up[a].add(b)
        for a, b in pairs(f"?a <{equivalent}> ?b"):
            up[a].add(b)
            up[b].add(a)
        return up

    sub_class = hierarchy(RDFS.subClassOf, OWL.equivalentClass)
    sub_property = hierarchy(RDFS.subPropertyOf, OWL.equivalentProperty)
    inverse = set()
    for a, b in pairs(f"?a <{OWL.inverseOf}> ?b"):
        inverse |= {(a, b), (b, a)}
    chains = []
    for p, head in _rows(ox_store, f"SELECT ?p ?l WHERE {{ ?p <{OWL.propertyChainAxiom}> ?l }}"):
        members = _list_members(ox_store, head)
        if _is_iri(p) and members and all(_is_iri(m) for m in members):
            chains.append((p.value, [m.value for m in members]))
    disjoint = set()
    for a, b in pairs(f"?a <{OWL.disjointWith}> ?b"):
        disjoint.add(tuple(sorted((a, b))))
    for (head,) in _rows(ox_store, f"SELECT ?l WHERE {{ ?x a <{OWL.AllDisjointClasses}> ; <{OWL.members}> ?l }}"):
        members = [m.value for m in (_list_members(ox_store, head) or []) if _is_iri(m)]
        disjoint |= {tuple(sorted((a, b))) for i, a in enumerate(members) for b in members[i + 1:] if a != b}
    different = set()
    for a, b in pairs(f"?a <{OWL.differentFrom}> ?b"):
        different |= {(a, b), (b, a)}
    for (head,) in _rows(
        ox_store, f"SELECT ?l WHERE {{ ?x a <{OWL.AllDifferent}> ; <{OWL.distinctMembers}>|<{OWL.members}> ?l }}"
    ):
        members = [m.value for m in (_list_members(ox_store, head) or []) if _is_iri(m)]
        different |= {(a, b) for a in members for b in members if a != b}
    return TBox(
        sub_class=dict(sub_class),
        sub_property=dict(sub_property),
        inverse=inverse,
        symmetric=singles(str(OWL.SymmetricProperty)),
        transitive=singles(str(OWL.TransitiveProperty)),
        domain=pairs(f"?a <{RDFS.domain}> ?b"),
        range=pairs(f"?a <{RDFS.range}> ?b"),
        chains=chains,
        disjoint=disjoint,
        functional=singles(str(OWL.FunctionalProperty)),
        different=different,
    )


def _closure(direct: dict[str, set[str]]) -> dict[str, set[str]]:
    """Transitive closure (without the reflexive pairs) of a direct-successor map."""
    out = {}
    for start in direct:
        seen, todo = set(), list(direct[start])
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(direct.get(node, ()))
        seen.discard(start)
        out[start] = seen
    return out


def _values(variables: str, rows) -> str:
    body = " ".join("(" + " ".join(f"<{t}>" for t in row) + ")" for row in sorted(rows))
    return f"VALUES ({variables}) {{ {body} }}"


def _insert(template: str, where: str) -> str:
    return f"INSERT {{ {template} GRAPH <{INF}> {{ {template} }} }} WHERE {{ {where} }}"


TYPE = "rdf:type"  # the read/write key of rules that read or write rdf:type triples


@dataclass(frozen=True)
class Rule:
    """One SPARQL update, what it reads and writes (predicate IRIs, or TYPE), and whether one run of
    it is complete for its input (it then needs no re-run for what it wrote itself)."""

    name: str
    sparql: str
    reads: frozenset
    writes: frozenset
    self_complete: bool = True


def fast_rules(tbox: TBox) -> list[Rule]:
    """The rules derived from ``tbox``, unordered (see :func:`schedule`)."""
    rules = []
    spo = {(p, q) for p, qs in _closure(tbox.sub_property).items() for q in qs if p != q}
    if spo:  # the closure is precomputed: one run derives every superproperty
        rules.append(Rule(
            "subPropertyOf", _insert("?x ?q ?y .", f"{_values('?p ?q', spo)} ?x ?p ?y . FILTER NOT EXISTS {{ ?x ?q ?y }}"),
            frozenset(p for p, _ in spo), frozenset(q for _, q in spo),
        ))
    for p, chain in sorted(tbox.chains):
        path = "/".join(f"<{m}>" for m in chain)
        rules.append(Rule(
            f"propertyChainAxiom {p}", _insert(f"?x <{p}> ?z .", f"?x {path} ?z . FILTER NOT EXISTS {{ ?x <{p}> ?z }}"),
            frozenset(chain), frozenset({p}), self_complete=p not in chain,
        ))
    if tbox.inverse:  # pairs in both directions: the inverse of an output is already there
        rules.append(Rule(
            "inverseOf",
            _insert("?y ?q ?x .", f"{_values('?p ?q', tbox.inverse)} ?x ?p ?y . FILTER(!isLiteral(?y)) FILTER NOT EXISTS {{ ?y ?q ?x }}"),
            frozenset(p for p, _ in tbox.inverse), frozenset(q for _, q in tbox.inverse),
        ))
    for p in sorted(tbox.symmetric):
        rules.append(Rule(
            f"SymmetricProperty {p}",
            _insert(f"?y <{p}> ?x .", f"?x <{p}> ?y . FILTER(!isLiteral(?y)) FILTER NOT EXISTS {{ ?y <{p}> ?x }}"),
            frozenset({p}), frozenset({p}),
        ))
    for p in sorted(tbox.transitive):  # p+ : the whole transitive closure in one run
        rules.append(Rule(
            f"TransitiveProperty {p}",
            _insert(f"?x <{p}> ?z .", f"?x <{p}> ?y . ?y <{p}>+ ?z . FILTER NOT EXISTS {{ ?x <{p}> ?z }}"),
            frozenset({p}), frozenset({p}),
        ))
    # Typing: domain and range give the direct class; the class rule adds the superclasses.
    domain = {(p, c) for p, c in tbox.domain if c not in _TOP_CLASSES}
    range_ = {(p, c) for p, c in tbox.range if c not in _TOP_CLASSES}
    if domain:
        rules.append(Rule("domain", _insert(
            "?x a ?c .",
            f"{{ SELECT DISTINCT ?x ?c WHERE {{ {_values('?p ?c', domain)} ?x ?p ?y }} }} FILTER NOT EXISTS {{ ?x a ?c }}",
        ), frozenset(p for p, _ in domain), frozenset({TYPE})))
    if range_:
        rules.append(Rule("range", _insert(
            "?y a ?c .",
            f"{{ SELECT DISTINCT ?y ?c WHERE {{ {_values('?p ?c', range_)} ?x ?p ?y FILTER(!isLiteral(?y)) }} }} "
            "FILTER NOT EXISTS { ?y a ?c }",
        ), frozenset(p for p, _ in range_), frozenset({TYPE})))
    sco = {(c, d) for c, ds in _closure(tbox.sub_class).items() for d in ds if c != d and d not in _TOP_CLASSES}
    if sco:
        rules.append(Rule(
            "subClassOf", _insert("?x a ?d .", f"{_values('?c ?d', sco)} ?x a ?c . FILTER NOT EXISTS {{ ?x a ?d }}"),
            frozenset({TYPE, str(RDF.type)}), frozenset({TYPE}),
        ))
    return rules


def schedule(rules: list[Rule]) -> list[list[Rule]]:
    """The rules as strongly connected components of "A writes what B reads", in topological order.

    A component of one self-complete rule runs once; any other component is repeated until it
    derives nothing new. On the stancegraph ontology every component is a single rule, so the
    closure takes one pass.
    """
    def feeds(a: Rule, b: Rule) -> bool:
        if a is b:
            return not a.self_complete and bool(a.writes & a.reads)
        return bool(a.writes & b.reads)

    # Tarjan's algorithm; it emits components in reverse topological order.
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    out: list[list[Rule]] = []

    def visit(v: int) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in range(len(rules)):
            if w != v and feeds(rules[v], rules[w]):
                if w not in index:
                    visit(w)
                    low[v] = min(low[v], low[w])
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(rules[w])
                if w == v:
                    break
            out.append(component)

    for v in range(len(rules)):
        if v not in index:
            visit(v)
    return list(reversed(out))


def _needs_fixpoint(component: list[Rule]) -> bool:
    return len(component) > 1 or any(r.writes & r.reads and not r.self_complete for r in component)


def run_rules(ox_store, tbox: TBox) -> None:
    """Run the rules of ``tbox`` on the default graph of ``ox_store`` to a fixpoint."""
    for component in schedule(fast_rules(tbox)):
        if not _needs_fixpoint(component):
            for rule in component:
                ox_store.update(rule.sparql)
            continue
        before = -1
        while True:
            for rule in component:
                ox_store.update(rule.sparql)
            count = _count_inferred(ox_store)
            if count == before:
                break
            before = count


def _count_inferred(ox_store) -> int:
    rows = _rows(ox_store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{INF}> {{ ?s ?p ?o }} }}")
    return int(rows[0][0].value)


def _cleanup(ox_store) -> None:
    """Apply the output filters of the module docstring to the scratch inferred graph."""
    builtin = " || ".join(f'STRSTARTS(STR(?s), "{ns}")' for ns in _BUILTIN)
    top = ", ".join(f"<{c}>" for c in sorted(_TOP_CLASSES))
    junk = (
        f"isBlank(?s) || isBlank(?o) || {builtin} || (?p = <{RDF.type}> && ?o IN ({top})) "
        f"|| (?p = <{OWL.sameAs}> && sameTerm(?s, ?o))"
    )
    ox_store.update(
        f"DELETE {{ GRAPH <{INF}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{INF}> {{ ?s ?p ?o }} FILTER({junk}) }} ;\n"
        f"DELETE {{ GRAPH <{INF}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{INF}> {{ ?s ?p ?o }} GRAPH <{_OTHER}> {{ ?s ?p ?o }} }}"
    )


def _fast(store, inputs) -> tuple[ox.Store, int, list[str]]:
    """The closure in a scratch in-memory store: (that store, with graph/inferred filled; the number
    of inferred triples; the inconsistencies found)."""
    scratch = ox.Store()
    scratch.load(_dump(store, inputs), format=ox.RdfFormat.N_TRIPLES)
    scratch.update(_DROP_BOOKKEEPING)
    other = _other_graphs(store, inputs)
    if other:
        scratch.load(_dump(store, other), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(_OTHER))
    default = list(store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    if default:
        scratch.extend(ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(_OTHER)) for q in default)
    tbox = read_tbox(scratch)
    run_rules(scratch, tbox)
    problems = fast_inconsistencies(scratch, tbox)
    _cleanup(scratch)
    scratch.clear_graph(ox.DefaultGraph())  # the input copy is no longer needed: free it before writing
    return scratch, _count_inferred(scratch), problems


def _disjoint_message(x: str, a: str, b: str) -> str:
    a, b = sorted((qname(a), qname(b)))
    return f"{qname(x)} is both {a} and {b}, which are disjoint"


def _functional_message(x: str, p: str, values) -> str:
    shown = ", ".join(sorted(_show(v) for v in values))
    return f"{qname(x)} has different values of the functional property {qname(p)}: {shown}"


def _show(term) -> str:
    if isinstance(term, (ox.NamedNode, URIRef)):
        return qname(term.value if isinstance(term, ox.NamedNode) else str(term))
    if isinstance(term, ox.Literal):
        return str(term)
    if isinstance(term, Literal):
        return term.n3()
    return str(term)


def _different(a, b, unequal_literals: bool, tbox: TBox) -> bool:
    """Two values of a functional property known to be different: literals whose values differ
    (SPARQL ``!=``, so ``"1"^^xsd:integer`` and ``"01"^^xsd:integer`` are one value), or IRIs
    declared different."""
    if isinstance(a, ox.Literal) and isinstance(b, ox.Literal):
        return unequal_literals
    if _is_iri(a) and _is_iri(b):
        return (a.value, b.value) in tbox.different
    return False


def fast_inconsistencies(ox_store, tbox: TBox) -> list[str]:
    """Disjoint classes sharing an individual, owl:Nothing, clashing functional-property values."""
    out = []
    if tbox.disjoint:
        for x, a, b in _rows(ox_store, f"SELECT ?x ?a ?b WHERE {{ {_values('?a ?b', tbox.disjoint)} ?x a ?a . ?x a ?b }}"):
            out.append(_disjoint_message(x.value, a.value, b.value))
    for (x,) in _rows(ox_store, f"SELECT ?x WHERE {{ ?x a <{OWL.Nothing}> }}"):
        out.append(f"{_show(x)} is of type owl:Nothing")
    if tbox.functional:
        values = " ".join(f"<{p}>" for p in sorted(tbox.functional))
        clashes: dict[tuple, set] = defaultdict(set)
        for x, p, a, b, unequal in _rows(
            ox_store,
            f"SELECT ?x ?p ?a ?b ?ne WHERE {{ VALUES ?p {{ {values} }} ?x ?p ?a . ?x ?p ?b . "
            "FILTER(!sameTerm(?a, ?b)) BIND(COALESCE(isLiteral(?a) && isLiteral(?b) && ?a != ?b, false) AS ?ne) }",
        ):
            if _different(a, b, unequal.value == "true", tbox):
                clashes[(x, p)] |= {a, b}
        for (x, p), vals in clashes.items():
            out.append(_functional_message(x.value if _is_iri(x) else str(x), p.value, vals))
    return sorted(set(out))


# ==================================================================================================
# owlrl and rdfs: the reference reasoner on a plain rdflib graph
# ==================================================================================================

def _rdflib_graph(ntriples: bytes) -> Graph:
    graph = Graph()
    if ntriples:
        graph.parse(data=ntriples.decode("utf-8"), format="nt")
    return graph


def owlrl_closure(graph: Graph, rdfs_only: bool = False) -> tuple[set, list[str]]:
    """Run owlrl on ``graph`` in place; return the new triples (unfiltered, error reports removed) and
    the raw error messages."""
    import owlrl

    asserted = set(graph)
    semantics = owlrl.RDFS_Semantics if rdfs_only else owlrl.OWLRL_Semantics
    owlrl.DeductiveClosure(semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)
    messages = []
    error_nodes = set(graph.subjects(RDF.type, URIRef(_ERRNS + "ErrorMessage")))
    for node in error_nodes:
        messages.extend(str(m) for m in graph.objects(node, URIRef(_ERRNS + "error")))
    new = {t for t in graph if t not in asserted and t[0] not in error_nodes}
    return new, sorted(messages)


def keep(triple) -> bool:
    """The output filters of the module docstring, on an rdflib triple."""
    s, p, o = triple
    if isinstance(s, (Literal, BNode)) or isinstance(o, BNode):
        return False
    if str(s).startswith(_BUILTIN):
        return False
    if p == RDF.type and str(o) in _TOP_CLASSES:
        return False
    if p in _REFLEXIVE_JUNK and s == o:
        return False
    return not (p == RDFS.subClassOf and str(o) in _TOP_CLASSES)


_DISJOINT = re.compile(r"Disjoint classes (\S+) and (\S+) have a common individual (\S+)")
_SAME_DIFF = re.compile(r"'sameAs' and '(?:differentFrom|AllDifferent)' cannot be used on the same subject-object\s+pair: \((\S+), (\S+)\)")


def readable_errors(messages: list[str], graph: Graph) -> list[str]:
    """owlrl's error messages as one-line sentences in the project's prefixes (``graph`` is the
    closure, used to name the subject whose functional property has the clashing values)."""
    functional = set(graph.subjects(RDF.type, OWL.FunctionalProperty))
    out = []
    for message in messages:
        m = _DISJOINT.search(message)
        if m:
            out.append(_disjoint_message(m.group(3), m.group(1), m.group(2)))
            continue
        m = _SAME_DIFF.search(message)
        if m:
            a, b = URIRef(m.group(1)), URIRef(m.group(2))
            culprits = [
                (x, p) for p in functional for x in graph.subjects(p, a) if (x, p, b) in graph
            ]
            if culprits:
                for x, p in culprits:
                    values = [v for v in graph.objects(x, p) if not isinstance(v, BNode)]
                    vals = {v for v in values if (v, OWL.sameAs, a) in graph or v in (a, b)}
                    out.append(_functional_message(str(x), str(p), [_rd(v) for v in vals]))
            else:
                out.append(f"{qname(str(a))} and {qname(str(b))} are declared different but inferred to be the same (owl:sameAs)")
            continue
        text = re.sub(r"https?://[^\s,()]+", lambda mm: qname(mm.group(0)), " ".join(message.split()))
        out.append(text)
    return sorted(set(out))


def _rd(term):
    return ox.NamedNode(str(term)) if isinstance(term, URIRef) else term


def _nt(triples) -> str:
    graph = Graph()
    for t in triples:
        graph.add(t)
    return graph.serialize(format="nt")


def _owlrl(store, inputs, rdfs_only: bool) -> tuple[str, int, list[str]]:
    graph = drop_bookkeeping(_rdflib_graph(_dump(store, inputs)))
    new, messages = owlrl_closure(graph, rdfs_only=rdfs_only)
    other = _rdflib_graph(_dump(store, _other_graphs(store, inputs)))
    kept = {t for t in new if keep(t) and t not in other}
    problems = readable_errors(messages, graph)
    return _nt(kept), len(kept), problems


__all__ = ["MODES", "ReasonReport", "Rule", "reason", "input_graphs", "read_tbox", "fast_rules", "schedule", "run_rules", "qname", "keep"]
