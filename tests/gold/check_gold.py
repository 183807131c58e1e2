"""Sanity checks for hand-made gold annotations (format of /work/shared/gold/README.md).

Usage:
    python tests/gold/check_gold.py DIR [ARTICLES_DIR] [DIR [ARTICLES_DIR] ...]

DIR holds gold files ``*.json`` (``*.meta.json`` companions are checked separately).
The article for a gold file is looked up as, in order:
  1. ``ARTICLES_DIR/<gold["article"]>`` (or ``DIR/<gold["article"]>`` without ARTICLES_DIR),
  2. ``DIR/<stem>.txt`` for ``DIR/<stem>.json``,
  3. for ``seed_00N.json``: the file in ARTICLES_DIR whose name starts with ``00N_``.

``check(dir, articles_dir=None)`` returns a list of problem strings (errors); warnings
(e.g. a participant not listed in ``actors``) are prefixed with ``WARN``.
Exit status of ``__main__`` is 1 if any error was found.  No pytest needed.
"""
from __future__ import annotations

import json
import os
import re
import sys

TOPICS = {
    "nato-non-expansion", "no-offensive-weapons-near-borders", "nato-1997-posture",
    "us-nuclear-weapons-out-of-europe", "ukraine-georgia-non-accession", "legally-binding-guarantees",
    "no-military-activity-ukraine-eastern-europe", "strategic-stability-dialogue", "arms-control",
    "iran-nuclear-programme", "sanctions-relief", "sanctions", "iaea-inspections", "prisoner-exchange",
    "ceasefire", "grain-exports", "humanitarian-access", "korean-denuclearization", "troop-withdrawal",
    "security-guarantees", "territorial-integrity", "peace-talks", "nuclear-weapons", "missile-deployment",
    "other",
}
# Every identifier of the shipped topic scheme is allowed too: a user extends the scheme, not this list.
_SCHEME = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "ontology", "topics.ttl")
if os.path.exists(_SCHEME):
    with open(_SCHEME, encoding="utf-8") as _f:
        TOPICS |= set(re.findall(r'skos:notation\s+"([^"]+)"', _f.read()))
ACTOR_KINDS = {"person", "state", "organization"}
RESPONSE_KINDS = {"written-response", "rejection", "acceptance", "counter-proposal", "statement"}
STANCES = {"supports", "opposes", "conditional", "uncertain", "neutral"}
EVENT_KINDS = {"meeting", "publication", "military-operation", "other"}

TOP_KEYS = ["article", "published", "actors", "demands", "responses", "statements", "events"]
KEYS = {
    "actors": ["name", "kind", "role", "affiliation", "wikidata"],
    "demands": ["by", "addressee", "content", "topic", "date", "evidence"],
    "responses": ["by", "to", "responds_to", "kind", "date", "evidence"],
    "statements": ["speaker", "on_behalf_of", "date", "topic", "stance", "summary", "evidence"],
    "events": ["name", "kind", "place", "date", "participants", "evidence"],
}
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
QID_RE = re.compile(r"^Q\d+$")


def _date_ok(v) -> bool:
    if v is None:
        return True
    if not isinstance(v, str) or not DATE_RE.match(v):
        return False
    if len(v) == 10:
        import datetime
        try:
            datetime.date.fromisoformat(v)
        except ValueError:
            return False
    return True


def _find_article(gold_path: str, gold: dict, dir: str, articles_dir: str | None) -> str | None:
    base = articles_dir or dir
    name = gold.get("article")
    if isinstance(name, str) and os.path.isfile(os.path.join(base, name)):
        return os.path.join(base, name)
    stem = os.path.basename(gold_path)[: -len(".json")]
    cand = os.path.join(dir, stem + ".txt")
    if os.path.isfile(cand):
        return cand
    m = re.match(r"seed_(\d+)$", stem)
    if m and os.path.isdir(base):
        hits = sorted(f for f in os.listdir(base) if f.startswith(m.group(1) + "_"))
        if hits:
            return os.path.join(base, hits[0])
    return None


def check_file(path: str, dir: str, articles_dir: str | None = None) -> list[str]:
    errs: list[str] = []
    fn = os.path.basename(path)

    def err(msg):
        errs.append(f"{fn}: {msg}")

    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        return [f"{fn}: cannot parse JSON: {e}"]
    if not isinstance(gold, dict):
        return [f"{fn}: top level is not an object"]
    for k in TOP_KEYS:
        if k not in gold:
            err(f"missing top-level key {k!r}")
    if not _date_ok(gold.get("published")):
        err(f"published {gold.get('published')!r} is not an ISO date or null")

    art = _find_article(path, gold, dir, articles_dir)
    text = open(art, encoding="utf-8").read() if art else None
    if text is None:
        err("article text not found; evidence not checked")
    elif isinstance(gold.get("article"), str) and os.path.basename(art) != gold["article"]:
        err(f"'article' is {gold['article']!r} but the text found is {os.path.basename(art)!r}")

    actor_names = set()
    for sec, keys in KEYS.items():
        items = gold.get(sec, [])
        if not isinstance(items, list):
            err(f"{sec} is not a list")
            continue
        for i, it in enumerate(items):
            where = f"{sec}[{i}]"
            if not isinstance(it, dict):
                err(f"{where} is not an object")
                continue
            for k in keys:
                if k not in it:
                    err(f"{where} missing key {k!r}")
            extra = set(it) - set(keys)
            if extra:
                err(f"{where} unexpected keys {sorted(extra)}")
            if "date" in keys and not _date_ok(it.get("date")):
                err(f"{where} date {it.get('date')!r} is not ISO (YYYY, YYYY-MM, YYYY-MM-DD) or null")
            if "evidence" in keys:
                ev = it.get("evidence")
                if not isinstance(ev, str) or not ev.strip():
                    err(f"{where} empty evidence")
                elif text is not None and ev not in text:
                    err(f"{where} evidence not a substring of the article: {ev!r}")
            if sec == "actors":
                actor_names.add(it.get("name"))
                if it.get("kind") not in ACTOR_KINDS:
                    err(f"{where} kind {it.get('kind')!r} not in {sorted(ACTOR_KINDS)}")
                wd = it.get("wikidata")
                if wd is not None and not (isinstance(wd, str) and QID_RE.match(wd)):
                    err(f"{where} wikidata {wd!r} is not a QID or null")
            elif sec == "demands":
                if it.get("topic") not in TOPICS:
                    err(f"{where} topic {it.get('topic')!r} not an allowed identifier")
                if not isinstance(it.get("addressee"), list):
                    err(f"{where} addressee is not a list")
            elif sec == "responses":
                if it.get("kind") not in RESPONSE_KINDS:
                    err(f"{where} kind {it.get('kind')!r} not in {sorted(RESPONSE_KINDS)}")
            elif sec == "statements":
                if it.get("stance") not in STANCES:
                    err(f"{where} stance {it.get('stance')!r} not in {sorted(STANCES)}")
            elif sec == "events":
                if it.get("kind") not in EVENT_KINDS:
                    err(f"{where} kind {it.get('kind')!r} not in {sorted(EVENT_KINDS)}")
                if not isinstance(it.get("participants"), list):
                    err(f"{where} participants is not a list")

    # soft check: names used in relations should be declared actors
    def warn_name(where, n):
        if isinstance(n, str) and n not in actor_names:
            errs.append(f"WARN {fn}: {where} names {n!r}, which is not in actors")
    for i, d in enumerate(gold.get("demands", []) or []):
        if isinstance(d, dict):
            warn_name(f"demands[{i}].by", d.get("by"))
            for a in d.get("addressee") or []:
                warn_name(f"demands[{i}].addressee", a)
    for i, r in enumerate(gold.get("responses", []) or []):
        if isinstance(r, dict):
            warn_name(f"responses[{i}].by", r.get("by"))
            warn_name(f"responses[{i}].to", r.get("to"))
    for i, s in enumerate(gold.get("statements", []) or []):
        if isinstance(s, dict):
            warn_name(f"statements[{i}].speaker", s.get("speaker"))
            warn_name(f"statements[{i}].on_behalf_of", s.get("on_behalf_of"))
    for i, e in enumerate(gold.get("events", []) or []):
        if isinstance(e, dict):
            for p in e.get("participants") or []:
                warn_name(f"events[{i}].participants", p)

    # companion meta file, if any
    meta = path[: -len(".json")] + ".meta.json"
    if os.path.isfile(meta):
        try:
            m = json.load(open(meta, encoding="utf-8"))
            for k in ("published", "outlet", "url"):
                if k not in m:
                    err(f"meta missing key {k!r}")
            if not _date_ok(m.get("published")):
                err(f"meta published {m.get('published')!r} not ISO or null")
            # The sidecar says what the page states; the gold may date an undated page from its text.
            if m.get("published") is not None and m.get("published") != gold.get("published"):
                err("meta published differs from gold published")
        except Exception as e:  # noqa: BLE001
            err(f"cannot parse meta: {e}")
    return errs


def check(dir: str, articles_dir: str | None = None) -> list[str]:
    """Check every gold ``*.json`` in ``dir``; return error/warning strings."""
    out: list[str] = []
    files = sorted(f for f in os.listdir(dir) if f.endswith(".json") and not f.endswith(".meta.json"))
    if not files:
        out.append(f"{dir}: no gold files")
    for f in files:
        out.extend(check_file(os.path.join(dir, f), dir, articles_dir))
    return out


def main(argv: list[str]) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    args = argv or [os.path.join(here, "unseen")]
    pairs, i = [], 0
    while i < len(args):
        d = args[i]
        a = None
        if i + 1 < len(args) and not any(f.endswith(".json") for f in os.listdir(args[i + 1])):
            a = args[i + 1]
            i += 1
        pairs.append((d, a))
        i += 1
    nerr = 0
    for d, a in pairs:
        probs = check(d, a)
        errs = [p for p in probs if not p.startswith("WARN")]
        nerr += len(errs)
        n = len([f for f in os.listdir(d) if f.endswith(".json") and not f.endswith(".meta.json")])
        print(f"== {d}: {n} gold files, {len(errs)} errors, {len(probs) - len(errs)} warnings")
        for p in probs:
            print("  " + p)
    return 1 if nerr else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
