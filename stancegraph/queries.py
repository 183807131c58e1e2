"""Stored queries: ``queries/*.rq`` with grlc headers and BASIL parameters, bound as RDF terms.

A query file starts with ``#+ summary: …`` (and optionally ``#+ description:``, ``#+ tags:``).
Parameters are variables named the BASIL way: ``?_actor_iri`` is a required IRI called ``actor``,
``?__since_date`` an optional ``xsd:date`` called ``since``. Suffixes: ``_iri``, ``_date``,
``_integer``, ``_number``, ``_literal`` (the default: a plain string).

Values are turned into RDF terms (Oxigraph's terms: an IRI is checked, a literal escaped) and bound
with SPARQL's own mechanism, a ``VALUES`` block opening the query's top-level group; the value never
becomes query syntax. Parameters appear only in the top-level group (a rule for query authors), so
the binding holds wherever they are used, locally and on any SPARQL 1.1 endpoint.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox

from .errors import UsageError, UserError
from .namespaces import EXPORT_PREFIXES, QUERY_PREFIXES
from .resources import queries_dir

_TYPES = ("iri", "date", "integer", "number", "literal")
_PARAM = re.compile(r"[?$](__?)([A-Za-z][A-Za-z0-9]*?)(?:_(iri|date|integer|number|literal))?\b")
_STRINGS_AND_COMMENTS = re.compile(r"'''.*?'''|\"\"\".*?\"\"\"|'(?:\\.|[^'\\\n])*'|\"(?:\\.|[^\"\\\n])*\"|<[^<>\"{}|^`\\\s]*>|#[^\n]*", re.S)


@dataclass(frozen=True)
class Param:
    name: str  # as the user passes it: -p actor=Russia
    variable: str  # without the '?': _actor_iri
    type: str  # iri, date, integer, number, literal
    required: bool

    def describe(self) -> str:
        return f"{self.name} ({self.type}{'' if self.required else ', optional'})"


@dataclass(frozen=True)
class StoredQuery:
    name: str
    path: Path
    text: str

    @cached_property
    def header(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for line in self.text.splitlines():
            m = re.match(r"#\+\s*([\w-]+)\s*:\s*(.*)", line)
            if m:
                key = m.group(1).lower()
                out[key] = (out[key] + " " + m.group(2).strip()).strip() if key in out else m.group(2).strip()
            elif line.strip() and not line.startswith("#"):
                break
        return out

    @property
    def summary(self) -> str:
        return self.header.get("summary", "")

    @cached_property
    def params(self) -> list[Param]:
        code = _STRINGS_AND_COMMENTS.sub(" ", self.text)
        seen: dict[str, Param] = {}
        for m in _PARAM.finditer(code):
            optional, name, type_ = m.group(1) == "__", m.group(2), m.group(3) or "literal"
            variable = m.group(0)[1:]
            seen.setdefault(name, Param(name, variable, type_, not optional))
        return list(seen.values())


def catalog(directory: Path | None = None) -> dict[str, StoredQuery]:
    directory = directory or queries_dir()
    return {p.stem: StoredQuery(p.stem, p, p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.rq"))}


def get(name: str, directory: Path | None = None) -> StoredQuery:
    queries = catalog(directory)
    if name not in queries:
        known = ", ".join(queries) or "none"
        raise UsageError(f"unknown query {name!r}; stored queries: {known}")
    return queries[name]


# -- parameters ----------------------------------------------------------------------------------------
def parse_assignments(pairs: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        if "=" not in pair:
            raise UsageError(f"parameter {pair!r}: expected key=value")
        key, value = pair.split("=", 1)
        key = key.strip()
        if key in out:
            raise UsageError(f"parameter {key!r} given twice")
        out[key] = value
    return out


_IRI_OK = re.compile(r"^[^\s<>\"{}|\\^`]+$")


def to_term(param: Param, value: str, resolve=None):
    """The RDF term for a parameter value; ``resolve(label)`` maps a label to an IRI for ``_iri``."""
    try:
        if param.type == "iri":
            iri = _expand_iri(value)
            if iri is None and resolve is not None:
                iri = resolve(param, value)
            if iri is None:
                raise UsageError(f"parameter {param.name}: {value!r} is not an IRI, and nothing in the graph is called that")
            return ox.NamedNode(iri)
        if param.type == "date":
            dt.date.fromisoformat(value)
            return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
        if param.type == "integer":
            return ox.Literal(str(int(value)), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
        if param.type == "number":
            return ox.Literal(str(float(value)), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#double"))
        return ox.Literal(value)
    except ValueError:
        raise UsageError(f"parameter {param.name}: {value!r} is not a valid {param.type}") from None


def _expand_iri(value: str) -> str | None:
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        v = v[1:-1]
    prefix, _, local = v.partition(":")
    if prefix in QUERY_PREFIXES and not local.startswith("//") and _IRI_OK.match(local or "x"):
        return QUERY_PREFIXES[prefix] + local
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:", v) and _IRI_OK.match(v) and (v.startswith(("http://", "https://", "urn:"))):
        return v
    return None


def bind(query: StoredQuery, values: dict[str, str], resolve=None) -> dict:
    by_name = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(by_name))
    if unknown:
        accepted = ", ".join(p.describe() for p in query.params) or "none"
        raise UsageError(f"query {query.name}: unknown parameter {unknown[0]!r} (accepted: {accepted})")
    missing = [p.name for p in query.params if p.required and p.name not in values]
    if missing:
        raise UsageError(f"query {query.name}: missing required parameter {missing[0]!r} (give -p {missing[0]}=…)")
    return {by_name[k].variable: to_term(by_name[k], v, resolve) for k, v in values.items()}


def with_bindings(sparql: str, bindings: dict) -> str:
    """``sparql`` with ``VALUES (?a ?b) { (term term) }`` opening its top-level group."""
    if not bindings:
        return sparql
    brace = _top_group(sparql)
    names = " ".join(f"?{v}" for v in bindings)
    terms = " ".join(str(t) for t in bindings.values())  # N-Triples syntax: escaped, valid SPARQL
    return f"{sparql[:brace + 1]}\n  VALUES ({names}) {{ ({terms}) }}{sparql[brace + 1:]}"


def _top_group(sparql: str) -> int:
    """Offset of the ``{`` that opens the WHERE clause (strings, IRIs and comments skipped)."""
    masked = _STRINGS_AND_COMMENTS.sub(lambda m: " " * len(m.group(0)), sparql)
    where = re.search(r"(?i)\bWHERE\s*\{", masked)
    brace = masked.index("{", where.start()) if where else masked.find("{")
    if brace < 0:
        raise UsageError("query has no WHERE clause to bind parameters in")
    return brace


_RESOLVE = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?x WHERE {
  GRAPH ?g { ?x rdfs:label|skos:prefLabel|skos:altLabel|skos:notation ?l }
  FILTER(isIRI(?x) && LCASE(STR(?l)) = LCASE(STR(?_label)))
} LIMIT 5
"""


def store_resolver(store):
    """Resolve a label, alias or notation ("Russia", "nato-non-expansion") to the IRI it names."""

    def resolve(param: Param, value: str) -> str | None:
        rows = list(store.query(with_bindings(_RESOLVE, {"_label": ox.Literal(value)})))
        iris = sorted({r["x"].value for r in rows})
        if len(iris) > 1:
            raise UsageError(f"parameter {param.name}: {value!r} names several things ({', '.join(iris[:3])}); give the IRI")
        return iris[0] if iris else None

    return resolve


# -- results -------------------------------------------------------------------------------------------
def term_text(term) -> str:
    if term is None:
        return ""
    return term.value


@dataclass
class Result:
    variables: list[str]
    rows: list[list[str]]

    def records(self) -> list[dict[str, str]]:
        return [dict(zip(self.variables, row)) for row in self.rows]


def run_local(store, sparql: str, prefixes: dict[str, str] | None = None):
    """Run SPARQL on the embedded store: a :class:`Result` for SELECT, bool for ASK, triples otherwise."""
    try:
        answer = store.query(sparql, prefixes=prefixes)
    except SyntaxError as exc:
        raise UserError(f"SPARQL syntax error: {_syntax_message(exc)}") from None
    except OSError as exc:
        raise UserError(f"query failed: {_one_line(exc)}") from None
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        rows = [[term_text(sol[v]) for v in variables] for sol in answer]
        return Result(variables, rows)
    if isinstance(answer, ox.QueryBoolean):
        return bool(answer)
    return list(answer)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


_CHAR_CLASS = re.compile(r"\[(?:'(?:\\.|[^'\\])*'|[^\]'])*\]")


def _syntax_message(exc: Exception) -> str:
    """Oxigraph's message without its lists of Unicode character classes, which make it unreadable."""
    message = _CHAR_CLASS.sub("", _one_line(exc))
    message = re.sub(r"\s*,(?:\s*,)*", ",", message)
    message = re.sub(r"(one of),\s*", r"\1 ", message).rstrip(", ")
    return message.replace("expected one of Prefix not found", "undeclared prefix")


def format_result(result: Result, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=1) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows(result.rows)
        return buf.getvalue()
    return format_table(result)


def format_table(result: Result, max_width: int = 60) -> str:
    def cut(v: str) -> str:
        v = _shorten(v).replace("\n", " ")
        return v if len(v) <= max_width else v[: max_width - 1] + "…"

    cells = [[cut(v) for v in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(result.variables)]
    line = lambda vals: "  ".join(v.ljust(w) for v, w in zip(vals, widths)).rstrip()  # noqa: E731
    out = [line(result.variables), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(out) + "\n"


# Longest namespace first, so "demand:" wins over a shorter namespace it starts with.
_SHORT_NAMES = sorted(((p, ns) for p, ns in EXPORT_PREFIXES.items() if p not in ("rdf", "xsd")), key=lambda item: -len(item[1]))


def _shorten(value: str) -> str:
    """IRIs in the project's namespaces print as prefixed names in tables, spelt as in exports."""
    for prefix, ns in _SHORT_NAMES:
        if value.startswith(ns):
            return f"{prefix}:{value[len(ns):]}"
    return value
