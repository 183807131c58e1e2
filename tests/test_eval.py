"""`stancegraph eval`: the matching rules, and a floor under the seed scores so they cannot slip."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from stancegraph.evaluate import _date_matches, evaluate

ROOT = Path(__file__).resolve().parents[1]

# The level reached on the seed articles (tests/gold/seeds). Raise these when extraction improves;
# a change that lowers one is a regression to explain, not a number to edit.
# Lowered once (actors 0.84 → 0.83, overall 0.90 → 0.895): "the Kremlin" became the presidential
# administration, a body that speaks for Russia ("the Kremlin said"), so seed_002's passing
# "the Kremlin may decide" names one actor the seed gold does not list.
SEED_FLOOR = {"demands": 0.99, "responses": 0.99, "statements": 0.93, "events": 1.0, "actors": 0.83}
SEED_OVERALL_FLOOR = 0.915


@pytest.fixture(scope="module")
def seed_report():
    return evaluate(ROOT / "tests/gold/seeds", [ROOT / "corpus"])


@pytest.mark.parametrize("kind", sorted(SEED_FLOOR))
def test_seed_f1_does_not_fall_below_the_floor(seed_report, kind):
    assert seed_report.scores[kind].f1 >= SEED_FLOOR[kind], seed_report.as_table()


def test_seed_overall_f1_does_not_fall_below_the_floor(seed_report):
    assert seed_report.overall.f1 >= SEED_OVERALL_FLOOR


def test_counts_add_up(seed_report):
    for score in seed_report.scores.values():
        assert score.matched + len(score.misses) == score.gold
        assert score.matched + len(score.false_hits) == score.predicted


@pytest.mark.parametrize(
    "gold, predicted, expected",
    [("2022-01", "2022-01-27", True), ("2022-01-27", "2022-01", False), ("2022-01-27", "2022-01-27", True),
     (None, None, True), (None, "2022-01-27", False), ("2022", "2021-12-31", False)],
)
def test_dates_match_at_the_gold_precision(gold, predicted, expected):
    assert _date_matches(gold, predicted) is expected


def test_a_perfect_prediction_scores_one(tmp_path):
    """Gold written by hand for a two-sentence article the extractor reads fully."""
    (tmp_path / "a.txt").write_text(
        "Envoy speaks\nGENEVA, March 3, 2023 (Reuters) - \"We are ready to resume talks if Kyiv is ready,\" "
        "Russian Deputy Foreign Minister Sergey Ryabkov told reporters.\n", encoding="utf-8")
    gold = {"article": "a.txt", "published": "2023-03-03",
            "actors": [{"name": "Sergey Ryabkov", "kind": "person"}, {"name": "Russia", "kind": "state"}],
            "demands": [], "responses": [], "events": [],
            "statements": [{"speaker": "Sergei Ryabkov", "on_behalf_of": "Russia", "date": "2023-03-03",
                            "topic": "talks", "stance": "conditional", "evidence": "We are ready to resume talks"}]}
    (tmp_path / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    report = evaluate(tmp_path)
    assert report.scores["statements"].f1 == 1.0
    assert report.scores["actors"].recall == 1.0


def test_an_event_place_matches_by_any_of_the_places_names(tmp_path):
    """The extractor names the place by its label ("Washington, D.C."); gold may use an alias."""
    (tmp_path / "a.txt").write_text(
        "Deal signed\nWASHINGTON, June 27, 2025 (AFP) - Rwanda and the Democratic Republic of Congo signed a peace "
        "agreement in Washington on Friday.\n", encoding="utf-8")
    gold = {"article": "a.txt", "published": "2025-06-27", "actors": [], "demands": [], "responses": [], "statements": [],
            "events": [{"name": "Peace agreement signed", "kind": "other", "place": "Washington", "date": "2025-06-27",
                        "participants": ["Rwanda", "Democratic Republic of the Congo"], "evidence": "signed a peace agreement"}]}
    (tmp_path / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    assert evaluate(tmp_path).scores["events"].matched == 1


def test_eval_command_prints_json_scores_for_every_kind():
    out = subprocess.run([sys.executable, "-m", "stancegraph", "eval", "tests/gold/seeds", "corpus", "--format", "json"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    assert set(data["scores"]) == {"demands", "responses", "statements", "events", "actors", "overall"}
    assert data["articles"] == 5


def test_eval_of_a_missing_folder_is_one_clear_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "stancegraph", "eval", str(tmp_path / "nope")],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "not a folder of gold annotations" in proc.stderr


@pytest.mark.parametrize("gold_dir, articles", [("seeds", "corpus")] + [(d, None) for d in ("unseen", "heldout", "blind", "dev2", "dev3", "dev4", "dev5", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7")])
def test_every_gold_file_is_well_formed_and_quotes_its_article(gold_dir, articles):
    sys.path.insert(0, str(ROOT / "tests/gold"))
    try:
        import check_gold
    finally:
        sys.path.pop(0)
    problems = check_gold.check(str(ROOT / "tests/gold" / gold_dir), str(ROOT / articles) if articles else None)
    assert [p for p in problems if not p.startswith("WARN")] == []
