"""Build: articles on disk → named graphs in the store, only what changed, in one transaction."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UserError
from .iri import article_graph_iri
from .loaders.pipeline import extract_raw, extractor_fingerprint
from .loaders.reader import read_article
from .store import Store
from .writer import article_graph

DEFAULT_CORPUS = "corpus"


@dataclass
class BuildReport:
    articles: int = 0
    changed: int = 0
    unchanged: int = 0
    pruned: int = 0
    facts: int = 0
    triples: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        failed = f", {len(self.failures)} failed" if self.failures else ""
        pruned = f", {self.pruned} removed" if self.pruned else ""
        return (
            f"{self.articles} articles ({self.changed} built, {self.unchanged} unchanged{failed}{pruned}): "
            f"{self.facts} facts, {self.triples:,} triples in the store, {self.seconds:.2f} s"
        )


def find_articles(paths: Iterable[str | Path]) -> list[Path]:
    """Every ``*.txt`` under the given files and folders, sorted, each once."""
    found: dict[Path, None] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for p in sorted(path.rglob("*.txt")):
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts):
                    found.setdefault(p.resolve(), None)
        elif path.is_file():
            found.setdefault(path.resolve(), None)
        else:
            raise UserError(f"{path}: no such file or folder")
    return list(found)


def build(
    store: Store,
    paths: Iterable[str | Path] = (DEFAULT_CORPUS,),
    *,
    prune: bool = False,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
) -> BuildReport:
    """Read the articles under ``paths`` into ``store``; articles whose text and extractor are
    unchanged are skipped, a changed article replaces only its own graph. Bad articles are reported
    in ``failures`` and skipped; everything else is written in one transaction."""
    started = time.perf_counter()
    report = BuildReport()
    files = find_articles(paths)
    fingerprint = extractor_fingerprint()
    stored = store.stored_articles()
    replace: dict[str, object] = {}
    names: dict[str, Path] = {}
    hashes: dict[str, Path] = {}
    for path in progress(files) if progress else files:
        try:
            raw = read_article(path)
        except UserError as exc:
            report.failures.append(str(exc))
            continue
        if raw.file_name in names:
            report.failures.append(f"{path}: same file name as {names[raw.file_name]}; article file names must be unique")
            continue
        if raw.content_hash in hashes:
            report.failures.append(f"{path}: same text as {hashes[raw.content_hash]}; skipped as a duplicate")
            continue
        names[raw.file_name] = path
        hashes[raw.content_hash] = path
        report.articles += 1
        existing = stored.get(raw.file_name)
        if existing and existing.content_hash == raw.content_hash and existing.extractor == fingerprint:
            report.unchanged += 1
            continue
        facts = extract_raw(raw)
        report.facts += facts.fact_count
        replace[article_graph_iri(raw.file_name)] = article_graph(facts, extractor=fingerprint)
        report.changed += 1
    drop = [a.graph for name, a in stored.items() if name not in names] if prune else []
    report.pruned = len(drop)
    replace.update(store.static_updates())
    store.apply(replace, drop)
    report.triples = len(store)
    report.seconds = time.perf_counter() - started
    return report
