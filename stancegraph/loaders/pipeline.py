"""One article in, its facts out: the loader steps put together.

The article's date comes first (sidecar, dateline, or a dated lead), because every relative date
resolves against it. Then sentence by sentence: actors, dates, speech; then acts over what was said
(``speech``) and what was reported (``reported``: drafts published, responses handed over, requests,
verdicts), and events. ``state`` holds what one article's reading remembers and the one place acts
are recorded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace
from pathlib import Path

from .. import __version__
from ..facts import ActorRef, ArticleFacts, Event, PartialDate, Place
from ..resources import ontology_dir
from .actors import ActorFinder, ActorMention
from .article import _after_dateline, _article_info, _dateline_span, _home_bodies, _is_lead
from .attribution import Attributor, Utterance
from .dates import DateMention, find_dates, first_day, to_date
from .events import ANOTHER_MEETING, ENDED_VERBS, Clause, FoundEvent, clauses, dates_of_events, find_events, shares_day_with_last, tells_call
from .gazetteer import Gazetteer, default_gazetteer
from .lexicon import lexicon_fingerprint
from .reader import RawArticle, read_article
from .reported import _reported_acts
from .segment import Sentence, split_sentences
from .speech import _fold_lead_restatements, _note_occasion, _utterance
from .state import _evidence, _side, _sides, _State
from .topics import TopicMatcher, default_topics


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
    attributor = Attributor(side_of=lambda ref: _side(state, ref), demonyms=gaz.demonyms, names=gaz.names)
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
        if not utterances.get(s.index):
            # Days named in the narrative, not in what someone said ("reaffirmed the commitments made on October 6").
            state.other_days += [(s.index, d.date.iso) for d in dates[s.index] if d.date is not None and d.date.precision == "day"]
        if day is not None:
            state.last_dated = (s.index, day, frozenset(m.ref.iri for m in mentions[s.index] if m.ref is not None))

    _fold_lead_restatements(state, sentences)
    _date_meetings_just_ended(state)
    _one_meeting_in_its_city(state)
    _place_agreements_at_their_talks(state)
    state.facts.actors = list(state.actors.values())
    return state.facts


_JUST_ENDED = re.compile(rf"(?i)\b(?:has|have)\s+(?:\w+ly\s+)?(?:{ENDED_VERBS}|taken\s+place|been\s+held|got\s+under\s?way)\b")


def _talks_of_the_day(events: list[Event], e: Event) -> list[Event]:
    """The placed meetings held on ``e``'s day between two or more of its sides."""
    sides = {p.iri for p in e.participants}
    return [m for m in events if m is not e and m.kind == "meeting" and m.place is not None and m.date is not None
            and m.date.iso == e.date.iso and len(sides & {p.iri for p in m.participants}) >= 2]


def _one_meeting_in_its_city(state: _State) -> None:
    """The talks one report places in a country ("met in Saudi Arabia") and another in its city
    ("today's talks in Riyadh") are one meeting, in the city."""
    events = state.facts.events
    for e in [e for e in events if e.kind == "meeting" and e.place is not None and e.date is not None and _is_a_state(state, e.place.label)]:
        if any(not _is_a_state(state, m.place.label) for m in _talks_of_the_day(events, e)):
            events.remove(e)


def _place_agreements_at_their_talks(state: _State) -> None:
    """An agreement the sides reached on the day of their talks, told without a place ("Lavrov said
    Russia and the US agreed to appoint ambassadors … after today's talks in Riyadh"), was reached
    where the talks were held — the city, where one report names the country and another the city."""
    events = state.facts.events
    for i, e in enumerate(events):
        if e.kind != "other" or e.place is not None or e.date is None or e.date.precision != "day":
            continue
        places = {m.place.label: m.place for m in _talks_of_the_day(events, e)}
        cities = {label: p for label, p in places.items() if not _is_a_state(state, label)} or places
        if len(cities) == 1:
            place = next(iter(cities.values()))
            events[i] = replace(e, place=place, name=_event_name(e.kind, e.name, e.date, place))


def _is_a_state(state: _State, label: str) -> bool:
    iri = state.gaz.names.get(label)
    return iri is not None and state.gaz.entry(iri).kind == "state"


def _date_meetings_just_ended(state: _State) -> None:
    """ "The second round of talks … has concluded", "consultations have kicked off in Geneva": a meeting told in the present perfect, that
    nothing else in the article dates, ended on the day of the news (an article of known date)."""
    published = state.info.published
    if published is None or published.precision != "day" or state.info.published_source == "text":
        return
    for i, e in enumerate(state.facts.events):
        if e.kind == "meeting" and e.date is None and _JUST_ENDED.search(e.evidence.quote):
            date = PartialDate(published.iso, "")
            state.facts.events[i] = replace(e, date=date, name=_event_name(e.kind, e.name, date, e.place))


def _events(state: _State, s: Sentence, mentions: list[ActorMention], dates: list[DateMention]) -> None:
    own_dates = dates_of_events(s.text, s.begin, dates)
    # "The sides last met in Prague on March 12. The next round is …": a new meeting, not that day's.
    follows = _event_just_before(state, s) if not own_dates and not ANOTHER_MEETING.search(s.text) else None
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
            if place is None and found.kind == "meeting" and not found.by_phone:
                # "They also had a joint meeting with …", "Wu met his counterparts on Wednesday":
                # where the meeting told just before was held.
                place = follows.place if follows is not None else _meeting_place_just_before(state, s, clause_date, found.participants)
            if found.of_talks and not found.participants and state.last_event is not None and state.last_event[1] == s.index:
                # "the talks with the Taliban … would resume | on Saturday": the sides of the talks
                # the sentence named before the cut.
                found = replace(found, participants=state.last_event[2].participants)
            if found.of_talks and (place is None or place.label in {p.label for p in found.participants}):
                place = _place_of_the_talks(state, found) or place
            if found.of_the_day and clause_date is None and state.ref is not None:
                clause_date = PartialDate(state.ref.isoformat(), "")
            date = PartialDate(found.year, found.year) if found.year else clause_date if found.dated else None
            _add_event(state, s, clause, found, date, place)


def _event_name(kind: str, name: str, date: PartialDate | None, place: Place | None) -> str:
    if date is not None and date.precision == "day":
        # One node per (kind, day, place) across articles: one name for it, not each outlet's.
        return f"{kind.replace('-', ' ').capitalize()} on {date.iso}" + (f" in {place.label}" if place else "")
    return name


def _add_event(state: _State, s: Sentence, clause: Clause, found: FoundEvent, date: PartialDate | None, place: Place | None) -> None:
    name = _event_name(found.kind, found.name, date, place)
    ev = _evidence(s, clause.begin, clause.end, state.info.text, 0.7)
    event = Event(kind=found.kind, name=name, evidence=ev, date=date, place=place, participants=found.participants)
    known = _same_event(state.facts.events, event)
    undated = _same_meeting_other_half(state.facts.events, event) if known is None else None
    if undated is not None:
        # One report says where, the other when: one meeting, dated and placed.
        date, place = undated.date or event.date, undated.place or event.place
        event = replace(undated, date=date, place=place, name=_event_name(undated.kind, undated.name, date, place))
        state.facts.events[state.facts.events.index(undated)] = event
    elif known is None:
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


def _meeting_place_just_before(state: _State, s: Sentence, date: PartialDate | None,
                               participants: tuple[ActorRef, ...] = ()) -> Place | None:
    """The place of the meeting the sentence just before (or this one, earlier) told, if it named
    one: meetings told in a row without a place of their own are held where the last one was ("…
    held consultations in Beijing on Wednesday. Wu met his counterparts on Wednesday and Thursday."),
    if they were held within a month of it — not talks years before, told as background."""
    if state.last_event is None:
        return None
    _, index, event = state.last_event
    if index not in (s.index - 1, s.index) or event.kind != "meeting" or tells_call(event.evidence.quote):
        return None
    if date is not None and event.date is not None and abs((first_day(date) - first_day(event.date)).days) > 31:
        return None
    if (participants and event.participants and not {p.iri for p in participants} & {p.iri for p in event.participants}
            and not re.search(r"\balso\b", s.text)):
        return None  # other sides, another meeting: "Lavrov said at a meeting with his Japanese counterpart"
    return event.place


def _place_of_the_talks(state: _State, found: FoundEvent) -> Place | None:
    """Where the talks an act breaks off are held: the city of the latest meeting read with a side
    in common ("talks with the Taliban in Doha" … "the talks … have been paused"), when the act's
    own words name no place but a side's state ("in Qatar capital")."""
    sides = {p.iri for p in found.participants}
    for e in reversed(state.facts.events):
        if e.kind == "meeting" and e.place is not None and sides & {p.iri for p in e.participants}:
            return e.place
    return None


def _same_meeting_other_half(events: list[Event], new: Event) -> Event | None:
    """A meeting already read that ``new`` completes: one told with a place but no day ("after
    meeting with Vucic and Borrell in Brussels"), the other with a day and no other place ("after
    Tuesday's meeting"), and no side named in one that the other lacks. Calls are not meetings
    held somewhere."""
    if new.kind != "meeting" or tells_call(new.evidence.quote):
        return None
    for e in events:
        if e.kind != "meeting" or tells_call(e.evidence.quote):
            continue
        undated, dated = (e, new) if e.date is None else (new, e)
        if undated.date is not None or undated.place is None or dated.date is None or dated.place not in (None, undated.place):
            continue
        if bool(ANOTHER_MEETING.search(e.evidence.quote)) != bool(ANOTHER_MEETING.search(new.evidence.quote)):
            continue  # "… plans for a second round of talks by late July": not the round just held
        old_sides, new_sides = {p.iri for p in e.participants}, {p.iri for p in new.participants}
        if old_sides <= new_sides or new_sides <= old_sides:
            return e
    return None


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
