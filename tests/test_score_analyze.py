"""``AnalysisContext.analyze`` and ``resolve_profile``: the facade every door calls."""

from __future__ import annotations

import pytest

from service.documents import document_from_text
from service.errors import InputError, NotFound
from tests.installed import context

RESUME = """Jane Doe
Summary
Machine learning engineer with six years of experience.
Skills
Python, PyTorch, scikit-learn, SQL, AWS
Experience
Machine Learning Engineer, Acme (2019 - 2024)
- Trained deep learning models in PyTorch and deployed them on AWS SageMaker.
Education
M.S. Computer Science, State University, 2018
"""
JOB = """Machine Learning Engineer
Requirements
- 3+ years of Python.
- Experience with PyTorch or TensorFlow.
Nice to have
- Kubernetes.
"""


def test_default_profile_is_ml_engineer():
    assert context().resolve_profile().name == "ml-engineer"
    extraction, report = context().analyze(document_from_text(RESUME))
    assert report.profile == "ml-engineer" and report.profile_kind == "profile"
    assert extraction.skill("pytorch") is not None
    assert report.score > 30


def test_job_text_scores_against_the_posting():
    _, report = context().analyze(document_from_text(RESUME), job_text=JOB)
    assert report.profile_kind == "job" and report.profile == "Machine Learning Engineer"
    assert report.score > 60


def test_parsed_job_is_reused_but_not_shared():
    first = context().resolve_profile(job_text=JOB)
    first.groups.clear()
    assert context().resolve_profile(job_text=JOB).groups


def test_profile_and_job_together_is_an_input_error():
    with pytest.raises(InputError, match="not both"):
        context().resolve_profile("ml-engineer", JOB)


def test_blank_job_is_an_input_error():
    with pytest.raises(InputError, match="empty"):
        context().resolve_profile(job_text="  \n ")


def test_unknown_profile_is_not_found():
    with pytest.raises(NotFound, match="astronaut"):
        context().analyze(document_from_text(RESUME), profile="astronaut")
