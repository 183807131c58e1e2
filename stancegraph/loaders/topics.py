"""Topics of negotiation: the SKOS scheme in ``ontology/topics.ttl`` and its cue phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
    gapped: tuple[tuple[re.Pattern, str], ...] = ()
    broader: dict[str, str] = field(default_factory=dict)  # topic → the topic it narrows (skos:broader)

    def find(self, text: str) -> list[TopicHit]:
        folded = fold(text)
        hits = [TopicHit(self._topic_of(m.group(0)), m.start(), m.end()) for m in self.pattern.finditer(folded)]
        # "demanded that sanctions imposed by the US be lifted": sanctions relief, not sanctions at
        # large — when the narrower words go on about the broader, not when a list names both
        # ("NATO's non-expansion and Ukraine's non-accession").
        hits = [b for b in hits if not any(self._narrows(n, b, folded) for n in hits)]
        specific = [h for h in hits if h.topic not in self.generic]
        return specific or hits

    def _narrows(self, narrower: TopicHit, broader: TopicHit, folded: str) -> bool:
        between = folded[broader.end:narrower.begin]
        return (self.broader.get(narrower.topic) == broader.topic and broader.end <= narrower.begin and not re.search(r"[,;]", between)
                and (not re.search(r"\band\b", between) or re.match(r"(?:to\s+)?be\s", folded[narrower.begin:narrower.end]) is not None))

    def specific(self, text: str) -> list[TopicHit]:
        """The hits on substantive topics only: none where ``text`` names only a frame topic."""
        return [h for h in self.find(text) if h.topic not in self.generic]

    def _topic_of(self, matched: str) -> str:
        if matched in self.by_cue:
            return self.by_cue[matched]
        return next(topic for pattern, topic in self.gapped if pattern.fullmatch(matched))


# A cue may leave room for a few words where "…" stands: "relief from … sanctions" also reads
# "relief from five UN sanctions", which no list of fixed phrases can cover.
_GAP = "…"
_GAP_WORDS = r"(?:\s+[\w'%-]+){0,6}\s+"


def _cue_regex(cue: str) -> str:
    return _GAP_WORDS.join(re.escape(part.strip()) for part in cue.split(_GAP))


def load_topics(path: Path | None = None) -> TopicMatcher:
    path = path or ontology_dir() / "topics.ttl"
    notation: dict[str, str] = {}
    cues: dict[str, list[str]] = {}
    triples = list(ox.parse(path.read_bytes(), format=ox.RdfFormat.TURTLE))
    for t in triples:
        if t.predicate.value == str(SKOS.notation):
            notation[t.subject.value] = t.object.value
    broader = {notation[t.subject.value]: notation[t.object.value] for t in triples
               if t.predicate.value == str(SKOS.broader) and t.subject.value in notation and t.object.value in notation}
    for t in triples:
        if t.predicate.value == str(SG.cue) and t.subject.value in notation:
            cues.setdefault(notation[t.subject.value], []).append(fold(t.object.value))
    by_cue = {}
    for topic, phrases in cues.items():
        for phrase in phrases:
            by_cue.setdefault(phrase, topic)
    alternatives = "|".join(_cue_regex(c) for c in sorted(by_cue, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if by_cue else re.compile(r"(?!x)x")
    generic = frozenset(lexicon("acts").get("topics", {}).get("generic", []))
    gapped = tuple((re.compile(_cue_regex(c)), topic) for c, topic in by_cue.items() if _GAP in c)
    return TopicMatcher(cues, generic, pattern, by_cue, gapped, broader)


@cache
def default_topics() -> TopicMatcher:
    return load_topics()
