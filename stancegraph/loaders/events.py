"""Events: meetings and negotiation rounds, publications of documents, military operations.

A sentence that dates several events ("On January 12, a meeting … in Brussels, and on January 13,
consultations ended at the Vienna site …") is cut into one clause per date first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..facts import ActorRef, PartialDate, Place
from ..iri import place_iri
from .actors import ActorMention
from .dates import DateMention

_MEETING = re.compile(
    r"(?i)\b(talks|meeting|meetings|negotiations|consultations|summit|session|round of talks|"
    r"conference|council|met|meet|dialogue round|phone call|phone conversation|phone talks|telephone call|"
    r"telephone conversation|telephone talks|video call|videoconference)\b"
)
_HELD = re.compile(r"(?i)\b(held|took place|take place|ended|concluded|began|started|opened|met|hosted|convened|discussed|is discussing|are discussing|resumed)\b")
_PUBLISH = re.compile(r"(?i)\b(published|released|unveiled|presented|sent|submitted|handed|delivered|tabled|made public|transmitted)\b")
_DOCUMENT = re.compile(r"(?i)\b(draft|drafts|agreement|agreements|proposal|proposals|response|responses|document|documents|treaty|treaties|plan|letter|reply|replies|memorandum|roadmap)\b")
_MILITARY = re.compile(r"(?i)\b(special military operation|military operation|invasion|offensive|air ?strikes|incursion|ground operation|attacked|attacks? (?:on|against)|shelling|bombardment)\b")
_MILITARY_START = re.compile(r"(?i)\b(announced|launched|began|begun|started|start of|beginning of|invaded|ordered|attacked|attacks?|continu\w*|approv\w*|war)\b")
_CALL = re.compile(r"(?i)\b(phone call|phone conversation|phone talks|telephone call|telephone conversation|telephone talks|video call|videoconference)\b")
_BREAK_OFF = re.compile(r"(?i)\b(froze|frozen|freezes|suspended|suspends|suspend|halted|broke off|pulled out of|withdrew from|walked out of|called off|cancelled|canceled|put an? (?:\w+ )?(?:hiatus|halt|pause)|paused|quit|exited)\b[^.;]{0,60}?\b(dialogue|talks|contacts|negotiations|consultations|treaty|deal|agreement|initiative)\b")
# Agreements made or re-joined, sanctions imposed: "other" events a timeline needs.
_AGREEMENT = re.compile(r"(?i)\b(brokered|signed|concluded|reached|re-entered|rejoined|returned to|extended|imposed|lifted)\b[^.;]{0,50}?\b(deal|agreement|initiative|truce|ceasefire|accord|treaty|sanctions)\b")
_FUTURE = re.compile(r"(?i)\b(will|would|could|plans? to|is to|are to|next week|possibility of)\b")


_UNTIL = re.compile(r"(?i)\b(?:until|till|through|expires?|expiring|deadline|valid\s+to)\b[^.;]{0,20}$")


@dataclass(frozen=True)
class Clause:
    begin: int  # offsets in the article
    end: int
    text: str
    date: PartialDate | None
    date_text: str | None


def clauses(sentence_text: str, offset: int, dates: list[DateMention]) -> list[Clause]:
    """Cut a sentence at each dated phrase after the first, so each event keeps its own date."""
    datable = [d for d in dates if d.date is not None and not _UNTIL.search(sentence_text[max(0, d.begin - offset - 30): d.begin - offset])]
    if len(datable) <= 1:
        d = datable[0] if datable else None
        return [Clause(offset, offset + len(sentence_text), sentence_text, d.date if d else None, d.text if d else None)]
    cuts = [0]
    for d in datable[1:]:
        local = d.begin - offset
        # Cut before a leading "on"/"and on" so the preposition travels with its date.
        m = re.search(r"(?i)(?:,?\s*(?:and\s+)?(?:on|in|since)\s*)$", sentence_text[:local])
        cuts.append(m.start() if m else local)
    cuts.append(len(sentence_text))
    out = []
    for (a, b), d in zip(zip(cuts, cuts[1:]), datable):
        out.append(Clause(offset + a, offset + b, sentence_text[a:b].strip(" ,"), d.date, d.text))
    return out


def _place(clause: Clause, mentions: list[ActorMention]) -> Place | None:
    """Where: a place named in the clause — the first after "in"/"at" following the event noun if
    there are several ("in Europe … at a meeting … in Brussels" → Brussels), else a state named
    after "in" ("the operation in Ukraine")."""
    places = [m for m in mentions if m.how == "place" and m.place is not None]
    trigger = _MEETING.search(clause.text) or _MILITARY.search(clause.text)
    if places:
        if trigger and len(places) > 1:
            after = [m for m in places if m.begin - clause.begin > trigger.start()]
            if after:
                return after[0].place
        return places[0].place
    for m in mentions:
        if m.ref is not None and m.ref.kind == "state" and clause.text[max(0, m.begin - clause.begin - 3): m.begin - clause.begin].strip() == "in":
            return Place(place_iri(m.ref.label), m.ref.label, known=False)
    return None


def _first_past(pattern: re.Pattern, text: str) -> re.Match | None:
    """The first match of ``pattern`` that is not announced as future ("will hold a phone call")."""
    hit = pattern.search(text)
    return hit if hit and not _FUTURE.search(text[: hit.start()]) else None


def find_events(clause: Clause, mentions: list[ActorMention], participants: tuple[ActorRef, ...]) -> list[tuple[str, str, Place | None, tuple[ActorRef, ...]]]:
    """``(kind, name, place, participants)`` for the events a clause reports; ``mentions`` are the
    actor mentions inside the clause and ``participants`` the sides they stand for."""
    text = clause.text
    place = _place(clause, mentions)
    labels = ", ".join(p.label for p in participants)
    found = []
    call = _first_past(_CALL, text)
    if call:
        found.append(("meeting", call.group(1).capitalize() + (f" of {labels}" if labels else ""), place, participants))
        return found
    military = _MILITARY.search(text)
    if military and (_MILITARY_START.search(text) or clause.date is not None):
        found.append(("military-operation", military.group(1).capitalize() + (f" ({labels})" if labels else ""), place, participants))
        return found
    publish, document = _PUBLISH.search(text), _DOCUMENT.search(text)
    if publish and document and clause.date is not None and not _FUTURE.search(text):
        name = f"{document.group(1).capitalize()} {publish.group(1)}" + (f" ({labels})" if labels else "")
        found.append(("publication", name, place, participants))
        return found
    # Talks broken off, agreements made: "other" events, named "<what> <verb>" ("Talks suspended").
    for pattern, needs_participants in ((_BREAK_OFF, False), (_AGREEMENT, True)):
        hit = _first_past(pattern, text)
        if hit and (participants or not needs_participants):
            found.append(("other", f"{hit.group(2).capitalize()} {hit.group(1)}" + (f" ({labels})" if labels else ""), place, participants))
            return found
    meeting = _MEETING.search(text)
    if meeting and (clause.date is not None or (place is not None and _HELD.search(text))) and len(participants) + (place is not None) >= 1:
        if _FUTURE.search(text) and not _HELD.search(text):
            return found
        name = meeting.group(1).capitalize()
        if labels:
            name += f" of {labels}"
        if place is not None:
            name += f" in {place.label}"
        found.append(("meeting", name, place, participants))
    return found
