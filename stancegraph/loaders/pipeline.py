"""One article in, its facts out: the loader steps put together.

The article's date comes first (sidecar, dateline, or a dated lead), because every relative date
resolves against it. Then sentence by sentence: actors, dates, speech; then acts over what was said
and what was reported (drafts published, responses handed over, meetings held).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
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
from .medium import Medium, medium
from .reader import RawArticle, read_article
from .segment import Sentence, split_sentences
from .topics import TopicHit, TopicMatcher, default_topics

_EACH_OTHER = re.compile(r"\b(?:each other|one another)\b", re.I)
_CONTINUES = re.compile(r"\b(?:also|added|further|went on|continued|at the same time|in addition)\b", re.I)
_ANAPHORIC_SUBJECT = re.compile(r"^(?:He|She|They|The\s+(?:[\w-]+\s+){0,3}(?:leader|president|minister|diplomat|official|ambassador|envoy|spokes\w+|secretary))\b")
_PAST_MARKER = re.compile(r"(?i)\b(earlier(?!\s+(?:in\s+the\s+day|today))|previously|in the past|last week|had said|once said)\b")
# with the nouns of a possessive verdict ("Hamas's approval of …")
_ACCEPT_VERBS = {"accepted", "accepts", "approved", "approves", "agreed to", "agrees to", "endorsed", "re-entered", "rejoined", "signed", "approval", "acceptance"}
_NOMINAL_VERDICT = re.compile(r"[’']s\s+(approval|acceptance|rejection|refusal)\s+of\b")
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
    last_dated: tuple[int, PartialDate, frozenset[str]] | None = None  # (sentence, date, actors named) of the last dated sentence
    speaker_dates: dict[str, tuple[int, PartialDate]] = field(default_factory=dict)  # speaker → (paragraph, date)
    media: dict[str, Medium] = field(default_factory=dict)  # speaker → the outlet and occasion they last spoke in
    occasions: dict[str, PartialDate] = field(default_factory=dict)  # person → day of the press conference, meeting … they spoke at
    last_sides: list[ActorRef] = field(default_factory=list)  # the last two states named in one sentence
    answered_sentences: set[int] = field(default_factory=set)  # sentences whose verdict was read from speech
    last_event: tuple[int, int, Event] | None = None  # (paragraph, sentence index, event) of the last event read


def extract_article(path: str | Path, gazetteer: Gazetteer | None = None, topics: TopicMatcher | None = None) -> ArticleFacts:
    return extract_raw(read_article(path), gazetteer, topics)


def extract_raw(raw: RawArticle, gazetteer: Gazetteer | None = None, topics: TopicMatcher | None = None) -> ArticleFacts:
    gaz = gazetteer or default_gazetteer()
    topics = topics or default_topics()
    text = raw.text
    sentences = split_sentences(text)
    info = _article_info(raw, sentences, gaz)
    sentences = [_after_dateline(s, info.dateline) for s in sentences]
    ref = to_date(info.published)
    state = _State(info, gaz, topics, ref, ArticleFacts(info))

    finder = ActorFinder(gaz)
    attributor = Attributor()
    mentions: dict[int, list[ActorMention]] = {}
    dates: dict[int, list[DateMention]] = {}
    anchor: dt.date | None = None
    dateline_span = _dateline_span(text, info)
    home = gaz.metonyms.get(info.dateline_place.label) if info.dateline_place else None
    for s in sentences:
        mentions[s.index] = finder.find(s.text, s.begin)
        if home is not None:
            mentions[s.index] = _home_bodies(gaz, home, s, mentions[s.index])
        # The dateline's own date is when the story was filed, not when its first sentence happened.
        found = [d for d in find_dates(s.text, ref, anchor) if not (dateline_span[0] <= d.begin + s.begin < dateline_span[1])]
        dates[s.index] = [replace(d, begin=d.begin + s.begin, end=d.end + s.begin) for d in found]
        for d in found:
            if d.date is not None and d.explicit_year:
                day = first_day(d.date)
                anchor = max(anchor, day) if anchor else day
        for m in mentions[s.index]:
            if m.ref is not None and m.how != "place":  # "talks in Vienna" mention the city, not Austria
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
        _note_occasion(state, s, mentions[s.index], dates[s.index])
        _events(state, s, mentions[s.index], dates[s.index])
        _reported_acts(state, s, mentions[s.index], dates[s.index], utterances.get(s.index, []))
        for u in utterances.get(s.index, []):
            # "X and Y held a call, expressing …": one utterance, several voices, one occasion.
            voices = frozenset(o.speaker.iri for o in utterances[s.index] if (o.begin, o.end) == (u.begin, u.end))
            _utterance(state, u, mentions[s.index], dates[s.index], text, voices)
        states = [a for a in _sides(state, mentions[s.index]) if a.kind == "state"]
        if len(states) >= 2:
            state.last_sides = states[:2]
        day = next((d.date for d in dates[s.index] if d.date is not None and d.date.precision == "day"), None)
        if day is not None:
            state.last_dated = (s.index, day, frozenset(m.ref.iri for m in mentions[s.index] if m.ref is not None))

    _fold_lead_restatements(state, sentences)
    state.facts.actors = list(state.actors.values())
    return state.facts


def _fold_lead_restatements(state: _State, sentences: list[Sentence]) -> None:
    """The standfirst and the lead sum up what the body then quotes: a statement there is a mention
    of the same speaker's later statement with the same stance, not an act of its own. The
    standfirst (a line with no full stop under the headline) and a datelined lead always sum up; an
    undatelined first paragraph may be the story's first report, so it folds only into a statement
    that says much the same."""
    body = [s for s in sentences if s.paragraph > 0]
    if not body:
        return
    first_paragraph = body[0].paragraph
    standfirst = {s.index for s in body if s.paragraph == first_paragraph} if not re.search(r"[.!?\"”]\s*$", body[0].text) else set()
    at = state.info.text.find(state.info.dateline) if state.info.dateline else -1
    dateline = next((s for s in body if s.begin >= at + len(state.info.dateline) and len(s.text.split()) > 3), None) if at >= 0 else None
    summary = standfirst | ({s.index for s in body if s.paragraph < dateline.paragraph} | {dateline.index} if dateline else set())
    rest = [s for s in body if s.index not in summary]
    lead = {rest[0].index} if rest and dateline is None else set()
    statements = state.facts.statements
    for i, st in enumerate(statements):
        where = st.evidence.sentence_index
        if st.kind != "stance" or (where not in summary and where not in lead):
            continue
        later = next((o for o in statements if o.kind == "stance" and o.evidence.sentence_index not in summary | lead
                      and o.speaker == st.speaker and o.stance == st.stance
                      and (where in summary or _word_overlap(o.content or "", st.content or "") >= 0.4)), None)
        if later is not None:
            statements[i] = replace(later, evidence=st.evidence)


_UNQUALIFIED_BODY = re.compile(r"\b(?:the|The)\s+(Foreign Ministry|Ministry of Foreign Affairs|Defen[cs]e Ministry|Ministry of Defen[cs]e)\b")
_BODY_LABEL = {"foreign": re.compile(r"Foreign Ministry$"), "defen": re.compile(r"Defen[cs]e Ministry$")}


def _home_bodies(gaz: Gazetteer, home: str, s: Sentence, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "BEIJING, May 29 (Xinhua) -- … the Ministry of Foreign Affairs said": a ministry the text
    does not qualify is the dateline country's own."""
    added = []
    for m in _UNQUALIFIED_BODY.finditer(s.text):
        begin, end = s.begin + m.start(1), s.begin + m.end(1)
        if any(o.begin < end and begin < o.end for o in mentions):
            continue
        kind = "foreign" if "Foreign" in m.group(1) else "defen"
        iri = next((e.iri for e in gaz.entries.values() if e.kind == "government-body" and e.represents == home
                    and _BODY_LABEL[kind].search(e.label)), None)
        if iri is not None:
            added.append(ActorMention(begin, end, m.group(1), _ref(gaz, iri), "name"))
    return sorted(mentions + added, key=lambda m: m.begin) if added else mentions


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
            year = dl.year or _year_after(dl.month, dl.day, latest)
            if year:
                try:
                    published = PartialDate(dt.date(year, dl.month, dl.day).isoformat(), dl.text)
                    source = "dateline"
                except ValueError:
                    pass
            else:
                year = _year_of_weekday(dl.month, dl.day, line[len(dl.text):] if line.startswith(dl.text) else line, raw.text)
                if year:
                    # The day is the dateline's, only its year inferred: it dates the day's news.
                    published, source = PartialDate(dt.date(year, dl.month, dl.day).isoformat(), dl.text), YEAR_FROM_WEEKDAY
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


def _after_dateline(s: Sentence, dateline: str | None) -> Sentence:
    """The lead starts after its dateline: "VIENNA, Dec 27 (Reuters) - Putin and Biden held …" has
    Putin and Biden as its subject."""
    if not dateline or not s.text.startswith(dateline):
        return s
    cut = len(dateline) + (len(s.text[len(dateline):]) - len(s.text[len(dateline):].lstrip(" -—–:")))
    if len(s.text) - cut < 10:
        return s
    return replace(s, begin=s.begin + cut, text=s.text[cut:])


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


YEAR_FROM_WEEKDAY = "dateline+weekday"  # published_source: dateline day, year from the lead's weekday


_LOOKS_AHEAD = re.compile(r"(?i)\b(?:will|shall|is to|are to|to be|set to|scheduled|due|expected|plans?\s+to|next)\b[^.;,]*$")


def _year_of_weekday(month: int, day: int, lead: str, text: str) -> int | None:
    """ "MOSCOW, January 27. /TASS/. … Peskov said on Wednesday": wire stories file the day they
    report, so the lead's weekday is the dateline's day, which pins its year (the one nearest the
    latest year the article names; marked as inferred)."""
    # Not a day looked forward to: "talks will resume on Friday" says nothing of the filing day.
    m = next((m for m in re.finditer(r"\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", lead)
              if not _LOOKS_AHEAD.search(lead[max(0, m.start() - 60):m.start()])), None)
    if m is None:
        return None
    from .dates import WEEKDAYS

    years = [int(y.group(0)) for y in re.finditer(r"\b(?:19|20)\d{2}\b", text) if not _FORWARD.search(text[max(0, y.start() - 60):y.start()])]
    return weekday_year(month, day, WEEKDAYS[m.group(1).lower()], max(years) if years else None)


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


_OCCASION = re.compile(r"(?i)\b(?:held|holds|gave|gives|met|meets|spoke|speaks|addressed|briefed|(?:press|news)\s+conference|briefing|interview|talks|meeting|(?:phone|telephone)\s+(?:call|conversation))\b")


_AFTER_THE_MEETING = re.compile(r"(?i)\b(?:after|following|at|during|on the sidelines of)\s+(?:the|their|this|today's)\s+(?:[\w-]+\s+){0,3}(?:meeting|talks|negotiations|round|summit|session|consultations)\b")


def _last_meeting_day(state: _State) -> PartialDate | None:
    meetings = [e.date for e in state.facts.events if e.kind == "meeting" and e.date is not None and e.date.precision == "day"]
    return meetings[-1] if meetings else None


def _note_occasion(state: _State, s: Sentence, mentions: list[ActorMention], dates: list[DateMention]) -> None:
    """People who held a press conference, met or gave an interview on a named day: what they are
    reported to say later in the article, undated, was said then."""
    cue = _OCCASION.search(s.text)
    days = list({d.date.iso: d.date for d in dates if d.date is not None and d.date.precision == "day"}.values())
    if cue is None or len(days) != 1 or _PAST_MARKER.search(s.text):
        return
    for m in mentions:
        if m.how in ("person", "surname") and m.ref is not None and not m.in_title and m.begin < s.begin + cue.start():
            state.occasions.setdefault(m.ref.iri, days[0])


# -- speech --------------------------------------------------------------------------------------------
_CONTRAST = re.compile(r",?\s+but\s+that\s+")  # a second reported clause; a plain "but" qualifies the first


def _utterance(state: _State, u: Utterance, mentions: list[ActorMention], dates: list[DateMention], text: str,
               voices: frozenset[str] = frozenset()) -> None:
    content = text[u.begin : u.end]
    if len(content.split()) < 4:
        return
    halves = _contrasted(u, text)
    if halves:
        for half in halves:
            _utterance(state, half, mentions, dates, text, voices)
        return
    speaker = u.speaker
    side = _side(state, speaker)
    # When it was said: a date in the frame ("said on Tuesday"), not one inside what was said
    # ("said talks will resume on Tuesday"); else the article's date, unless marked as earlier.
    frame_dates = [d for d in dates if not (u.begin <= d.begin < u.end)]
    frame_text = text[u.sentence.begin:u.begin] + " " + text[u.end:u.sentence.end]
    date = _sentence_date(state, frame_text, frame_dates)
    earlier = state.speaker_dates.get(speaker.iri)
    if frame_dates and date is not None:
        state.speaker_dates[speaker.iri] = (u.sentence.paragraph, date)
        if speaker.kind == "person" and date.precision == "day":
            state.occasions.setdefault(speaker.iri, date)
    elif earlier is not None and (earlier[0] == u.sentence.paragraph or _CONTINUES.search(text[u.sentence.begin:u.begin])):
        # "At the same time, the minister noted …", "Peskov also said …": the same occasion.
        date = earlier[1]
    elif not frame_dates and _AFTER_THE_MEETING.search(frame_text) and _last_meeting_day(state) is not None:
        # "Borrell said after the meeting that …": the day of the meeting the article reported.
        date = _last_meeting_day(state)
    elif not frame_dates and speaker.iri in state.occasions and state.ref is not None and not _PAST_MARKER.search(text[u.sentence.begin:u.begin]):
        # "X held a press conference on Thursday. … X said …": what X says there dates from that day.
        date = state.occasions[speaker.iri]
    if not frame_dates and state.last_dated is not None and not _PAST_MARKER.search(frame_text):
        # "On February 24, Putin announced … The Russian leader stressed that …", "On Tuesday, Putin
        # submitted … Putin and Biden held a call, expressing …": the sentence before's occasion.
        last_sentence, last_date, named = state.last_dated
        if u.sentence.index - last_sentence == 1 and (_ANAPHORIC_SUBJECT.match(u.sentence.text) or (voices | {speaker.iri}) & named):
            date = last_date
    said_in = _said_in(state, speaker, frame_text, mentions, bool(frame_dates))
    topic_hits = state.topics.find(content)
    topics = tuple(dict.fromkeys(h.topic for h in topic_hits)) or ("other",)
    # The frame takes a side too: "reaffirmed …", "regretted …", "expressed confidence that …".
    frame = text[u.verb_begin:u.begin] if 0 <= u.begin - u.verb_begin <= 60 else u.verb
    stance = acts.classify_stance(" ".join(f"{frame} {content}".split()))
    confidence = {"quote": 0.9, "dash": 0.85, "reported": 0.8, "according": 0.8}.get(u.frame, 0.7)
    if speaker.kind == "person" and not speaker.known and speaker.represents is None:
        confidence -= 0.1
    evidence = _evidence(u.sentence, u.begin, u.end, text, confidence)
    in_content = [m for m in mentions if u.begin <= m.begin < u.end]
    others = [a for a in _sides(state, in_content) if side is None or a.iri != side.iri]
    specific = [h for h in topic_hits if h.topic not in state.topics.generic]
    # Only the speaker's own words count for what they demand or how they answer: "Hamas says it
    # approved the proposal, although Israel says it falls short" holds Israel's answer too.
    own = _own_words(content)
    own_mentions = [m for m in in_content if m.begin < u.begin + len(own)]
    wanted = _demanded_topics(own, [h for h in specific if h.end <= len(own)])
    if not topic_hits and (about := _negotiation_topic(state, own)) is not None:
        wanted = [TopicHit(about, 0, len(own))]  # "should return to the deal": the article's negotiation
    # "X accepted the proposal for a ceasefire" answers a demand; it does not make one. The answer is
    # read as a reported act (its subject answers, whoever tells of it); what is said stays a statement.
    verdict = _speech_verdict(u, own)
    answers = verdict is not None
    own_at = u.begin - u.sentence.begin
    short = _FALLS_SHORT.search(u.sentence.text, own_at, own_at + len(own))
    if short is not None:
        answers = True  # "… falls short of its demands": a reaction, read with the speech's date
        _falls_short(state, u.sentence, mentions, short, date)
    demand = (bool(wanted) and not answers and acts.is_demand(f"{u.verb} {own}") and side is not None
              and not _other_side_asks(state, u, in_content, side))
    # What a speaker urges or asks for is a request, however it rates the other side.
    kind = None if demand or answers or _REQUEST.fullmatch(u.verb) else acts.response_kind(own)
    if verdict is not None and u.sentence.index not in state.answered_sentences:
        state.answered_sentences.add(u.sentence.index)  # one sentence, one answer, however many speakers tell it
        _verdict(state, u.sentence, mentions, verdict, date, u, side)
    if kind == "statement" and not _ANSWERED.search(own):
        kind = None  # "insufficient" alone rates something; a reaction rates the other side's offer
    if kind in ("rejection", "acceptance", "counter-proposal", "statement") and side is not None:
        # The side whose position the words state answers: "Smith said the Western-led bloc is not
        # ready for compromises" is the bloc's rejection. A judgement ("the West failed to make
        # concessions", "unacceptable") or a reaction ("falls short") is the speaker's own.
        responder = _answering_subject(state, u, content, own_mentions, kind) or side
        answered = [m for m in own_mentions if not _opens_clause(content, m.begin - u.begin)
                    and not _after_word(text, m.begin, _NOT_ADDRESSEE)]  # "… on Ukraine": a topic, not an addressee
        own_others = [a for a in _sides(state, answered) if a.iri != responder.iri]
        to = own_others or ([state.proposal.author] if state.proposal and state.proposal.author.iri != responder.iri else [])
        for addressee in _one_each(to):
            _add_response(state, Statement(
                kind=kind, evidence=evidence, speaker=speaker, on_behalf_of=responder, addressees=(addressee,) if addressee else (),
                topics=topics, stance=stance.polarity, modality=stance.modality, condition=stance.condition, date=date,
                content=content.strip(), responds_to=state.proposal.event if state.proposal else None,
                outlet=said_in.outlet, occasion=said_in.occasion,
            ))
        return
    read_as_request = any(d.kind == "demand" and d.evidence.sentence_index == u.sentence.index for d in state.facts.statements)
    if read_as_request and _REQUEST.fullmatch(u.verb):
        return  # "X urged Y to …", read as X's request: the demands are the facts
    if u.verb in _REQUEST_VERBS and side is not None and not specific and u.sentence.index not in state.proposal_sentences and not read_as_request:
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
    if stance.polarity == "neutral" and topics == ("other",) and not acts.has_cue(content, "stance", "neutral"):
        return  # a remark that takes no side on no negotiation topic is not a position
    previous = _continued(state, u, speaker)
    if previous is not None:
        # "Washington froze the dialogue. This jeopardized arms control.": one point, two sentences.
        _add_statement(state, replace(previous, evidence=evidence))
        return
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
        content=content.strip(), key=key, outlet=said_in.outlet, occasion=said_in.occasion,
    ))
    if demand and u.sentence.index not in state.proposal_sentences:
        spans = [(h.topic, h.begin, h.end) for h in wanted]
        items = acts.demand_items(content, spans)
        item_spans = [(u.begin + b, u.begin + e) for _, b, e in items]
        addressees = [a for a in _sides(state, [m for m in in_content if not any(b <= m.begin < e for b, e in item_spans)]) if a.iri != side.iri]
        if not addressees and state.proposal is not None:
            addressees = list(state.proposal.addressees)
        for topic, b, e in items:
            ev = _evidence(u.sentence, u.begin + b, u.begin + e, text, confidence - 0.1)
            _add_demand(state, side, speaker, tuple(addressees), topic, date, ev, content)


_DEMONSTRATIVE_START = re.compile(r"^[\"“«]?(?:This|That|These|Such)\s+(?!is\b|was\b|will\b|would\b)[a-z]+(?:ed|s)\b")


def _said_in(state: _State, speaker: ActorRef, frame_text: str, mentions: list[ActorMention], dated: bool) -> Medium:
    """The outlet and occasion of the words; a frame that names neither, nor a day of its own, goes
    on from the speaker's last (the rest of the interview: "…,” he said)."""
    found = medium(frame_text, frozenset(m.surface for m in mentions if m.ref is not None))
    if found.outlet or found.occasion:
        state.media[speaker.iri] = found
        return found
    if dated or _PAST_MARKER.search(frame_text):
        return found
    return state.media.get(speaker.iri, found)


def _continued(state: _State, u: Utterance, speaker: ActorRef) -> Statement | None:
    """The speaker's statement in the sentence just before, when this one goes on about it
    ("This jeopardized …", "That means …")."""
    if not _DEMONSTRATIVE_START.match(u.sentence.text) or u.begin > u.sentence.begin + 2:
        return None
    for st in reversed(state.facts.statements):
        if st.kind == "stance" and st.speaker == speaker and st.evidence.sentence_index == u.sentence.index - 1:
            return st
    return None


def _contrasted(u: Utterance, text: str) -> list[Utterance] | None:
    """ "saying the meeting was warm, but that he opted to leave with no deal": two positions, one
    each side of the "but", when they take opposite sides."""
    content = text[u.begin:u.end]
    m = _CONTRAST.search(content)
    if m is None or len(content[:m.start()].split()) < 4 or len(content[m.end():].split()) < 4:
        return None
    first, second = acts.classify_stance(content[:m.start()]), acts.classify_stance(content[m.end():])
    if "neutral" in (first.polarity, second.polarity) or first.polarity == second.polarity:
        return None
    return [replace(u, end=u.begin + m.start()), replace(u, begin=u.begin + m.end())]


def _other_side_asks(state: _State, u: Utterance, in_content: list[ActorMention], side: ActorRef) -> bool:
    """ "Trump said North Korea wanted the sanctions lifted": what North Korea wants is not the
    speaker's demand (the request reading gives it to its subject)."""
    subject = next((m for m in in_content if m.ref is not None and not m.in_title and m.how != "place"), None)
    if subject is None or len(state.info.text[u.begin:subject.begin].split()) > 2:
        return False
    if not _REQUEST.match(state.info.text[subject.end:subject.end + 60].lstrip(" “\"")):
        return False  # "insists that the West consolidate …": the subject is asked, not asking
    other = _side(state, subject.ref)
    return other is not None and other.iri != side.iri


_OTHERS_WORDS = re.compile(
    r"[,;]?\s+(?:although|though|while|whereas|but)\s+(?=(?:the\s+)?(?:[A-Z][\w’'-]*\s+){1,4}(?:says|said|say|insists|insisted|argues|argued|claims|claimed)\b)")
_ANSWERED = re.compile(r"(?i)\b(?:proposals?|proposed|offers?|plans?|deal|draft|initiative|terms|move|step|response|reply|answer|demands?|requirements)\b")


def _speech_verdict(u: Utterance, own: str) -> re.Match | None:
    """An acceptance or rejection in the speaker's words, or told by the speech verb itself ("Peru
    rejected Chile's proposal", where "rejected" frames the words). Offsets are in the sentence."""
    text = u.sentence.text
    start, end = u.begin - u.sentence.begin, u.begin - u.sentence.begin + len(own)
    verb_at = u.verb_begin - u.sentence.begin
    if 0 <= verb_at < start:
        start = verb_at
    return _VERDICT.search(text[:end], start) or _NOMINAL_VERDICT.search(text[:end], start)


# A name followed by a verb is its clause's subject; one followed by a noun ("the US response") is not.
_VERB_NEXT = re.compile(
    r"\s+(?:is|are|was|were|has|have|had|will|would|shall|should|must|can|cannot|could|may|might|does|do|did|"
    r"isn't|aren't|wasn't|doesn't|didn't|won't|refused|refuses|rejected|rejects|accepted|accepts|agreed|agrees|"
    r"approved|approves|dismissed|dismisses|turned|walked|remains|stands)\b")


def _answering_subject(state: _State, u: Utterance, content: str, mentions: list[ActorMention], kind: str) -> ActorRef | None:
    """The side that opens the speaker's words as their subject, when the words state its own answer."""
    if kind == "statement" or acts.has_cue(content, "response", "judgement"):
        return None
    subject = next((m for m in mentions if _opens_clause(content, m.begin - u.begin) and _VERB_NEXT.match(state.info.text, m.end)), None)
    return _side(state, subject.ref) if subject is not None else None


def _opens_clause(content: str, at: int) -> bool:
    """A name at the start of what was said is its subject ("the Western-led bloc is ready …")."""
    return re.fullmatch(r"\W*(?:(?:the|a|an|its|their)\s+)?", content[:at], re.I) is not None


def _own_words(content: str) -> str:
    """What a speaker said, up to where the sentence goes on to someone else's words."""
    other = _OTHERS_WORDS.search(content)
    return content[:other.start()] if other else content


def _demanded_topics(text: str, hits: list) -> list:
    """The topic hits of a demand that name what is demanded: not what is offered for it ("in
    exchange for …") nor what it would lead to ("the only path out of sanctions is …")."""
    aside = acts.not_demanded_spans(text)
    return [h for h in hits if not any(b <= h.begin < e for b, e in aside)]


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


# -- reported acts -------------------------------------------------------------------------------------
def _reported_acts(state: _State, s: Sentence, mentions: list[ActorMention], dates: list[DateMention], said: list[Utterance]) -> None:
    text = s.text
    spoken = bool(said)
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
    elif ctx is not None and not topic_hits and _continues_the_list(state, s) and acts.is_demand(text):
        # "Also, Russia and NATO must pledge not to create conditions …": one more point of the list
        # right before it, on no topic of the scheme (a generic one if named).
        generic = state.topics.find(text)
        ev = _evidence(s, s.begin + len(_LIST_GOES_ON.match(text).group(0)), s.end, state.info.text, 0.7)
        _add_demand(state, ctx.author, None, ctx.addressees, generic[0].topic if generic else "other", ctx.date, ev, ev.quote)
        ctx.sentence = s.index
        state.proposal_sentences.add(s.index)

    # "X urged Y to …", "X sought relief from sanctions": a request, also inside reported speech,
    # where the one asking is the clause's subject, not the speaker ("He said North Korea sought …").
    if s.index not in state.proposal_sentences:
        for request in _REQUEST.finditer(text):
            _request(state, s, mentions, request, _frame_date(dates, said) if said else date)

    # "Tehran made numerous demands": a demand whose content the sentence does not give.
    for made in _MADE_DEMANDS.finditer(text):
        _made_demands(state, s, mentions, dates, made)

    # "stalled by Lebanon's demand that the map be modified", "Russia's demands for guarantees that
    # NATO will not expand": the possessor demands what the clause names.
    for nominal in _NOMINAL_DEMAND.finditer(text):
        _nominal_demand(state, s, mentions, nominal)

    # "Israel says the proposal falls short of its demands": a reaction to the other side's offer,
    # unless a speaker's own words hold it (the speech is read with its own date).
    for short in _FALLS_SHORT.finditer(text):
        if not any(_in_own_words(u, s.begin + short.start()) for u in said):
            _falls_short(state, s, mentions, short, _sentence_date(state, s.text, dates))

    # "Moscow had accepted Washington's proposal", "X rejected the plan": a reported response. Told
    # by a speaker ("Hamas says it has approved …"), it is read with the speaker's words, and date.
    verdict = _VERDICT.search(text) or _NOMINAL_VERDICT.search(text)
    if verdict and not any(_read_in_speech(u, s.begin + verdict.start()) for u in said):
        _verdict(state, s, mentions, verdict, date)

    # "It is clarified that the document will not contain promises …": more on the response the
    # sentence before told of, by the same side.
    if not spoken and _DOCUMENT_ANAPHOR.search(text):
        _document_goes_on(state, s, date)

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


_MADE_DEMANDS = re.compile(r"\b(?:made|presented|put forward|issued|tabled|set out|laid out)\s+(?:[\w-]+\s+){0,2}?demands\b")
_FALLS_SHORT = re.compile(
    r"\b(?:(?:falls?|fell|falling)\s+short\s+of|(?:did|does|do)\s+not\s+meet|(?:is|are|was|were)\s+far\s+from)\s+"
    r"(?P<owner>its|their|(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*[’']s)\s+(?:[\w-]+\s+){0,2}?(?:demands|requirements|conditions|expectations)\b")


def _in_own_words(u: Utterance, at: int) -> bool:
    """Whether offset ``at`` lies in the speaker's own words, not in another side's they go on to."""
    content = u.sentence.text[u.begin - u.sentence.begin:u.end - u.sentence.begin]
    return u.begin <= at < u.begin + len(_own_words(content))


def _read_in_speech(u: Utterance, at: int) -> bool:
    """Whether a verdict at ``at`` is read with the speech: in the speaker's own words, or the speech
    verb itself ("Chile has rejected Peru's proposal, saying …")."""
    return _in_own_words(u, at) or u.verb_begin <= at < u.verb_begin + len(u.verb)


def _subject_before(state: _State, s: Sentence, mentions: list[ActorMention], at: int) -> ActorMention | None:
    """The last name before ``at`` that is not governed by a preposition: the clause's subject.
    A demonym counts with a group noun after it ("the Iranian delegation")."""
    for m in reversed([m for m in mentions if m.end <= at and m.ref is not None and not m.in_title and m.how != "place"]):
        if _after_preposition(state.info.text, m.begin):
            continue
        if m.how == "demonym" and not acts.has_cue(state.info.text[m.end:at].strip().split(" ")[0], "demand", "group_nouns"):
            continue
        return m
    return None


_NOMINAL_DEMAND = re.compile(r"[’']s\s+(?:(?:key|main|core|new|latest|security|repeated|long-standing|longstanding)\s+){0,2}(?:demands?|insistence|requests?)\s+(?:that|for|to|on)\b")


def _nominal_demand(state: _State, s: Sentence, mentions: list[ActorMention], nominal: re.Match) -> None:
    """A demand named by its owner's possessive. Undated: the noun tells that it was made, not when."""
    owner = next((m for m in mentions if m.end == s.begin + nominal.start() and m.ref is not None and m.how != "place"), None)
    by = _side(state, owner.ref) if owner else None
    if by is None:
        return
    clause = re.split(r"[;:]|,\s+(?:but|while|and)\b", s.text[nominal.end():], maxsplit=1)[0]
    clause_begin = s.begin + nominal.end()
    hits = state.topics.find(clause)
    specific = [h for h in hits if h.topic not in state.topics.generic]
    topic = (specific or hits)[0].topic if hits else "other"
    inside = [m for m in mentions if clause_begin <= m.begin < clause_begin + len(clause)]
    addressees = tuple(a for a in _sides(state, inside) if a.iri != by.iri)
    if any(d.kind == "demand" and d.evidence.sentence_index == s.index and d.on_behalf_of == by and d.topics == (topic,) for d in state.facts.statements):
        return  # read already, from the same words
    ev = _evidence(s, owner.begin, clause_begin + len(clause), state.info.text, 0.65)
    _add_demand(state, by, None, addressees, topic, None, ev, ev.quote)


def _made_demands(state: _State, s: Sentence, mentions: list[ActorMention], dates: list[DateMention], made: re.Match) -> None:
    """"X made (numerous) demands": X's demand, about what the sentence names or the article
    negotiates. Dated only by a date the clause gives ("made demands on Monday")."""
    subject = _subject_before(state, s, mentions, s.begin + made.start())
    gap = state.info.text[subject.end:s.begin + made.start()] if subject else ""
    if subject is None or not re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}", gap):
        return  # the subject is right before the verb ("the Iranian delegation made")
    by = _side(state, subject.ref)
    hits = state.topics.find(s.text)  # specific topics first, a generic one ("security demands") else
    topic = hits[0].topic if hits else _negotiation_topic(state, s.text)
    if by is None or topic is None:
        return
    when = next((d.date for d in dates if d.date is not None and 0 <= d.begin - s.begin - made.end() < 30), None)
    ev = _evidence(s, subject.begin, s.begin + made.end(), state.info.text, 0.6)
    _add_demand(state, by, None, (), topic, when, ev, ev.quote)


def _falls_short(state: _State, s: Sentence, mentions: list[ActorMention], short: re.Match, date: PartialDate | None) -> None:
    """"The proposal falls short of its demands", "did not meet Israel's demands": the owner of the
    demands reacts to the offer (a response of kind statement, dated as the news it is) and has
    demands of its own, made before — undated — and about what the sentence names."""
    owner_at = s.begin + short.start("owner")
    if short.group("owner").lower() in ("its", "their"):
        owner = _subject_before(state, s, mentions, s.begin + short.start())
    else:
        owner = next((m for m in mentions if m.begin >= owner_at and m.end <= s.begin + short.end("owner") and m.ref is not None), None)
    by = _side(state, owner.ref) if owner else None
    if by is None:
        return
    ev = _evidence(s, s.begin, s.end, state.info.text, 0.6)
    about = state.topics.find(s.text)  # specific topics first, a generic one ("security demands") else
    topics = tuple(dict.fromkeys(h.topic for h in about)) or ("other",)
    _add_response(state, Statement(kind="statement", evidence=ev, on_behalf_of=by, topics=topics, stance="opposes",
                                   date=date, content=s.text, responds_to=state.proposal.event if state.proposal else None))
    topic = about[0].topic if about else _negotiation_topic(state, s.text)
    if topic is not None:
        _add_demand(state, by, None, (), topic, None, ev, s.text)


def _verdict(state: _State, s: Sentence, mentions: list[ActorMention], verdict: re.Match, date: PartialDate | None,
             speech: Utterance | None = None, speaker_side: ActorRef | None = None) -> None:
    """"Moscow re-entered the deal after intervention by Turkish and UN diplomats", "Hamas's approval
    of the proposal": a response by the verdict's subject, one to each side named in its clause. In
    speech the subject is in the speaker's words, or else is the speaker ("We accepted the plan")."""
    text = s.text
    told_by_verb = speech is not None and s.begin + verdict.start() < speech.begin  # "X rejected Y's offer"
    inside = [m for m in mentions if speech is None or told_by_verb or m.begin >= speech.begin]
    responders = _verdict_sides(state, s, inside, verdict) or ([speaker_side] if speaker_side else [])
    for by in responders:
        _verdict_by(state, s, mentions, verdict, date, by, responders)


def _verdict_by(state: _State, s: Sentence, mentions: list[ActorMention], verdict: re.Match, date: PartialDate | None,
                by: ActorRef, responders: list[ActorRef]) -> None:
    text = s.text
    clause = _own_words(text[verdict.end(1):])
    clause_end = s.begin + verdict.end(1) + re.search(r"[,;:”\"]|$", clause).start()
    objects = [m for m in mentions if s.begin + verdict.end(1) <= m.begin < clause_end and m.ref is not None and not m.in_title and m.how != "place"]
    # "accepted Washington's proposal on Ukraine": Ukraine is what it is about, not who is answered
    answered = [a for a in _sides(state, [m for m in objects if not _after_word(state.info.text, m.begin, _NOT_ADDRESSEE)]) if a not in responders]
    if not answered and state.proposal and state.proposal.author.iri != by.iri and state.proposal.sentence < s.index:
        answered = [state.proposal.author]
    kind = "acceptance" if verdict.group(1).lower() in _ACCEPT_VERBS else "rejection"
    topics = tuple(dict.fromkeys(h.topic for h in state.topics.find(text) if h.topic not in state.topics.generic)) or ("other",)
    ev = _evidence(s, s.begin, s.end, state.info.text, 0.7)
    for to in _one_each(answered):
        _add_response(state, Statement(
            kind=kind, evidence=ev, on_behalf_of=by, addressees=(to,) if to else (), topics=topics,
            date=date, content=text, responds_to=state.proposal.event if state.proposal else None,
        ))
    _answered_proposal(state, s, objects)


def _verdict_sides(state: _State, s: Sentence, mentions: list[ActorMention], verdict: re.Match) -> list[ActorRef]:
    """Who answered: the possessor of a nominal verdict ("Hamas's approval of"), else the clause's
    subject before the verb, each side of it ("The US and NATO rejected …")."""
    pivot = s.begin + verdict.start()
    if verdict.re is _NOMINAL_VERDICT:
        owner = next((m for m in mentions if m.end == pivot and m.ref is not None), None)
        side = _side(state, owner.ref) if owner else None
        return [side] if side else []
    subjects = [m for m in mentions if m.end <= pivot and m.ref is not None and not m.in_title and m.how != "place"
                and not _after_preposition(state.info.text, m.begin)]
    return _coordinated_sides(state, s, subjects) if subjects else []


def _answered_proposal(state: _State, s: Sentence, objects: list[ActorMention]) -> None:
    """"Moscow accepted Washington's proposal on extending New START": a proposal the other side
    answers is its author's demand. When it was made the sentence does not say."""
    for m in objects:
        after = state.info.text[m.end:s.end]
        noun = _possessed_proposal(after)
        if noun is None:
            continue
        by = _side(state, m.ref)
        rest = after[noun.end():]
        rest = rest[:re.search(r"[,;:”\"]|$", rest).start()]
        hits = state.topics.find(rest)
        if by is None or not hits:
            return
        ev = _evidence(s, m.begin, m.end + noun.end() + len(rest), state.info.text, 0.6)
        _add_demand(state, by, None, (), hits[0].topic, None, ev, ev.quote)
        return


def _possessed_proposal(after: str) -> re.Match | None:
    """"’s proposal", "’s new offer": the possessive and the proposal noun it governs, if it does."""
    for words in range(3):
        m = re.match(r"[’']s\s+(?:[\w-]+\s+){%d}([\w-]+)" % words, after)
        if m and acts.has_cue(m.group(1), "demand", "proposal_nouns"):
            return m
    return None


_LIST_GOES_ON = re.compile(r"(?i)^(?:also|in addition|besides|moreover|furthermore)\b,?\s*")


def _continues_the_list(state: _State, s: Sentence) -> bool:
    """A sentence right after a proposal's points that opens by adding one more ("Also, …")."""
    return (s.index - 1) in state.proposal_sentences and _LIST_GOES_ON.match(s.text) is not None


_DOCUMENT_ANAPHOR = re.compile(r"(?i)(?:^|\bthat\s+)(?:the|this|its)\s+(?:document|response|reply|answer|text|letter)\b")
_ANSWER_KINDS = ("rejection", "acceptance", "counter-proposal", "written-response")


def _document_goes_on(state: _State, s: Sentence, date: PartialDate | None) -> None:
    """A sentence about "the document" right after one that reported a response: the same side's
    response, of the kind this sentence tells ("will not contain promises" → rejection)."""
    kind = acts.response_kind(s.text)
    if kind not in ("rejection", "acceptance", "counter-proposal"):
        return
    before = {st.on_behalf_of.iri: st for st in state.facts.statements
              if st.kind in _ANSWER_KINDS and st.evidence.sentence_index == s.index - 1 and st.on_behalf_of is not None}
    ev = _evidence(s, s.begin, s.end, state.info.text, 0.6)
    for prev in before.values():
        _add_response(state, Statement(
            kind=kind, evidence=ev, on_behalf_of=prev.on_behalf_of, addressees=prev.addressees[:1], topics=prev.topics,
            date=date or prev.date, content=s.text, responds_to=prev.responds_to,
        ))


def _frame_date(dates: list[DateMention], said: list[Utterance]) -> PartialDate | None:
    """When words were said: a date outside what was said ("said on Tuesday that …"), not one
    inside it ("… must stop by March")."""
    return next((d.date for d in dates if d.date is not None and not any(u.begin <= d.begin < u.end for u in said)), None)


def _request(state: _State, s: Sentence, mentions: list[ActorMention], request: re.Match, date: PartialDate | None) -> None:
    text = s.text
    # A quote mark right before the verb opens a quoted fragment ('North Korea "wanted the sanctions
    # lifted"'), not a new clause: the subject is still before it.
    verb_at = len(text[:request.start()].rstrip(' “"'))
    clause_start = _clause_start(s, mentions, verb_at)
    between = [m for m in mentions if s.begin + clause_start <= m.begin and m.end <= s.begin + request.start()
               and m.ref is not None and not m.in_title and m.how not in ("place", "demonym")]
    if not between or not re.fullmatch(r"[\s\w’'.“\"-]*", text[between[-1].end - s.begin:request.start()]):
        return  # the requester must be the clause's subject, right before the verb
    requesters = _coordinated_sides(state, s, between)
    after = [m for m in mentions if m.begin >= s.begin + request.end() and m.ref is not None and not m.in_title
             and m.how not in ("place", "demonym") and not _after_word(state.info.text, m.begin, _NOT_ADDRESSEE | {"from"})]
    to = _side(state, after[0].ref) if after else None
    rest = text[request.end():][:200]
    wanted = _demanded_topics(rest, [h for h in state.topics.find(rest) if h.topic not in state.topics.generic])
    topic = wanted[0].topic if wanted else _negotiation_topic(state, rest)
    if not requesters or any(to is not None and to.iri == by.iri for by in requesters) or (topic is None and to is None):
        return
    if request.group(1) in ("asked", "asks", "urged", "urges", "called on", "calls on", "pressed") and to is None:
        return
    ev = _evidence(s, s.begin + clause_start, s.end, state.info.text, 0.7)
    for by in requesters:
        _add_demand(state, by, None, (to,) if to else (), topic or "other", date or _sentence_date(state, text, []), ev, text[clause_start:])


def _clause_start(s: Sentence, mentions: list[ActorMention], at: int) -> int:
    """Where the clause that runs up to ``at`` begins: after the last punctuation break that is not
    part of a list of names ("Britain, France and Germany had urged …")."""
    listed = [(m.begin - s.begin, m.end - s.begin) for m in mentions]
    breaks = [i for i, ch in enumerate(s.text[:at]) if ch in ';:“",' and not any(b <= i < e for b, e in listed)]
    for i in reversed(breaks):
        if s.text[i] == "," and _joins_names(s, mentions, i):
            continue
        return i + 1
    return 0


def _joins_names(s: Sentence, mentions: list[ActorMention], comma: int) -> bool:
    """A comma between two names of a list: "Russia, China and Iran"."""
    left = any(m.end - s.begin <= comma and not s.text[m.end - s.begin:comma].strip() for m in mentions)
    right = any(m.begin - s.begin > comma and re.fullmatch(r"\s*(?:and\s+)?", s.text[comma + 1:m.begin - s.begin]) for m in mentions)
    return left and right


def _coordinated_sides(state: _State, s: Sentence, before_verb: list[ActorMention]) -> list[ActorRef]:
    """The sides a clause's subject names: "Russia and China urged …", "Britain, France and Germany
    had urged …" (one demand each, even where the gazetteer knows the three as one group)."""
    chain = [before_verb[-1]]
    for m in reversed(before_verb[:-1]):
        gap = state.info.text[m.end:chain[0].begin]
        if not re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+as well as)\s+", gap):
            break
        chain.insert(0, m)
    sides: list[ActorRef] = []
    for m in chain:
        for side in _listed_sides(state, m) or [_side(state, m.ref)]:
            if side is not None and side not in sides:
                sides.append(side)
    return sides


def _listed_sides(state: _State, m: ActorMention) -> list[ActorRef]:
    """The members a name lists in full ("Britain, France and Germany"); none for a single name."""
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.surface)
    if len(parts) < 2:
        return []
    iris = [state.gaz.names.get(p) or state.gaz.names.get(p.removeprefix("the ")) for p in parts]
    if any(i is None or state.gaz.entry(i).kind not in ("state", "organization") for i in iris):
        return []
    return [r for r in (_actor_ref(state, i) for i in iris) if r is not None]


def _negotiation_topic(state: _State, text: str) -> str | None:
    """What "the deal", "the accord" refer to: the negotiation the article is about — the specific
    topic its headline names, else one that holds most of what the article names (the Iran nuclear
    deal, a ceasefire). None when the text names no such object, or the article spreads over several."""
    if not acts.has_cue(text, "demand", "negotiation_anaphors"):
        return None
    headline = [h for h in state.topics.find(state.info.headline) if h.topic not in state.topics.generic]
    if headline:
        return headline[0].topic
    counts = Counter(h.topic for h in state.topics.find(state.info.text) if h.topic not in state.topics.generic)
    if not counts:
        return None
    topic, n = counts.most_common(1)[0]
    return topic if n >= 2 and n * 2 > sum(counts.values()) else None


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
            if existing.evidence.begin == st.evidence.begin and (existing.speaker == st.speaker or st.kind == "stance"):
                return  # the same mention again; another speaker of the same answer is a mention of its own
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
        if e.kind != new.kind or e.date is None or e.date.iso != new.date.iso:
            continue  # the same day, however each report words it
        if e.place == new.place:
            return e
        if (e.place is None or new.place is None) and not (tells_call(e.evidence.quote) or tells_call(new.evidence.quote)):
            old_sides, new_sides = {p.iri for p in e.participants}, {p.iri for p in new.participants}
            if old_sides <= new_sides or new_sides <= old_sides:
                return e
    return None
