"""The article itself: its date (sidecar, dateline, a dated lead), dateline and outlet, and what its
dateline tells of the text (the lead starts after it; an unqualified ministry is the dateline
country's).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..facts import ArticleInfo, PartialDate, Place
from ..iri import place_iri
from .actors import ActorMention, _ref
from .dateline import parse_dateline
from .dates import MONTHS, WEEKDAYS, _safe_date, find_dates, first_day, weekday_year
from .gazetteer import Gazetteer
from .lexicon import lexicon, trie_regex
from .reader import RawArticle
from .segment import Sentence

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
    from_url = url_date(meta.get("url"))
    for line in lines[1:8]:
        dl = parse_dateline(line)
        if dl is None:
            continue
        dateline_text = dl.text
        outlet = outlet or dl.outlet
        iri = gaz.places.get(dl.place)
        dateline_place = Place(iri, gaz.entry(iri).label) if iri else Place(place_iri(dl.place), dl.place, known=False)
        if published is None and dl.month and dl.day:
            # The year written, or read off the address, is given; one from the latest date the text
            # names is inferred ("MOSCOW, January 27" after "December 17, 2021").
            given = dl.year or _year_before(dl.month, dl.day, from_url)
            year = given or _year_after(dl.month, dl.day, latest)
            told_on = _weekday_of_telling(line[len(dl.text):] if line.startswith(dl.text) else line)
            that_day = _safe_date(year, dl.month, dl.day) if year else None
            if year and not given and told_on is not None and (that_day is None or that_day.weekday() != told_on):
                # "MOSCOW, January 27. … said on Thursday" after "May 27, 1997": not 1998, when the
                # 27th was a Tuesday — the weekday decides, the latest date only bounds it.
                year = None
            if year:
                try:
                    published = PartialDate(dt.date(year, dl.month, dl.day).isoformat(), dl.text)
                    source = "dateline" if given else YEAR_FROM_TEXT
                except ValueError:
                    pass
            elif told_on is not None:
                year = _year_of_weekday(dl.month, dl.day, told_on, raw.text)
                if year:
                    # The day is the dateline's, only its year inferred: it dates the day's news.
                    published, source = PartialDate(dt.date(year, dl.month, dl.day).isoformat(), dl.text), YEAR_FROM_WEEKDAY
        break
    if published is None and from_url is not None:
        # "…/2024/08/09/sudan-to-send-team…": news sites put the day of publication in the address.
        published, source = PartialDate(from_url.isoformat(), meta["url"]), "url"
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
    cut = len(s.text) - len(s.text[len(dateline):].lstrip(" -—–:"))
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
        and not _HISTORY.search(text[max(0, d.begin - 80):d.begin])
    ]
    return max(days) if days else None


_HISTORY = re.compile(rf"(?i)\b(?:{trie_regex(lexicon('events')['dates']['history_cues'])})\b[^.;]*$")


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|\d{6,}|$)")


def url_date(url: str | None) -> dt.date | None:
    """The date in an article's address ("/2024/08/09/…", "/20230614/…"), or None."""
    m = _URL_DATE.search(url or "")
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _year_before(month: int, day: int, url_day: dt.date | None) -> int | None:
    """The year of a dateline's month and day, from the day the article's address gives (a copy is
    posted on or after the story's day): the latest such date not after it."""
    if url_day is None:
        return None
    return url_day.year if (month, day) <= (url_day.month, url_day.day) else url_day.year - 1


def _year_after(month: int, day: int, latest: dt.date | None) -> int | None:
    """A dateline gives month and day only: the article is no older than the latest date it names."""
    if latest is None:
        return None
    return latest.year if (month, day) >= (latest.month, latest.day) else latest.year + 1


YEAR_FROM_WEEKDAY = "dateline+weekday"  # published_source: dateline day, year from the lead's weekday
YEAR_FROM_TEXT = "dateline+latest"  # published_source: dateline day, year from the latest date the text names


_LOOKS_AHEAD = re.compile(r"(?i)\b(?:will|shall|is to|are to|to be|set to|scheduled|due|expected|plans?\s+to|next)\b[^.;,]*$")


# The verbs of telling are the event step's (lexicon/events.toml, [dates] report_verbs).
_REPORTED_ON = re.compile(rf"(?i)\b(?:{trie_regex(lexicon('events')['dates']['report_verbs'])})\s+(?:(?!that\b)[\w’']+\s+){{0,3}}$")


def _weekday_of_telling(lead: str) -> int | None:
    """The lead's weekday of the day the story was told ("…, the envoy told reporters on Thursday"),
    which beats the day of what it tells ("the consultations held in Geneva on Wednesday"); else its
    first weekday not looked forward to ("talks will resume on Friday" says nothing of the filing day)."""
    days = [m for m in re.finditer(r"\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", lead)
            if not _LOOKS_AHEAD.search(lead[max(0, m.start() - 60):m.start()])]
    m = next((m for m in days if _REPORTED_ON.search(lead[:m.start()])), days[0] if days else None)
    return WEEKDAYS[m.group(1).lower()] if m else None


def _year_of_weekday(month: int, day: int, weekday: int, text: str) -> int | None:
    """ "MOSCOW, January 27. /TASS/. … Peskov said on Wednesday": wire stories file the day they
    report, so the lead's weekday is the dateline's day, which pins its year (the one nearest the
    latest year the article names; marked as inferred)."""
    named = [(int(y.group(0)), y.start()) for y in re.finditer(r"\b(?:19|20)\d{2}\b", text)]
    years = [y for y, at in named if not _FORWARD.search(text[max(0, at - 60):at])]
    if not years:
        # Only years ahead ("extended until February 5, 2026"): the story is older than they are.
        # No year at all: the latest year, up to this one, when the day fell on that weekday — as a
        # reader of the day's news takes it, and as the seeds' gold reads "On Friday, January 21".
        # (A reader of an archive may know better: the weekday fits a year every 5–11 years.)
        return weekday_year(month, day, weekday, None, max(y for y, _ in named) if named else None)
    return weekday_year(month, day, weekday, max(years))


def _dated_lead(sentences: list[Sentence], latest: dt.date | None) -> tuple[PartialDate | None, str | None]:
    """An article with no dateline often dates its lead: "On Friday, January 21, The Washington Post
    reports …". A weekday with the date pins the year; the result is marked as inferred."""
    for s in sentences[:3]:
        m = re.search(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})\b(?!,?\s+\d{4})", s.text)
        if m:
            month, day = MONTHS[m.group(2).lower()], int(m.group(3))
            year = weekday_year(month, day, WEEKDAYS[m.group(1).lower()], latest.year if latest else None)
            if year:
                return PartialDate(dt.date(year, month, day).isoformat(), m.group(0)), "text"
    return None, None
