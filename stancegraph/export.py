"""Export the store: TriG, N-Quads and JSON-LD keep the named graphs; Turtle and N-Triples merge them."""

from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

from .namespaces import EXPORT_PREFIXES, INFERRED_GRAPH

FORMATS: dict[str, tuple[ox.RdfFormat, bool]] = {
    "turtle": (ox.RdfFormat.TURTLE, False),
    "trig": (ox.RdfFormat.TRIG, True),
    "jsonld": (ox.RdfFormat.JSON_LD, True),
    "nt": (ox.RdfFormat.N_TRIPLES, False),
    "nquads": (ox.RdfFormat.N_QUADS, True),
}


def export(store, fmt: str, output: BinaryIO, *, inferred: bool = True) -> int:
    """Write the whole graph to ``output`` in ``fmt`` (without graph/inferred unless ``inferred``);
    returns the number of statements written."""
    rdf_format, keeps_graphs = FORMATS[fmt]
    skip = set() if inferred else {str(INFERRED_GRAPH)}
    prefixes = EXPORT_PREFIXES if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    wanted = [q for q in store.ox if getattr(q.graph_name, "value", "") not in skip]
    if keeps_graphs:
        quads = sorted(wanted, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
        ox.serialize(quads, output, format=rdf_format, prefixes=prefixes)
        return len(quads)
    # One graph: the union, each triple once, grouped by subject so Turtle reads as a description list.
    triples = sorted({q.triple for q in wanted}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    ox.serialize(triples, output, format=rdf_format, prefixes=prefixes)
    return len(triples)
