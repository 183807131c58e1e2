"""Property-based tests (hypothesis): date resolver, dateline parser, parameter binding."""

from __future__ import annotations

import calendar
import datetime as dt

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stancegraph import queries
from stancegraph.loaders.dateline import parse_dateline
from stancegraph.loaders.dates import find_dates

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))
MONTH_NAMES = [calendar.month_name[i] for i in range(1, 13)]


# -- dates -------------------------------------------------------------------------------------------
@SETTINGS
@given(dates, st.sampled_from(["mdy", "dmy"]), st.sampled_from(["", "On ", "The talks ended on ", "By "]))
def test_full_dates_resolve_to_themselves(day, style, lead):
    words = f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}" if style == "mdy" else f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    found = [m for m in find_dates(f"{lead}{words}.") if m.date is not None]
    assert [m.date.iso for m in found] == [day.isoformat()], (words, found)
    assert found[0].date.precision == "day"


@SETTINGS
@given(dates, st.sampled_from(list(calendar.day_name)))
def test_on_weekday_is_within_the_last_week(ref, weekday):
    found = [m for m in find_dates(f"The minister said on {weekday} that talks had stalled.", ref=ref) if m.date]
    assert len(found) == 1
    got = dt.date.fromisoformat(found[0].date.iso)
    assert ref - dt.timedelta(days=7) < got <= ref
    assert calendar.day_name[got.weekday()] == weekday


@SETTINGS
@given(
    st.sampled_from(MONTH_NAMES + [m[:3] for m in MONTH_NAMES]),
    st.sampled_from(["in ", "since ", "by ", "early ", "late ", "until ", ""]),
    st.one_of(st.none(), dates),
    st.one_of(st.none(), st.integers(1990, 2035)),
)
def test_month_mentions_never_give_invalid_dates(month, prep, ref, year):
    text = f"Officials said talks would resume {prep}{month}{' ' + str(year) if year else ''}."
    for m in find_dates(text, ref=ref):
        if m.date is None:
            continue
        parts = [int(p) for p in m.date.iso.split("-")]
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)  # raises if invalid
        assert 1 <= parts[1] <= 12 if len(parts) > 1 else True


@SETTINGS
@given(st.text(max_size=200), st.one_of(st.none(), dates))
def test_find_dates_never_raises(text, ref):
    for m in find_dates(text, ref=ref):
        assert 0 <= m.begin <= m.end <= len(text)


# -- datelines ---------------------------------------------------------------------------------------
cities = st.lists(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=10), min_size=1, max_size=2).map(" ".join)
outlets = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", min_size=2, max_size=12)


@SETTINGS
@given(cities, dates, outlets)
def test_dateline_round_trips(city, day, outlet):
    line = f"{city}, {MONTH_NAMES[day.month - 1]} {day.day}. /{outlet}/. The ministry said on Tuesday that talks would go on."
    parsed = parse_dateline(line)
    assert parsed is not None, line
    assert (parsed.month, parsed.day, parsed.outlet) == (day.month, day.day, outlet)
    assert parsed.place == city.title()
    assert line[parsed.end:].startswith("The ministry")


@SETTINGS
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=120))
def test_dateline_never_raises(line):
    parsed = parse_dateline(line)
    if parsed is not None:
        assert parsed.month is not None or parsed.outlet is not None
        assert 0 < parsed.end <= len(line)


@SETTINGS
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.'", min_size=1, max_size=120))
def test_lower_case_prose_has_no_dateline(line):
    assert parse_dateline(line) is None


# -- parameter binding --------------------------------------------------------------------------------
LABELS = ["Russia", 'say "no"', "a } b", "SELECT * WHERE", "x' . ?s ?p ?o #", "ünïcode ✓", "back\\slash", "line\nbreak", ""]
STORE = ox.Store()
for i, label in enumerate(LABELS):
    STORE.add(ox.Quad(ox.NamedNode(f"http://example.org/t{i}"), ox.NamedNode("http://example.org/label"), ox.Literal(label)))
QUERY = queries.StoredQuery(
    "t", None,  # type: ignore[arg-type]
    "#+ summary: test\nSELECT ?x WHERE {\n  ?x <http://example.org/label> ?_label\n}\n",
)


@SETTINGS
@given(st.one_of(st.sampled_from(LABELS), st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40)))
def test_any_literal_parameter_matches_python_filtering(value):
    bindings = queries.bind(QUERY, {"label": value})
    sparql = queries.with_bindings(QUERY.text, bindings)
    rows = {row["x"].value for row in STORE.query(sparql)}
    expected = {q.subject.value for q in STORE.quads_for_pattern(None, None, None) if q.object.value == value}
    assert rows == expected
