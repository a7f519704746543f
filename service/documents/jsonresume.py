"""JSON Resume (jsonresume.org, schema v1) → ``Document``.

The resume is validated with pydantic models (unknown keys allowed, as the schema allows), then
laid out as a text resume: contact lines, then Summary, Experience, Projects, Education, Skills,
Publications, ... each under its heading. Every value becomes a ``Block`` carrying its JSON
pointer (``/work/0/highlights/2``), so evidence says where a mention came from. Sections come
from the layout and positions from ``work[].startDate/endDate`` (``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``; no ``endDate`` means current), counted exactly as the same dates in a text resume.

Invalid JSON is ``Corrupt``; JSON that is not a resume (no JSON Resume section at the top) is
``UnsupportedFormat``; a resume whose values break the schema is ``Corrupt`` with the pointer.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterable
from datetime import date
from typing import Any

from pydantic import ValidationError

from ..errors import Corrupt, Empty, UnsupportedFormat
from ..models import Document, Evidence, Position
from ..models.document import SectionName
from .education import find_education
from .fresh import from_fresh, looks_like_fresh
from .jsonlayout import TextLayout, clean_value
from .jsonresume_schema import ISO_DATE, RESUME_KEYS, Basics, JsonResume, Work
from ..normalize import normalize
from .timeline import parse_range, total_years
from .vocab import BUILT_IN, Vocabulary, is_relevant_title

_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_JSON_START = re.compile(r"^\s*(?:\{\s*[\"}]|\[\s*[\[{\"\]])")
_JSON_ARRAY = re.compile(r"^\[\s*(?:-?\d|true\b|false\b|null\b)")


def looks_like_json(text: str) -> bool:
    """Whether ``text`` starts like a JSON object or array (``{"``, ``{}``, ``[{``, ``["``, ...),
    which a text resume never does; broken JSON then reads as ``Corrupt``, not as text."""
    if _JSON_START.match(text):
        return True
    stripped = text.strip()
    return _JSON_ARRAY.match(stripped) is not None and stripped.endswith("]")


def _load_json(text: str) -> Any:
    """The JSON value of ``text``; ``Corrupt`` (with line and column) when it is not JSON."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        detail = (f"{exc.msg} (line {exc.lineno}, column {exc.colno})"
                  if isinstance(exc, json.JSONDecodeError) else
                  "nested too deeply" if isinstance(exc, RecursionError) else
                  "a value that cannot be read")
        raise Corrupt(f"This file is not valid JSON: {detail}. Fix the JSON, or upload the "
                      "resume as PDF, DOCX or text.") from None


def _validated(data: Any, pointers: dict[str, str] | None = None) -> JsonResume:
    """``data`` as a ``JsonResume``; ``Corrupt`` naming the (FRESH file's, if ``pointers``)
    pointer of the first value that breaks the schema."""
    try:
        return JsonResume.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        pointer = "/" + "/".join(str(part) for part in first["loc"])
        if pointers:
            pointer = pointers.get(pointer, pointer)
        message = first["msg"].removeprefix("Value error, ")
        raise Corrupt(f"This JSON Resume is invalid at {pointer}: {message}.") from None


def parse_json_resume(text: str) -> JsonResume:
    """Parse and validate; ``Corrupt`` for broken JSON or values that break the schema,
    ``UnsupportedFormat`` for JSON that is no resume."""
    return _json_resume(_load_json(text))


def _json_resume(data: Any) -> JsonResume:
    """Parsed JSON as a validated ``JsonResume`` (``parse_json_resume`` after parsing)."""
    if not isinstance(data, dict) or not any(key in data for key in RESUME_KEYS):
        raise UnsupportedFormat("This JSON file is not a JSON Resume (jsonresume.org): it has "
                                "none of basics, work, education, skills, projects. Upload a "
                                "resume.json, PDF, DOCX, RTF, TXT or Markdown file.")
    return _validated(data)


def _month_year(value: str) -> str:
    """``2019-03-15`` → ``Mar 2019``; ``2019`` stays ``2019``."""
    match = ISO_DATE.match(value)
    assert match is not None
    year, month = match.group(1), match.group(2)
    return f"{_MONTH_NAMES[int(month) - 1]} {year}" if month else year


def _date_range(start: str | None, end: str | None) -> str | None:
    """``Mar 2019 - Present``, as a text resume writes it; None without a start date."""
    if start is None:
        return _month_year(end) if end else None
    return f"{_month_year(start)} - {_month_year(end) if end else 'Present'}"


def _header(layout: TextLayout, values: list[tuple[str | None, str]], dates: str | None) -> None:
    """An entry's first line: ``Title, Employer, Mar 2019 - Present``."""
    layout.line(values, tail=dates)


def _write_basics(layout: TextLayout, basics: Basics | None) -> None:
    if basics is None:
        return
    layout.line([(basics.name, "/basics/name")])
    layout.line([(basics.email, "/basics/email"), (basics.phone, "/basics/phone"),
                 (basics.url, "/basics/url")], " | ")
    if basics.location is not None:
        loc = basics.location
        layout.line([(loc.city, "/basics/location/city"), (loc.region, "/basics/location/region"),
                     (loc.countryCode, "/basics/location/countryCode")])
    if basics.label or basics.summary:
        layout.heading("summary", "Summary")
        layout.line([(basics.label, "/basics/label")])
        layout.line([(basics.summary, "/basics/summary")])


def _write_work(layout: TextLayout, work: list[Work]) -> list[tuple[int, int, Work]]:
    """The Experience section; ``(entry start, entry end, work)`` for each entry."""
    entries = []
    if work:
        layout.heading("experience", "Experience")
    for index, job in enumerate(work):
        start = layout.offset
        at = f"/work/{index}"
        _header(layout, [(job.position, f"{at}/position"), (job.name, f"{at}/name")],
                _date_range(job.startDate, job.endDate))
        layout.line([(job.description, f"{at}/description")])
        layout.line([(job.summary, f"{at}/summary")])
        layout.bullets(job.highlights, f"{at}/highlights")
        entries.append((start, layout.offset, job))
    return entries


def _write_rest(layout: TextLayout, resume: JsonResume) -> None:
    if resume.projects:
        layout.heading("projects", "Projects")
    for index, project in enumerate(resume.projects):
        at = f"/projects/{index}"
        _header(layout, [(project.name, f"{at}/name")],
                _date_range(project.startDate, project.endDate))
        layout.line([(role, f"{at}/roles/{i}") for i, role in enumerate(project.roles)])
        layout.line([(project.description, f"{at}/description")])
        layout.bullets(project.highlights, f"{at}/highlights")
        layout.line([(kw, f"{at}/keywords/{i}") for i, kw in enumerate(project.keywords)])
    if resume.education:
        layout.heading("education", "Education")
    for index, school in enumerate(resume.education):
        at = f"/education/{index}"
        _header(layout, [(school.studyType, f"{at}/studyType"), (school.area, f"{at}/area"),
                         (school.institution, f"{at}/institution")],
                _date_range(school.startDate, school.endDate))
        layout.line([(course, f"{at}/courses/{i}") for i, course in enumerate(school.courses)])
    if resume.skills:
        layout.heading("skills", "Skills")
    for index, group in enumerate(resume.skills):
        at = f"/skills/{index}"
        keywords = [(kw, f"{at}/keywords/{i}") for i, kw in enumerate(group.keywords)]
        if (group.name and clean_value(group.name)
                and any(kw and clean_value(kw) for kw, _ in keywords)):
            layout.value(group.name, f"{at}/name")
            layout.raw(": ")
            layout.line(keywords)
        else:
            layout.line([(group.name, f"{at}/name"), *keywords])
    _write_dated(layout, "publications", "Publications", [
        ([(p.name, f"/publications/{i}/name"), (p.publisher, f"/publications/{i}/publisher")],
         p.releaseDate, [(p.summary, f"/publications/{i}/summary")])
        for i, p in enumerate(resume.publications)])
    _write_dated(layout, "certifications", "Certifications", [
        ([(c.name, f"/certificates/{i}/name"), (c.issuer, f"/certificates/{i}/issuer")],
         c.date, []) for i, c in enumerate(resume.certificates)])
    _write_dated(layout, "awards", "Awards", [
        ([(a.title, f"/awards/{i}/title"), (a.awarder, f"/awards/{i}/awarder")],
         a.date, [(a.summary, f"/awards/{i}/summary")]) for i, a in enumerate(resume.awards)])
    if resume.volunteer:
        layout.heading("other", "Volunteering")
    for index, item in enumerate(resume.volunteer):
        at = f"/volunteer/{index}"
        _header(layout, [(item.position, f"{at}/position"),
                         (item.organization, f"{at}/organization")],
                _date_range(item.startDate, item.endDate))
        layout.line([(item.summary, f"{at}/summary")])
        layout.bullets(item.highlights, f"{at}/highlights")
    if resume.languages:
        layout.heading("languages", "Languages")
    for index, lang in enumerate(resume.languages):
        layout.line([(lang.language, f"/languages/{index}/language"),
                     (lang.fluency, f"/languages/{index}/fluency")], " - ")
    if resume.interests:
        layout.heading("interests", "Interests")
    for index, interest in enumerate(resume.interests):
        at = f"/interests/{index}"
        layout.line([(interest.name, f"{at}/name"),
                     *[(kw, f"{at}/keywords/{i}") for i, kw in enumerate(interest.keywords)]])


def _write_dated(layout: TextLayout, name: SectionName, heading: str,
                 entries: list[tuple[list[tuple[str | None, str]], str | None,
                                     list[tuple[str | None, str]]]]) -> None:
    if entries:
        layout.heading(name, heading)
    for header, when, body in entries:
        _header(layout, header, _month_year(when) if when else None)
        layout.line(body)


def _position(job: Work, start: int, end: int, today: date,
              vocabulary: Vocabulary) -> Position | None:
    """A position from the entry's dates, counted as ``find_positions`` counts the same range."""
    written = _date_range(job.startDate, job.endDate)
    span = parse_range(written, today) if written and job.startDate else None
    if span is None:
        return None
    end_date = date(span.end_written[0], span.end_written[1], 1) if span.end_written else None
    title = clean_value(job.position) if job.position else None
    return Position(
        title=title or None, employer=clean_value(job.name) if job.name else None,
        start=date(span.start // 12, span.start % 12 + 1, 1), end=end_date, current=span.current,
        years=round((span.end - span.start) / 12, 2), text_start=start, text_end=end,
        relevant=bool(title and is_relevant_title(title, vocabulary)),
    )


def document_from_json_resume(resume: JsonResume, today: date | None = None,
                              vocabulary: Vocabulary = BUILT_IN) -> Document:
    """The resume laid out as text, with sections, positions, education and total years."""
    today = today or date.today()
    layout = TextLayout()
    _write_basics(layout, resume.basics)
    entries = _write_work(layout, resume.work)
    _write_rest(layout, resume)
    text = layout.text.rstrip("\n")
    if not text.strip():
        raise Empty("This JSON Resume has no text to read (no work, education, skills, ...).")
    doc = Document(text=text, source_format="jsonresume", pages=1, blocks=layout.blocks,
                   sections=layout.section_list(text))
    positions = [_position(job, start, min(end, len(text)), today, vocabulary)
                 for start, end, job in entries]
    doc.positions = [p for p in positions if p is not None]
    doc.education = find_education(text, doc.sections, today=today, vocabulary=vocabulary)
    doc.total_years = total_years(doc.positions, doc.sections, doc.section_at)
    return doc


def read_json_resume(text: str, today: date | None = None,
                     vocabulary: Vocabulary = BUILT_IN) -> Document:
    """``parse_json_resume`` then ``document_from_json_resume``; a FRESH resume (``fresh``) is
    laid out the same way, its evidence pointing into the FRESH file."""
    data = _load_json(text)
    if not looks_like_fresh(data):
        return document_from_json_resume(_json_resume(data), today, vocabulary)
    resume, pointers = from_fresh(data)
    try:
        doc = document_from_json_resume(_validated(resume, pointers), today, vocabulary)
    except Empty:
        raise Empty("This FRESH resume has no text to read (no employment, education, "
                    "skills, ...).") from None
    doc.source_format = "fresh"
    doc.blocks = [block.model_copy(update={"pointer": pointers.get(block.pointer,
                                                                     block.pointer)})
                  if block.pointer else block for block in doc.blocks]
    return doc


def _key(text: str) -> str:
    return " ".join(normalize(text).casefold().split())


def own_pointer(evidence: Evidence, document: Document, forms: Iterable[str]) -> Evidence:
    """``evidence`` for one of the skills a compound mention names ("Python, R" over two
    keywords): a copy pointing at the value inside the mention that is one of the skill's
    ``forms``, or ``evidence`` itself when none is."""
    wanted = {_key(form) for form in forms}
    blocks = document.blocks
    index = max(0, bisect_right(blocks, evidence.start, key=lambda block: block.start) - 1)
    for block in blocks[index:]:
        if block.start >= evidence.end:
            break
        if (block.end > evidence.start and block.pointer is not None
                and _key(document.text[block.start:block.end]) in wanted):
            if block.pointer == evidence.pointer:
                return evidence
            return evidence.model_copy(update={"pointer": block.pointer})
    return evidence
