"""Bounded per-process caches of validated stored objects, so a match is mostly scoring.

A stored resume is cached as its ``ResumeFacts`` (the validated extraction indexed for scoring:
skills, years, warnings), so a match only does the profile-dependent half of ``score``; the
report is computed afresh every time (reports themselves are never cached here).

Entries are keyed by (tenant, id, row version): the row version is the row's ``created_at``
(stored resumes and jobs are never updated, and ids are random and never reused). A cache is
only ever consulted after the database has confirmed, in the same request, that the row is still
live for that tenant, so a deleted or expired resume is never served from here; deletions and
purges also drop entries at once so deleted content does not linger in memory.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from ..models import Profile
from ..scoring import ResumeFacts

V = TypeVar("V")

DEFAULT_SIZE = 256


class LRUCache(Generic[V]):
    """A thread-safe LRU mapping of ``(tenant_id, row_id, version) -> value``."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[tuple[int, str, Hashable], V] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_or_load(
        self, tenant_id: int, row_id: str, version: Hashable, load: Callable[[], V]
    ) -> V:
        """The cached value for the key, else ``load()`` (outside the lock), stored and returned."""
        value = self.get(tenant_id, row_id, version)
        if value is not None:
            return value
        with self._lock:
            self.misses += 1
        value = load()
        if self.size > 0:
            key = (tenant_id, row_id, version)
            with self._lock:
                self._items[key] = value
                self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return value

    def get(self, tenant_id: int, row_id: str, version: Hashable) -> V | None:
        """The cached value for the key (counted as a hit), else None (not counted)."""
        key = (tenant_id, row_id, version)
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
                self.hits += 1
            return value

    def discard(self, tenant_id: int, row_id: str) -> None:
        """Drop every version of one row."""
        with self._lock:
            for key in [k for k in self._items if k[0] == tenant_id and k[1] == row_id]:
                del self._items[key]

    def discard_tenant(self, tenant_id: int) -> None:
        with self._lock:
            for key in [k for k in self._items if k[0] == tenant_id]:
                del self._items[key]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items


@dataclass
class StoredObjects:
    """Scoring facts of stored resumes and parsed profiles of stored jobs."""

    resumes: LRUCache[ResumeFacts] = field(default_factory=LRUCache)
    profiles: LRUCache[Profile] = field(default_factory=LRUCache)

    def resume_deleted(self, tenant_id: int, resume_id: str) -> None:
        self.resumes.discard(tenant_id, resume_id)

    def job_deleted(self, tenant_id: int, job_id: str) -> None:
        self.profiles.discard(tenant_id, job_id)

    def tenant_deleted(self, tenant_id: int) -> None:
        self.resumes.discard_tenant(tenant_id)
        self.profiles.discard_tenant(tenant_id)

    def resumes_purged(self) -> None:
        """After a retention purge: drop every resume (cheap to reload the live ones)."""
        self.resumes.clear()
