"""Who said it: find speech frames and give each reported sentence its speaker.

A frame is a speech verb with its speaker before it ("Peskov stressed"), after it ("said the
ambassador"), or an "according to X". Its content is the quote it closes or opens, the clause after
the verb ("said that …"), or the clause before the frame ("…, X told RBC"). Pronouns and role nouns
("he", "the diplomat") go to the last person named; a quote running over several sentences takes the
speaker of the frame that closes or opens it, and a paragraph that continues a quote without a frame
keeps the previous speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..facts import ActorRef
from .actors import ActorMention, _title_heads, _title_like
from .lexicon import alternation, lexicon
from .segment import Sentence

_QUOTE = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|«[^»]*(?:»|$)", re.M)
_FILLER = re.compile(
    r"^(?:\s|,|has|had|have|also|later|then|earlier|again|further|once\s+again|in\s+turn|\w+ly|was|were|is|"
    # a short circumstance between subject and verb: "Trump during a news conference on Thursday said"
    # (not a relative clause: "Kiev after talks that he described": "he" is the one describing)
    r"(?:during|at|in|on|after|before|while|when|speaking\s+(?:at|to|on|with))\s+(?:(?!\b(?:that|which|who|he|she|they)\b)[^,;\"“”]){1,50}?(?=\s*(?:,|$)))*$",
    re.I,
)
# Between a body and its verb: "State Department official admitted", "Kremlin spokesman said".
_BODY_PERSON = re.compile(r"^(?:[’']s)?\s*(?:senior\s+|top\s+|high-ranking\s+)?(?:official|officials|spokesman|spokeswoman|spokesperson|source|sources|diplomat|diplomats|representative|representatives|side|leadership|authorities|government|administration|delegation|press\s+service|envoy)\b", re.I)
# A side named by its demonym and a collective noun: "the Turkish government", "the Russian side".
# (A singular "the Russian diplomat" is a person, found by the role-noun reading.)
_DEMONYM_BODY = re.compile(r"^\s+(?:government|side|delegation|authorities|leadership|administration|officials|diplomats|negotiators)\b")
# (a circumstance has no "that" clause: "said after the meeting that …" goes on to say something)
_CIRCUMSTANCE = re.compile(r"^(?:(?:in|on|at|to(?=\s+(?:the|a|an|his|her|its|their|reporters|journalists|lawmakers)\b|\s+(?-i:[A-Z0-9]))|during|with|from|after|before|late|earlier|later|while|when|speaking|via)\b(?:(?!\bthat\b)[^;“”\"])*|(?:[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*|reporters|journalists|the\s+press|the\s+media)(?:\s+(?:on|in|at|after|during)\b[^;“”\"]*)?)$")
# A finite verb right after a name: the name is a clause's subject ("said Moscow would …").
_VERB_AFTER = re.compile(r"\s+(?:would|will|was|were|is|are|had|has|have|could|should|must|can|cannot|did|does|do|may|might)\b")
# A relative clause open before a name: ", who led Moscow's delegation" (up to the name).
_IN_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which|whose)\b[^,;“”\"]*$")
_APPOSITION = re.compile(r"^\s*,[^,;\"“”]{2,160},")
# A relative clause that ends right before the verb, lists and all: "Mora, who chaired the meeting of
# the signatories — Iran, Britain, France — said"
_RELATIVE_APPOSITION = re.compile(r"^\s*,\s+(?:who|whose)\b(?:[^;\"“”]|“[^”]{1,80}”|\"[^\"]{1,80}\"){2,240}?(?:,|\s[—–])\s*$")
# An apposition the verb closes without a comma: "…,” Hristijan Mickoski, president of opposition party VMRO-DPMNE said.
_UNCLOSED_APPOSITION = re.compile(r"^\s*,\s+[^,;\"“”]{2,80}?\s+$")
# A relative clause, lists and all, open before a name: "…, who chaired the meeting of the signatories — Iran, Britain".
_IN_LONG_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whose)\b[^;“”\"]*$")
_INVERSION_GAP = re.compile(r"^[\s,]*(?:(?:the|a|an|by)\s+)*$", re.I)
_REPORTED_LEAD = re.compile(r"^\s*(?:(?:to(?=\s+(?:the|a|an|his|her|its|their|reporters|journalists|lawmakers)\b|\s+(?-i:[A-Z0-9]))|with|after|following|at|during|in|before)\s+[^,“”\"]*?(?=\s*(?:,|\bthat\b)))?(?:,\s*)?(?:(?:earlier|later|afterwards?|separately|publicly|today|previously|also|again|last\s+(?:year|month|week|\w+day)|this\s+(?:year|month|week)|yesterday|in\s+\d{4}|(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:morning|afternoon|evening|night))?|on\s+[A-Z][a-z]+\.?\s+\d{1,2}(?:,?\s+\d{4})?|on\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?)\s*,?\s*)*(?:\s*that\s+|:\s*)?")


def _appositive(between: str) -> re.Match | None:
    """The apposition between a name and its verb: closed by a comma, a relative clause, or a post
    the verb closes."""
    unclosed = _UNCLOSED_APPOSITION.match(between)
    return (_RELATIVE_APPOSITION.match(between) or _APPOSITION.match(between)
            or (unclosed if unclosed and _title_heads().search(between) else None))


@dataclass(frozen=True)
class Utterance:
    sentence: Sentence
    begin: int  # the content's span in the article text
    end: int
    speaker: ActorRef
    frame: str  # quote, reported, according, dash, passive
    verb: str
    verb_begin: int  # where the speech verb is, in the article (for tense and date cues)


@cache
def _verbs() -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{alternation('speech', 'verbs')})(?![\w-])")


@cache
def _role_nouns() -> re.Pattern:
    return re.compile(rf"(?i)\b(?:the|this|that)\s+(?:(?:high-ranking|senior|top|[a-z]+(?:an|ese|ish|i))\s+)*(?:{alternation('speech', 'role_nouns')})\b")


@cache
def _owned_roles() -> re.Pattern:
    """ "Iran's foreign minister", "Russia's deputy foreign minister": a post named by its state."""
    return re.compile(rf"(?<![\w-])(?P<owner>[A-Z][\w.-]*)[’']s\s+(?:(?:deputy|top|chief|senior|first)\s+)*(?P<role>(?i:{alternation('speech', 'role_nouns')}))\b")


@cache
def _diplomat_posts() -> tuple[str, ...]:
    return tuple(lexicon("speech")["diplomat_posts"])


@cache
def _joint_subjects() -> re.Pattern:
    return re.compile(rf"(?i)\b(?:{alternation('speech', 'joint_subjects')})\b")


# ", saying (that) …", ", expressing satisfaction over …": speech reported by a participle.
_PARTICIPLE = re.compile(r",\s+(saying|expressing|stressing|insisting|warning|arguing|noting|adding|calling|accusing|urging|describing|claiming|"
                         r"pledging|vowing|acknowledging|praising|welcoming|reiterating|emphasi[sz]ing|underlining|recalling|stating)\b(?:\s+that\b)?\s*")
# What may open a sentence before its subject ("On Tuesday, ", "Meanwhile, ").
_SUBJECT_LEAD = re.compile(r"^(?:(?:On|In|At|After|Following|Earlier|Later|Meanwhile|However|Also|For\s+(?:his|her|its|their)\s+part)\b[^,]{0,40},\s*)?"
                           r"(?:(?:the|a|an|The|A|An)\s+[^,;“”\"]{1,60},\s*(?=[A-Z]))?")  # "the head of the delegation, NAME"
# What goes on after a frame set off by commas mid-sentence ("…, Tsipras said, before Greece ratifies"):
# a comma, then words of the same sentence (not a quote, not a new frame).
_PARENTHETICAL = re.compile(r"^\s*,\s+(?![“\"])(?:[a-z]|[A-Z][a-z]+\s+[a-z])")
# Between a quote and the speaker who closes it, a short description: "…,” the rebel negotiator NAME said.
_DESCRIBED_SPEAKER = re.compile(r"[\s,]*(?:the|a|an)\s+(?!(?:that|which|who|after|when|talks|meeting)\b)(?:[a-z][\w-]*\s+){1,3}")
# Between two names of a list, a title: ", German Chancellor ", " and French President ".
_LISTED_TITLE = re.compile(r"\s*,\s*(?:[A-Z][\w.\-]*\s+){0,5}")
# What may stand between a sentence's start and its subject's name: an article and a title.
_TITLE_GAP = re.compile(r"(?:(?:the|The)\s+)?(?:[A-Z][\w.\-]*\s+){0,5}")
# "told his cabinet on Sunday that …", "told reporters in Geneva that …": whom it was told to.
_TOLD_WHOM = re.compile(r"^\s+(?:[\w’'.-]+\s+){1,12}?(?:on\s+\w+\s+)?that\s+")
_ORG_NOUN = re.compile(r"(?i)\b(?:the|this)\s+(ministry|department|agency|office|bloc|alliance|organization|organisation|embassy|mission)\b")
_SIDES_WORD = re.compile(r"(?i)\b(?:sides|parties|countries|governments)\b")
_DOCUMENT_NOUN = re.compile(r"(?i)\b(?:the|its|their)\s+(?:(?-i:[A-Z])[\w-]+\s+)?(?:joint\s+|official\s+)?(?:statement|readout|communiqu[eé]|press\s+release|release)\b")
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")


def _relative_subject(before: str) -> bool:
    """The subject opens a relative clause: "what he called", "which Israel claims", "the demands
    that European countries criticized" — but not "It added that the leader expressed …", where
    "that" follows a speech verb and what follows is what was said."""
    if re.search(r"(?i)\b(?:what|which|whom)\s+$", before):
        return True
    m = re.search(r"([\w’']+)\s+that\s+$", before)
    return bool(m) and not _verbs().fullmatch(m.group(1))


def _listed_after(ms: list[ActorMention], first: ActorMention, text: str, offset: int) -> list[ActorMention]:
    """ "said the joint statement from Theresa May, German Chancellor Angela Merkel and French
    President Emmanuel Macron": the people listed with the first, titles and all."""
    listed = [first]
    for m in ms:
        if m.begin < listed[-1].end or m.how != "person" or m.ref is None or m.in_title:
            continue
        gap = text[listed[-1].end - offset:m.begin - offset]
        if not (_LISTED_TITLE.fullmatch(gap) or re.fullmatch(r"\s*,?\s+and\s+(?:[A-Z][\w.\-]*\s+){0,5}", gap)):
            break
        listed.append(m)
        if " and " in gap:
            return listed  # the list closes with "and"; one that does not is no list
    return [first]


def _titled_gap(gap: str) -> bool:
    """ "announced the African Union's High Representative for the Horn of Africa, former
    Nigerian President ": a title (with its organisation) between an inverted verb and the name."""
    return len(gap) <= 140 and not re.search(r"[;“”\"]", gap) and bool(re.match(r"^[\s,]*(?:the|a|an)\b", gap, re.I)) \
        and bool(_title_heads().search(gap)) and not re.search(r"\b(?:that|who|which|and)\b", gap)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech in a paragraph, the marks included; an unclosed quote runs to the end."""
    return [m.span() for m in _QUOTE.finditer(text) if m.end() - m.start() > 2]


class Attributor:
    def __init__(self, side_of: Callable[[ActorRef], ActorRef | None] = lambda ref: None, demonyms: dict[str, str] | None = None,
                 names: dict[str, str] | None = None) -> None:
        self.side_of = side_of  # the state or body an actor acts for
        self.names_to_iri = names or {}  # "Iran" → its IRI, for "Iran's foreign minister"
        self.all_mentions: dict[int, list[ActorMention]] = {}  # every sentence's mentions, for a post named before its holder
        self.demonyms = demonyms or {}  # "Cambodian" → the state's IRI, for "the Cambodian prime minister"
        self.last_sides: list[ActorRef] = []  # the two sides last named in one sentence, for "both sides said"
        self.last_person: ActorRef | None = None
        self.last_speaker: ActorRef | None = None
        self.last_quoted: ActorRef | None = None  # who spoke the last quote, if the last frame was a quote
        self.last_body_speaker: ActorRef | None = None  # the last state or body that spoke, for "the statement said"
        self.bodies: list[ActorRef] = []  # government bodies named so far, for "the ministry"
        self.co_speakers: list[ActorRef] = []  # "X and Y said": the others
        self.people: list[ActorRef] = []  # people named so far, in order
        self.last_pair: list[ActorRef] = []  # the last two people named in one sentence
        self.last_group: list[ActorRef] = []  # the last speakers who spoke together, for "they said"

    def note_mentions(self, mentions: list[ActorMention]) -> None:
        named = list(dict.fromkeys(m.ref for m in mentions if m.how in ("person", "surname") and m.ref is not None and not m.in_title))
        if len(named) >= 2:
            self.last_pair = named[-2:]  # "Both ministers …" refers to people named together
        sides = list(dict.fromkeys(filter(None, (self.side_of(m.ref) for m in mentions if m.ref is not None and m.how != "place" and not m.in_title))))
        if len(sides) == 2:
            self.last_sides = sides
        for m in mentions:
            if m.how in ("person", "surname") and m.ref is not None:
                self.last_person = m.ref
                self.people.append(m.ref)
            elif m.ref is not None and m.ref.kind == "government-body":
                self.bodies.append(m.ref)

    def paragraph(self, sentences: list[Sentence], text: str, mentions: dict[int, list[ActorMention]]) -> list[Utterance]:
        """Utterances of one paragraph (``sentences`` all belong to it)."""
        self.all_mentions = mentions
        if not sentences:
            return []
        p_begin = sentences[0].begin
        p_text = text[p_begin : sentences[-1].end]
        quotes = [(b + p_begin, e + p_begin) for b, e in quote_spans(p_text)]
        out: list[Utterance] = []
        framed: dict[int, tuple] = {}  # sentence index → its frame
        for s in sentences:
            ms = mentions.get(s.index, [])
            self.co_speakers = []
            frame = self._frame(s, ms, quotes, text)
            self.note_mentions(ms)
            if frame is not None:
                framed[s.index] = frame
                speaker, how, verb, verb_at, c_begin, c_end = frame
                if self.co_speakers:
                    self.last_group = [speaker, *self.co_speakers]
                self.last_speaker = speaker if speaker.kind == "person" else self.last_speaker
                self.last_quoted = speaker if how == "quote" else None
                if speaker.kind != "person":
                    self.last_body_speaker = speaker
                if speaker.kind == "person":
                    self.last_person = speaker
                if c_end > c_begin:
                    for who in [speaker, *self.co_speakers]:
                        out.append(Utterance(s, c_begin, c_end, who, how, verb, verb_at))
                    # "…,” said X, who led the delegation, saying he hoped …": a second thing said.
                    more = _PARTICIPLE.search(s.text, max(c_end, verb_at) - s.begin)
                    if more is not None and not (c_begin <= s.begin + more.start() < c_end) and len(s.text[more.end():].split()) >= 4:
                        for who in [speaker, *self.co_speakers]:
                            out.append(Utterance(s, s.begin + more.end(), s.end, who, "reported", more.group(1), s.begin + more.start(1)))
        # "… ,— said the ambassador." closing an unquoted paragraph: the paragraph is the quote.
        last = sentences[-1]
        if framed.get(last.index) and framed[last.index][1] == "dash" and not quotes:
            speaker, _, verb, verb_at = framed[last.index][:4]
            for s in sentences[:-1]:
                if s.index not in framed:
                    framed[s.index] = framed[last.index]
                    out.append(Utterance(s, s.begin, s.end, speaker, "dash", verb, verb_at))
        # Sentences inside a quote with no frame of their own: the quote's frame speaks them; in a
        # paragraph only one person speaks in, a quoted sentence between two of theirs is theirs too.
        speakers_here = {f[0].iri: f for f in framed.values()}
        only = next(iter(speakers_here.values())) if len(speakers_here) == 1 else None
        for s in sentences:
            if s.index in framed:
                continue
            region = next(((b, e) for b, e in quotes if b <= s.begin + 1 and s.end - 1 <= e), None)
            whole_quote = re.match(r"^[“\"«]", s.text) and re.search(r"[”\"»]$", s.text)
            if region is None and only is not None and only[0].kind == "person" and whole_quote:
                out.append(Utterance(s, s.begin, s.end, only[0], "quote", only[2], only[3]))
                continue
            if region is None:
                continue
            speaker = None
            for other in sentences:
                f = framed.get(other.index)
                if f and other.begin < region[1] and region[0] < other.end:
                    speaker, verb, verb_at = f[0], f[2], f[3]
                    break
            if speaker is None and only is not None and only[0].kind == "person" and whole_quote:
                # "“NATO's door remains open,” Rutte told reporters. “We will not compromise …”"
                speaker, verb, verb_at = only[0], only[2], only[3]
            if speaker is None and region[0] == p_begin and (self.last_quoted or self.last_speaker) is not None:
                # A paragraph that is all quote goes on from the last quote's speaker ("…,” the statement
                # said. ¶ “Putin responded positively …”), else from the last person who spoke.
                speaker, verb, verb_at = self.last_quoted or self.last_speaker, "", s.begin
            if speaker is not None:
                out.append(Utterance(s, s.begin, s.end, speaker, "quote", verb, verb_at))
        out.sort(key=lambda u: u.begin)
        return out

    # -- frames ------------------------------------------------------------------------------------
    def _frame(self, s: Sentence, ms: list[ActorMention], quotes, text: str):
        """(speaker, how, verb, verb offset, content begin, content end) for a framed sentence."""
        inside = [(b, e) for b, e in quotes if b < s.end and s.begin < e]

        def outside(pos: int) -> bool:
            return not any(b <= pos < e for b, e in inside)

        stext = s.text
        # "According to X, …"
        acc = re.search(r"(?i)\baccording to\b", stext)
        if acc and outside(s.begin + acc.start()):
            found = self._after(s, ms, s.begin + acc.end())
            if found is not None:
                speaker = found[0][0]
                self.co_speakers = found[0][1:]
                comma = stext.find(",", acc.end())
                if comma > 0:
                    return speaker, "according", "according to", s.begin + acc.start(), s.begin + comma + 1, s.end
                return speaker, "according", "according to", s.begin + acc.start(), s.begin, s.begin + acc.start()
        # "…, X said." / "X said that …" / "said the ambassador"
        reported = None
        for v in _verbs().finditer(stext):
            at = s.begin + v.start()
            if not outside(at):
                continue
            verb = v.group(0)
            if re.fullmatch(r"(?i)\s*as\s+", text[s.begin:at]) and text[at + len(verb):at + len(verb) + 1] == ",":
                continue  # "As reported, Lavrov … met …": the outlet's narration, no one's words
            found = self._before(s, ms, at, text)
            inverted = False
            if found is None:
                found = self._after(s, ms, s.begin + v.end(), inverted=True)
                inverted = found is not None
            if found is None and re.search(r",?\s+and\s+$", text[max(s.begin, at - 8):at]):
                # "X, head of the delegation, alluded to a treaty …, and stressed …": X's second verb.
                subjects = self._sentence_subjects(s, ms, at, text)
                if subjects:
                    found = (subjects, s.begin, at)  # the subject opens the sentence
            if found is None:
                continue
            speakers, frame_start, frame_end = found
            if not inverted and _relative_subject(text[s.begin:frame_start]):
                continue  # "published what he called his vision", "demands that Europe criticized": no frame
            speaker = speakers[0]
            self.co_speakers = speakers[1:]
            after_at = frame_end if inverted else s.begin + v.end()
            rest = text[after_at:s.end]
            lead = _TOLD_WHOM.match(rest) if verb in ("told", "tells", "has told", "informed", "briefed", "assured") else None
            lead = lead or _REPORTED_LEAD.match(rest)
            c_begin = after_at + (lead.end() if lead else 0)
            says_that = bool(lead and re.search(r"(?:that|:)\s*$", lead.group(0)))
            # A quote the frame closes ends right at it ("…,” he said); a word quoted further back ("a
            # “treaty” between Moscow and Kiev after talks that he described as …") is no speech.
            said_quotes = inside  # this frame's quotes; ``inside`` stays every quote, for ``outside``
            closes = [q for q in said_quotes if q[1] <= at]
            if closes and not inverted and (closes[-1][1] > frame_start or not (_title_like(text[closes[-1][1]:frame_start])
                                                                                  or _DESCRIBED_SPEAKER.fullmatch(text[closes[-1][1]:frame_start]))):
                said_quotes = [q for q in said_quotes if q[0] >= at]
            # What was said: the quote(s) in the sentence — unless they are a few words quoted inside
            # reported speech ("said Russia would make “serious political decisions” if …").
            quoted_words = sum(len(text[max(b, s.begin):min(e, s.end)].split()) for b, e in said_quotes)
            # A quote that ends a reported clause ("said in exchange for relief, X was willing to
            # “dismantle …”") is part of what was said; the clause carries its condition and stance.
            leads_into_quote = bool(said_quotes) and not inverted and len(re.findall(r"\w+", text[c_begin:said_quotes[0][0]])) >= 2
            if said_quotes and not (says_that or leads_into_quote or (quoted_words < 6 and not inverted and s.end - c_begin > 10 and c_begin < said_quotes[0][0])):
                qb = max(said_quotes[0][0], s.begin)
                before_verb = [q for q in said_quotes if q[1] <= at]
                # "“…,” said X, saying he hoped “…”": the quotes before the verb are what the frame closes.
                qe = min((before_verb or said_quotes)[-1][1], s.end)
                if qe <= at and len(re.findall(r"\w+", text[s.begin:qb])) >= 2 and not _verbs().search(text[s.begin:qb]):
                    qb = s.begin  # "This agreement shows “the will …,” said X": the clause the quote ends
                return speaker, "quote", verb, at, qb, qe
            start = frame_start if not inverted else min(frame_start, at)
            comma = text.rfind(",", s.begin, start)
            if comma >= 0 and start - comma < 160 and not inverted:
                start = comma
            before = text[s.begin:start].rstrip(" ,—–-")
            after_words = text[c_begin:s.end].strip(" .")
            # The frame closes the sentence ("…, X told RBC on Thursday.") when what follows the verb
            # is only its circumstances; otherwise what was said follows the verb.
            frame_at_end = not after_words or bool(_CIRCUMSTANCE.match(after_words))
            if re.match(r"(?i)call(?:s|ed)?$", verb) and re.match(r"\s+on\s", text[at + len(verb):]):
                frame_at_end = False  # "called on Armenia to agree …": what follows is what was asked
            as_frame = re.match(r"(?i)^\s*as\s", before + " ")
            if as_frame:  # "As X said earlier, CLAUSE"
                comma = text.find(",", frame_end, s.end)
                if comma > 0:
                    return speaker, "reported", verb, at, comma + 1, s.end
            # ("… and Kurti agreed late on Saturday on a plan, Borrell said": an act agreed on closes
            # nothing; the frame that does is the later one.)
            parenthetical = _PARENTHETICAL.match(rest) and text[start:start + 1] == ","
            if parenthetical and len(before.split()) >= 1 and not says_that:
                # "Skopje also needs to revise its constitution, Tsipras said, before Greece ratifies the
                # deal"; "The accord, the ambassador said, is named for …": both halves are what was said.
                return speaker, "reported", verb, at, s.begin, s.end
            if len(before.split()) >= 4 and not says_that and frame_at_end and not verb.lower().startswith("agree"):
                how = "dash" if re.search(r"[—–]\s*$", text[s.begin:start]) else "reported"
                return speaker, how, verb, at, s.begin, s.begin + len(before)
            if s.end - c_begin > 10 and reported is None:
                # "The US on Wednesday rejected Russia's demand …, Blinken said.": a frame closing the
                # sentence names who told it; the first verb's reading holds only if none does.
                reported = (speaker, self.co_speakers), (speaker, "reported", verb, at, c_begin, s.end)
                if says_that:
                    break  # "The White House said in a statement that … Witkoff had underlined …": the that-clause is what was said
        if reported is not None:
            self.co_speakers = reported[0][1]
            return reported[1]
        return self._participle(s, ms, outside, text)

    def _participle(self, s: Sentence, ms: list[ActorMention], outside, text: str):
        """ "Trump sought to stress his comity with Kim, saying the meeting was warm": the clause's
        subject says what follows the participle ("X and Y held a call, expressing satisfaction …")."""
        m = _PARTICIPLE.search(s.text)
        if m is None or not outside(s.begin + m.start()):
            return None
        at = s.begin + m.start(1)
        subjects = self._sentence_subjects(s, ms, at, text)
        if not subjects:
            return None
        self.co_speakers = subjects[1:]
        c_begin = s.begin + m.end()
        if s.end - c_begin <= 10:
            return None
        return subjects[0], "reported", m.group(1), at, c_begin, s.end

    def _sentence_subjects(self, s: Sentence, ms: list[ActorMention], before: int, text: str) -> list[ActorRef]:
        """The actor(s) a sentence opens with: "Putin and US President Joe Biden held …", "He …"."""
        lead = _SUBJECT_LEAD.match(s.text)
        start = s.begin + (lead.end() if lead else 0)
        if re.match(r"(?:He|She)\b", text[start:start + 4]) and self.last_person is not None:
            return [self.last_person]
        named = [m for m in ms if m.ref is not None and not m.in_title and m.how not in ("demonym", "place") and m.begin < before]
        if not named or not _TITLE_GAP.fullmatch(text[start:named[0].begin]):
            return None
        subjects, last = [named[0].ref], named[0]
        for m in named[1:]:
            if not re.fullmatch(r"\s+and\s+" + _TITLE_GAP.pattern, text[last.end:m.begin]):
                break
            subjects.append(m.ref)
            last = m
        return list(dict.fromkeys(subjects))

    def _before(self, s: Sentence, ms: list[ActorMention], verb_at: int, text: str):
        """The subject just before a speech verb — a name, "he", "the diplomat", "the ministry" —
        as (speakers, where the subject starts, where it ends); "X and Y said" gives both."""
        window_start = max(s.begin, verb_at - 80)
        window = text[window_start:verb_at]
        for m in reversed(ms):
            if m.end > verb_at or m.ref is None or m.how == "place" or m.in_title:
                continue
            if m.how == "demonym" and not _DEMONYM_BODY.match(text[m.end:verb_at]):
                continue  # "the Turkish government said", "the Russian side said": the state; "Russian troops": no one
            if m.begin < window_start and not (m.how == "person" and _appositive(text[m.end:verb_at])):
                continue  # far from the verb, unless a long title stands between ("X, the …'s under secretary …, said")
            if _IN_RELATIVE_CLAUSE.search(text[max(s.begin, m.begin - 120):m.begin]) and "," in text[m.end:verb_at]:
                continue  # "Karasin, who led Moscow's delegation, said": the clause names who he is, not who speaks
            if _IN_LONG_RELATIVE_CLAUSE.search(text[max(s.begin, m.begin - 240):m.begin]) and re.search(r"[,—–]\s*$", text[m.end:verb_at]):
                continue  # "…, who chaired the meeting of the signatories — Iran, Britain, France — said"
            between = text[m.end:verb_at]
            holder = self._apposition_head(ms, m, text)
            if holder is not None:
                m = holder
                between = text[m.end:verb_at]
            body = _BODY_PERSON.match(between)
            apposition = _appositive(between)  # "X, Russia's envoy to the talks, said"
            if _FILLER.match(between) or (body and _FILLER.match(between[body.end():])) or (apposition and _FILLER.match(between[apposition.end():])):
                speakers = [m.ref]
                start = m.begin
                holder = self._holder_of(m.ref, body.group(0)) if body and m.how not in ("person", "surname") else None
                if holder is not None:
                    return [holder], m.begin, m.end + body.end()  # "The Kremlin spokesman recalled": Peskov, named before
                # "X and Y said": people with people, states with states ("the leaders of A and B agreed").
                alike = ("person", "surname") if m.how in ("person", "surname") else ("name", "metonym")
                # "May, German Chancellor Angela Merkel and French President Emmanuel Macron said": all three.
                # The last two are joined by "and"; a comma alone is an apposition ("Russia and the
                # United States, the US State Department said").
                for other in reversed([o for o in ms if o.end <= m.begin and o.ref is not None and o.how in alike and not o.in_title]):
                    gap = text[other.end:start]
                    if len(speakers) == 1 and not re.fullmatch(r"\s*,?\s*and\s+(?:[^,]*)", gap):
                        break
                    if len(speakers) > 1 and not _LISTED_TITLE.fullmatch(gap):
                        break
                    speakers.insert(0, other.ref)
                    start = other.begin
                return list(dict.fromkeys(speakers)), start, m.end
            break
        joint = _joint_subjects().search(window)
        if joint and _FILLER.match(window[joint.end():]):
            # The two people last named together; with none — or for "both sides" when those two
            # speak for one side ("Witkoff … Trump") — the two sides last named together.
            pair = self.last_pair if len(self.last_pair) == 2 else self.last_sides
            if pair is self.last_pair and _SIDES_WORD.search(joint.group(0)) and len(self.last_sides) == 2:
                one_side = {self._side_iri(p) for p in pair}
                if len(one_side) < 2:
                    pair = self.last_sides
            if len(pair) == 2:
                return list(pair), window_start + joint.start(), window_start + joint.end()
        they = re.search(r"\b(?:they|They)\s*$", window) or re.search(r"\b(?:they|They)\b", window)
        if they and _FILLER.match(window[they.end():]) and len(self.last_group) >= 2:
            return list(self.last_group), window_start + they.start(), window_start + they.end()
        for m in _PRONOUN.finditer(window):
            # "X, …, alluded to talks that he described as …": the person this sentence named first.
            named_here = [o.ref for o in ms if o.how in ("person", "surname") and o.ref is not None and o.end <= window_start + m.start()]
            person = named_here[-1] if named_here else self.last_person
            if _FILLER.match(window[m.end():]) and person is not None:
                return [person], window_start + m.start(), window_start + m.end()
        for m in _role_nouns().finditer(window):
            if _FILLER.match(window[m.end():]) and self.last_person is not None:
                return [self._person_for_role(m.group(0))], window_start + m.start(), window_start + m.end()
        for m in _owned_roles().finditer(window):
            # "Iran's foreign minister has described the talks as …" before the article names him:
            # the person it names later in that post, for that state.
            if _FILLER.match(window[m.end():]):
                person = self._named_later(s, m.group("owner"), m.group("role"))
                if person is not None:
                    return [person], window_start + m.start(), window_start + m.end()
        for m in _ORG_NOUN.finditer(window):
            if _FILLER.match(window[m.end():]):
                body = self._last_body_named(m.group(1))
                if body is not None:
                    return [body], window_start + m.start(), window_start + m.end()
        for m in _DOCUMENT_NOUN.finditer(window):
            # "…,” the statement said: the body whose statement or readout the article quotes; "the
            # Ecuadorian statement": the side its demonym names.
            if not _FILLER.match(window[m.end():]):
                continue
            named = next((o.ref for o in ms if o.how == "demonym" and o.ref is not None
                          and window_start + m.start() <= o.begin < window_start + m.end()), None)
            issuers = self._issuers(m.group(0), named)
            if issuers:
                return issuers, window_start + m.start(), window_start + m.end()
        return None

    def _issuers(self, document: str, named: ActorRef | None = None) -> list[ActorRef] | None:
        """Who issued the statement the article quotes: the side its demonym names ("the Ecuadorian
        statement"), those who issued a joint one together, else the body last heard from."""
        if named is not None:
            return [named]
        if "joint" in document.lower() and len(self.last_group) >= 2:
            return list(self.last_group)
        return [self.last_body_speaker] if self.last_body_speaker is not None else None

    def _titled_person_after(self, s: Sentence, ms: list[ActorMention], pos: int, after: ActorMention) -> ActorMention | None:
        person = next((o for o in ms if o.begin > after.end and o.how == "person" and not o.in_title), None)
        if person is not None and _titled_gap(s.text[pos - s.begin:person.begin - s.begin]):
            return person
        return None

    def _apposition_head(self, ms: list[ActorMention], m: ActorMention, text: str) -> ActorMention | None:
        """ "Redwan Hussein, national security adviser to Prime Minister Abiy Ahmed, welcomed": the
        name inside the apposition ("to/of … Abiy Ahmed") is not the subject; the one before it is."""
        segment_start = text.rfind(",", 0, m.begin)
        if not text[m.end:].startswith(","):
            return None  # the apposition closes before the verb: "X, adviser to Y, said"
        if segment_start < 0 or not re.search(r"\b(?:to|of|for|under)\s+(?:the\s+)?(?:[A-Z][\w.\-]*\s+){0,5}$", text[segment_start:m.begin]):
            return None
        for o in reversed(ms):
            if o.how in ("person", "surname") and o.ref is not None and o.end <= segment_start and not text[o.end:segment_start].strip(" "):
                return o
        return None

    def _side_iri(self, ref: ActorRef) -> str | None:
        """The IRI of the state or body ``ref`` acts for, if known."""
        side = self.side_of(ref)
        return side.iri if side is not None else None

    def _named_later(self, s: Sentence, owner: str, role: str) -> ActorRef | None:
        """The first person named after sentence ``s`` whose post has the words of ``role`` and
        who acts for ``owner`` (a state's name)."""
        words = [w for w in role.lower().split() if w not in ("the", "top", "senior")]
        state = self.names_to_iri.get(owner)
        later = [m.ref for i in sorted(i for i in self.all_mentions if i > s.index) for m in self.all_mentions[i]
                 if m.how in ("person", "name") and m.ref is not None and m.ref.kind == "person"]
        ours = [ref for ref in later if state is None or self._side_iri(ref) == state]
        # The post as written; else the first of that side named later with no post written at all.
        return (next((ref for ref in ours if all(w in (ref.post_label or "").lower() for w in words)), None)
                or next((ref for ref in ours if not ref.post_label), None))

    def _holder_of(self, body: ActorRef, role: str) -> ActorRef | None:
        """The person this article named in a post of ``body`` that ``role`` names ("the Kremlin
        spokesman": the one named "Kremlin spokesman Dmitry Peskov"), if any."""
        word = role.strip(" ’'s").split()[-1].lower()
        if word in ("official", "officials", "source", "sources", "side", "authorities", "government", "administration", "delegation", "leadership", "diplomats", "representatives"):
            return None  # a body's people in general, not one post
        holders = [ref for ref in reversed(self.people) if word in (ref.post_label or "").lower()]
        side = self._side_iri(body)
        return (next((ref for ref in holders if ref.post_in == body.iri), None)
                or next((ref for ref in holders if side is not None and self._side_iri(ref) == side), None))

    def _person_for_role(self, phrase: str) -> ActorRef | None:
        """ "the foreign minister said": the last person named whose office is that, else the last
        person named at all."""
        words = [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in ("the", "this", "that")]
        # "the Cambodian prime minister": the demonym says whom the person speaks for, not the office.
        state = next((self.demonyms[w.capitalize()] for w in words if w.capitalize() in self.demonyms), None)
        words = [w for w in words if w.capitalize() not in self.demonyms]
        head = words[-1] if words else ""
        generic = {"diplomat", "official", "leader", "politician"}

        def sides_with(ref: ActorRef) -> bool:
            return state is None or self._side_iri(ref) == state

        if head and head not in generic:
            for ref in reversed(self.people):
                office = (ref.post_label or "").lower()
                if office and all(w in office for w in words if w not in ("high", "ranking", "senior", "top")) and sides_with(ref):
                    return ref
        if head == "diplomat":
            # "the Russian diplomat": the last person named whose post is a diplomat's, not the
            # president or spokesman named in between.
            posts = _diplomat_posts()
            for ref in reversed(self.people):
                office = (ref.post_label or "").lower()
                if any(p in office for p in posts) and sides_with(ref):
                    return ref
        if state is not None:
            return next((ref for ref in reversed(self.people) if sides_with(ref)), self.last_person)
        return self.last_person

    def _last_body_named(self, noun: str) -> ActorRef | None:
        """ "The ministry said": the last body whose name has that noun."""
        for ref in reversed(self.bodies):
            if noun.lower() in ref.label.lower():
                return ref
        return None

    def _after(self, s: Sentence, ms: list[ActorMention], pos: int, inverted: bool = False):
        """The speaker written right after ``pos`` ("said Peskov", "according to the diplomat")."""
        gap_ok = _INVERSION_GAP if inverted else re.compile(r"^[^,]{0,80}$")
        for m in ms:
            if m.begin >= pos and m.ref is not None and m.how not in ("demonym", "place") and not m.in_title:
                if inverted and re.match(r"[’']s\b", s.text[m.end - s.begin:]):
                    if self._titled_person_after(s, ms, pos, m) is not None:
                        continue  # "announced the African Union's High Representative …, NAME"
                    break  # "stressed Moscow's willingness": what was stressed, not who
                gap = s.text[pos - s.begin : m.begin - s.begin]
                if inverted and _VERB_AFTER.match(s.text[m.end - s.begin:]):
                    break  # "… and said Moscow would study it": Moscow is what was said, not who said it
                if gap_ok.match(gap) or (inverted and m.how == "person" and _titled_gap(gap)):
                    listed = _listed_after(ms, m, s.text, s.begin) if m.how == "person" else [m]
                    return [o.ref for o in listed], m.begin, listed[-1].end
                if m.how != "person" and inverted and self._titled_person_after(s, ms, pos, m) is not None:
                    continue  # a state or body inside the speaker's title
                break
        rest = s.text[pos - s.begin :]
        role = _role_nouns().match(rest.strip())
        if (re.match(r"^\s*(?:him|her)\b", rest) or role) and self.last_person is not None:
            lead = len(rest) - len(rest.lstrip())
            return [self.last_person], pos + lead, pos + lead + (role.end() if role else 3)
        document = _DOCUMENT_NOUN.match(rest.lstrip())
        if inverted and document:
            # "…,” said the joint statement: those who issued it together; "said the statement": the
            # body whose statement the article quotes.
            lead = len(rest) - len(rest.lstrip())
            issuers = self._issuers(document.group(0))
            if issuers:
                return issuers, pos + lead, pos + lead + document.end()
        return None
