"""Find date expressions in text and resolve them, keeping the precision the words support.

``"December 17, 2021"`` → 2021-12-17 (day); ``"in early April"`` → 2022-04 (month, year from the
reference); ``"on Thursday"`` → the Thursday on or before the article's date; ``"next week"`` and
``"several days ago"`` give no date at all rather than a guessed one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..facts import PartialDate

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
_WEEKDAY_NAMES = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WEEKDAY = rf"(?P<weekday>{_WEEKDAY_NAMES})"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<iso>(?:19|20)\d{2}-[01]\d-[0-3]\d)\b")),
    # "July 11-12", "11–12 July": a span of days, dated at the precision that holds both.
    ("mdy", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:\s*[-–]\s*(?P<day2>[0-3]?\d)\b)?(?:,?\s+{_YEAR}\b)?")),
    ("dmy", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?:(?P<day2>[0-3]?\d)\s*[-–]\s*)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR}\b)?")),
    ("month", re.compile(
        rf"\b(?:(?P<prep>in|since|by|until|from|during|through|throughout|of|for|last|this|next|early|mid|late)\s+)?"
        rf"(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)[\s-]+)?{_MONTH}(?:\s+{_YEAR}\b)?")),
    # "in 2016 and 2017", "in 2014-2015": several years, so no single date (see _interpret).
    ("years", re.compile(r"\b(?:in|during|between)\s+(?:19|20)\d{2}\s*(?:and|or|to|-|–)\s*(?:19|20)\d{2}\b")),
    # "in 2016", "by mid-2023", "the first half of 2020" — not "the positions of 1997" (a year named, not a date)
    ("year", re.compile(rf"\b(?:in|since|by|until|during|throughout|early|late|mid|(?:half|end|beginning|start|middle|spring|summer|autumn|fall|winter)\s+of)[\s-]+{_YEAR}\b")),
    # "on Thursday", "last Friday", "late Tuesday", "Thursday afternoon", "after Tuesday's meeting":
    # a bare weekday (a headline's "Monday") is not taken.
    # "on Wednesday and Thursday": one span of days (see _interpret).
    ("weekday", re.compile(rf"\b(?P<rel>(?i:on|last|this|next|on\s+last|late|early|in))?\s*{_WEEKDAY}\b(?:\s+and\s+(?:on\s+)?(?P<weekday2>{_WEEKDAY_NAMES})\b)?(?P<part>\s+(?:morning|afternoon|evening|night)\b|[’']s\s+(?=[a-z]))?")),
    ("relday", re.compile(r"\b(?P<relday>yesterday|today|tomorrow|earlier\s+today|earlier\s+in\s+the\s+day|later\s+in\s+the\s+day)\b", re.I)),
    ("relweek", re.compile(r"\b(?P<relweek>(?:last|past)\s+week(?:end)?|(?:over|during|at)\s+the\s+weekend)\b", re.I)),
    ("relperiod", re.compile(r"\b(?P<relperiod>last|this|next)\s+(?P<unit>month|year)\b", re.I)),
    # "two weeks ago", "several days ago", "a month ago": back from the article's date.
    ("ago", re.compile(r"\b(?P<count>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few|few|a\s+couple\s+of)\s+"
                       r"(?P<agounit>days?|weeks?|months?|years?)\s+ago\b", re.I)),
]

_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2}
# "several", "a few": a span of counts, dated at the precision that holds it.
_VAGUE_COUNTS = {"several": (2, 7), "a few": (2, 5), "few": (2, 5)}


# "talks will resume on Tuesday": the coming Tuesday, not the last one.
_FUTURE_WORDS = r"\b(?:will|shall|is to|are to|set to|scheduled|due to|plans? to|expected to)\b"
_FUTURE_BEFORE = re.compile(_FUTURE_WORDS + r"[^.;]*$", re.I)
# "said they would resume on Saturday": the future of reported speech, when "would" governs the
# date's own verb (not "which would … , met on Tuesday").
_WOULD_RIGHT_BEFORE = re.compile(r"\bwould\s+(?:\w+\s+){1,3}$", re.I)
# The same, in the date's own clause (no comma between): "the treaty, which will expire in February,
# was signed on April 8" does not look ahead.
_FUTURE_IN_CLAUSE = re.compile(_FUTURE_WORDS + r"[^.;,]{0,60}$", re.I)


# A verb in the past between the future word and the date: "talks are expected to resume after Peru
# submitted a plan on Monday" dates the submission, which was last Monday.
# ("will be held on …" is a participle, not a past).
_PAST_VERB = re.compile(r"(?<!\bbe )(?<!\bbeen )\b(?:\w+ed|said|met|held|sent|gave|took|made|told|wrote|began|came|went|saw|brought)\b", re.I)


_FUTURE_WORD = re.compile(_FUTURE_WORDS, re.I)


def _looks_ahead(before: str, pattern: re.Pattern = _FUTURE_BEFORE) -> bool:
    """Whether the words before a date look forward to it ("talks will resume on Tuesday")."""
    future = pattern.search(before)
    if future is None:
        return False
    last = list(_FUTURE_WORD.finditer(before, future.start()))[-1]
    return not _PAST_VERB.search(before[last.end():])


# A verb right before a bare weekday: "said Wednesday", "announced Friday", "held Tuesday".
_VERB_BEFORE = re.compile(r"\b(?:\w+ed|said|says|say|met|meet|held|hold|told|tells|spoke|wrote|began|took|left|came|arrive[sd]?|begin|began|end|ends)(?:\s+(?:talks|consultations|negotiations|reporters|journalists))?\s*$"
                          # or the act's noun: "held their historic summit Tuesday", "signed a peace agreement Friday"
                          # (the noun with its article: a headline's "Iran nuclear talks Monday" dates nothing)
                          r"|\b(?:the|their|a|an|his|her|its)\s+(?:[\w-]+\s+){0,3}?(?:summit|talks|meeting|meetings|call|conversation|negotiations|consultations|agreement|deal|accord|statement|session)\s*$", re.I)


# The wire's verb, its object, then the bare weekday: "hosted the leader of Belarus Friday for talks".
_VERB_AND_OBJECT_BEFORE = re.compile(r"\b(?:\w+ed|met|held|told|spoke|began|took|left|came)\s+(?:the\s+|a\s+|his\s+|her\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,4}[\w'’-]+\s*$", re.I)
_WEEKDAY_CLOSES = re.compile(r"\s*(?:[,.;]|(?:for|in|at|with|after|before|to|and|amid|over|during)\b)")


@dataclass(frozen=True)
class DateMention:
    begin: int
    end: int
    text: str
    date: PartialDate | None  # None: a time expression that does not pin a date ("next week")
    explicit_year: bool


def _resolve_year(month: int, day: int | None, ref: dt.date | None, anchor: dt.date | None) -> int | None:
    """The year of a month(-day) written without one. With the article's date: the one nearest it
    and not more than a month after it (news reports what happened, or is about to). Without it: the
    first on or after ``anchor``, the latest date the article has named so far (narratives move on)."""
    if ref is not None:
        for year in (ref.year, ref.year - 1):
            try:
                candidate = dt.date(year, month, day or 1)
            except ValueError:
                continue
            if candidate <= ref + dt.timedelta(days=31):
                return year
        return ref.year - 1
    if anchor is not None:
        return anchor.year if (month, day or 1) >= (anchor.month, anchor.day if day else 1) else anchor.year + 1
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, ref: dt.date | None = None, anchor: dt.date | None = None) -> list[DateMention]:
    """Date expressions in ``text`` resolved against ``ref`` (the article's date, if known) or, for
    the year only, ``anchor`` (the latest date the article has named so far)."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            begin, end = m.span()
            if any(b < end and begin < e for b, e in taken):
                continue
            mention = _interpret(kind, m, ref, anchor)
            if mention is None:
                continue
            taken.append((begin, end))
            found.append(DateMention(begin, end, m.group(0).strip(" .,"), mention[0], mention[1]))
    found.sort(key=lambda d: d.begin)
    return found


def _interpret(kind: str, m: re.Match, ref: dt.date | None, anchor: dt.date | None):
    g = m.groupdict()
    if kind == "iso":
        return PartialDate(g["iso"], m.group(0)), True
    if kind in ("mdy", "dmy"):
        month, day = MONTHS[g["month"].lower().rstrip(".")], int(g["day"])
        if not 1 <= day <= 31:
            return None
        text = m.group(0).strip()
        if g.get("year"):
            d = _safe_date(int(g["year"]), month, day)
            other = _safe_date(int(g["year"]), month, int(g["day2"])) if d and g.get("day2") else None
            if other is not None:
                return covering_date(min(d, other), max(d, other), text), True
            return (PartialDate(d.isoformat(), text), True) if d else None
        if ref is None and g.get("weekday"):
            year = weekday_year(month, day, WEEKDAYS[g["weekday"].lower()], anchor.year if anchor else None)
        elif ref is not None and _looks_ahead(m.string[max(0, m.start() - 80):m.start()], _FUTURE_IN_CLAUSE):
            # "consultations will take place on February 27", written in March: next February.
            year = ref.year if (month, day) >= (ref.month, ref.day) else ref.year + 1
        else:
            year = _resolve_year(month, day, ref, anchor)
        d = _safe_date(year, month, day) if year else None
        other = _safe_date(year, month, int(g["day2"])) if d and g.get("day2") else None
        if other is not None:
            return covering_date(min(d, other), max(d, other), text), False
        return (PartialDate(d.isoformat(), text) if d else None), False
    if kind == "month":
        word = g["month"].lower().rstrip(".")
        if word == "may" and not (g.get("prep") or g.get("year")):
            return None  # the modal verb, most likely
        if m.group(0)[0].islower() and not g.get("prep") and not g.get("year") and not re.match(r"(?i)(?:early|mid|late|the\s+(?:end|beginning|middle)\s+of)", m.group(0)):
            return None
        month = MONTHS[word]
        prep = (g.get("prep") or "").lower()
        if g.get("year"):
            return PartialDate(f"{int(g['year']):04d}-{month:02d}", m.group(0).strip()), True
        if prep in ("last", "this", "next") and ref is not None:
            year = ref.year if (prep == "this" or (prep == "last" and month < ref.month) or (prep == "next" and month > ref.month)) else ref.year + (1 if prep == "next" else -1)
        else:
            year = _resolve_year(month, None, ref, anchor)
        return (PartialDate(f"{year:04d}-{month:02d}", m.group(0).strip()) if year else None), False
    if kind == "years":
        return None, True
    if kind == "year":
        return PartialDate(g["year"], m.group(0).strip()), True
    if kind == "weekday":
        rel = (g.get("rel") or "").lower().split()[-1:] or [""]
        if rel[0] in ("late", "early", "in") or (not rel[0] and g.get("part")) or (not rel[0] and _VERB_BEFORE.search(m.string[:m.start()])) or (
                not rel[0] and _VERB_AND_OBJECT_BEFORE.search(m.string[max(0, m.start() - 80):m.start()]) and _WEEKDAY_CLOSES.match(m.string[m.end():])):
            rel = ["on"]  # "said Wednesday", "held Tuesday in Geneva": the wire's bare weekday after its verb
        if not rel[0]:
            return None
        if ref is None:
            return None, False
        before = m.string[max(0, m.start() - 80):m.start()]
        ahead = rel[0] == "next" or (rel[0] == "on" and (_looks_ahead(before) or _WOULD_RIGHT_BEFORE.search(before) is not None))
        days = [_weekday_near(ref, WEEKDAYS[w.lower()], ahead, rel[0] == "last") for w in (g["weekday"], g.get("weekday2")) if w]
        # Two weekdays ("on Wednesday and Thursday") are one span: the precision that holds both.
        span = covering_date(min(days), max(days), m.group(0).strip())
        return span, False
    if kind == "relday":
        if ref is None:
            return None, False
        word = g["relday"].lower()
        shift = -1 if word == "yesterday" else 1 if word == "tomorrow" else 0
        return PartialDate((ref + dt.timedelta(days=shift)).isoformat(), m.group(0)), False
    if kind == "relweek":
        if ref is None:
            return None, False
        first, last = _last_week_span(g["relweek"].lower(), ref)
        return covering_date(first, last, m.group(0)), False
    if kind == "relperiod":
        if ref is None:
            return None, False
        step = {"last": -1, "this": 0, "next": 1}[g["relperiod"].lower()]
        if g["unit"].lower() == "year":
            return PartialDate(f"{ref.year + step:04d}", m.group(0)), False
        month0 = ref.year * 12 + ref.month - 1 + step
        return PartialDate(f"{month0 // 12:04d}-{month0 % 12 + 1:02d}", m.group(0)), False
    if kind == "ago":
        if ref is None:
            return None, False
        return _ago(ref, " ".join(g["count"].lower().split()), g["agounit"].lower().rstrip("s"), m.group(0)), False
    return None


def _ago(ref: dt.date, count: str, unit: str, text: str) -> PartialDate | None:
    """ "two weeks ago" → the days that week covers, "several days ago" → the days 2–7 back, at the
    precision that holds them all; months and years at their own precision."""
    low, high = _VAGUE_COUNTS.get(count) or ((int(count),) * 2 if count.isdigit() else (_COUNTS[count],) * 2)
    if unit == "day":
        return covering_date(ref - dt.timedelta(days=high), ref - dt.timedelta(days=low), text)
    if unit == "week":  # a week back is a day within three of that
        return covering_date(ref - dt.timedelta(days=high * 7 + 3), ref - dt.timedelta(days=low * 7 - 3), text)
    if unit == "month":
        firsts = [(ref.year * 12 + ref.month - 1 - n) for n in (high, low)]
        if firsts[0] != firsts[1]:
            years = {f // 12 for f in firsts}
            return PartialDate(f"{years.pop():04d}", text) if len(years) == 1 else None
        return PartialDate(f"{firsts[0] // 12:04d}-{firsts[0] % 12 + 1:02d}", text)
    if low != high:
        return None
    return PartialDate(f"{ref.year - low:04d}", text)


def _weekday_near(ref: dt.date, weekday: int, ahead: bool, last: bool) -> dt.date:
    """The day a weekday names: the coming one if the text looks ahead, else the one on or before
    ``ref`` ("last Thursday" written on a Thursday: a week before)."""
    if ahead:
        # "will meet on Wednesday" in Wednesday's paper is that day, later on
        return ref + dt.timedelta(days=(weekday - ref.weekday()) % 7)
    delta = (ref.weekday() - weekday) % 7
    if last and delta == 0:
        delta = 7
    return ref - dt.timedelta(days=delta)


def _last_week_span(words: str, ref: dt.date) -> tuple[dt.date, dt.date]:
    """The days "last week" (Monday to Sunday before ``ref``'s week), "the past week" (the seven days
    up to ``ref``) or "the weekend" (the Saturday and Sunday on or before ``ref``) cover."""
    if words.startswith("past") and not words.endswith("weekend"):
        return ref - dt.timedelta(days=6), ref
    if words.endswith("weekend"):
        saturday = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)
        return saturday, saturday + dt.timedelta(days=1)
    monday = ref - dt.timedelta(days=ref.weekday() + 7)
    return monday, monday + dt.timedelta(days=6)


def covering_date(first: dt.date, last: dt.date, text: str) -> PartialDate | None:
    """The most precise date that holds every day from ``first`` to ``last`` and claims no more:
    "last week" is not one day, but often one month, and always a year or two."""
    if first == last:
        return PartialDate(first.isoformat(), text)
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(f"{first.year:04d}-{first.month:02d}", text)
    if first.year == last.year:
        return PartialDate(f"{first.year:04d}", text)
    return None


def weekday_year(month: int, day: int, weekday: int, anchor_year: int | None, latest: int | None = None) -> int | None:
    """The year in which ``month``/``day`` falls on ``weekday``: the first from ``anchor_year`` on
    (the latest year the article names: it is no older than what it tells — "the alliance's 1997
    posture" in a 2022 story), within six years of it; else (the years named are history, or none
    is) the latest up to ``latest`` (default: this year). Weekdays
    repeat every 5–11 years, so an article that names both pins its year well within a news
    archive's span."""
    latest = latest or dt.date.today().year
    years = [y for y in range(latest, 1990, -1) if (_safe_date(y, month, day) or dt.date(1, 1, 1)).weekday() == weekday]
    if not years:
        return None
    if anchor_year is not None:
        # Years just after the anchor: a story names the year it is in or the one before. Further on,
        # the anchor is history ("the positions of 1997", "signed on May 27, 1997") and says nothing
        # of the year but that the story is later.
        later = [y for y in years if anchor_year <= y <= anchor_year + 2]
        if later:
            return min(later)
        if any(y > anchor_year for y in years):
            return years[0]  # the years named are history ("the positions of 1997"): the latest that fits
        return min(years, key=lambda y: (abs(y - anchor_year), -y))
    return years[0]


def first_day(partial: PartialDate) -> dt.date:
    """The first day a partial date covers (for ordering and anchoring)."""
    parts = [int(p) for p in partial.iso.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def to_date(partial: PartialDate | None) -> dt.date | None:
    if partial is None or partial.precision != "day":
        return None
    return dt.date.fromisoformat(partial.iso)
