"""The gazetteer: what the loaders know of the world, read from ``ontology/actors.ttl``.

Names (``rdfs:label``, ``skos:altLabel``), demonyms, metonyms and anaphors become lookup tables and
one compiled pattern, so finding every known actor in a sentence is a single regex scan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from ..namespaces import ORG, RDF, RDFS, SG, SKOS
from ..resources import ontology_dir
from .lexicon import trie_regex

_KIND = {
    str(SG.State): "state",
    str(SG.InternationalOrganization): "organization",
    str(SG.Organization): "organization",
    str(SG.GovernmentBody): "government-body",
    str(SG.Coalition): "coalition",
    str(SG.Person): "person",
    str(SG.Place): "place",
}


@dataclass
class Entry:
    iri: str
    label: str
    kind: str
    represents: str | None = None  # person → state/organisation; body → its state
    posts: list[str] = field(default_factory=list)


@dataclass
class Gazetteer:
    entries: dict[str, Entry]
    names: dict[str, str]  # exact surface form → IRI (labels and alt labels; case-sensitive)
    demonyms: dict[str, str]  # "Russian" → IRI
    metonyms: dict[str, str]  # "Moscow" → IRI of the actor it stands for
    anaphors: dict[str, str]  # "the alliance" → IRI (matched case-insensitively)
    places: dict[str, str]  # "Geneva" → place IRI
    surnames: dict[str, str]  # "Peskov" → person IRI, only where unambiguous
    pattern: re.Pattern = field(repr=False, default=None)
    demonym_pattern: re.Pattern = field(repr=False, default=None)  # "North Korean" before "Korean"
    # folded spelling → person IRI ("volodimir-zelenski"), filled by the actor finder on first use
    person_spellings: dict[str, str] | None = field(repr=False, default=None)

    def entry(self, iri: str) -> Entry:
        return self.entries[iri]

    def state_of(self, iri: str | None) -> str | None:
        """The state an actor belongs to (itself for a state), following posts and sub-organisations."""
        seen = set()
        while iri and iri not in seen:
            seen.add(iri)
            e = self.entries.get(iri)
            if e is None or e.kind in ("state", "organization", "coalition"):
                return iri
            iri = e.represents
        return iri


def _literal(term) -> str:
    return term.value if isinstance(term, ox.Literal) else ""


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    path = path or ontology_dir() / "actors.ttl"
    triples = list(ox.parse(path.read_bytes(), format=ox.RdfFormat.TURTLE))
    entries: dict[str, Entry] = {}
    by_pred: dict[str, list[tuple[str, object]]] = {}
    for t in triples:
        if not isinstance(t.subject, ox.NamedNode):
            continue
        by_pred.setdefault(t.predicate.value, []).append((t.subject.value, t.object))
    for s, o in by_pred.get(str(RDF.type), []):
        kind = _KIND.get(o.value)
        if kind and (s not in entries or entries[s].kind == "organization"):
            entries[s] = Entry(s, "", kind)
    for s, o in by_pred.get(str(RDFS.label), []):
        if s in entries:
            entries[s].label = _literal(o)
    for pred in (str(SG.represents), str(ORG.subOrganizationOf)):
        for s, o in by_pred.get(pred, []):
            if s in entries:
                entries[s].represents = o.value
    post_labels = {s: _literal(o) for s, o in by_pred.get(str(RDFS.label), [])}
    for s, o in by_pred.get(str(ORG.holds), []):
        if s in entries:
            entries[s].posts.append(post_labels.get(o.value, ""))

    names: dict[str, str] = {}
    places: dict[str, str] = {}
    for pred in (str(RDFS.label), str(SKOS.altLabel)):
        for s, o in by_pred.get(pred, []):
            e = entries.get(s)
            if e is None or not _literal(o):
                continue
            (places if e.kind == "place" else names).setdefault(_literal(o), s)
    demonyms = {_literal(o): s for s, o in by_pred.get(str(SG.demonym), []) if s in entries}
    metonyms = {_literal(o): s for s, o in by_pred.get(str(SG.metonym), []) if s in entries}
    anaphors = {_literal(o).lower(): s for s, o in by_pred.get(str(SG.anaphor), []) if s in entries}

    surname_counts: dict[str, set[str]] = {}
    for surface, iri in names.items():
        # Short last words are given names in family-name-first orders ("Kim Jong Un"): not surnames.
        last = surface.split()[-1] if " " in surface else ""
        if entries[iri].kind == "person" and len(last) >= 4 and last[0].isupper():
            surname_counts.setdefault(last, set()).add(iri)
    surnames = {k: next(iter(v)) for k, v in surname_counts.items() if len(v) == 1}

    for table in (names, metonyms, places):
        # "The White House said …" opens a sentence with the name written "the White House".
        for form in [f for f in table if f.startswith("the ")]:
            table.setdefault("The " + form[4:], table[form])
    gaz = Gazetteer(entries, names, demonyms, metonyms, anaphors, places, surnames)
    gaz.pattern = _compile(gaz)
    gaz.demonym_pattern = re.compile(rf"(?<![\w-])(?:{trie_regex(demonyms)})(?![\w-])")
    return gaz


def _compile(gaz: Gazetteer) -> re.Pattern:
    forms = set(gaz.names) | set(gaz.metonyms) | set(gaz.places) | set(gaz.surnames)
    forms = {f for f in forms if f}
    alternatives = trie_regex(forms)
    anaphors = trie_regex(gaz.anaphors) if gaz.anaphors else ""
    parts = [rf"(?P<name>{alternatives})"]
    if anaphors:
        parts.append(rf"(?P<anaphor>(?i:{anaphors}))")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


@cache
def default_gazetteer() -> Gazetteer:
    return load_gazetteer()
