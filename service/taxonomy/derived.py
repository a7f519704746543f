"""Values computed from a taxonomy (compiled patterns, lookup tables), built once per taxonomy
object and dropped with it.

Keyed by the object itself, held weakly: a taxonomy loaded later never receives another one's
values (even when Python reuses the first one's ``id``), and the cache keeps no taxonomy alive.
``Taxonomy`` is a mutable pydantic model, hence unhashable, so ``weakref.WeakKeyDictionary``
cannot hold it; the entries are keyed by ``id`` and removed by the weak reference's callback.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

from .models import Taxonomy

T = TypeVar("T")


def per_taxonomy(build: Callable[[Taxonomy], T]) -> Callable[[Taxonomy], T]:
    """Decorate ``build(taxonomy)`` so it runs once per live taxonomy object."""
    built: dict[int, tuple[weakref.ref[Taxonomy], T]] = {}

    def forget(ref: weakref.ref[Taxonomy], key: int) -> None:
        entry = built.get(key)
        if entry is not None and entry[0] is ref:
            built.pop(key, None)

    @functools.wraps(build)
    def get(taxonomy: Taxonomy) -> T:
        key = id(taxonomy)
        entry = built.get(key)
        if entry is not None and entry[0]() is taxonomy:
            return entry[1]
        value = build(taxonomy)
        built[key] = (weakref.ref(taxonomy, functools.partial(forget, key=key)), value)
        return value

    return get
