"""The ``stancegraph`` command: a thin shell over the Python API.

Every command reads or writes the store given by ``--store`` (default ``./.stancegraph``, or the
``STANCEGRAPH_STORE`` environment variable). Errors are one line on stderr and a non-zero exit code:
1 for bad input or state, 2 for bad usage.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from . import queries as stored
from .build import DEFAULT_CORPUS, build
from .errors import UsageError, UserError
from .export import FORMATS, export
from .store import DEFAULT_STORE, Store

_FORMAT = click.Choice(["table", "csv", "tsv", "json"])
store_option = click.option(
    "--store", "store_path", default=lambda: os.environ.get("STANCEGRAPH_STORE", DEFAULT_STORE),
    show_default=DEFAULT_STORE, type=click.Path(file_okay=False, path_type=Path), help="Store directory.",
)


def auth_options(func):
    """--user / --password, with STANCEGRAPH_ENDPOINT_USER/_PASSWORD as defaults."""
    func = click.option("--password", envvar="STANCEGRAPH_ENDPOINT_PASSWORD", help="Password (or env STANCEGRAPH_ENDPOINT_PASSWORD).")(func)
    return click.option("--user", envvar="STANCEGRAPH_ENDPOINT_USER", help="User for HTTP auth (or env STANCEGRAPH_ENDPOINT_USER).")(func)


def endpoint_options(func):
    """--endpoint plus the auth options, for commands that run on the store or on an endpoint."""
    return click.option("--endpoint", metavar="URL", help="Run on this SPARQL 1.1 query endpoint instead of the store.")(auth_options(func))


class _Cli(click.Group):
    """Turns every failure into one line on stderr: no tracebacks for users."""

    def main(self, *args, **kwargs):
        kwargs["standalone_mode"] = False
        try:
            rv = super().main(*args, **kwargs)
            return sys.exit(rv if isinstance(rv, int) else 0)
        except UserError as exc:
            _fail(str(exc), exc.exit_code)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.ctx.get_help())
            sys.exit(0)
        except click.ClickException as exc:
            _fail(exc.format_message(), exc.exit_code)
        except click.exceptions.Abort:
            _fail("interrupted; the store is unchanged", 130)
        except KeyboardInterrupt:
            _fail("interrupted; the store is unchanged", 130)
        except BrokenPipeError:
            sys.exit(0)
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            if os.environ.get("STANCEGRAPH_DEBUG"):
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc} (set STANCEGRAPH_DEBUG=1 for details)", 1)


def _fail(message: str, code: int) -> None:
    click.echo(f"stancegraph: error: {' '.join(message.split())}", err=True)
    sys.exit(code)


@click.group(cls=_Cli, no_args_is_help=True)
@click.version_option(__version__, prog_name="stancegraph")
def cli() -> None:
    """Diplomatic news in, a stance-tracking knowledge graph out.

    \b
    stancegraph build                      # read corpus/ into ./.stancegraph
    stancegraph query who-demanded-what    # who demanded what of whom, and when
    """


@cli.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@store_option
@click.option("--prune", is_flag=True, help="Remove articles from the store that are not under PATHS.")
@click.option("--reason", "reason_mode", type=click.Choice(["fast", "owlrl", "rdfs", "none"]), default=None,
              help="Also materialise inferences into graph/inferred (default: leave them as they are).")
@click.option("--validate/--no-validate", default=True, show_default=True, help="Check the graph with SHACL after building.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def build_command(paths: tuple[Path, ...], store_path: Path, prune: bool, reason_mode: str | None, validate: bool, quiet: bool) -> int:
    """Read articles (*.txt, default: corpus/) into the store.

    Unchanged articles are skipped; a changed one replaces only its own graph; all changes land in
    one transaction. Then (by default) the graph is validated and any violation reported.
    Example: stancegraph build corpus/ --store /tmp/sg --reason fast
    """
    with Store.open(store_path, write=True) as store:
        show_bar = not quiet and sys.stderr.isatty()

        def progress(files):
            if not show_bar or len(files) < 50:
                return files
            return click.progressbar(files, label="reading articles", file=sys.stderr)

        def with_bar(files):
            bar = progress(files)
            if bar is files:
                yield from files
            else:
                with bar as items:
                    yield from items

        report = build(store, paths or (DEFAULT_CORPUS,), prune=prune, progress=with_bar)
        reasoned = None
        if reason_mode is not None:
            from .reason import reason

            reasoned = reason(store, reason_mode)
        checked = None
        if validate and (report.changed or reasoned is not None):
            from .validate import validate as run_validation

            checked = run_validation(store)
    for failure in report.failures:
        click.echo(f"stancegraph: skipped: {failure}", err=True)
    if not quiet:
        click.echo(report.summary())
        if reasoned is not None:
            click.echo(reasoned.summary())
    problems = bool(report.failures)
    if reasoned is not None and reasoned.inconsistencies:
        click.echo(f"stancegraph: inconsistent: {len(reasoned.inconsistencies)} clashes, e.g. {reasoned.inconsistencies[0]}", err=True)
        problems = True
    if checked is not None and not checked.conforms:
        click.echo("stancegraph: validation failed; run `stancegraph validate` for the report", err=True)
        problems = True
    return 1 if problems else 0


@cli.command("queries")
def queries_command() -> None:
    """List the stored queries with their summaries and parameters.

    Example: stancegraph queries
    """
    for name, q in stored.catalog().items():
        params = ", ".join(p.describe() for p in q.params)
        click.echo(f"{name}: {q.summary}" + (f"  [parameters: {params}]" if params else ""))


@cli.command("query")
@click.argument("name")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--format", "fmt", type=_FORMAT, default="table", show_default=True)
@store_option
@endpoint_options
def query_command(name: str, params: tuple[str, ...], fmt: str, store_path: Path, endpoint: str | None, user: str | None, password: str | None) -> None:
    """Run a stored query from queries/, on the store or on a remote SPARQL endpoint.

    Example: stancegraph query stance-timeline -p actor=Russia --format csv
    """
    q = stored.get(name)
    values = stored.parse_assignments(list(params))
    if endpoint:
        from .remote import remote_resolver, run_remote

        bindings = stored.bind(q, values, remote_resolver(endpoint, user=user, password=password))
        result = run_remote(endpoint, stored.with_bindings(q.text, bindings), user=user, password=password)
    else:
        with Store.open(store_path) as store:
            bindings = stored.bind(q, values, stored.store_resolver(store))
            result = stored.run_local(store, stored.with_bindings(q.text, bindings))
    click.echo(stored.format_result(result, fmt), nl=False)


@cli.command("sparql")
@click.argument("query", required=False)
@click.option("-f", "--file", "file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Read the query from FILE.")
@click.option("--format", "fmt", type=_FORMAT, default="table", show_default=True, help="For SELECT results.")
@store_option
@endpoint_options
def sparql_command(query: str | None, file: Path | None, fmt: str, store_path: Path, endpoint: str | None, user: str | None, password: str | None) -> None:
    """Run an ad-hoc SELECT, ASK, CONSTRUCT or DESCRIBE query.

    Example: stancegraph sparql "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    """
    if (query is None) == (file is None):
        raise UsageError("give a QUERY or -f FILE (one of them)")
    text = file.read_text(encoding="utf-8") if file else query
    if endpoint:
        from .remote import run_remote

        prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in stored.QUERY_PREFIXES.items())
        answer = run_remote(endpoint, prologue + text, user=user, password=password)
    else:
        with Store.open(store_path) as store:
            # Prefixes passed beside the text, so a syntax error's line:column is the user's own.
            answer = stored.run_local(store, text, prefixes=stored.QUERY_PREFIXES)
    if isinstance(answer, stored.Result):
        click.echo(stored.format_result(answer, fmt), nl=False)
    elif isinstance(answer, bool):
        click.echo("true" if answer else "false")
    else:
        import pyoxigraph as ox

        click.echo(ox.serialize(answer, format=ox.RdfFormat.TURTLE, prefixes=stored.EXPORT_PREFIXES).decode("utf-8"), nl=False)


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="turtle", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of stdout.")
@click.option("--inferred/--no-inferred", default=True, show_default=True, help="Include graph/inferred (from `reason`).")
@store_option
def export_command(fmt: str, output: Path | None, inferred: bool, store_path: Path) -> None:
    """Write the graph out. TriG, N-Quads and JSON-LD keep one named graph per article.

    Example: stancegraph export --format trig --no-inferred -o graph.trig
    """
    with Store.open(store_path) as store:
        if output is None:
            export(store, fmt, sys.stdout.buffer, inferred=inferred)
            return
        tmp = output.with_name(output.name + ".partial")
        try:
            with open(tmp, "wb") as handle:
                count = export(store, fmt, handle, inferred=inferred)
            tmp.replace(output)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise UserError(f"{output}: cannot write: {exc.strerror or exc}") from None
    click.echo(f"wrote {count:,} statements to {output}", err=True)


@cli.command("push")
@click.option("--endpoint", required=True, metavar="URL", help="SPARQL query endpoint (also the update endpoint unless given).")
@click.option("--update-endpoint", metavar="URL", help="SPARQL update endpoint, if not the same URL.")
@click.option("--gsp-endpoint", metavar="URL", help="Graph Store Protocol endpoint (default: SPARQL Update).")
@auth_options
@store_option
def push_command(endpoint: str, update_endpoint: str | None, gsp_endpoint: str | None, user: str | None, password: str | None, store_path: Path) -> None:
    """Send the graph to a SPARQL 1.1 store, one named graph at a time, each replaced atomically.

    Re-pushing is safe: nothing doubles, and only graphs stancegraph made are touched.
    Example: stancegraph push --endpoint http://127.0.0.1:7878/query --update-endpoint http://127.0.0.1:7878/update
    """
    from .remote import push

    with Store.open(store_path) as store:
        report = push(store, endpoint, update_endpoint=update_endpoint, gsp_endpoint=gsp_endpoint, user=user, password=password)
    click.echo(report.summary())


@cli.command("link")
@click.option("--endpoint", metavar="URL", default=None, help="A Wikidata-shaped SPARQL endpoint (default: the Wikidata Query Service).")
@click.option("--dry-run", is_flag=True, help="Show what would be linked; change nothing.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.8, show_default=True, help="Lowest score that links.")
@store_option
def link_command(endpoint: str | None, dry_run: bool, threshold: float, store_path: Path) -> None:
    """Link actors to Wikidata (and their posts held, with dates); cached in the store.

    Example: stancegraph link --endpoint http://127.0.0.1:7878/query --dry-run
    """
    from .link import DEFAULT_ENDPOINT, link

    with Store.open(store_path, write=not dry_run) as store:
        report = link(store, endpoint or DEFAULT_ENDPOINT, dry_run=dry_run, threshold=threshold)
    click.echo(report.summary())


@cli.command("reason")
@click.option("--mode", type=click.Choice(["fast", "owlrl", "rdfs", "none"]), default="fast", show_default=True)
@store_option
def reason_command(mode: str, store_path: Path) -> None:
    """Materialise inferences into their own named graph (graph/inferred); "none" drops them.

    Example: stancegraph reason --mode owlrl
    """
    from .reason import reason

    with Store.open(store_path, write=True) as store:
        report = reason(store, mode)
    click.echo(report.summary())
    if report.inconsistencies:
        raise UserError(f"{len(report.inconsistencies)} inconsistencies: {report.inconsistencies[0]}")


@cli.command("validate")
@store_option
def validate_command(store_path: Path) -> None:
    """Check the data graphs with SHACL (ontology/shapes.ttl) and the ontology with QA checks.

    Exits 1 when something does not conform. Example: stancegraph validate
    """
    from .validate import validate

    with Store.open(store_path) as store:
        report = validate(store)
    click.echo(report.text(), nl=False)
    if not report.conforms:
        sys.exit(1)


@cli.command("eval")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.argument("articles", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def eval_command(gold_dir: Path, articles: tuple[Path, ...], fmt: str) -> None:
    """Score extraction against gold annotations: precision, recall, F1 per fact kind, misses, false hits.

    Articles are looked up under ARTICLES, else beside the gold files, else in corpus/.
    Example: stancegraph eval tests/gold/seeds corpus/
    """
    import json

    from .evaluate import evaluate

    report = evaluate(gold_dir, articles)
    if fmt == "json":
        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=1))
    else:
        click.echo(report.as_table(), nl=False)


def main() -> None:
    cli.main(prog_name="stancegraph")


if __name__ == "__main__":
    main()
