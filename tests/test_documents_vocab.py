"""The documents layer's vocabulary: degree levels, fields and relevant titles come only from the
taxonomy's files; reading without a context uses the installed taxonomy's."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

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


def _alternation(forms):
    """``_pattern`` as first written: one case-insensitive alternation of the forms, longest
    first, with no look-ahead."""
    import re

    from service.documents.vocab import _written

    unique = sorted({f.strip() for f in forms if f.strip()}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(_written, unique)) + r")(?!\w)", re.IGNORECASE)


_TAXONOMY = taxonomy()
_FORM_LISTS = [
    *([entry.name, *entry.forms] for entry in (*_TAXONOMY.education.levels,
                                               *_TAXONOMY.education.fields)),
    [form for title in _TAXONOMY.titles if title.relevant for form in (title.name, *title.forms)],
    [form for entry in _TAXONOMY.not_jobs for form in entry.forms],
    # first characters that match each other case-insensitively: one group
    ["ıx", "Ix", "ix", "ſa", "Sa", "sa b", "\u212aelvin", "kelvin", "K", "MS", "Ms", "ms x", ".NET",
     "-x", "[x]", "^x"],
]
_FORMS = sorted({form for forms in _FORM_LISTS for form in forms})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(
    st.sampled_from(_FORMS),
    st.sampled_from([" ", "-", "_", "x", "'s", ", ", "\n", "é", "Ph", "MS", "ms", "BSc", "İ", "I",
                     "ı", "S", "ſ", "k", "\u212a"]),
    st.text(max_size=3)), max_size=10).map("".join).flatmap(
    lambda text: st.sampled_from([text, text.upper(), text.lower(), text.swapcase()])))
def test_the_grouped_forms_match_as_one_alternation(text):
    from service.documents.vocab import _pattern

    for forms in _FORM_LISTS:
        pattern, reference = _pattern(forms), _alternation(forms)
        assert ([(m.span(), m.groups()) for m in pattern.finditer(text)]
                == [(m.span(), m.groups()) for m in reference.finditer(text)])
