"""The extraction steps, one behaviour per test, on sentences written for the test (not seed text)."""

from __future__ import annotations

import datetime as dt

import pytest

from stancegraph.errors import UserError
from stancegraph.loaders import acts
from stancegraph.loaders.actors import ActorFinder, normalise_person_name
from stancegraph.loaders.dateline import parse_dateline
from stancegraph.loaders.dates import find_dates, weekday_year
from stancegraph.loaders.gazetteer import default_gazetteer
from stancegraph.loaders.pipeline import extract_raw
from stancegraph.loaders.reader import read_article
from stancegraph.loaders.segment import split_sentences

REF = dt.date(2023, 3, 15)  # a Wednesday


def dates_in(text, ref=REF, anchor=None):
    return [(d.text, d.date.iso if d.date else None) for d in find_dates(text, ref, anchor)]


# -- dates ---------------------------------------------------------------------------------------------
def test_full_date_keeps_day_precision():
    assert dates_in("The talks opened on March 2, 2021 in Vienna.") == [("March 2, 2021", "2021-03-02")]


def test_day_month_year_order_is_read():
    assert dates_in("signed on 4 July 2022") == [("4 July 2022", "2022-07-04")]


def test_month_day_without_year_takes_the_year_that_does_not_lie_in_the_future():
    # Written on 2023-03-15, "December 20" is last December.
    assert dates_in("On December 20, the envoy arrived.") == [("December 20", "2022-12-20")]
    assert dates_in("On March 1, the envoy arrived.") == [("March 1", "2023-03-01")]


def test_weekday_resolves_to_the_last_such_day_up_to_the_article_date():
    assert dates_in("the minister said on Monday") == [("on Monday", "2023-03-13")]
    assert dates_in("the minister said on Wednesday") == [("on Wednesday", "2023-03-15")]


def test_weekday_after_will_looks_ahead():
    assert dates_in("talks will resume on Friday") == [("on Friday", "2023-03-17")]


def test_month_alone_gives_month_precision():
    assert dates_in("in early February the sides met") == [("in early February", "2023-02")]


def test_without_article_date_a_month_follows_the_last_named_date():
    assert dates_in("in April they met again", ref=None, anchor=dt.date(2021, 12, 1)) == [("in April", "2022-04")]


def test_next_week_gives_no_date_and_several_days_ago_the_precision_that_holds_them():
    # ref 2023-03-15: "several days ago" is 2 to 7 days back, March 8–13, so March; "next week" pins no day
    assert dates_in("they announced it several days ago and will meet next week") == [("several days ago", "2023-03")]


def test_may_the_verb_is_not_a_month():
    assert dates_in("Iran may return to the table") == []


def test_month_name_inside_a_name_is_not_a_date():
    assert dates_in("as envoy Julianne Smith said") == []


def test_weekday_and_date_pin_the_year():
    assert weekday_year(1, 21, 4, None, latest=2024) == 2022  # Friday, January 21


# -- dateline ------------------------------------------------------------------------------------------
def test_wire_dateline_gives_place_date_and_outlet():
    dl = parse_dateline("ANKARA, October 3. /TASS/. The minister said")
    assert (dl.place, dl.month, dl.day, dl.outlet) == ("Ankara", 10, 3, "TASS")


def test_reuters_style_dateline():
    dl = parse_dateline("SEOUL, Nov 9 (Reuters) - North Korea fired")
    assert (dl.place, dl.month, dl.day, dl.outlet) == ("Seoul", 11, 9, "Reuters")


def test_prose_line_is_not_a_dateline():
    assert parse_dateline("NATO allies met in Brussels on Monday.") is None


# -- sentences -----------------------------------------------------------------------------------------
def test_sentences_keep_offsets_into_the_text():
    text = "Headline here\nThe U.S. envoy arrived. He said talks went well."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["Headline here", "The U.S. envoy arrived.", "He said talks went well."]
    assert all(text[s.begin : s.end] == s.text for s in sentences)


# -- actors --------------------------------------------------------------------------------------------
def find(text):
    finder = ActorFinder(default_gazetteer())
    return finder, finder.find(text, 0)


def test_title_and_name_make_an_unknown_person_who_speaks_for_the_state_in_the_title():
    _, ms = find("Paraguayan Deputy Foreign Minister Ana Lucia Benitez said the talks would go on.")
    person = next(m.ref for m in ms if m.how == "person")
    assert person.label == "Ana Lucia Benitez" and not person.known
    assert person.represents.endswith("/paraguay")
    assert person.post_label == "Deputy Foreign Minister"


def test_ambassador_to_a_country_speaks_for_the_sending_state():
    _, ms = find("Chilean Ambassador to Peru Tomas Olivares Soto said")
    person = next(m.ref for m in ms if m.how == "person")
    assert person.represents.endswith("/chile")


def test_capital_as_actor_and_as_place():
    _, ms = find("Moscow rejected the plan at the talks in Moscow.")
    hows = [(m.surface, m.how) for m in ms if m.surface == "Moscow"]
    assert hows == [("Moscow", "metonym"), ("Moscow", "place")]


def test_transliterations_fold_to_one_person():
    assert normalise_person_name("Sergei Ryabkov") == normalise_person_name("Sergey Ryabkov")
    assert normalise_person_name("Yevgeny Ivanov") == normalise_person_name("Evgeny Ivanov")


def test_surname_refers_back_to_the_person_named_earlier():
    finder, _ = find("Uruguayan Foreign Minister Mateo Quintana Ruiz arrived.")
    later = finder.find("Ruiz said the deal was close.", 100)
    assert any(m.how == "surname" and m.ref.label == "Mateo Quintana Ruiz" for m in later)


# -- acts ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, polarity",
    [
        ("We are ready to resume talks if the other side is ready too", "conditional"),
        ("We are rather uncertain that a compromise is possible", "uncertain"),
        ("The alliance is ready to listen but is not ready for compromises", "opposes"),
        ("We welcome the proposal and are prepared to work on it", "supports"),
        ("The delegation will arrive in the evening", "neutral"),
    ],
)
def test_stance_of_a_statement(text, polarity):
    assert acts.classify_stance(text).polarity == polarity


def test_condition_is_kept_with_a_conditional_stance():
    stance = acts.classify_stance("Progress depends on Washington's readiness to give a realistic answer")
    assert stance.polarity == "conditional" and stance.condition.startswith("Washington's readiness")


def test_waiting_for_counter_proposals_is_not_a_counter_proposal():
    assert acts.response_kind("Moscow is waiting for feedback and counter-proposals") is None
    assert acts.response_kind("Kyiv tabled counter-proposals on Tuesday") == "counter-proposal"


# -- the pipeline on a small article of our own -------------------------------------------------------
ARTICLE = """Ankara hosts new round of grain talks
ANKARA, July 12, 2023 (Reuters) - Delegations of Russia and Ukraine met in Istanbul on Tuesday, the Turkish Foreign Ministry said.
"We are ready to extend the deal if our exports are unblocked," Russian Deputy Foreign Minister Sergey Vershinin told reporters.
UN Secretary-General Antonio Guterres urged both sides to keep the corridor open.
"""


def test_pipeline_reads_speaker_stance_date_and_meeting(tmp_path):
    path = tmp_path / "grain.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    facts = extract_raw(read_article(path))
    assert facts.article.published.iso == "2023-07-12" and facts.article.outlet == "Reuters"
    said = [s for s in facts.statements if s.speaker and s.speaker.label == "Sergey Vershinin"]
    assert said and said[0].stance == "conditional" and said[0].on_behalf_of.label == "Russia"
    assert said[0].date.iso == "2023-07-12"
    quote = ARTICLE.index("We are ready")
    assert said[0].evidence.begin == quote and ARTICLE[said[0].evidence.begin : said[0].evidence.end] == said[0].evidence.quote
    meeting = [e for e in facts.events if e.kind == "meeting"]
    assert meeting and meeting[0].date.iso == "2023-07-11" and meeting[0].place.label == "Istanbul"
    assert {p.label for p in meeting[0].participants} >= {"Russia", "Ukraine"}


# -- the reader ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty article"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "looks like HTML"),
        ("caf\xe9 au lait".encode("latin-1"), "not UTF-8"),
    ],
)
def test_reader_refuses_what_is_not_an_article(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message) as info:
        read_article(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_names_listed_after_a_plural_title_pair_with_the_states_in_order():
    finder = ActorFinder(default_gazetteer())
    finder.find("Headline words here.", 0)
    ms = finder.find("The Defence Ministers of Chile and Peru, Ana Torres Vidal and Luis Quispe Mamani, met in Lima.", 21)
    people = [(m.ref.label, m.ref.represents.rsplit("/", 1)[-1]) for m in ms if m.how == "person"]
    assert people == [("Ana Torres Vidal", "chile"), ("Luis Quispe Mamani", "peru")]
    later = finder.find("Vidal and Mamani agreed to meet again.", 200)
    assert [m.ref.label for m in later if m.how == "surname"] == ["Ana Torres Vidal", "Luis Quispe Mamani"]


EVENTS_ARTICLE = """Leaders talk by phone
PARIS, May 4, 2023 (AFP) - On Wednesday, the presidents of Chile and Peru held a phone conversation on the border dispute.
Peru attacked Chilean positions on March 2, 2023, the ministry said.
On Tuesday, Chile submitted to parliament a bill extending the accord until June 1, 2031.
"""


def test_events_phone_calls_attacks_and_forward_dates(tmp_path):
    path = tmp_path / "events.txt"
    path.write_text(EVENTS_ARTICLE, encoding="utf-8")
    events = extract_raw(read_article(path)).events
    kinds = {(e.kind, e.date.iso if e.date else None) for e in events}
    assert ("meeting", "2023-05-03") in kinds  # "On Wednesday" before the Thursday dateline
    assert ("military-operation", "2023-03-02") in kinds
    assert all(not (e.date and e.date.iso.startswith("2031")) for e in events)  # "until June 1, 2031" dates nothing


def test_a_request_in_reported_text_is_a_demand_by_its_subject(tmp_path):
    path = tmp_path / "request.txt"
    path.write_text("Envoys meet\nVIENNA, May 4, 2023 (AFP) - Moscow urged Washington to withdraw "
                    "US nuclear weapons from Europe, the report said.\n", encoding="utf-8")
    acts_by_key: dict = {}
    for d in (s for s in extract_raw(read_article(path)).statements if s.kind == "demand"):
        # one act may be read twice (speech frame and request clause): one key, one node in the graph
        by, addressees, topics = acts_by_key.setdefault(d.key, (d.on_behalf_of.label, set(), d.topics))
        addressees.update(a.label for a in d.addressees)
    assert list(acts_by_key.values()) == [("Russia", {"United States"}, ("us-nuclear-weapons-out-of-europe",))]


def test_a_trie_regex_matches_exactly_its_words_longest_first():
    import re

    from stancegraph.loaders.lexicon import trie_regex

    pattern = re.compile(rf"(?<!\w)(?:{trie_regex(['point', 'pointed', 'pointed out', 'US', 'U.S.'])})(?!\w)")
    assert [m.group(0) for m in pattern.finditer("he pointed out, pointed, point; U.S. and US but not USA")] == [
        "pointed out", "pointed", "point", "U.S.", "US"]
    assert re.fullmatch(trie_regex([]), "") is None  # nothing matches an empty list


@pytest.mark.parametrize("text, iso", [
    ("Chile, which will host the talks, submitted its proposal on Monday.", "2023-03-13"),
    ("Talks are expected to resume after Peru submitted a plan on Monday.", "2023-03-13"),
    ("The parties are expected to meet in Geneva on Monday.", "2023-03-20"),
    ("Consultations will be held on February 27.", "2024-02-27"),
])
def test_a_future_word_looks_ahead_only_up_to_a_past_verb(text, iso):
    # Written on Wednesday 2023-03-15.
    assert [d for _, d in dates_in(text)] == [iso]


# -- bare weekdays and spans of days ---------------------------------------------------------------------
def test_a_bare_weekday_after_a_verb_is_read_as_on_that_day():
    ref = dt.date(2023, 5, 4)  # a Thursday
    assert dates_in("the envoy said Wednesday that talks would go on", ref) == [("Wednesday", "2023-05-03")]
    assert dates_in("The two sides held talks Thursday in Doha.", ref) == [("Thursday", "2023-05-04")]


def test_a_headlines_bare_weekday_with_no_verb_before_it_is_no_date():
    assert dates_in("Iran nuclear talks Monday", dt.date(2023, 5, 4)) == []


@pytest.mark.parametrize("text", ["The ministers met September 4-5 in Baku.", "The ministers met 4–5 September in Baku."])
def test_a_span_of_days_within_one_month_has_month_precision(text):
    assert [iso for _, iso in dates_in(text, dt.date(2023, 9, 20))] == ["2023-09"]


# -- the article's own date ------------------------------------------------------------------------------
def article_with(tmp_path, text: str, **meta):
    """An article with a sidecar holding ``meta`` (e.g. url=…), read as the pipeline reads it."""
    import json

    from stancegraph.loaders.pipeline import extract_article

    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    if meta:
        (tmp_path / "a.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return extract_article(path)


@pytest.mark.parametrize("url, iso", [
    ("https://example.com/2024/08/09/sudan-talks-geneva", "2024-08-09"),
    ("https://example.com/news/20230614/armenia-azerbaijan-talks", "2023-06-14"),
])
def test_an_article_without_a_date_takes_the_one_in_its_address(tmp_path, url, iso):
    facts = article_with(tmp_path, "Talks\nArmenia and Azerbaijan held talks in Washington, officials said.\n", url=url)
    assert (facts.article.published.iso, facts.article.published_source) == (iso, "url")


def test_a_published_date_in_the_sidecar_beats_the_address(tmp_path):
    facts = article_with(tmp_path, "Talks\nArmenia and Azerbaijan held talks in Washington, officials said.\n",
                         published="2023-06-01", url="https://example.com/2024/08/09/story")
    assert (facts.article.published.iso, facts.article.published_source) == ("2023-06-01", "metadata")


def test_a_dateline_takes_its_year_from_the_address_and_keeps_its_own_day(tmp_path):
    facts = article_with(tmp_path, "Talks\nANKARA, October 14. /TASS/. Armenia and Azerbaijan exchanged detainees, "
                                   "the Turkish foreign ministry said.\n", url="https://tass.com/world/2024/10/15/story")
    assert facts.article.published.iso == "2024-10-14"  # the copy went online the day after the story


def test_a_dateline_later_in_the_year_than_the_address_is_from_the_year_before(tmp_path):
    facts = article_with(tmp_path, "Talks\nGENEVA, December 31 (Reuters) - Iran and the IAEA resumed talks in Geneva.\n",
                         url="https://example.com/world/2025/01/02/iran-talks")
    assert facts.article.published.iso == "2024-12-31"


def _latest_year_with_weekday(month, day, weekday):
    return max(y for y in range(1990, dt.date.today().year + 1) if dt.date(y, month, day).weekday() == weekday)


def test_the_leads_weekday_pins_the_dateline_year_and_a_year_of_history_does_not_pull_it_back(tmp_path):
    facts = article_with(tmp_path, "Nuclear talks\nGENEVA, March 3 (Reuters) - Iran and the United States resumed nuclear "
                                   "talks, the envoy said on Thursday. The two sides first met in 1997.\n")
    # March 3 was a Thursday in 2005 and 2011 too: the latest such year up to now, not the one nearest 1997
    expected = _latest_year_with_weekday(3, 3, 3)
    assert expected >= 2022
    assert (facts.article.published.iso, facts.article.published_source) == (f"{expected}-03-03", "dateline+weekday")


def test_the_weekday_the_story_was_told_beats_the_weekday_of_the_meeting_it_tells(tmp_path):
    facts = article_with(tmp_path, "Nuclear talks\nGENEVA, March 3 (Reuters) - The delegations met in Geneva on Wednesday. "
                                   "Iranian envoy Ali Bagheri Kani told reporters on Thursday that the talks, begun in 2021, were useful.\n")
    # March 3 is a Thursday in 2022; read by "on Wednesday" it would be 2021
    assert facts.article.published.iso == "2022-03-03"


@pytest.mark.parametrize("dateline, named, iso", [
    ("GENEVA, February 10 (Reuters) -", "January 25, 2022", "2022-02-10"),
    ("GENEVA, January 5 (Reuters) -", "December 20, 2021", "2022-01-05"),  # after the date named: the next January
])
def test_a_dateline_year_read_off_the_latest_date_named_is_marked_inferred(tmp_path, dateline, named, iso):
    facts = article_with(tmp_path, f"Nuclear talks\n{dateline} Iran and the IAEA resumed talks in Geneva. "
                                   f"Iran submitted its proposals to the agency on {named}.\n")
    assert (facts.article.published.iso, facts.article.published_source) == (iso, "dateline+latest")


# -- organisations the article introduces ---------------------------------------------------------------
def test_an_organisation_introduced_with_its_acronym_is_an_actor_found_by_either_name():
    finder = ActorFinder(default_gazetteer())
    text = "Talks between the government and the Blue Nile Popular Front (BNPF) stalled in Juba."
    first = [m.ref for m in finder.find(text, 0) if m.ref is not None and m.ref.label == "Blue Nile Popular Front"]
    assert first and first[0].kind == "organization"
    later = finder.find("The BNPF said it was ready for a ceasefire.", len(text) + 1)
    assert "Blue Nile Popular Front" in {m.ref.label for m in later if m.ref is not None}


def test_an_acronym_named_with_a_treaty_is_no_organisation(tmp_path):
    treaty = article_with(tmp_path, "Talks\nPARIS, May 4, 2023 (AFP) - Armenia and Azerbaijan discussed the Joint "
                                    "Border Forces (JBF) agreement on Tuesday.\n")
    assert [a.label for a in treaty.actors if a.kind == "organization"] == []
    force = article_with(tmp_path, "Talks\nPARIS, May 4, 2023 (AFP) - Armenia and Azerbaijan discussed the deployment "
                                   "of the Joint Border Forces (JBF) on Tuesday.\n")
    assert [a.label for a in force.actors if a.kind == "organization"] == ["Joint Border Forces"]


@pytest.mark.parametrize("text, iso", [
    ("three days ago", "2023-03-12"),    # REF 2023-03-15
    ("several days ago", "2023-03"),     # March 8–13
    ("a month ago", "2023-02"),
    ("three years ago", "2020"),
    ("at the end of June", "2022-06"),   # the June before REF
    ("the first half of 2020", "2020"),
])
def test_relative_and_period_dates_keep_the_precision_that_holds_them(text, iso):
    assert [d for _, d in dates_in(text)] == [iso]


def test_a_year_named_in_a_noun_phrase_is_no_date():
    assert dates_in("NATO should return to the positions of 1997") == []


def test_a_weekday_looked_forward_to_in_that_days_paper_is_the_same_day():
    # REF 2023-03-15 is a Wednesday: "will meet on Wednesday" is later that day, not a week on
    assert dates_in("the envoys will meet on Wednesday") == [("on Wednesday", "2023-03-15")]


def test_a_dateline_weekday_with_no_year_in_the_text_takes_the_latest_year_it_fits(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Talks\nMOSCOW, March 11. /TASS/. The envoys met in Geneva, the minister said on Wednesday.\n", encoding="utf-8")
    info = extract_raw(read_article(path)).article
    assert (info.published.iso, info.published_source) == (f"{_latest_year_with_weekday(3, 11, 2)}-03-11", "dateline+weekday")


def test_a_dateline_weekday_takes_the_latest_fitting_year_before_a_year_looked_ahead_to(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Treaty\nMOSCOW, January 27. /TASS/. The Kremlin said on Wednesday the treaty would be extended "
                    "until February 5, 2026.\n", encoding="utf-8")
    assert extract_raw(read_article(path)).article.published.iso == "2021-01-27"


@pytest.mark.parametrize("history", [
    "NATO must return to the positions of 1997.",
    "NATO must return to where it stood when the Founding Act was signed on May 27, 1997.",
])
def test_a_year_of_history_alone_does_not_date_a_wire_story_near_it(tmp_path, history):
    path = tmp_path / "a.txt"
    path.write_text(f"Guarantees\nMOSCOW, January 27. /TASS/. {history} Deputy Foreign Minister Sergey Ryabkov said on Thursday.\n",
                    encoding="utf-8")
    # 27 January was a Thursday in 2000 and 2022: the story is later than 1997, not three years later
    expected = _latest_year_with_weekday(1, 27, 3)
    assert extract_raw(read_article(path)).article.published.iso == f"{expected}-01-27"


def test_a_treatys_history_gives_an_undated_dateline_no_year(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Consultations\nGENEVA, July 17. /TASS/. Consultations on strategic stability have kicked off in Geneva. "
                    "The treaty, signed on December 8, 1987, took effect on June 1, 1988.\n", encoding="utf-8")
    assert extract_raw(read_article(path)).article.published is None


def test_a_recent_date_still_gives_an_undated_dateline_its_year(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Guarantees\nMOSCOW, January 27. /TASS/. On December 17, 2021, the ministry published draft agreements, "
                    "the diplomat said.\n", encoding="utf-8")
    assert extract_raw(read_article(path)).article.published.iso == "2022-01-27"
