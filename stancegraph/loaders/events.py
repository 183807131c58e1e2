"""Events: meetings and negotiation rounds, publications of documents, military operations, and
other acts (talks suspended, agreements signed, sanctions imposed, diplomats expelled).

A sentence that dates several events ("On January 12, a meeting … in Brussels, and on January 13,
consultations ended at the Vienna site …") is cut into one clause per date first. A clause may
report one event of each kind. Which date is an event's: the clause's own, not the one a verb of
reporting carries ("…, the ministry reported on November 8"); an undated meeting may take the day
of the event the sentence before told (``shares_day_with_last``). Cue words besides the core
patterns below are in ``lexicon/events.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..facts import ActorRef, PartialDate, Place
from ..iri import place_iri
from .actors import ActorMention
from .acts import is_demand
from .dates import DateMention, covering_date, first_day
from .lexicon import lexicon


def _alternation(section: str, key: str) -> str:
    """A regex alternation of one list of ``lexicon/events.toml``, longest entries first."""
    words = lexicon("events")[section][key]
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MEETING = re.compile(
    r"(?i)\b(talks|meeting|meetings|negotiations|discussions|consultations|summit|session|round of talks|"
    r"conference|council|met|meet|dialogue round|phone call|phone conversation|phone talks|telephone call|"
    r"telephone conversation|telephone talks|video call|videoconference|(?<=next )round|(?<=new )round|(?<=second )round|(?<=third )round|(?<=another )round)\b"
)
_HELD_VERBS = r"held|took place|take place|ended|concluded|began|started|opened|met|hosted|convened|discussed|is discussing|are discussing|resumed|kicked off|got under way|got underway|is under way|are under way|is underway|are underway"
_HELD = re.compile(rf"(?i)\b({_HELD_VERBS})\b")
# A meeting named as what came before something ("said after meeting with X in Brussels",
# "following Tuesday's talks") was held.
_AFTER_MEETING = re.compile(r"(?i)\b(?:after|following)\s+(?:(?:the|their|his|her|its|a|\w+[’']s)\s+)?(?:(?:\w+\s+)?(?:days?|rounds?|hours?|weeks?)\s+of\s+)?(?:meeting|meetings|talks|negotiations|consultations)\b")
_PUBLISH = re.compile(r"(?i)\b(published|released|unveiled|presented|sent|submitted|handed|delivered|tabled|made public|transmitted|floated)\b")
_DOCUMENT = re.compile(r"(?i)\b(draft|drafts|agreement|agreements|proposal|proposals|response|responses|document|documents|treaty|treaties|plan|letter|reply|replies|memorandum|roadmap)\b")
_MILITARY = re.compile(r"(?i)\b(special military operation|military operation|invasion|offensive(?!\s+(?:weapons|arms|capabilit\w*|missiles|systems))|air ?strikes|incursion|ground operation|attacked|attacks? (?:on|against)|shelling|bombardment|bombing|bombed|(?<!of )war (?:against|on|in)|" + _alternation("military", "nouns") + r")\b")
_MILITARY_START = re.compile(r"(?i)\b(announced|launched|began|begun|started|start of|beginning of|invaded|ordered|attacked|attacks?|continu\w*|approv\w*|war)\b")
# "a phone call", "spoke by phone", and a bare "call" that has parties ("a lengthy call with Putin",
# "the call between Putin and Trump").
_CALL = re.compile(r"(?i)\b(phone call|phone conversation|phone talks|telephone call|telephone conversation|telephone talks|video call|videoconference|"
                   + _alternation("meeting", "call_phrases") + r"|call(?=[”\"]?\s+(?:with|between)\s))\b")
_BREAK_OFF = re.compile(
    r"(?i)\b(froze|frozen|freezes|suspended|suspends|suspend|halted|broke off|pulled out of|withdrew from|walked out of|called off|cancelled|canceled|put an? (?:\w+ )?(?:hiatus|halt|pause)|paused|quit|exited)\b"
    r"[^.;]{0,60}?\b(dialogue|talks|contacts|negotiations|consultations|treaty|deal|agreement|initiative|" + _alternation("other", "break_off_nouns") + r")\b"
)
_TALKS_NOUNS = r"talks|negotiations|consultations|dialogue"
# Talks broken off, in the passive. Not "had been paused": a pause told as background to the news
# (the talks have since resumed).
_BROKEN_OFF_PASSIVE = re.compile(
    rf"(?i)\b({_TALKS_NOUNS})\b[^.;]{{0,80}}?\b((?:has|have)\s+been|were|was)\s+(?:(?:\w+ly|also|now)\s+)?({_alternation('other', 'break_off_participles')})\b"
)
# Agreements made or re-joined, sanctions imposed: "other" events a timeline needs.
_AGREEMENT = re.compile(
    r"(?i)\b(brokered|signed|concluded|reached|re-entered|rejoined|returned to|extended|imposed|lifted|" + _alternation("other", "agreement_verbs") + r")\b"
    r"[^.;]{0,50}?\b(deal|agreement|initiative|truce|ceasefire|accord|treaty|sanctions|" + _alternation("other", "agreement_nouns") + r")\b"
)
_AGREED_BY = re.compile(rf"(?i)\b(?:{_alternation('other', 'agreed_by')})\b")
# A treaty told with its signing or entry into force: "The INF Treaty, signed by the Soviet Union and
# the United States on December 8, 1987", "took effect on June 1, 1988".
_SIGNED_BY = re.compile(r"(?i)\b(treaty|agreement|accord|deal|convention|memorandum)\b[^.;]{0,40}?\b(signed|ratified|concluded)\s+(?:by|in|on)\b")
_IN_FORCE = re.compile(r"(?i)\b(treaty|agreement|accord|deal|convention)\b[^.;]{0,80}?\b(took effect|came into force|entered into force|went into effect)\b")
# The prisoners are the verb's object: a few words between, none a preposition ("released a
# statement on prisoners" hands nobody over).
_HANDOVER = re.compile(
    rf"(?i)\b({_alternation('other', 'handover_verbs')})\b(?:\s+(?!(?:on|about|of|regarding|for|to|with|in|at|from)\b)[\w,'’-]+){{0,4}}?\s+({_alternation('other', 'handover_objects')})\b"
)
_EXPULSION = re.compile(rf"(?i)\b({_alternation('other', 'expulsion_verbs')})\b[^.;]{{0,40}}?\b({_alternation('other', 'expulsion_objects')})\b")
_FUTURE = re.compile(r"(?i)\b(will|would|could|plans? to|is to|are to|next week|possibility of)\b")


# A meeting other than the one just told: "a second round", "the next meeting".
ANOTHER_MEETING = re.compile(r"(?i)\b(?:second|third|next|another|new|further|follow-up)\s+(?:round|meeting|session|talks)\b")

_UNTIL = re.compile(r"(?i)\b(?:until|till|through|expires?|expiring|deadline|valid\s+to)\b[^.;]{0,20}$")


@dataclass(frozen=True)
class Clause:
    begin: int  # offsets in the article
    end: int
    text: str
    date: PartialDate | None
    date_text: str | None
    # Where the date comes from: the clause's own words, the report ("…, the ministry said on
    # Tuesday"), or the event the sentence before told ("previous").
    date_source: str = "own"
    # The words date it, but the article's date is unknown so the day cannot be resolved ("at the
    # weekend" in an undated article): told as something that happened, with a null date.
    dated_unknown: bool = False
    # The sentence before the clause's cut ("… the talks in Doha were productive and would resume"
    # before "on Saturday …"): the verb its date belongs to may end it.
    lead_in: str = ""


def clauses(sentence_text: str, offset: int, dates: list[DateMention]) -> list[Clause]:
    """Cut a sentence at each dated phrase after the first, so each event keeps its own date."""
    datable = [d for d in dates if d.date is not None and not _UNTIL.search(sentence_text[max(0, d.begin - offset - 30): d.begin - offset])]
    # A date in apposition names the same day again ("on Thursday [February 28]"): no new clause.
    datable = [d for i, d in enumerate(datable) if i == 0 or not _restates(sentence_text, offset, datable[i - 1], d)]
    datable = _join_day_spans(sentence_text, offset, datable)
    another = ANOTHER_MEETING.search(sentence_text)
    if (another and datable and all(d.begin - offset > another.start() for d in datable)
            and _MEETING.search(sentence_text[: another.start()])):
        # "The first round … has concluded, and the mediators hope to convene a second round by late
        # September": the date is the next round's; the round just held keeps none of its own.
        cut = sentence_text.rfind(",", 0, another.start())
        cut = cut if cut > 0 else another.start()
        d = datable[0]
        return [Clause(offset, offset + cut, sentence_text[:cut].strip(" ,"), None, None),
                Clause(offset + cut, offset + len(sentence_text), sentence_text[cut:].strip(" ,"), d.date, d.text, lead_in=sentence_text[:cut])]
    if len(datable) <= 1:
        d = datable[0] if datable else None
        unresolved = d is None and any(m.date is None for m in dates)
        return [Clause(offset, offset + len(sentence_text), sentence_text, d.date if d else None, d.text if d else None, dated_unknown=unresolved)]
    cuts = [0]
    for d in datable[1:]:
        local = d.begin - offset
        # Cut before a leading "on"/"and on" so the preposition travels with its date.
        m = re.search(r"(?i)(?:,?\s*(?:and\s+)?(?:on|in|since)\s*)$", sentence_text[:local])
        cuts.append(m.start() if m else local)
    cuts.append(len(sentence_text))
    out = []
    for (a, b), d in zip(zip(cuts, cuts[1:]), datable):
        out.append(Clause(offset + a, offset + b, sentence_text[a:b].strip(" ,"), d.date, d.text, lead_in=sentence_text[:a]))
    return out


# "on May 2 and May 3", "May 12 through May 14": one event over several days. Not ", and on May 10"
# (a second event told after a comma) nor "from May 2 to May 10" (moved from one day to another).
_DAY_SPAN_JOINER = re.compile(r"(?i)\s*(?:and|through|-|–)\s*(?:on\s+)?")


def _join_day_spans(sentence_text: str, offset: int, dates: list[DateMention]) -> list[DateMention]:
    """Two days joined by "and"/"through" date one event that lasted both ("met … on Wednesday and
    Thursday"): one date at the precision that holds both (their month), not two events."""
    out: list[DateMention] = []
    for d in dates:
        last = out[-1] if out else None
        joined = (
            last is not None and last.date.precision == "day" and d.date.precision == "day"
            and _DAY_SPAN_JOINER.fullmatch(sentence_text[last.end - offset: d.begin - offset]) is not None
        )
        words = sentence_text[last.begin - offset: d.end - offset] if joined else ""
        span = covering_date(first_day(last.date), first_day(d.date), words) if joined else None
        if span is not None:
            out[-1] = DateMention(last.begin, d.end, words, span, last.explicit_year)
        else:
            out.append(d)
    return out


def _restates(sentence_text: str, offset: int, first: DateMention, second: DateMention) -> bool:
    """Is ``second`` an apposition to ``first`` ("on Thursday [February 28]", "on Tuesday, January
    26")? Then it names the same day and does not start a clause of its own."""
    between = sentence_text[first.end - offset: second.begin - offset]
    return re.fullmatch(r"[\s,(\[]*", between) is not None


_OWNED_CITY = re.compile(r"\b(?:in|at)\s+(?:the\s+)?[A-Z][\w-]+[’']s\s+(?:capital\s+|city\s+of\s+)?(?-i:([A-Z][\w-]+))")


def _place(clause: Clause, mentions: list[ActorMention], trigger: re.Match | None = None) -> Place | None:
    """Where: a place named in the clause — the first after "in"/"at" following the event noun if
    there are several ("in Europe … at a meeting … in Brussels" → Brussels), else a state named
    after "in" ("the operation in Ukraine")."""
    places = [m for m in mentions if m.how == "place" and m.place is not None]
    trigger = trigger or _MEETING.search(clause.text) or _MILITARY.search(clause.text)
    owned = _OWNED_CITY.search(clause.text)
    if not places and owned:
        # "the G20 summit in Japan's Osaka": a city the gazetteer may not know, named by its state.
        return Place(place_iri(owned.group(1)), owned.group(1), known=False)
    if places:
        if trigger and len(places) > 1:
            after = [m for m in places if m.begin - clause.begin > trigger.start()]
            if after:
                return after[0].place
        return places[0].place
    for m in mentions:
        if m.ref is not None and m.ref.kind == "state" and clause.text[max(0, m.begin - clause.begin - 3): m.begin - clause.begin].strip() == "in":
            return _state_place(m.ref)
    return None


def _state_place(ref: ActorRef) -> Place:
    return Place(place_iri(ref.label), ref.label, known=False)


def _military_place(clause: Clause, mentions: list[ActorMention], military: re.Match) -> Place | None:
    """Where an operation happens: a place named right before its noun ("the Rafah military
    operation"), the state attacked or invaded ("Hamas attacked Israel", "the invasion of
    Ukraine"), else as for any event."""
    local = [(m, m.begin - clause.begin, m.end - clause.begin) for m in mentions]
    for m, begin, end in local:
        if m.how == "place" and m.place is not None and 0 <= military.start() - end <= 1:
            return m.place
    for m, begin, end in local:
        # The state by name ("attacked Israel", "the invasion of Ukraine"), not by demonym ("attacks
        # on Chilean posts").
        between = clause.text[military.end(): begin] if begin >= military.end() else None
        if m.ref is not None and m.ref.kind == "state" and m.how == "name" and between is not None and re.fullmatch(r"\s*(?:(?:of|on|against|into|in)\s+)?", between):
            return _state_place(m.ref)
    return _place(clause, mentions, military)


def _first_past(pattern: re.Pattern, text: str) -> re.Match | None:
    """The first match of ``pattern`` that is not announced as future ("will hold a phone call")."""
    hit = pattern.search(text)
    return hit if hit and not _FUTURE.search(text[: hit.start()]) else None


def _cue(section: str, key: str) -> re.Pattern:
    return re.compile(rf"(?i)\b(?:{_alternation(section, key)})\b")


_CITED = _cue("dates", "cited_cues")
# "said on Tuesday", "told reporters on Tuesday", "said in a statement late on Monday".
_TOLD_ON = re.compile(rf"(?i)\b(?:{_alternation('dates', 'report_verbs')})\s+(?:(?!that\b)[\w’']+\s+){{0,3}}?(?:(?:early|late|earlier|later)\s+)?(?:(?:on|in|at|this|last)\s*)?$")
_BACKGROUND = _cue("dates", "background_cues")
_GOES_ON = _cue("dates", "continuation_cues")
_SAME_DAY = _cue("dates", "same_day_cues")
_LATER = _cue("dates", "later_cues")
_MEDIUM = _cue("meeting", "medium_nouns")
_LEGISLATION = _cue("publication", "legislation_nouns")
_OWN_RESPONSE = _cue("publication", "own_response")
_OTHER_ACT = _cue("other", "acts")
_CALL_PHRASE = _cue("meeting", "call_phrases")


def dates_of_events(sentence_text: str, offset: int, dates: list[DateMention]) -> list[DateMention]:
    """The dates that say when an event happened: not the one a verb of reporting carries ("the
    ministry reported early on November 8" dates the report; the meeting may be the day before)."""
    return [d for d in dates if not _told_on(sentence_text[: d.begin - offset])]


def _told_on(before: str) -> bool:
    """Does the text before a date end in a verb of reporting ("said", "reported early on")?"""
    return _TOLD_ON.search(before) is not None


def shares_day_with_last(sentence_text: str, same_paragraph: bool) -> bool:
    """May an undated sentence take the day of the event the sentence before told? Within a
    paragraph yes, unless told as background ("had earlier met") or as later ("A meeting in
    Brussels followed"); across a paragraph break only when it says it goes on ("They also had a
    joint meeting …"; not "not only … but also"). "Later that day" keeps the day."""
    if _SAME_DAY.search(sentence_text):
        return True
    if _BACKGROUND.search(sentence_text) or _LATER.search(sentence_text):
        return False
    goes_on = any(not sentence_text[: m.start()].rstrip().lower().endswith("but") for m in _GOES_ON.finditer(sentence_text))
    return same_paragraph or goes_on


def tells_call(text: str) -> bool:
    """Does the text tell of a phone or video call (which has no place, and is not the meeting
    held the same day)?"""
    return _CALL.search(text) is not None


def _meeting_noun(text: str) -> re.Match | None:
    """The first meeting noun that is not the medium of a statement ("a press conference") nor the
    frame of another act ("agreed as part of normalisation talks")."""
    media = [m.span() for m in _MEDIUM.finditer(text)]
    for hit in _MEETING.finditer(text):
        if not any(b <= hit.start() < e for b, e in media) and not _framed(text, hit):
            return hit
    return None


def _framed(text: str, hit: re.Match) -> bool:
    """Does a frame cue stand right before the meeting noun, with at most two words between ("as
    part of the normalisation talks")?"""
    return re.search(rf"(?i)\b(?:{_alternation('meeting', 'frame_cues')})\s+(?:\w+\s+){{0,2}}$", text[: hit.start()]) is not None


_NEGATION = r"(?:not|never|no|n't|neither|nor|yet to)"


def _negated(text: str, trigger: re.Match) -> bool:
    """Is the meeting denied — "did not meet", "has never met", "no talks", or the verb after the
    noun ("talks were not held", "the meeting did not take place")?"""
    # Up to two words between, but no preposition: "no progress in talks" does not deny the talks.
    if re.search(rf"(?i)\b{_NEGATION}\s+(?:(?!(?:in|at|of|on|during|from|with|for|to|after|before)\b)\w+\s+){{0,2}}$", text[: trigger.start()]):
        return True
    after = text[trigger.end(): trigger.end() + 60]
    return re.match(rf"(?i)\s+(?:\w+\s+){{0,8}}{_NEGATION}\s+(?:\w+\s+)?(?:{_HELD_VERBS})\b", after) is not None


def _is_cited(text: str, trigger: re.Match) -> bool:
    """Is the event only cited — as the reason for the clause's main one ("citing Ukrainian
    attacks"), or as what its speakers welcome ("expressing satisfaction over exchanging notes")?"""
    return _CITED.search(text[max(0, trigger.start() - 40): trigger.start()]) is not None


@dataclass(frozen=True)
class FoundEvent:
    kind: str
    name: str
    place: Place | None
    participants: tuple[ActorRef, ...]
    dated: bool = True  # False: the clause's date is another event's (this one is only cited)
    by_phone: bool = False  # a call has no place of its own
    # Talks already told are broken off or go on ("the talks … have been paused", "… would resume |
    # on Saturday"): held where, and between whom, those talks were told.
    of_talks: bool = False
    # Told in the present perfect ("have been paused"): the news of the article's day.
    of_the_day: bool = False
    # A year written into the event's name ("Russia's 2022 invasion of …"): its date, whatever the clause's.
    year: str | None = None


def _with_labels(name: str, participants: tuple[ActorRef, ...], joiner: str = " ({})") -> str:
    labels = ", ".join(p.label for p in participants)
    return name + (joiner.format(labels) if labels else "")


# "had talked with his Cambodian and Thai counterparts", "spoke with Putin": talks between leaders,
# not remarks to the press ("spoke with reporters").
_SPOKE_WITH = re.compile(r"(?i)\b(?:spoke|talked|speaking|talking|had\s+spoken|had\s+talked)\s+(?:by\s+(?:tele)?phone\s+)?with\s+")
# "Putin hosted the leader of Belarus for another round of talks": a round held, not one to come.
_HOSTED_BEFORE = re.compile(r"(?i)\b(?:hosted|held|met|received|welcomed)\b")
_COUNTERPART = re.compile(r"(?i)^(?:his|her|their|its)\s+(?:[\w-]+\s+(?:and\s+)?){0,3}counterparts?\b")


def _spoke_with(clause: Clause, mentions: list[ActorMention]) -> bool:
    m = _SPOKE_WITH.search(clause.text)
    if m is None or _negated(clause.text, m):
        return False
    rest = clause.text[m.end():]
    if _COUNTERPART.match(rest):
        return True
    at = clause.begin + m.end()
    first = next((o for o in mentions if o.begin >= at and o.ref is not None and o.how != "demonym" and not o.in_title), None)
    return first is not None and first.ref.kind == "person" and clause.text[m.end():first.begin - clause.begin].strip(" ,").count(" ") <= 3


def _meeting(clause: Clause, mentions: list[ActorMention], participants: tuple[ActorRef, ...]) -> FoundEvent | None:
    text = clause.text
    if _spoke_with(clause, mentions):
        return FoundEvent("meeting", _with_labels("Phone call", participants, " of {}"), None, participants, by_phone=True)
    call = _first_past(_CALL, text)
    if call and not _negated(text, call):
        noun = call.group(1) if _CALL_PHRASE.fullmatch(call.group(1)) is None and call.group(1).lower() != "call" else "phone call"
        # A call is held nowhere: "a call …, during which they discussed ending the war in Ukraine".
        return FoundEvent("meeting", _with_labels(noun.capitalize(), participants, " of {}"), None, participants, by_phone=True)
    meeting = _meeting_noun(text)
    if meeting is None and _resumes_here(clause):
        return FoundEvent("meeting", _with_labels("Talks resumed", participants, " of {}"), _place(clause, mentions), participants, of_talks=True)
    if meeting is None or _negated(text, meeting) or _WISHED.search(text[: meeting.start()]):
        return None  # "ready to resume the talks", "threatened to leave the talks": no meeting held
    place = _place(clause, mentions, meeting)
    planned = _planned(text, meeting)
    if planned and participants:
        # Still to come: dated only when the clause itself gives the day.
        own_day = clause.date is not None and clause.date.precision == "day" and clause.date_source == "own"
        return FoundEvent("meeting", _with_labels("Planned " + meeting.group(1), participants, " of {}"), place, participants, dated=own_day)
    to_come = _ROUND_TO_COME.search(text[: meeting.start()]) is not None
    if (to_come and not _HELD.search(text[meeting.end():]) and not _HOSTED_BEFORE.search(text[: meeting.start()])
            and not (planned or (clause.date is not None and clause.date_source == "own"))) or _NO_POINT.search(text[: meeting.start()]):
        return None  # "sees no point in holding a new round of talks": a round to come, with no day of its own
    held = _held(text) or _AFTER_MEETING.search(text)
    if _AHEAD_OF.search(text[: meeting.start()]) and not (clause.date is not None and clause.date_source == "own"):
        return None  # "ahead of the alliance's summit in Lithuania": a meeting to come, its day not told
    just_ended = clause.date is None and len(participants) >= 2 and _JUST_HELD.search(text[meeting.end():]) is not None
    if just_ended:
        # "The talks between Armenia and Azerbaijan have concluded": held, and ended the day of the news.
        return FoundEvent("meeting", _with_labels(meeting.group(1).capitalize(), participants, " of {}"), place, participants, of_the_day=True)
    # (a next round dated on its own is the round of the talks just told, whoever the clause names)
    if not (clause.date is not None or (place is not None and held)) or len(participants) + (place is not None) + to_come < 1:
        return None
    # A meeting still to come counts only when the text gives its day ("talks will resume on Tuesday").
    # "will take place from July 11-12 in Vilnius": a meeting to come counts when its own words date it.
    # (a span of days, "July 11-12", is dated too; "next month" is not a day)
    own_day = clause.date is not None and clause.date_source == "own" and (
        clause.date.precision == "day" or (clause.date.precision == "month" and bool(re.search(r"\d", clause.date_text or ""))))
    if _FUTURE.search(text) and not held and not own_day:
        return None
    name = _with_labels(meeting.group(1).capitalize(), participants, " of {}")
    if place is not None:
        name += f" in {place.label}"
    return FoundEvent("meeting", name, place, participants)


# The cue governs the meeting: "scheduled to meet", "due to hold a new round of talks" — not "due to
# the talks" (a cause) nor "expected to boost the talks".
_PLANNED = re.compile(rf"(?i)\b(?:{_alternation('meeting', 'planned_cues')})\s+(?:(?:hold|have|start|begin|open|resume|attend|join)\s+(?:\w+\s+){{0,3}})?$")


_ROUND_TO_COME = re.compile(r"(?i)\b(?:second|third|fourth|next|another|new|further|fresh)\s+(?:round\s+of\s+(?:[\w-]+\s+){0,3})?$")
_AHEAD_OF = re.compile(r"(?i)\b(?:ahead\s+of|in\s+the\s+run-up\s+to|prior\s+to)\s+(?:the\s+|a\s+|next\s+(?:week|month)[’']s\s+)?(?:[\w’'-]+\s+){0,3}$")


def _held(text: str) -> re.Match | None:
    """A verb that tells the meeting was held — not one still to come ("will take place")."""
    return next((h for h in _HELD.finditer(text) if not re.search(r"(?i)\b(?:will|shall|would|is\s+to|are\s+to|to)\s+(?:\w+\s+)?$", text[: h.start()])), None)


_NO_POINT = re.compile(r"(?i)\bno\s+(?:point|sense|need|reason)\s+(?:in|to|for)\s+(?:[\w-]+\s+){0,6}$")
# What a side wants or threatens to do with talks, not talks held: "ready to resume the talks".
_WISHED = re.compile(r"(?i)\b(?:ready|willing|prepared|hopes?|hoping|wants?|wish(?:es)?|seeks?|aims?|threatened|threatens|refused|refuses|vowed)\s+to\s+(?:\w+\s+){1,3}$")
# Talks told in the present perfect as just ended or begun: "have concluded", "has kicked off".
ENDED_VERBS = r"concluded|ended|wrapped\s+up|finished|closed|kicked\s+off|begun|started|opened"
_JUST_HELD = re.compile(rf"(?i)^[^.;]*?\b(?:has|have)\s+(?:\w+ly\s+)?(?:{ENDED_VERBS})\b")


def _planned(text: str, meeting: re.Match) -> bool:
    """Is the meeting told as scheduled ("were scheduled to hold talks", "are due to meet"), and not
    denied ("are not scheduled to meet")?"""
    if _PLANNED_AFTER.match(text[meeting.end():]):
        return True  # "The next round is scheduled for May in Geneva"
    cue = _PLANNED.search(text[: meeting.start()])
    return cue is not None and not re.search(rf"(?i)\b{_NEGATION}\s+(?:\w+\s+)?$", text[: cue.start()])


_PLANNED_AFTER = re.compile(r"(?i)\s+(?:of\s+(?:talks|negotiations|consultations)\s+)?(?:is|are|has\s+been|have\s+been)\s+(?:scheduled|planned|set|due|expected)\s+(?:for|to\s+(?:take\s+place|be\s+held|start|begin|open))\b")


_RESUMES_RIGHT_BEFORE = re.compile(rf"(?i)\b(?:{_alternation('meeting', 'resume_verbs')})\s*$")


def _resumes_here(clause: Clause) -> bool:
    """Does the clause give the day talks named before it go on ("the talks … would resume | on
    Saturday")? The verb ends the text before the cut, a meeting noun is in it, and the clause
    opens with its date."""
    if clause.date is None or clause.date_text is None or not _RESUMES_RIGHT_BEFORE.search(clause.lead_in):
        return False
    opens_with_date = re.match(rf"(?i)(?:on\s+|in\s+)?{re.escape(clause.date_text)}", clause.text) is not None
    return opens_with_date and _meeting_noun(clause.lead_in) is not None and not _negated(clause.lead_in, _RESUMES_RIGHT_BEFORE.search(clause.lead_in))


# "Russia's invasion of Ukraine", "Russia's 2022 invasion of its neighbour": an operation named as
# background, dated only by the year written into the name.
_NAMED_INVASION = re.compile(r"\b[A-Z][\w-]+[’']s\s+(?:(?P<year>(?:19|20)\d\d)\s+)?(?:full-scale\s+|all-out\s+)?invasion\s+of\b")


def _military(clause: Clause, mentions: list[ActorMention], participants: tuple[ActorRef, ...]) -> FoundEvent | None:
    text = clause.text
    military = _MILITARY.search(text)
    named = _NAMED_INVASION.search(text)
    if not (military and (_MILITARY_START.search(text) or clause.date is not None or named)) or is_demand(text[: military.start()]):
        return None  # "would demand a permanent end to the war in Gaza": what is asked for, not what happens
    name = _with_labels(military.group(1).capitalize(), participants)
    year = named.group("year") if named else None
    dated = not _is_cited(text, military) and (named is None or _MILITARY_START.search(text) is not None)
    return FoundEvent("military-operation", name, _military_place(clause, mentions, military), participants, dated=dated, year=year)


def _publication(clause: Clause, mentions: list[ActorMention], participants: tuple[ActorRef, ...]) -> FoundEvent | None:
    text = clause.text
    if (clause.date is None and not clause.dated_unknown) or _FUTURE.search(text):
        return None
    own = _OWN_RESPONSE.search(text)
    if own and not re.match(r"\s+to\s+(?:a\s+|the\s+)?questions?\b", text[own.end():]):
        return FoundEvent("publication", _with_labels("Response", participants), None, participants)
    publish = _PUBLISH.search(text)
    if publish is None or _negated(text, publish):  # "has not yet handed over its response"
        return None
    bill = _LEGISLATION.search(text, publish.end(), publish.end() + 50)
    if bill:
        # "submitted to the Duma a bill on ratifying the agreement": a domestic act, not a publication.
        return FoundEvent("other", _with_labels(f"{bill.group(0).capitalize()} {publish.group(1)}", participants), _place(clause, mentions), participants)
    document = _document_near(text, publish)
    if document is None:
        return None
    name = _with_labels(f"{document.group(1).capitalize()} {publish.group(1)}", participants)
    return FoundEvent("publication", name, _place(clause, mentions), participants)


def _document_near(text: str, publish: re.Match) -> re.Match | None:
    """The document the verb publishes: a document noun within a few words of it ("published draft
    agreements", "submitted to Russia their written response") — not one a long way off ("the
    proposal …, the group said in a statement published on its website")."""
    for hit in _DOCUMENT.finditer(text):
        if 0 <= hit.start() - publish.end() <= 40 or 0 <= publish.start() - hit.end() <= 40:
            return hit
    return None


def _other(clause: Clause, mentions: list[ActorMention], participants: tuple[ActorRef, ...]) -> FoundEvent | None:
    """Talks broken off, agreements made, diplomats expelled, prisoners exchanged, notes exchanged:
    "other" events, named "<what> <verb>"."""
    text = clause.text
    for pattern, needs_participants in ((_BREAK_OFF, False), (_AGREEMENT, True), (_EXPULSION, True), (_HANDOVER, True)):
        hit = _first_past(pattern, text)
        if hit and (participants or not needs_participants):
            return FoundEvent("other", _with_labels(f"{hit.group(2).capitalize()} {hit.group(1)}", participants), _place(clause, mentions), participants)
    passive = _BROKEN_OFF_PASSIVE.search(text)
    if passive and not _FUTURE.search(text[: passive.start(2)]) and not _negated(text, passive):
        name = _with_labels(f"{passive.group(1).capitalize()} {passive.group(3)}", participants)
        of_the_day = clause.date is None and passive.group(2).lower().startswith(("has", "have"))
        return FoundEvent("other", name, _place(clause, mentions), participants, of_talks=True, of_the_day=of_the_day)
    mutual = _MUTUAL.search(text)
    joined = _joined_subjects(text[: mutual.start()], mentions, clause.begin) if mutual else []
    to_act = mutual is not None and mutual.group(0).lower().rstrip().endswith("to") and mutual.group("thing") is None
    if joined and len(participants) >= 2 and not _FUTURE.search(text[: mutual.start()]) and not (to_act and any(m.ref.kind == "person" for m in joined)):
        # "Thailand and Cambodia have agreed to a ceasefire", "Russia and Ukraine have agreed on an exchange"
        # Told as the day's news: "have agreed", or "Lavrov said Russia and the US agreed to …".
        told = _TOLD_THAT.search(text[: mutual.start()]) is not None
        return FoundEvent("other", _with_labels("Agreement reached", participants), _place(clause, mentions), participants,
                          of_the_day=mutual.group(1) is not None or told)
    took_effect = _IN_FORCE.search(clause.lead_in)
    if took_effect and clause.date is not None and re.search(r"(?i)(?:took effect|came into force|entered into force|went into effect)\s*,?\s*$", clause.lead_in):
        # "…, signed … on December 8, 1987, took effect | on June 1, 1988": the date after the cut is the entry into force.
        return FoundEvent("other", _with_labels(f"{took_effect.group(1).capitalize()} entered into force", participants), None, participants)
    for pattern, verb in ((_SIGNED_BY, None), (_IN_FORCE, "entered into force")):
        hit = pattern.search(text)
        if hit and clause.date is not None and not _FUTURE.search(text[: hit.start(2)]):
            name = f"{hit.group(1).capitalize()} {verb or hit.group(2).lower()}"
            return FoundEvent("other", _with_labels(name, participants), _place(clause, mentions), participants)
    agreed = _AGREED_BY.search(text)
    if agreed and participants:
        return FoundEvent("other", _with_labels("Agreement reached", participants), _place(clause, mentions), participants)
    act = _first_past(_OTHER_ACT, text)
    if act and participants and not is_demand(text[: act.start()]):  # "called on Ukraine to speed up the exchange of prisoners": asked for, not held
        return FoundEvent("other", _with_labels(act.group(0).capitalize(), participants), None, participants, dated=not _is_cited(text, act))
    return None


# Agreed on a thing ("to a ceasefire", "on a large-scale exchange"); two states or bodies also
# when they agree to do something ("Russia and the United States agreed to appoint ambassadors"),
# not two people ("Bayramov and Mirzoyan agreed to speed up the talks": a plan of theirs).
_TOLD_THAT = re.compile(r"(?i)\b(?:said|says|told|announced|reported|stated)\b(?:\s+that)?[^.;]*$")
_MUTUAL = re.compile(r"(?i)\b(?:(have|has)\s+(?:also\s+)?)?agreed\s+(?:on|upon|to\s+(?P<thing>(?=(?:a|an|the|new|their|its)\s))?)")


def _joined_subjects(before: str, mentions: list[ActorMention], offset: int) -> list[ActorMention]:
    """The two sides joined by "and" that the words before a verb end in ("Russia and Ukraine
    have"), the subject of what they did together; none if they do not."""
    names = [m for m in mentions if m.ref is not None and m.how != "place" and m.end - offset <= len(before)]
    if len(names) < 2:
        return []
    a, b = names[-2], names[-1]
    joined = (re.fullmatch(r"\s+and\s+(?:the\s+)?", before[a.end - offset: b.begin - offset]) is not None
              and re.fullmatch(r"\s*(?:(?:have|has|had)\s+)?(?:also\s+)?", before[b.end - offset:]) is not None)
    return [a, b] if joined else []


def find_events(clause: Clause, mentions: list[ActorMention], participants: tuple[ActorRef, ...]) -> list[FoundEvent]:
    """The events a clause reports, at most one of each kind; ``mentions`` are the actor mentions
    inside the clause and ``participants`` the sides they stand for. One clause may report several
    ("suspended the deal, citing attacks on its fleet"; "held a phone call, welcoming the exchange
    of notes")."""
    found: list[FoundEvent] = []
    for detect in (_meeting, _military, _publication, _other):
        event = detect(clause, mentions, participants)
        if event is not None and all(e.kind != event.kind for e in found):
            found.append(event)
    return found
