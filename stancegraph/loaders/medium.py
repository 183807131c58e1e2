"""Where words were said: the outlet an interview was given to, and the kind of occasion.

Read from the frame around what was said ("…, the minister told the RTVI television channel", "said
at a press conference", "wrote on Twitter"), never from the words themselves. Pure functions over
the frame text and the lexicon in ``lexicon/speech.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import alternation, lexicon
from .topics import fold


@dataclass(frozen=True)
class Medium:
    outlet: str | None = None  # "TASS", "RTVI", "Al Jazeera Arabic"
    occasion: str | None = None  # "interview", "press conference", "statement", …


@cache
def _outlet_pattern() -> re.Pattern:
    cues = alternation("speech", "interview_cues")
    nouns = alternation("speech", "outlet_nouns")
    name = r"[A-Z][\w.&’'-]*(?:\s+(?:[A-Z][\w.&’'-]*|of|de|al))*?"
    return re.compile(rf"(?i:{cues})\s+(?:the\s+)?(?P<outlet>{name})(?=\s+(?:{nouns})\b|\s*[,.;]|\s+(?:on|in|at|that|about|during|after|before)\b|\s*$)")


@cache
def _occasions() -> tuple[tuple[re.Pattern, str], ...]:
    table = lexicon("speech")["occasions"]
    return tuple((re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])"), occasion)
                 for phrase, occasion in sorted(table.items(), key=lambda kv: -len(kv[0])))


def medium(frame: str, not_outlets: frozenset[str] = frozenset()) -> Medium:
    """The outlet and occasion named in ``frame``; ``not_outlets``: names known to be actors
    ("told NATO" gives no outlet)."""
    outlet = None
    for m in _outlet_pattern().finditer(frame):
        name = m.group("outlet").strip()
        if not any(name == a or name.startswith(a + " ") for a in not_outlets):
            outlet = name
            break
    folded = fold(frame)
    occasion = next((label for pattern, label in _occasions() if pattern.search(folded)), None)
    if outlet is not None and occasion is None and re.search(r"(?i)\b(?:told|tells|telling|speaking to|speaking with|said to)\b", frame):
        occasion = "interview"
    return Medium(outlet, occasion)
