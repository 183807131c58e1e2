"""Find the actors a sentence names: states, organisations, coalitions, places, and people.

Known names come from the gazetteer. People it does not know are found by a title before a
capitalised name ("US Ambassador to Russia John Sullivan"); the title also says whom they speak for
(the first state or organisation named in it that is not the host after "to"). A person is minted
once per corpus from the normalised name, so "Dmitri" and "Dmitry Peskov" meet in one node.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from functools import cache

from ..facts import ActorRef, Place
from ..iri import actor_iri, place_iri, slugify
from .gazetteer import Gazetteer
from .lexicon import alternation, lexicon

_PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "via", "into", "across"}  # not "to"/"from": "handed to Moscow" is an actor
# (Latin letters with their accents: "Thérèse", "Łukasz", "Çavuşoğlu")
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ž][a-zA-ZÀ-ÖØ-öø-ÿĀ-ž'’\-]*[a-zß-öø-ÿĀ-ž][a-zA-ZÀ-ÖØ-öø-ÿĀ-ž'’\-]*"
# Later words of a name may carry a particle: "Mohammed bin Salman", "Khalil al-Hayya".
_NAME = re.compile(rf"(?<![\w-])(?:{_NAME_WORD})(?:\s+(?:(?:bin|ibn|al|el|von|der|van|de|da|le)\s+)?(?:(?:al|el|ad|an|ar|as|ash|at|az)-)?(?:{_NAME_WORD})){{1,9}}(?![\w-])")
_POSSESSIVE = re.compile(r"[’']s$")
# Leading words of a title, never of a name: "… for Afghanistan Reconciliation Zalmay Khalilzad".
_ABSTRACT_NOUN = re.compile(r"(?:tion|sion|ment|ity|ness|ism|ship)s?$")
_VENUE_NOUNS = {"site", "summit", "session", "talks", "meeting", "format", "office", "headquarters", "process", "round", "conference", "venue", "airport"}
_ACTOR_BEFORE = {"between", "and", "with", "by", "than", "as"}


@dataclass(frozen=True)
class ActorMention:
    begin: int  # offsets in the article text
    end: int
    surface: str
    ref: ActorRef | None  # None for a place
    how: str  # name, metonym, anaphor, demonym, person, surname, place
    place: Place | None = None
    in_title: bool = False  # inside a person's title ("US" in "US Ambassador …")


def _ref(gaz: Gazetteer, iri: str) -> ActorRef:
    e = gaz.entry(iri)
    represents = e.represents if e.kind in ("person", "government-body") else None
    return ActorRef(iri=iri, label=e.label, kind=e.kind, known=True, represents=represents)


def normalise_person_name(name: str) -> str:
    """Fold transliteration variants so one person gets one IRI: Sergei/Sergey, Yevgeny/Evgeny,
    Dmitri/Dmitry, Aleksandr/Alexandr/Alexander, Volodymir/Volodymyr, Zelenskiy/Zelenskyy/Zelensky."""
    return "-".join(_fold_word(w) for w in slugify(name).split("-"))


@cache
def _fold_word(w: str) -> str:
    w = re.sub(r"^ye", "e", w)
    w = w.replace("ks", "x")
    w = re.sub(r"xandr$", "xander", w)
    w = re.sub(r"(?<=.)y", "i", w)  # y and i are the same letter in most romanisations; not "Yuri"'s first
    return re.sub(r"(.)\1+", r"\1", w)  # Hassan/Hasan, Mohammad/Mohamad, Zelenskyy


@cache
def _title_heads() -> re.Pattern:
    heads = sorted(lexicon("titles")["heads"], key=len, reverse=True)
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(h) for h in heads) + r")s?\b")


@cache
def _titles(key: str) -> frozenset[str]:
    """One word list of ``lexicon/titles.toml``."""
    return frozenset(lexicon("titles")[key])


_MONTHS = frozenset(calendar.month_name[1:])


def _month_as_surname(text: str, begin: int, word: str) -> bool:
    """ "Theresa May": a month after a first name is a surname, unless a day follows ("Trump May 5")."""
    return word in _MONTHS and not re.match(r"\s*\d", text[begin + len(word):begin + len(word) + 3])


def _not_names() -> frozenset[str]:
    return _titles("not_names")


def _weak_heads() -> frozenset[str]:
    return _titles("weak_heads")


class ActorFinder:
    """Finds actor mentions sentence by sentence, remembering the people an article has named."""

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer
        self.people: dict[str, ActorRef] = {}  # surname → person named earlier in this article
        self.folded_people: dict[str, ActorRef] = {}  # the same, keyed by normalise_person_name
        # The gazetteer's people under any spelling: "Volodymir Zelensky" is the known Volodymyr.
        if gazetteer.person_spellings is None:
            gazetteer.person_spellings = {normalise_person_name(surface): iri for surface, iri in gazetteer.names.items()
                                          if gazetteer.entry(iri).kind == "person" and " " in surface}
        self.known_spellings = gazetteer.person_spellings
        self.organizations: dict[str, ActorRef] = {}  # name or acronym → organisation this article introduced
        self._organization_pattern: re.Pattern | None = None

    def find(self, text: str, offset: int) -> list[ActorMention]:
        """Mentions in one sentence ``text`` that starts at ``offset`` in the article."""
        self._introduced_organizations(text)
        mentions = self._minted(text, offset)
        mentions += [m for m in self._people(text, offset) if not any(o.begin < m.end and m.begin < o.end for o in mentions)]
        taken = [(m.begin - offset, m.end - offset) for m in mentions]
        for m in self.gaz.pattern.finditer(text):
            b, e = m.span()
            if any(tb < e and b < te for tb, te in taken):
                continue
            mention = self._known(text, m)
            if mention is not None:
                mentions.append(replace(mention, begin=b + offset, end=e + offset))
        mentions.extend(self._paired(text, offset, [(m.begin - offset, m.end - offset) for m in mentions]))
        taken = [(m.begin - offset, m.end - offset) for m in mentions]
        mentions.extend(self._named_before(text, offset, taken))
        mentions.extend(self._demonyms(text, offset, [(m.begin - offset, m.end - offset) for m in mentions]))
        mentions.sort(key=lambda m: m.begin)
        return mentions

    # -- organisations the article introduces -------------------------------------------------------
    def _introduced_organizations(self, text: str) -> None:
        """ "the Rapid Support Forces (RSF)": a name the gazetteer lacks, given with its acronym and
        ending in an organisation's head word, is an organisation of this article, by both names."""
        for m in _INTRODUCED.finditer(text):
            full, acronym = m.group("full"), m.group("acronym")
            words = full.split()
            while words and (words[0] in _not_names() or words[0] in self.gaz.demonyms or words[0] in self.gaz.names):
                words = words[1:]  # "the Sudanese Rapid Support Forces (RSF)": the name starts after
            full = " ".join(words)
            after = text[m.end():].split()[:1]
            if (not full or full in self.gaz.names or acronym in self.gaz.names or words[-1].lower() not in _titles("organization_heads")
                    or (after and after[0].lower().strip(".,;") in _titles("not_organizations_after"))
                    or sorted(_initials(words)) != sorted(acronym.upper())):  # "National Liberation Army (ELN)"
                continue
            ref = ActorRef(iri=actor_iri(full), label=full, kind="organization", known=False)
            self.organizations.setdefault(full, ref)
            self.organizations.setdefault(acronym, ref)
            self._organization_pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(self.organizations, key=len, reverse=True))) + r")(?![\w-])")

    def _minted(self, text: str, offset: int) -> list[ActorMention]:
        if self._organization_pattern is None:
            return []
        return [ActorMention(m.start() + offset, m.end() + offset, m.group(0), self.organizations[m.group(0)], "name")
                for m in self._organization_pattern.finditer(text)]

    # -- known names -------------------------------------------------------------------------------
    def _known(self, text: str, m: re.Match) -> ActorMention | None:
        gaz, surface = self.gaz, m.group(0)
        if m.group("anaphor"):
            return ActorMention(0, 0, surface, _ref(gaz, gaz.anaphors[surface.lower()]), "anaphor")
        if surface in gaz.names:
            return ActorMention(0, 0, surface, _ref(gaz, gaz.names[surface]), "name")
        if surface in gaz.metonyms:
            ref = _ref(gaz, gaz.metonyms[surface])
            if _used_as_place(text, m.start(), m.end()):
                iri = gaz.places.get(surface)
                place = Place(iri, gaz.entry(iri).label) if iri else Place(place_iri(surface), surface, known=False)
                return ActorMention(0, 0, surface, ref, "place", place=place)
            return ActorMention(0, 0, surface, ref, "metonym")
        if surface in gaz.places:
            iri = gaz.places[surface]
            return ActorMention(0, 0, surface, None, "place", place=Place(iri, gaz.entry(iri).label))
        if surface in self.people:
            return ActorMention(0, 0, surface, self.people[surface], "surname")
        if surface in gaz.surnames:
            return ActorMention(0, 0, surface, _ref(gaz, gaz.surnames[surface]), "surname")
        return None

    def _paired(self, text: str, offset: int, taken) -> list[ActorMention]:
        """ "Russian-US consultations", "the Russia-US summit": each side of a hyphened pair that is a
        name or demonym of the gazetteer (the pair itself is no name the gazetteer knows)."""
        out = []
        for pair in _PAIR.finditer(text):
            if any(b < pair.end() and pair.start() < e for b, e in taken):
                continue
            parts, at = [], pair.start()
            for word in pair.group(0).split("-"):
                iri = self.gaz.names.get(word) or self.gaz.demonyms.get(word) or self.gaz.metonyms.get(word)
                if iri is None or self.gaz.entry(iri).kind not in ("state", "organization"):
                    parts = []
                    break
                how = "name" if word in self.gaz.names else "demonym" if word in self.gaz.demonyms else "metonym"
                parts.append(ActorMention(at + offset, at + len(word) + offset, word, _ref(self.gaz, iri), how))
                at += len(word) + 1
            out.extend(parts)
        return out

    def _named_before(self, text: str, offset: int, taken) -> list[ActorMention]:
        """One-word references ("Ruiz said") to people this article named in full earlier."""
        out = []
        for word in re.finditer(r"(?<![\w-])[A-Z][\w’'\-]+(?![\w-])", text):
            ref = self.people.get(word.group(0)) or self.folded_people.get(normalise_person_name(word.group(0)))
            if ref is None:
                ref = self._misspelt(word.group(0))
                if ref is not None and not (_speech_follows(text[word.end():]) or _speech_precedes(text[:word.start()])):
                    ref = None
            if ref is not None and not any(b < word.end() and word.start() < e for b, e in taken):
                out.append(ActorMention(word.start() + offset, word.end() + offset, word.group(0), ref, "surname"))
        return out

    def _misspelt(self, word: str) -> ActorRef | None:
        """ "… ,” Khalizad said": a speaker's surname one letter off the person named earlier."""
        if len(word) < 6:
            return None
        close = [ref for name, ref in self.people.items() if len(name) >= 6 and name[0] == word[0] and _one_edit_apart(name, word)]
        return close[0] if len({r.iri for r in close}) == 1 else None

    def _demonyms(self, text: str, offset: int, taken) -> list[ActorMention]:
        out = []
        for word in self.gaz.demonym_pattern.finditer(text):
            iri = self.gaz.demonyms.get(word.group(0))
            if iri and not any(b < word.end() and word.start() < e for b, e in taken):
                if word.group(0) in self.gaz.names:  # "US", "NATO": already a name match
                    continue
                out.append(ActorMention(word.start() + offset, word.end() + offset, word.group(0), _ref(self.gaz, iri), "demonym"))
        return out

    # -- people ------------------------------------------------------------------------------------
    def _people(self, text: str, offset: int) -> list[ActorMention]:
        found: list[ActorMention] = []
        floor = 0
        for m in _NAME.finditer(text):
            spans = [(w.start() + m.start(), w.group(0)) for w in re.finditer(r"\S+", m.group(0))]
            # A known multi-word name inside ("… to the United Nations Vasily Nebenzya") ends the title.
            for known_name in self.gaz.pattern.finditer(m.group(0)):
                if (known_name.group("name") and self.gaz.names.get(known_name.group(0)) and self.gaz.entry(self.gaz.names[known_name.group(0)]).kind != "person"
                        and not (known_name.end() == len(m.group(0)) and self._organization_as_surname(known_name.group(0)))):
                    spans = [sp for sp in spans if sp[0] >= m.start() + known_name.end()]
            # Drop leading words that cannot start a name ("Arms Control Mikhail Ulyanov",
            # "North Korean Foreign Minister Ri Yong-ho").
            while spans:
                lead = self.gaz.demonym_pattern.match(text, spans[0][0])
                if lead:
                    spans = [sp for sp in spans if sp[0] >= lead.end()]
                elif self._not_name_word(spans[0][1]) or _ABSTRACT_NOUN.search(spans[0][1]):
                    spans = spans[1:]
                else:
                    break
            if len(spans) < 2 or len(spans) > 4 or any((self._not_name_word(w) and not _month_as_surname(text, b, w) and not self._organization_as_surname(w))
                                                       or _POSSESSIVE.search(w) for b, w in spans[1:]):
                continue
            start = spans[0][0]
            words = [w for _, w in spans]
            name = " ".join(words)
            end = m.end()
            known = self.gaz.names.get(name) or self.known_spellings.get(normalise_person_name(name))
            if known and self.gaz.entry(known).kind != "person":
                continue
            title, title_begin = self._title(text, start, floor)
            speech_follows = _speech_follows(text[end:]) or (_speech_precedes(text[:start]) and not _medium_precedes(text[:start]))
            appositive = None
            if not title:
                appositive = _APPOSITIVE.match(text[end:])
                if appositive and not _title_heads().search(appositive.group("title")):
                    appositive = None
            listed = None
            if not (known or title or speech_follows or appositive):
                listed = self._listed_after_title(text, start, [replace(m, begin=m.begin - offset, end=m.end - offset) for m in found])
                if listed is None:
                    continue
            if title and title.split()[-1].lower() in _weak_heads() and not (known or speech_follows):
                continue
            if listed is not None:  # "The Foreign Ministers of A and B, X and Y, met": X for A, Y for B
                title_text, title_begin, title = listed
            elif appositive:  # "Saeed Khatibzadeh, Iran's foreign ministry spokesman, said"
                title, title_begin = appositive.group("title"), end + appositive.start("title")
                title_text = title
            else:
                title_text = text[title_begin:start] if title else ""
            if re.search(r"(?i)\bformer\b", title_text):
                # "former Nigerian President X" says who X was, not whom X speaks for now; an office
                # named before it is the one X holds ("the AU's High Representative …, former …").
                current, current_begin = self._title_before_comma(text, title_begin, floor)
                title, title_begin, title_text = (current, current_begin, current) if current else (None, title_begin, "")
            person = self._person(name, known, title, title_text)
            found.append(ActorMention(start + offset, end + offset, name, person, "person"))
            for a in self._title_actors(title_text, title_begin + offset):
                found.append(a)
            floor = end + (appositive.end() if appositive else 0)
        return found

    def _listed_after_title(self, text: str, start: int, found: list[ActorMention]):
        """Names listed after a (plural) title: "The Foreign Ministers of Azerbaijan and Armenia,
        Jeyhun Bayramov and Ararat Mirzoyan, met" — the n-th name goes with the n-th state named in
        the title. ``found``: people found so far in this sentence, in sentence offsets. Returns
        (title text for the affiliation, where it begins, the post) or None."""
        before = text[:start]
        joined = re.search(r"(?:,|\band)\s*$", before)
        if not joined:
            return None
        comma = joined.start()
        if before[joined.start():].strip() == "and":
            # the second name of the list: the first must have been read from the same title
            previous = [m for m in found if m.how == "person" and m.end <= start]
            if not previous or not re.fullmatch(r"\s*and\s*", text[previous[-1].end:start]):
                return None
            comma = text.rfind(",", 0, previous[-1].begin)
        clause_start = max(text.rfind(c, 0, comma) for c in (".", ";", "“", '"')) + 1 if comma > 0 else 0
        title_zone = text[clause_start:comma] if comma > 0 else ""
        head = _title_heads().search(title_zone)
        if head is None or head.group(0)[-1:] != "s":
            return None  # only a plural title lists several people
        states = [m for m in self.gaz.pattern.finditer(title_zone) if self.gaz.names.get(m.group(0)) and self.gaz.entry(self.gaz.names[m.group(0)]).kind == "state"]
        position = len([m for m in found if m.how == "person" and clause_start <= m.begin < start])
        if position >= len(states):
            return None
        state = states[position].group(0)
        post = head.group(0)[:-1]  # "Foreign Ministers" -> "Foreign Minister"
        return f"{state} {post}", clause_start + states[position].start(), post

    def _organization_as_surname(self, word: str) -> bool:
        """ "Thérèse Kayikwamba Wagner": a one-word organisation alias after a first name is a surname."""
        iri = self.gaz.names.get(word)
        return iri is not None and self.gaz.entry(iri).kind == "organization" and word not in _not_names()

    def _not_name_word(self, word: str) -> bool:
        gaz = self.gaz
        return (
            word in _not_names() or word.lower() in _title_words() or word in gaz.names or word in gaz.demonyms
            or word in gaz.metonyms or word in gaz.places or bool(_POSSESSIVE.search(word))
        )

    def _title(self, text: str, name_start: int, floor: int) -> tuple[str | None, int]:
        """The title written right before a name, and where it begins; or before the comma just
        before it ("US commander of international forces in Afghanistan, John Nicholson, was …")."""
        zone_start = max(floor, _zone_start(text, name_start))
        title, begin = self._title_in(text, zone_start, name_start)
        if title is None and not text[zone_start:name_start].strip():
            title, begin = self._title_before_comma(text, zone_start, floor)
        return (title, begin) if title else (None, name_start)

    def _title_before_comma(self, text: str, at: int, floor: int) -> tuple[str | None, int]:
        """A title in the comma-separated segment that ends just before ``at``."""
        comma = text.rfind(",", 0, at)
        if comma <= floor or text[comma + 1:at].strip():
            return None, at
        return self._title_in(text, max(floor, _zone_start(text, comma)), comma, apposed=True)

    def _title_in(self, text: str, zone_start: int, name_start: int, apposed: bool = False) -> tuple[str | None, int]:
        zone = text[zone_start:name_start]
        # The first head from which only title words run up to the name: "the leaders of A and B
        # reaffirmed their commitment to the UN Charter and the NAME" has no title. A title set off
        # by a comma may describe the office in plain words ("commander of international forces").
        fits = _apposed_title_like if apposed else _title_like
        heads = [h for h in _title_heads().finditer(zone) if fits(zone[h.end():])]
        if not heads:
            return None, name_start
        first = heads[0]
        # Extend left over modifiers, demonyms and organisation names written before the head.
        begin = first.start()
        prefix = zone[:begin].rstrip()
        words = prefix.split()
        while words and (words[-1][:1].isupper() or words[-1].lower() in {"deputy", "first", "vice", "acting", "press", "senior", "top", "former", "chief", "special"}):
            if words[-1] in {"The", "On", "In", "At", "As", "And", "But", "By", "Earlier", "Later", "Also", "However", "Meanwhile", "Following"}:
                break
            begin = prefix.rfind(words[-1], 0, len(prefix))
            prefix = prefix[:begin].rstrip()
            words = prefix.split()
        # "Russia's human rights ombudsman": the possessor's office, across plain words before the head.
        owner = re.search(r"(?<![\w-])[A-Z][\w.\-]*[’']s\s+(?:[a-z][\w-]*\s+){1,3}$", zone[:begin])
        if owner is not None:
            begin = owner.start()
        title = zone[begin:].strip(" ,’'")
        return (title or None), zone_start + begin

    def _title_actors(self, title: str, offset: int) -> list[ActorMention]:
        out = []
        for m in self.gaz.pattern.finditer(title):
            mention = self._known(title, m)
            if mention is not None and mention.ref is not None:
                out.append(replace(mention, begin=m.start() + offset, end=m.end() + offset, in_title=True))
        return out

    def _person(self, name: str, known: str | None, title: str | None, title_text: str) -> ActorRef:
        represents, post_in = self._affiliation(title_text) if title else (None, None)
        if known:
            ref = _ref(self.gaz, known)
            represents = ref.represents or represents
        else:
            existing = self.people.get(name.split()[-1])
            if existing is not None and normalise_person_name(existing.label) == normalise_person_name(name):
                ref = existing
            else:
                ref = ActorRef(iri=actor_iri(normalise_person_name(name)), label=name, kind="person", known=False)
        post_label = _post_label(title) if title else None
        ref = replace(
            ref,
            represents=represents or ref.represents,
            post_label=post_label or ref.post_label,
            post_in=post_in or represents or ref.post_in,
        )
        self._remember(name, ref)
        # Later references by one part of the name: the surname, or the first word of a
        # family-name-first name ("Ri Yong Ho" … "Ri said"), unless another person shares it.
        for part in {name.split()[-1], name.split()[0]}:
            if len(part) >= 2 and part not in self.gaz.names and part not in _not_names():
                other = self.people.get(part)
                if other is None or other.iri == ref.iri or part == name.split()[-1]:
                    self._remember(part, ref)
        return ref

    def _remember(self, key: str, ref: ActorRef) -> None:
        self.people[key] = ref
        self.folded_people[normalise_person_name(key)] = ref

    def _affiliation(self, title: str) -> tuple[str | None, str | None]:
        """(state or organisation represented, body the post is in) from the words of a title."""
        represents, body = None, None
        minted = self._organization_pattern.search(title) if self._organization_pattern else None
        if minted is not None:  # "BNPF commander Ahmed Musa": the organisation the article introduced
            represents = self.organizations[minted.group(0)].iri
        for m in self.gaz.pattern.finditer(title):
            before = title[: m.start()].split()[-2:]
            if before and (before[-1] == "to" or before[-2:] == ["to", "the"]):
                continue  # "Ambassador to Russia": the host, not the sender
            mention = self._known(title, m)
            if mention is None or mention.ref is None:
                continue
            iri = mention.ref.iri
            kind = self.gaz.entry(iri).kind
            if kind == "government-body" and body is None:
                body = iri
            if represents is None:
                represents = self.gaz.state_of(iri)
        if represents is None:
            for word in self.gaz.demonym_pattern.finditer(title):
                before = title[: word.start()].split()[-2:]
                if before and (before[-1] == "to" or before[-2:] == ["to", "the"]):
                    continue
                represents = self.gaz.demonyms[word.group(0)]
                break
        return represents, body or represents


# "Rapid Support Forces (RSF)", "Kurdistan Workers' Party (PKK)": capitalised words, then the acronym.
_INTRODUCED = re.compile(r"(?P<full>(?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|the|de|du|of\s+the)\s+)?){1,7}[A-Z][\w’'-]*)\s+\((?P<acronym>[A-Z][A-Za-z]{1,7})\)")


_PAIR = re.compile(r"(?<![\w-])[A-Z][\w.]*(?:-[A-Z][\w.]*)+(?![\w-])")


def _initials(words: list[str]) -> str:
    """The capitals an acronym takes from a name: first letters of its capitalised words."""
    return "".join(w[0] for w in words if w[:1].isupper())


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter dropped, added or changed."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _title_like(text: str) -> bool:
    """Only what a title is made of: capitalised words, title words, "of/for/to/the/and"."""
    for word in re.findall(r"[\w’'.\-]+", text):
        if not (word[:1].isupper() or word.lower() in _title_words() or word.lower() in _TITLE_GLUE or word in ("’s", "'s")):
            return False
    return True


def _apposed_title_like(text: str) -> bool:
    words = re.findall(r"[\w’'.\-]+", text)
    return len(words) <= 10 and not any(w.lower() in {"that", "which", "who", "was", "were", "is", "are", "said"} or
                                        (w.endswith("ed") and w.lower() not in _title_words()) for w in words)


_TITLE_GLUE = {"of", "for", "to", "the", "and", "on", "in", "at", "s"}


@cache
def _title_words() -> frozenset[str]:
    t = lexicon("titles")
    return frozenset(w for phrase in t["heads"] + t["modifiers"] for w in phrase.split())


def _used_as_place(text: str, begin: int, end: int) -> bool:
    """A capital named as a place ("in Geneva", "the Vienna site"), not as its government acting."""
    before = (text[:begin].split()[-1:] or [""])[0].lower()
    rest = text[end:]
    if re.match(r"[’']s\b", rest):
        return False
    after = (rest.split()[:1] or [""])[0].strip(",.;:").lower()
    if before in _ACTOR_BEFORE:
        return False
    if re.search(r"(?i)\b(?:capital|city|town|port|resort)(?:\s+of|,)\s+$", text[:begin]):
        return True  # "in the Lithuanian capital of Vilnius", "the Saudi city of Jeddah"
    return before in _PLACE_PREPOSITIONS or before == "the" or after in _VENUE_NOUNS or begin == 0 and after == ""


def _zone_start(text: str, name_start: int) -> int:
    """Where the title zone before a name begins: after the last comma, quote or clause break."""
    cut = max(text.rfind(c, 0, name_start) for c in (",", "“", "”", '"', ";", ":", "(", "—", "–"))
    return cut + 1 if cut >= 0 else 0


def _post_label(title: str) -> str:
    """The office itself: "Russian Deputy Foreign Minister" → "Deputy Foreign Minister"."""
    words = title.split()
    while words and words[0][:1].isupper() and not _title_heads().match(" ".join(words)) and len(words) > 1:
        if _title_heads().match(words[0]) or words[0].lower() in {"deputy", "first", "vice", "acting", "special", "senior"}:
            break
        words = words[1:]
    return " ".join(words) or title


@cache
def _speech_around() -> tuple[re.Pattern, re.Pattern]:
    verbs = alternation("speech", "verbs")
    follows = re.compile(rf"^\s*,?\s*(?:(?:has|had|also|later|then|earlier|again)\s+)*(?:{verbs})\b")
    precedes = re.compile(rf"(?:{verbs})\s*,?\s*$")
    return follows, precedes


@cache
def _medium_before() -> re.Pattern:
    return re.compile(rf"(?i:{alternation('speech', 'interview_cues')})\s+(?:the\s+)?$")


def _medium_precedes(before: str) -> bool:
    """ "told Al Jazeera Arabic", "in an interview with Newsweek": what follows is an outlet, or
    whoever was told, not a speaker."""
    return bool(_medium_before().search(before))


def _speech_follows(rest: str) -> bool:
    return bool(_speech_around()[0].match(rest))


def _speech_precedes(before: str) -> bool:
    return bool(_speech_around()[1].search(before))


# ", Iran's foreign ministry spokesman," / ", the Turkish leader," / ", a senior US official," /
# ", the Trump administration's under secretary of state for arms control and international security affairs,"
_APPOSITIVE = re.compile(r"^,\s+(?!(?:who|which|whose|that|where|when|while|as|and|but)\b)(?P<title>(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w.\-]*(?:[’']s)?\s+)*(?:[\w\-’']+\s+){0,12}?[\w\-]+)(?:\s*,|\s+(?=(?:said|says|told|added|stressed|noted|warned|insisted)\b))")
