"""The embedded, persistent store: an Oxigraph (RocksDB) database in a directory.

Chosen by measurement (``benchmarks/README.md``): reopening is instant and the stored queries run
10–100× faster than on an rdflib graph reloaded from a file. rdflib stays the programming model for
building each article's graph; the store holds named graphs and answers SPARQL.

Guarantees:

* **One writer.** ``build`` holds an exclusive lock on the directory, readers a shared one; a second
  writer waits (up to ``wait`` seconds) and then fails with a clear message, never corrupting.
* **All or nothing.** :meth:`Store.apply` drops and re-inserts every changed graph in a single SPARQL
  update, which Oxigraph runs as one transaction: a crash or Ctrl-C leaves the previous store intact.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from .errors import UserError
from .iri import fact_iri
from .namespaces import ACTORS_GRAPH, ARTICLE_GRAPH_PREFIX, ONTOLOGY_GRAPH, OWL, PROV, RDF, SG, XSD
from .resources import ontology_dir

DEFAULT_STORE = ".stancegraph"
_DB = "oxigraph"
_LOCK = "lock"
_MARKER = "STANCEGRAPH_STORE"

# Static graphs: the files loaded into each, in order.
STATIC_GRAPHS: dict[str, tuple[str, ...]] = {
    str(ONTOLOGY_GRAPH): ("stance.ttl", "topics.ttl", "linking.ttl"),
    str(ACTORS_GRAPH): ("actors.ttl",),
}


@dataclass(frozen=True)
class StoredArticle:
    graph: str
    file_name: str
    content_hash: str
    extractor: str


@contextmanager
def _locked(path: Path, exclusive: bool, wait: float) -> Iterator[None]:
    with open(path / _LOCK, "a+") as handle:
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, mode | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise UserError(
                        f"{path}: store is busy (another stancegraph process is writing it); "
                        "try again when it has finished"
                    ) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# Bump when what a static graph holds beyond its files changes (e.g. the curated link records).
_STATIC_FORMAT = b"static-graphs/2"


def static_graph_hash(graph_iri: str) -> str:
    """sha256 over the source files of a static graph: a changed file means a reload."""
    sha = hashlib.sha256(_STATIC_FORMAT)
    for name in STATIC_GRAPHS[graph_iri]:
        sha.update((ontology_dir() / name).read_bytes())
    return sha.hexdigest()


def static_graph_ntriples(graph_iri: str) -> str:
    chunks = []
    for name in STATIC_GRAPHS[graph_iri]:
        path = ontology_dir() / name
        try:
            triples = list(ox.parse(path.read_bytes(), format=ox.RdfFormat.TURTLE))
        except SyntaxError as exc:
            raise UserError(f"{path}: not valid Turtle: {exc}") from None
        if graph_iri == str(ACTORS_GRAPH):
            triples += curated_link_records(triples)
        chunks.append(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"))
    return "".join(chunks)


GAZETTEER_SOURCE = "https://w3id.org/stancegraph/id/dataset/gazetteer"


def external_link_triples(node: str, subject, target, confidence: str, method: str, source: str) -> list:
    """The ``sg:ExternalLink`` record of one link: which actor, which external item, how sure, how
    found, and where from (the curated gazetteer, or the endpoint ``link`` asked)."""
    record = ox.NamedNode(node)
    return [
        ox.Triple(record, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(SG.ExternalLink))),
        ox.Triple(record, ox.NamedNode(str(SG.linkSubject)), subject),
        ox.Triple(record, ox.NamedNode(str(SG.linkTarget)), target),
        ox.Triple(record, ox.NamedNode(str(SG.linkConfidence)), ox.Literal(confidence, datatype=ox.NamedNode(str(XSD.decimal)))),
        ox.Triple(record, ox.NamedNode(str(SG.linkMethod)), ox.Literal(method)),
        ox.Triple(record, ox.NamedNode(str(PROV.wasDerivedFrom)), ox.NamedNode(source)),
    ]


def curated_link_records(triples: list) -> list:
    """An ``sg:ExternalLink`` for each ``owl:sameAs`` the gazetteer states: where the link comes from
    (the curated gazetteer), how (``curated``) and how sure (1.0), like the links ``link`` finds."""
    same_as = str(OWL.sameAs)
    out = []
    for t in triples:
        if t.predicate.value == same_as and isinstance(t.object, ox.NamedNode):
            node = fact_iri("link", "curated", t.subject.value, t.object.value)
            out += external_link_triples(node, t.subject, t.object, "1.0", "curated", GAZETTEER_SOURCE)
    return out


class Store:
    """A stancegraph store. Use :meth:`open` (on disk) or :meth:`memory` (tests, ``eval``)."""

    def __init__(self, ox_store: ox.Store, path: Path | None = None):
        self.ox = ox_store
        self.path = path

    # -- opening -----------------------------------------------------------------------------------
    @classmethod
    def memory(cls) -> Store:
        return cls(ox.Store())

    @classmethod
    @contextmanager
    def open(cls, path: str | os.PathLike = DEFAULT_STORE, *, write: bool = False, wait: float | None = None):
        """Open the store at ``path`` for the duration of a ``with`` block.

        ``write=True`` creates it if missing and takes the exclusive lock; otherwise the store must
        exist and is opened read-only under a shared lock. ``wait`` is how long to wait for a lock
        another process holds (default: ``STANCEGRAPH_LOCK_WAIT`` seconds, else 30).
        """
        if wait is None:
            wait = float(os.environ.get("STANCEGRAPH_LOCK_WAIT", "30"))
        root = Path(path)
        if write:
            if root.exists() and not root.is_dir():
                raise UserError(f"{root}: --store must be a directory, and this is a file")
            if root.is_dir() and any(root.iterdir()) and not (root / _MARKER).exists():
                raise UserError(f"{root}: directory exists and is not a stancegraph store; choose another --store")
            root.mkdir(parents=True, exist_ok=True)
            (root / _MARKER).write_text("stancegraph store (Oxigraph database in ./oxigraph)\n")
        elif not (root / _MARKER).exists() or not (root / _DB).is_dir():
            raise UserError(f"{root}: no stancegraph store here; run `stancegraph build` first (or pass --store DIR)")
        with _locked(root, exclusive=write, wait=wait):
            try:
                db = ox.Store(str(root / _DB)) if write else ox.Store.read_only(str(root / _DB))
            except OSError as exc:
                raise UserError(f"{root}: cannot open the store: {exc}") from None
            store = cls(db, root)
            try:
                yield store
            finally:
                if write:
                    db.flush()
                del store.ox, db

    # -- reading -----------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.ox)

    def query(self, sparql: str, prefixes: dict[str, str] | None = None):
        """Run SPARQL; ``prefixes`` are declared without being added to the text (error positions stay right)."""
        return self.ox.query(sparql, prefixes=prefixes)

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.ox.named_graphs())

    def stored_articles(self) -> dict[str, StoredArticle]:
        """What each article graph says about its source: keyed by file name."""
        rows = self.ox.query(
            """SELECT ?g ?file ?hash ?version WHERE { GRAPH ?g {
                 ?a a sg:Article ; sg:fileName ?file ; sg:contentHash ?hash .
                 OPTIONAL { ?run sg:extractorVersion ?version } } }""",
            prefixes={"sg": str(SG)},
        )
        out = {}
        for row in rows:
            graph = row["g"].value
            if graph.startswith(ARTICLE_GRAPH_PREFIX):
                version = row["version"].value if row["version"] is not None else ""
                out[row["file"].value] = StoredArticle(graph, row["file"].value, row["hash"].value, version)
        return out

    def static_hashes(self) -> dict[str, str]:
        rows = self.ox.query(
            "SELECT ?g ?h WHERE { GRAPH ?g { ?g sg:sourceHash ?h } }", prefixes={"sg": str(SG)}
        )
        return {row["g"].value: row["h"].value for row in rows}

    def triple_count(self, graph_iris: Iterable[str] | None = None) -> int:
        if graph_iris is None:
            return len(self.ox)
        return sum(
            len(list(self.ox.quads_for_pattern(None, None, None, ox.NamedNode(g)))) for g in graph_iris
        )

    # -- writing -----------------------------------------------------------------------------------
    def apply(self, replace: dict[str, Graph | str], drop: Iterable[str] = ()) -> None:
        """Replace the named graphs in ``replace`` (rdflib graph or N-Triples text) and drop those in
        ``drop``, all in one transaction."""
        parts = [f"DROP SILENT GRAPH <{g}>" for g in (*replace.keys(), *drop)]
        inserts = []
        for graph_iri, content in replace.items():
            body = content if isinstance(content, str) else content.serialize(format="nt")
            if body.strip():
                inserts.append(f"GRAPH <{graph_iri}> {{\n{body}\n}}")
        if inserts:
            parts.append("INSERT DATA {\n" + "\n".join(inserts) + "\n}")
        if parts:
            self.ox.update(" ;\n".join(parts))

    def static_updates(self) -> dict[str, str]:
        """The static graphs (ontology, gazetteer) whose source files changed since they were loaded."""
        current = self.static_hashes()
        updates = {}
        for graph_iri in STATIC_GRAPHS:
            sha = static_graph_hash(graph_iri)
            if current.get(graph_iri) != sha:
                body = static_graph_ntriples(graph_iri)
                updates[graph_iri] = body + f'<{graph_iri}> <{SG.sourceHash}> "{sha}" .\n'
        return updates
