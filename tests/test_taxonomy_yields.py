"""``context.yields_to``: an ambiguous name inside a match of another skill's patterns is that
skill's, not its own, even where its own context would confirm it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from service.extract import extract_text, get_pipeline

SKILLS = r"""
skills:
  - id: lantern-library
    name: Lantern library
    category: ml-library
    # the library among its sibling libraries: "Lantern, Wick and Flint"
    patterns: ['\bLantern\s*(?:,|and)\s*(?:Wick|Flint)\b']
  - id: lantern
    name: lantern
    category: algorithm
    ambiguous: true
    context:
      confirm: ['(?i)\bneural\b']
      {yields}
"""


def pipeline_for(tmp_path: Path, yields: str):
    (tmp_path / "skills").mkdir()
    (tmp_path / "skills" / "a.yaml").write_text(
        textwrap.dedent(SKILLS).replace("{yields}", yields), encoding="utf-8")
    return get_pipeline(tmp_path)


def claimed(text: str, pipeline) -> set[str]:
    return {s.id for s in extract_text(text, pipeline=pipeline).skills if s.explicit}


@pytest.mark.parametrize(("yields", "expected"), [
    ("yields_to: [lantern-library]", {"lantern-library"}),
    # without it the confirmed name counts twice: as the library and as the architecture
    ("", {"lantern-library", "lantern"}),
])
def test_a_name_inside_another_skills_pattern_yields_to_it(tmp_path, yields, expected):
    pipeline = pipeline_for(tmp_path, yields)
    assert claimed("Neural search with Lantern, Wick and Flint.", pipeline) == expected


def test_a_yielding_name_outside_the_other_pattern_still_counts(tmp_path):
    pipeline = pipeline_for(tmp_path, "yields_to: [lantern-library]")
    assert claimed("Trained neural lantern models for search.", pipeline) == {"lantern"}


def test_a_rules_rejecting_patterns_follow_a_copy_and_stay_fixed(tmp_path):
    rule = pipeline_for(tmp_path, "yields_to: [lantern-library]").taxonomy.get("lantern").context
    assert rule.rejecting == (r"\bLantern\s*(?:,|and)\s*(?:Wick|Flint)\b",)
    copy = rule.model_copy(update={"reject": ["(?i)lantern festival"]})
    assert copy.rejecting == ("(?i)lantern festival", r"\bLantern\s*(?:,|and)\s*(?:Wick|Flint)\b")
    with pytest.raises(ValueError):  # frozen: a cached answer cannot go stale
        rule.reject = []
