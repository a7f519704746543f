"""ESCO identifiers: ``taxonomy/esco.yaml`` loads and validates, flows into every output, and
``scripts/esco_map.py`` proposes a mapping from ESCO's skills table."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from service.cli import app
from service.errors import TaxonomyError
from service.taxonomy import get_taxonomy, load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
TOY = ROOT / "taxonomy" / "toy"
PYTHON_URI = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
U1 = "http://data.europa.eu/esco/skill/11111111-2222-4333-8444-555555555555"
U2 = "http://data.europa.eu/esco/skill/22222222-2222-4333-8444-555555555555"
U3 = "http://data.europa.eu/esco/skill/33333333-2222-4333-8444-555555555555"
U4 = "http://data.europa.eu/esco/skill/44444444-2222-4333-8444-555555555555"


def _toy_with(tmp_path: Path, esco: object) -> Path:
    root = tmp_path / "tax"
    shutil.copytree(TOY, root)
    (root / "esco.yaml").write_text(yaml.safe_dump(esco), encoding="utf-8")
    return root


def test_shipped_mapping_names_python_and_leaves_ml_tools_null():
    taxonomy = get_taxonomy()
    assert taxonomy.get("python").esco == PYTHON_URI
    assert taxonomy.get("pytorch").esco is None


def test_mapping_file_lists_only_known_skills_with_valid_uris():
    data = yaml.safe_load((ROOT / "taxonomy" / "esco.yaml").read_text(encoding="utf-8"))
    taxonomy = get_taxonomy()
    assert set(data["esco"]) <= set(taxonomy.skills)
    mapped = [uri for uri in data["esco"].values() if uri]
    assert len(mapped) >= 40


def test_unknown_skill_id_is_an_error_naming_file_entry_and_field(tmp_path):
    root = _toy_with(tmp_path, {"esco": {"no-such-skill": U1}})
    with pytest.raises(TaxonomyError, match=r"esco\.yaml: entry no-such-skill: field esco: "
                                            r"unknown skill"):
        load_taxonomy(root)


@pytest.mark.parametrize("uri", [
    "https://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d",
    "http://data.europa.eu/esco/occupation/ccd0a1d9-afda-43d9-b901-96344886e14d",
    "http://data.europa.eu/esco/skill/python",
    42,
])
def test_bad_uri_is_an_error_naming_file_entry_and_field(tmp_path, uri):
    root = _toy_with(tmp_path, {"esco": {"python": uri}})
    with pytest.raises(TaxonomyError, match=r"esco\.yaml: entry python: field esco: "):
        load_taxonomy(root)


def test_not_a_mapping_is_an_error(tmp_path):
    root = _toy_with(tmp_path, {"esco": ["python"]})
    with pytest.raises(TaxonomyError, match=r"esco\.yaml: expected a top-level 'esco:'"):
        load_taxonomy(root)


def test_null_and_missing_entries_mean_no_identifier(tmp_path):
    root = _toy_with(tmp_path, {"esco": {"python": U1, "pytorch": None}})
    taxonomy = load_taxonomy(root)
    assert taxonomy.get("python").esco == U1
    assert taxonomy.get("pytorch").esco is None
    assert all(s.esco is None for s in taxonomy.skills.values() if s.id != "python")


def test_extract_json_shows_the_esco_uri_beside_id_and_name(tmp_path):
    resume = tmp_path / "cv.txt"
    resume.write_text("Experience\nAnalyst, Initech, 2019 - 2022\n- Wrote Python and PyTorch "
                      "code.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(resume), "--format", "json"])
    assert result.exit_code == 0, result.output
    skills = {s["id"]: s for s in json.loads(result.stdout)[0]["skills"]}
    assert list(skills["python"])[:3] == ["id", "name", "esco"]
    assert skills["python"]["esco"] == PYTHON_URI
    assert skills["pytorch"]["esco"] is None


def test_match_report_items_carry_the_esco_uri_of_their_skill(tmp_path):
    from service.documents import document_from_text
    from tests.installed import context

    document = document_from_text("Skills: Python, pandas\nExperience\nData analyst, Initech, "
                                  "2019 - 2023\n- Python scripts.", "text")
    _, report = context().analyze(document, profile="ml-engineer")
    python = next(m for m in report.matched if m.matched_skill == "python")
    assert python.esco == PYTHON_URI
    taxonomy = get_taxonomy()
    for item in report.matched:
        assert item.esco == taxonomy.get(item.matched_skill).esco
    assert any(g.esco for g in report.gaps)
    assert all(g.esco is None for g in report.gaps if g.id in ("education", "experience"))


def test_taxonomy_show_prints_esco(tmp_path):
    result = CliRunner().invoke(app, ["taxonomy", "show", "python", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["skill"]["esco"] == PYTHON_URI


# --- the mapping script, on invented ESCO rows -------------------------------------------------

FIXTURE_ROWS = [
    # preferred label with a qualifier, alternative labels, then the definition
    (U1, "Python (computer programming) Python 3K Python The techniques and principles of "
         "software development in Python."),
    # a prefix only: the preferred label is longer than the form
    (U2, "Java Server Pages JSP The technology Java Server Pages is used to build pages."),
    # an exact label that a definition follows with an ordinary verb
    (U3, "perform data cleansing Detect and correct corrupt records."),
    # a name with a capitalised ordinary word inside it ("Visual Studio") must not split early
    (U4, "Visual Basic VB Visual Studio .NET The techniques of programming in Visual Basic."),
]
FIXTURE_SKILLS = """\
skills:
  - {id: python, name: Python, category: language}
  - {id: java, name: Java, category: language}
  - {id: data-cleaning, name: data cleaning, category: engineering,
     aliases: [perform data cleansing]}
  - {id: visual-basic, name: Visual Basic, category: language, aliases: [VB.NET]}
  - {id: pytorch, name: PyTorch, category: ml-library}
"""


def _write_fixture(tmp_path: Path) -> tuple[Path, Path]:
    csv_path = tmp_path / "skills.csv"
    lines = ["id,description"] + [f'{uri},"{text}"' for uri, text in FIXTURE_ROWS]
    # filler rows so the word statistics know "perform", "detect", "the" as ordinary words
    lines += [f"http://data.europa.eu/esco/skill/{i:08d}-0000-4000-8000-000000000000,"
              f'"detect the studio perform the task {i} Perform the task and detect faults."'
              for i in range(6)]
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    taxonomy = tmp_path / "taxonomy"
    (taxonomy / "skills").mkdir(parents=True)
    (taxonomy / "skills" / "all.yaml").write_text(FIXTURE_SKILLS, encoding="utf-8")
    return csv_path, taxonomy


def _run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "esco_map.py"), *args],
                          capture_output=True, text=True, timeout=60, check=False)


def test_mapping_script_takes_exact_labels_and_lists_the_rest(tmp_path):
    csv_path, taxonomy = _write_fixture(tmp_path)
    out = tmp_path / "esco.yaml"
    done = _run_script("--source", str(csv_path), "--taxonomy", str(taxonomy), "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "CC BY 4.0" in text
    mapping = yaml.safe_load(text)["esco"]
    assert mapping == {"python": U1, "java": None, "data-cleaning": U3, "visual-basic": None,
                       "pytorch": None}
    report = done.stderr
    assert "UNMAPPED java" in report and "prefix" in report and U2 in report
    # Visual Basic's labels run to ".NET": the definition starts at "The", so VB.NET is no label
    # of it, but "Visual Basic" starts the labels and is listed for a person as a prefix
    assert "UNMAPPED visual-basic" in report and U4 in report
    assert "UNMAPPED pytorch: no candidate" in report


def test_mapping_script_keeps_reviewed_entries_and_reports_disagreements(tmp_path):
    csv_path, taxonomy = _write_fixture(tmp_path)
    out = tmp_path / "esco.yaml"
    out.write_text(f"esco:\n  python: {U4}\n  java: {U2}\n  gone: {U1}\n", encoding="utf-8")
    done = _run_script("--source", str(csv_path), "--taxonomy", str(taxonomy), "--out", str(out))
    assert done.returncode == 0, done.stderr
    mapping = yaml.safe_load(out.read_text(encoding="utf-8"))["esco"]
    assert mapping["python"] == U4 and mapping["java"] == U2 and "gone" not in mapping
    assert f"KEPT python: {U4} (proposal: {U1})" in done.stderr
    assert "KEPT java" not in done.stderr
    assert "DROPPED gone" in done.stderr
    # the file it wrote loads as taxonomy data
    shutil.copy(out, taxonomy / "esco.yaml")
    assert load_taxonomy(taxonomy).get("java").esco == U2


def test_api_taxonomy_lists_esco_for_every_skill(api_client):
    skills = {s["id"]: s for s in api_client.get("/v1/taxonomy").json()["skills"]}
    assert skills["python"]["esco"] == PYTHON_URI
    assert "esco" in skills["pytorch"] and skills["pytorch"]["esco"] is None
    assert api_client.get("/v1/taxonomy/skills/python").json()["esco"] == PYTHON_URI


def test_reviewed_decisions_hold():
    """Exact label matches a person overruled: the ML language is not machine learning, ABAP is
    not SAP, the SPARK web framework is not Apache Spark."""
    taxonomy = get_taxonomy()
    assert taxonomy.get("machine-learning").esco == (
        "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43")
    assert taxonomy.get("sap").esco is None
    assert taxonomy.get("spark").esco is None
    uris = [s.esco for s in taxonomy.skills.values() if s.esco]
    assert len(uris) == len(set(uris)), "two skills share an ESCO concept"
