"""What kind of act a piece of text is: demand, response or plain statement, with stance and modality.

Pure functions over strings and cue lists from ``lexicon/acts.toml``; the pipeline decides who and
when. Priority between stance cues follows how analysts read them: a condition ("if the US is
ready") makes a statement conditional whatever else it says; doubt ("rather uncertain") outranks
support; explicit refusal outranks readiness ("ready to hear … but not ready for compromises").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import lexicon, trie_regex
from .topics import fold


@cache
def _cues(section: str, key: str) -> re.Pattern:
    words = lexicon("acts")[section][key]
    alternatives = trie_regex(fold(w).strip() for w in words)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def has_cue(text: str, section: str, key: str) -> bool:
    return bool(_cues(section, key).search(fold(text)))


def cue_spans(text: str, section: str, key: str) -> list[tuple[int, int]]:
    return [m.span() for m in _cues(section, key).finditer(fold(text))]


# "no breakthrough", "had not given a constructive answer", "has not received a positive reply": a
# support cue right after "no", or a few words after a negator in the same clause, is support denied.
_SUPPORT_DENIED = re.compile(r"(?:\bno\s+|(?:\bnot|\bnever|n't)\s+(?:(?!but\b|and\b)[a-z]+\s+){1,3})$")
_READY_BUT = re.compile(r"\b(?:ready|prepared|willing|open)\b[^.;]*?,?\s+but\s+((?:it|this|that|they|the\s+\w+|\w+)\s+(?:should|must|has to|have to|needs to|need to|would have to|only)\b[^.;]*)")
_DEPENDS = re.compile(r"(?i)\bdepends?\b[^.;!?]*?\bon\b\s+([^.;!?]*)")


@dataclass(frozen=True)
class Stance:
    polarity: str  # supports, opposes, conditional, uncertain, neutral
    modality: str  # asserted, future, hypothetical, negated, conditional
    condition: str | None = None


def classify_stance(text: str) -> Stance:
    """The stance a statement takes towards its topic, and how it is put."""
    modality = _modality(text)
    condition = _condition(text)
    if condition is not None and (has_cue(text, "stance", "supports") or _DEPENDS.search(text) or has_cue(text, "stance", "conditional")):
        return Stance("conditional", "conditional", condition)
    ready_but = _READY_BUT.search(fold(text))
    if ready_but:
        # "ready for dialogue with the US, but it should be initiated by Washington": ready, on terms.
        return Stance("conditional", "conditional", text[ready_but.start(1):].strip(" .,"))
    if has_cue(text, "stance", "uncertain"):
        return Stance("uncertain", modality)
    opposes = _unnegated(text, "stance", "opposes")
    # "Russia has never refused to exchange prisoners": a refusal denied is support; "no breakthrough
    # was achieved": support denied is none.
    folded = fold(text)
    support_spans = _unnegated_spans(text, "stance", "supports")
    denied = [b for b, _ in support_spans if _SUPPORT_DENIED.search(folded[max(0, b - 40):b])]
    supports = len(denied) < len(support_spans) or (has_cue(text, "stance", "opposes") and not opposes)
    if opposes:
        return Stance("opposes", modality)
    if supports:
        return Stance("supports", modality)
    leaning = _leaning(text, "leans_supports") - _leaning(text, "leans_opposes") - len(denied)
    if leaning:
        return Stance("supports" if leaning > 0 else "opposes", modality)
    return Stance("neutral", modality)


def _unnegated_spans(text: str, section: str, key: str) -> list[tuple[int, int]]:
    """The cues of ``section.key`` in ``text`` without a negator right before them."""
    folded = fold(text)
    return [(b, e) for b, e in cue_spans(text, section, key) if not _negated_before(folded, b)]


def _leaning(text: str, key: str) -> int:
    """How far ``text`` leans the way of ``key``: its words of that side, less those negated ("not good")."""
    folded = fold(text)
    return sum(-1 if _negated_before(folded, b) else 1 for b, _ in cue_spans(text, "stance", key))


def _unnegated(text: str, section: str, key: str) -> bool:
    return bool(_unnegated_spans(text, section, key))


# "Trump proposed a mutual refusal to strike energy facilities": what is proposed, not an answer.
_PROPOSED_BEFORE = re.compile(r"\b(?:proposed|proposes|suggested|suggests|offered|offers|called\s+for|calls\s+for)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$")
_WILL_NOT_ACCEPT = re.compile(r"(?:will|would|cannot|can't|won't|will never|would never)\s+(?:not\s+)?accept$")


def _refuses_a_kind_of_thing(text: str, begin: int, end: int) -> bool:
    """ "We will not accept ultimatums": a refusal of a kind of thing, not an answer to an offer
    ("will not accept the plan")."""
    folded = fold(text)
    return bool(_WILL_NOT_ACCEPT.search(folded[begin:end])) and not _answers_an_object(folded[end:], _cues("verdict", "objects"), definite=True)


def _condition(text: str) -> str | None:
    """The condition a statement sets: what follows "depends on", or the first conditional cue of
    the lexicon ("if", "provided that", "in exchange for" …). "when" counts only for readiness
    ("ready to resume … when the US is ready")."""
    m = _DEPENDS.search(text)
    if m:
        return m.group(1).strip(" ,\"”“")
    folded = fold(text)
    for cue in _cues("stance", "conditional").finditer(folded):
        rest = text[cue.end():]
        clause = re.split(r"[.;!?]", rest, maxsplit=1)[0].strip(" ,\"”“")
        if cue.group(0).startswith("when") and not re.search(r"(?i)\bready\b", clause):
            continue
        if clause:
            return "the " + clause if cue.group(0).rstrip().endswith(" the") else clause
    return None


def _modality(text: str) -> str:
    if has_cue(text, "modality", "hypothetical"):
        return "hypothetical"
    if has_cue(text, "modality", "future"):
        return "future"
    if has_cue(text, "modality", "negated"):
        return "negated"
    return "asserted"


_AWAITED = re.compile(r"(?i)\b(?:wait(?:ing|s|ed)?\s+for|await(?:s|ing|ed)?|expect(?:s|ing|ed)?|hope(?:s|d)?\s+for)\b[^.;]*counter")


_OPEN_OR_PASSIVE = re.compile(
    r"(?i)^\W*whether\b|\b(?:be|been|being|is|are|was|were)\s+(?:\w+\s+and\s+)?"
    r"(?:accepted|endorsed|approved|rejected|refused|dismissed|turned\s+down)\s+by\b")


# "agreed to continue preparations", "agreed to speed up the talks": the sides decided something
# together; only "agreed to the plan / to Peru's terms" accepts what another side put forward.
_AGREED_TO_ACT = re.compile(r"agree[sd]?\s+to\s+(?:[\"']?\w+ly[\"']?\s+)?(?!the\b|a\b|an\b|its\b|their\b|this\b|that\b|these\b|those\b|[\w-]+'s\b)[a-z]+")


def _accepts(text: str) -> bool:
    folded = fold(text)
    return any(not _AGREED_TO_ACT.match(folded, b) for b, _ in cue_spans(text, "response", "acceptance"))


def response_kind(text: str) -> str | None:
    """The kind of response a sentence reports, if it reports one."""
    if has_cue(text, "response", "written") and has_cue(text, "response", "written_verbs"):
        return "written-response"
    if has_cue(text, "response", "counter") and not _AWAITED.search(text):
        return "counter-proposal"
    if _OPEN_OR_PASSIVE.search(text):
        return None  # "whether that will be endorsed by …": no one has answered yet, or someone else has
    if any(not _refuses_a_kind_of_thing(text, b, e) and not _PROPOSED_BEFORE.search(fold(text)[:b])
           for b, e in _unnegated_spans(text, "response", "rejection")):
        return "rejection"
    if _accepts(text):
        return "acceptance"
    if has_cue(text, "response", "statement"):
        return "statement"
    return None


def is_demand(text: str) -> bool:
    return has_cue(text, "demand", "cues")


def not_demanded_spans(text: str) -> list[tuple[int, int]]:
    """Where a demand names what is offered for it or what it leads to ("in exchange for …", "the
    only path out of sanctions is …"), as spans of ``text``: topics there are not what is demanded.
    A cue that opens the clause ("In exchange for relief, X offered …") names what X wants, so only
    a cue after something else was said counts."""
    spans = []
    for b, e in cue_spans(text, "demand", "not_demanded"):
        if not re.search(r"\w", text[:b].rsplit(",", 1)[-1]):
            continue
        end = re.search(r"\s(?:is|are|was|were)\s|[,;.!?]", text[e:])
        spans.append((b, e + end.start() if end else len(text)))
    return spans


def is_proposal_content(text: str) -> bool:
    return has_cue(text, "demand", "proposal_cues")


_ITEM_BREAK = re.compile(r",\s+(?:and\s+|as well as\s+|including\s+)?|;\s*|:\s*|\s+as well as\s+|\s+and\s+(?=the\s|to\s|not\s|its\s|\w+ing\b)")


def demand_items(text: str, topic_spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Split a list of demands ("…, refraining from …, and returning …") into one span per topic.

    Returns ``(topic, begin, end)`` with offsets in ``text``; one item per topic, the first place
    it is named.
    """
    breaks = [0] + [m.end() for m in _ITEM_BREAK.finditer(text)] + [len(text)]
    items = []
    seen = set()
    for topic, b, _e in topic_spans:
        if topic in seen:
            continue
        seen.add(topic)
        start = max(x for x in breaks if x <= b)
        end = min((x for x in breaks if x > b), default=len(text))
        # The item ends at the next break after its cue; trim the separator that closes it.
        chunk = text[start:end].rstrip(" ,;:")
        if chunk.endswith(" and"):
            chunk = chunk[:-4]
        items.append((topic, start, start + len(chunk.rstrip())))
    return items


@dataclass(frozen=True)
class Verdict:
    """An acceptance or rejection found in a text; offsets in that text."""

    kind: str  # acceptance or rejection
    start: int  # where the verb (or the possessor's "'s" of a nominal verdict) begins
    verb_end: int  # where the verb ends: what it answers follows
    nominal: bool = False  # "Hamas's approval of …": the possessor answers
    passive: bool = False  # "was ratified by all 30 members": the agent answers


_NOMINAL = re.compile(r"'s\s+(approval|acceptance|rejection|refusal)\s+of\b")
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?$")


@cache
def _negator_before() -> re.Pattern:
    return re.compile(rf"(?:^|[^\w])(?:{_cues('verdict', 'negators').pattern})\s+(?:[a-z]+\s+)?$")


def _negated_before(folded: str, at: int) -> bool:
    """Whether a negator stands right before ``at``, or one word before it ("did not accept",
    "has never formally rejected")."""
    words = folded[max(0, at - 30):at]
    return bool(_negator_before().search(words)) or words.endswith("n't ")


def _answers_an_object(after: str, objects: re.Pattern, definite: bool) -> bool:
    """Whether what follows a verdict verb names what it answers: "it", or an offer noun within the
    clause ("accepted Washington's proposal"). A refusal ("will not accept") answers only a definite
    one ("the plan", "its terms"), not a kind of thing ("ultimatums")."""
    if re.match(r"\s+(?:it|them)\b", after):
        return True
    for o in objects.finditer(after):
        lead = after[:o.start()]
        if o.start() > 60 or re.search(r"[.;]", lead):
            return False
        if not definite or re.search(r"\b(?:the|this|that|these|those|its|their|his|her|our|'s)\b|'s\s+(?:[\w-]+\s+)?$", lead):
            return True
    return False


# A verdict verb in a clause of time or condition is an answer still to come.
_TIME_OR_CONDITION_BEFORE = re.compile(r"\b(?:before|until|unless|if|once|when)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$")


def find_verdict(text: str, start: int = 0, end: int | None = None) -> Verdict | None:
    """The first acceptance or rejection in ``text[start:end]`` by the lexicon's ``[verdict]``
    rules, or None."""
    folded = fold(text)[: len(text) if end is None else end]
    found: list[Verdict] = []
    objects = _cues("verdict", "objects")
    for kind, key in (("acceptance", "accept_verbs"), ("rejection", "reject_verbs")):
        for m in _cues("verdict", key).finditer(folded, start):
            negated = _negated_before(folded, m.start())
            if negated and kind == "rejection":
                continue  # "has never refused to exchange prisoners"
            verdict_kind = "rejection" if negated else kind
            after = folded[m.end():]
            if kind == "rejection" and re.match(r"\s+to\s", after):
                continue  # "declined to comment", "refused to destroy": the refusal rule below reads these
            passive = bool(_PASSIVE_BEFORE.search(folded[:m.start()])) and re.match(r"\s+by\b", after) is not None
            if _TIME_OR_CONDITION_BEFORE.search(folded[max(0, m.start() - 40):m.start()]):
                continue  # "… before Greece ratifies the deal", "until Kyiv accepts it": not yet answered
            if passive or _answers_an_object(after, objects, definite=negated):
                found.append(Verdict(verdict_kind, m.start(), m.end(), passive=passive))
    for m in _cues("verdict", "negated_accept_verbs").finditer(folded, start):
        if _negated_before(folded, m.start()) and _answers_an_object(folded[m.end():], objects, definite=True):
            found.append(Verdict("rejection", m.start(), m.end()))
    for m in _cues("verdict", "refusal_verbs").finditer(folded, start):
        if not _negated_before(folded, m.start()) and not _cues("verdict", "not_refused").match(folded[m.end():].lstrip()):
            found.append(Verdict("rejection", m.start(), m.end()))
    for m in _NOMINAL.finditer(folded, start):
        found.append(Verdict("acceptance" if m.group(1) in ("approval", "acceptance") else "rejection", m.start(), m.end(1), nominal=True))
    return min(found, key=lambda v: (v.start, -v.verb_end)) if found else None
