"""Topics of negotiation: the SKOS scheme in ``ontology/topics.ttl`` and its cue phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from ..namespaces import SG, SKOS
from ..resources import ontology_dir
from .lexicon import lexicon


def fold(text: str) -> str:
    """Lower case with curly quotes and dashes folded, so cues match however the outlet typesets."""
    return (
        text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
        .replace("—", "-").replace("–", "-").lower()
    )


@dataclass(frozen=True)
class TopicHit:
    topic: str
    begin: int  # in the text that was searched
    end: int


@dataclass
class TopicMatcher:
    cues: dict[str, list[str]]
    generic: frozenset[str]
    pattern: re.Pattern
    by_cue: dict[str, str]

    def find(self, text: str) -> list[TopicHit]:
        folded = fold(text)
        hits = [TopicHit(self.by_cue[m.group(0)], m.start(), m.end()) for m in self.pattern.finditer(folded)]
        specific = [h for h in hits if h.topic not in self.generic]
        return specific or hits


def load_topics(path: Path | None = None) -> TopicMatcher:
    path = path or ontology_dir() / "topics.ttl"
    notation: dict[str, str] = {}
    cues: dict[str, list[str]] = {}
    triples = list(ox.parse(path.read_bytes(), format=ox.RdfFormat.TURTLE))
    for t in triples:
        if t.predicate.value == str(SKOS.notation):
            notation[t.subject.value] = t.object.value
    for t in triples:
        if t.predicate.value == str(SG.cue) and t.subject.value in notation:
            cues.setdefault(notation[t.subject.value], []).append(fold(t.object.value))
    by_cue = {}
    for topic, phrases in cues.items():
        for phrase in phrases:
            by_cue.setdefault(phrase, topic)
    alternatives = "|".join(re.escape(c) for c in sorted(by_cue, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if by_cue else re.compile(r"(?!x)x")
    generic = frozenset(lexicon("acts").get("topics", {}).get("generic", []))
    return TopicMatcher(cues, generic, pattern, by_cue)


@cache
def default_topics() -> TopicMatcher:
    return load_topics()
