"""Where the ontology files, stored queries and lexicons are, installed or in a checkout."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    # A wheel carries them under stancegraph/_data/; a checkout (or editable install) at the repo root.
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"stancegraph is installed without its {name}/ folder")


@cache
def ontology_dir() -> Path:
    """``$STANCEGRAPH_ONTOLOGY_DIR`` if set (your own gazetteer, topics or shapes), else the shipped one."""
    override = os.environ.get("STANCEGRAPH_ONTOLOGY_DIR")
    if override:
        return Path(override)
    return _data_dir("ontology")


@cache
def queries_dir() -> Path:
    return _data_dir("queries")


def lexicon_dir() -> Path:
    return _PACKAGE / "lexicon"
