"""Read an article file and its optional sidecar metadata, refusing what is not an article."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError

MAX_BYTES = 5_000_000  # a news article is kilobytes; anything this large is not one
_HTML = re.compile(rb"^\s*(<!doctype html|<html|<head|<body)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class RawArticle:
    path: Path
    file_name: str
    text: str
    content_hash: str
    meta: dict


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name[: -len(path.suffix)] + ".meta.json")


def read_meta(path: Path) -> dict:
    side = sidecar_path(path)
    if not side.exists():
        return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(f"{side}: not valid JSON: {exc}") from None
    if not isinstance(meta, dict):
        raise UserError(f"{side}: expected a JSON object with published/outlet/url")
    for key in ("published", "outlet", "url"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise UserError(f"{side}: '{key}' must be a string")
    if meta.get("published") and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", meta["published"]):
        raise UserError(f"{side}: 'published' must be an ISO date (YYYY-MM-DD), got {meta['published']!r}")
    return meta


def read_article(path: str | Path) -> RawArticle:
    """Read ``path`` as a UTF-8 article; raise :class:`UserError` naming the file when it is not one."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UserError(f"{path}: {size:,} bytes is too large for a news article (limit {MAX_BYTES:,})")
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if b"\x00" in data:
        raise UserError(f"{path}: binary file (contains NUL bytes), not an article")
    if _HTML.match(data):
        raise UserError(f"{path}: looks like HTML; save the article as plain text (headline on the first line)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 1]!r})") from None
    text = _CONTROL.sub(" ", unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")))
    if not text.strip():
        raise UserError(f"{path}: empty article")
    return RawArticle(
        path=path,
        file_name=path.name,
        text=text,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        meta=read_meta(path),
    )
