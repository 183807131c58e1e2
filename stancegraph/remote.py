"""Remote SPARQL 1.1 endpoints: run queries there, and push the store's graphs to them.

* :func:`run_remote` runs a query through SPARQLWrapper (POST, URL-encoded) and returns what
  :func:`queries.run_local` returns for the same query on the embedded store: a :class:`queries.Result`
  whose values print the same, a bool for ASK, a list of triples for CONSTRUCT/DESCRIBE.
* :func:`push` sends every stancegraph named graph (``https://w3id.org/stancegraph/graph/…``), one per
  request, each replaced atomically on the server: SPARQL Update ``DROP SILENT GRAPH <g> ; INSERT DATA
  { GRAPH <g> { … } }`` posted as one request, or a Graph Store Protocol ``PUT ?graph=<g>``. Re-pushing
  changes nothing; a push cut short can simply be run again. Graphs stancegraph did not make are never
  touched, and stancegraph graphs the local store no longer has are left alone too.

Auth is HTTP basic only. Connection errors, timeouts, 429 and 5xx answers are retried (3 tries,
exponential back-off); every other failure is one :class:`UserError` line naming the endpoint.
"""

from __future__ import annotations

import ast
import base64
import http.client
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

import pyoxigraph as ox

from . import __version__
from . import queries as stored
from .errors import UsageError, UserError
from .namespaces import GRAPH

USER_AGENT = f"stancegraph/{__version__} (+https://w3id.org/stancegraph)"
TRIES = 3  # attempts per request, for connection errors, timeouts, 429 and 5xx
BACKOFF = 0.5  # seconds before the 2nd try; doubles each time
PUSH_TIMEOUT = 300.0  # seconds per graph request (one graph can be large: it is never split)
STANCEGRAPH_GRAPH_PREFIX = str(GRAPH)

_RETRY_STATUS = {429, 500, 502, 503, 504}


# -- errors ----------------------------------------------------------------------------------------------
class _Retryable(Exception):
    """A failure worth another try; ``message`` is the one line the user sees if all tries fail."""

    def __init__(self, message: str, wait: float | None = None):
        super().__init__(message)
        self.wait = wait


def _first_line(body: bytes | str | None) -> str:
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    for line in (body or "").splitlines():
        if line.strip():
            line = " ".join(line.split())
            return line if len(line) <= 300 else line[:299] + "…"
    return ""


def _http_message(code: int, reason: str, body) -> str:
    first = _first_line(body)
    return f"HTTP {code}: {first or reason or 'no message'}"


def _connection_message(exc: BaseException, timeout: float) -> str:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)):
        return "connection closed by the server"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return " ".join(str(reason).split()) or type(reason).__name__


def _with_retries(endpoint: str, attempt, timeout: float, tries: int = TRIES):
    """Call ``attempt()``; retry on :class:`_Retryable` with exponential back-off; one-line UserError."""
    delay = BACKOFF
    for n in range(1, tries + 1):
        try:
            return attempt()
        except _Retryable as exc:
            if n == tries:
                raise UserError(f"{endpoint}: {exc}") from None
            wait = delay if exc.wait is None else min(exc.wait, 60.0)
            time.sleep(wait)
            delay *= 2


def _retry_after(headers) -> float | None:
    try:
        return float(headers.get("Retry-After")) if headers is not None and headers.get("Retry-After") else None
    except ValueError:
        return None


# -- queries (SPARQLWrapper) --------------------------------------------------------------------------------
_SW_CODES = {"QueryBadFormed": 400, "Unauthorized": 401, "EndPointNotFound": 404, "URITooLong": 414, "EndPointInternalError": 500}


def _sw_error_body(exc: Exception) -> bytes:
    """SPARQLWrapper keeps the server's answer only inside its message, as ``repr(bytes)``."""
    text = str(exc)
    marker = "Response:\n"
    if marker in text:
        raw = text.split(marker, 1)[1]
        try:
            value = ast.literal_eval(raw)
            return value if isinstance(value, bytes) else str(value).encode()
        except (ValueError, SyntaxError):
            return raw.encode()
    return b""


def _wrapper(endpoint: str, sparql: str, user, password, timeout: float):
    from SPARQLWrapper import BASIC, POST, SPARQLWrapper

    sw = SPARQLWrapper(endpoint, agent=USER_AGENT)
    sw.setMethod(POST)
    sw.setTimeout(max(1, round(timeout)))
    if user:
        sw.setHTTPAuth(BASIC)
        sw.setCredentials(user, password or "")
    sw.setQuery(sparql)
    return sw


def _send(endpoint: str, sw, timeout: float):
    """One query through SPARQLWrapper, retried; returns the ``QueryResult``."""
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    def attempt():
        try:
            return sw.query()
        except SPARQLWrapperException as exc:
            code = _SW_CODES.get(type(exc).__name__, 0)
            message = _http_message(code, type(exc).__name__, _sw_error_body(exc))
            if code in _RETRY_STATUS:
                raise _Retryable(message) from None
            raise UserError(f"{endpoint}: {message}") from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            raise _transport_error(exc, endpoint, timeout) from None

    return _with_retries(endpoint, attempt, timeout)


def _transport_error(exc: Exception, endpoint: str, timeout: float) -> Exception:
    """What a failed HTTP exchange becomes: a retry for 5xx/429 and lost connections, else one line."""
    if isinstance(exc, urllib.error.HTTPError):
        message = _http_message(exc.code, exc.reason, exc.read())
        if exc.code in _RETRY_STATUS:
            return _Retryable(message, _retry_after(exc.headers))
        return UserError(f"{endpoint}: {message}")
    return _Retryable(_connection_message(exc, timeout))


def select_json(endpoint: str, sparql: str, *, user=None, password=None, timeout: float = 60) -> dict:
    """The SPARQL JSON results document of a SELECT or ASK query (retried like every request)."""
    from SPARQLWrapper import JSON

    sw = _wrapper(endpoint, sparql, user, password, timeout)
    sw.setReturnFormat(JSON)
    result = _send(endpoint, sw, timeout)
    try:
        return json.loads(result.response.read().decode("utf-8"))
    except (ValueError, OSError) as exc:
        raise UserError(f"{endpoint}: the answer is not SPARQL JSON results: {_first_line(str(exc))}") from None


def run_remote(endpoint: str, sparql: str, *, user=None, password=None, timeout: float = 60):
    """Run ``sparql`` on a SPARQL 1.1 query endpoint; same return values as :func:`queries.run_local`."""
    from SPARQLWrapper import ASK, CONSTRUCT, DESCRIBE, SELECT, TURTLE

    sw = _wrapper(endpoint, sparql, user, password, timeout)
    kind = sw.queryType
    if kind in (SELECT, ASK):
        data = select_json(endpoint, sparql, user=user, password=password, timeout=timeout)
        if kind == ASK or "boolean" in data:
            return bool(data.get("boolean"))
        variables = list(data.get("head", {}).get("vars", []))
        rows = [[b[v]["value"] if v in b else "" for v in variables] for b in data.get("results", {}).get("bindings", [])]
        return stored.Result(variables, rows)
    if kind in (CONSTRUCT, DESCRIBE):
        sw.setReturnFormat(TURTLE)
        sw.addCustomHttpHeader("Accept", "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5")
        result = _send(endpoint, sw, timeout)
        media = (result.response.headers.get("Content-Type") or "text/turtle").split(";")[0].strip()
        fmt = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.TURTLE
        try:
            return [q.triple for q in ox.parse(result.response.read(), format=fmt)]
        except SyntaxError as exc:
            raise UserError(f"{endpoint}: the answer is not valid {fmt.name}: {_first_line(str(exc))}") from None
    raise UsageError("only SELECT, ASK, CONSTRUCT and DESCRIBE run on an endpoint (use `stancegraph push` to write)")


def remote_resolver(endpoint: str, *, user=None, password=None):
    """:func:`queries.store_resolver` over an endpoint: a label, alias or notation → the IRI it names."""

    def resolve(param, value: str) -> str | None:
        result = run_remote(endpoint, stored.with_bindings(stored._RESOLVE, {"_label": ox.Literal(value)}), user=user, password=password)
        iris = sorted({row[0] for row in result.rows if row[0]})
        if len(iris) > 1:
            raise UsageError(f"parameter {param.name}: {value!r} names several things ({', '.join(iris[:3])}); give the IRI")
        return iris[0] if iris else None

    return resolve


# -- push -------------------------------------------------------------------------------------------------
@dataclass
class PushReport:
    endpoint: str
    graphs: int = 0
    triples: int = 0
    seconds: float = 0.0
    protocol: str = "SPARQL Update"

    def summary(self) -> str:
        rate = f", {self.triples / self.seconds:,.0f} triples/s" if self.seconds > 0 else ""
        return (
            f"pushed {self.graphs} graph{'s' if self.graphs != 1 else ''} ({self.triples:,} triples) to {self.endpoint} "
            f"by {self.protocol} in {self.seconds:.2f} s{rate}"
        )


def _http(method: str, url: str, body: bytes, content_type: str, user, password, timeout: float) -> None:
    """One HTTP request (retried); any 2xx is success."""

    def attempt():
        request = urllib.request.Request(url, data=body, method=method)
        request.add_header("Content-Type", content_type)
        request.add_header("User-Agent", USER_AGENT)
        if user:
            token = base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
            request.add_header("Authorization", f"Basic {token}")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            raise _transport_error(exc, url.split("?")[0], timeout) from None

    _with_retries(url.split("?")[0], attempt, timeout)


def stancegraph_graphs(store) -> list[str]:
    return [g for g in store.graphs() if g.startswith(STANCEGRAPH_GRAPH_PREFIX)]


def graph_ntriples(store, graph_iri: str) -> tuple[bytes, int]:
    triples = [q.triple for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri))]
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), len(triples)


def push(store, endpoint: str, *, update_endpoint=None, gsp_endpoint=None, user=None, password=None) -> PushReport:
    """Replace each stancegraph graph on the server with the local one: one request per graph."""
    started = time.perf_counter()
    report = PushReport(endpoint=gsp_endpoint or update_endpoint or endpoint, protocol="Graph Store Protocol" if gsp_endpoint else "SPARQL Update")
    graphs = stancegraph_graphs(store)
    for graph_iri in graphs:
        body, count = graph_ntriples(store, graph_iri)
        try:
            if gsp_endpoint:
                sep = "&" if "?" in gsp_endpoint else "?"
                url = f"{gsp_endpoint}{sep}graph={urllib.parse.quote(graph_iri, safe='')}"
                _http("PUT", url, body, "application/n-triples", user, password, PUSH_TIMEOUT)
            else:
                update = (
                    f"DROP SILENT GRAPH <{graph_iri}> ;\nINSERT DATA {{ GRAPH <{graph_iri}> {{\n".encode()
                    + body
                    + b"}}\n"
                )
                _http("POST", update_endpoint or endpoint, update, "application/sparql-update; charset=utf-8", user, password, PUSH_TIMEOUT)
        except UserError as exc:
            done = f"{report.graphs} of {len(graphs)} graphs pushed"
            hint = ""
            if report.graphs == 0 and not gsp_endpoint and not update_endpoint and "HTTP 4" in str(exc):
                hint = "; if this URL only answers queries, give the update endpoint with --update-endpoint"
            raise UserError(f"{exc} (while pushing <{graph_iri}>; {done}; run push again to finish{hint})") from None
        report.graphs += 1
        report.triples += count
    report.seconds = time.perf_counter() - started
    return report
