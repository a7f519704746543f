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

from typing import Any

from .jsonresume_schema import ISO_DATE

# keys only FRESH has at the top (JSON Resume's are basics, work, ...)
_FRESH_KEYS = ("employment", "info", "contact", "recognition", "writing", "service")


def looks_like_fresh(data: object) -> bool:
    """A JSON object that says it is FRESH (``meta.format``), or has FRESH's own sections and
    no JSON Resume ``basics``/``work``."""
    if not isinstance(data, dict):
        return False
    meta = data.get("meta")
    if isinstance(meta, dict) and str(meta.get("format", "")).upper().startswith("FRESH"):
        return True
    if "basics" in data or "work" in data:
        return False
    skills = data.get("skills")
    return (any(key in data for key in _FRESH_KEYS)
            or (isinstance(skills, dict) and ("sets" in skills or "list" in skills)))


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _date(value: object) -> str | None:
    text = _text(value)
    return text.strip() if text and ISO_DATE.match(text.strip()) else None


def _entries(value: object) -> list[tuple[int, dict[str, Any]]]:
    """A section's entries with their indexes: its ``history`` list, or the list itself."""
    if isinstance(value, dict):
        value = value.get("history")
    if not isinstance(value, list):
        return []
    return [(index, entry) for index, entry in enumerate(value) if isinstance(entry, dict)]


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
                 fresh: str) -> None:
        items: list[str] = []
        for index, value in enumerate(values if isinstance(values, list) else []):
            text = _text(value)
            if text is not None:
                self.pointers[f"{pointer}/{key}/{len(items)}"] = f"{fresh}/{index}"
                items.append(text)
        if items:
            target[key] = items

    def dates(self, target: dict[str, Any], entry: dict[str, Any], start: str = "startDate",
              end: str = "endDate") -> None:
        for key, fresh_key in ((start, "start"), (end, "end")):
            value = _date(entry.get(fresh_key))
            if value:
                target[key] = value


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

    work = []
    for index, job in _entries(data.get("employment")):
        at, fresh = f"/work/{len(work)}", f"/employment/history/{index}"
        entry: dict[str, Any] = {}
        c.put(entry, "position", job.get("position"), at, f"{fresh}/position")
        c.put(entry, "name", job.get("employer"), at, f"{fresh}/employer")
        c.put(entry, "summary", job.get("summary"), at, f"{fresh}/summary")
        c.put_list(entry, "highlights", job.get("highlights"), at, f"{fresh}/highlights")
        keywords = [k for k in job.get("keywords") or [] if _text(k)] \
            if isinstance(job.get("keywords"), list) else []
        if keywords:  # (JSON Resume's work has no keywords: one line of them, as a description)
            entry["description"] = ", ".join(str(k) for k in keywords)
            c.pointers[f"{at}/description"] = f"{fresh}/keywords"
        c.dates(entry, job)
        work.append(entry)
    if work:
        resume["work"] = work

    projects = []
    for index, project in _entries(data.get("projects")):
        at, fresh = f"/projects/{len(projects)}", f"/projects/{index}"
        entry = {}
        name_key = "title" if _text(project.get("title")) else "name"
        c.put(entry, "name", project.get(name_key), at, f"{fresh}/{name_key}")
        text_key = "summary" if _text(project.get("summary")) else "description"
        c.put(entry, "description", project.get(text_key), at, f"{fresh}/{text_key}")
        c.put_list(entry, "highlights", project.get("highlights"), at, f"{fresh}/highlights")
        c.put_list(entry, "keywords", project.get("keywords"), at, f"{fresh}/keywords")
        if _text(project.get("role")):
            entry["roles"] = [project["role"]]
            c.pointers[f"{at}/roles/0"] = f"{fresh}/role"
        c.dates(entry, project)
        projects.append(entry)
    if projects:
        resume["projects"] = projects

    education = []
    for index, school in _entries(data.get("education")):
        at, fresh = f"/education/{len(education)}", f"/education/history/{index}"
        entry = {}
        for key in ("institution", "area", "studyType"):
            c.put(entry, key, school.get(key), at, f"{fresh}/{key}")
        c.put_list(entry, "courses", school.get("curriculum"), at, f"{fresh}/curriculum")
        c.dates(entry, school)
        education.append(entry)
    if education:
        resume["education"] = education

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
    listed = skills_data.get("list") if isinstance(skills_data, dict) else skills_data
    for index, item in enumerate(listed if isinstance(listed, list) else []):
        if isinstance(item, dict):
            at, fresh = f"/skills/{len(groups)}", f"/skills/list/{index}"
            entry = {}
            c.put(entry, "name", item.get("name"), at, f"{fresh}/name")
            c.put(entry, "level", item.get("level"), at, f"{fresh}/level")
            groups.append(entry)
    if groups:
        resume["skills"] = groups

    publications = []
    for index, item in _entries(data.get("writing")):
        at, fresh = f"/publications/{len(publications)}", f"/writing/{index}"
        entry = {}
        c.put(entry, "name", item.get("title"), at, f"{fresh}/title")
        publisher = item.get("publisher")
        if isinstance(publisher, dict):
            c.put(entry, "publisher", publisher.get("name"), at, f"{fresh}/publisher/name")
        else:
            c.put(entry, "publisher", publisher, at, f"{fresh}/publisher")
        c.put(entry, "summary", item.get("summary"), at, f"{fresh}/summary")
        if _date(item.get("date")):
            entry["releaseDate"] = _date(item.get("date"))
        publications.append(entry)
    if publications:
        resume["publications"] = publications

    awards = []
    for index, item in _entries(data.get("recognition")):
        at, fresh = f"/awards/{len(awards)}", f"/recognition/{index}"
        entry = {}
        c.put(entry, "title", item.get("title"), at, f"{fresh}/title")
        c.put(entry, "awarder", item.get("from"), at, f"{fresh}/from")
        c.put(entry, "summary", item.get("summary"), at, f"{fresh}/summary")
        if _date(item.get("date")):
            entry["date"] = _date(item.get("date"))
        awards.append(entry)
    if awards:
        resume["awards"] = awards

    certificates = []
    for index, item in _entries(data.get("certifications")):
        at, fresh = f"/certificates/{len(certificates)}", f"/certifications/{index}"
        entry = {}
        c.put(entry, "name", item.get("name") or item.get("title"), at,
              f"{fresh}/{'name' if _text(item.get('name')) else 'title'}")
        c.put(entry, "issuer", item.get("issuer"), at, f"{fresh}/issuer")
        if _date(item.get("date")):
            entry["date"] = _date(item.get("date"))
        certificates.append(entry)
    if certificates:
        resume["certificates"] = certificates

    volunteer = []
    for index, item in _entries(data.get("service")):
        at, fresh = f"/volunteer/{len(volunteer)}", f"/service/history/{index}"
        entry = {}
        c.put(entry, "position", item.get("position"), at, f"{fresh}/position")
        c.put(entry, "organization", item.get("organization"), at, f"{fresh}/organization")
        c.put(entry, "summary", item.get("summary"), at, f"{fresh}/summary")
        c.put_list(entry, "highlights", item.get("highlights"), at, f"{fresh}/highlights")
        c.dates(entry, item)
        volunteer.append(entry)
    if volunteer:
        resume["volunteer"] = volunteer

    languages = []
    for index, item in _entries(data.get("languages")):
        at, fresh = f"/languages/{len(languages)}", f"/languages/{index}"
        entry = {}
        c.put(entry, "language", item.get("language"), at, f"{fresh}/language")
        c.put(entry, "fluency", item.get("level"), at, f"{fresh}/level")
        languages.append(entry)
    if languages:
        resume["languages"] = languages

    interests = []
    for index, item in _entries(data.get("interests")):
        at, fresh = f"/interests/{len(interests)}", f"/interests/{index}"
        entry = {}
        c.put(entry, "name", item.get("name"), at, f"{fresh}/name")
        c.put_list(entry, "keywords", item.get("keywords"), at, f"{fresh}/keywords")
        interests.append(entry)
    if interests:
        resume["interests"] = interests
    return resume, c.pointers
