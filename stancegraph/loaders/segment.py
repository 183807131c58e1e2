"""Split an article into sentences, keeping each sentence's character offsets in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "sen", "rep", "gov", "st", "jr",
    "sr", "no", "vs", "etc", "inc", "corp", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "i.e", "e.g", "approx",
}
_BOUNDARY = re.compile(r"""([.!?…]+)(["”’')\]]*)(\s+)(?=["“‘'(\[]?[A-Z0-9А-Я])""")


@dataclass(frozen=True)
class Sentence:
    index: int
    begin: int
    end: int
    text: str
    paragraph: int


def _is_abbreviation(text: str, dot: int) -> bool:
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order; paragraphs are lines, and a sentence never spans two."""
    sentences: list[Sentence] = []
    offset = 0
    for paragraph, line in enumerate(text.split("\n")):
        start = 0
        for match in _BOUNDARY.finditer(line):
            if match.group(1) == "." and _is_abbreviation(line, match.start(1)):
                continue
            end = match.end(2)
            _append(sentences, line, offset, start, end, paragraph)
            start = match.end(3)
        _append(sentences, line, offset, start, len(line), paragraph)
        offset += len(line) + 1
    return sentences


def _append(out: list[Sentence], line: str, offset: int, start: int, end: int, paragraph: int) -> None:
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    begin = offset + start + lead
    out.append(Sentence(len(out), begin, begin + len(stripped), stripped, paragraph))
