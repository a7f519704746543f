"""FRESH resumes (HackMyResume and FluentCV's format, ``"meta": {"format": "FRESH@…"}``) → the
JSON Resume models, and each JSON Resume pointer back to the FRESH file's own.

FRESH holds the facts JSON Resume holds under other names: ``employment.history`` for ``work``,
``skills.sets``/``skills.list`` for ``skills``, ``info.brief`` for ``basics.summary``,
``writing`` for ``publications``, ``recognition`` for ``awards``, ``service.history`` for
``volunteer``. ``from_fresh`` renames them, keeping only text values and ISO dates (a FRESH
file's loose values are skipped, not refused), and records where each value came from, so
evidence points into the file the user gave (``/employment/history/0/highlights/2``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .jsonresume_schema import CURRENT_WORDS, read_date


def looks_like_fresh(data: object) -> bool:
    """A JSON object that says it is FRESH (``meta.format``), or holds one of FRESH's own
    shapes (``employment.history``, ``skills.sets``/``skills.list``, ``info.brief``) and no
    JSON Resume ``basics``/``work``."""
    if not isinstance(data, dict):
        return False
    meta = data.get("meta")
    if isinstance(meta, dict) and str(meta.get("format", "")).upper().startswith("FRESH"):
        return True
    if "basics" in data or "work" in data:
        return False
    employment, skills, info = data.get("employment"), data.get("skills"), data.get("info")
    return ((isinstance(employment, dict) and isinstance(employment.get("history"), list))
            or (isinstance(skills, dict) and ("sets" in skills or "list" in skills))
            or (isinstance(info, dict) and isinstance(info.get("brief"), str)))


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _entries(value: object, name: str) -> list[tuple[str, dict[str, Any]]]:
    """A section's entries with their FRESH pointers: its ``history`` list
    (``/name/history/0``), or the list itself (``/name/0``)."""
    prefix = f"/{name}"
    if isinstance(value, dict):
        value, prefix = value.get("history"), f"/{name}/history"
    if not isinstance(value, list):
        return []
    return [(f"{prefix}/{index}", entry) for index, entry in enumerate(value)
            if isinstance(entry, dict)]


class _Converter:
    """Builds the JSON Resume dict and the pointer map (JSON Resume → FRESH) together."""

    def __init__(self) -> None:
        self.pointers: dict[str, str] = {}

    def put(self, target: dict[str, Any], key: str, value: object, pointer: str,
            fresh: str) -> None:
        text = _text(value)
        if text is not None:
            target[key] = text
            self.pointers[f"{pointer}/{key}"] = fresh

    def put_list(self, target: dict[str, Any], key: str, values: object, pointer: str,
                 fresh: str, first: str | None = None) -> None:
        """The text items of ``values``; ``first``: the pointer of item 0 when it came from
        elsewhere (the rest then are ``fresh``'s items 0, 1, …)."""
        items: list[str] = []
        for index, value in enumerate(values if isinstance(values, list) else []):
            text = _text(value)
            if text is not None:
                source = (first if index == 0 else f"{fresh}/{index - 1}") if first else \
                    f"{fresh}/{index}"
                self.pointers[f"{pointer}/{key}/{len(items)}"] = source
                items.append(text)
        if items:
            target[key] = items

    def fields(self, target: dict[str, Any], item: dict[str, Any], pointer: str, fresh: str,
               names: dict[str, str]) -> None:
        """Each of ``names``' JSON Resume keys from the FRESH key it maps to, when it is text."""
        for key, fresh_key in names.items():
            self.put(target, key, item.get(fresh_key), pointer, f"{fresh}/{fresh_key}")

    @staticmethod
    def date(target: dict[str, Any], key: str, value: object) -> None:
        """``key``: ``value`` as an ISO date, when it reads as one (no pointer: dates are not
        text the extractor reads)."""
        iso = read_date(value)
        if iso:
            target[key] = iso

    def line(self, target: dict[str, Any], key: str, values: object, pointer: str,
             fresh: str) -> None:
        """A list's text items as one line (``"PyTorch, Airflow"``) pointing at the list."""
        items = [text for value in (values if isinstance(values, list) else [])
                 if (text := _text(value)) is not None]
        if items:
            target[key] = ", ".join(items)
            self.pointers[f"{pointer}/{key}"] = fresh

    def dates(self, target: dict[str, Any], entry: dict[str, Any], start: str = "startDate",
              end: str = "endDate") -> None:
        """The entry's start and end as ISO dates; none at all when either is written in a way
        not read (so a job ended "Spring 2008" is undated, never current)."""
        first, last = entry.get("start"), entry.get("end")
        first_date, last_date = read_date(first), read_date(last)
        ended = last is not None and str(last).strip().lower() not in CURRENT_WORDS | {""}
        if first_date is None or (ended and last_date is None):
            return
        target[start] = first_date
        if last_date:
            target[end] = last_date


def _section(resume: dict[str, Any], name: str, entries: list[tuple[str, dict[str, Any]]],
             fill: Callable[[dict[str, Any], dict[str, Any], str, str], None]) -> None:
    """``resume[name]``: one entry per FRESH entry, each made by ``fill(entry, item, pointer,
    fresh_pointer)``; nothing when there are none."""
    converted: list[dict[str, Any]] = []
    for fresh, item in entries:
        entry: dict[str, Any] = {}
        fill(entry, item, f"/{name}/{len(converted)}", fresh)
        converted.append(entry)
    if converted:
        resume[name] = converted


def from_fresh(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The JSON Resume dict of a FRESH resume and the pointer map (JSON Resume → FRESH)."""
    c = _Converter()
    resume: dict[str, Any] = {}
    info = data.get("info") if isinstance(data.get("info"), dict) else {}
    contact = data.get("contact") if isinstance(data.get("contact"), dict) else {}
    location = data.get("location") if isinstance(data.get("location"), dict) else {}
    basics: dict[str, Any] = {}
    c.put(basics, "name", data.get("name"), "/basics", "/name")
    c.put(basics, "label", info.get("label"), "/basics", "/info/label")
    c.put(basics, "summary", info.get("brief"), "/basics", "/info/brief")
    c.put(basics, "email", contact.get("email"), "/basics", "/contact/email")
    c.put(basics, "phone", contact.get("phone"), "/basics", "/contact/phone")
    c.put(basics, "url", contact.get("website"), "/basics", "/contact/website")
    place: dict[str, Any] = {}
    for key, fresh_key in (("city", "city"), ("region", "region"), ("countryCode", "country")):
        c.put(place, key, location.get(fresh_key), "/basics/location", f"/location/{fresh_key}")
    if place:
        basics["location"] = place
    if basics:
        resume["basics"] = basics

    def job(entry: dict[str, Any], item: dict[str, Any], at: str, fresh: str) -> None:
        c.fields(entry, item, at, fresh, {"position": "position", "name": "employer",
                                          "summary": "summary"})
        c.put_list(entry, "highlights", item.get("highlights"), at, f"{fresh}/highlights")
        c.line(entry, "description", item.get("keywords"), at, f"{fresh}/keywords")
        c.dates(entry, item)

    def project(entry: dict[str, Any], item: dict[str, Any], at: str, fresh: str) -> None:
        name_key = "title" if _text(item.get("title")) else "name"
        c.put(entry, "name", item.get(name_key), at, f"{fresh}/{name_key}")
        c.put(entry, "description", item.get("summary"), at, f"{fresh}/summary")
        highlights = item.get("highlights") if isinstance(item.get("highlights"), list) else []
        if _text(item.get("description")):  # (beside a summary: its first highlight)
            c.put_list(entry, "highlights", [item["description"], *highlights], at,
                       f"{fresh}/highlights", first=f"{fresh}/description")
        else:
            c.put_list(entry, "highlights", highlights, at, f"{fresh}/highlights")
        c.put_list(entry, "keywords", item.get("keywords"), at, f"{fresh}/keywords")
        if _text(item.get("role")):
            entry["roles"] = [_text(item["role"])]
            c.pointers[f"{at}/roles/0"] = f"{fresh}/role"
        c.dates(entry, item)

    def school(entry: dict[str, Any], item: dict[str, Any], at: str, fresh: str) -> None:
        c.fields(entry, item, at, fresh, {"institution": "institution", "area": "area"})
        kind_key = "studyType" if _text(item.get("studyType")) else "title"
        c.put(entry, "studyType", item.get(kind_key), at, f"{fresh}/{kind_key}")
        lines = [(item["summary"], f"{fresh}/summary")] if _text(item.get("summary")) else []
        lines += [(value, f"{fresh}/{key}/{i}") for key in ("curriculum", "highlights",
                                                             "keywords")
                  if isinstance(item.get(key), list)
                  for i, value in enumerate(item[key]) if _text(value)]
        for index, (value, pointer) in enumerate(lines):
            entry.setdefault("courses", []).append(_text(value))
            c.pointers[f"{at}/courses/{index}"] = pointer
        c.dates(entry, item)

    _section(resume, "work", _entries(data.get("employment"), "employment"), job)
    _section(resume, "projects", [*_entries(data.get("projects"), "projects"),
                                  *_entries(data.get("samples"), "samples")], project)
    _section(resume, "education", _entries(data.get("education"), "education"), school)

    skills_data = data.get("skills")
    groups = []
    sets = skills_data.get("sets") if isinstance(skills_data, dict) else None
    for index, group in enumerate(sets if isinstance(sets, list) else []):
        if isinstance(group, dict):
            at, fresh = f"/skills/{len(groups)}", f"/skills/sets/{index}"
            entry = {}
            c.put(entry, "name", group.get("name"), at, f"{fresh}/name")
            c.put_list(entry, "keywords", group.get("skills"), at, f"{fresh}/skills")
            groups.append(entry)
    listed, list_at = ((skills_data.get("list"), "/skills/list")
                       if isinstance(skills_data, dict) else (skills_data, "/skills"))
    plain = []
    for index, item in enumerate(listed if isinstance(listed, list) else []):
        if isinstance(item, dict):
            at, fresh = f"/skills/{len(groups)}", f"{list_at}/{index}"
            entry = {}
            c.put(entry, "name", item.get("name"), at, f"{fresh}/name")
            c.put(entry, "level", item.get("level"), at, f"{fresh}/level")
            if _text(item.get("summary")):
                entry["keywords"] = [_text(item["summary"])]
                c.pointers[f"{at}/keywords/0"] = f"{fresh}/summary"
            groups.append(entry)
        elif _text(item):
            plain.append((item, f"{list_at}/{index}"))
    if plain:  # a list of names: one group of them
        at = f"/skills/{len(groups)}"
        groups.append({"keywords": [_text(value) for value, _ in plain]})
        for index, (_, pointer) in enumerate(plain):
            c.pointers[f"{at}/keywords/{index}"] = pointer
    if groups:
        resume["skills"] = groups

    def publication(entry: dict[str, Any], item: dict[str, Any], at: str, fresh: str) -> None:
        c.put(entry, "name", item.get("title"), at, f"{fresh}/title")
        publisher = item.get("publisher")
        if isinstance(publisher, dict):
            c.put(entry, "publisher", publisher.get("name"), at, f"{fresh}/publisher/name")
        elif _text(publisher):
            c.put(entry, "publisher", publisher, at, f"{fresh}/publisher")
        else:
            c.put(entry, "publisher", item.get("event"), at, f"{fresh}/event")
        c.put(entry, "summary", item.get("summary"), at, f"{fresh}/summary")
        c.date(entry, "releaseDate", item.get("date"))

    def award(entry: dict[str, Any], item: dict[str, Any], at: str, fresh: str) -> None:
        c.fields(entry, item, at, fresh, {"title": "title", "awarder": "from",
                                          "summary": "summary"})
        c.date(entry, "date", item.get("date"))

    def certificate(entry: dict[str, Any], item: dict[str, Any], at: str, fresh: str) -> None:
        name_key = "name" if _text(item.get("name")) else "title"
        c.fields(entry, item, at, fresh, {"name": name_key, "issuer": "issuer"})
        c.date(entry, "date", item.get("date"))

    def service(entry: dict[str, Any], item: dict[str, Any], at: str, fresh: str) -> None:
        c.fields(entry, item, at, fresh, {"position": "position",
                                          "organization": "organization", "summary": "summary"})
        c.put_list(entry, "highlights", item.get("highlights"), at, f"{fresh}/highlights")
        c.dates(entry, item)

    def language(entry: dict[str, Any], item: dict[str, Any], at: str, fresh: str) -> None:
        c.fields(entry, item, at, fresh, {"language": "language", "fluency": "level"})

    def interest(entry: dict[str, Any], item: dict[str, Any], at: str, fresh: str) -> None:
        c.put(entry, "name", item.get("name"), at, f"{fresh}/name")
        c.put_list(entry, "keywords", item.get("keywords"), at, f"{fresh}/keywords")

    _section(resume, "publications", [*_entries(data.get("writing"), "writing"),
                                      *_entries(data.get("speaking"), "speaking")], publication)
    _section(resume, "awards", _entries(data.get("recognition"), "recognition"), award)
    _section(resume, "certificates", _entries(data.get("certifications"), "certifications"),
             certificate)
    _section(resume, "volunteer", _entries(data.get("service"), "service"), service)
    _section(resume, "languages", _entries(data.get("languages"), "languages"), language)
    _section(resume, "interests", _entries(data.get("interests"), "interests"), interest)
    return resume, c.pointers
