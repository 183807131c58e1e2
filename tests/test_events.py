"""Events: one behaviour per test, on short articles written for the test (not seed or gold text).

Every article is dated Thursday, May 4, 2023 by its dateline, so "on Tuesday" is May 2 and "over
the weekend" April 29–30.
"""

from __future__ import annotations

import datetime as dt

import pytest

from stancegraph.loaders.dates import find_dates
from stancegraph.loaders.events import clauses
from stancegraph.loaders.pipeline import extract_raw
from stancegraph.loaders.reader import read_article

DATELINE = "PARIS, May 4, 2023 (AFP) - The foreign ministers of Chile and Peru spoke to reporters on the border dispute."


def events_of(tmp_path, *paragraphs: str):
    path = tmp_path / "article.txt"
    path.write_text("\n".join(["Border talks", DATELINE, *paragraphs]) + "\n", encoding="utf-8")
    return extract_raw(read_article(path)).events


def summary(events):
    return {(e.kind, e.date.iso if e.date else None, e.place.label if e.place else None) for e in events}


def dates_in(text, ref):
    return [(d.text, d.date.iso if d.date else None) for d in find_dates(text, ref)]


# -- which day -----------------------------------------------------------------------------------------
def test_a_phone_call_takes_the_date_of_the_sentence_before(tmp_path):
    events = events_of(tmp_path, "On Tuesday, Chile submitted to parliament a bill on ratifying the border treaty. "
                                 "The presidents of Chile and Peru held a phone conversation on the border dispute.")
    calls = [e for e in events if e.kind == "meeting"]
    assert [(c.date.iso, c.place) for c in calls] == [("2023-05-02", None)]


def test_a_date_the_report_carries_does_not_date_the_meeting(tmp_path):
    events = events_of(tmp_path, "The foreign ministers of Chile and Peru met in Geneva on May 2. "
                                 "They also had a joint meeting with the Brazilian foreign minister, the ministry reported on May 3.")
    meetings = summary(e for e in events if e.kind == "meeting")
    assert ("meeting", "2023-05-02", "Geneva") in meetings
    assert not any(date == "2023-05-03" for _, date, _ in meetings)


def test_a_sentence_told_as_background_keeps_no_date_from_the_one_before(tmp_path):
    events = events_of(tmp_path, "The foreign ministers of Chile and Peru met in Geneva on May 2. "
                                 "The presidents of Chile and Peru had earlier held a phone conversation on the dispute.")
    assert ("meeting", "2023-05-02", None) not in summary(events)


def test_a_date_restated_in_brackets_does_not_cut_the_sentence():
    text = "Chile and Peru held talks in Geneva on Thursday [May 4], the envoy said."
    dates = find_dates(text, dt.date(2023, 5, 4))
    assert len(dates) == 2 and [c.date.iso for c in clauses(text, 0, dates)] == ["2023-05-04"]


def test_last_week_and_the_weekend_are_dated_at_the_precision_they_cover():
    assert dates_in("the waivers signed last week", dt.date(2023, 3, 15)) == [("last week", "2023-03")]
    assert dates_in("the waivers signed last week", dt.date(2022, 2, 7)) == [("last week", "2022")]  # Jan 31 – Feb 6
    assert dates_in("suspended the deal over the weekend", dt.date(2022, 11, 4)) == [("over the weekend", "2022-10")]


def test_sanctions_imposed_in_two_years_have_no_single_date(tmp_path):
    assert dates_in("the UN imposed sanctions in 2016 and 2017", dt.date(2023, 5, 4)) == [("in 2016 and 2017", None)]
    events = events_of(tmp_path, "Because of the tests, the UN imposed sanctions on Peru in 2016 and 2017.")
    assert ("other", None, None) in summary(events)


# -- future meetings -----------------------------------------------------------------------------------
def test_a_future_meeting_counts_when_its_day_is_given(tmp_path):
    events = events_of(tmp_path, "Talks between Chile and Peru in Geneva will resume on Tuesday, the mediators said.")
    assert ("meeting", "2023-05-09", "Geneva") in summary(events)


def test_a_future_meeting_without_a_day_is_not_an_event(tmp_path):
    events = events_of(tmp_path, "Chile and Peru will hold talks in Geneva next month, the mediators said.")
    assert not [e for e in events if e.kind == "meeting"]


# -- what is and is not an event ---------------------------------------------------------------------
def test_a_press_conference_is_not_a_meeting(tmp_path):
    events = events_of(tmp_path, "The Peruvian foreign minister held a press conference in Geneva on Tuesday.")
    assert not [e for e in events if e.kind == "meeting"]


def test_a_bill_put_before_parliament_is_not_a_publication(tmp_path):
    events = events_of(tmp_path, "On Tuesday, Chile submitted to parliament a bill on ratifying the border treaty.")
    assert summary(events) == {("other", "2023-05-02", None)}


def test_a_suspension_and_the_attack_it_cites_are_two_events(tmp_path):
    events = events_of(tmp_path, "Peru suspended the border agreement over the weekend, citing Chilean attacks on its border posts.")
    kinds = {(e.kind, e.date.iso if e.date else None) for e in events}
    assert kinds == {("other", "2023-04"), ("military-operation", None)}


def test_notes_exchanged_are_an_event_not_dated_by_the_call_that_welcomes_them(tmp_path):
    events = events_of(tmp_path, "On Tuesday, the presidents of Chile and Peru held a phone conversation, "
                                 "expressing satisfaction over exchanging notes on extending the treaty.")
    assert summary(events) == {("meeting", "2023-05-02", None), ("other", None, None)}


# -- where ---------------------------------------------------------------------------------------------
def test_the_state_attacked_is_where_the_operation_took_place(tmp_path):
    events = events_of(tmp_path, "The war began after Peru attacked Chile on March 2, 2023.")
    assert ("military-operation", "2023-03-02", "Chile") in summary(events)


def test_a_place_named_before_the_operation_is_its_place(tmp_path):
    events = events_of(tmp_path, "The war cabinet approved continuing the Kursk military operation.")
    assert ("military-operation", None, "Kursk") in summary(events)


# -- the same event told twice ---------------------------------------------------------------------------
def test_the_same_talks_told_again_without_their_place_are_one_event(tmp_path):
    events = events_of(tmp_path, "Delegations of Chile and Peru held talks in Geneva on Tuesday.",
                       "After Tuesday's talks, the Chilean envoy said Chile and Peru were closer to a deal.")
    assert summary(e for e in events if e.kind == "meeting") == {("meeting", "2023-05-02", "Geneva")}


# -- denied, and said with a verb ------------------------------------------------------------------------
def test_a_meeting_that_did_not_take_place_is_not_an_event(tmp_path):
    events = events_of(tmp_path, "The foreign ministers of Chile and Peru did not meet on Tuesday.",
                       "No talks were held in Geneva on Wednesday. The two presidents have never met since 2019.",
                       "The meeting of Chile and Peru in Geneva did not take place on Monday.")
    assert not [e for e in events if e.kind == "meeting"]


def test_a_call_said_with_a_verb_is_a_call(tmp_path):
    events = events_of(tmp_path, "The presidents of Chile and Peru spoke by phone on Tuesday.")
    calls = [e for e in events if e.kind == "meeting"]
    assert [(c.date.iso, c.place) for c in calls] == [("2023-05-02", None)]


def test_a_memorandum_signed_and_strikes_launched_are_events(tmp_path):
    events = events_of(tmp_path, "On Tuesday, Chile and Peru signed a memorandum on fishing rights.",
                       "Peru launched strikes on Chilean border posts on Wednesday.")
    assert {("other", "2023-05-02", None), ("military-operation", "2023-05-03", None)} <= summary(events)


def test_no_progress_in_talks_does_not_deny_the_talks(tmp_path):
    events = events_of(tmp_path, "There was no progress in talks between Chile and Peru in Geneva on Tuesday.")
    assert ("meeting", "2023-05-02", "Geneva") in summary(events)


def test_suspending_participation_in_a_treaty_is_an_event(tmp_path):
    events = events_of(tmp_path, "Peru suspended its participation in the border treaty in February 2023.")
    assert ("other", "2023-02", None) in summary(events)


# -- more on which day -----------------------------------------------------------------------------------
def test_when_only_the_report_is_dated_the_event_takes_that_day(tmp_path):
    events = events_of(tmp_path, "Delegations of Chile and Peru met in Geneva, the ministry said on Tuesday.")
    assert ("meeting", "2023-05-02", "Geneva") in summary(events)


def test_a_sentence_that_goes_on_takes_the_day_across_a_paragraph_break(tmp_path):
    events = events_of(tmp_path, "The foreign ministers of Chile and Peru met in Geneva on May 2.",
                       "They also had a joint meeting with the Brazilian foreign minister, the ministry reported on May 3.")
    assert summary(e for e in events if e.kind == "meeting") == {("meeting", "2023-05-02", "Geneva")}


def test_without_a_word_that_it_goes_on_a_new_paragraph_takes_no_day_from_the_last(tmp_path):
    events = events_of(tmp_path, "The foreign ministers of Chile and Peru met in Geneva on May 2.",
                       "The presidents of Chile and Peru held a phone conversation on the dispute.")
    calls = [e for e in events if e.kind == "meeting" and e.place is None]
    assert [c.date for c in calls] == [None]


def test_a_month_and_day_to_come_resolve_forward():
    # Written on May 4, 2023: "will take place on February 27" is next February, not the last one.
    assert dates_in("The next round will take place in Geneva on February 27.", dt.date(2023, 5, 4)) == [("February 27", "2024-02-27")]
    assert dates_in("The last round took place in Geneva on February 27.", dt.date(2023, 5, 4)) == [("February 27", "2023-02-27")]


def test_a_meeting_to_come_is_not_dated_by_the_day_it_was_announced(tmp_path):
    events = events_of(tmp_path, "The ministry said on Tuesday that Chile and Peru would hold talks in Geneva next week.")
    assert not [e for e in events if e.kind == "meeting"]


def test_only_a_meeting_takes_the_day_of_the_event_before(tmp_path):
    # The offensive told after the meeting is not dated by it.
    events = events_of(tmp_path, "The foreign ministers of Chile and Peru met in Geneva on May 2. "
                                 "Peru said Chile had launched an offensive.")
    assert ("military-operation", None, None) in summary(events)
    assert not [e for e in events if e.kind == "military-operation" and e.date is not None]


def test_diplomats_expelled_and_a_mission_suspended_are_events(tmp_path):
    events = events_of(tmp_path, "Chile expelled two Peruvian diplomats on Tuesday.",
                       "Peru suspended the work of its mission to the OAS on Wednesday.")
    assert {("other", "2023-05-02", None), ("other", "2023-05-03", None)} <= summary(events)


# -- the article's own date ------------------------------------------------------------------------------
def test_a_dateline_without_a_year_takes_it_from_the_weekday_its_lead_names(tmp_path):
    # March 15 is a Wednesday in 2023 (and 2017, 2028); the treaty "expires" in 2026, so the
    # article is older than that: 2023.
    path = tmp_path / "wire.txt"
    path.write_text("Kremlin on the treaty\nMOSCOW, March 15. /TASS/. The treaty, which expires on February 5, 2026, "
                    "must be extended, Kremlin spokesman Dmitry Peskov said on Wednesday.\n"
                    "On Tuesday, the presidents of Chile and Peru held a phone conversation.\n", encoding="utf-8")
    facts = extract_raw(read_article(path))
    assert facts.article.published.iso == "2023-03-15"
    assert ("meeting", "2023-03-14", None) in summary(facts.events)



def test_the_state_invaded_is_where_the_invasion_took_place(tmp_path):
    events = events_of(tmp_path, "The invasion of Chile began on March 2, 2023.")
    assert ("military-operation", "2023-03-02", "Chile") in summary(events)


def test_a_response_a_side_speaks_in_was_delivered(tmp_path):
    # "X said in its own response in April": the response is a publication; a person's answer to a
    # question is not.
    events = events_of(tmp_path, "The talks failed, Peru said in its own response in April.",
                       "Peskov said in his response to a question on Tuesday that the talks failed.")
    assert [(e.kind, e.date.iso) for e in events if e.kind == "publication"] == [("publication", "2023-04")]


def test_an_event_told_as_later_keeps_no_day_from_the_one_before(tmp_path):
    events = events_of(tmp_path, "Chile and Peru held talks in Geneva on Tuesday. "
                                 "A meeting of the two foreign ministers in Vienna followed.")
    assert ("meeting", "2023-05-02", "Vienna") not in summary(events)


def test_later_that_day_keeps_the_day_of_the_event_before(tmp_path):
    events = events_of(tmp_path, "Chile and Peru held talks in Geneva on Tuesday.",
                       "Later that day, the presidents of Chile and Peru held a phone conversation.")
    assert ("meeting", "2023-05-02", None) in summary(events)


def test_a_call_and_a_meeting_on_one_day_stay_two_events(tmp_path):
    events = events_of(tmp_path, "The presidents of Chile and Peru held a phone conversation on Tuesday.",
                       "The foreign ministers of Chile and Peru met in Geneva on Tuesday.")
    assert {("meeting", "2023-05-02", None), ("meeting", "2023-05-02", "Geneva")} <= summary(events)


# -- spans of days and places told once ------------------------------------------------------------
def test_two_weekdays_joined_by_and_are_one_span_at_month_precision():
    ref = dt.date(2023, 5, 4)
    assert dates_in("The envoys met on Tuesday and Wednesday.", ref) == [("on Tuesday and Wednesday", "2023-05")]
    # A span across a month's end holds only the year.
    assert dates_in("The envoys met on Sunday and Monday.", ref) == [("on Sunday and Monday", "2023")]


def test_a_meeting_over_two_days_is_one_event_dated_to_their_month(tmp_path):
    events = events_of(tmp_path, "The foreign ministers of Chile and Peru met in Lima on Tuesday and Wednesday.")
    assert summary(events) == {("meeting", "2023-05", "Lima")}


def test_two_dates_joined_by_and_date_one_event():
    text = "The delegations of Chile and Peru met on May 2 and May 3 in Lima."
    cut = clauses(text, 0, find_dates(text, dt.date(2023, 5, 4)))
    assert [(c.text, c.date.iso) for c in cut] == [(text, "2023-05")]


def test_a_meeting_without_a_place_is_held_where_the_meeting_just_before_was(tmp_path):
    events = events_of(tmp_path, "Chile and Peru held consultations in Lima on Tuesday.",
                       "The Chilean envoy met his Peruvian counterpart on Wednesday. He will also meet the Bolivian envoy on Friday.")
    assert summary(events) == {("meeting", "2023-05-02", "Lima"), ("meeting", "2023-05-03", "Lima"), ("meeting", "2023-05-05", "Lima")}


def test_a_phone_call_does_not_pass_its_placelessness_or_take_a_place(tmp_path):
    events = events_of(tmp_path, "Chile and Peru held consultations in Lima on Tuesday. "
                                 "The presidents of Chile and Peru held a phone call on Wednesday.")
    assert summary(events) == {("meeting", "2023-05-02", "Lima"), ("meeting", "2023-05-03", None)}


# -- a meeting told in passing -----------------------------------------------------------------------
def test_a_meeting_told_in_passing_with_its_place_and_again_with_its_day_is_one_event(tmp_path):
    events = events_of(tmp_path, "The Chilean minister wrote on Twitter after meeting with the Peruvian minister in Lima.",
                       "The Peruvian minister said after Tuesday's meeting that he was worried.")
    assert summary(events) == {("meeting", "2023-05-02", "Lima")}


def test_a_meeting_told_in_passing_without_a_day_stays_undated(tmp_path):
    events = events_of(tmp_path, "The Chilean minister wrote on Twitter after meeting with the Peruvian minister in Lima.")
    assert summary(events) == {("meeting", None, "Lima")}


def test_talks_named_as_the_frame_of_an_agreement_are_not_a_meeting_but_the_agreement_is(tmp_path):
    events = events_of(tmp_path, "The commission was agreed upon by Chile and Peru as part of border talks back in 2013.")
    assert summary(events) == {("other", "2013", None)}


# -- publications --------------------------------------------------------------------------------------
def undated_events_of(tmp_path, *paragraphs: str):
    path = tmp_path / "undated.txt"
    path.write_text("\n".join(["Border proposal", *paragraphs]) + "\n", encoding="utf-8")
    return extract_raw(read_article(path)).events


def test_a_publication_the_text_dates_in_an_undated_article_is_an_event_without_a_date(tmp_path):
    events = undated_events_of(tmp_path, "Chile welcomed the proposal.",
                               "The draft agreement floated by the Chilean envoy was delivered to Peruvian officials at the weekend.")
    assert summary(events) == {("publication", None, None)}


def test_a_publication_told_without_any_date_in_an_undated_article_is_not_an_event(tmp_path):
    events = undated_events_of(tmp_path, "Chile welcomed the proposal.",
                               "The draft agreement was delivered to Peruvian officials.")
    assert summary(events) == set()


def test_a_document_not_yet_handed_over_is_not_a_publication(tmp_path):
    events = events_of(tmp_path, "Peru has not yet handed over its response to Chile on Tuesday.")
    assert [e for e in events if e.kind == "publication"] == []


# -- talks to go on ----------------------------------------------------------------------------------
def test_would_right_before_a_weekday_looks_ahead():
    ref = dt.date(2023, 5, 4)
    assert dates_in("They said the talks would resume on Saturday.", ref) == [("on Saturday", "2023-05-06")]
    # "would" far from the date's verb does not: the meeting was last Tuesday.
    assert dates_in("The plan, which would end the dispute, was discussed on Tuesday.", ref) == [("on Tuesday", "2023-05-02")]


def test_talks_said_to_resume_on_a_day_are_a_meeting_on_that_day_where_they_are_held(tmp_path):
    events = events_of(tmp_path, "Chile's envoy on Thursday said that the talks with Peru in Lima were productive and that they would resume on Saturday after a break.")
    assert summary(events) == {("meeting", "2023-05-04", "Lima"), ("meeting", "2023-05-06", "Lima")}


def test_something_other_than_talks_resuming_on_a_day_is_no_meeting(tmp_path):
    events = events_of(tmp_path, "Chile on Thursday said that copper exports to Peru would resume on Saturday.")
    assert [e for e in events if e.kind == "meeting"] == []


def test_talks_scheduled_without_a_day_are_a_meeting_without_a_date(tmp_path):
    events = events_of(tmp_path, "Chile and Peru were also scheduled to hold talks.")
    assert summary(events) == {("meeting", None, None)}


def test_talks_scheduled_for_a_day_are_a_meeting_on_that_day(tmp_path):
    events = events_of(tmp_path, "Chile and Peru are scheduled to hold talks in Lima on Saturday.")
    assert summary(events) == {("meeting", "2023-05-06", "Lima")}


def test_talks_not_scheduled_or_only_agreed_to_are_no_meeting(tmp_path):
    events = events_of(tmp_path, "Chile and Peru are not scheduled to hold talks. They agreed to start negotiations on the border.")
    assert [e for e in events if e.kind == "meeting"] == []


# -- talks broken off, in the passive ----------------------------------------------------------------
def test_talks_that_have_been_paused_are_broken_off_on_the_articles_day_where_they_are_held(tmp_path):
    events = events_of(tmp_path, "Chile and Peru held talks in Lima on Tuesday.",
                       "Meanwhile, the talks between Chile and Peru in the Chilean capital have been paused for two days.")
    assert summary(events) == {("meeting", "2023-05-02", "Lima"), ("other", "2023-05-04", "Lima")}


def test_talks_that_had_been_paused_are_background_not_an_event(tmp_path):
    events = events_of(tmp_path, "Negotiations between Chile and Peru had been paused for a week as envoys went home.")
    assert [e for e in events if e.kind == "other"] == []


def test_talks_suspended_on_a_day_are_broken_off_that_day(tmp_path):
    events = events_of(tmp_path, "The border talks between Chile and Peru were suspended on Tuesday.")
    assert ("other", "2023-05-02", None) in summary(events)


def test_talks_as_a_cause_or_an_aim_are_not_a_planned_meeting(tmp_path):
    events = events_of(tmp_path, "The vote was postponed due to the talks between Chile and Peru. "
                                 "The deal is expected to boost the talks between Chile and Peru.")
    assert [e for e in events if e.kind == "meeting"] == []


# -- prisoners handed over -----------------------------------------------------------------------------
def test_prisoners_exchanged_on_a_day_are_an_other_event_that_day(tmp_path):
    events = events_of(tmp_path, "Chile and Peru exchanged 200 prisoners of war on Saturday, the defence ministry said.")
    assert summary(events) == {("other", "2023-04-29", None)}


def test_a_statement_released_is_not_a_handover(tmp_path):
    events = events_of(tmp_path, "Chile and Peru released a joint statement on prisoners on Saturday.")
    assert [e for e in events if e.kind == "other"] == []


def test_talks_said_to_resume_are_between_the_sides_the_sentence_named(tmp_path):
    events = events_of(tmp_path, "Chile's envoy on Thursday said that the talks with Peru in Lima were productive and that they would resume on Saturday.")
    resumed = [e for e in events if e.date is not None and e.date.iso == "2023-05-06"]
    assert [sorted(p.label for p in e.participants) for e in resumed] == [["Chile", "Peru"]]


def test_two_dates_after_a_comma_are_two_events():
    text = "Chile and Peru met in Lima on May 2, and on May 3 they signed a memorandum."
    cut = clauses(text, 0, find_dates(text, dt.date(2023, 5, 4)))
    assert [c.date.iso for c in cut] == ["2023-05-02", "2023-05-03"]


# -- places named through their state ------------------------------------------------------------------
@pytest.mark.parametrize("sentence, place", [
    ("The Armenian and Azerbaijani foreign ministers met in the Lithuanian capital of Vilnius on Tuesday.", "Vilnius"),
    ("Iranian and US envoys held talks in Qatar's capital, Doha, on Tuesday.", "Doha"),
])
def test_a_capital_named_through_its_state_is_the_place_of_the_meeting(tmp_path, sentence, place):
    events = events_of(tmp_path, sentence)
    assert summary(e for e in events if e.kind == "meeting") == {("meeting", "2023-05-02", place)}


# -- talks told as just over or just begun ----------------------------------------------------------------
def test_a_round_of_talks_that_has_concluded_is_a_meeting_of_the_articles_day(tmp_path):
    events = events_of(tmp_path, "The third round of talks between Armenia and Azerbaijan in Doha has concluded.")
    assert summary(e for e in events if e.kind == "meeting") == {("meeting", "2023-05-04", "Doha")}


def test_talks_that_have_concluded_without_a_place_are_a_meeting_of_the_articles_day(tmp_path):
    events = events_of(tmp_path, "The talks between Armenia and Azerbaijan have concluded.")
    assert summary(e for e in events if e.kind == "meeting") == {("meeting", "2023-05-04", None)}


def test_consultations_that_have_kicked_off_are_a_meeting_of_the_articles_day(tmp_path):
    events = events_of(tmp_path, "Talks between Iran and the IAEA on the safeguards dispute have kicked off in Tehran.")
    assert summary(e for e in events if e.kind == "meeting") == {("meeting", "2023-05-04", "Tehran")}


def test_discussions_that_ended_late_on_a_day_are_a_meeting_that_day(tmp_path):
    events = events_of(tmp_path, "The discussions between Iran and the IAEA in Vienna ended late on Monday.")
    assert summary(e for e in events if e.kind == "meeting") == {("meeting", "2023-05-01", "Vienna")}


def test_plans_for_a_next_round_do_not_date_the_round_just_held(tmp_path):
    events = events_of(tmp_path, "The first round of talks between Armenia and Azerbaijan in Istanbul has concluded. "
                                 "The mediators hope to convene a second round of talks by late September.")
    assert summary(e for e in events if e.kind == "meeting") == {("meeting", "2023-05-04", "Istanbul")}


def test_plans_for_a_next_round_in_the_same_sentence_do_not_date_the_round_just_held(tmp_path):
    events = events_of(tmp_path, "The first round of talks between Armenia and Azerbaijan in Istanbul has concluded, "
                                 "and the mediators hope to convene a second round of talks by late September.")
    assert summary(e for e in events if e.kind == "meeting") == {("meeting", "2023-05-04", "Istanbul")}


def test_the_day_reporters_were_told_does_not_date_the_meeting(tmp_path):
    events = events_of(tmp_path, "Iran and the IAEA met in Vienna last week, the envoy told reporters on Tuesday.")
    # "last week" of Thursday, May 4 is April 24–30; Tuesday, May 2 is only when it was told
    assert summary(e for e in events if e.kind == "meeting") == {("meeting", "2023-04", "Vienna")}


# -- calls -------------------------------------------------------------------------------------------------
def test_a_lengthy_call_with_a_leader_is_a_meeting_held_nowhere(tmp_path):
    events = events_of(tmp_path, "Turkish President Recep Tayyip Erdogan had a lengthy call with Iranian President "
                                 "Ebrahim Raisi on Wednesday.")
    calls = [e for e in events if e.kind == "meeting"]
    assert [(c.date.iso, c.place) for c in calls] == [("2023-05-03", None)]
    assert {p.label for p in calls[0].participants} == {"Turkey", "Iran"}


# -- agreements and exchanges ----------------------------------------------------------------------------
def test_two_states_agreeing_on_an_exchange_is_an_agreement_event(tmp_path):
    events = events_of(tmp_path, "Armenia and Azerbaijan have agreed on an exchange of detainees.")
    others = [e for e in events if e.kind == "other"]
    assert summary(others) == {("other", "2023-05-04", None)}
    assert {p.label for p in others[0].participants} == {"Armenia", "Azerbaijan"}


def test_two_ministers_agreeing_to_act_is_no_agreement_event(tmp_path):
    events = events_of(tmp_path, "Armenian Foreign Minister Ararat Mirzoyan and Azerbaijani Foreign Minister Jeyhun "
                                 "Bayramov met in Washington on Tuesday. Mirzoyan and Bayramov agreed to continue work on the draft treaty.")
    assert [e for e in events if e.kind == "other"] == []
    assert summary(events) == {("meeting", "2023-05-02", "Washington, D.C.")}


def test_calling_for_a_faster_prisoner_exchange_is_no_exchange(tmp_path):
    events = events_of(tmp_path, "Ukrainian ombudsman Dmytro Lubinets called on Russia to speed up the exchange of prisoners.")
    assert [e for e in events if e.kind == "other"] == []


# -- treaties, cities named by their state, rounds to come ---------------------------------------------
def test_a_treaty_signed_on_a_day_and_its_entry_into_force_are_other_events(tmp_path):
    events = events_of(tmp_path, "The border treaty, signed by Chile and Peru on March 3, 1999, took effect on July 1, 2000.")
    assert {("other", "1999-03-03", None), ("other", "2000-07-01", None)} <= summary(events)


def test_a_city_named_through_its_state_is_where_the_summit_was(tmp_path):
    events = events_of(tmp_path, "Chile and Peru met on the sidelines of the summit in Brazil's Manaus on April 20.")
    assert ("meeting", "2023-04-20", "Manaus") in summary(events)


def test_a_next_round_scheduled_after_its_noun_is_a_planned_meeting_of_that_month(tmp_path):
    events = events_of(tmp_path, "The sides last met in Quito on April 12.", "The next round is scheduled for June in Bogota.")
    assert ("meeting", "2023-04-12", "Quito") in summary(events)
    assert ("meeting", "2023-06", "Bogota") in summary(events)


def test_a_summit_ahead_of_which_someone_speaks_is_not_held_that_day(tmp_path):
    events = events_of(tmp_path, "Chile will not change its approach ahead of the regional summit in Lima, President Ana Soto said on Tuesday.")
    assert not [e for e in events if e.kind == "meeting"]


def test_a_summit_that_will_take_place_on_a_span_of_days_is_planned_for_that_month(tmp_path):
    events = events_of(tmp_path, "The summit will take place from July 11-12 in Lima.")
    assert ("meeting", "2023-07", "Lima") in summary(events)


def test_a_hyphened_pair_of_sides_names_both_participants(tmp_path):
    events = events_of(tmp_path, "Chilean-Peruvian consultations on the border were held in Quito on Tuesday.")
    meeting = next(e for e in events if e.kind == "meeting")
    assert {p.label for p in meeting.participants} == {"Chile", "Peru"}


# -- session 4 -------------------------------------------------------------------------------------------
def test_an_invasion_named_as_background_is_an_operation_dated_by_its_own_year(tmp_path):
    events = events_of(tmp_path, "The ministers met in Lima to discuss Russia's invasion of Ukraine.",
                       "The talks were overshadowed by the conflict sparked by Russia's 2022 invasion of Ukraine.")
    operations = [e for e in events if e.kind == "military-operation"]
    assert sorted((e.date.iso if e.date else "") for e in operations) == ["", "2022"]
    assert {e.place.label for e in operations} == {"Ukraine"}


def test_talking_with_counterparts_is_a_call_speaking_with_reporters_is_not(tmp_path):
    events = events_of(tmp_path, "Later on Thursday, the Chilean president spoke with reporters in Santiago.",
                       "Peruvian President Dina Boluarte said she had talked with her Chilean and Bolivian counterparts on Wednesday.")
    assert summary(events) == {("meeting", "2023-05-03", None)}


def test_a_bare_weekday_after_the_meeting_noun_dates_it_but_not_in_a_headline():
    assert dates_in("The two leaders held their summit Tuesday in Lima.", dt.date(2023, 5, 4)) == [("Tuesday", "2023-05-02")]
    assert dates_in("Border talks Monday", dt.date(2023, 5, 4)) == []


def test_a_meeting_with_other_sides_does_not_take_the_place_of_the_one_before(tmp_path):
    events = events_of(tmp_path, "The ministers of Chile and Peru met in Lima on Wednesday.",
                       "Brazil's foreign minister said at a meeting with his Argentine counterpart on Thursday that the dispute was regional.")
    assert summary(events) == {("meeting", "2023-05-03", "Lima"), ("meeting", "2023-05-04", None)}


def test_talks_told_as_days_of_talks_are_held_where_they_were(tmp_path):
    events = events_of(tmp_path, "The deal was reached after two days of talks in Lima between Chile and Peru.")
    assert ("meeting", None, "Lima") in summary(events)


def test_a_round_hosted_is_held_and_dated_by_the_wires_weekday_after_the_object(tmp_path):
    events = events_of(tmp_path, "Peruvian President Dina Boluarte hosted the leader of Chile Wednesday for another round of difficult talks.")
    assert ("meeting", "2023-05-03", None) in summary(events)


def test_a_call_put_in_quotes_is_a_call(tmp_path):
    events = events_of(tmp_path, "Boluarte said on Wednesday she had a \"very special call\" with the leaders of both countries.")
    assert {e.kind for e in events} == {"meeting"} and all(e.place is None for e in events)


def test_an_agreement_told_on_the_day_of_the_talks_was_reached_where_they_were_held(tmp_path):
    events = events_of(tmp_path, "Chile's foreign minister said on Thursday that Chile and Peru agreed to reopen their embassies.",
                       "Chile and Peru met in Peru on Thursday.",
                       "The minister spoke after today's talks between Chile and Peru in Lima.")
    assert summary(events) == {("other", "2023-05-04", "Lima"), ("meeting", "2023-05-04", "Lima")}
