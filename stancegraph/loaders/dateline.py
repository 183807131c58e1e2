"""The dateline of a wire story: ``MOSCOW, January 27. /TASS/.`` or ``VIENNA, Dec 27 (Reuters) -``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MONTHS

_DATE = (
    r"(?P<date>(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})\s+(?P<month2>[A-Z][a-z]{2,8}))"
    r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
)
_OUTLET = r"(?:/(?P<outlet1>[A-Za-z][A-Za-z\-. ]{1,29})/\.?|\((?P<outlet2>[A-Za-z][A-Za-z\-. ]{1,29})\))"
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){0,3})(?:,\s*(?P<region>[A-Z][a-z]+\.?)(?=,))?"
    rf"(?:,\s*{_DATE}\.?)?\s*(?:{_OUTLET})?\s*[-—–:]*\s*"
)


@dataclass(frozen=True)
class Dateline:
    text: str
    place: str  # as written, title-cased ("Moscow")
    month: int | None
    day: int | None
    year: int | None
    outlet: str | None
    end: int  # where the dateline ends in the line


def parse_dateline(line: str) -> Dateline | None:
    """The dateline at the start of ``line``, if it has one (a place in capitals plus a date or outlet)."""
    m = _DATELINE.match(line)
    if not m:
        return None
    month_word = m.group("month") or m.group("month2")
    month = MONTHS.get(month_word.lower()) if month_word else None
    outlet = (m.group("outlet1") or m.group("outlet2") or "").strip() or None
    if month_word and month is None:
        return None
    if month is None and outlet is None:
        return None  # capitals alone are a shouted headline, not a dateline
    place = m.group("place").strip()
    if len(place) < 3 or not place.replace(" ", "").replace(".", "").replace("-", "").replace("'", "").isupper():
        return None
    day = int(m.group("day") or m.group("day2")) if month else None
    year = int(m.group("year")) if m.group("year") else None
    return Dateline(m.group(0).strip(), place.title(), month, day, year, outlet, m.end())
