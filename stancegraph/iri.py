"""Deterministic IRIs: the same name or the same act always gets the same IRI.

Re-loading an article must change nothing, and one act reported by several articles must meet in
one node; both follow from minting IRIs from normalised keys rather than counters or UUID4s.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from .namespaces import ARTICLE_GRAPH_PREFIX, ID, SGA

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """``"Sergey Ryabkov"`` → ``"sergey-ryabkov"``; accents folded, anything else becomes a hyphen."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("-", ascii_text.lower()).strip("-") or "x"


def digest(*parts: object) -> str:
    """A short stable hash of a key (16 hex digits: collisions are out of reach at corpus scale)."""
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def actor_iri(name: str) -> str:
    return str(SGA[slugify(name)])


def place_iri(name: str) -> str:
    return str(SGA["place-" + slugify(name)])


def post_iri(role: str, organization_iri: str) -> str:
    return str(ID["post/" + slugify(role) + "-" + digest(organization_iri)[:8]])


def article_slug(file_name: str) -> str:
    stem = file_name[: -len(".txt")] if file_name.endswith(".txt") else file_name
    return slugify(stem)


def article_iri(file_name: str) -> str:
    return str(ID["article/" + article_slug(file_name)])


def article_graph_iri(file_name: str) -> str:
    return ARTICLE_GRAPH_PREFIX + article_slug(file_name)


def fact_iri(family: str, *key: object) -> str:
    """IRI of a statement, event, mention … from what makes it the same fact."""
    return str(ID[f"{family}/{digest(family, *key)}"])
