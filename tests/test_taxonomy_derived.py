"""Values compiled from a taxonomy (posting cues, role families) belong to that taxonomy object:
another taxonomy built in the same process, even one that reuses a freed object's ``id``, gets
its own, and the cache keeps no taxonomy alive."""

from __future__ import annotations

import gc
import weakref

from service.postings.cues import cue_patterns
from service.scoring.roles import role_families
from service.taxonomy import Cues, Taxonomy, Title, per_taxonomy


def taxonomy(*, required: list[str] = (), preferred: list[str] = (),
             titles: dict[str, str] | None = None) -> Taxonomy:
    return Taxonomy(
        version="test", skills={},
        cues=Cues(required=list(required), preferred=list(preferred)),
        titles=[Title(id=family, name=family.title(), forms=[form])
                for family, form in (titles or {}).items()],
    )


SENTENCE = "Fluency in Gleam is a must for this team."


def test_two_taxonomies_in_one_process_get_their_own_cue_patterns() -> None:
    strict = taxonomy(required=[r"\bis a must\b"])
    relaxed = taxonomy(preferred=[r"\bis a must\b"])
    assert cue_patterns(strict).importance(SENTENCE, None, None)[0] == "required"
    assert cue_patterns(relaxed).importance(SENTENCE, None, "preferred")[0] == "preferred"
    assert cue_patterns(strict).importance(SENTENCE, None, "preferred")[0] == "required"


def test_two_taxonomies_in_one_process_get_their_own_role_families() -> None:
    first = taxonomy(titles={"wranglers": "Widget Wrangler"})
    second = taxonomy(titles={"herders": "Widget Wrangler"})
    assert role_families(first).family_of("Senior Widget Wrangler") == "wranglers"
    assert role_families(second).family_of("Senior Widget Wrangler") == "herders"
    assert role_families(first).family_of("Senior Widget Wrangler") == "wranglers"


def test_a_taxonomy_built_after_another_is_freed_never_gets_its_patterns() -> None:
    # Freed objects' ids are reused by the next objects of the same size: a cache keyed by id
    # alone would hand taxonomy n the families of taxonomy n - 1.
    for n in range(40):
        tax = taxonomy(titles={f"family-{n}": f"Role{n} Lead"})
        assert role_families(tax).family_of(f"Role{n} Lead") == f"family-{n}"
        assert cue_patterns(tax).importance(SENTENCE, None, None) == ("required", 1.0)
        del tax
        gc.collect()


def test_the_cache_builds_once_per_object_and_keeps_none_alive() -> None:
    built: list[str] = []

    @per_taxonomy
    def versions(tax: Taxonomy) -> str:
        built.append(tax.version)
        return tax.version

    tax = taxonomy()
    assert versions(tax) == versions(tax) == "test"
    assert built == ["test"]
    other = tax.model_copy(update={"version": "copy"})
    assert versions(other) == "copy"
    alive = weakref.ref(tax)
    del tax, other
    gc.collect()
    assert alive() is None
