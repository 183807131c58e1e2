"""Demands and responses read from text: who demands what, who answers whom, how and when.

Each test is a sentence or two written for the test (not gold text), with the expected acts
worked out by hand from the annotation conventions in tests/gold/README.md.
"""

from __future__ import annotations


from stancegraph.loaders import acts
from stancegraph.loaders.pipeline import extract_raw
from stancegraph.loaders.reader import read_article
from stancegraph.loaders.topics import default_topics

DATELINE = "LIMA, May 4, 2023 (AFP) - "


def facts_of(tmp_path, body: str, headline: str = "Envoys meet"):
    path = tmp_path / "article.txt"
    path.write_text(f"{headline}\n{DATELINE}{body}\n", encoding="utf-8")
    return extract_raw(read_article(path))


def demands(facts) -> set[tuple]:
    return {(d.on_behalf_of.label, d.topics[0], d.date.iso if d.date else None)
            for d in facts.statements if d.kind == "demand"}


def responses(facts) -> set[tuple]:
    """One row per response act (its first mention): a key read twice is one act."""
    first = {}
    for r in facts.statements:
        if r.kind in ("rejection", "acceptance", "counter-proposal", "statement", "written-response"):
            first.setdefault(r.key, r)
    return {(r.on_behalf_of.label, r.kind, r.addressees[0].label if r.addressees else None, r.date.iso if r.date else None)
            for r in first.values()}


# -- topics --------------------------------------------------------------------------------------------
def test_a_gap_in_a_topic_cue_reads_the_words_between():
    hits = default_topics().find("Lima sought relief from three UN sanctions on its banks.")
    assert [h.topic for h in hits] == ["sanctions-relief"]


def test_what_is_offered_for_a_demand_is_not_demanded():
    text = "Peru sought the lifting of sanctions in exchange for a halt to uranium enrichment."
    aside = acts.not_demanded_spans(text)
    assert [text[b:e] for b, e in aside] == ["in exchange for a halt to uranium enrichment"]


def test_in_exchange_for_opening_the_clause_names_what_is_wanted():
    assert acts.not_demanded_spans("In exchange for sanctions relief, Peru offered to stop enrichment.") == []


def test_the_only_path_names_the_demand_after_it_not_the_goal(tmp_path):
    facts = facts_of(tmp_path, 'Chilean Foreign Minister Ana Torres said Peru "must understand that the only path out '
                               'of sanctions is through nuclear compliance."')
    assert demands(facts) == {("Chile", "iran-nuclear-programme", "2023-05-04")}


# -- demands -------------------------------------------------------------------------------------------
def test_each_state_of_a_coordinated_subject_makes_the_request(tmp_path):
    facts = facts_of(tmp_path, "Diplomats from Chile, Peru and Bolivia urged Ecuador to agree to a ceasefire.")
    assert demands(facts) == {(state, "ceasefire", "2023-05-04") for state in ("Chile", "Peru", "Bolivia")}
    assert all(d.addressees and d.addressees[0].label == "Ecuador" for d in facts.statements if d.kind == "demand")


def test_a_red_line_is_a_demand(tmp_path):
    facts = facts_of(tmp_path, '"The lifting of sanctions is our red line," Chilean Foreign Minister Ana Torres said.')
    assert demands(facts) == {("Chile", "sanctions-relief", "2023-05-04")}


def test_the_deal_in_a_demand_refers_to_the_negotiation_of_the_article(tmp_path):
    facts = facts_of(tmp_path, 'Chilean Foreign Minister Ana Torres said Peru "should return to the deal and fulfil its obligations."',
                     headline="Ceasefire talks resume")
    assert demands(facts) == {("Chile", "ceasefire", "2023-05-04")}


def test_a_request_needs_what_is_wanted_or_whom_it_is_asked_of(tmp_path):
    facts = facts_of(tmp_path, "Chile wants to do better next year.")
    assert demands(facts) == set()


def test_a_quote_mark_before_the_verb_keeps_the_subject_as_the_one_asking(tmp_path):
    facts = facts_of(tmp_path, 'Peru "wanted the sanctions lifted in their entirety", Chilean officials said.')
    assert ("Peru", "sanctions-relief", "2023-05-04") in demands(facts)


# -- responses -----------------------------------------------------------------------------------------
def test_a_reported_acceptance_goes_to_each_side_named_in_its_clause(tmp_path):
    facts = facts_of(tmp_path, "Peru rejoined the ceasefire after intervention by Chilean and Bolivian diplomats.")
    # told as background, not as anyone's words of the day: the sentence does not date it
    assert responses(facts) == {("Peru", "acceptance", "Chile", None), ("Peru", "acceptance", "Bolivia", None)}


def test_accepting_a_proposal_makes_the_proposal_its_authors_demand(tmp_path):
    facts = facts_of(tmp_path, "Officials recalled that Lima had accepted Santiago's proposal on a ceasefire along the border.")
    assert ("Peru", "acceptance", "Chile", None) in responses(facts)
    assert demands(facts) == {("Chile", "ceasefire", None)}  # when the proposal was made the text does not say


def test_a_possessive_approval_is_a_response_by_the_possessor(tmp_path):
    facts = facts_of(tmp_path, "The envoy informed Chile of Peru's approval of the ceasefire plan.")
    assert ("Peru", "acceptance", None, "2023-05-04") in responses(facts)


def test_an_answer_told_twice_without_a_new_addressee_is_one_response(tmp_path):
    facts = facts_of(tmp_path, "Peru says it has approved a ceasefire proposal put forward by Chile. "
                               "The envoy confirmed Peru's approval of the proposal.")
    assert responses(facts) == {("Peru", "acceptance", "Chile", "2023-05-04")}
    keys = {r.key for r in facts.statements if r.kind == "acceptance"}
    assert len(keys) == 1  # two mentions, one act


def test_an_answer_is_not_also_a_demand_of_the_one_answering(tmp_path):
    facts = facts_of(tmp_path, "Peru says it has approved a proposal for a ceasefire put forward by Chile.")
    assert demands(facts) == set()


def test_the_speakers_words_end_where_another_side_is_quoted(tmp_path):
    facts = facts_of(tmp_path, "Peru says it has approved a proposal for a ceasefire put forward by Chile, "
                               "although Bolivia says the proposal is unacceptable.")
    assert ("Peru", "acceptance", "Chile", "2023-05-04") in responses(facts)
    assert not any(r[0] == "Peru" and r[1] == "rejection" for r in responses(facts))
    assert not any(r[2] == "Bolivia" for r in responses(facts))


def test_the_subject_of_the_words_answers_with_the_speaker_and_is_not_answered(tmp_path):
    facts = facts_of(tmp_path, "Chilean Foreign Minister Ana Torres said Peru is not ready for compromises with Bolivia.")
    answered = {r[2] for r in responses(facts) if r[1] == "rejection"}
    assert answered == {"Bolivia"}


def test_what_a_speaker_urges_is_a_request_not_an_answer(tmp_path):
    facts = facts_of(tmp_path, "Chile urged Peru to come back with proposals that are not unacceptable to the ceasefire talks.")
    assert not any(r[0] == "Chile" and r[1] == "rejection" for r in responses(facts))
    assert ("Chile", "ceasefire", "2023-05-04") in demands(facts)


def test_made_demands_is_a_demand_of_the_side_whose_team_made_them(tmp_path):
    facts = facts_of(tmp_path, "The Peruvian delegation made numerous demands on the ceasefire that Chile criticized.")
    assert demands(facts) == {("Peru", "ceasefire", None)}  # the clause gives no date: when, the text does not say


def test_made_demands_takes_the_date_its_clause_gives(tmp_path):
    facts = facts_of(tmp_path, "The Peruvian delegation made numerous demands on April 28, 2023 on the ceasefire.")
    assert demands(facts) == {("Peru", "ceasefire", "2023-04-28")}


def test_made_demands_last_week_is_dated_by_its_month(tmp_path):
    facts = facts_of(tmp_path, "The Peruvian delegation made numerous demands last week on the ceasefire that Chile criticized.")
    # "last week" of Thursday 4 May 2023 is 24–30 April: the month, not a day
    assert demands(facts) == {("Peru", "ceasefire", "2023-04")}


def test_falling_short_of_its_demands_is_a_reaction_and_tells_of_earlier_demands(tmp_path):
    facts = facts_of(tmp_path, "Chile says the proposal for a ceasefire falls short of its demands.")
    assert responses(facts) == {("Chile", "statement", None, "2023-05-04")}
    assert demands(facts) == {("Chile", "ceasefire", None)}  # made before, the text does not say when


def test_a_reaction_by_a_named_owner_of_the_demands(tmp_path):
    facts = facts_of(tmp_path, "Officials said the proposed ceasefire did not meet Chile's demands.")
    assert ("Chile", "statement", None, "2023-05-04") in responses(facts)


def test_prepared_to_discuss_only_part_of_it_is_a_rejection(tmp_path):
    facts = facts_of(tmp_path, "Chilean Foreign Minister Ana Torres said Chile is prepared to discuss only a temporary truce with Peru.")
    assert ("Chile", "rejection", "Peru", "2023-05-04") in responses(facts)


def test_an_answer_still_open_or_given_by_someone_else_is_not_the_speakers():
    assert acts.response_kind("Whether that will be endorsed by the capitals, we will see.") is None
    assert acts.response_kind("the plan was rejected by the parliament") is None
    assert acts.response_kind("we have rejected the plan") == "rejection"


def test_a_first_person_verdict_in_a_quote_is_the_speakers(tmp_path):
    facts = facts_of(tmp_path, '"We have accepted Peru\'s ceasefire proposal," Chilean Foreign Minister Ana Torres said.')
    assert ("Chile", "acceptance", "Peru", "2023-05-04") in responses(facts)


def test_a_side_a_response_is_about_is_not_answered(tmp_path):
    facts = facts_of(tmp_path, "Peru rejected Chile's proposal on Bolivia.")
    assert {r[2] for r in responses(facts)} == {"Chile"}


def test_each_side_of_a_coordinated_subject_answers_and_none_answers_another(tmp_path):
    facts = facts_of(tmp_path, "Chile and Bolivia rejected Peru's demand for a ceasefire.")
    assert responses(facts) == {("Chile", "rejection", "Peru", "2023-05-04"), ("Bolivia", "rejection", "Peru", "2023-05-04")}
    assert demands(facts) == {("Peru", "ceasefire", None)}


def test_the_side_whose_position_is_told_answers_not_the_one_telling(tmp_path):
    facts = facts_of(tmp_path, "Chilean Foreign Minister Ana Torres said Peru is not ready for compromises with Bolivia.")
    assert {r[0] for r in responses(facts) if r[1] == "rejection"} == {"Peru"}


def test_a_judgement_of_the_other_side_is_the_speakers_answer(tmp_path):
    facts = facts_of(tmp_path, "Peru failed to make crucial concessions on the ceasefire, Chile said in its response.")
    assert {r[0] for r in responses(facts) if r[1] == "rejection"} == {"Chile"}


def test_two_speakers_of_the_same_words_are_two_mentions_of_one_answer(tmp_path):
    facts = facts_of(tmp_path, "As Chilean Foreign Minister Ana Torres and Bolivian Foreign Minister Luis Arce said, "
                               "Peru is not ready for compromises on the ceasefire.")
    rejections = [r for r in facts.statements if r.kind == "rejection"]
    assert {r.on_behalf_of.label for r in rejections} == {"Peru"}
    assert {r.speaker.label for r in rejections} == {"Ana Torres", "Luis Arce"}


def test_the_document_goes_on_with_the_response_told_just_before(tmp_path):
    facts = facts_of(tmp_path, "Chilean Foreign Minister Ana Torres said the written response will include its own proposals to Peru. "
                               "It is clarified that the document will not contain promises on a ceasefire.")
    assert ("Chile", "counter-proposal", "Peru", "2023-05-04") in responses(facts)
    assert {r[:2] for r in responses(facts) if r[1] == "rejection"} == {("Chile", "rejection")}


def test_a_point_added_right_after_a_proposals_list_is_one_more_demand(tmp_path):
    facts = facts_of(tmp_path, "On May 2, 2023, Chile published draft agreements with Peru. "
                               "The documents say that Peru must agree to a ceasefire. "
                               "Also, both sides must pledge not to create conditions regarded as a threat.")
    assert demands(facts) == {("Chile", "ceasefire", "2023-05-02"), ("Chile", "other", "2023-05-02")}


def test_a_request_in_speech_is_dated_by_the_speech_not_by_a_date_it_names(tmp_path):
    facts = facts_of(tmp_path, "Chile wants a ceasefire with Peru by June 1, 2023, Chilean Foreign Minister Ana Torres said on Tuesday.")
    assert demands(facts) == {("Chile", "ceasefire", "2023-05-02")}


def test_the_deal_stays_unresolved_when_the_article_spreads_over_several_topics(tmp_path):
    facts = facts_of(tmp_path, "Talks covered a ceasefire, sanctions relief and a prisoner exchange. "
                               'Chilean Foreign Minister Ana Torres said Peru "should return to the deal and fulfil its obligations."')
    assert demands(facts) == set()


def test_refusing_to_compromise_is_a_rejection(tmp_path):
    facts = facts_of(tmp_path, "Chilean Foreign Minister Ana Torres said Chile would not compromise on the ceasefire with Peru.")
    assert ("Chile", "rejection", "Peru", "2023-05-04") in responses(facts)


def test_a_demand_named_by_its_owners_possessive_is_that_sides_undated_demand(tmp_path):
    facts = facts_of(tmp_path, "Talks stalled over Peru's demand that Chile withdraw its troops from the border zone.")
    found = [d for d in facts.statements if d.kind == "demand"]
    assert [(d.on_behalf_of.label, d.topics[0], d.date, [a.label for a in d.addressees]) for d in found] == [
        ("Peru", "troop-withdrawal", None, ["Chile"])]


def test_agreeing_to_do_something_together_is_no_acceptance():
    assert acts.response_kind("the two ministers agreed to continue preparations for a peace treaty") is None
    assert acts.response_kind("Peru agreed to the ceasefire plan") == "acceptance"
    assert acts.response_kind("Peru agreed to Chile's terms") == "acceptance"


# -- reactions to the other side's offer ----------------------------------------------------------------
def test_praising_the_other_sides_proposal_is_a_reaction_to_its_author(tmp_path):
    facts = facts_of(tmp_path, "Peru on Thursday praised a Chilean proposal to settle the fishing dispute with Bolivia.")
    # the author of the proposal is answered, not the third state the proposal is about
    assert responses(facts) == {("Peru", "statement", "Chile", "2023-05-04")}


def test_calling_the_proposal_a_step_is_a_reaction_of_the_speakers_side(tmp_path):
    facts = facts_of(tmp_path, "Chile presented a draft agreement to Peru on Monday. "
                               "Peruvian Foreign Minister Ana Torres called the proposal \"a very important step.\"")
    assert ("Peru", "statement", "Chile", "2023-05-04") in responses(facts)


def test_calling_ones_own_plan_something_is_no_reaction(tmp_path):
    facts = facts_of(tmp_path, "Chile presented a draft agreement to Peru on Monday. "
                               "Peruvian Foreign Minister Ana Torres called her plan \"a realistic path to peace.\"")
    assert not any(r[0] == "Peru" and r[1] == "statement" for r in responses(facts))


def test_describing_a_plan_as_someones_is_no_reaction(tmp_path):
    facts = facts_of(tmp_path, "Chile presented a draft agreement to Peru on Monday. "
                               "Bolivian President Luis Arce described the plan as a Chilean initiative.")
    assert not any(r[1] == "statement" for r in responses(facts))


# -- topics ----------------------------------------------------------------------------------------------
def test_safeguarding_interests_is_not_about_nuclear_safeguards():
    assert default_topics().find("The proposal safeguards our economic interests.") == []
    assert default_topics().find("Tehran must honour its IAEA safeguards obligations.")[0].topic == "iaea-inspections"


def test_a_maritime_border_dispute_is_about_territory():
    hits = default_topics().find("the talks on their maritime border dispute")
    assert hits and hits[0].topic == "territorial-integrity"


def test_a_promise_to_answer_the_proposal_in_view_is_a_reaction_to_its_author(tmp_path):
    facts = facts_of(tmp_path, "Chile submitted a draft agreement to Peru on Monday. "
                               "Peruvian authorities, who confirmed receipt of the text, have vowed to respond quickly.")
    # told as news, it dates from the article's day
    assert responses(facts) == {("Peru", "statement", "Chile", "2023-05-04")}


def test_a_promise_to_answer_with_no_proposal_in_view_answers_nothing(tmp_path):
    facts = facts_of(tmp_path, "Peruvian authorities have vowed to respond to any border incursion.")
    assert responses(facts) == set()


def test_a_possessed_demand_that_names_no_topic_is_about_the_headlines_negotiation(tmp_path):
    facts = facts_of(tmp_path, "The talks stalled over Peru's demand that the charts used by the mediators be redrawn.",
                     headline="Chile and Peru near maritime border deal")
    assert demands(facts) == {("Peru", "territorial-integrity", None)}


def test_a_possessed_demand_keeps_the_topic_it_names_over_the_headlines(tmp_path):
    facts = facts_of(tmp_path, "The talks stalled over Peru's demand for a prisoner exchange.",
                     headline="Chile and Peru near maritime border deal")
    assert demands(facts) == {("Peru", "prisoner-exchange", None)}


def test_putting_forward_its_own_plan_after_answering_is_a_counter_proposal(tmp_path):
    facts = facts_of(tmp_path, "Peru on Thursday rejected a Chilean draft agreement on the border. "
                               "Peru also unveiled what it called its own \"roadmap\", which was drafted back in 2019. "
                               "Peru's plan says Chile should recognise the maritime border.")
    assert ("Peru", "counter-proposal", "Chile", "2023-05-04") in responses(facts)  # to whom the answer went, on its day, not 2019
    assert ("Peru", "territorial-integrity", "2023-05-04") in demands(facts)  # its points are its demands


def test_publishing_its_own_plan_without_having_answered_is_no_counter_proposal(tmp_path):
    facts = facts_of(tmp_path, "Peru also unveiled its own plan for the border.")
    assert not any(r[1] == "counter-proposal" for r in responses(facts))


def test_what_an_offer_gives_as_we_have_demanded_is_our_demand_of_no_stated_day(tmp_path):
    facts = facts_of(tmp_path, "Chile presented a draft agreement to Peru on Monday. "
                               "\"As we have demanded from the start, the draft guarantees a prisoner exchange,\" "
                               "Peruvian Foreign Minister Ana Torres said.")
    assert ("Peru", "prisoner-exchange", None) in demands(facts)


def test_as_demanded_inside_a_clause_is_no_demand(tmp_path):
    facts = facts_of(tmp_path, "\"The talks went as we had demanded and that is all,\" Peruvian Foreign Minister Ana Torres said.")
    assert demands(facts) == set()


def test_a_side_said_not_to_keep_its_word_is_asked_to_by_the_speakers_side(tmp_path):
    facts = facts_of(tmp_path, "\"It is clear that Lima does not want to fulfil its obligations from the 2019 accord,\" "
                               "Chilean Foreign Minister Ana Torres told reporters on Thursday.")
    assert demands(facts) == {("Chile", "other", "2023-05-04")}
    demand = next(d for d in facts.statements if d.kind == "demand")
    assert [a.label for a in demand.addressees] == ["Peru"]


def test_a_side_that_keeps_its_word_is_asked_nothing(tmp_path):
    facts = facts_of(tmp_path, "\"Lima has always fulfilled its obligations,\" Chilean Foreign Minister Ana Torres told reporters.")
    assert demands(facts) == set()


def test_the_speakers_own_side_not_keeping_its_word_is_no_demand(tmp_path):
    facts = facts_of(tmp_path, "\"Chile did not fulfil its promises because the talks collapsed,\" Chilean Foreign Minister Ana Torres said.")
    assert demands(facts) == set()


def test_rating_the_other_sides_written_response_is_a_reaction_to_it(tmp_path):
    facts = facts_of(tmp_path, "Peruvian Foreign Minister Ana Torres on Thursday called the Chilean response \"disappointing.\"")
    assert ("Peru", "statement", "Chile", "2023-05-04") in responses(facts)


def test_calling_for_the_other_sides_plan_is_no_rating_of_it(tmp_path):
    facts = facts_of(tmp_path, "Peruvian Foreign Minister Ana Torres called for the Chilean plan to be put to a vote.")
    assert not any(r[1] == "statement" for r in responses(facts))


def test_an_obligation_put_on_the_other_side_is_the_speakers_sides_demand(tmp_path):
    facts = facts_of(tmp_path, "\"Lima must immediately return to the negotiating table,\" Chilean Foreign Minister Ana Torres said on Thursday.")
    assert demands(facts) == {("Chile", "other", "2023-05-04")}
    demand = next(d for d in facts.statements if d.kind == "demand")
    assert [a.label for a in demand.addressees] == ["Peru"]


def test_an_obligation_on_the_other_sides_government_names_the_topic(tmp_path):
    facts = facts_of(tmp_path, "Chilean Foreign Minister Ana Torres said the Peruvian government should agree to a prisoner exchange.")
    assert demands(facts) == {("Chile", "prisoner-exchange", "2023-05-04")}


def test_an_obligation_shared_with_the_speakers_side_is_no_demand(tmp_path):
    facts = facts_of(tmp_path, "Chilean Foreign Minister Ana Torres said Lima and Santiago should keep talking.")
    assert demands(facts) == set()


def test_an_obligation_in_a_condition_is_no_demand(tmp_path):
    facts = facts_of(tmp_path, "Chilean Foreign Minister Ana Torres said talks would resume if Lima should ask for them.")
    assert demands(facts) == set()


def test_the_plan_named_again_lists_its_authors_demands(tmp_path):
    facts = facts_of(tmp_path, "Chile submitted a peace plan to Peru on May 1, 2023. The plan envisages a prisoner exchange and a ceasefire.")
    assert demands(facts) == {("Chile", "prisoner-exchange", "2023-05-01"), ("Chile", "ceasefire", "2023-05-01")}


def test_a_plan_with_no_proposal_in_view_lists_no_demands(tmp_path):
    facts = facts_of(tmp_path, "The plan envisages a prisoner exchange and a ceasefire.")
    assert demands(facts) == set()


def test_a_possessed_main_demand_is_what_the_copula_names(tmp_path):
    facts = facts_of(tmp_path, "Peru's main demand is a permanent ceasefire, officials said.")
    assert demands(facts) == {("Peru", "ceasefire", None)}


def test_possessed_conditions_include_name_the_demands(tmp_path):
    facts = facts_of(tmp_path, "Peru's conditions include a prisoner exchange before any further round.")
    assert demands(facts) == {("Peru", "prisoner-exchange", None)}


def test_possessed_demands_addressed_to_someone_name_no_demand_of_their_own(tmp_path):
    facts = facts_of(tmp_path, "Peru's demands are addressed to Chile and Bolivia.")
    assert demands(facts) == set()


def test_what_the_talks_require_is_no_demand(tmp_path):
    facts = facts_of(tmp_path, "Chilean envoy Ana Torres said the talks were at the final stage and required "
                               "determination to reach a ceasefire.")
    assert demands(facts) == set()


def test_what_a_side_requires_is_its_demand(tmp_path):
    facts = facts_of(tmp_path, "Chilean envoy Ana Torres said Santiago required a ceasefire before any further round.")
    assert demands(facts) == {("Chile", "ceasefire", "2023-05-04")}


def test_what_a_sides_proposal_says_is_its_demand_of_no_stated_day(tmp_path):
    facts = facts_of(tmp_path, "Peru's plan calls for a ceasefire, and for a prisoner exchange within a month.")
    assert demands(facts) == {("Peru", "ceasefire", None), ("Peru", "prisoner-exchange", None)}


def test_what_a_proposal_says_keeps_the_day_it_was_put_forward(tmp_path):
    facts = facts_of(tmp_path, "Peru submitted a draft agreement to Chile on May 2, 2023. Peru's draft says Chile should agree to a ceasefire.")
    assert ("Peru", "ceasefire", "2023-05-02") in demands(facts)



# -- verdicts --------------------------------------------------------------------------------------------
def test_having_since_accepted_the_invitation_is_an_acceptance_by_the_subject(tmp_path):
    facts = facts_of(tmp_path, "Iran has since accepted the invitation to talks in Vienna.", headline="Nuclear talks")
    assert {(r[0], r[1]) for r in responses(facts)} == {("Iran", "acceptance")}


def test_vetoing_it_is_a_rejection_by_the_one_who_vetoed(tmp_path):
    facts = facts_of(tmp_path, "Armenia proposed a peace treaty. Azerbaijan vetoed it.", headline="Peace talks")
    assert {(r[0], r[1]) for r in responses(facts)} == {("Azerbaijan", "rejection")}


def test_refusing_to_do_what_was_asked_is_a_rejection(tmp_path):
    facts = facts_of(tmp_path, "Pyongyang refused to dismantle its Yongbyon reactor, South Korean officials said.",
                     headline="Nuclear talks")
    assert {(r[0], r[1]) for r in responses(facts)} == {("North Korea", "rejection")}


def test_declining_to_comment_or_to_give_a_date_is_no_rejection(tmp_path):
    facts = facts_of(tmp_path, "The North Korean foreign ministry declined to comment on the ceasefire proposal. "
                               "Pyongyang also declined to give a date for the next round of talks.", headline="Missile talks")
    assert not [r for r in facts.statements if r.kind == "rejection"]


def test_a_passive_verdict_is_the_agents_after_by(tmp_path):
    facts = facts_of(tmp_path, "The ceasefire proposal was endorsed by all members of the African Union.", headline="Peace talks")
    assert {(r[0], r[1]) for r in responses(facts)} == {("African Union", "acceptance")}


def test_not_accepting_a_kind_of_thing_is_no_verdict_but_not_accepting_a_definite_offer_is():
    assert acts.find_verdict("We will not accept ultimatums") is None
    assert acts.find_verdict("We will not accept the plan").kind == "rejection"


def test_a_leader_of_an_organisation_introduced_with_its_acronym_answers_for_it(tmp_path):
    facts = facts_of(tmp_path, "Talks between the government and the Blue Nile Popular Front (BNPF) stalled in Juba. "
                               "BNPF leader Ahmed Musa has since accepted the invitation.", headline="Blue Nile talks")
    assert {(r[0], r[1]) for r in responses(facts)} == {("Blue Nile Popular Front", "acceptance")}


def test_a_commander_of_an_organisation_introduced_with_its_acronym_answers_for_it(tmp_path):
    facts = facts_of(tmp_path, "Talks between the government and the Blue Nile Popular Front (BNPF) stalled in Juba. "
                               "BNPF commander Ahmed Musa has since accepted the invitation.", headline="Blue Nile talks")
    assert {(r[0], r[1]) for r in responses(facts)} == {("Blue Nile Popular Front", "acceptance")}


# -- requests read from threats, proposals and expectations ----------------------------------------------
def test_a_threat_unless_the_others_act_is_a_demand_that_they_act(tmp_path):
    facts = facts_of(tmp_path, "Egypt threatened to close the Rafah crossing to aid convoys if Israel and Hamas did not "
                               "agree to a ceasefire.", headline="Gaza talks")
    assert demands(facts) == {("Egypt", "ceasefire", "2023-05-04")}
    [demand] = [d for d in facts.statements if d.kind == "demand"]
    assert {a.label for a in demand.addressees} == {"Israel", "Hamas"}


def test_proposing_a_ceasefire_is_a_demand_of_the_proposers_side(tmp_path):
    facts = facts_of(tmp_path, "Indonesian President Joko Widodo proposed a ceasefire between the two sides on Monday.",
                     headline="Border clashes")
    assert demands(facts) == {("Indonesia", "ceasefire", "2023-05-01")}  # the Monday before Thursday, May 4


def test_proposed_as_an_adjective_makes_no_proposal(tmp_path):
    facts = facts_of(tmp_path, "The envoys spent Thursday on Cambodia's proposed security guarantees for the border villages. "
                               "Thai negotiators raised questions about the proposed security guarantees.", headline="Border clashes")
    assert demands(facts) == set()


def test_expecting_the_other_side_to_act_is_a_demand_of_it(tmp_path):
    facts = facts_of(tmp_path, "Tehran expects Washington to give a written reply to its proposals.", headline="Nuclear talks")
    assert {d[0] for d in demands(facts)} == {"Iran"}
    [demand] = [d for d in facts.statements if d.kind == "demand"]
    assert [a.label for a in demand.addressees] == ["United States"]


def test_expecting_how_the_talks_will_go_is_no_demand(tmp_path):
    facts = facts_of(tmp_path, "Tehran expects the talks to be difficult.", headline="Nuclear talks")
    assert demands(facts) == set()


def test_what_a_side_has_repeatedly_called_for_is_a_standing_demand_of_no_date(tmp_path):
    facts = facts_of(tmp_path, "Armenian ombudsman Anahit Manasyan spoke on Thursday.\n"
                               "\"We have repeatedly called for more frequent prisoner exchanges,\" she added.",
                     headline="Prisoner talks")
    assert demands(facts) == {("Armenia", "prisoner-exchange", None)}


def test_a_request_told_as_recent_is_undated_and_one_told_with_its_day_is_dated(tmp_path):
    recent = facts_of(tmp_path, "Recently, the Ethiopian government requested a ceasefire from the African Union mediators.",
                      headline="Peace talks")
    assert demands(recent) == {("Ethiopia", "ceasefire", None)}
    dated = facts_of(tmp_path, "On Tuesday, the Ethiopian government requested a ceasefire from the African Union mediators.",
                     headline="Peace talks")
    assert demands(dated) == {("Ethiopia", "ceasefire", "2023-05-02")}


def test_a_proposal_named_with_its_author_is_the_authors_undated_demand(tmp_path):
    facts = facts_of(tmp_path, "Khartoum welcomed the U.S. proposal for a three-day humanitarian ceasefire.", headline="Sudan talks")
    assert demands(facts) == {("United States", "ceasefire", None)}


def test_a_proposal_named_with_its_authors_demonym_is_the_authors_undated_demand(tmp_path):
    facts = facts_of(tmp_path, "Khartoum welcomed the Qatari proposal for a three-day humanitarian ceasefire.", headline="Sudan talks")
    assert demands(facts) == {("Qatar", "ceasefire", None)}


def test_considering_it_necessary_is_a_demand(tmp_path):
    facts = facts_of(tmp_path, "\"We consider it necessary to lift the sanctions,\" Iranian Foreign Minister "
                               "Hossein Amirabdollahian said.", headline="Nuclear talks")
    assert demands(facts) == {("Iran", "sanctions-relief", "2023-05-04")}


def test_an_official_of_a_state_calling_on_the_other_side_makes_a_demand_of_that_state(tmp_path):
    facts = facts_of(tmp_path, "Azerbaijan's ombudsman, Leyla Hasanova, called on Armenia to agree to a prisoner exchange.",
                     headline="Prisoner talks")
    assert demands(facts) == {("Azerbaijan", "prisoner-exchange", "2023-05-04")}


def test_a_human_rights_ombudsman_calling_on_the_other_side_makes_a_demand_of_that_state(tmp_path):
    facts = facts_of(tmp_path, "Azerbaijan's human rights ombudsman, Leyla Hasanova, called on Armenia to agree to a "
                               "prisoner exchange.", headline="Prisoner talks")
    assert demands(facts) == {("Azerbaijan", "prisoner-exchange", "2023-05-04")}


# -- answers that name no one; the Kremlin -------------------------------------------------------------
def test_an_answer_naming_no_one_answers_the_last_demand_read(tmp_path):
    facts = facts_of(tmp_path, "Bolivia insists on the withdrawal of Chilean troops from the border, Foreign Minister Ana Rojas said. "
                               "The Chilean Foreign Ministry rejected the demand as interference.")
    rejections = [r for r in facts.statements if r.kind == "rejection"]
    assert [(r.on_behalf_of.label, [a.label for a in r.addressees]) for r in rejections] == [("Chile", ["Bolivia"])]


def test_would_not_accept_opposes(tmp_path):
    facts = facts_of(tmp_path, "Earlier, NATO spokeswoman Oana Lungescu said the alliance would not accept any outside veto over its members.")
    assert [s.stance for s in facts.statements if s.speaker and s.speaker.label == "Oana Lungescu"] == ["opposes"]


def test_the_kremlin_speaks_as_the_presidential_administration_for_russia(tmp_path):
    facts = facts_of(tmp_path, "The Kremlin said on Wednesday that the talks with Kazakhstan had been useful.")
    said = [s for s in facts.statements if s.kind == "stance"]
    assert [(s.speaker.label, s.on_behalf_of.label) for s in said] == [("Russian Presidential Administration", "Russia")]


def test_accusing_one_side_and_urging_another_is_the_subjects_request(tmp_path):
    facts = facts_of(tmp_path, "In an interview on Sunday, Ecuador's President Luis Mora accused Peru of stalling and urged Brazil to mediate the ceasefire talks.")
    assert ("Ecuador", "ceasefire", "2023-04-30") in demands(facts)
    assert not any(by == "Peru" for by, _, _ in demands(facts))


def test_responding_constructively_to_an_idea_is_an_acceptance(tmp_path):
    facts = facts_of(tmp_path, "Ecuador responded constructively to Peru's idea of a joint border commission, the ministry said.")
    assert ("Ecuador", "acceptance") in {(r.on_behalf_of.label, r.kind) for r in facts.statements if r.kind in ("acceptance", "rejection")}


def test_a_refusal_proposed_is_not_a_rejection(tmp_path):
    facts = facts_of(tmp_path, "\"Peru proposed a mutual refusal to patrol the disputed strip for 30 days,\" the Ecuadorian statement said.")
    assert not [r for r in facts.statements if r.kind == "rejection"]


# -- session 4 -------------------------------------------------------------------------------------------
def demands_of(tmp_path, body: str) -> set[tuple]:
    return {(by, topic) for by, topic, _ in demands(facts_of(tmp_path, body))}

def test_a_side_seeking_a_halt_to_expansion_demands_non_expansion(tmp_path):
    demands = demands_of(tmp_path, "The Kremlin is seeking a halt to NATO's eastward expansion.")
    assert ("Russia", "nato-non-expansion") in demands


def test_sanctions_to_be_lifted_are_sanctions_relief_but_a_list_keeps_both_topics(tmp_path):
    assert ("Venezuela", "sanctions-relief") in demands_of(
        tmp_path, "Venezuelan President Nicolas Maduro has demanded that sanctions imposed by the United States be lifted.")
    listed = demands_of(tmp_path, "Russia demanded guarantees that NATO will not expand eastward, and that Ukraine will never join the alliance.")
    assert {("Russia", "nato-non-expansion"), ("Russia", "ukraine-georgia-non-accession")} <= listed


def test_asking_ukraine_to_give_up_joining_nato_is_about_ukraines_accession(tmp_path):
    demands = demands_of(tmp_path, "Russia has repeatedly called on Ukraine to abandon its ambitions to join NATO.")
    assert ("Russia", "ukraine-georgia-non-accession") in demands


def test_an_outright_demand_of_no_named_side_is_still_a_demand(tmp_path):
    demands = demands_of(tmp_path, "Rwanda has demanded an end to the armed groups operating in the region.")
    assert ("Rwanda", "other") in demands


def test_an_offer_to_act_is_a_proposal_an_offered_account_is_not(tmp_path):
    assert ("Russia", "other") in demands_of(tmp_path, "Russia offered to turn on transponders on its warplanes if NATO planes did the same.")
    assert demands_of(tmp_path, "North Korea's foreign minister offered an account of the failed talks that differed from the US one.") == set()


def test_not_prepared_to_accept_a_proposal_is_a_rejection(tmp_path):
    facts = facts_of(tmp_path, "Russia proposed a joint investigation. US Secretary of State Rex Tillerson was not prepared to accept Russia's proposal.")
    assert any(r[:2] == ("United States", "rejection") for r in responses(facts))


def test_a_standing_charge_in_the_present_perfect_is_not_the_days_news(tmp_path):
    facts = facts_of(tmp_path, "NATO has accused Russia of provocations along its border.")
    assert [(s.speaker.label, s.date) for s in facts.statements if s.kind == "stance"] == [("NATO", None)]


def test_agreeing_in_principle_to_a_ceasefire_or_for_ones_country_is_an_acceptance(tmp_path):
    facts = facts_of(tmp_path, "Chile proposed a ceasefire. Peru agreed in principle to a ceasefire but stressed the need for guarantees. "
                               "Bolivian President Luis Arce said his country agreed to join the ceasefire.")
    assert {r[:2] for r in responses(facts)} >= {("Peru", "acceptance"), ("Bolivia", "acceptance")}


def test_dismissing_accusations_is_a_rejection(tmp_path):
    facts = facts_of(tmp_path, "Chile accused Peru of violating the border. Peru vehemently dismissed all accusations.")
    assert ("Peru", "rejection") in {r[:2] for r in responses(facts)}


def test_allies_rejecting_a_demand_told_by_their_head_is_the_alliances_rejection_of_its_author(tmp_path):
    facts = facts_of(tmp_path, "NATO Secretary General Jens Stoltenberg told a news conference on Wednesday that allies had "
                               "rejected Moscow's demand to bar Ukraine from ever joining the alliance.")
    assert {r[:3] for r in responses(facts)} == {("NATO", "rejection", "Russia")}
    assert ("Russia", "ukraine-georgia-non-accession") in {d[:2] for d in demands(facts)}


def test_forces_withdrawn_from_eastern_europe_are_natos_1997_posture(tmp_path):
    demands = demands_of(tmp_path, "Russia demanded that NATO withdraw forces and weapons from Central and Eastern Europe.")
    assert ("Russia", "nato-1997-posture") in demands


def test_guarantees_that_nato_will_not_expand_further_east_are_about_non_expansion(tmp_path):
    assert ("Russia", "nato-non-expansion") in demands_of(tmp_path, "Moscow insists on legally binding guarantees that NATO will not expand further east.")
