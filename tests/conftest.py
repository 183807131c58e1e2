"""Generic fixtures: run the CLI in a subprocess, stores built from the corpus and from the hand-made fixture."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from stancegraph.build import build
from stancegraph.store import Store

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI_TRIG = FIXTURES / "mini.trig"


def _cli_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STANCEGRAPH_")}
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra or {})
    return env


@pytest.fixture
def run_cli(tmp_path):
    """``run_cli(*args, cwd=tmp_path, env=None, input=None) -> (exit code, stdout, stderr)``.

    Runs ``python -m stancegraph.cli`` in a subprocess (a fresh interpreter, as a user would), with
    no STANCEGRAPH_* variables inherited unless given in ``env``.
    """

    def run(*args, cwd: Path | None = None, env: dict[str, str] | None = None, input: str | None = None):
        proc = subprocess.run(
            [sys.executable, "-m", "stancegraph.cli", *map(str, args)],
            cwd=cwd or tmp_path,
            env=_cli_env(env),
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
        return proc.returncode, proc.stdout, proc.stderr

    return run


@pytest.fixture
def invoke(tmp_path, monkeypatch):
    """``invoke(*args, cwd=tmp_path, env=None) -> (exit code, stdout, stderr)``: the same command run
    in-process with click's test runner (milliseconds instead of a fresh interpreter per call)."""
    from click.testing import CliRunner

    from stancegraph.cli import cli

    def run(*args, cwd: Path | None = None, env: dict[str, str] | None = None, input: str | None = None):
        monkeypatch.chdir(cwd or tmp_path)
        clean = {k: None for k in os.environ if k.startswith("STANCEGRAPH_")}
        result = CliRunner(env={**clean, **(env or {})}).invoke(
            cli, [str(a) for a in args], input=input, prog_name="stancegraph")
        return result.exit_code, result.stdout, result.stderr

    return run


def load_mini(store: Store) -> Store:
    """The ontology graphs (as the store loads them) plus tests/fixtures/mini.trig."""
    store.apply(store.static_updates())
    store.ox.load(path=str(MINI_TRIG), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture
def mini_store() -> Store:
    """A fresh in-memory store holding the hand-made fixture graph (safe to modify)."""
    return load_mini(Store.memory())


@pytest.fixture(scope="session")
def mini_store_shared() -> Store:
    """One in-memory fixture store for the whole session (e.g. for hypothesis tests). Do not modify it."""
    return load_mini(Store.memory())


@pytest.fixture(scope="session")
def mini_store_dir(tmp_path_factory) -> Path:
    """A store directory on disk holding the fixture graph. Read-only use: copy it to change it."""
    path = tmp_path_factory.mktemp("mini") / "store"
    with Store.open(path, write=True) as store:
        load_mini(store)
    return path


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Path:
    """A store directory built from the 5-article corpus/ once per session. Read-only use."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(CORPUS, root / "corpus")
    path = root / "store"
    with Store.open(path, write=True) as store:
        report = build(store, [root / "corpus"])
    assert not report.failures, report.failures
    return path


def _dump_lines(store: Store) -> list[str]:
    return sorted(ox.serialize(store.ox, format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines())


@pytest.fixture
def dump():
    """``dump(store_or_directory) -> sorted N-Quads lines``: every quad, for before/after comparisons."""

    def run(target) -> list[str]:
        if isinstance(target, Store):
            return _dump_lines(target)
        with Store.open(target) as store:
            return _dump_lines(store)

    return run
