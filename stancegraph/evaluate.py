"""``stancegraph eval``: precision, recall and F1 of the graph against hand-made gold annotations.

The articles are built into a throw-away in-memory store and read back through the stored queries,
so the scores measure what a user of the graph gets, not an internal data structure.

Matching rules (one gold fact matches at most one extracted fact of the same article, and back):

* an actor matches by label or alias (case and "the" ignored, Sergei/Sergey folded) or by Wikidata id;
* a date matches when the extracted date, cut to the gold's precision, equals it; a gold date of
  null matches only an extracted fact without a date;
* **demands** match on by + topic + date; **responses** on by + kind + date; **statements** on
  speaker + date + stance; **events** on kind + date, and place when the gold gives one;
  **actors** on the actor alone (each actor the gold lists for the article, against the actors the
  article graph says it mentions);
* extracted statements are what was said: every act with a speaker except demands (scored as
  demands), written responses (documents handed over), and responses voiced by a state or body
  (a response; when a person voices it, it is also a statement);
* pairs are made so that as many gold facts as the rules allow are matched (augmenting paths);
  among the extracted facts that match one gold fact, the one whose evidence shares most words
  with the gold's evidence is tried first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import queries as stored
from .build import build
from .errors import UserError
from .loaders.actors import normalise_person_name
from .store import Store

KINDS = ("demands", "responses", "statements", "events", "actors")


@dataclass
class Fact:
    kind: str
    article: str
    fields: dict
    evidence: str = ""

    def describe(self) -> str:
        shown = ", ".join(f"{k}={v}" for k, v in self.fields.items() if v not in (None, "", []))
        return f"{self.article}: {shown}" + (f" — “{self.evidence[:100]}”" if self.evidence else "")


@dataclass
class KindScore:
    kind: str
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    misses: list[Fact] = field(default_factory=list)
    false_hits: list[Fact] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalReport:
    scores: dict[str, KindScore]
    articles: int

    @property
    def overall(self) -> KindScore:
        total = KindScore("overall")
        for s in self.scores.values():
            total.gold += s.gold
            total.predicted += s.predicted
            total.matched += s.matched
        return total

    def as_json(self) -> dict:
        def row(s: KindScore) -> dict:
            return {"gold": s.gold, "predicted": s.predicted, "matched": s.matched,
                    "precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4)}

        return {
            "articles": self.articles,
            "scores": {k: row(s) for k, s in self.scores.items()} | {"overall": row(self.overall)},
            "misses": {k: [f.describe() for f in s.misses] for k, s in self.scores.items()},
            "false_hits": {k: [f.describe() for f in s.false_hits] for k, s in self.scores.items()},
        }

    def as_table(self) -> str:
        lines = [f"{'kind':<11} {'gold':>5} {'found':>6} {'match':>6} {'P':>6} {'R':>6} {'F1':>6}"]
        for s in [*self.scores.values(), self.overall]:
            lines.append(f"{s.kind:<11} {s.gold:>5} {s.predicted:>6} {s.matched:>6} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}")
        for s in self.scores.values():
            for label, facts in (("missed", s.misses), ("false hit", s.false_hits)):
                for f in facts:
                    lines.append(f"{label:>9} {s.kind[:-1]}: {f.describe()}")
        return "\n".join(lines) + "\n"


# -- normalising ---------------------------------------------------------------------------------------
def _norm_name(name: str | None) -> str:
    if not name:
        return ""
    name = re.sub(r"(?i)^the\s+", "", name.strip())
    return normalise_person_name(name)


def _date_matches(gold: str | None, predicted: str | None) -> bool:
    if not gold:
        return not predicted
    return bool(predicted) and predicted[: len(gold)] == gold and len(predicted) >= len(gold)


class _ActorNames:
    """All the names (labels, aliases) and Wikidata ids the graph knows for each actor label."""

    def __init__(self, store: Store):
        self.names: dict[str, set[str]] = {}
        rows = stored.run_local(store, """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            SELECT DISTINCT ?label ?other WHERE {
              GRAPH ?g { ?a rdfs:label ?label }
              { GRAPH ?h { ?a skos:altLabel ?other } } UNION { GRAPH ?h { ?a owl:sameAs ?other } }
            }""")
        for label, other in rows.rows:
            key = _norm_name(label)
            self.names.setdefault(key, {key}).add(_norm_name(other.rsplit("/", 1)[-1] if other.startswith("http") else other))

    def same(self, gold_name: str | None, gold_wikidata: str | None, predicted_label: str | None) -> bool:
        if not gold_name or not predicted_label:
            return not gold_name and not predicted_label
        g, p = _norm_name(gold_name), _norm_name(predicted_label)
        known = self.names.get(p, {p})
        return g in known or (bool(gold_wikidata) and _norm_name(gold_wikidata) in known)


# -- the facts on each side ----------------------------------------------------------------------------
def _gold_facts(gold: dict) -> dict[str, list[Fact]]:
    art = gold["article"]
    wikidata = {a["name"]: a.get("wikidata") for a in gold.get("actors", [])}
    out: dict[str, list[Fact]] = {k: [] for k in KINDS}
    for d in gold.get("demands", []):
        out["demands"].append(Fact("demands", art, {"by": d["by"], "topic": d["topic"], "date": d.get("date")}, d.get("evidence", "")))
    for r in gold.get("responses", []):
        out["responses"].append(Fact("responses", art, {"by": r["by"], "kind": r["kind"], "date": r.get("date")}, r.get("evidence", "")))
    for s in gold.get("statements", []):
        out["statements"].append(Fact("statements", art, {"speaker": s["speaker"], "date": s.get("date"), "stance": s["stance"]}, s.get("evidence", "")))
    for e in gold.get("events", []):
        out["events"].append(Fact("events", art, {"kind": e["kind"], "date": e.get("date"), "place": e.get("place")}, e.get("evidence", "")))
    for a in gold.get("actors", []):
        out["actors"].append(Fact("actors", art, {"name": a["name"], "wikidata": wikidata.get(a["name"])}))
    return out


def _predicted_facts(store: Store, articles: set[str]) -> dict[str, list[Fact]]:
    out: dict[str, list[Fact]] = {k: [] for k in KINDS}

    def rows(name: str) -> list[dict]:
        return stored.run_local(store, stored.get(name).text).records()

    seen: set = set()
    for r in rows("demands"):
        key = ("d", r["demand"], r["article"])
        if r["article"] in articles and key not in seen:
            seen.add(key)
            out["demands"].append(Fact("demands", r["article"], {"by": r["by"], "topic": r["topic"], "date": r["date"] or None}, r["evidence"]))
    for r in rows("responses"):
        key = ("r", r["response"], r["article"])
        if r["article"] in articles and key not in seen:
            seen.add(key)
            out["responses"].append(Fact("responses", r["article"], {"by": r["by"], "kind": r["kind"], "date": r["date"] or None}, r["evidence"]))
    by_node: dict[tuple, Fact] = {}
    people = {r["label"] for r in stored.run_local(store, _PEOPLE).records()}
    for r in rows("statements"):
        key = (r["statement"], r["article"], r["speaker"])
        if r["article"] not in articles or r["kind"] in _NOT_STATEMENTS:
            continue
        if r["kind"] in _RESPONSES and r["speaker"] not in people:
            continue  # a state's or ministry's response is a response; a person's is also something said
        if key in by_node:  # one act reported twice in an article is one statement
            if r["evidence"] not in by_node[key].evidence:
                by_node[key].evidence += " " + r["evidence"]
            continue
        by_node[key] = Fact("statements", r["article"], {"speaker": r["speaker"], "date": r["date"] or None, "stance": r["stance"]}, r["evidence"])
    out["statements"].extend(by_node.values())
    for r in rows("events"):
        key = ("e", r["event"], r["article"])
        if r["article"] in articles and key not in seen:
            seen.add(key)
            out["events"].append(Fact("events", r["article"], {"kind": r["kind"], "date": r["date"] or None, "place": r["place"] or None}, r["evidence"]))
    actor_rows = stored.run_local(store, _ACTORS_IN_ARTICLES).records()
    for r in actor_rows:
        if r["article"] in articles:
            out["actors"].append(Fact("actors", r["article"], {"name": r["actor"]}))
    return out


# Demands are scored as demands, and a document handed over is not something said.
_NOT_STATEMENTS = {"demand", "written-response"}

_RESPONSES = {"rejection", "acceptance", "counter-proposal", "statement"}
_PEOPLE = """
PREFIX sg: <https://w3id.org/stancegraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?label WHERE { GRAPH ?g { ?p a sg:Person } GRAPH ?h { ?p rdfs:label ?label } }"""

_ACTORS_IN_ARTICLES = """
PREFIX sg: <https://w3id.org/stancegraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?article ?actor WHERE {
  GRAPH ?g { ?articleNode a sg:Article ; sg:fileName ?article ; schema:mentions ?a }
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/stancegraph/graph/article/"))
  GRAPH ?l { ?a rdfs:label ?actor }
}"""


def _matches(kind: str, g: Fact, p: Fact, names: _ActorNames, gold_ids: dict) -> bool:
    gf, pf = g.fields, p.fields
    if kind == "demands":
        return gf["topic"] == pf["topic"] and _date_matches(gf["date"], pf["date"]) and names.same(gf["by"], gold_ids.get(gf["by"]), pf["by"])
    if kind == "responses":
        return gf["kind"] == pf["kind"] and _date_matches(gf["date"], pf["date"]) and names.same(gf["by"], gold_ids.get(gf["by"]), pf["by"])
    if kind == "statements":
        return gf["stance"] == pf["stance"] and _date_matches(gf["date"], pf["date"]) and names.same(gf["speaker"], gold_ids.get(gf["speaker"]), pf["speaker"])
    if kind == "events":
        place_ok = not gf.get("place") or names.same(gf["place"], None, pf.get("place"))
        return gf["kind"] == pf["kind"] and _date_matches(gf["date"], pf["date"]) and place_ok
    return names.same(gf["name"], gf.get("wikidata"), pf["name"])


def _score(kind: str, gold: list[Fact], predicted: list[Fact], names: _ActorNames, gold_ids: dict) -> KindScore:
    score = KindScore(kind, gold=len(gold), predicted=len(predicted))
    # Each gold fact's candidates, the ones read from the same words as its evidence first.
    options = [sorted((i for i, p in enumerate(predicted) if p.article == g.article and _matches(kind, g, p, names, gold_ids)),
                      key=lambda i, g=g: -_overlap(g.evidence, predicted[i].evidence)) for g in gold]
    owner: dict[int, int] = {}  # extracted fact → the gold fact it is matched to

    def place(gi: int, tried: set[int]) -> bool:
        # Kuhn's augmenting path: as many pairs as the matching rules allow, none counted twice.
        for pi in options[gi]:
            if pi in tried:
                continue
            tried.add(pi)
            if pi not in owner or place(owner[pi], tried):
                owner[pi] = gi
                return True
        return False

    matched = {gi for gi in range(len(gold)) if place(gi, set())}
    score.matched = len(matched)
    score.misses = [g for gi, g in enumerate(gold) if gi not in matched]
    score.false_hits = [p for pi, p in enumerate(predicted) if pi not in owner]
    return score


def _overlap(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def load_gold(gold_dir: Path) -> list[dict]:
    if not gold_dir.is_dir():
        raise UserError(f"{gold_dir}: not a folder of gold annotations")
    golds = []
    for path in sorted(gold_dir.glob("*.json")):
        if path.name.endswith(".meta.json"):
            continue
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UserError(f"{path}: not valid JSON: {exc}") from None
        if not isinstance(gold, dict) or "article" not in gold:
            raise UserError(f"{path}: a gold file needs an 'article' key naming the article file")
        golds.append(gold)
    if not golds:
        raise UserError(f"{gold_dir}: no gold *.json files")
    return golds


def evaluate(gold_dir: str | Path, articles: Iterable[str | Path] = ()) -> EvalReport:
    """Score the extractor on the articles the gold files name (found under ``articles``, or beside
    the gold files, or in ``corpus/``)."""
    gold_dir = Path(gold_dir)
    golds = load_gold(gold_dir)
    wanted = {g["article"] for g in golds}
    search = [Path(a) for a in articles] or [gold_dir, Path("corpus")]
    found: dict[str, Path] = {}
    for root in search:
        candidates = [root] if root.is_file() else sorted(root.rglob("*.txt")) if root.is_dir() else []
        for c in candidates:
            if c.name in wanted:
                found.setdefault(c.name, c)
    missing = sorted(wanted - set(found))
    if missing:
        raise UserError(f"{gold_dir}: article {missing[0]} not found under {', '.join(map(str, search))}")
    store = Store.memory()
    build(store, list(found.values()))
    names = _ActorNames(store)
    gold_ids = {a["name"]: a.get("wikidata") for g in golds for a in g.get("actors", [])}
    gold_facts = {k: [f for g in golds for f in _gold_facts(g)[k]] for k in KINDS}
    predicted = _predicted_facts(store, wanted)
    scores = {k: _score(k, gold_facts[k], predicted[k], names, gold_ids) for k in KINDS}
    return EvalReport(scores, len(wanted))
