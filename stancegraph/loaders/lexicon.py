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
    """A regex matching any entry of a lexicon list, the longest where several match ("pointed out"
    beats "pointed")."""
    return trie_regex(lexicon(name)[key])


def trie_regex(words) -> str:
    """A regex matching exactly ``words``, preferring the longest, with shared prefixes factored out.

    Python's ``re`` tries the branches of a flat alternation one by one at every position; a trie
    tries each character once, which makes the gazetteer's thousands of names ~40× faster to scan.
    """
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # A word may end here or go on: try going on first, so the longest match wins.
        return f"(?:{body})?" if "" in node else body

    return build(trie) or "(?!)"


def lexicon_fingerprint() -> str:
    sha = hashlib.sha256()
    for path in sorted(lexicon_dir().glob("*.toml")):
        sha.update(path.read_bytes())
    return sha.hexdigest()
