"""The documents layer's vocabulary: degree levels, fields and relevant titles come only from the
taxonomy's files; reading without a context uses the installed taxonomy's."""

from __future__ import annotations

import pickle

from service.documents.education import degree_level
from service.documents.vocab import BUILT_IN, Vocabulary, is_relevant_title
from service.taxonomy import Taxonomy
from tests.installed import taxonomy


def test_the_default_vocabulary_is_the_installed_taxonomys() -> None:
    installed = Vocabulary.from_taxonomy(taxonomy())
    assert (BUILT_IN.levels, BUILT_IN.fields, BUILT_IN.relevant) == \
        (installed.levels, installed.fields, installed.relevant)
    copy = pickle.loads(pickle.dumps(BUILT_IN))  # what a reader process receives
    assert copy.relevant.pattern == installed.relevant.pattern


def test_levels_fields_and_titles_follow_the_taxonomy_given() -> None:
    base = taxonomy()
    education = base.education.model_copy(deep=True)
    master = next(level for level in education.levels if level.id == "master")
    master.forms = [*master.forms, "Magister"]
    titles = [t.model_copy(update={"relevant": False}) for t in base.titles]
    other = Taxonomy(version="test", skills=base.skills, education=education, titles=titles)
    vocabulary = Vocabulary.from_taxonomy(other)
    assert degree_level("Magister in Informatics, 2012", vocabulary) == "master"
    assert degree_level("Magister in Informatics, 2012") is None  # not an installed form
    assert not is_relevant_title("Machine Learning Engineer", vocabulary)
    assert is_relevant_title("Machine Learning Engineer")
