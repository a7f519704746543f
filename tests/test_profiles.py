"""Profiles as data: every YAML under taxonomy/profiles validates and names real skills."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from service.errors import TaxonomyError
from service.taxonomy import get_taxonomy, load_profile, profile_paths

ROOT = Path(__file__).resolve().parent.parent / "taxonomy"


@pytest.mark.parametrize("name", sorted(profile_paths()))
def test_profile_validates_against_the_taxonomy(name):
    profile = load_profile(name)
    skills = get_taxonomy().skills
    assert profile.name == name
    ids = [item.id for group in profile.groups for item in group.items]
    assert len(ids) == len(set(ids)), "item ids must be unique within a profile"
    for group in profile.groups:
        for item in group.items:
            assert set(item.any_of) <= set(skills)
            assert item.why and item.why.text, f"{item.id} needs a why"
            assert item.next_step, f"{item.id} needs a next_step"


def test_ml_engineer_follows_the_guide():
    profile = load_profile("ml-engineer")
    groups = {g.id: g for g in profile.groups}
    assert set(groups) == {"languages", "platforms", "algorithms", "statistics", "engineering",
                           "communication"}
    platform = next(i for i in groups["platforms"].items if i.id == "ml-platform")
    assert set(platform.any_of) == {"microsoft-azure", "google-cloud", "ibm-watson",
                                    "amazon-web-services"}
    assert platform.importance == "required"
    language = next(i for i in groups["languages"].items if i.id == "ml-language")
    assert {"python", "r", "scala", "java", "c-plus-plus"} <= set(language.any_of)
    approaches = {s for i in groups["algorithms"].items for s in i.any_of}
    assert {"supervised-learning", "unsupervised-learning", "reinforcement-learning",
            "deep-learning", "decision-trees", "naive-bayes", "linear-regression",
            "logistic-regression", "support-vector-machines", "ensemble-methods", "clustering",
            "principal-component-analysis", "singular-value-decomposition",
            "independent-component-analysis"} <= approaches
    edu = profile.education
    assert (edu.required_level, edu.preferred_level, edu.bonus_level) == ("bachelor", "master", "phd")
    assert profile.experience.min_years and profile.experience.min_years > 0
    assert profile.role.family == "machine-learning-engineer"
    salaries = {b.annual_usd for b in profile.salary_bands}
    assert {93000, 138000, 162000, 112806} == salaries


def test_unknown_skill_in_a_profile_names_file_entry_and_field(tmp_path):
    (tmp_path / "profiles").mkdir()
    (tmp_path / "skills").mkdir()
    (tmp_path / "skills" / "langs.yaml").write_text(
        "skills:\n  - {id: python, name: Python, category: language}\n", encoding="utf-8")
    data = {"name": "bad", "title": "Bad", "groups": [{"id": "g", "name": "G", "weight": 1,
            "items": [{"id": "x", "label": "X", "any_of": ["python", "cobol"]}]}]}
    (tmp_path / "profiles" / "bad.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"bad\.yaml: entry g\.x: field any_of: unknown skill 'cobol'"):
        load_profile("bad", tmp_path)


def test_profiles_name_role_families_by_id_and_unknown_ones_are_errors(tmp_path):
    (tmp_path / "profiles").mkdir()
    (tmp_path / "skills").mkdir()
    (tmp_path / "skills" / "langs.yaml").write_text(
        "skills:\n  - {id: python, name: Python, category: language}\n", encoding="utf-8")
    (tmp_path / "titles.yaml").write_text(
        "titles:\n  - {id: dev, name: Developer, forms: [Developer]}\n", encoding="utf-8")
    item = {"id": "x", "label": "X", "any_of": ["python"], "roles": ["dev"]}
    data = {"name": "p", "title": "P", "groups": [{"id": "g", "name": "G", "weight": 1, "items": [item]}]}
    (tmp_path / "profiles" / "p.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    assert load_profile("p", tmp_path).groups[0].items[0].roles == ["dev"]
    item["roles"] = ["developer"]  # a title, not a family id
    (tmp_path / "profiles" / "p.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"p\.yaml: entry g\.x: field roles: unknown role "
                                            r"family 'developer'"):
        load_profile("p", tmp_path)
    item["roles"], item["titles"] = ["dev"], ["Developer"]  # the old title list: an error
    (tmp_path / "profiles" / "p.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"p\.yaml: entry p: .*titles"):
        load_profile("p", tmp_path)


def test_a_posting_stored_with_title_lists_still_loads():
    from service.models import Profile

    stored = {"name": "job", "title": "Job", "kind": "job",
              "experience": {"min_years": 2, "relevant_titles": []},
              "groups": [{"id": "g", "name": "G", "weight": 1, "items": [
                  {"id": "x", "label": "X", "any_of": ["python"], "titles": ["developer"]}]}]}
    profile = Profile.model_validate(stored)
    assert profile.experience.min_years == 2 and profile.groups[0].items[0].roles == []


def test_adding_a_profile_is_a_yaml_file(tmp_path):
    (tmp_path / "profiles").mkdir()
    (tmp_path / "skills").mkdir()
    (tmp_path / "skills" / "langs.yaml").write_text(
        "skills:\n  - {id: python, name: Python, category: language}\n", encoding="utf-8")
    data = {"name": "pythonista", "title": "Pythonista", "groups": [{"id": "g", "name": "G",
            "weight": 1, "items": [{"id": "py", "label": "Python", "any_of": ["python"]}]}]}
    (tmp_path / "profiles" / "pythonista.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    assert load_profile("pythonista", tmp_path).groups[0].items[0].any_of == ["python"]
