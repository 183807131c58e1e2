"""One article in, its facts out: the loader steps put together.

The article's date comes first (sidecar, dateline, or a dated lead), because every relative date
resolves against it. Then sentence by sentence: actors, dates, speech; then acts over what was said
and what was reported (drafts published, responses handed over, meetings held).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import __version__
from ..facts import ActorRef, ArticleFacts, ArticleInfo, Event, Evidence, PartialDate, Place, Statement
from ..iri import fact_iri, place_iri
from ..resources import ontology_dir
from . import acts
from .actors import ActorFinder, ActorMention, _ref
from .attribution import Attributor, Utterance
from .dateline import parse_dateline
from .dates import DateMention, find_dates, first_day, to_date, weekday_year
from .events import Clause, FoundEvent, clauses, dates_of_events, find_events, shares_day_with_last, tells_call
from .gazetteer import Gazetteer, default_gazetteer
from .lexicon import lexicon_fingerprint
from .reader import RawArticle, read_article
from .segment import Sentence, split_sentences
from .topics import TopicMatcher, default_topics

_EACH_OTHER = re.compile(r"\b(?:each other|one another)\b", re.I)
_CONTINUES = re.compile(r"\b(?:also|added|further|went on|continued|at the same time|in addition)\b", re.I)
_ANAPHORIC_SUBJECT = re.compile(r"^(?:He|She|They|The\s+(?:[\w-]+\s+){0,3}(?:leader|president|minister|diplomat|official|ambassador|envoy|spokes\w+|secretary))\b")
_PAST_MARKER = re.compile(r"(?i)\b(earlier(?!\s+(?:in\s+the\s+day|today))|previously|in the past|last week|had said|once said)\b")
_ACCEPT_VERBS = {"accepted", "accepts", "approved", "approves", "agreed to", "agrees to", "endorsed", "re-entered", "rejoined", "signed"}
_VERDICT = re.compile(r"\b(accepted|accepts|approved|approves|agreed to|agrees to|endorsed|re-entered|rejoined|rejected|rejects|turned down|dismissed|refused)\b[^.;]{0,60}?\b(proposal|proposals|offer|plan|deal|demands?|initiative|draft|terms|agreement|ceasefire|truce)\b")
_REQUEST = re.compile(r"\b(asked|asks|urged|urges|called on|calls on|called for|calls for|demanded|requested|pressed|sought|seeks|wanted|wants|insisted on|insists on)\b")
_REQUEST_VERBS = {"asked", "asks", "urged", "urges", "demanded"}
_NOT_ADDRESSEE = {"in", "of", "on", "at", "about", "for", "against", "into", "near", "over", "inside", "within"}
_ADDRESSED = re.compile(r"(?i)\b(demands?|proposals?|drafts?)\b[^.]*\baddressed to\b")
_PROPOSAL_NOUN = re.compile(r"(?i)\b(draft|drafts|proposals?|demands|documents?)\b")
_ANAPHORIC_START = re.compile(r"(?i)^(?:the\s+(?:documents?|drafts?|proposals?|proposed\s+measures|measures|texts?)|it\s+follows\s+from|they|she|it|in\s+addition|also|in\s+a\s+broad\s+outline|the\s+country's\s+authorities)\b")


def extractor_fingerprint() -> str:
    """Version + hash of the extractor's code and the knowledge it reads: a change re-reads articles."""
    sha = hashlib.sha256(lexicon_fingerprint().encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        sha.update(source.read_bytes())
    for name in ("actors.ttl", "topics.ttl"):
        path = ontology_dir() / name
        if path.exists():
            sha.update(path.read_bytes())
    return f"{__version__}+{sha.hexdigest()[:12]}"


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
    last_dated: tuple[int, PartialDate] | None = None  # (sentence index, date) of the last dated sentence
    speaker_dates: dict[str, tuple[int, PartialDate]] = field(default_factory=dict)  # speaker → (paragraph, date)
    last_sides: list[ActorRef] = field(default_factory=list)  # the last two states named in one sentence
    last_event: tuple[int, int, Event] | None = None  # (paragraph, sentence index, event) of the last event read


def extract_article(path: str | Path, gazetteer: Gazetteer | None = None, topics: TopicMatcher | None = None) -> ArticleFacts:
    return extract_raw(read_article(path), gazetteer, topics)


def extract_raw(raw: RawArticle, gazetteer: Gazetteer | None = None, topics: TopicMatcher | None = None) -> ArticleFacts:
    gaz = gazetteer or default_gazetteer()
    topics = topics or default_topics()
    text = raw.text
    sentences = split_sentences(text)
    info = _article_info(raw, sentences, gaz)
    ref = to_date(info.published)
    state = _State(info, gaz, topics, ref, ArticleFacts(info))

    finder = ActorFinder(gaz)
    attributor = Attributor()
    mentions: dict[int, list[ActorMention]] = {}
    dates: dict[int, list[DateMention]] = {}
    anchor: dt.date | None = None
    dateline_span = _dateline_span(text, info)
    for s in sentences:
        mentions[s.index] = finder.find(s.text, s.begin)
        # The dateline's own date is when the story was filed, not when its first sentence happened.
        found = [d for d in find_dates(s.text, ref, anchor) if not (dateline_span[0] <= d.begin + s.begin < dateline_span[1])]
        dates[s.index] = [replace(d, begin=d.begin + s.begin, end=d.end + s.begin) for d in found]
        for d in found:
            if d.date is not None and d.explicit_year:
                day = first_day(d.date)
                anchor = max(anchor, day) if anchor else day
        for m in mentions[s.index]:
            if m.ref is not None:
                state.actors.setdefault(m.ref.iri, m.ref)
                if m.ref.kind == "person":
                    state.actors[m.ref.iri] = m.ref  # the latest, with the post read from its title

    body = [s for s in sentences if s.paragraph > 0 or _is_lead(s)] or sentences
    utterances: dict[int, list[Utterance]] = {}
    paragraphs: dict[int, list[Sentence]] = {}
    for s in body:
        paragraphs.setdefault(s.paragraph, []).append(s)
    for _, group in sorted(paragraphs.items()):
        for u in attributor.paragraph(group, text, mentions):
            utterances.setdefault(u.sentence.index, []).append(u)

    for s in body:
        _events(state, s, mentions[s.index], dates[s.index])
        _reported_acts(state, s, mentions[s.index], dates[s.index], bool(utterances.get(s.index)))
        for u in utterances.get(s.index, []):
            _utterance(state, u, mentions[s.index], dates[s.index], text)
        states = [a for a in _sides(state, mentions[s.index]) if a.kind == "state"]
        if len(states) >= 2:
            state.last_sides = states[:2]
        day = next((d.date for d in dates[s.index] if d.date is not None and d.date.precision == "day"), None)
        if day is not None:
            state.last_dated = (s.index, day)

    state.facts.actors = list(state.actors.values())
    return state.facts


# -- the article ---------------------------------------------------------------------------------------
def _is_lead(s: Sentence) -> bool:
    """The first line is a headline, unless it is a full sentence (some sites start with the lead)."""
    return len(s.text.split()) >= 12 and s.text.rstrip()[-1:] in '.!?"”'

def _article_info(raw: RawArticle, sentences: list[Sentence], gaz: Gazetteer) -> ArticleInfo:
    lines = [line for line in raw.text.split("\n")]
    headline = next((line.strip() for line in lines if line.strip()), "")
    meta = raw.meta
    published: PartialDate | None = None
    source: str | None = None
    if meta.get("published"):
        published, source = PartialDate(meta["published"][:10], "metadata"), "metadata"
    dateline_text = dateline_place = None
    outlet = meta.get("outlet")
    latest = _latest_explicit_date(raw.text)
    for line in lines[1:8]:
        dl = parse_dateline(line)
        if dl is None:
            continue
        dateline_text = dl.text
        outlet = outlet or dl.outlet
        iri = gaz.places.get(dl.place)
        dateline_place = Place(iri, gaz.entry(iri).label) if iri else Place(place_iri(dl.place), dl.place, known=False)
        if published is None and dl.month and dl.day:
            year = dl.year or _year_after(dl.month, dl.day, latest) or _year_of_lead_weekday(dl.month, dl.day, line[dl.end:], _latest_possible_year(raw.text))
            if year:
                try:
                    published = PartialDate(dt.date(year, dl.month, dl.day).isoformat(), dl.text)
                    source = "dateline"
                except ValueError:
                    pass
        break
    if published is None:
        published, source = _dated_lead(sentences, latest)
    return ArticleInfo(
        file_name=raw.file_name,
        text=raw.text,
        content_hash=raw.content_hash,
        headline=headline,
        published=published,
        published_source=source,
        outlet=outlet,
        url=meta.get("url"),
        dateline=dateline_text,
        dateline_place=dateline_place,
    )


def _dateline_span(text: str, info: ArticleInfo) -> tuple[int, int]:
    if not info.dateline:
        return (0, 0)
    at = text.find(info.dateline)
    return (at, at + len(info.dateline)) if at >= 0 else (0, 0)


_FORWARD = re.compile(r"(?i)\b(?:until|till|through|expires?|expiring|valid\s+to|by|before|will|would|deadline|due)\b[^.;]{0,40}$")


def _latest_explicit_date(text: str) -> dt.date | None:
    """The latest fully written past date the article names (an article is no older than what it
    reports); dates it looks forward to ("until February 5, 2026") say nothing of its own date."""
    days = [
        first_day(d.date) for d in find_dates(text)
        if d.date is not None and d.explicit_year and d.date.precision == "day" and not _FORWARD.search(text[max(0, d.begin - 60):d.begin])
    ]
    return max(days) if days else None


def _year_after(month: int, day: int, latest: dt.date | None) -> int | None:
    """A dateline gives month and day only: the article is no older than the latest date it names."""
    if latest is None:
        return None
    return latest.year if (month, day) >= (latest.month, latest.day) else latest.year + 1


_LEAD_WEEKDAY = re.compile(r"\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_LEAD_AHEAD = re.compile(r"(?i)\b(?:will|would|shall|is to|are to|next|plans? to|expected to|scheduled)\b")


def _latest_possible_year(text: str) -> int | None:
    """An article is written before the dates it looks forward to ("until February 5, 2026")."""
    years = [
        int(d.date.iso[:4]) for d in find_dates(text)
        if d.date is not None and d.explicit_year and _FORWARD.search(text[max(0, d.begin - 60):d.begin])
    ]
    return min(years) if years else None


def _year_of_lead_weekday(month: int, day: int, lead: str, latest_year: int | None) -> int | None:
    """A dateline gives month and day only ("MOSCOW, January 27."), and its lead the weekday of the
    news ("Peskov said on Wednesday"): the year in which that day is that weekday — as the gold
    conventions fix it (the latest such year, like a weekday with a date in a lead). A weekday looked
    forward to ("will meet on Friday") is not the day of the news."""
    m = _LEAD_WEEKDAY.search(lead)
    if m is None or _LEAD_AHEAD.search(re.split(r"[,;]", lead[: m.start()])[-1]):
        return None
    from .dates import WEEKDAYS

    return weekday_year(month, day, WEEKDAYS[m.group(1).lower()], None, latest_year)


def _dated_lead(sentences: list[Sentence], latest: dt.date | None) -> tuple[PartialDate | None, str | None]:
    """An article with no dateline often dates its lead: "On Friday, January 21, The Washington Post
    reports …". A weekday with the date pins the year; the result is marked as inferred."""
    for s in sentences[:3]:
        m = re.search(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})\b(?!,?\s+\d{4})", s.text)
        if m:
            from .dates import MONTHS, WEEKDAYS

            month, day = MONTHS[m.group(2).lower()], int(m.group(3))
            year = weekday_year(month, day, WEEKDAYS[m.group(1).lower()], latest.year if latest else None)
            if year:
                return PartialDate(dt.date(year, month, day).isoformat(), m.group(0)), "text"
    return None, None


# -- helpers -------------------------------------------------------------------------------------------
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


# -- speech --------------------------------------------------------------------------------------------
def _utterance(state: _State, u: Utterance, mentions: list[ActorMention], dates: list[DateMention], text: str) -> None:
    content = text[u.begin : u.end]
    if len(content.split()) < 4:
        return
    speaker = u.speaker
    side = _side(state, speaker)
    # When it was said: a date in the frame ("said on Tuesday"), not one inside what was said
    # ("said talks will resume on Tuesday"); else the article's date, unless marked as earlier.
    frame_dates = [d for d in dates if not (u.begin <= d.begin < u.end)]
    date = _sentence_date(state, text[u.sentence.begin:u.begin] + " " + text[u.end:u.sentence.end], frame_dates)
    earlier = state.speaker_dates.get(speaker.iri)
    if frame_dates and date is not None:
        state.speaker_dates[speaker.iri] = (u.sentence.paragraph, date)
    elif earlier is not None and (earlier[0] == u.sentence.paragraph or _CONTINUES.search(text[u.sentence.begin:u.begin])):
        # "At the same time, the minister noted …", "Peskov also said …": the same occasion.
        date = earlier[1]
    if not frame_dates and _ANAPHORIC_SUBJECT.match(u.sentence.text) and state.last_dated is not None:
        # "On February 24, Putin announced … The Russian leader stressed that …": same occasion.
        last_sentence, last_date = state.last_dated
        if u.sentence.index - last_sentence == 1:
            date = last_date
    topic_hits = state.topics.find(content)
    topics = tuple(dict.fromkeys(h.topic for h in topic_hits)) or ("other",)
    stance = acts.classify_stance(f"{u.verb} {content}")  # "reaffirmed …", "regretted …": the verb takes a side too
    confidence = {"quote": 0.9, "dash": 0.85, "reported": 0.8, "according": 0.8}.get(u.frame, 0.7)
    if speaker.kind == "person" and not speaker.known and speaker.represents is None:
        confidence -= 0.1
    evidence = _evidence(u.sentence, u.begin, u.end, text, confidence)
    in_content = [m for m in mentions if u.begin <= m.begin < u.end]
    others = [a for a in _sides(state, in_content) if side is None or a.iri != side.iri]
    specific = [h for h in topic_hits if h.topic not in state.topics.generic]
    demand = bool(specific) and acts.is_demand(f"{u.verb} {content}") and side is not None
    kind = None if demand else acts.response_kind(content)
    if kind in ("rejection", "acceptance", "counter-proposal") and side is not None:
        to = others or ([state.proposal.author] if state.proposal and state.proposal.author.iri != side.iri else [])
        _add_statement(state, Statement(
            kind=kind, evidence=evidence, speaker=speaker, on_behalf_of=side, addressees=tuple(to[:1]),
            topics=topics, stance=stance.polarity, modality=stance.modality, condition=stance.condition, date=date,
            content=content.strip(), responds_to=state.proposal.event if state.proposal else None,
            key=("response", side.iri, kind, date.iso if date else state.info.file_name, to[0].iri if to else None),
        ))
        return
    if u.verb in _REQUEST_VERBS and side is not None and not specific and u.sentence.index not in state.proposal_sentences:
        # "X asked Y not to …": a request is a demand, of whoever comes right after the verb.
        target = next((m for m in mentions if m.begin >= u.verb_begin and m.ref is not None and not m.in_title and m.how != "place"), None)
        to = _side(state, target.ref) if target else None
        if to is not None and to.iri != side.iri:
            _add_demand(state, side, speaker, (to,), "other", date, evidence, content)
            return
    if u.sentence.index in state.proposal_sentences:
        return  # "She demanded that …" listing the proposal's points: the demands are the facts
    if u.verb in ("announced", "announces") and any(e.evidence.sentence_index == u.sentence.index and e.kind != "meeting" for e in state.facts.events):
        return  # "X announced a military operation": the event is the fact
    key = ("statement", speaker.iri, date.iso if date else state.info.file_name, _norm(content))
    for earlier in state.facts.statements:
        # The same claim told twice (the lead's paraphrase, then the quote) is one act, two mentions.
        if (earlier.kind == "stance" and earlier.speaker == speaker and earlier.stance == stance.polarity
                and earlier.date == date and _word_overlap(earlier.content or "", content) >= 0.4):
            key = earlier.key
            break
    _add_statement(state, Statement(
        kind="stance", evidence=evidence, speaker=speaker, on_behalf_of=side, addressees=tuple(others),
        topics=topics, stance=stance.polarity, modality=stance.modality, condition=stance.condition, date=date,
        content=content.strip(), key=key,
    ))
    if demand and u.sentence.index not in state.proposal_sentences:
        spans = [(h.topic, h.begin, h.end) for h in specific]
        items = acts.demand_items(content, spans)
        item_spans = [(u.begin + b, u.begin + e) for _, b, e in items]
        addressees = [a for a in _sides(state, [m for m in in_content if not any(b <= m.begin < e for b, e in item_spans)]) if a.iri != side.iri]
        if not addressees and state.proposal is not None:
            addressees = list(state.proposal.addressees)
        for topic, b, e in items:
            ev = _evidence(u.sentence, u.begin + b, u.begin + e, text, confidence - 0.1)
            _add_demand(state, side, speaker, tuple(addressees), topic, date, ev, content)


# -- reported acts -------------------------------------------------------------------------------------
def _reported_acts(state: _State, s: Sentence, mentions: list[ActorMention], dates: list[DateMention], spoken: bool) -> None:
    text = s.text
    date = next((d.date for d in dates if d.date is not None), None)

    # A proposal or set of drafts published, sent, or addressed: its author and addressees.
    publish = re.search(r"(?i)\b(published|released|sent|submitted|handed|delivered|unveiled|presented|made public|expects to receive|addressed to)\b", text)
    if publish and _PROPOSAL_NOUN.search(text) and not acts.has_cue(text, "response", "written"):
        before = [m for m in mentions if m.begin < s.begin + publish.start() and not m.in_title and m.ref is not None and m.how != "place"]
        subjects = [m for m in before if not _after_preposition(state.info.text, m.begin)]
        author = _side(state, subjects[-1].ref) if subjects else None
        if author is None and _ADDRESSED.search(text) and state.proposal is not None:
            author = state.proposal.author
        if author is None:
            subj = [m for m in mentions if m.ref is not None and not m.in_title]
            author = _side(state, subj[0].ref) if subj else None
        if author is not None:
            addressees = tuple(a for a in _sides(state, [m for m in mentions if not _after_word(state.info.text, m.begin, _NOT_ADDRESSEE)]) if a.iri != author.iri)
            keep_date = date  # "the demands are addressed to …" says to whom, not when
            event = fact_iri("event", "publication", keep_date.iso, None) if keep_date and keep_date.precision == "day" else None
            state.proposal = _ProposalContext(author, addressees, keep_date, s.index, event)

    # Items of the proposal: each topic its author's demand of the addressees.
    ctx = state.proposal
    topic_hits = [h for h in state.topics.find(text) if h.topic not in state.topics.generic]
    own_date = date is not None and ctx is not None and ctx.date is not None and date.iso != ctx.date.iso and ctx.sentence != s.index
    if ctx is not None and topic_hits and s.index - ctx.sentence <= 3 and not own_date:
        if acts.is_proposal_content(text) or acts.is_demand(text) or _ANAPHORIC_START.match(text):
            items = acts.demand_items(text, [(h.topic, h.begin, h.end) for h in topic_hits])
            for topic, b, e in items:
                ev = _evidence(s, s.begin + b, s.begin + e, state.info.text, 0.75)
                _add_demand(state, ctx.author, None, ctx.addressees, topic, ctx.date, ev, text[b:e])
            ctx.sentence = s.index  # a list may run on over several sentences
            state.proposal_sentences.add(s.index)

    # "X urged Y to …", "X sought relief from sanctions": a request, also inside reported speech,
    # where the one asking is the clause's subject, not the speaker ("He said North Korea sought …").
    if s.index not in state.proposal_sentences:
        for request in _REQUEST.finditer(text):
            _request(state, s, mentions, request, date)

    # "Moscow had accepted Washington's proposal", "X rejected the plan": a reported response.
    verdict = _VERDICT.search(text)
    if verdict and not spoken:
        pivot = s.begin + verdict.start()
        subjects = [m for m in mentions if m.end <= pivot and m.ref is not None and not m.in_title and m.how != "place"
                    and not _after_preposition(state.info.text, m.begin)]
        objects = [m for m in mentions if m.begin >= s.begin + verdict.end() and m.ref is not None and not m.in_title and m.how != "place"]
        by = _side(state, subjects[-1].ref) if subjects else None
        to = _side(state, objects[0].ref) if objects else (state.proposal.author if state.proposal else None)
        if by is not None and (to is None or to.iri != by.iri):
            kind = "acceptance" if verdict.group(1).lower() in _ACCEPT_VERBS else "rejection"
            ev = _evidence(s, s.begin, s.end, state.info.text, 0.7)
            _add_statement(state, Statement(
                kind=kind, evidence=ev, on_behalf_of=by, addressees=(to,) if to else (), topics=tuple(h.topic for h in topic_hits) or ("other",),
                date=date, content=text, responds_to=state.proposal.event if state.proposal else None,
                key=("response", by.iri, kind, date.iso if date else state.info.file_name, to.iri if to else None),
            ))

    # Written responses handed over.
    kind = acts.response_kind(text)
    if kind == "written-response" and not spoken:
        verb = re.search(r"(?i)\b(handed|submitted|sent|delivered|gave|passed|transmitted|provided)\b", text)
        if verb:
            pivot = s.begin + verb.start()
            givers = _sides(state, [m for m in mentions if m.begin < pivot and not m.in_title])
            over_to = re.search(r"(?i)\b(?:over\s+to|to)\s+(?!\w+[’']s\b)", text[verb.end():])
            receivers = []
            for m in mentions:
                if over_to and m.begin >= s.begin + verb.end() + over_to.start() and m.ref is not None and not m.in_title:
                    if text[m.end - s.begin : m.end - s.begin + 2] in ("’s", "'s"):
                        continue
                    side = _side(state, m.ref)
                    if side is not None:
                        receivers.append(side)
                        break
            if not givers and _EACH_OTHER.search(text):
                # "The parties … sent each other written responses": both ways between the two sides
                # of the negotiation in context (the proposal's author and the state it went to).
                parties = _negotiating_parties(state)
                givers, receivers = list(parties), list(parties)
            for giver in givers:
                to = tuple(r for r in receivers if r.iri != giver.iri)
                if not to:
                    continue
                ev = _evidence(s, s.begin, s.end, state.info.text, 0.8)
                responds = state.proposal.event if state.proposal and state.proposal.author.iri == to[0].iri else None
                _add_statement(state, Statement(
                    kind="written-response", evidence=ev, speaker=None, on_behalf_of=giver, addressees=to,
                    topics=("other",), date=date, content=text, responds_to=responds,
                    key=("response", giver.iri, kind, date.iso if date else state.info.file_name, to[0].iri),
                ))


def _request(state: _State, s: Sentence, mentions: list[ActorMention], request: re.Match, date: PartialDate | None) -> None:
    text = s.text
    clause_start = max(text.rfind(c, 0, request.start()) for c in (";", ":", "“", '"', ",")) + 1
    between = [m for m in mentions if s.begin + clause_start <= m.begin and m.end <= s.begin + request.start()
               and m.ref is not None and not m.in_title and m.how not in ("place", "demonym")]
    if not between or not re.fullmatch(r"[\s\w’'.-]*", text[between[-1].end - s.begin:request.start()]):
        return  # the requester must be the clause's subject, right before the verb
    by = _side(state, between[-1].ref)
    after = [m for m in mentions if m.begin >= s.begin + request.end() and m.ref is not None and not m.in_title
             and m.how not in ("place", "demonym") and not _after_word(state.info.text, m.begin, _NOT_ADDRESSEE | {"from"})]
    to = _side(state, after[0].ref) if after else None
    rest = text[request.end():]
    wanted = [h for h in state.topics.find(rest[:200]) if h.topic not in state.topics.generic]
    if by is None or (to is not None and to.iri == by.iri) or (not wanted and to is None):
        return
    if request.group(1) in ("asked", "asks", "urged", "urges", "called on", "calls on", "pressed") and to is None:
        return
    topic = wanted[0].topic if wanted else "other"
    ev = _evidence(s, s.begin + clause_start, s.end, state.info.text, 0.7)
    _add_demand(state, by, None, (to,) if to else (), topic, date or _sentence_date(state, text, []), ev, text[clause_start:])


def _negotiating_parties(state: _State) -> list[ActorRef]:
    ctx = state.proposal
    if ctx is not None:
        other = next((a for a in ctx.addressees if a.kind == "state" and a.iri != ctx.author.iri), None)
        if other is not None:
            return [ctx.author, other]
    return list(state.last_sides) if len(state.last_sides) == 2 else []


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
            if existing.evidence.begin == st.evidence.begin:
                return
    state.facts.statements.append(st)


# -- events --------------------------------------------------------------------------------------------
def _events(state: _State, s: Sentence, mentions: list[ActorMention], dates: list[DateMention]) -> None:
    own_dates = dates_of_events(s.text, s.begin, dates)
    follows = _event_just_before(state, s) if not own_dates else None
    source = "own"
    if follows is None and not own_dates:
        # Only the report is dated ("…, officials said on Thursday"): news of the day, so that day.
        own_dates, source = dates, "report"
    for clause in clauses(s.text, s.begin, own_dates):
        clause = replace(clause, date_source=source)
        inside = [m for m in mentions if clause.begin <= m.begin < clause.end]
        sides = tuple(_sides(state, inside))
        found_events = [(f, clause.date) for f in find_events(clause, inside, sides)]
        if follows is not None:
            # Meetings told in a row share their day: "On Tuesday, Putin submitted a bill. Putin and
            # Biden held a phone conversation" — the call was on Tuesday too. Other kinds do not.
            inherited = replace(clause, date=follows.date, date_text=None, date_source="previous")
            found_events = [(f, d) for f, d in found_events if f.kind != "meeting"]
            found_events += [(f, follows.date) for f in find_events(inherited, inside, sides) if f.kind == "meeting"]
        for found, clause_date in found_events:
            place = found.place
            if place is None and follows is not None and found.kind == "meeting" and not found.by_phone:
                place = follows.place  # "They also had a joint meeting with …": where they met
            _add_event(state, s, clause, found, clause_date if found.dated else None, place)


def _add_event(state: _State, s: Sentence, clause: Clause, found: FoundEvent, date: PartialDate | None, place: Place | None) -> None:
    name = found.name
    if date is not None and date.precision == "day":
        # One node per (kind, day, place) across articles: one name for it, not each outlet's.
        name = f"{found.kind.replace('-', ' ').capitalize()} on {date.iso}" + (f" in {place.label}" if place else "")
    ev = _evidence(s, clause.begin, clause.end, state.info.text, 0.7)
    event = Event(kind=found.kind, name=name, evidence=ev, date=date, place=place, participants=found.participants)
    known = _same_event(state.facts.events, event)
    if known is None:
        state.facts.events.append(event)
    elif known.place is None and event.place is not None:
        state.facts.events[state.facts.events.index(known)] = event  # the report that says where
    else:
        event = known
    state.last_event = (s.paragraph, s.index, event)


def _event_just_before(state: _State, s: Sentence) -> Event | None:
    """The day-dated event the sentence just before reported, if this sentence shares its day."""
    if state.last_event is None:
        return None
    paragraph, index, event = state.last_event
    if index != s.index - 1 or event.date is None or event.date.precision != "day":
        return None
    return event if shares_day_with_last(s.text, paragraph == s.paragraph) else None


def _same_event(events: list[Event], new: Event) -> Event | None:
    """An event already read that ``new`` reports again: same kind and day, and the same place, or
    one of them placeless and no side named that the other lacks ("the talks in Istanbul" … "after
    today's talks"). A phone call is placeless by nature: it is not the meeting held that day."""
    if new.date is None:
        return None
    for e in events:
        if e.kind != new.kind or e.date != new.date:
            continue
        if e.place == new.place:
            return e
        if (e.place is None or new.place is None) and not (tells_call(e.evidence.quote) or tells_call(new.evidence.quote)):
            old_sides, new_sides = {p.iri for p in e.participants}, {p.iri for p in new.participants}
            if old_sides <= new_sides or new_sides <= old_sides:
                return e
    return None
