"""A small deterministic analyzer for the batch runner tests (imported by spawned workers).

It scores plain text by which of five keywords it mentions and builds a real ``MatchReport``, so
the runner, journal and writers are exercised without the spaCy pipeline. Marker strings make a
worker misbehave on purpose: ``@@crash@@`` kills the process, ``@@hang@@`` never returns,
``@@slow@@`` takes 0.2 s, ``@@bug@@`` raises an unexpected exception.
"""

from __future__ import annotations

import os
import time

from service.batch.tasks import Analyzer, WorkConfig
from service.errors import Corrupt, TaxonomyError, UnsupportedFormat
from service.models import Evidence, Gap, GroupScore, ItemScore, MatchReport, Versions

KEYWORDS = {"python": "languages", "sql": "languages", "pytorch": "ml", "statistics": "ml",
            "docker": "ml"}
GROUPS = {"languages": "Programming languages", "ml": "Machine learning"}


def fake_report(text: str) -> MatchReport:
    lower = text.lower()
    found = [k for k in KEYWORDS if k in lower]
    per_item = 100 / len(KEYWORDS)
    breakdown = [GroupScore(id=gid, name=name, weight=per_item * sum(g == gid for g in KEYWORDS.values()),
                            earned=per_item * sum(KEYWORDS[k] == gid for k in found))
                 for gid, name in GROUPS.items()]
    matched = []
    for k in found:
        start = lower.index(k)
        line = text[text.rfind("\n", 0, start) + 1:].split("\n", 1)[0]
        matched.append(ItemScore(id=k, label=k.title(), importance="required", weight=1, credit=1,
                                 points=per_item, matched_skill=k, how="explicit",
                                 evidence=[Evidence(text=text[start:start + len(k)], start=start,
                                                    end=start + len(k), line=line,
                                                    section="Skills")]))
    gaps = [Gap(id=k, label=k.title(), importance="required", gain=per_item,
                next_step=f"Learn {k.title()}.") for k in KEYWORDS if k not in found]
    return MatchReport(score=round(per_item * len(found), 1), profile="toy", profile_kind="profile",
                       breakdown=breakdown, matched=matched, gaps=gaps,
                       missing_required=[g.label for g in gaps],
                       versions=Versions(skillmatch="test", taxonomy="test", profile="1"))


def keyword_analyzer(config: WorkConfig) -> Analyzer:
    def analyze(data: bytes, filename: str) -> str:
        if not filename.lower().endswith((".txt", ".md")):
            raise UnsupportedFormat()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Corrupt() from exc
        if "@@crash@@" in text:
            os._exit(3)
        if "@@hang@@" in text:
            time.sleep(3600)
        if "@@slow@@" in text:
            time.sleep(0.2)
        if "@@bug@@" in text:
            raise ValueError("a bug, not a document problem")
        return fake_report(text).model_dump_json()

    return analyze


def broken_taxonomy_analyzer(config: WorkConfig) -> Analyzer:
    raise TaxonomyError("skills.yaml: entry python: field name: required")
