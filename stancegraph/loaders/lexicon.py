"""The lexicons in ``stancegraph/lexicon/*.toml``: speech verbs, titles, act and stance cues."""

from __future__ import annotations

import hashlib
import re
import tomllib
from functools import cache

from ..errors import UserError
from ..resources import lexicon_dir


@cache
def lexicon(name: str) -> dict:
    path = lexicon_dir() / f"{name}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"{path}: cannot read lexicon: {exc}") from None


def alternation(name: str, key: str) -> str:
    """A regex alternation of a lexicon list, longest entries first (so "pointed out" beats "pointed")."""
    return "|".join(re.escape(w) for w in sorted(lexicon(name)[key], key=len, reverse=True))


def lexicon_fingerprint() -> str:
    sha = hashlib.sha256()
    for path in sorted(lexicon_dir().glob("*.toml")):
        sha.update(path.read_bytes())
    return sha.hexdigest()
