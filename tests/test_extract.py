"""The extractor's mechanism on a fixed toy taxonomy: forms, variants, fuzzy, output shape."""

from __future__ import annotations

from datetime import date

import pytest
from extract_toy import claimed, toy_dir, toy_extract, toy_pipeline

from service.errors import TextTooLong
from tests.installed import extract, extract_text
from service.extract import extractor
from service.extract.extractor import MAX_EVIDENCE
from service.models import Document, Position


@pytest.mark.parametrize(
    ("text", "skill_id", "surface"),
    [
        ("Languages: C++, Java", "c-plus-plus", "C++"),
        ("Wrote services in C# and Java.", "c-sharp", "C#"),
        ("Built APIs on .NET with Java.", "dotnet", ".NET"),
        ("Backend in Node.js.", "nodejs", "Node.js"),
        ("Modelling with scikit-learn.", "scikit-learn", "scikit-learn"),
        ("Ran A/B tests on pricing.", "ab-testing", "A/B tests"),
        ("Set up CI/CD for the team.", "ci-cd", "CI/CD"),
        ("Segmented users with k-means.", "k-means", "k-means"),
        ("Stored procedures in PL/SQL.", "sql", "PL/SQL"),
        ("Queries in T-SQL.", "sql", "T-SQL"),
        ("Tools: (C++), Docker", "c-plus-plus", "C++"),
        ("C++17 and Python", "c-plus-plus", "C++"),
    ],
)
def test_symbol_heavy_forms_are_found_with_exact_spans(text, skill_id, surface):
    extraction = toy_extract(text)
    hit = extraction.skill(skill_id)
    assert hit is not None and hit.explicit
    evidence = hit.evidence[0]
    assert evidence.text == surface == extraction.text[evidence.start:evidence.end]


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("k means clustering", "k-means"),
        ("kmeans", "k-means"),
        ("scikit learn", "scikit-learn"),
        ("Scikit-Learn", "scikit-learn"),
        ("random forests and decision-trees", "random-forest"),
        ("random forests and decision-trees", "decision-trees"),
        ("Naïve Bayes", "naive-bayes"),
        ("NAIVE BAYES", "naive-bayes"),
        ("sklearn", "scikit-learn"),
        ("Python 3", "python"),
        ("python", "python"),
    ],
)
def test_spelling_variants(text, skill_id):
    assert skill_id in claimed(text)


def test_compound_slash_names_both_skills():
    assert {"c", "c-plus-plus"} <= claimed("Programming: C/C++")
    assert {"python", "r"} <= claimed("Analysis in Python/R")
    assert {"c-plus-plus", "java"} <= claimed("C++/Java developer")


def test_comma_list_splits_cleanly():
    assert claimed("Python,Java,SQL,Docker") >= {"python", "java", "sql", "docker"}
    assert claimed("C++,Java and C#,Python") >= {"c-plus-plus", "java", "c-sharp", "python"}


def test_parentheses_glued_to_words_split():
    assert claimed("Docker(Kubernetes) and Python(NumPy)") >= {"docker", "kubernetes", "numpy"}


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [("Pytroch", "pytorch"), ("Kubernates", "kubernetes"), ("Tensorflw models", "tensorflow"),
     ("Tensor Flow", "tensorflow"), ("Pyhton", "python"), ("Dokcer", "docker")],
)
def test_fuzzy_misspellings(text, skill_id):
    hit = toy_extract(f"Experience: {text}").skill(skill_id)
    assert hit is not None and hit.evidence[0].method in {"fuzzy", "exact"}
    assert hit.confidence < 0.95 or hit.evidence[0].method == "exact"


@pytest.mark.parametrize("text", ["scalar values", "a scalable design", "pythonic code", "docket",
                                  "Javanese", "pandemic", "Pithon", "Dicker"])
def test_fuzzy_does_not_match_other_words(text):
    assert claimed(text) == set()


def test_short_and_ambiguous_forms_are_never_fuzzy():
    assert claimed("Jova and Rusty and Scla") == set()


def test_implied_skills_are_not_explicit_and_name_their_source():
    extraction = toy_extract("Used random forest and PyTorch.")
    ensemble = extraction.skill("ensemble-methods")
    assert ensemble is not None and not ensemble.explicit and ensemble.implied_by == ["random-forest"]
    assert ensemble.evidence == [] and ensemble.confidence < extraction.skill("pytorch").confidence
    assert extraction.skill("deep-learning").implied_by == ["pytorch"]


def test_transitive_implication():
    extraction = toy_extract("Deployed on SageMaker.")
    assert extraction.skill("aws").implied_by == ["sagemaker"]


def test_explicit_skill_is_not_also_reported_as_implied():
    hit = toy_extract("Node.js and JavaScript").skill("javascript")
    assert hit.explicit and hit.implied_by == []


def test_output_is_sorted_by_category_then_name_and_versioned():
    extraction = toy_extract("Docker, Python, Java, AWS, k-means, CI/CD")
    order = [(h.category, h.name.casefold()) for h in extraction.skills]
    ranks = ["language", "platform", "tool", "ml-library", "algorithm", "approach", "statistics",
             "mathematics", "engineering", "soft"]
    assert order == sorted(order, key=lambda o: (ranks.index(o[0]), o[1]))
    assert extraction.versions.taxonomy == "toy-1" and extraction.versions.skillmatch


def test_evidence_carries_line_and_offsets_into_normalised_text():
    extraction = toy_extract("Summary\n\u2022 Built \ufb01ne models in PyTorch\u00a0and Docker\n")
    hit = extraction.skill("pytorch")
    evidence = hit.evidence[0]
    assert evidence.line == "- Built fine models in PyTorch and Docker"
    assert extraction.text[evidence.start:evidence.end] == "PyTorch"


def test_every_mention_is_kept_as_evidence():
    hit = toy_extract("Python at work. Python at home.\nPython again").skill("python")
    assert len(hit.evidence) == 3 and hit.confidence > 0.95


def test_urls_and_emails_are_not_mentions():
    assert claimed("see https://github.com/me/docker-tools or mail java@python.org") == set()


def test_empty_and_skill_free_text():
    assert toy_extract("").skills == []
    assert toy_extract("Managed a retail store and trained staff.").skills == []


def test_text_too_long_is_a_typed_error():
    from tests.installed import extract_text

    with pytest.raises(TextTooLong):
        extract_text("Python " * 50, pipeline=toy_pipeline(), max_text_chars=100)
    with pytest.raises(TextTooLong):
        extract(Document(text="x" * 101), pipeline=toy_pipeline(), max_text_chars=100)
    assert extract(Document(text="x" * 100), pipeline=toy_pipeline(), max_text_chars=100)


def test_years_and_last_used_come_from_positions_that_mention_the_skill():
    text = "Acme 2015-2018\nBuilt Java services.\nBeta 2017-2020\nJava and Docker.\nGamma 2021\nSales."
    positions = [
        Position(start=date(2015, 1, 1), end=date(2018, 1, 1), years=3, text_start=0, text_end=35),
        Position(start=date(2017, 1, 1), end=date(2020, 1, 1), years=3, text_start=35, text_end=67),
        Position(start=date(2021, 1, 1), end=date(2022, 1, 1), years=1, text_start=67,
                 text_end=len(text)),
    ]
    extraction = extract(Document(text=text, positions=positions), pipeline=toy_pipeline())
    java, docker = extraction.skill("java"), extraction.skill("docker")
    assert java.years == pytest.approx(5.0, abs=0.05) and java.last_used == 2020
    assert docker.years == pytest.approx(3.0, abs=0.05) and docker.last_used == 2020
    assert extract(Document(text="Python"), pipeline=toy_pipeline()).skill("python").years is None


def test_evidence_per_skill_is_capped_but_later_mentions_still_count_for_years():
    dense = "Java, Docker. " * 70
    tail = "Gamma 2021-2023\nJava."
    text = dense + "\n" + tail
    positions = [
        Position(start=date(2015, 1, 1), end=date(2018, 1, 1), years=3, text_start=0,
                 text_end=len(dense)),
        Position(start=date(2021, 1, 1), end=date(2023, 1, 1), years=2, text_start=len(dense),
                 text_end=len(text)),
    ]
    extraction = extract(Document(text=text, positions=positions), pipeline=toy_pipeline())
    java, docker = extraction.skill("java"), extraction.skill("docker")
    assert len(java.evidence) == len(docker.evidence) == MAX_EVIDENCE
    assert [e.start for e in java.evidence] == [14 * i for i in range(MAX_EVIDENCE)]
    assert java.years == pytest.approx(5.0, abs=0.05) and java.last_used == 2023
    assert docker.years == pytest.approx(3.0, abs=0.05) and docker.last_used == 2018


def test_past_the_document_budget_only_each_skills_first_mention_is_analysed(monkeypatch):
    monkeypatch.setattr(extractor, "MAX_ANALYSED", 10)
    extraction = extract(Document(text="Java, Docker. " * 20 + "Python."), pipeline=toy_pipeline())
    assert len(extraction.skill("java").evidence) == len(extraction.skill("docker").evidence) == 5
    assert [e.text for e in extraction.skill("python").evidence] == ["Python"]


def test_mentions_past_the_cap_still_end_a_negation_scope():
    text = "Built Java services.\n" * (MAX_EVIDENCE + 5) + "No experience with Java, Kubernetes or Docker."
    extraction = extract(Document(text=text), pipeline=toy_pipeline())
    assert extraction.skill("java") is not None
    assert {hit.id for hit in extraction.not_claimed} == {"kubernetes", "docker"}


def test_rejected_mentions_do_not_use_up_the_cap():
    text = "Planned the go-live.\n" * (MAX_EVIDENCE + 10) + "Skills: Go, Docker"
    go = extract(Document(text=text), pipeline=toy_pipeline()).skill("go")
    assert go is not None and [e.text for e in go.evidence] == ["Go"]


def test_organisation_names_past_the_cap_do_not_count_for_years():
    used = "Used Docker for builds.\n"
    employer = "Engineer at Docker Inc.\n" * (MAX_EVIDENCE + 10)
    text = used + employer
    positions = [
        Position(start=date(2005, 1, 1), end=date(2009, 1, 1), years=4, text_start=0,
                 text_end=len(used)),
        Position(start=date(2015, 1, 1), end=date(2024, 1, 1), years=9, text_start=len(used),
                 text_end=len(text)),
    ]
    docker = extract(Document(text=text, positions=positions), pipeline=toy_pipeline()).skill("docker")
    assert docker.years == pytest.approx(4.0, abs=0.05) and docker.last_used == 2009


def test_an_ambiguous_form_is_judged_at_most_max_judged_times(monkeypatch):
    monkeypatch.setattr(extractor, "MAX_JUDGED", 2)
    go = extract(Document(text="Skills: Go\n" * 4 + "Built it in Golang."),
                 pipeline=toy_pipeline()).skill("go")
    assert [e.text for e in go.evidence] == ["Go", "Go", "Golang"]


def test_mentions_past_the_cap_do_not_make_a_negated_skill_claimed():
    text = "No experience with Java. " * MAX_EVIDENCE + "Java " * 5
    extraction = extract(Document(text=text), pipeline=toy_pipeline())
    assert extraction.skill("java") is None
    assert [hit.id for hit in extraction.not_claimed] == ["java"]


def test_pipeline_is_built_once():
    from service.extract import get_pipeline

    assert get_pipeline(toy_dir()) is toy_pipeline() is get_pipeline(toy_dir())


@pytest.mark.parametrize(
    "text", ["Used linear and logistic regression.", "Fitted linear, ridge or logistic regression"]
)
def test_coordinated_modifiers_share_the_head(text):
    extraction = toy_extract(text)
    hit = extraction.skill("linear-regression")
    assert hit is not None and hit.explicit and hit.evidence[0].method == "context"
    assert hit.evidence[0].text.startswith("linear") and hit.evidence[0].text.endswith("regression")
    assert extraction.skill("logistic-regression").evidence[0].text == "logistic regression"


def test_coordination_does_not_duplicate_a_mentioned_skill():
    hit = toy_extract("Python and Java decision trees").skill("python")
    assert len(hit.evidence) == 1


def test_phrases_wrapped_across_lines_are_found_with_exact_spans():
    extraction = toy_extract("Built models with random\nforest and k-means; also naive\nBayes? no: naive\nbayes")
    hit = extraction.skill("random-forest")
    assert hit is not None and hit.evidence[0].text == "random\nforest"
    assert hit.evidence[0].line == "Built models with random\nforest and k-means; also naive"
    assert [e.text for e in extraction.skill("naive-bayes").evidence] == [
        "naive\nBayes", "naive\nbayes"]


def test_forms_broken_by_a_wrap_before_a_capital_are_found():
    text = ("Proficiency with cloud environments; preferred experience in Google\n"
            "Cloud Platform and in Amazon Web\nServices.")
    found = {h.id: h for h in extract_text(text).skills}
    assert found["google-cloud"].evidence[0].text == "Google\nCloud Platform"
    assert found["amazon-web-services"].evidence[0].text == "Amazon Web\nServices"


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Experience with recommendation or ranking systems.", "recommender-systems"),
        ("Built data and ML pipelines on Airflow.", "data-pipelines"),
        ("Wrote unit and contract tests for every service.", "unit-testing"),
        # a skill named in several words stands for one word of the coordination
        ("Build statistical and machine learning models for pricing.", "statistics"),
        ("Fit statistical, machine learning, or optimization models.", "statistics"),
        ("Fit statistical or deep learning models to sensor data.", "statistics"),
    ],
)
def test_a_head_shared_across_a_conjunction_names_the_first_word_too(text, skill):
    hit = extract_text(text).skill(skill)
    assert hit is not None and hit.explicit
    assert " and " in hit.evidence[0].text or " or " in hit.evidence[0].text


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Worked on the Android app and iOS systems.", "recommender-systems"),
        ("Led recommendation reviews and ranking systems audits.", "recommender-systems"),
        # a slash joins one modifier ("ML/AI"), not two names
        ("Tracked ML/AI platform adoption across teams.", "ml-infrastructure"),
        ("Taught Python, machine learning, and statistical mechanics.", "statistics"),
    ],
)
def test_words_that_only_sit_near_a_conjunction_share_no_head(text, skill):
    assert extract_text(text).skill(skill) is None


def test_a_slash_between_two_words_shares_the_head():
    hit = extract_text("Methods: Decision Trees, Random/Rotation Forests.").skill("random-forest")
    assert hit is not None and hit.explicit and "/" in hit.evidence[0].text


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("A thesis with an original statistical / probabilistic analysis.", "statistical-analysis"),
        ("Worked on recommendation / ranking systems.", "recommender-systems"),
    ],
)
def test_a_slash_set_off_by_spaces_shares_the_head_too(text, skill):
    hit = extract_text(text).skill(skill)
    assert hit is not None and " / " in hit.evidence[0].text


@pytest.mark.parametrize(("text", "skill"), [
    ("Market Data / Risk Analysis team, Goldman Sachs.", "data-analysis"),
    ("Supported the Data / Platform Engineering org as a recruiter.", "data-engineering"),
])
def test_a_spaced_slash_between_capitalised_names_shares_no_head(text, skill):
    assert extract_text(text).skill(skill) is None


def test_a_spaced_slash_between_names_keeps_each_name():
    found = extract_text("Python / SQL / Spark data work")
    assert {"python", "sql", "spark"} <= {h.id for h in found.skills if h.explicit}
    assert found.skill("python").evidence[0].text == "Python"


def test_two_forms_sharing_an_edge_word_both_count():
    found = {h.id for h in extract_text(
        "Built image classification models for defect detection.").skills if h.explicit}
    assert {"image-classification", "supervised-learning"} <= found
    # a form inside a longer one still gives way to it
    assert {h.id for h in extract_text("Tuned Spark SQL queries.").skills} >= {"spark"}


def test_list_lines_are_not_merged_into_one_form():
    # "Spark SQL" is a form, but here two list lines each name their own skill
    for text in ("Skills\nApache Spark\nSQL\nDocker", "Skills\nSpark\nSQL\nDocker"):
        found = extract_text(text)
        assert {"spark", "sql", "docker"} <= {h.id for h in found.skills}
        assert found.skill("spark").evidence[0].text.endswith("Spark")


def test_context_rules_read_a_soft_wrapped_sentence_as_one():
    # the skill's own patterns and the same-sentence rule see past a hard wrap in lower case
    confirmed = "We combine the state of the art in ranking with machine\nlearning and optimization."
    rejected = "- Worked with the web team on data integration and performance\noptimization."
    assert "optimization" in {h.id for h in extract_text(confirmed).skills}
    assert "optimization" not in {h.id for h in extract_text(rejected).skills}


def test_negation_reaches_across_a_soft_wrap():
    text = "I have no experience with\nkubernetes or docker."
    assert {h.id for h in toy_extract(text).not_claimed} == {"kubernetes", "docker"}


def test_taxonomy_patterns_find_paraphrases_without_hiding_other_skills():
    extraction = toy_extract("Deployed two PyTorch models to production in 2023.")
    hit = extraction.skill("model-deployment")
    assert hit is not None and hit.explicit
    assert hit.evidence[0].text == "Deployed two PyTorch models to production"
    assert hit.evidence[0].method == "context"
    assert extraction.skill("pytorch").evidence[0].text == "PyTorch"
    assert toy_extract("Deployed the website to production.").skill("model-deployment") is None


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz\nPython, OpenCV\n\n## CV\nYou can download or view my CV as a PDF from this page.\n",
        "- [CV](#cv)\n- [Projects](#projects)\n\nSkills: Python, OpenCV\n",
        "description: CV of Ana Ruiz, NLP and ML engineer working on PyTorch models\n",
    ],
)
def test_the_document_called_cv_is_not_computer_vision(text):
    ex = extract_text(text, kind="resume")
    assert not [e for s in ex.skills if s.id == "computer-vision" for e in s.evidence]


def test_a_cv_heading_over_vision_work_is_still_the_field():
    text = ("Projects\n\n### NLP\nFine-tuned BERT for ticket routing.\n\n### CV\n"
            "Trained a detector on shelf images with OpenCV and PyTorch.\n")
    assert [e for s in extract_text(text, kind="resume").skills if s.id == "computer-vision"
            for e in s.evidence if e.text == "CV"]


def test_stats_beside_maths_with_and_is_statistics():
    ex = extract_text("Education\nB.Sc, Maths and Stats, University of Leeds (2020)\n",
                      kind="resume")
    assert "statistics" in {s.id for s in ex.skills if s.explicit}


def test_a_closed_aside_ends_a_negation_cue_inside_it():
    # (an aside inside the cue's own bracket does not close it: Hadoop stays negated)
    ex = extract_text("SQL (not Spark (basics only), Hadoop)", kind="resume")
    assert ex.skill("hadoop") is None or not [e for e in ex.skill("hadoop").evidence
                                               if not e.negated]
    ex = extract_text("Python (fluent), C++ (competent, but not fluent), MATLAB (competent but "
                      "not fluent)", kind="resume")
    assert {"python", "c-plus-plus", "matlab"} <= {s.id for s in ex.skills if s.explicit}
    # an earlier cue still reaches past another item's aside
    ex = extract_text("- Not yet: Rust (keen to learn), Scala", kind="resume")
    assert not {"rust", "scala"} & {s.id for s in ex.skills if s.explicit}


def test_r_named_as_where_code_moved_from_or_to():
    ex = extract_text("Translated the analysis from MATLAB to R for a postdoc.", kind="resume")
    assert ex.skill("r") is not None
    assert extract_text("Ported the pipeline from MATLAB to R.", kind="resume").skill("r")
    assert extract_text("Moved from Python to R&D management.", kind="resume").skill("r") is None
