"""Acts read from what was reported rather than quoted: drafts and proposals published and their
items, requests ("X urged Y to …"), verdicts ("X rejected the plan"), reactions ("falls short of
its demands"), written responses handed over.
"""

from __future__ import annotations

import re
from collections import Counter

from ..facts import ActorRef, PartialDate, Statement
from ..iri import fact_iri
from . import acts
from .actors import ActorMention
from .attribution import Utterance
from .dates import DateMention
from .segment import Sentence
from .state import (
    _FALLS_SHORT,
    _NOT_ADDRESSEE,
    _REQUEST,
    _actor_ref,
    _add_demand,
    _add_response,
    _add_statement,
    _after_preposition,
    _after_word,
    _demanded_topics,
    _evidence,
    _last_demander,
    _one_each,
    _own_words,
    _ProposalContext,
    _sentence_date,
    _side,
    _sides,
    _State,
)

_EACH_OTHER = re.compile(r"\b(?:each other|one another)\b", re.I)

_ADDRESSED = re.compile(r"(?i)\b(demands?|proposals?|drafts?)\b[^.]*\baddressed to\b")

_PROPOSAL_NOUN = re.compile(r"(?i)\b(draft|drafts|proposals?|demands|documents?|memorand(?:um|ums|a)|(?:peace|ceasefire|truce)\s+plans?|roadmap|road\s+map)\b")

_ANAPHORIC_START = re.compile(r"(?i)^(?:the\s+(?:documents?|drafts?|proposals?|proposed\s+measures|measures|texts?)|it\s+follows\s+from|they|she|it|in\s+addition|also|in\s+a\s+broad\s+outline|the\s+country's\s+authorities)\b")


def _reported_acts(state: _State, s: Sentence, mentions: list[ActorMention], dates: list[DateMention], said: list[Utterance]) -> None:
    text = s.text
    spoken = bool(said)
    date = next((d.date for d in dates if d.date is not None), None)

    # A proposal or set of drafts published, sent, or addressed: its author and addressees.
    publish = re.search(r"(?i)\b(published|released|sent|submitted|handed|delivered|unveiled|presented|made public|expects to receive|addressed to)\b", text)
    if publish and _PROPOSAL_NOUN.search(text) and not acts.has_cue(text, "response", "written"):
        before = [m for m in mentions if m.begin < s.begin + publish.start() and not m.in_title and m.ref is not None and m.how != "place"]
        subjects = [m for m in before if not _after_preposition(state.info.text, m.begin)]
        author = _side(state, subjects[-1].ref) if subjects else None
        if author is None and _ADDRESSED.search(text) and state.proposal is not None:
            author = state.proposal.author
        if author is None:
            subj = [m for m in mentions if m.ref is not None and not m.in_title]
            author = _side(state, subj[0].ref) if subj else None
        if author is not None:
            addressees = tuple(a for a in _sides(state, [m for m in mentions if not _after_word(state.info.text, m.begin, _NOT_ADDRESSEE)]) if a.iri != author.iri)
            keep_date = date  # "the demands are addressed to …" says to whom, not when
            if keep_date is None and spoken and not _ADDRESSED.search(text):
                # "Medinsky said that Russia had handed a two-part memorandum": news of the day he told it.
                keep_date = _sentence_date(state, text, dates)
            event = fact_iri("event", "publication", keep_date.iso, None) if keep_date and keep_date.precision == "day" else None
            state.proposal = _ProposalContext(author, addressees, keep_date, s.index, event)

    # "Kurti's proposal says the association should …", "Hamas's plan calls for …": a proposal named
    # by its author's possessive and told of what it says is the proposal in view.
    said_by = _POSSESSED_PROPOSAL_SAYS.search(text)
    if said_by is not None:
        _possessed_proposal_in_view(state, s, mentions, said_by)

    # Items of the proposal: each topic its author's demand of the addressees.
    ctx = state.proposal
    topic_hits = state.topics.specific(text)
    own_date = date is not None and ctx is not None and ctx.date is not None and date.iso != ctx.date.iso and ctx.sentence != s.index
    if ctx is not None and topic_hits and s.index - ctx.sentence <= 3 and not own_date:
        if acts.is_proposal_content(text) or acts.is_demand(text) or _ANAPHORIC_START.match(text):
            items = acts.demand_items(text, [(h.topic, h.begin, h.end) for h in topic_hits])
            for topic, b, e in items:
                ev = _evidence(s, s.begin + b, s.begin + e, state.info.text, 0.75)
                _add_demand(state, ctx.author, None, ctx.addressees, topic, ctx.date, ev, text[b:e])
            ctx.sentence = s.index  # a list may run on over several sentences
            state.proposal_sentences.add(s.index)
    elif ctx is not None and not topic_hits and _continues_the_list(state, s) and acts.is_demand(text):
        # "Also, Russia and NATO must pledge not to create conditions …": one more point of the list
        # right before it, on no topic of the scheme (a generic one if named).
        generic = state.topics.find(text)
        ev = _evidence(s, s.begin + len(_LIST_GOES_ON.match(text).group(0)), s.end, state.info.text, 0.7)
        _add_demand(state, ctx.author, None, ctx.addressees, generic[0].topic if generic else "other", ctx.date, ev, ev.quote)
        ctx.sentence = s.index
        state.proposal_sentences.add(s.index)

    # "X urged Y to …", "X sought relief from sanctions": a request, also inside reported speech,
    # where the one asking is the clause's subject, not the speaker ("He said North Korea sought …").
    if s.index not in state.proposal_sentences:
        for request in _REQUEST.finditer(text):
            _request(state, s, mentions, request, _frame_date(dates, said) if said else date, said)

    # "Tehran made numerous demands": a demand whose content the sentence does not give.
    for made in _MADE_DEMANDS.finditer(text):
        _made_demands(state, s, mentions, dates, made)

    # "stalled by Lebanon's demand that the map be modified", "Russia's demands for guarantees that
    # NATO will not expand": the possessor demands what the clause names.
    for nominal in _NOMINAL_DEMAND.finditer(text):
        _nominal_demand(state, s, mentions, nominal)

    # "the U.S. proposal for a 30-day ceasefire", "Trump's idea of implementing …": a proposal named
    # by its author, about a topic of the scheme.
    for m in mentions:
        _named_proposal(state, s, mentions, m)

    # "Israel says the proposal falls short of its demands": a reaction to the other side's offer,
    # unless a speaker's own words hold it (the speech is read with its own date).
    for short in _FALLS_SHORT.finditer(text):
        if not any(_in_own_words(u, s.begin + short.start()) for u in said):
            _falls_short(state, s, mentions, short, _sentence_date(state, s.text, dates))

    # "Moscow had accepted Washington's proposal", "X rejected the plan": a reported response. Told
    # by a speaker ("Hamas says it has approved …"), it is read with the speaker's words, and date.
    verdict = acts.find_verdict(text)
    if verdict and not any(_read_in_speech(u, s.begin + verdict.start) for u in said):
        _verdict(state, s, mentions, verdict, date)

    # "Kurti also published what he called his 'vision'": after answering the other side's offer, a
    # side that puts forward its own has made a counter-proposal; its points are its demands.
    own_offer = _own_offer(text)
    if own_offer is not None:
        _counter_offer(state, s, mentions, own_offer, _clause_date(s, dates, own_offer))

    # "Lebanese authorities … have pledged to deliver a reply": a promise to answer the offer in view.
    promise = _promise_to_answer(text)
    if promise is not None and not spoken:
        _promised_answer(state, s, mentions, promise, _sentence_date(state, s.text, dates))  # news of the day, unless marked earlier

    # "It is clarified that the document will not contain promises …": more on the response the
    # sentence before told of, by the same side.
    if not spoken and _DOCUMENT_ANAPHOR.search(text):
        _document_goes_on(state, s, date)

    # Written responses handed over.
    kind = acts.response_kind(text)
    if kind == "written-response" and not spoken:
        verb = re.search(r"(?i)\b(handed|submitted|sent|delivered|gave|passed|transmitted|provided)\b", text)
        if verb:
            pivot = s.begin + verb.start()
            givers = _sides(state, [m for m in mentions if m.begin < pivot and not m.in_title])
            over_to = re.search(r"(?i)\b(?:over\s+to|to)\s+(?!\w+[’']s\b)", text[verb.end():])
            receivers = []
            for m in mentions:
                if over_to and m.begin >= s.begin + verb.end() + over_to.start() and m.ref is not None and not m.in_title:
                    if text[m.end - s.begin : m.end - s.begin + 2] in ("’s", "'s"):
                        continue
                    side = _side(state, m.ref)
                    if side is not None:
                        receivers.append(side)
                        break
            if not givers and _EACH_OTHER.search(text):
                # "The parties … sent each other written responses": both ways between the two sides
                # of the negotiation in context (the proposal's author and the state it went to).
                parties = _negotiating_parties(state)
                givers, receivers = list(parties), list(parties)
            for giver in givers:
                to = tuple(r for r in receivers if r.iri != giver.iri)
                if not to:
                    continue
                ev = _evidence(s, s.begin, s.end, state.info.text, 0.8)
                responds = state.proposal.event if state.proposal and state.proposal.author.iri == to[0].iri else None
                _add_statement(state, Statement(
                    kind="written-response", evidence=ev, speaker=None, on_behalf_of=giver, addressees=to,
                    topics=("other",), date=date, content=text, responds_to=responds,
                    key=("response", giver.iri, kind, date.iso if date else state.info.file_name, to[0].iri),
                ))


_MADE_DEMANDS = re.compile(r"\b(?:made|presented|put forward|issued|tabled|set out|laid out)\s+(?:[\w-]+\s+){0,2}?demands\b")


def _in_own_words(u: Utterance, at: int) -> bool:
    """Whether offset ``at`` lies in the speaker's own words, not in another side's they go on to."""
    content = u.sentence.text[u.begin - u.sentence.begin:u.end - u.sentence.begin]
    return u.begin <= at < u.begin + len(_own_words(content))


def _read_in_speech(u: Utterance, at: int) -> bool:
    """Whether a verdict at ``at`` is read with the speech: in the speaker's own words, or the speech
    verb itself ("Chile has rejected Peru's proposal, saying …")."""
    return _in_own_words(u, at) or u.verb_begin <= at < u.verb_begin + len(u.verb)


def _subject_before(state: _State, s: Sentence, mentions: list[ActorMention], at: int) -> ActorMention | None:
    """The last name before ``at`` that is not governed by a preposition: the clause's subject.
    A demonym counts with a group noun after it ("the Iranian delegation")."""
    for m in reversed([m for m in mentions if m.end <= at and m.ref is not None and not m.in_title and m.how != "place"]):
        if _after_preposition(state.info.text, m.begin):
            continue
        if m.how == "demonym" and not acts.has_cue(state.info.text[m.end:at].strip().split(" ")[0], "demand", "group_nouns"):
            continue
        return m
    return None


# "Russia's demands for …", "Hamas's main demand is …", "Peru's conditions include …"; a singular
# demand with a copula names what it is, a plural one ("demands are addressed to") need not, and
# "conditions on" are often of the ground, not of a side.
_NOMINAL_DEMAND = re.compile(r"[’']s\s+(?:(?:key|main|core|new|latest|security|repeated|long-standing|longstanding)\s+){0,2}(?:(?:demands?|insistence|requests?)\s+(?:that|for|to|on|include|includes|included)|conditions?\s+(?:for|include|includes|included)|(?:demand|condition)\s+(?:is|was|remains))\b")


def _nominal_demand(state: _State, s: Sentence, mentions: list[ActorMention], nominal: re.Match) -> None:
    """A demand named by its owner's possessive. Undated: the noun tells that it was made, not when."""
    owner = next((m for m in mentions if m.end == s.begin + nominal.start() and m.ref is not None and m.how != "place"), None)
    by = _side(state, owner.ref) if owner else None
    if by is None:
        return
    clause = re.split(r"[;:]|,\s+(?:but|while|and)\b", s.text[nominal.end():], maxsplit=1)[0]
    clause_begin = s.begin + nominal.end()
    hits = state.topics.find(clause)  # substantive topics first, a frame topic else
    # "stalled by Lebanon's demand that the map used in the talks be modified": a demand that names
    # no topic is a demand in the negotiation the headline names.
    topic = hits[0].topic if hits else (_headline_topic(state) or "other")
    inside = [m for m in mentions if clause_begin <= m.begin < clause_begin + len(clause)]
    addressees = tuple(a for a in _sides(state, inside) if a.iri != by.iri)
    if any(d.kind == "demand" and d.evidence.sentence_index == s.index and d.on_behalf_of == by and d.topics == (topic,) for d in state.facts.statements):
        return  # read already, from the same words
    ev = _evidence(s, owner.begin, clause_begin + len(clause), state.info.text, 0.65)
    _add_demand(state, by, None, addressees, topic, None, ev, ev.quote)


# After an author's name: "(’s) (new) proposal for", "’s idea of", "plan to".
_PROPOSAL_AFTER_NAME = re.compile(r"^(?:[’']s)?\s+(?:(?:new|latest|own|initial|revised)\s+)?(?:proposals?|plan|initiative|offer|idea)\s+(?:for|to|on|of)\b")


def _named_proposal(state: _State, s: Sentence, mentions: list[ActorMention], m: ActorMention) -> None:
    """A proposal named with its author ("the U.S. proposal for a 30-day ceasefire") is the
    author's demand, on the specific topic the rest of its clause names. Undated: the noun tells
    that it was made, not when."""
    if m.ref is None or m.how == "place" or m.in_title:
        return
    if m.how == "demonym" and not re.search(r"(?i)\bthe\s+$", state.info.text[s.begin:m.begin]):
        return  # "the Qatari proposal" names its author; "Qatari officials' proposal" does not
    after = state.info.text[m.end:s.end]
    named = _PROPOSAL_AFTER_NAME.match(after)
    if named is None:
        return
    if re.search(r"(?i)\b(?:response|responses|reply|replies|answer|respond|responded|reaction|react|reacted)\s+to\s+(?:the\s+)?$", state.info.text[s.begin:m.begin]):
        return  # "a response to Russia's proposals": the proposal is what is answered, read where it was made
    by = _side(state, m.ref)
    clause = re.split(r"[;:,]", after[named.end():], maxsplit=1)[0]
    hits = state.topics.specific(clause)
    # A proposal or idea put to the other side is one whatever it is about; a "plan to" act may be
    # the author's own, so it counts only on a topic of the scheme.
    if by is None:
        return
    own = [d for d in state.facts.statements if d.kind == "demand" and d.on_behalf_of == by]
    if hits:
        topic = hits[0].topic
        if any(d.topics == (topic,) for d in own):
            return  # the proposal already read, told again by its name
    else:
        # "Moscow's proposal on security guarantees" after its points were read: the same proposal.
        generic = state.topics.find(clause)
        if own or re.search(r"(?i)\bplan\b", named.group(0)):
            return
        topic = generic[0].topic if generic else "other"
    ev = _evidence(s, m.begin, m.end + named.end() + len(clause), state.info.text, 0.6)
    _add_demand(state, by, None, (), topic, None, ev, ev.quote)


def _made_demands(state: _State, s: Sentence, mentions: list[ActorMention], dates: list[DateMention], made: re.Match) -> None:
    """"X made (numerous) demands": X's demand, about what the sentence names or the article
    negotiates. Dated only by a date the clause gives ("made demands on Monday")."""
    subject = _subject_before(state, s, mentions, s.begin + made.start())
    gap = state.info.text[subject.end:s.begin + made.start()] if subject else ""
    if subject is None or not re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}", gap):
        return  # the subject is right before the verb ("the Iranian delegation made")
    by = _side(state, subject.ref)
    hits = state.topics.find(s.text)  # specific topics first, a generic one ("security demands") else
    topic = hits[0].topic if hits else _negotiation_topic(state, s.text)
    if by is None or topic is None:
        return
    when = next((d.date for d in dates if d.date is not None and 0 <= d.begin - s.begin - made.end() < 30), None)
    ev = _evidence(s, subject.begin, s.begin + made.end(), state.info.text, 0.6)
    _add_demand(state, by, None, (), topic, when, ev, ev.quote)


def _falls_short(state: _State, s: Sentence, mentions: list[ActorMention], short: re.Match, date: PartialDate | None) -> None:
    """"The proposal falls short of its demands", "did not meet Israel's demands": the owner of the
    demands reacts to the offer (a response of kind statement, dated as the news it is) and has
    demands of its own, made before — undated — and about what the sentence names."""
    owner_at = s.begin + short.start("owner")
    if short.group("owner").lower() in ("its", "their"):
        owner = _subject_before(state, s, mentions, s.begin + short.start())
    else:
        owner = next((m for m in mentions if m.begin >= owner_at and m.end <= s.begin + short.end("owner") and m.ref is not None), None)
    by = _side(state, owner.ref) if owner else None
    if by is None:
        return
    ev = _evidence(s, s.begin, s.end, state.info.text, 0.6)
    about = state.topics.find(s.text)  # specific topics first, a generic one ("security demands") else
    topics = tuple(dict.fromkeys(h.topic for h in about)) or ("other",)
    _add_response(state, Statement(kind="statement", evidence=ev, on_behalf_of=by, topics=topics, stance="opposes",
                                   date=date, content=s.text, responds_to=state.proposal.event if state.proposal else None))
    topic = about[0].topic if about else _negotiation_topic(state, s.text)
    if topic is not None:
        _add_demand(state, by, None, (), topic, None, ev, s.text)


def _verdict(state: _State, s: Sentence, mentions: list[ActorMention], verdict: acts.Verdict, date: PartialDate | None,
             speech: Utterance | None = None, speaker_side: ActorRef | None = None) -> None:
    """"Moscow re-entered the deal after intervention by Turkish and UN diplomats", "Hamas's approval
    of the proposal": a response by the verdict's subject, one to each side named in its clause. In
    speech the subject is in the speaker's words, or else is the speaker ("We accepted the plan")."""
    told_by_verb = speech is not None and s.begin + verdict.start < speech.begin  # "X rejected Y's offer"
    if speech is not None and re.search(r"(?i)\bhad\s+(?:\w+ly\s+)?$", s.text[:verdict.start]):
        date = None  # "recalled that Moscow had accepted the proposal": told now, done before, when it does not say
    inside = [m for m in mentions if speech is None or told_by_verb or m.begin >= speech.begin]
    responders = _verdict_sides(state, s, inside, verdict)
    if not responders and speaker_side is not None and speech is not None:
        # The speaker answers when the words say so ("We accepted the plan", "accepted it, he said"),
        # not when someone unnamed does ("both sides agreed to …").
        lead_in = s.text[max(0, speech.begin - s.begin):verdict.start] if not told_by_verb else ""
        # ("his country agreed to …", "her government accepted …": the speaker's side)
        # ("allies had rejected …" said NATO's head: the members of the speaker's side)
        if not lead_in.strip(" “\"") or re.fullmatch(r"(?i)[\s“\"]*(?:we|i|it|(?:our|my|his|her|their)\s+(?:country|government|side|delegation|state)|(?:the\s+)?(?:allies|member states|members))\s+(?:(?:have|has|had|also|again|already|\w+ly)\s+)*", lead_in):
            responders = [speaker_side]
    for by in responders:
        _verdict_by(state, s, mentions, verdict, date, by, responders)


def _verdict_by(state: _State, s: Sentence, mentions: list[ActorMention], verdict: acts.Verdict, date: PartialDate | None,
                by: ActorRef, responders: list[ActorRef]) -> None:
    text = s.text
    clause = _own_words(text[verdict.verb_end:])
    # "rejected Russia's demand that NATO halt its expansion": NATO is in what was demanded, not answered.
    # (nor in what it was a demand to do: "rejected Moscow's demand to bar Ukraine from joining")
    clause_end = s.begin + verdict.verb_end + re.search(r"[,;:”\"]|\bthat\b|\bto\s+(?!the\b|a\b|an\b|its\b|their\b)[a-z]|$", clause).start()
    objects = [m for m in mentions if s.begin + verdict.verb_end <= m.begin < clause_end and m.ref is not None and not m.in_title and m.how != "place"]
    # "accepted Washington's proposal on Ukraine": Ukraine is what it is about, not who is answered
    answered = [a for a in _sides(state, [m for m in objects if not _after_word(state.info.text, m.begin, _NOT_ADDRESSEE)]) if a not in responders]
    if not answered and state.proposal and state.proposal.author.iri != by.iri and state.proposal.sentence < s.index:
        answered = [state.proposal.author]
    kind = verdict.kind
    if not answered and (demander := _last_demander(state, by, kind)) is not None:
        answered = [demander]
    topics = tuple(dict.fromkeys(h.topic for h in state.topics.find(text) if h.topic not in state.topics.generic)) or ("other",)
    ev = _evidence(s, s.begin, s.end, state.info.text, 0.7)
    for to in _one_each(answered):
        _add_response(state, Statement(
            kind=kind, evidence=ev, on_behalf_of=by, addressees=(to,) if to else (), topics=topics,
            date=date, content=text, responds_to=state.proposal.event if state.proposal else None,
        ))
    _answered_proposal(state, s, objects)


def _verdict_sides(state: _State, s: Sentence, mentions: list[ActorMention], verdict: acts.Verdict) -> list[ActorRef]:
    """Who answered: the possessor of a nominal verdict ("Hamas's approval of"), else the clause's
    subject before the verb, each side of it ("The US and NATO rejected …")."""
    pivot = s.begin + verdict.start
    if verdict.nominal:
        owner = next((m for m in mentions if m.end == pivot and m.ref is not None), None)
        side = _side(state, owner.ref) if owner else None
        return [side] if side else []
    if verdict.passive:  # "Finland's application was ratified by all 30 members of the alliance"
        clause_end = s.begin + verdict.verb_end + re.search(r"[,;:]|$", s.text[verdict.verb_end:]).start()
        agents = [m for m in mentions if s.begin + verdict.verb_end < m.begin < clause_end and m.ref is not None and not m.in_title and m.how != "place"]
        return _coordinated_sides(state, s, agents[:1]) if agents else []
    subjects = [m for m in mentions if m.end <= pivot and m.ref is not None and not m.in_title and m.how != "place"
                and not _after_preposition(state.info.text, m.begin)]
    return _coordinated_sides(state, s, subjects) if subjects else []


def _answered_proposal(state: _State, s: Sentence, objects: list[ActorMention]) -> None:
    """"Moscow accepted Washington's proposal on extending New START": a proposal the other side
    answers is its author's demand. When it was made the sentence does not say."""
    for m in objects:
        after = state.info.text[m.end:s.end]
        noun = _possessed_proposal(after)
        if noun is None:
            continue
        by = _side(state, m.ref)
        rest = after[noun.end():]
        rest = rest[:re.search(r"[,;:”\"]|$", rest).start()]
        hits = state.topics.find(rest)
        if by is None or not hits:
            return
        ev = _evidence(s, m.begin, m.end + noun.end() + len(rest), state.info.text, 0.6)
        _add_demand(state, by, None, (), hits[0].topic, None, ev, ev.quote)
        return


def _possessed_proposal(after: str) -> re.Match | None:
    """"’s proposal", "’s new offer": the possessive and the proposal noun it governs, if it does."""
    for words in range(3):
        m = re.match(r"[’']s\s+(?:[\w-]+\s+){%d}([\w-]+)" % words, after)
        if m and acts.has_cue(m.group(1), "demand", "proposal_nouns"):
            return m
    return None


_LIST_GOES_ON = re.compile(r"(?i)^(?:also|in addition|besides|moreover|furthermore)\b,?\s*")


def _continues_the_list(state: _State, s: Sentence) -> bool:
    """A sentence right after a proposal's points that opens by adding one more ("Also, …")."""
    return (s.index - 1) in state.proposal_sentences and _LIST_GOES_ON.match(s.text) is not None


_DOCUMENT_ANAPHOR = re.compile(r"(?i)(?:^|\bthat\s+)(?:the|this|its)\s+(?:document|response|reply|answer|text|letter)\b")

_ANSWER_KINDS = ("rejection", "acceptance", "counter-proposal", "written-response")


def _document_goes_on(state: _State, s: Sentence, date: PartialDate | None) -> None:
    """A sentence about "the document" right after one that reported a response: the same side's
    response, of the kind this sentence tells ("will not contain promises" → rejection)."""
    kind = acts.response_kind(s.text)
    if kind not in ("rejection", "acceptance", "counter-proposal"):
        return
    before = {st.on_behalf_of.iri: st for st in state.facts.statements
              if st.kind in _ANSWER_KINDS and st.evidence.sentence_index == s.index - 1 and st.on_behalf_of is not None}
    ev = _evidence(s, s.begin, s.end, state.info.text, 0.6)
    for prev in before.values():
        _add_response(state, Statement(
            kind=kind, evidence=ev, on_behalf_of=prev.on_behalf_of, addressees=prev.addressees[:1], topics=prev.topics,
            date=date or prev.date, content=s.text, responds_to=prev.responds_to,
        ))


# Between the verb and the noun of one's own offer: "published what he called his "vision"",
# "presented its own".
_OWN_OFFER_GAP = re.compile(r"""(?i)\s+(?:[\w-]+\s+){0,4}?(?:his|her|its|their)\s+(?:own\s+)?(?:[\w-]+\s+)?["“']?""")


def _own_offer(text: str) -> int | None:
    """Where a side's putting forward of its own offer begins ("published his plan", "unveiled
    what it called its own roadmap"), or None."""
    nouns = acts.cue_spans(text, "response", "counter_nouns")
    for b, e in acts.cue_spans(text, "response", "counter_verbs"):
        if any(_OWN_OFFER_GAP.fullmatch(text[e:nb]) for nb, _ in nouns if nb > e):
            return b
    return None


def _counter_offer(state: _State, s: Sentence, mentions: list[ActorMention], at: int, date: PartialDate | None) -> None:
    """A side's own offer is a counter-proposal when the same side has already answered another's
    offer in the article: one response to whom that answer went. Undated, it is of the answer's day
    when the sentence goes on from it ("also published"). Its offer becomes the one in view."""
    subject = _subject_before(state, s, mentions, s.begin + at)
    by = _side(state, subject.ref) if subject else None
    answer = next((st for st in reversed(state.facts.statements) if by is not None and st.on_behalf_of == by
                   and st.kind in ("rejection", "statement") and st.evidence.sentence_index < s.index), None)
    if by is None or answer is None:
        return
    if date is None and re.search(r"(?i)\balso\b", s.text[:at]):
        date = answer.date
    ev = _evidence(s, subject.begin, s.end, state.info.text, 0.6)
    _add_response(state, Statement(kind="counter-proposal", evidence=ev, on_behalf_of=by, addressees=answer.addressees[:1],
                                   topics=answer.topics, date=date, content=s.text, responds_to=answer.responds_to))
    state.proposal = _ProposalContext(by, answer.addressees[:1], date, s.index)


_POSSESSED_PROPOSAL_SAYS = re.compile(
    r"[’']s\s+(?:[\w-]+\s+){0,2}?(?:proposals?|plans?|drafts?|offers?|initiative|roadmap)\s+"
    r"(?:says|said|calls\s+for|called\s+for|envisages|envisaged|provides\s+for|provided\s+for|stipulates|stipulated|proposes|proposed)\b")


def _possessed_proposal_in_view(state: _State, s: Sentence, mentions: list[ActorMention], said_by: re.Match) -> None:
    """The possessor of "X's proposal says …" is the author of the proposal in view. One already in
    view by the same author keeps its date and addressees; a new one is undated (the sentence tells
    what the proposal says, not when it was made)."""
    owner = next((m for m in mentions if m.end == s.begin + said_by.start() and m.ref is not None and m.how != "place"), None)
    author = _side(state, owner.ref) if owner else None
    if author is None:
        return
    ctx = state.proposal
    if ctx is not None and ctx.author.iri == author.iri:
        ctx.sentence = s.index
        return
    others = tuple(a for a in _sides(state, [m for m in mentions if m is not owner]) if a.iri != author.iri)
    state.proposal = _ProposalContext(author, others, None, s.index)


def _clause_date(s: Sentence, dates: list[DateMention], at: int) -> PartialDate | None:
    """A date of the clause at ``at``: before the comma that ends it, not in a relative clause after
    it ("…, a body that was agreed upon back in 2013")."""
    comma = s.text.find(",", at)
    end = s.begin + (comma if comma >= 0 else len(s.text))
    return next((d.date for d in dates if d.date is not None and d.begin < end), None)


def _promise_to_answer(text: str) -> int | None:
    """Where a promise to answer begins ("pledged to deliver a reply", "vowed to respond"): a promise
    verb with an answer word at most three words after it. None when the sentence makes none."""
    answers = acts.cue_spans(text, "response", "answer_words")
    for b, e in acts.cue_spans(text, "response", "promise_verbs"):
        if any(re.fullmatch(r"\s*(?:[\w-]+\s+){0,3}", text[e:ab]) for ab, _ in answers if ab >= e):
            return b
    return None


def _promised_answer(state: _State, s: Sentence, mentions: list[ActorMention], at: int, date: PartialDate | None) -> None:
    """A side that promises to answer the proposal in view reacts to it: a response of kind
    statement by the clause's subject, to the proposal's author. Without a proposal in view there is
    nothing the promise answers."""
    subject = _subject_before(state, s, mentions, s.begin + at)
    by = _side(state, subject.ref) if subject else None
    author = state.proposal.author if state.proposal is not None else None
    if by is None or author is None or author.iri == by.iri:
        return
    ev = _evidence(s, subject.begin, s.end, state.info.text, 0.6)
    _add_response(state, Statement(kind="statement", evidence=ev, on_behalf_of=by, addressees=(author,), topics=("other",),
                                   stance="neutral", date=date, content=s.text, responds_to=state.proposal.event))


def _frame_date(dates: list[DateMention], said: list[Utterance]) -> PartialDate | None:
    """When words were said: a date outside what was said ("said on Tuesday that …"), not one
    inside it ("… must stop by March")."""
    return next((d.date for d in dates if d.date is not None and not any(u.begin <= d.begin < u.end for u in said)), None)


_OUTRIGHT_DEMANDS = {"demanded", "demands", "demanding", "insisted on", "insists on", "called for", "calls for", "seeking", "seeks", "offered to", "offers to"}


def _request(state: _State, s: Sentence, mentions: list[ActorMention], request: re.Match, date: PartialDate | None,
             said: list[Utterance] = ()) -> None:
    text = s.text
    if request.group(1).startswith("propos") and re.search(r"(?i)\b(?:the|a|an|its|their|his|her|regarding|on|of|about|for|to|with)\s+$|[’']s\s+$", text[:request.start()]):
        return  # "concessions regarding proposed security guarantees": an adjective, not a proposal made
    # A quote mark right before the verb opens a quoted fragment ('North Korea "wanted the sanctions
    # lifted"'), not a new clause: the subject is still before it.
    verb_at = len(text[:request.start()].rstrip(' “"'))
    clause_start = _clause_start(s, mentions, verb_at)
    between = [m for m in mentions if s.begin + clause_start <= m.begin and m.end <= s.begin + request.start()
               and m.ref is not None and not m.in_title and m.how != "place"
               and (m.how != "demonym" or _group_noun_after(state.info.text, m))]
    if not between and not text[clause_start:verb_at].strip():
        # "Azerbaijan's ombudsman, Leyla Hasanova, called on …": the name the apposition closes on.
        comma = text.rfind(",", 0, clause_start)
        between = [m for m in mentions if m.how == "person" and m.ref is not None and comma >= 0 and m.end - s.begin == comma]
    voice = next((u for u in said if u.begin <= s.begin + request.start() < u.end), None)
    if voice is not None and _WE_BEFORE.search(text[clause_start:verb_at]):
        # "“We have repeatedly called for the intensification of prisoner exchanges,” she added."
        requesters = [side] if (side := _side(state, voice.speaker)) else []
    elif not between or not re.fullmatch(r"[\s\w’'.“\"-]*", text[between[-1].end - s.begin:request.start()]):
        return  # the requester must be the clause's subject, right before the verb
    elif re.search(r"\band\s+$", text[between[-1].end - s.begin:request.start()]):
        # "Kurti accused Belgrade of stalling and urged the EU to …": the clause's subject asks, not its object.
        first = _opens_clause_with(s, mentions, clause_start)
        requesters = _coordinated_sides(state, s, [first]) if first else []
    else:
        requesters = _coordinated_sides(state, s, between)
    after = [m for m in mentions if m.begin >= s.begin + request.end() and m.ref is not None and not m.in_title
             and m.how not in ("place", "demonym") and not _after_word(state.info.text, m.begin, _NOT_ADDRESSEE | {"from"})]
    to = _side(state, after[0].ref) if after else None
    if request.group(1).startswith("expect") and not (after and re.fullmatch(r"\s+(?:the\s+)?", state.info.text[s.begin + request.end():after[0].begin])
                                                      and re.match(r"\s+to\s+[a-z]", state.info.text[after[0].end:])):
        return  # "Moscow expects Washington to give a reply" asks; "expects the talks to be hard" does not
    rest = text[request.end():][:200]
    wanted = _demanded_topics(rest, state.topics.specific(rest)) or _demanded_topics(rest, state.topics.find(rest))
    topic = wanted[0].topic if wanted else _negotiation_topic(state, rest)
    if topic is None and to is None and (request.group(1).startswith("propos") or request.group(1) in _OUTRIGHT_DEMANDS):
        # "Trump proposed a mutual refusal to strike energy facilities", "Rwanda has demanded an end to
        # the FDLR": a proposal or a demand, whatever its topic and whoever it is made of.
        topic = "other"
    if not requesters or any(to is not None and to.iri == by.iri for by in requesters) or (topic is None and to is None):
        return
    if request.group(1) in ("asked", "asks", "urged", "urges", "called on", "calls on", "pressed", "invited", "invites") and to is None:
        return
    ev = _evidence(s, s.begin + clause_start, s.end, state.info.text, 0.7)
    # "demanded guarantees that NATO will not expand, and that Ukraine will never join": one demand a point.
    topics = list(dict.fromkeys(h.topic for h in wanted)) or [topic or "other"]
    for by in requesters:
        for each in topics:
            _add_demand(state, by, None, (to,) if to else (), each, date or _sentence_date(state, text, []), ev, text[clause_start:])


_WE_BEFORE = re.compile(r"(?i)(?:^|[\s“\"])we\s+(?:(?:have|had|also|again|always|\w+ly)\s+)*$")


def _opens_clause_with(s: Sentence, mentions: list[ActorMention], clause_start: int) -> ActorMention | None:
    """The name a clause opens with (after an opening circumstance such as "In an interview with
    the BBC on Sunday,"), its subject."""
    first = next((m for m in mentions if m.begin - s.begin >= clause_start and m.ref is not None and not m.in_title and m.how != "place"), None)
    if first is None or not re.fullmatch(r"[\s,]*(?:the\s+)?", s.text[clause_start:first.begin - s.begin], re.I):
        return None
    return first


def _group_noun_after(text: str, m: ActorMention) -> bool:
    """ "the Sudanese government", "the Iranian delegation": a demonym that names a side's body."""
    return acts.has_cue((text[m.end:].split()[:1] or [""])[0], "demand", "group_nouns")


def _clause_start(s: Sentence, mentions: list[ActorMention], at: int) -> int:
    """Where the clause that runs up to ``at`` begins: after the last punctuation break that is not
    part of a list of names ("Britain, France and Germany had urged …")."""
    listed = [(m.begin - s.begin, m.end - s.begin) for m in mentions]
    breaks = [i for i, ch in enumerate(s.text[:at]) if ch in ';:“",' and not any(b <= i < e for b, e in listed)]
    for i in reversed(breaks):
        if s.text[i] == "," and _joins_names(s, mentions, i):
            continue
        return i + 1
    return 0


def _joins_names(s: Sentence, mentions: list[ActorMention], comma: int) -> bool:
    """A comma between two names of a list: "Russia, China and Iran"."""
    left = any(m.end - s.begin <= comma and not s.text[m.end - s.begin:comma].strip() for m in mentions)
    right = any(m.begin - s.begin > comma and re.fullmatch(r"\s*(?:and\s+)?", s.text[comma + 1:m.begin - s.begin]) for m in mentions)
    return left and right


def _coordinated_sides(state: _State, s: Sentence, before_verb: list[ActorMention]) -> list[ActorRef]:
    """The sides a clause's subject names: "Russia and China urged …", "Britain, France and Germany
    had urged …" (one demand each, even where the gazetteer knows the three as one group)."""
    chain = [before_verb[-1]]
    for m in reversed(before_verb[:-1]):
        gap = state.info.text[m.end:chain[0].begin]
        if not re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+as well as)\s+", gap):
            break
        chain.insert(0, m)
    sides: list[ActorRef] = []
    for m in chain:
        for side in _listed_sides(state, m) or [_side(state, m.ref)]:
            if side is not None and side not in sides:
                sides.append(side)
    return sides


def _listed_sides(state: _State, m: ActorMention) -> list[ActorRef]:
    """The members a name lists in full ("Britain, France and Germany"); none for a single name."""
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.surface)
    if len(parts) < 2:
        return []
    iris = [state.gaz.names.get(p) or state.gaz.names.get(p.removeprefix("the ")) for p in parts]
    if any(i is None or state.gaz.entry(i).kind not in ("state", "organization") for i in iris):
        return []
    return [r for r in (_actor_ref(state, i) for i in iris) if r is not None]


def _negotiation_topic(state: _State, text: str) -> str | None:
    """What "the deal", "the accord" refer to: the negotiation the article is about — the specific
    topic its headline names, else one that holds most of what the article names (the Iran nuclear
    deal, a ceasefire). None when the text names no such object, or the article spreads over several."""
    if not acts.has_cue(text, "demand", "negotiation_anaphors"):
        return None
    headline = _headline_topic(state)
    if headline is not None:
        return headline
    counts = Counter(h.topic for h in state.topics.find(state.info.text) if h.topic not in state.topics.generic)
    if not counts:
        return None
    topic, n = counts.most_common(1)[0]
    return topic if n >= 2 and n * 2 > sum(counts.values()) else None


def _headline_topic(state: _State) -> str | None:
    """The specific topic the headline names: what the article's negotiation is about."""
    headline = state.topics.specific(state.info.headline)
    return headline[0].topic if headline else None


def _negotiating_parties(state: _State) -> list[ActorRef]:
    ctx = state.proposal
    if ctx is not None:
        other = next((a for a in ctx.addressees if a.kind == "state" and a.iri != ctx.author.iri), None)
        if other is not None:
            return [ctx.author, other]
    return list(state.last_sides) if len(state.last_sides) == 2 else []
