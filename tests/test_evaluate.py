"""``skillmatch evaluate``: metrics on tiny hand-made gold, the baseline, the CLI, and the CI
accuracy gate on samples/ and (when present) ../shared/corpus/ against quality/floors.toml."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from service.cli import app
from service.errors import InputError, NotFound
from service.evaluate import (
    BASELINE,
    SYSTEM,
    DictionaryMatcher,
    EvaluationReport,
    Floors,
    Scores,
    floor_failures,
    load_floors,
    load_gold,
)
from service.evaluate.dictionary import forms_pattern
from service.taxonomy import get_taxonomy
from tests.installed import evaluate

REPO = Path(__file__).resolve().parent.parent
FLOORS = REPO / "quality" / "floors.toml"
SCOPE = ["Python", "SQL", "Kubernetes", "Git", "Docker", "Java", "Go", "PyTorch",
         "Amazon Web Services"]


def write_gold(root: Path, rows: list[tuple[str, str, str, list[str]]],
               scope: list[str] | None = SCOPE) -> Path:
    """Files plus gold.jsonl (and scope.txt) under ``root``; returns the gold path."""
    lines = []
    for doc, kind, text, skills in rows:
        (root / doc).parent.mkdir(parents=True, exist_ok=True)
        (root / doc).write_text(text, encoding="utf-8")
        lines.append(json.dumps({"doc": doc, "kind": kind, "skills": skills}))
    gold = root / "gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if scope is not None:
        (root / "scope.txt").write_text("\n".join(scope) + "\n", encoding="utf-8")
    return gold


TINY = [
    # Docker is not labelled (a false positive), Git is labelled but absent (a miss).
    ("resumes/r1.txt", "resume", "Skills: Python, SQL, Docker, Kubernetes.\n",
     ["Python", "SQL", "Kubernetes", "Git"]),
    # Negated and hypothetical mentions: nothing to find; the dictionary finds Java and Go.
    ("resumes/r2.txt", "resume",
     ("Retail store manager. I have no experience with Java and I am willing to learn Go.\n"
      "Managed a team of 12.\n"), []),
    # Python is only implied by PyTorch, so it is a miss; FastAPI is outside the scope.
    ("jobs/j1.txt", "job",
     "Experience\n- Built models in PyTorch and served them with FastAPI on AWS.\n",
     ["PyTorch", "Amazon Web Services", "Python"]),
]


@pytest.fixture(scope="module")
def tiny_report(tmp_path_factory: pytest.TempPathFactory) -> EvaluationReport:
    gold = write_gold(tmp_path_factory.mktemp("tiny"), TINY)
    return evaluate(gold, baseline=True)


def test_micro_counts_on_tiny_gold(tiny_report: EvaluationReport) -> None:
    resume = tiny_report.kind("resume").system(SYSTEM).micro
    assert (resume.tp, resume.fp, resume.fn) == (3, 1, 1)
    assert resume.precision == pytest.approx(0.75) and resume.recall == pytest.approx(0.75)
    job = tiny_report.kind("job").system(SYSTEM).micro
    assert (job.tp, job.fp, job.fn) == (2, 0, 1)
    assert job.recall == pytest.approx(2 / 3) and job.f1 == pytest.approx(0.8)
    assert [k.kind for k in tiny_report.kinds] == ["resume", "job"]
    assert tiny_report.kind("resume").documents == 2 and tiny_report.scope == len(SCOPE)


def test_macro_leaves_out_undefined_documents(tiny_report: EvaluationReport) -> None:
    macro = tiny_report.kind("resume").system(SYSTEM).macro
    # r1: P = R = F1 = 0.75; r2 has neither labels nor predictions: F1 1, no P, no R.
    assert macro.precision == pytest.approx(0.75)
    assert macro.recall == pytest.approx(0.75)
    assert macro.f1 == pytest.approx((0.75 + 1.0) / 2)


def test_baseline_counts_negated_mentions(tiny_report: EvaluationReport) -> None:
    plain = tiny_report.kind("resume").system(BASELINE)
    assert (plain.micro.tp, plain.micro.fp, plain.micro.fn) == (3, 3, 1)
    assert {row.skill for row in plain.false_positives} == {"Docker", "Java", "Go"}
    java = next(row for row in plain.false_positives if row.skill == "Java")
    assert java.examples[0].doc == "resumes/r2.txt"
    assert "no experience with Java" in java.examples[0].evidence


def test_errors_carry_their_evidence(tiny_report: EvaluationReport) -> None:
    ours = tiny_report.kind("resume").system(SYSTEM)
    [docker] = ours.false_positives
    assert docker.skill == "Docker" and docker.count == 1
    assert docker.examples[0].evidence == "Skills: Python, SQL, Docker, Kubernetes."
    [git] = ours.misses
    assert git.skill == "Git" and git.examples[0].evidence == "no form of it in the text"
    [python] = tiny_report.kind("job").system(SYSTEM).misses
    assert python.skill == "Python"
    assert python.examples[0].evidence.startswith("only implied by ")


def test_categories_partition_the_counts(tiny_report: EvaluationReport) -> None:
    categories = {s.name: s.category for s in get_taxonomy().skills.values()}
    for kind in tiny_report.kinds:
        for system in kind.systems:
            total = Scores()
            for group in system.groups:
                total.add(Scores(tp=group.figures.tp, fp=group.figures.fp, fn=group.figures.fn))
            assert (total.tp, total.fp, total.fn) == (system.micro.tp, system.micro.fp,
                                                      system.micro.fn)
    groups = {g.name: g.figures for g in tiny_report.kind("resume").system(SYSTEM).groups}
    assert groups[categories["Docker"]].fp == 1


def test_scope_and_by_skill(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, TINY[1:2], scope=None)
    report = evaluate(gold, kind="resume", group_by="skill")
    ours = report.kind("resume").system(SYSTEM)
    # Without scope.txt, the soft skill found in "Managed a team" counts against us.
    assert ours.micro.fp == len(ours.groups) >= 1
    assert report.scope is None and report.kind("job") is None


def test_the_gold_kind_says_a_document_without_dated_positions_is_a_resume(tmp_path: Path) -> None:
    text = "Technical recruiter.\nRecruited Java and Go engineers for fintech clients.\n"
    gold = write_gold(tmp_path, [("r.txt", "resume", text, []), ("j.txt", "job", text, ["Java"])])
    report = evaluate(gold)
    assert report.kind("resume").system(SYSTEM).micro.fp == 0
    assert report.kind("job").system(SYSTEM).micro.tp == 1


def test_negated_label_is_explained(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [("r.txt", "resume", "No experience with Java yet.\n", ["Java"])])
    [miss] = evaluate(gold).kinds[0].system(SYSTEM).misses
    assert miss.examples[0].evidence == "judged not claimed: No experience with Java yet."


def test_bad_gold_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        load_gold(tmp_path / "missing.jsonl")
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"doc": "a.txt", "kind": "poem", "skills": []}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        load_gold(bad)
    missing_doc = write_gold(tmp_path, [])
    missing_doc.write_text('{"doc": "nope.txt", "kind": "job", "skills": []}\n')
    with pytest.raises(InputError, match="nope.txt"):
        evaluate(missing_doc)


def test_floor_failures_name_each_figure(tiny_report: EvaluationReport) -> None:
    assert floor_failures(tiny_report, Floors(precision=0.7)) == []
    failures = floor_failures(tiny_report, Floors(recall=0.7, f1=0.5),
                              kinds={"resume": Floors(precision=0.8)})
    assert failures == ["resume precision 0.750 is below the floor 0.800",
                        "job recall 0.667 is below the floor 0.700"]


@given(tp=st.integers(0, 50), fp=st.integers(0, 50), fn=st.integers(0, 50))
def test_f1_is_the_harmonic_mean(tp: int, fp: int, fn: int) -> None:
    scores = Scores(tp=tp, fp=fp, fn=fn)
    p, r = scores.precision, scores.recall
    assert 0 <= scores.f1 <= 1
    assert scores.f1 == pytest.approx(2 * p * r / (p + r) if p + r else 0.0)


FORM = st.text(alphabet="ab+ .", min_size=1, max_size=4).filter(lambda f: f.strip() == f)


@settings(max_examples=200, deadline=None)
@given(forms=st.lists(FORM, min_size=1, max_size=8, unique=True),
       text=st.text(alphabet="abAB+ .\n", max_size=30))
def test_trie_pattern_matches_like_longest_first_alternation(forms: list[str], text: str) -> None:
    edges = r"(?<![^\W_])(?:{})(?![^\W_])"
    naive = edges.format("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
    trie = edges.format(forms_pattern(forms))
    found = [m.span() for m in re.finditer(trie, text, re.IGNORECASE)]
    assert found == [m.span() for m in re.finditer(naive, text, re.IGNORECASE)]


def test_dictionary_matches_whole_words_only() -> None:
    matcher = DictionaryMatcher(get_taxonomy())
    found = matcher.find("C++ and C/C++ daily; Rust-belt; PYTHON; Javascript-free? Gopher")
    assert {"c++", "python", "c"} <= set(found.found)
    assert "go" not in found.found
    assert found.found["python"] == ["C++ and C/C++ daily; Rust-belt; PYTHON; Javascript-free? Gopher"]


def test_cli_json_and_floors(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, TINY)
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", str(gold), "--kind", "job", "--format", "json",
                                 "--baseline", "--min-recall", "0.6"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [k["kind"] for k in data["kinds"]] == ["job"]
    assert [s["system"] for s in data["kinds"][0]["systems"]] == [SYSTEM, BASELINE]
    below = runner.invoke(app, ["evaluate", str(gold), "--min-precision", "0.8"])
    assert below.exit_code == 1
    assert "resume precision 0.750 is below the floor 0.800" in below.stderr
    table = runner.invoke(app, ["evaluate", str(gold), "--by", "skill", "--top", "1"])
    assert table.exit_code == 0 and "Kubernetes" in table.stdout and "Git" in table.stdout


def shared_corpus() -> Path:
    root = Path(os.environ.get("SKILLMATCH_SHARED") or REPO.parent / "shared")
    return root / "corpus" / "gold.jsonl"


def assert_gate(gold: Path, corpus: str) -> None:
    report = evaluate(gold, baseline=True)
    floors = load_floors(FLOORS, corpus)
    assert {k.kind for k in report.kinds} == set(floors)
    assert floor_failures(report, Floors(), kinds=floors) == []
    for kind in report.kinds:
        assert kind.system(SYSTEM).micro.f1 > kind.system(BASELINE).micro.f1, kind.kind


def test_gate_samples() -> None:
    assert_gate(REPO / "samples" / "gold.jsonl", "samples")


def test_gate_invented() -> None:
    # 202 invented documents labelled by writers who did not run skillmatch
    assert_gate(REPO / "samples" / "invented" / "gold.jsonl", "invented")


@pytest.mark.shared
@pytest.mark.slow
def test_gate_shared_corpus() -> None:
    gold = shared_corpus()
    if not gold.is_file():
        pytest.skip(f"{gold} not found (set SKILLMATCH_SHARED)")
    assert_gate(gold, "shared")


def test_an_unreadable_document_is_an_error_row_and_the_run_goes_on(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, TINY)
    (tmp_path / "resumes" / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    with gold.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"doc": "resumes/scan.pdf", "kind": "resume",
                             "skills": ["Python", "Git"]}) + "\n")
    report = evaluate(gold, baseline=True)
    resume = report.kind("resume")
    assert [(e.doc, e.code) for e in resume.errors] == [("resumes/scan.pdf", "corrupt")]
    assert resume.documents == 3
    clean = evaluate(write_gold(tmp_path / "clean", TINY), baseline=True).kind("resume")
    for system in (SYSTEM, BASELINE):
        assert resume.system(system).micro.fn == clean.system(system).micro.fn + 2
        assert resume.system(system).micro.tp == clean.system(system).micro.tp
    misses = {row.skill: row for row in resume.system(SYSTEM).misses}
    assert any("document not read (corrupt)" in e.evidence for e in misses["Git"].examples)

    result = CliRunner().invoke(app, ["evaluate", str(gold), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["kinds"][0]["errors"][0]["doc"] == "resumes/scan.pdf"
    assert "skillmatch evaluate: resumes/scan.pdf:" in result.stderr


def test_category_table_shows_the_delta_against_the_dictionary(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, TINY)
    runner = CliRunner()
    with_baseline = runner.invoke(app, ["evaluate", str(gold), "--kind", "resume", "--baseline"])
    assert with_baseline.exit_code == 0, with_baseline.output
    assert "ΔR" in with_baseline.stdout and "ΔF1" in with_baseline.stdout
    # languages: ours P 1 R 1 (Python, SQL); the dictionary adds Java and Go: F1 0.67
    language = next(line for line in with_baseline.stdout.splitlines() if "language" in line)
    assert "+0.00" in language and "+0.33" in language
    alone = runner.invoke(app, ["evaluate", str(gold), "--kind", "resume"])
    assert "ΔF1" not in alone.stdout
