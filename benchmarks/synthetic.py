"""Deterministic synthetic stancegraph dataset, written as N-Quads.

Shape follows ``stancegraph/writer.py``: one named graph per article
(``https://w3id.org/stancegraph/graph/article/a{n}``) holding the article node, its demands, stance
statements, responses/rejections, meetings and one ``sg:Mention`` per fact (~200 triples per
article), plus the gazetteer graph ``https://w3id.org/stancegraph/graph/actors`` (states, persons,
places with ``rdfs:label``).

Actors are drawn with a Zipf-like weight, so a few states dominate, as in real coverage.
Same arguments → same bytes (seeded ``random.Random``; no set/dict iteration order, no clock).

    python benchmarks/synthetic.py --triples 1000000 -o /tmp/sg-1m.nq
    python benchmarks/synthetic.py --articles 5 -o /tmp/sg-seeds.nq
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from datetime import date, timedelta
from typing import TextIO

BASE = "https://w3id.org/stancegraph/"
SG = BASE + "ontology#"
ID = BASE + "id/"
SGA = ID + "actor/"
TOPIC = BASE + "topic/"
ARTICLE_GRAPH = BASE + "graph/article/a{n}"
ACTORS_GRAPH = BASE + "graph/actors"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
SCHEMA_DATE = "https://schema.org/datePublished"
ORG_MEMBER = "http://www.w3.org/ns/org#memberOf"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"

N_STATES = 200
N_PERSONS = 500
N_PLACES = 100
TOPICS = (
    "nuclear-programme", "sanctions", "ceasefire", "grain-exports", "prisoner-exchange",
    "arms-control", "border-dispute", "humanitarian-aid", "maritime-security", "energy-supply",
    "trade-tariffs", "climate-finance", "refugees", "territorial-integrity", "peace-talks",
)
STANCES = ("supports", "opposes", "conditional", "uncertain", "neutral")
STANCE_WEIGHTS = (35, 35, 12, 8, 10)
MODALITIES = ("asserted", "future", "hypothetical", "negated", "conditional")
DAY0 = date(2018, 1, 1)
N_DAYS = (date(2025, 12, 31) - DAY0).days

_SYL = ("ka", "ra", "mo", "li", "ta", "ne", "vo", "shi", "an", "el", "dor", "bur", "zan", "tul", "mir",
        "os", "ve", "ga", "ri", "qu", "stan", "land", "ia", "ov", "ek")
_FIRST = ("Anna", "Boris", "Chen", "Dara", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kemal",
          "Lena", "Mateo", "Nadia", "Olu", "Priya", "Rafael", "Sofia", "Tariq", "Yara")
_LAST = ("Abbas", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanov", "Jensen",
         "Kato", "Lopez", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka",
         "Umar", "Varga", "Weber", "Yilmaz", "Zhou")
_WORDS = ("the", "minister", "said", "talks", "would", "resume", "only", "if", "sanctions", "were", "lifted",
          "and", "called", "on", "partners", "to", "guarantee", "a", "lasting", "ceasefire", "along", "border",
          "delegation", "rejected", "proposal", "demanded", "immediate", "withdrawal", "of", "troops", "from",
          "region", "statement", "welcomed", "agreement", "grain", "corridor", "warned", "against", "escalation")


def _lit(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _typed(value: object, dtype: str) -> str:
    return f'"{value}"^^<{XSD}{dtype}>'


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYL) for _ in range(parts)).capitalize()


def _hex(*key: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, key)).encode()).hexdigest()[:16]


class Writer:
    def __init__(self, out: TextIO):
        self.out = out
        self.count = 0
        self._graph = ""

    def graph(self, iri: str) -> None:
        self._graph = f"<{iri}>"

    def t(self, s: str, p: str, o: str) -> None:
        """s and p are bare IRIs; o is an already-serialised N-Quads term."""
        self.out.write(f"<{s}> <{p}> {o} {self._graph} .\n")
        self.count += 1


def _iri(x: str) -> str:
    return f"<{x}>"


def generate(out: TextIO, *, triples: int | None = None, articles: int | None = None, seed: int = 42) -> dict:
    """Write the dataset; stop after ``articles`` articles or once ``triples`` is reached."""
    if (triples is None) == (articles is None):
        raise ValueError("give exactly one of triples= or articles=")
    rng = random.Random(seed)
    w = Writer(out)

    # -- gazetteer graph ----------------------------------------------------------------------------
    w.graph(ACTORS_GRAPH)
    states, persons, places = [], [], []
    for i in range(N_STATES):
        label = f"Republic of {_name(rng, rng.randint(2, 3))}"
        iri = SGA + f"state-s{i:03d}"
        states.append(iri)
        w.t(iri, RDF_TYPE, _iri(SG + "State"))
        w.t(iri, RDFS_LABEL, _lit(label))
        w.t(iri, "http://www.w3.org/2004/02/skos/core#exactMatch", _iri(f"http://www.wikidata.org/entity/Q{1000 + i * 7}"))
    for i in range(N_PERSONS):
        label = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        iri = SGA + f"person-p{i:03d}"
        persons.append((iri, states[min(int(rng.paretovariate(1.2)) - 1, N_STATES - 1)]))
        w.t(iri, RDF_TYPE, _iri(SG + "Person"))
        w.t(iri, RDFS_LABEL, _lit(label))
        w.t(iri, ORG_MEMBER, _iri(persons[-1][1]))
    for i in range(N_PLACES):
        label = _name(rng, rng.randint(2, 3))
        iri = SGA + f"place-c{i:03d}"
        places.append(iri)
        w.t(iri, RDF_TYPE, _iri(SG + "Place"))
        w.t(iri, RDFS_LABEL, _lit(label))
    state_w = [1.0 / (i + 1) for i in range(N_STATES)]  # Zipf-like: s000 is the most reported
    person_w = [1.0 / (i + 1) ** 0.8 for i in range(N_PERSONS)]
    topic_w = [1.0 / (i + 1) ** 0.7 for i in range(len(TOPICS))]

    def state() -> str:
        return rng.choices(states, state_w)[0]

    def topic() -> str:
        return _iri(TOPIC + rng.choices(TOPICS, topic_w)[0])

    def anchor() -> str:
        words: list[str] = []
        while sum(len(x) + 1 for x in words) < 110:
            words.append(rng.choice(_WORDS))
        return _lit(" ".join(words).capitalize() + ".")

    # -- article graphs -----------------------------------------------------------------------------
    n = 0
    while (articles is not None and n < articles) or (triples is not None and w.count < triples):
        g = ARTICLE_GRAPH.format(n=n)
        w.graph(g)
        art = ID + f"article/a{n}"
        pub = DAY0 + timedelta(days=rng.randrange(N_DAYS))
        w.t(art, RDF_TYPE, _iri(SG + "Article"))
        w.t(art, SG + "fileName", _lit(f"a{n:07d}.txt"))
        w.t(art, SG + "contentHash", _lit(_hex("content", seed, n) * 4))
        w.t(art, SCHEMA_DATE, _typed(pub.isoformat(), "date"))
        cursor = rng.randrange(0, 400)
        sentence = 0

        def fact_date() -> str:
            return _typed((pub - timedelta(days=rng.choice((0, 0, 0, 1, 1, 2, 7)))).isoformat(), "date")

        def mention(fact: str) -> None:
            nonlocal cursor, sentence
            m = ID + "mention/" + _hex("mention", seed, fact)
            text = anchor()
            begin = cursor + rng.randrange(0, 60)
            end = begin + len(text) - 2
            cursor = end + rng.randrange(20, 300)
            sentence += rng.randint(1, 3)
            w.t(m, RDF_TYPE, _iri(SG + "Mention"))
            w.t(m, SG + "mentions", _iri(fact))
            w.t(fact, SG + "mentionedIn", _iri(m))
            w.t(m, SG + "inArticle", _iri(art))
            w.t(m, SG + "sentenceIndex", _typed(sentence, "nonNegativeInteger"))
            w.t(m, NIF + "beginIndex", _typed(begin, "nonNegativeInteger"))
            w.t(m, NIF + "endIndex", _typed(end, "nonNegativeInteger"))
            w.t(m, NIF + "anchorOf", text)
            w.t(m, SG + "confidence", _typed(f"{rng.uniform(0.5, 1.0):.2f}", "decimal"))

        demands = []
        for k in range(rng.randint(2, 5)):
            d = ID + "demand/" + _hex("demand", seed, n, k)
            demands.append(d)
            by = state()
            w.t(d, RDF_TYPE, _iri(SG + "Demand"))
            w.t(d, SG + "onBehalfOf", _iri(by))
            addressees: list[str] = []
            for _ in range(rng.randint(1, 2)):
                a = state()
                if a != by and a not in addressees:
                    addressees.append(a)
            if not addressees:
                addressees.append(states[-1] if by != states[-1] else states[-2])
            for addressee in addressees:
                w.t(d, SG + "addressee", _iri(addressee))
            w.t(d, SG + "topic", topic())
            w.t(d, SG + "date", fact_date())
            w.t(d, SG + "modality", _iri(SG + "modality-" + rng.choice(MODALITIES)))
            w.t(d, PROV_DERIVED, _iri(art))
            mention(d)
        for k in range(rng.randint(3, 6)):
            st = ID + "stance/" + _hex("stance", seed, n, k)
            speaker, speaker_state = rng.choices(persons, person_w)[0]
            w.t(st, RDF_TYPE, _iri(SG + "StanceStatement"))
            w.t(st, SG + "speaker", _iri(speaker))
            w.t(st, SG + "onBehalfOf", _iri(speaker_state))
            w.t(st, SG + "stance", _iri(SG + "stance-" + rng.choices(STANCES, STANCE_WEIGHTS)[0]))
            w.t(st, SG + "date", fact_date())
            w.t(st, SG + "topic", topic())
            w.t(st, PROV_DERIVED, _iri(art))
            mention(st)
        for k in range(rng.randint(1, 2)):
            r = ID + "response/" + _hex("response", seed, n, k)
            kind = "Rejection" if rng.random() < 0.4 else "WrittenResponse"
            w.t(r, RDF_TYPE, _iri(SG + kind))
            w.t(r, SG + "respondsTo", _iri(rng.choice(demands)))
            w.t(r, SG + "onBehalfOf", _iri(state()))
            w.t(r, SG + "date", fact_date())
            w.t(r, PROV_DERIVED, _iri(art))
            mention(r)
        for k in range(rng.randint(1, 3)):
            ev = ID + "event/" + _hex("event", seed, n, k)
            parts = []
            while len(parts) < rng.randint(2, 4):
                s = state()
                if s not in parts:
                    parts.append(s)
            place = rng.choice(places)
            w.t(ev, RDF_TYPE, _iri(SG + "Meeting"))
            for p in parts:
                w.t(ev, SG + "participant", _iri(p))
            w.t(ev, SG + "place", _iri(place))
            w.t(ev, SG + "date", fact_date())
            w.t(ev, RDFS_LABEL, _lit(f"Meeting {n}-{k} on {rng.choice(TOPICS)}"))
            w.t(ev, SG + "topic", topic())
            w.t(ev, PROV_DERIVED, _iri(art))
            mention(ev)
        n += 1
    return {"triples": w.count, "articles": n, "seed": seed}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    size = ap.add_mutually_exclusive_group(required=True)
    size.add_argument("--triples", type=int, help="stop at the first article boundary at or past this many triples")
    size.add_argument("--articles", type=int, help="exactly this many article graphs")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("-o", "--output", default="-", help="N-Quads file (default: stdout)")
    args = ap.parse_args(argv)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="\n")
    try:
        info = generate(out, triples=args.triples, articles=args.articles, seed=args.seed)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"{info['triples']} triples, {info['articles']} articles, seed {info['seed']}", file=sys.stderr)


if __name__ == "__main__":
    main()
