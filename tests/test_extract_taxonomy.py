"""The extractor over the real taxonomy: every form finds its own skill and nothing else.

Each sweep runs in one test and lists every offending form, so a data change that breaks
several forms reports them all at once.
"""

from __future__ import annotations

import pytest

from service.extract import get_pipeline
from tests.installed import extract_text
from service.extract.forms import compound_entries, form_is_ambiguous
from service.taxonomy import form_key

TAXONOMY = get_pipeline().taxonomy


def _explicit(text: str) -> set[str]:
    return {hit.id for hit in extract_text(text).skills if hit.explicit}


def test_every_form_alone_in_a_skills_line_finds_only_its_skill():
    """A form that is also a compound form ("GitHub Actions") finds the compound's skills."""
    compounds = {form_key(form): set(ids) for form, ids in compound_entries(TAXONOMY)}
    wrong = []
    for skill in TAXONOMY.skills.values():
        for form in skill.forms:
            found = _explicit(f"Skills: {form}")
            if found != compounds.get(form_key(form), {skill.id}):
                wrong.append(f"{skill.id}: {form!r} -> {sorted(found)}")
    assert wrong == [], "\n".join(wrong)


def test_every_compound_finds_each_skill_it_names_with_the_compound_as_evidence():
    wrong = []
    for form, skill_ids in compound_entries(TAXONOMY):
        extraction = extract_text(f"Skills: {form}")
        found = {hit.id for hit in extraction.skills if hit.explicit}
        texts = {extraction.skill(i).evidence[0].text for i in skill_ids if extraction.skill(i)}
        if found != set(skill_ids) or texts != {form}:
            wrong.append(f"{form!r} -> {sorted(found)} {texts}")
    assert wrong == [], "\n".join(wrong)


# a bulleted line that is only "forecasting" is business forecasting (docs/extraction.md)
LINE_ALONE_IS_NOT_THE_SKILL = {("time-series-forecasting", "forecasting")}


def test_every_plain_form_counts_beside_headers_and_other_lines():
    """Each form that needs no context is found in a bullet ending in a full stop before an
    education line, alone on a line before a position header, and in a skills line before a
    heading: no rule of a neighbouring line takes it."""
    wrong = []
    for skill in TAXONOMY.skills.values():
        if skill.category == "soft":
            continue
        for form in skill.forms:
            if form_is_ambiguous(skill, form):
                continue
            texts = [f"Skills\n{form}\nSenior Engineer, Acme Ltd, 2019 - 2022",
                     f"Skills: {form}, Docker\nProjects\n- Chatbot"]
            if not form.endswith("."):
                texts.append(f"Experience\n- Built the service with {form}.\n"
                             "University of Leeds, BSc 2018")
            wrong += [f"{skill.id}: {form!r} missed in {t!r}" for t in texts
                      if skill.id not in _explicit(t)]
    assert wrong == [], "\n".join(wrong)


def _ambiguous_forms():
    """(skill, form) for every form that needs its context."""
    return [(skill, form) for skill in TAXONOMY.skills.values() for form in skill.forms
            if form_is_ambiguous(skill, form)]


def test_ambiguous_forms_count_in_one_per_line_and_bulleted_lists():
    wrong = []
    for skill, form in _ambiguous_forms():
        texts = [f"Tools\nPython\nDocker\n{form}\nGit", f"Python | {form} | SQL"]
        if (skill.id, form) not in LINE_ALONE_IS_NOT_THE_SKILL:
            texts.append(f"Skills\n- Python\n- {form}\n- SQL")
        wrong += [f"{skill.id}: {form!r} missed in {t!r}" for t in texts
                  if skill.id not in _explicit(t)]
    assert wrong == [], "\n".join(wrong)


def test_ambiguous_forms_count_in_a_tool_list_and_not_in_small_talk():
    wrong = []
    for skill, form in _ambiguous_forms():
        if skill.id not in _explicit(f"Tools: Python, Docker, {form}"):
            wrong.append(f"{skill.id}: {form!r} missed in a tool list")
        if skill.id in _explicit(f"Yesterday afternoon we chatted about {form} for a while."):
            wrong.append(f"{skill.id}: {form!r} found in small talk")
    assert wrong == [], "\n".join(wrong)


def test_taxonomy_version_is_carried():
    assert extract_text("Python").versions.taxonomy == TAXONOMY.version


def test_fuzzy_matches_typos_but_not_other_word_forms():
    typos = {"Pytroch": "pytorch", "Kubernates": "kubernetes", "Pyhton": "python",
             "casual inference": "causal-inference", "Tensor flow": "tensorflow"}
    for text, skill_id in typos.items():
        assert skill_id in _explicit(f"Used {text} daily."), text
    for text in ["Status: open. United States.", "Did a root cause analysis.",
                 "Database Administrator", "Entity Extractor module", "Data Engineer II",
                 "Collaborator on a docket"]:
        fuzzy = [e for h in extract_text(text).skills for e in h.evidence if e.method == "fuzzy"]
        assert fuzzy == [], (text, fuzzy)


def test_regression_analysis_and_aws_sagemaker_name_both_their_skills():
    found = _explicit
    assert {"regression-analysis", "supervised-learning"} <= found(
        "Performed regression analysis on housing prices.")
    assert {"amazon-sagemaker", "amazon-web-services"} <= found("Deployed models with AWS SageMaker.")
    assert "hyperparameter-tuning" in found("Skills: hyper-parameter optimisation, SQL")


def test_sas_programs_and_scripts_are_the_language():
    for text in ("Ported legacy SAS programs to Python.", "Maintained SAS scripts for reporting."):
        assert "sas" in _explicit(text)
    assert "sas" not in _explicit("Flew SAS flights to Oslo.")


def test_spark_and_hive_after_a_preposition_of_use_are_the_tools():
    found = _explicit
    assert "spark" in found("Processed 2 TB of logs daily with Spark.")
    assert "hive" in found("Loaded the cleaned tables into Hive.")
    assert "spark" not in found("She brings creativity and a spark to every team.")


def test_drift_alerts_name_model_monitoring():
    text = "Set up drift alerts and weekly retraining for the credit models."
    assert "model-monitoring" in _explicit(text)


def test_table_layout_clustering_is_not_the_algorithm():
    found = _explicit
    assert "clustering" not in found("Tune Delta tables by adding liquid clustering and Z-order clustering.")
    assert "clustering" not in found("Automated table maintenance: compaction, clustering and data retention.")
    assert "clustering" in found("Customer segmentation with clustering and data retention analysis.")
    assert "clustering" in found("Segmented customers with hierarchical clustering in Python.")


@pytest.mark.parametrize(("text", "found"), [
    ("Built dashboards of interface and protocol wise statistics for the routers.", False),
    ("Scraped player statistics for the league's fantasy app.", False),
    ("Reported website usage statistics every week.", False),
    ("Applied statistics to churn and pricing questions.", True),
    ("Tracked usage statistics; studied statistics at university.", True),
    ("Coursework: Network Statistics, Causal Inference", True),
])
def test_figures_a_system_counts_are_not_statistics(text, found):
    assert ("statistics" in _explicit(text)) is found


@pytest.mark.parametrize(("text", "skill", "found"), [
    # a way to split a model over devices, not a data pipeline
    ("Deep understanding of model parallelism (data, tensor, pipeline parallelism).",
     "data-pipelines", False),
    ("Built batch data pipelines for the risk team.", "data-pipelines", True),
    # a web page's notice to its reader, not the language
    ("Contact the office (you need JavaScript enabled to view the address).", "javascript", False),
    ("Requires JavaScript experience; please enable JavaScript in your browser to apply.",
     "javascript", True),
    # a framework's name written apart, not the language
    ("Strong knowledge of React Native and Next JS and their component libraries.",
     "javascript", False),
    ("Frontend: Vue JS and plain JS for the widgets.", "javascript", True),
    ("Requirements: solid JS fundamentals, HTML, CSS.", "javascript", True),
    # Microsoft's developer tools, not the cloud
    ("CI/CD with GitHub Actions and Azure DevOps.", "microsoft-azure", False),
    ("Deployed the services on Azure and managed boards in Azure DevOps.", "microsoft-azure",
     True),
    # a name in its own case only: the Scaled Agile Framework is "SAFe"
    ("Productionize with versioning, monitoring, alerting and safe rollback.", "agile", False),
    ("Certified SAFe Agilist; ran PI planning for four teams.", "agile", True),
    # the service's name says its cloud
    ("Azure Machine Learning Certification, Microsoft", "microsoft-azure", True),
])
def test_a_skills_name_inside_another_things_name(text, skill, found):
    assert (skill in _explicit(text)) is found
