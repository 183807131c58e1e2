"""The ``stancegraph`` command: output contracts, exit codes, one-line errors.

Most tests use ``invoke`` (the command run in-process by click's runner); the ones marked "fresh process"
use ``run_cli`` (``python -m stancegraph.cli`` in a subprocess), the way a user meets the errors."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

QUERY_NAMES = sorted(p.stem for p in (Path(__file__).resolve().parent.parent / "queries").glob("*.rq"))


def assert_one_line_error(code: int, out: str, err: str, expected_code: int, *fragments: str) -> str:
    """A failure: the given exit code, nothing on stdout, one line on stderr, no traceback."""
    assert code == expected_code, (code, err)
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("stancegraph: error: "), err
    for fragment in fragments:
        assert fragment in lines[0], (fragment, err)
    return lines[0]


# -- queries --------------------------------------------------------------------------------------------
def test_queries_lists_every_stored_query_with_summary_and_parameters(invoke):
    code, out, err = invoke("queries")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert [line.split(":", 1)[0] for line in lines] == QUERY_NAMES
    assert len(QUERY_NAMES) == 7
    by_name = dict(line.split(": ", 1) for line in lines)
    assert by_name["who-demanded-what"].startswith("Who demanded what of whom, and when")
    assert by_name["who-demanded-what"].endswith(
        "[parameters: actor (iri, optional), topic (iri, optional), since (date, optional)]")
    assert "[parameters" not in by_name["officials"]


def test_queries_needs_no_store(invoke, tmp_path):
    code, out, _ = invoke("queries", cwd=tmp_path)
    assert code == 0 and out
    assert not (tmp_path / ".stancegraph").exists()


# -- query: output formats -------------------------------------------------------------------------
@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_json_prints_only_an_array_of_objects_keyed_by_the_query_variables(invoke, mini_store_dir, name):
    code, out, err = invoke("query", name, "--format", "json", "--store", mini_store_dir)
    assert code == 0 and err == ""
    rows = json.loads(out)  # the whole of stdout is one JSON document
    assert isinstance(rows, list) and rows
    text = (Path(__file__).resolve().parent.parent / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    select = next(line for line in text.splitlines() if line.startswith("SELECT"))
    variables = [w[1:] for w in select.split() if w.startswith("?")]
    for row in rows:
        assert list(row) == variables
        assert all(isinstance(v, str) for v in row.values())


def test_query_csv_and_tsv_have_a_header_and_one_line_per_row(invoke, mini_store_dir):
    code, out, _ = invoke("query", "who-demanded-what", "--format", "csv", "--store", mini_store_dir)
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["by", "demand", "topic", "addressee", "date", "sources"]
    assert len(rows) == 1 + 4
    assert rows[3][0] == "Russia" and rows[3][3] == "NATO" and rows[3][5] == "2"
    code, out, _ = invoke("query", "who-demanded-what", "--format", "tsv", "--store", mini_store_dir)
    assert code == 0
    assert out.splitlines()[0] == "by\tdemand\ttopic\taddressee\tdate\tsources"
    assert len(out.splitlines()) == 5


def test_query_table_shortens_project_iris_and_counts_rows(invoke, mini_store_dir):
    code, out, _ = invoke("query", "who-demanded-what", "--store", mini_store_dir)
    assert code == 0
    assert "demand:mini-d1" in out  # spelt as in exports
    assert "https://w3id.org/stancegraph/id/" not in out
    assert out.splitlines()[-1] == "(4 rows)"


def test_query_reads_the_store_from_the_environment(run_cli, mini_store_dir):
    """Fresh process."""
    code, out, _ = run_cli("query", "officials", "--format", "json", env={"STANCEGRAPH_STORE": str(mini_store_dir)})
    assert code == 0
    assert len(json.loads(out)) == 4


def test_query_parameters_given_on_the_command_line(invoke, mini_store_dir):
    code, out, _ = invoke("query", "who-demanded-what", "-p", "actor=United States", "-p", "since=2020-01-01",
                           "--format", "json", "--store", mini_store_dir)
    assert code == 0
    assert json.loads(out) == []  # the United States' one demand (D3) is undated
    code, out, _ = invoke("query", "who-demanded-what", "--param", "actor=United States", "--format", "json",
                           "--store", mini_store_dir)
    assert [r["topic"] for r in json.loads(out)] == ["de-escalation"]


# -- query: bad parameters ------------------------------------------------------------------------------
@pytest.mark.parametrize("value", [
    'meeting" } DELETE WHERE { ?s ?p ?o } #',
    "} DELETE WHERE { ?s ?p ?o }",
    "meeting'\n} DELETE WHERE { ?s ?p ?o }",
    "meeting\\",
    "{meeting}",
])
def test_a_hostile_literal_value_returns_no_rows_and_changes_nothing(invoke, mini_store_dir, dump, value):
    before = dump(mini_store_dir)
    code, out, err = invoke("query", "events", "-p", f"kind={value}", "--format", "json", "--store", mini_store_dir)
    assert (code, err) == (0, "")
    assert json.loads(out) == []
    assert dump(mini_store_dir) == before


@pytest.mark.parametrize("value", [
    "https://w3id.org/stancegraph/id/actor/russia> } DELETE WHERE { ?s ?p ?o } #",
    "https://w3id.org/stancegraph/id/actor/rus sia",
    "<https://w3id.org/stancegraph/id/actor/russia>>",
    "sga:russia>",
    'Russia" } DELETE WHERE { ?s ?p ?o } #',
])
def test_an_iri_parameter_with_spaces_or_angle_brackets_is_refused(invoke, mini_store_dir, dump, value):
    before = dump(mini_store_dir)
    result = invoke("query", "who-demanded-what", "-p", f"actor={value}", "--store", mini_store_dir)
    assert_one_line_error(*result, 2, "parameter actor:", "is not an IRI")
    assert dump(mini_store_dir) == before


def test_an_iri_parameter_in_angle_brackets_is_accepted(invoke, mini_store_dir):
    code, out, _ = invoke("query", "who-demanded-what", "-p", "actor=<https://w3id.org/stancegraph/id/actor/united-states>",
                           "--format", "json", "--store", mini_store_dir)
    assert code == 0
    assert [r["by"] for r in json.loads(out)] == ["United States"]


def test_an_unknown_parameter_is_one_line_and_exit_2(run_cli, mini_store_dir):
    """Fresh process."""
    result = run_cli("query", "events", "-p", "colour=red", "--store", mini_store_dir)
    assert_one_line_error(*result, 2, "unknown parameter 'colour'", "accepted: kind (literal, optional)")


def test_a_parameter_without_a_value_is_one_line_and_exit_2(invoke, mini_store_dir):
    assert_one_line_error(*invoke("query", "events", "-p", "kind", "--store", mini_store_dir), 2, "expected key=value")


def test_a_parameter_given_twice_is_refused(invoke, mini_store_dir):
    result = invoke("query", "events", "-p", "kind=meeting", "-p", "kind=publication", "--store", mini_store_dir)
    assert_one_line_error(*result, 2, "given twice")


@pytest.mark.parametrize("value", ["2021-13-01", "yesterday", "2021-12-17'} DELETE WHERE {?s ?p ?o}#"])
def test_a_date_parameter_that_is_not_a_date_is_exit_2(invoke, mini_store_dir, value):
    result = invoke("query", "who-demanded-what", "-p", f"since={value}", "--store", mini_store_dir)
    assert_one_line_error(*result, 2, "parameter since:", "is not a valid date")


def test_an_unknown_query_is_exit_2_and_names_the_stored_ones(run_cli, mini_store_dir):
    """Fresh process."""
    result = run_cli("query", "who-wanted-what", "--store", mini_store_dir)
    assert_one_line_error(*result, 2, "unknown query 'who-wanted-what'", ", ".join(QUERY_NAMES))


def test_an_unknown_format_is_exit_2(invoke, mini_store_dir):
    assert_one_line_error(*invoke("query", "events", "--format", "xml", "--store", mini_store_dir), 2, "xml")


# -- missing store ----------------------------------------------------------------------------------
@pytest.mark.parametrize("args", [
    ("query", "who-demanded-what"),
    ("sparql", "ASK { }"),
    ("export", "--format", "nt"),
])
def test_a_missing_store_is_one_line_and_exit_1(run_cli, tmp_path, args):
    """Fresh process."""
    missing = tmp_path / "no-store-here"
    result = run_cli(*args, "--store", missing)
    assert_one_line_error(*result, 1, str(missing), "stancegraph build")
    assert not missing.exists()  # reading never creates a store


def test_the_default_store_is_dot_stancegraph_in_the_working_directory(invoke, tmp_path, mini_store_dir):
    assert_one_line_error(*invoke("query", "officials", cwd=tmp_path), 1, ".stancegraph")
    shutil.copytree(mini_store_dir, tmp_path / ".stancegraph")
    code, out, _ = invoke("query", "officials", "--format", "json", cwd=tmp_path)
    assert code == 0 and len(json.loads(out)) == 4


def test_a_directory_that_is_not_a_store_is_refused(invoke, tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("x", encoding="utf-8")
    assert_one_line_error(*invoke("query", "events", "--store", tmp_path / "notes"), 1, "no stancegraph store here")


# -- sparql ---------------------------------------------------------------------------------------------
def test_sparql_select_with_the_project_prefixes_predeclared(invoke, mini_store_dir):
    query = "SELECT ?file WHERE { GRAPH ?g { ?a a sg:Article ; sg:fileName ?file } } ORDER BY ?file"
    code, out, err = invoke("sparql", query, "--format", "json", "--store", mini_store_dir)
    assert (code, err) == (0, "")
    assert json.loads(out) == [{"file": "mini-a.txt"}, {"file": "mini-b.txt"}, {"file": "mini-c.txt"}]


def test_sparql_ask_prints_true_or_false(invoke, mini_store_dir):
    yes = invoke("sparql", "ASK { GRAPH ?g { sgid:demand\\/mini-d1 a sg:Demand } }", "--store", mini_store_dir)
    no = invoke("sparql", "ASK { GRAPH ?g { sgid:demand\\/mini-d1 a sg:Rejection } }", "--store", mini_store_dir)
    assert yes == (0, "true\n", "")
    assert no == (0, "false\n", "")


def test_sparql_construct_prints_turtle(invoke, mini_store_dir):
    query = "CONSTRUCT { ?d sg:topic ?t } WHERE { GRAPH ?g { ?d a sg:Demand ; sg:topic ?t } }"
    code, out, _ = invoke("sparql", query, "--store", mini_store_dir)
    assert code == 0
    assert "@prefix sg: <https://w3id.org/stancegraph/ontology#>" in out
    triples = {(t.subject.value, t.object.value) for t in ox.parse(out.encode(), format=ox.RdfFormat.TURTLE)}
    topic = "https://w3id.org/stancegraph/topic/"
    assert triples == {
        ("https://w3id.org/stancegraph/id/demand/mini-d1", topic + "nato-non-expansion"),
        ("https://w3id.org/stancegraph/id/demand/mini-d2", topic + "no-offensive-weapons-near-borders"),
        ("https://w3id.org/stancegraph/id/demand/mini-d3", topic + "de-escalation"),
    }


def test_sparql_reads_the_query_from_a_file(invoke, mini_store_dir, tmp_path):
    (tmp_path / "count.rq").write_text(
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a sg:Article } }", encoding="utf-8")
    code, out, _ = invoke("sparql", "-f", "count.rq", "--format", "csv", "--store", mini_store_dir)
    assert (code, out) == (0, "n\n3\n")


def test_sparql_wants_exactly_one_of_query_and_file(invoke, mini_store_dir, tmp_path):
    (tmp_path / "q.rq").write_text("ASK {}", encoding="utf-8")
    assert_one_line_error(*invoke("sparql", "--store", mini_store_dir), 2, "give a QUERY or -f FILE")
    assert_one_line_error(*invoke("sparql", "ASK {}", "-f", "q.rq", "--store", mini_store_dir), 2, "give a QUERY or -f FILE")


def test_sparql_syntax_error_is_one_line_at_the_users_own_position(run_cli, mini_store_dir):
    """Fresh process."""
    result = run_cli("sparql", "SELECT ?s WHERE { ?s ?p }", "--store", mini_store_dir)
    line = assert_one_line_error(*result, 1, "SPARQL syntax error")
    # The error is at line 1, column 26 of what the user typed (the closing brace where an object was
    # expected), not at a position shifted by the predeclared prefixes.
    assert "error at 1:26" in line


def test_sparql_cannot_update_the_store(invoke, mini_store_dir, dump):
    before = dump(mini_store_dir)
    result = invoke("sparql", "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", mini_store_dir)
    assert_one_line_error(*result, 1, "SPARQL syntax error")
    assert dump(mini_store_dir) == before


def test_sparql_with_an_undeclared_prefix_says_so_in_a_short_line(invoke, mini_store_dir):
    result = invoke("sparql", "SELECT ?s WHERE { ?s nope:p ?o }", "--store", mini_store_dir)
    line = assert_one_line_error(*result, 1, "SPARQL syntax error", "error at 1:", "undeclared prefix")
    assert len(line) < 120  # not Oxigraph's lists of Unicode character ranges


def test_sparql_syntax_error_lists_what_was_expected(invoke, mini_store_dir):
    result = invoke("sparql", "SELECT ?s WHERE { ?s ?p ?o", "--store", mini_store_dir)
    line = assert_one_line_error(*result, 1, "SPARQL syntax error", "error at 1:", "expected one of", '"}"')
    assert "\\u{" not in line and len(line) < 200


# -- general --------------------------------------------------------------------------------------------
def test_no_arguments_prints_help_and_exits_0(run_cli):
    """Fresh process."""
    code, out, _ = run_cli()
    assert code == 0
    for command in ("build", "queries", "query", "sparql", "export"):
        assert f"  {command} " in out


def test_version(invoke):
    code, out, _ = invoke("--version")
    assert code == 0 and out.startswith("stancegraph, version ")


def test_an_unknown_command_is_exit_2_one_line(invoke):
    assert_one_line_error(*invoke("frobnicate"), 2, "frobnicate")


def test_a_bad_date_and_a_bad_iri_in_a_fresh_process(run_cli, mini_store_dir):
    """Fresh process: usage errors are exit 2 and one line, never a traceback."""
    assert_one_line_error(*run_cli("query", "who-demanded-what", "-p", "since=2021-02-30", "--store", mini_store_dir),
                          2, "parameter since:", "is not a valid date")
    assert_one_line_error(*run_cli("query", "stance-timeline", "-p", "actor=https://example.org/a b", "--store", mini_store_dir),
                          2, "parameter actor:", "is not an IRI")
