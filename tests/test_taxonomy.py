"""The skills taxonomy: its data, the validator's error messages and the ``taxonomy`` CLI."""

from __future__ import annotations

import json
import os
import re
import textwrap
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from service.cli import app
from service.errors import TaxonomyError
from service.taxonomy import (
    CATEGORIES,
    ContextRule,
    Taxonomy,
    default_taxonomy_dir,
    form_key,
    load_profile,
    load_taxonomy,
    taxonomy_stats,
)

REPO = Path(__file__).resolve().parent.parent
TOY = REPO / "taxonomy" / "toy"


@pytest.fixture(scope="module")
def real() -> Taxonomy:
    return load_taxonomy(REPO / "taxonomy")


@pytest.fixture(scope="module")
def owners(real: Taxonomy) -> dict[str, set[str]]:
    """Normalised form → ids of the skills (or compound) it names."""
    table: dict[str, set[str]] = {}
    for skill in real.skills.values():
        for form in skill.forms:
            table.setdefault(form_key(form), set()).add(skill.id)
    for compound in real.compounds:
        for form in compound.forms:
            table[form_key(form)] = set(compound.skills)
    return table


def needs_context(taxonomy: Taxonomy, skill_id: str, form: str) -> bool:
    skill = taxonomy.get(skill_id)
    return skill.ambiguous and form not in skill.unambiguous_aliases and " " not in form


def shared_dir() -> Path:
    return Path(os.environ.get("SKILLMATCH_SHARED") or REPO.parent / "shared")


# ---------------------------------------------------------------------------- the real data


def test_real_taxonomy_loads_with_version_and_every_category(real):
    assert real.version == (REPO / "taxonomy" / "VERSION").read_text().strip()
    stats = taxonomy_stats(real)
    assert stats.skills >= 300 and stats.aliases >= 1000
    assert all(stats.per_category[c] > 0 for c in CATEGORIES)
    assert stats.compounds > 10 and stats.degree_levels == 4 and stats.titles >= 5


@pytest.mark.parametrize("skill_id, name", [
    ("python", "Python"), ("c-plus-plus", "C++"), ("c-sharp", "C#"), ("ci-cd", "CI/CD"),
    ("amazon-web-services", "Amazon Web Services"), ("a-b-testing", "A/B testing"),
    ("scikit-learn", "scikit-learn"), ("hugging-face-transformers", "Hugging Face Transformers"),
])
def test_stable_url_safe_ids(real, skill_id, name):
    assert real.get(skill_id).name == name


def test_the_ml_engineer_profile_names_only_known_skills():
    profile = load_profile("ml-engineer", REPO / "taxonomy")
    assert profile.groups


# The career guide's explicit lists (languages, algorithms, approaches, platforms, statistics,
# practices, soft skills), as ids: they must all be in the data and marked source "guide".
GUIDE_SKILLS = [
    "python", "java", "c", "c-plus-plus", "javascript", "r", "scala", "julia",
    "decision-trees", "naive-bayes", "linear-regression", "logistic-regression",
    "support-vector-machines", "ensemble-methods", "clustering", "principal-component-analysis",
    "singular-value-decomposition", "independent-component-analysis",
    "supervised-learning", "unsupervised-learning", "reinforcement-learning", "deep-learning",
    "neural-networks", "microsoft-azure", "google-cloud", "ibm-watson", "amazon-web-services",
    "probability", "statistics", "statistical-analysis", "data-modeling", "model-evaluation",
    "experiment-design", "hyperparameter-tuning", "data-pipelines", "ml-infrastructure",
    "feature-engineering", "data-visualization", "code-review", "model-monitoring",
    "written-communication", "oral-communication", "business-acumen", "leadership",
    "collaboration", "linear-algebra", "hadoop", "hive", "tableau", "sql", "sas",
]


def test_guide_skills_are_in_the_data_marked_guide(real):
    missing = [i for i in GUIDE_SKILLS if i not in real.skills]
    assert not missing
    assert [i for i in GUIDE_SKILLS if real.get(i).source != "guide"] == []


@pytest.mark.shared
def test_every_reference_row_is_a_skill_with_its_name_category_and_source(real):
    reference = shared_dir() / "reference-skills.md"
    if not reference.exists():
        pytest.skip(f"{reference} not found (set SKILLMATCH_SHARED)")
    rows = [line.strip().strip("|").split("|") for line in reference.read_text().splitlines()
            if line.startswith("| ") and not line.startswith("| canonical")]
    by_name = {s.name: s for s in real.skills.values()}
    problems = []
    for cells in rows:
        name, category, source, _notes, ambiguous = (c.strip() for c in cells)
        skill = by_name.get(name)
        if skill is None:
            problems.append(f"missing {name}")
        elif (skill.category, skill.source) != (category, source) or (
                ambiguous == "yes" and not skill.ambiguous):
            problems.append(f"{name}: {skill.category}/{skill.source}/{skill.ambiguous}")
    assert len(rows) >= 100 and problems == []


@pytest.mark.parametrize("form, skill_id", [
    ("scikit learn", "scikit-learn"), ("sci-kit learn", "scikit-learn"), ("sklearn", "scikit-learn"),
    ("Tensorflow 2", "tensorflow"), ("TF2", "tensorflow"), ("k8s", "kubernetes"),
    ("Postgres", "postgresql"), ("GCP", "google-cloud"), ("Naïve Bayes", "naive-bayes"),
    ("SVMs", "support-vector-machines"), ("kmeans", "k-means"), ("K-Means", "k-means"),
    ("ConvNets", "convolutional-neural-networks"), ("LLMs", "large-language-models"),
    ("cross validation", "model-evaluation"), ("Golang", "go"), ("RStudio", "r"),
    ("PySpark", "spark"), ("HiveQL", "hive"), ("Watson Studio", "ibm-watson"),
    ("AWS", "amazon-web-services"), ("ANSI C", "c"), ("Julia lang", "julia"), ("cpp", "c-plus-plus"),
    ("LSTM", "recurrent-neural-networks"), ("T-SQL", "sql"), ("MLOps", "ml-infrastructure"),
    ("ETL", "data-pipelines"), ("pytest", "unit-testing"), ("continuous integration", "ci-cd"),
])
def test_surface_forms_name_their_skill(owners, form, skill_id):
    assert owners.get(form_key(form)) == {skill_id}


@pytest.mark.parametrize("form, skill_ids", [
    ("C/C++", {"c", "c-plus-plus"}), ("Python/R", {"python", "r"}),
    ("PyTorch/TensorFlow", {"pytorch", "tensorflow"}),
    ("AWS/GCP/Azure", {"amazon-web-services", "google-cloud", "microsoft-azure"}),
    ("Azure ML", {"microsoft-azure", "azure-machine-learning"}),
])
def test_compound_forms_name_every_skill(owners, form, skill_ids):
    assert owners[form_key(form)] == skill_ids


def test_ci_cd_is_one_skill_not_a_compound(real):
    compound_forms = {form_key(f) for c in real.compounds for f in c.forms}
    assert form_key("CI/CD") not in compound_forms


@pytest.mark.parametrize("implied_form", ["Node.js", "PostgreSQL", "BERT", "XGBoost", "GitHub"])
def test_forms_that_only_imply_a_skill_are_not_its_aliases(real, owners, implied_form):
    (owner,) = owners[form_key(implied_form)]
    assert real.get(owner).name == implied_form


AMBIGUOUS = ["r", "c", "go", "julia", "rust", "sas", "hive", "spark", "ibm-watson",
             "amazon-web-services", "pandas", "snowflake", "convolutional-neural-networks",
             "computer-vision", "transformers"]


@pytest.mark.parametrize("skill_id", AMBIGUOUS)
def test_ambiguous_skills_have_context_and_no_fuzzy(real, skill_id):
    skill = real.get(skill_id)
    assert skill.ambiguous and not skill.fuzzy
    assert skill.context is not None and (skill.context.confirm or skill.context.reject)
    assert any(needs_context(real, skill_id, form) for form in skill.forms)


def test_every_ambiguous_skill_has_a_rule_and_only_ambiguous_ones_do(real):
    """Other skills may only have reject rules (they apply to every form: "partitioning and
    clustering" is database clustering), never confirm rules or unambiguous aliases."""
    for skill in real.skills.values():
        if skill.ambiguous:
            assert skill.context is not None, skill.id
        else:
            assert skill.context is None or not skill.context.confirm, skill.id
            assert not skill.unambiguous_aliases, skill.id


@pytest.mark.parametrize("word", ["classification", "regression", "forecasting", "documentation",
                                  "presentations", "boosting", "Amazon", "CNN", "CV", "ML"])
def test_generic_words_only_ever_need_context(real, owners, word):
    for skill_id in owners.get(form_key(word), set()):
        assert needs_context(real, skill_id, word), skill_id


def test_short_forms_of_fuzzy_skills_are_specific(real):
    """Fuzzy matching is for long forms; every ambiguous bare name opts out."""
    for skill in real.skills.values():
        if skill.ambiguous and needs_context(real, skill.id, skill.name):
            assert not skill.fuzzy, skill.id


@pytest.mark.parametrize("skill_id, implied", [
    ("random-forest", {"ensemble-methods", "decision-trees"}),
    ("xgboost", {"gradient-boosting", "ensemble-methods"}),
    ("lightgbm", {"gradient-boosting"}),
    ("amazon-sagemaker", {"amazon-web-services"}),
    ("azure-machine-learning", {"microsoft-azure"}),
    ("vertex-ai", {"google-cloud"}),
    ("bigquery", {"google-cloud"}),
    ("pytorch", {"deep-learning", "neural-networks"}),
    ("tensorflow", {"deep-learning", "neural-networks"}),
    ("keras", {"deep-learning", "neural-networks"}),
    ("postgresql", {"sql"}), ("mysql", {"sql"}),
    ("hdfs", {"hadoop"}), ("mapreduce", {"hadoop"}),
    ("nodejs", {"javascript"}),
    ("k-means", {"clustering"}), ("dbscan", {"clustering"}),
    ("a-b-testing", {"experiment-design"}),
    ("convolutional-neural-networks", {"neural-networks"}),
    ("recurrent-neural-networks", {"neural-networks"}),
    ("transformers", {"neural-networks"}),
    ("hugging-face-transformers", {"transformers"}),
    ("bert", {"transformers"}), ("gpt", {"transformers"}),
    ("github", {"git"}), ("gitlab", {"git"}),
    ("amazon-redshift", {"amazon-web-services"}), ("amazon-emr", {"amazon-web-services"}),
    ("amazon-s3", {"amazon-web-services"}), ("aws-lambda", {"amazon-web-services"}),
])
def test_implications(real, skill_id, implied):
    assert implied <= set(real.implied(skill_id))
    assert skill_id not in real.implied(skill_id)


def test_mongodb_does_not_imply_sql(real):
    assert "sql" not in real.implied("mongodb")


def test_education_and_titles(real):
    levels = {level.id: level for level in real.education.levels}
    assert [lv.id for lv in sorted(levels.values(), key=lambda lv: lv.rank)] == [
        "associate", "bachelor", "master", "phd"]
    assert {"B.S.", "BSc", "B.Tech"} <= set(levels["bachelor"].forms)
    assert {"M.S.", "MSc", "MBA"} <= set(levels["master"].forms)
    assert {"Ph.D.", "PhD", "DPhil", "Doctorate"} <= set(levels["phd"].forms)
    relevant = {f.id for f in real.education.fields if f.relevant}
    assert {"computer-science", "mathematics", "statistics", "data-science", "physics",
            "software-engineering", "business"} <= relevant
    assert not real.education.field("arts-and-humanities").relevant
    titles = {t.id for t in real.titles}
    assert {"software-engineer", "software-programmer", "software-developer", "data-scientist",
            "computer-engineer", "machine-learning-engineer"} <= titles


# ------------------------------------------------------------- context rules, as documented


def decide(rule: ContextRule, text: str, mention: str) -> str:
    """The documented semantics: a reject match overlapping the mention rejects; else a confirm
    match inside the window confirms; else it is left to the extractor's generic context."""
    start = text.index(mention)
    end = start + len(mention)
    lo, hi = max(0, start - rule.window), min(len(text), end + rule.window)
    window = text[lo:hi]
    for pattern in rule.reject:
        for match in re.finditer(pattern, window):
            if lo + match.start() < end and start < lo + match.end():
                return "reject"
    if any(re.search(pattern, window) for pattern in rule.confirm):
        return "confirm"
    return "undecided"


@pytest.mark.parametrize("skill_id, text, mention, expected", [
    ("r", "Built survival models in R and Python.", "R", "confirm"),
    ("r", "Wrote R scripts for reporting.", "R", "confirm"),
    ("r", "Led the R&D budget review.", "R", "reject"),
    ("r", "Python, SQL, R&D tooling", "R", "reject"),
    ("r", "Supervisor: J. R. Tolkien", "R", "reject"),
    ("c", "Firmware written in C for ARM boards.", "C", "confirm"),
    ("c", "Passed the course with Grade C in 2012.", "C", "reject"),
    ("c", "Reported to the C-suite every quarter.", "C", "reject"),
    ("c", "We moved to plan C after the outage.", "C", "reject"),
    ("go", "Backend services in Go and gRPC.", "Go", "confirm"),
    ("go", "Go to market planning with sales.", "Go", "reject"),
    ("go", "Eager to go live with the release; let's go!", "go", "reject"),
    ("julia", "Numerical code in Julia 1.9 and Python.", "Julia", "confirm"),
    ("julia", "Reference: Ms. Julia Roberts, manager", "Julia", "reject"),
    ("rust", "Rust belt manufacturing plant", "Rust", "reject"),
    ("rust", "CLI tools written in Rust", "Rust", "confirm"),
    ("sas", "Generated Azure SAS tokens for blob access.", "SAS", "reject"),
    ("sas", "Base reporting with SAS macros.", "SAS", "confirm"),
    ("hive", "The office was a hive of activity.", "hive", "reject"),
    ("hive", "Wrote Hive queries over HDFS.", "Hive", "confirm"),
    ("spark", "Loves to spark curiosity in students.", "spark", "reject"),
    ("spark", "Tuned Spark jobs on YARN clusters.", "Spark", "confirm"),
    ("ibm-watson", "Thanks to Dr. Watson for supervision.", "Watson", "reject"),
    ("ibm-watson", "Chatbot on Watson Assistant and IBM Cloud.", "Watson", "confirm"),
    ("amazon-web-services", "Worked at Amazon as a warehouse associate.", "Amazon", "reject"),
    ("amazon-web-services", "Bought supplies on Amazon.com for the lab.", "Amazon", "reject"),
    ("amazon-web-services", "Cloud: Microsoft Azure, Google Cloud and Amazon.", "Amazon",
     "confirm"),
    ("pandas", "Volunteer at the giant pandas conservation centre.", "pandas", "reject"),
    ("pandas", "Data wrangling with pandas and NumPy.", "pandas", "confirm"),
    ("pandas", "Cleaned survey data in pandas.", "pandas", "confirm"),
    ("snowflake", "Designed a snowflake schema for the sales mart.", "snowflake", "reject"),
    ("snowflake", "Moved the warehouse from Redshift to Snowflake.", "Snowflake", "confirm"),
    ("convolutional-neural-networks", "Interviewed live on CNN about the election.", "CNN",
     "reject"),
    ("convolutional-neural-networks", "Trained a CNN on 40k labelled images.", "CNN", "confirm"),
    ("computer-vision", "Please find my updated CV attached.", "CV", "reject"),
    ("computer-vision", "Research in NLP/CV and speech.", "CV", "confirm"),
    ("transformers", "Maintained power transformers at the substation.", "transformers",
     "reject"),
    ("transformers", "Fine-tuned transformers with PyTorch for NER.", "transformers", "confirm"),
    ("supervised-learning", "Owned the regression test suites for releases.", "regression",
     "reject"),
    ("supervised-learning", "Built classification and regression models.", "classification",
     "confirm"),
    ("time-series-forecasting", "Handled budget forecasting for the department.", "forecasting",
     "reject"),
    ("optimization", "Led search engine optimization for the blog.", "optimization", "reject"),
    ("optimization", "Courses: linear algebra, optimization, probability.", "optimization",
     "confirm"),
    ("machine-learning", "Dosage of 5 ML twice daily.", "ML", "reject"),
    ("deep-learning", "DL No. 4567-2201 valid until 2030.", "DL", "reject"),
])
def test_context_rules(real, skill_id, text, mention, expected):
    rule = real.get(skill_id).context
    assert rule is not None
    assert decide(rule, text, mention) == expected


# --------------------------------------------------------------------- validation messages


def write_taxonomy(root: Path, files: dict[str, str]) -> Path:
    (root / "skills").mkdir(parents=True, exist_ok=True)
    (root / "VERSION").write_text("t-1\n")
    for name, body in files.items():
        (root / name).write_text(textwrap.dedent(body), encoding="utf-8")
    return root


BASE = """
skills:
  - {id: python, name: Python, category: language}
  - {id: c, name: C, category: language, aliases: ["C/C++"]}
  - {id: c-plus-plus, name: C++, category: language, aliases: ["cpp", "C/C++"]}
"""
COMPOUND = """
compounds:
  - {forms: ["C/C++"], skills: [c, c-plus-plus]}
"""


def test_toy_taxonomy_is_complete():
    toy = load_taxonomy(TOY)
    stats = taxonomy_stats(toy)
    assert stats.skills == 13 and stats.ambiguous == 2 and stats.compounds == 1
    assert toy.implied("pytorch") == ["deep-learning", "neural-networks"]
    assert toy.education.levels and toy.titles


def test_compound_forms_are_exempt_from_the_duplicate_check(tmp_path):
    root = write_taxonomy(tmp_path, {"skills/a.yaml": BASE, "compounds.yaml": COMPOUND})
    assert len(load_taxonomy(root).skills) == 3


@pytest.mark.parametrize("files, message", [
    ({"skills/a.yaml": BASE},
     "a.yaml: entry c-plus-plus: field aliases: 'c/c++' is also a form of c (a.yaml); "
     "declare it in compounds.yaml if it names both"),
    ({"skills/a.yaml": BASE, "skills/b.yaml": "skills:\n  - {id: python, name: Py, category: tool}",
      "compounds.yaml": COMPOUND},
     "b.yaml: entry python: field id: duplicate of a.yaml"),
    ({"skills/a.yaml": BASE + "  - {id: cee, name: Cee, category: language, aliases: [C/C++]}\n",
      "compounds.yaml": COMPOUND},
     "a.yaml: entry cee: field aliases: 'c/c++' is a compound form naming c, c-plus-plus"),
    ({"skills/a.yaml": BASE + "  - {id: py, name: ＰＹＴＨＯＮ, category: tool}\n",
      "compounds.yaml": COMPOUND},
     "a.yaml: entry py: field aliases: 'python' is also a form of python (a.yaml)"),
    ({"skills/a.yaml": "skills:\n  - {id: x, name: X, category: tool, aliases: [Ex, ex]}"},
     "a.yaml: entry x: field aliases: 'ex' repeats a form already in aliases"),
    ({"skills/a.yaml": "skills:\n  - {id: x, name: X, category: tool, implies: [nope]}"},
     "a.yaml: entry x: field implies: unknown skill 'nope'"),
    ({"skills/a.yaml": "skills:\n  - {id: x, name: X, category: tool, implies: [x]}"},
     "a.yaml: entry x: field implies: implies itself"),
    ({"skills/a.yaml": """
        skills:
          - {id: a, name: A, category: tool, implies: [b]}
          - {id: b, name: B, category: tool, implies: [c]}
          - {id: c, name: C, category: tool, implies: [a]}
        """},
     "a.yaml: entry a: field implies: cycle a -> b -> c -> a"),
    ({"skills/a.yaml": "skills:\n  - {id: x, name: X, category: tool, context: {yields_to: [y]}}"},
     "a.yaml: entry x: field context.yields_to: unknown skill 'y'"),
    ({"skills/a.yaml": "skills:\n  - {id: x, name: X, category: tool, patterns: ['X!'],"
      " context: {yields_to: [x]}}"},
     "a.yaml: entry x: field context.yields_to: yields to itself"),
    ({"skills/a.yaml": """
        skills:
          - {id: x, name: X, category: tool, context: {yields_to: [y]}}
          - {id: y, name: Y, category: tool}
        """},
     "a.yaml: entry x: field context.yields_to: 'y' has no patterns to yield to"),
    ({"skills/a.yaml": r"""
        skills:
          - id: r
            name: R
            category: language
            ambiguous: true
            context: {confirm: ['\bin R\b', '(unclosed']}
        """},
     "a.yaml: entry r: field context.confirm: Value error, item 2: bad regex '(unclosed'"),
    ({"skills/a.yaml": BASE, "compounds.yaml": COMPOUND
      + "  - {forms: [Python/R], skills: [python, r]}\n"},
     "compounds.yaml: entry Python/R: field skills: unknown skill 'r'"),
    ({"skills/a.yaml": BASE, "compounds.yaml": COMPOUND
      + "  - {forms: [c/c++], skills: [c, python]}\n"},
     "compounds.yaml: entry c/c++: field forms: 'c/c++' is declared twice"),
    ({"skills/a.yaml": "skills:\n  - {id: x, name: X, category: framework}"},
     "a.yaml: entry x: field category: Input should be 'language', 'platform'"),
    ({"skills/a.yaml": "skills:\n  - {id: C++, name: C++, category: language}"},
     "a.yaml: entry C++: field id: Value error, id 'C++' must be lowercase letters, digits"),
    ({"skills/a.yaml": "skills:\n  - {id: x, name: X, category: tool, colour: red}"},
     "a.yaml: entry x: field colour: Extra inputs are not permitted"),
    ({"skills/a.yaml": "skills: {python: Python}"},
     "a.yaml: expected a top-level 'skills:' list"),
    ({"skills/a.yaml": "skills: [unclosed"}, "a.yaml: cannot read:"),
    ({"skills/a.yaml": BASE, "compounds.yaml": COMPOUND, "education.yaml": """
        levels:
          - {id: bachelor, name: B, rank: 2, forms: [BSc, B.S.]}
          - {id: master, name: M, rank: 3, forms: [MSc, bsc]}
        fields: []
        """},
     "education.yaml: entry master: field forms: 'bsc' is also a form of bachelor"),
    ({"skills/a.yaml": BASE, "compounds.yaml": COMPOUND, "education.yaml": """
        levels: [{id: diploma, name: D, rank: 1, forms: [Diploma]}]
        fields: []
        """},
     "education.yaml: entry diploma: field id: Input should be 'associate', 'bachelor'"),
    ({"skills/a.yaml": BASE, "compounds.yaml": COMPOUND, "titles.yaml": """
        titles:
          - {id: swe, name: Software Engineer, forms: [Software Engineer]}
          - {id: swe, name: Developer, forms: [Developer]}
        """},
     "titles.yaml: entry swe: field id: duplicate title id"),
    ({"skills/a.yaml": BASE, "compounds.yaml": COMPOUND, "not_jobs.yaml": """
        not_jobs:
          - {id: career-break, forms: []}
        """},
     "not_jobs.yaml: entry career-break: field forms: List should have at least 1 item"),
])
def test_validation_errors_name_file_entry_and_field(tmp_path, files, message):
    root = write_taxonomy(tmp_path, files)
    with pytest.raises(TaxonomyError) as caught:
        load_taxonomy(root)
    assert str(caught.value).startswith(message), str(caught.value)


def test_missing_skills_directory_is_an_error(tmp_path):
    with pytest.raises(TaxonomyError, match="no skills/ directory"):
        load_taxonomy(tmp_path)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=12))
def test_cycles_are_rejected_exactly_when_the_graph_has_one(tmp_path_factory, edges):
    edges = [(a, b) for a, b in edges if a != b]
    implies = {n: sorted({b for a, b in edges if a == n}) for n in range(6)}
    lines = ["skills:"] + [
        f"  - {{id: s{n}, name: S{n}, category: tool, implies: [{', '.join(f's{t}' for t in ts)}]}}"
        for n, ts in implies.items()
    ]
    root = write_taxonomy(tmp_path_factory.mktemp("cyc"), {"skills/a.yaml": "\n".join(lines)})
    try:
        tuple(TopologicalSorter({n: set(ts) for n, ts in implies.items()}).static_order())
        cyclic = False
    except CycleError:
        cyclic = True
    if cyclic:
        with pytest.raises(TaxonomyError, match="field implies: cycle"):
            load_taxonomy(root)
    else:
        taxonomy = load_taxonomy(root)
        for skill_id in taxonomy.skills:
            assert skill_id not in taxonomy.implied(skill_id)


@given(st.text(max_size=40))
def test_form_key_is_idempotent(text):
    assert form_key(form_key(text)) == form_key(text)


def test_default_directory_is_the_checkout_or_the_packaged_copy():
    assert (default_taxonomy_dir() / "skills").is_dir()


# ------------------------------------------------------------------------------------ CLI


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_cli_validate_prints_version_and_counts(runner):
    result = runner.invoke(app, ["taxonomy", "validate", "--dir", str(TOY)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "taxonomy toy-1: valid"
    assert "skills: 13 (language 5," in result.stdout
    assert "compounds: 1 (2 forms)" in result.stdout


def test_cli_validate_fails_with_the_error_line(runner, tmp_path):
    root = write_taxonomy(tmp_path, {"skills/a.yaml": BASE})
    result = runner.invoke(app, ["taxonomy", "validate", "--dir", str(root)])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "skillmatch taxonomy validate: invalid: a.yaml: entry c-plus-plus: field aliases:")
    assert result.stdout == ""


def test_cli_validate_uses_the_configured_directory(runner, monkeypatch):
    from service.settings import get_settings

    monkeypatch.setattr(get_settings(), "taxonomy_dir", TOY)
    result = runner.invoke(app, ["taxonomy", "validate"])
    assert result.exit_code == 0 and "toy-1" in result.stdout


def test_cli_list_json_by_category(runner):
    result = runner.invoke(app, ["taxonomy", "list", "--category", "algorithm", "--format", "json",
                                 "--dir", str(TOY)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["version"] == "toy-1" and data["category"] == "algorithm"
    assert [s["id"] for s in data["skills"]] == [
        "decision-trees", "ensemble-methods", "neural-networks", "random-forest"]
    forest = data["skills"][-1]
    assert forest["implied"] == ["ensemble-methods", "decision-trees"]


def test_cli_list_table_carries_the_version(runner):
    result = runner.invoke(app, ["taxonomy", "list", "--dir", str(TOY)])
    assert result.exit_code == 0
    assert "Taxonomy toy-1: 13 skills" in result.stdout
    assert "c-plus-plus" in result.stdout and "PostgreSQL" in result.stdout


def test_cli_list_rejects_an_unknown_category(runner):
    result = runner.invoke(app, ["taxonomy", "list", "--category", "frameworks", "--dir", str(TOY)])
    assert result.exit_code == 2
    assert result.stderr.startswith("skillmatch taxonomy list: unknown category 'frameworks' (known: ")


def test_cli_show_prints_every_field(runner):
    result = runner.invoke(app, ["taxonomy", "show", "r", "--dir", str(TOY)])
    assert result.exit_code == 0, result.output
    for text in ("R (taxonomy toy-1)", "unambiguous_aliases", "RStudio", r"\bR\s*&\s*D\b",
                 "case_sensitive", "window"):
        assert text in result.stdout
    assert "C/C++" in runner.invoke(app, ["taxonomy", "show", "c", "--dir", str(TOY)]).stdout
    as_json = runner.invoke(app, ["taxonomy", "show", "pytorch", "-f", "json", "--dir", str(TOY)])
    data = json.loads(as_json.stdout)
    assert data["version"] == "toy-1"
    assert data["skill"]["implied"] == ["deep-learning", "neural-networks"]
    assert data["skill"]["implied_by"] == []


def test_cli_show_unknown_id(runner):
    result = runner.invoke(app, ["taxonomy", "show", "cobol-9000", "--dir", str(TOY)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "skillmatch taxonomy show: unknown skill id 'cobol-9000' in taxonomy toy-1 "
        "(see `skillmatch taxonomy list`)")


# ------------------------------------------------------------- every form, through the extractor


@pytest.mark.slow
def test_every_form_alone_in_a_skills_line_finds_only_its_skills(real):
    """Each skill form names its own skill and no other; each compound form names its skills."""
    from tests.installed import extract_text as extract

    compounds = {form_key(form): set(c.skills) for c in real.compounds for form in c.forms}
    cases = [(form, compounds.get(form_key(form), {s.id}))
             for s in real.skills.values() for form in s.forms]
    cases += [(form, set(c.skills)) for c in real.compounds for form in c.forms]
    wrong = []
    for form, expected in cases:
        found = {hit.id for hit in extract(f"Skills: {form}").skills if hit.explicit}
        if found != expected:
            wrong.append((form, sorted(expected), sorted(found)))
    assert wrong == []


def test_cli_validate_checks_the_practice_rules_too(runner, tmp_path):
    """A practices.yaml word YAML reads as a boolean (an unquoted `on`) is reported with its
    file, entry and field, as the skills' errors are."""
    import shutil

    root = tmp_path / "taxonomy"
    shutil.copytree(TOY, root)
    (root / "practices.yaml").write_text(
        "families:\n  tool-links:\n    words: [in, on, with]\n", encoding="utf-8")
    result = runner.invoke(app, ["taxonomy", "validate", "--dir", str(root)])
    assert result.exit_code == 1
    assert result.stderr.startswith("skillmatch taxonomy validate: invalid: practices.yaml: "
                                    "entry families.tool-links: field words.1:")
