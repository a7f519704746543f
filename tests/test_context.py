"""One setting, ``SKILLMATCH_TAXONOMY_DIR``, changes every step and every door together: a skill
that exists only in another taxonomy directory is extracted, scored, read from a posting, served
by the API and found by the batch runner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pdfgen
import pytest
import yaml
from typer.testing import CliRunner

from service.cli import app
from service.context import AnalysisContext
from service.documents import document_from_text
from service.errors import NotFound
from service.settings import Settings, get_settings

INSTALLED = Path(__file__).resolve().parent.parent / "taxonomy"
SKILL = "quokkaflow"
TITLE = "Quokka Wrangler"
RESUME = (
    "Jane Doe\nSkills\nQuokkaFlow, Python, SQL\nExperience\n"
    f"{TITLE}, Initech, 2019 - 2024\n- Built QuokkaFlow pipelines in Python.\n"
)
POSTING = (
    "Data Platform Engineer\nRequirements\n- 3+ years of QuokkaFlow.\n- Python and SQL.\n"
)


@pytest.fixture(scope="module")
def other_taxonomy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The installed taxonomy copied, with one more tool (QuokkaFlow) that the ml-engineer
    profile asks for, one more relevant job title, and its own version."""
    root = tmp_path_factory.mktemp("taxonomy") / "taxonomy"
    shutil.copytree(INSTALLED, root, ignore=shutil.ignore_patterns("toy"))
    (root / "VERSION").write_text("other-1\n", encoding="utf-8")
    (root / "skills" / "quokka.yaml").write_text(
        "skills:\n  - id: quokkaflow\n    name: QuokkaFlow\n    category: tool\n"
        "    source: ext\n", encoding="utf-8")
    with (root / "titles.yaml").open("a", encoding="utf-8") as titles:
        titles.write(f"\n  - id: quokka-wrangler\n    name: {TITLE}\n    source: ext\n"
                     f"    forms: [\"{TITLE}\"]\n")
    profile_path = root / "profiles" / "ml-engineer.yaml"
    profile = yaml.safe_load(profile_path.read_text(encoding="utf-8"))
    profile["groups"][0]["items"].append({
        "id": "quokka", "label": "QuokkaFlow", "any_of": [SKILL], "importance": "required",
        "weight": 2, "next_step": "Build a QuokkaFlow pipeline.",
    })
    profile_path.write_text(yaml.safe_dump(profile, sort_keys=False), encoding="utf-8")
    return root


@pytest.fixture
def configured(other_taxonomy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The environment names the other taxonomy (and a scratch data directory)."""
    monkeypatch.setenv("SKILLMATCH_TAXONOMY_DIR", str(other_taxonomy))
    monkeypatch.setenv("SKILLMATCH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SKILLMATCH_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield other_taxonomy
    get_settings.cache_clear()


def _quokka_item(report: dict) -> dict:
    return next(m for m in report["matched"] if m["matched_skill"] == SKILL)


def test_the_installed_taxonomy_does_not_know_the_skill() -> None:
    context = AnalysisContext.from_settings(Settings(taxonomy_dir=None))
    extraction, report = context.analyze(document_from_text(RESUME, vocabulary=context.vocabulary))
    assert extraction.skill(SKILL) is None
    assert SKILL not in context.taxonomy.skills
    assert [p.relevant for p in extraction.document.positions] == [False]
    assert all(m.matched_skill != SKILL for m in report.matched)


def test_the_context_built_from_the_setting_uses_it_for_every_step(configured: Path) -> None:
    context = AnalysisContext.from_settings(Settings())
    assert context.taxonomy.version == "other-1"
    extraction, report = context.analyze(document_from_text(RESUME, vocabulary=context.vocabulary))
    assert extraction.skill(SKILL) is not None
    assert [(p.title, p.relevant) for p in extraction.document.positions] == [(TITLE, True)]
    assert context.extract_text(RESUME).document.positions[0].relevant
    assert extraction.versions.taxonomy == report.versions.taxonomy == "other-1"
    assert _quokka_item(report.model_dump())["points"] > 0
    job = context.resolve_profile(job_text=POSTING)
    assert any(SKILL in item.any_of for group in job.groups for item in group.items)
    with pytest.raises(NotFound, match="astronaut"):
        context.profile("astronaut")


def test_cli_extract_score_and_job_follow_the_setting(configured: Path, tmp_path: Path) -> None:
    resume = tmp_path / "resume.txt"
    resume.write_text(RESUME, encoding="utf-8")
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING, encoding="utf-8")
    runner = CliRunner()

    extracted = runner.invoke(app, ["extract", str(resume), "--format", "json"])
    assert extracted.exit_code == 0, extracted.output
    assert SKILL in {hit["id"] for hit in json.loads(extracted.stdout)[0]["skills"]}

    scored = runner.invoke(app, ["score", str(resume), "--format", "json"])
    assert scored.exit_code == 0, scored.output
    report = json.loads(scored.stdout)
    assert report["versions"]["taxonomy"] == "other-1" and _quokka_item(report)["points"] > 0

    parsed = runner.invoke(app, ["job", str(posting), "--format", "json"])
    assert parsed.exit_code == 0, parsed.output
    items = [item for group in json.loads(parsed.stdout)["groups"] for item in group["items"]]
    assert any(item["any_of"] == [SKILL] and item["importance"] == "required" for item in items)

    scored_for_job = runner.invoke(app, ["score", str(resume), "--job", str(posting),
                                         "--format", "json"])
    assert scored_for_job.exit_code == 0, scored_for_job.output
    assert _quokka_item(json.loads(scored_for_job.stdout))["points"] > 0


def test_api_follows_the_setting(configured: Path) -> None:
    from fastapi.testclient import TestClient

    from service.api.app import create_app

    with TestClient(create_app(Settings())) as client:
        taxonomy = client.get("/v1/taxonomy").json()
        assert taxonomy["version"] == "other-1"
        assert SKILL in {skill["id"] for skill in taxonomy["skills"]}
        assert client.get(f"/v1/taxonomy/skills/{SKILL}").status_code == 200
        profile = client.get("/v1/profiles/ml-engineer").json()
        assert any(item["id"] == "quokka" for g in profile["groups"] for item in g["items"])
        analyzed = client.post("/v1/analyze", files={"file": ("cv.txt", RESUME.encode())})
        assert analyzed.status_code == 200, analyzed.text
        body = analyzed.json()
        assert SKILL in {hit["id"] for hit in body["extraction"]["skills"]}
        assert _quokka_item(body["report"])["points"] > 0
        # A PDF is read in the reader processes: the title words travel there with it.
        pdf = pdfgen.make_pdf(lines=RESUME.splitlines()[1:], name="Jane Doe")
        from_pdf = client.post("/v1/analyze", files={"file": ("cv.pdf", pdf)})
        assert from_pdf.status_code == 200, from_pdf.text
        positions = from_pdf.json()["extraction"]["document"]["positions"]
        assert [(p["title"], p["relevant"]) for p in positions] == [(TITLE, True)]
        for_job = client.post("/v1/analyze", files={"file": ("cv.txt", RESUME.encode())},
                              data={"job_text": POSTING})
        assert for_job.status_code == 200, for_job.text
        assert _quokka_item(for_job.json()["report"])["points"] > 0


def test_batch_workers_follow_the_setting(configured: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "resume.txt").write_text(RESUME, encoding="utf-8")
    out = tmp_path / "results.jsonl"
    result = CliRunner().invoke(app, ["batch", str(folder), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    [row] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["report"]["versions"]["taxonomy"] == "other-1"
    assert _quokka_item(row["report"])["points"] > 0
