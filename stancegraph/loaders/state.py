"""What one article's reading remembers as it goes (the proposal in view, who spoke when, the sides
named) and the one place acts are recorded: demands, responses and statements, one node per act.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from ..facts import ActorRef, ArticleFacts, ArticleInfo, Event, Evidence, PartialDate, Statement
from . import acts
from .actors import ActorMention, _ref
from .dates import DateMention
from .gazetteer import Gazetteer
from .medium import Medium
from .segment import Sentence
from .topics import TopicMatcher

# (and the present perfect of a standing charge or claim — "NATO has accused Russia of …", "Obama has
# said the plan could be a breakthrough" — not "has told TASS in an interview", the day's news)
_PAST_MARKER = re.compile(r"(?i)\b(earlier(?!\s+(?:in\s+the\s+day|today))|previously|recently|in recent (?:days|weeks|months)|repeatedly|in the past|last week|had said|once said"
                          r"|(?:has|have)\s+(?:long\s+|also\s+)?(?:accused|argued|said|claimed|insisted|maintained|complained|criticized|criticised|denied)|accuses|accuse)\b")

_REQUEST = re.compile(r"\b(asked|asks|urged|urges|called on|calls on|called for|calls for|demanded|demanding|requested|pressed|sought|seeks|seeking|wanted|wants|insisted on|insists on|proposed|proposes|offered to|offers to|expects|expected|invited|invites)\b")

_NOT_ADDRESSEE = {"in", "of", "on", "at", "about", "for", "against", "into", "near", "over", "inside", "within"}


@dataclass
class _ProposalContext:
    """The last proposal or set of drafts the article reported: its items are its author's demands."""

    author: ActorRef
    addressees: tuple[ActorRef, ...]
    date: PartialDate | None
    sentence: int
    event: str | None = None


@dataclass
class _State:
    info: ArticleInfo
    gaz: Gazetteer
    topics: TopicMatcher
    ref: dt.date | None
    facts: ArticleFacts
    actors: dict[str, ActorRef] = field(default_factory=dict)
    proposal: _ProposalContext | None = None
    proposal_sentences: set[int] = field(default_factory=set)  # sentences read as a proposal's items
    last_dated: tuple[int, PartialDate, frozenset[str]] | None = None  # (sentence, date, actors named) of the last dated sentence
    speaker_dates: dict[str, tuple[int, PartialDate]] = field(default_factory=dict)  # speaker → (paragraph, date)
    media: dict[str, Medium] = field(default_factory=dict)  # speaker → the outlet and occasion they last spoke in
    occasions: dict[str, PartialDate] = field(default_factory=dict)  # person → day of the press conference, meeting … they spoke at
    other_days: list[tuple[int, str]] = field(default_factory=list)  # (sentence, ISO day) of each day the narrative names, outside what is said
    last_sides: list[ActorRef] = field(default_factory=list)  # the last two states named in one sentence
    answered_sentences: set[int] = field(default_factory=set)  # sentences whose verdict was read from speech
    last_event: tuple[int, int, Event] | None = None  # (paragraph, sentence index, event) of the last event read


def _side(state: _State, ref: ActorRef | None) -> ActorRef | None:
    """The state or organisation an actor acts for: a person's, a ministry's state, or itself."""
    if ref is None:
        return None
    if ref.kind in ("state", "organization", "coalition"):
        return ref
    ref = state.actors.get(ref.iri, ref)  # what the whole article says of them (post, side)
    iri = ref.represents if ref.kind == "person" else state.gaz.state_of(ref.iri)
    if iri is None:
        return None
    return _actor_ref(state, state.gaz.state_of(iri) or iri)


def _actor_ref(state: _State, iri: str) -> ActorRef | None:
    if iri in state.actors:
        return state.actors[iri]
    if iri in state.gaz.entries:
        ref = _ref(state.gaz, iri)
        state.actors[iri] = ref
        return ref
    return None


def _sides(state: _State, mentions: list[ActorMention]) -> list[ActorRef]:
    out: dict[str, ActorRef] = {}
    for m in mentions:
        if m.in_title or m.ref is None or m.how == "place":
            continue
        side = _side(state, m.ref)
        if side is not None:
            out.setdefault(side.iri, side)
            for part in _hyphen_parts(state, m):
                out.setdefault(part.iri, part)
    return list(out.values())


def _hyphen_parts(state: _State, m: ActorMention) -> list[ActorRef]:
    """"NATO-Russia Council" names both sides; so does "Russia-US"."""
    if "-" not in m.surface:
        return []
    parts = []
    for word in re.split(r"[-\s]", m.surface):
        iri = state.gaz.names.get(word) or state.gaz.demonyms.get(word)
        if iri and state.gaz.entry(iri).kind in ("state", "organization"):
            parts.append(_actor_ref(state, iri))
    return [p for p in parts if p is not None]


_PREPOSITIONS = {"in", "of", "to", "from", "on", "at", "with", "for", "between", "against", "into", "about", "over", "by", "near"}


def _after_preposition(text: str, begin: int) -> bool:
    return _after_word(text, begin, _PREPOSITIONS)


def _after_word(text: str, begin: int, words: set[str]) -> bool:
    before = text[max(0, begin - 20):begin].split()
    return bool(before) and before[-1].lower() in words


def _sentence_date(state: _State, s_text: str, dates: list[DateMention], default_to_article: bool = True) -> PartialDate | None:
    for d in dates:
        if d.date is not None:
            return d.date
    if _PAST_MARKER.search(s_text) or not default_to_article:
        return None
    # The article's own date dates what it reports as news — if the article states it (dateline,
    # metadata). A date only inferred from the text resolves "earlier in the day", but is too weak to
    # date a statement the text leaves undated.
    published = state.info.published
    if published is None or published.precision != "day" or state.info.published_source == "text":
        return None
    return published


def _evidence(s: Sentence, begin: int, end: int, text: str, confidence: float) -> Evidence:
    quote = text[begin:end]
    stripped = quote.strip(" ,;:—–-\"“”«»")
    begin += quote.index(stripped) if stripped else 0
    return Evidence(s.index, begin, begin + len(stripped), stripped, confidence)


def _word_overlap(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"\w{3,}", a.lower())), set(re.findall(r"\w{3,}", b.lower()))
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()[:80]


_OTHERS_WORDS = re.compile(
    r"[,;]?\s+(?:although|though|while|whereas|but)\s+(?=(?:the\s+)?(?:[A-Z][\w’'-]*\s+){1,4}(?:\w+ly\s+)?(?:says|said|say|insists|insisted|argues|argued|claims|claimed|dismissed|rejected|denied|countered)\b)")


def _own_words(content: str) -> str:
    """What a speaker said, up to where the sentence goes on to someone else's words."""
    other = _OTHERS_WORDS.search(content)
    return content[:other.start()] if other else content


def _demanded_topics(text: str, hits: list) -> list:
    """The topic hits of a demand that name what is demanded: not what is offered for it ("in
    exchange for …") nor what it would lead to ("the only path out of sanctions is …")."""
    aside = acts.not_demanded_spans(text)
    return [h for h in hits if not any(b <= h.begin < e for b, e in aside)]


def _last_demander(state: _State, responder: ActorRef, kind: str) -> ActorRef | None:
    """Whose demand an answer that names no one answers ("The Georgian Foreign Ministry rejected
    the demand"): the side that made the last demand read, if not the responder — unless the
    responder's answer of that kind is already read (this is a mention of it)."""
    if any(st.kind == kind and st.on_behalf_of == responder for st in state.facts.statements):
        return None
    for st in reversed(state.facts.statements):
        if st.kind == "demand" and st.on_behalf_of is not None:
            return st.on_behalf_of if st.on_behalf_of.iri != responder.iri else None
    return None


def _one_each(addressees: list[ActorRef]) -> list[ActorRef | None]:
    """A response goes to one actor: one response per actor answered, or one to no one named."""
    return list(dict.fromkeys(addressees)) or [None]


def _add_response(state: _State, st: Statement) -> None:
    """A response, one node per (side, kind, date, addressee). A mention that names no addressee is
    the same act as one already read that does ("Hamas approved the proposal of Qatar and Egypt …
    informed them of Hamas's approval"), not another one."""
    date_key = st.date.iso if st.date else state.info.file_name
    to = st.addressees[0].iri if st.addressees else None
    key = ("response", st.on_behalf_of.iri, st.kind, date_key, to)
    if to is None:
        same = next((e for e in state.facts.statements if e.key[:4] == key[:4] and e.kind == st.kind), None)
        if same is None and st.date is None:
            # "The envoy confirmed Peru's approval": undated, it is the approval already read.
            same = next((e for e in state.facts.statements if e.key[:3] == key[:3] and e.kind == st.kind), None)
        if same is not None:
            key = same.key
            st = replace(st, date=same.date, addressees=same.addressees)
    _add_statement(state, replace(st, key=key))


_FALLS_SHORT = re.compile(
    r"\b(?:(?:falls?|fell|falling)\s+short\s+of|(?:did|does|do)\s+not\s+meet|(?:is|are|was|were)\s+far\s+from)\s+"
    r"(?P<owner>its|their|(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*[’']s)\s+(?:[\w-]+\s+){0,2}?(?:demands|requirements|conditions|expectations)\b")


def _add_demand(state: _State, by: ActorRef, speaker: ActorRef | None, addressees, topic: str, date, ev: Evidence, content: str) -> None:
    _add_statement(state, Statement(
        kind="demand", evidence=ev, speaker=speaker, on_behalf_of=by, addressees=tuple(addressees), topics=(topic,),
        stance="supports", date=date, content=ev.quote,
        key=("demand", by.iri, topic, date.iso if date else state.info.file_name),
    ))


def _add_statement(state: _State, st: Statement) -> None:
    for i, existing in enumerate(state.facts.statements):
        if existing.key == st.key and existing.kind == st.kind:
            merged = tuple(dict.fromkeys(existing.addressees + st.addressees))
            if merged != existing.addressees:
                state.facts.statements[i] = replace(existing, addressees=merged)
            if existing.evidence.begin == st.evidence.begin and (existing.speaker == st.speaker or st.kind == "stance"):
                return  # the same mention again; another speaker of the same answer is a mention of its own
    state.facts.statements.append(st)
