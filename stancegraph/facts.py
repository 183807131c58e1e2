"""What the loaders produce: plain facts, each with the evidence it was read from.

Facts are small frozen dataclasses with no RDF in them; :mod:`stancegraph.writer` is the one place
that turns them into triples. Actors are referred to by :class:`ActorRef` (an IRI plus the label the
graph should carry), so the loaders decide identity and the writer never guesses.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PartialDate:
    """A date known to day, month or year precision (``iso`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``)."""

    iso: str
    text: str = ""

    @property
    def precision(self) -> str:
        return {10: "day", 7: "month", 4: "year"}[len(self.iso)]

    def __str__(self) -> str:  # pragma: no cover - debugging aid
        return self.iso


@dataclass(frozen=True)
class Evidence:
    """A span of an article's text: where a fact was read, and how sure the extractor is."""

    sentence_index: int
    begin: int
    end: int
    quote: str
    confidence: float


@dataclass(frozen=True)
class ActorRef:
    """An actor as the graph will know it. ``kind`` is state, organization, government-body,
    coalition or person. ``known`` is False for people minted from a title + name in the text."""

    iri: str
    label: str
    kind: str
    known: bool = True
    represents: str | None = None  # IRI of the state/organisation a person speaks for
    post_label: str | None = None  # e.g. "Deputy Foreign Minister" as read in the text
    post_in: str | None = None  # IRI of the body or state the post belongs to


@dataclass(frozen=True)
class Place:
    iri: str
    label: str
    known: bool = True


@dataclass(frozen=True)
class Statement:
    """A speech act. ``kind`` is ``stance`` (a plain statement), ``demand``, ``appeal`` or a response
    kind (``written-response``, ``rejection``, ``acceptance``, ``counter-proposal``, ``statement``)."""

    kind: str
    evidence: Evidence
    speaker: ActorRef | None = None
    on_behalf_of: ActorRef | None = None
    addressees: tuple[ActorRef, ...] = ()
    topics: tuple[str, ...] = ()
    stance: str | None = None
    modality: str = "asserted"
    condition: str | None = None
    date: PartialDate | None = None
    content: str | None = None
    responds_to: str | None = None  # a description of what is answered; linked by the builder
    outlet: str | None = None  # the outlet the words were given to ("told TASS")
    occasion: str | None = None  # the kind of occasion ("press conference", "interview", "statement")
    key: str | None = None  # set by the pipeline: what makes two reports the same act


@dataclass(frozen=True)
class Event:
    kind: str  # meeting, publication, military-operation, other
    name: str
    evidence: Evidence
    date: PartialDate | None = None
    place: Place | None = None
    participants: tuple[ActorRef, ...] = ()
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleInfo:
    file_name: str
    text: str
    content_hash: str
    headline: str
    published: PartialDate | None = None
    published_source: str | None = None  # metadata, dateline, url, dateline+weekday / dateline+latest (year inferred), text (inferred)
    outlet: str | None = None
    url: str | None = None
    dateline: str | None = None
    dateline_place: Place | None = None


@dataclass
class ArticleFacts:
    """Everything read from one article: what goes into its named graph."""

    article: ArticleInfo
    actors: list[ActorRef] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def fact_count(self) -> int:
        return len(self.statements) + len(self.events)
