"""JSON Resume (jsonresume.org, schema v1) → ``Document``, and every other file that starts
like JSON.

The resume is validated with pydantic models (unknown keys allowed, as the schema allows), then
laid out as a text resume: contact lines, then Summary, Experience, Projects, Education, Skills,
Publications, ... each under its heading, then the text of top-level keys the schema does not
know (a builder's own ``sections``; ``jsonvalues``). Every value becomes a ``Block`` carrying its
JSON pointer (``/work/0/highlights/2``), so evidence says where a mention came from. Sections come
from the layout and positions from ``work[].startDate/endDate`` (``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``, or written "Apr 2021", "04/2021", "2021/04"; no ``endDate``, or "Present",
means current), counted exactly as the same dates in a text resume.

Nothing readable is refused: a value that breaks the schema is left out with a warning naming
its pointer; JSON that is not a resume but holds prose is read by ``jsonvalues`` (too little
prose, a package.json say, is ``UnsupportedFormat``); text that cannot be read as JSON is read
as plain text when it holds prose, with a warning naming where the JSON broke (a settings file
with comments, holding none, is ``UnsupportedFormat``)."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from ..errors import Corrupt, Empty, UnsupportedFormat
from ..models import Document, Evidence, Position
from ..models.document import SectionName
from .education import find_education
from .fresh import from_fresh, looks_like_fresh
from .jsonlayout import TextLayout, clean_value, pointer_token
from ..normalize import normalize
from .jsonresume_schema import (CURRENT_WORDS, ISO_DATE, RESUME_KEYS, Basics, JsonResume, Work,
                                Entry, read_date)
from .jsonvalues import (document_from_json_values, experience_positions, holds_prose,
                         holds_text, write_entry_values, write_values)
from .text import document_from_text
from .timeline import parse_range, total_years
from .vocab import BUILT_IN, Vocabulary, is_relevant_title

_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# (not a TOML file's array-of-tables header: "[[experience]]")
_JSON_START = re.compile(
    r"^\s*(?:\{\s*(?:[\"}]|//|/\*)|\[\s*(?:\[(?!\s*(?!(?:true|false|null)\b)[A-Za-z_])|[{\"\]]))")
# a string in JSON text (the text of one that is cut off, too); a key when a colon follows
_STRING = re.compile(r'"((?:[^"\\\n]|\\.){0,10000})(?:"(\s*:)?|$)', re.MULTILINE)
_JSON_ARRAY = re.compile(r"^\[\s*(?:-?\d|true\b|false\b|null\b)")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # (json.loads joins the pairs)
_DATE_KEYS = ("startDate", "endDate", "date", "releaseDate")
_PASSES = 5  # rounds of validation, each leaving out the values the last one refused
_WARNINGS_AT_MOST = 20  # values left out named one by one; the rest are counted in one line
_OBJECT_ERRORS = {"model_type", "model_attributes_type", "dict_type"}
_REASONS = {"string_type": "not a string", "list_type": "not a list",
            "model_type": "not an object", "model_attributes_type": "not an object",
            "dict_type": "not an object"}


def looks_like_json(text: str) -> bool:
    """Whether ``text`` starts like a JSON object or array (``{"``, ``{}``, ``[{``, ``["``, ...,
    or ``{`` and a comment, as a VS Code settings file does), which a text resume never does
    (JSON that cannot be read is then read as text when it holds prose, with a warning)."""
    if _JSON_START.match(text):
        return True
    stripped = text.strip()
    return _JSON_ARRAY.match(stripped) is not None and stripped.endswith("]")


def _loads(text: str) -> Any:
    """``json.loads``; when the text escapes a UTF-16 surrogate (``"\\ud800"``), each lone one
    in a key is read as U+FFFD, as the text path reads it, so no pointer, heading or warning
    made from a key holds a character that cannot be encoded (values are normalised, which
    drops a lone one, before they are written)."""
    if _SURROGATE_ESCAPE.search(text) is None:
        return json.loads(text)
    return json.loads(text, object_pairs_hook=lambda pairs: {
        _LONE_SURROGATE.sub("\ufffd", key): value for key, value in pairs})


def _where(exc: ValueError | RecursionError) -> str:
    """Where ``json.loads`` stopped: ``line 3, column 1``, or why (valid JSON too deep for the
    parser, or an integer longer than Python reads)."""
    if isinstance(exc, json.JSONDecodeError):
        return f"line {exc.lineno}, column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return "a number too long to read" if "digits" in str(exc) else "a value it cannot read"


def _read_unreadable(text: str, exc: ValueError | RecursionError, today: date | None,
                     vocabulary: Vocabulary, warnings: list[str]) -> Document:
    """Text that starts like JSON but cannot be read as JSON, read as plain text when its
    strings hold prose (``holds_prose``, as for other JSON: a broken resume export);
    ``UnsupportedFormat`` when they do not (a settings file with comments, a tsconfig with
    trailing commas)."""
    where = _where(exc)
    values = [match.group(1) for match in _STRING.finditer(text) if not match.group(2)]
    if not holds_prose(values):
        at = f"it breaks at {where}" if where.startswith("line") else where
        raise UnsupportedFormat(
            f"This file is neither a resume nor readable JSON ({at}), and holds too little "
            "text to read as plain text. Upload a resume.json, PDF, DOCX, RTF, TXT or "
            "Markdown file.")
    return document_from_text(text, today=today, vocabulary=vocabulary, warnings=[
        *warnings, f"Could not be read as JSON ({where}): read as plain text."])


def _shaped(key: str, value: Any) -> bool:
    """Whether a top-level value has its JSON Resume section's shape: ``basics`` an object,
    the others lists holding an object (other items are left out, each with a warning, so
    the objects keep their index)."""
    if key == "basics":
        return isinstance(value, dict)
    return isinstance(value, list) and any(isinstance(item, dict) for item in value)


def is_json_resume(data: Any) -> bool:
    """Whether parsed JSON is a JSON Resume (or like one): an object holding one of its
    sections at the top, shaped as the schema's and holding text (``references`` alone, or
    empty sections, say nothing: a tsconfig.json has ``references`` too)."""
    return isinstance(data, dict) and any(
        key in data and _shaped(key, data[key]) and holds_text(data[key])
        for key in RESUME_KEYS if key != "references")


def misshapen_sections(data: dict[str, Any]) -> list[str]:
    """The schema's sections in ``data`` that hold text but not in the schema's shape (a
    profile's ``"skills": ["Go", "Redis"]``, no object in the list): read as plain values
    instead (``jsonvalues``)."""
    return [key for key in data if key in RESUME_KEYS and key != "references"
            and not _shaped(key, data[key]) and holds_text(data[key])]


def _read_written_dates(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with the dates of section entries written "Apr 2021", "04/2021", "2021/04" as
    ISO dates (``read_date``, as FRESH's are read), an end date written "Present" left out
    (no end: current) and the start date of an entry whose end date cannot be read left out
    too; ``data`` itself is not changed."""
    read = dict(data)
    for key in RESUME_KEYS:
        entries = data.get(key)
        if not isinstance(entries, list):
            continue
        read[key] = [_entry_dates(entry) if isinstance(entry, dict) else entry
                     for entry in entries]
    return read


def _entry_dates(entry: dict[str, Any]) -> dict[str, Any]:
    """The entry's dates read; an ``endDate`` that cannot be read takes the ``startDate`` with
    it (the entry is undated, never current, as FRESH's are), and is left for validation to
    leave out with its warning."""
    read = dict(entry)
    for key in _DATE_KEYS:
        value = entry.get(key)
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            continue
        if key == "endDate" and str(value).strip().lower() in CURRENT_WORDS:
            del read[key]
        elif (iso := read_date(value)) is not None:
            read[key] = iso
    end = read.get("endDate")
    if (end is not None and not (isinstance(end, str) and not end.strip())
            and read_date(end) is None):
        read.pop("startDate", None)
    return read


_LEAF = object()  # (a location's own node in ``_leave_out``'s tree: its error's index)


def _leave_out(data: dict[str, Any], errors: list[ErrorDetails]) -> tuple[dict[str, Any],
                                                                          list[int]]:
    """A copy of ``data`` without the values at the errors' locations, made in one pass (only
    the containers on a location's path are copied): a key is removed, a list item replaced by
    a placeholder (``{}`` for an object, ``""`` otherwise), so later items keep their index and
    their pointers. Also the indices of the errors whose value was left out, in order: not one
    under a value already left out, nor one whose location is not in ``data``."""
    tree: dict[Any, Any] = {}
    for index, error in enumerate(errors):
        if error["loc"]:
            node = tree
            for part in error["loc"]:
                node = node.setdefault(part, {})
            node.setdefault(_LEAF, index)
    left_out: list[int] = []

    def copy(value: list[Any] | dict[str, Any], node: dict[Any, Any]) -> Any:
        result: Any = list(value) if isinstance(value, list) else dict(value)
        for part, child in node.items():
            if part is _LEAF:
                continue
            try:
                item = value[part]  # type: ignore[index]
            except (KeyError, IndexError, TypeError):
                continue
            if _LEAF in child:
                index = child[_LEAF]
                if isinstance(result, list):
                    result[part] = {} if errors[index]["type"] in _OBJECT_ERRORS else ""
                else:
                    del result[part]
                left_out.append(index)
            elif isinstance(item, (list, dict)):
                result[part] = copy(item, child)
        return result

    left = copy(data, tree)
    return left, sorted(left_out)


def _reason(error: ErrorDetails) -> str:
    """Why a value breaks the schema, in a few words ("not a string")."""
    return _REASONS.get(error["type"], error["msg"].removeprefix("Value error, "))


def lenient_resume(data: dict[str, Any], pointers: dict[str, str] | None = None,
                   ) -> tuple[JsonResume, list[str]]:
    """``data`` as a ``JsonResume``, each value that breaks the schema left out (at most
    ``_PASSES`` rounds of validation), and a warning for each naming its pointer (the FRESH
    file's, through ``pointers``) and why: ``Left out /basics/url: not a string.``; past
    ``_WARNINGS_AT_MOST`` of them, one line counting the rest."""
    warnings: list[str] = []
    count = 0
    for _ in range(_PASSES):
        try:
            resume = JsonResume.model_validate(data)
        except ValidationError as exc:
            errors = exc.errors()
        else:
            if count > _WARNINGS_AT_MOST:
                warnings.append(f"… and {count - _WARNINGS_AT_MOST} more values left out.")
            return resume, warnings
        data, left_out = _leave_out(data, errors)
        if not left_out:
            break
        for index in left_out[:max(0, _WARNINGS_AT_MOST - count)]:
            pointer = "/" + "/".join(pointer_token(part) for part in errors[index]["loc"])
            pointer = (pointers or {}).get(pointer, pointer)
            warnings.append(f"Left out {pointer}: {_reason(errors[index])}.")
        count += len(left_out)
    # A safety net no known input reaches: every error pydantic reports for an object of JSON
    # values has a location in it, and what replaces a value there validates.
    raise Corrupt("This JSON Resume breaks its schema in too many places to read. Fix the "
                  "JSON, or upload the resume as PDF, DOCX or text.")


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


# keys other builders use for the schema's own fields ("company" for a job's "name", "school"
# for "institution"), and for an entry's dates as one range ("date": "Sep 2017 - Jun 2021")
_EMPLOYER_KEYS = ("company", "employer", "organization", "organisation")
_TITLE_KEYS = ("title", "role", "jobTitle")
_SCHOOL_KEYS = ("school", "university", "college")
_DEGREE_KEYS = ("degree",)
_MAJOR_KEYS = ("major", "fieldOfStudy", "field")
_RANGE_KEYS = ("date", "dates", "period", "duration")


def _extra(entry: Entry, keys: tuple[str, ...], at: str) -> tuple[str | None, str]:
    """The string of the first of ``keys`` (which the schema does not know) that the entry
    holds one under, and its pointer; ``None`` and no pointer when none."""
    extra = entry.model_extra or {}
    for key in keys:
        value = extra.get(key)
        if isinstance(value, str) and value.strip():
            return value, f"{at}/{pointer_token(key)}"
    return None, ""


def _own_or_extra(value: str | None, pointer: str, entry: Entry, keys: tuple[str, ...],
                  at: str) -> tuple[str | None, str]:
    """The schema's value and pointer, else ``_extra``'s."""
    return (value, pointer) if value else _extra(entry, keys, at)


def _written_range(entry: Entry, start: str | None, end: str | None,
                   at: str) -> tuple[str | None, str]:
    """The entry's dates as a text resume writes them (``_date_range``), else a range written
    under a key of its own (``"date": "Aug 2025 - Present"``) as written, and its pointer."""
    if start is not None or end is not None:
        return _date_range(start, end), ""
    written, pointer = _extra(entry, _RANGE_KEYS, at)
    return (clean_value(written) if written else None), pointer


def _write_extras(layout: TextLayout, entry: Entry, at: str, *used: str,
                  written: Sequence[str | None] = ()) -> None:
    """The values under the entry's keys the schema does not know (a builder's ``"bullets"``,
    ``"tech"``, ``"school"``) as its last lines, except those at the pointers ``used`` in its
    header, and a string its header has ``written`` already (a builder's ``"company"`` beside
    the schema's ``"name"``): nothing else is left out."""
    said = {value.strip().casefold() for value in written if value}
    extra = {key: value for key, value in (entry.model_extra or {}).items()
             if f"{at}/{pointer_token(key)}" not in used
             and not (isinstance(value, str) and value.strip().casefold() in said)}
    if extra:
        layout.warnings.update(write_entry_values(layout, extra, at))


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


def _write_work(layout: TextLayout, work: list[Work],
                ) -> list[tuple[int, int, str | None, str | None, str | None]]:
    """The Experience section; for each entry its start and end, and the title, employer and
    dates its header shows."""
    entries = []
    if work:
        layout.heading("experience", "Experience")
    for index, job in enumerate(work):
        start = layout.offset
        at = f"/work/{index}"
        position = _own_or_extra(job.position, f"{at}/position", job, _TITLE_KEYS, at)
        name = _own_or_extra(job.name, f"{at}/name", job, _EMPLOYER_KEYS, at)
        dates, range_at = _written_range(job, job.startDate, job.endDate, at)
        _header(layout, [position, name], dates)
        layout.line([(job.description, f"{at}/description")])
        layout.line([(job.summary, f"{at}/summary")])
        layout.bullets(job.highlights, f"{at}/highlights")
        _write_extras(layout, job, at, position[1], name[1], range_at,
                      written=(position[0], name[0]))
        # (no position from an end date alone)
        dated = dates if job.startDate is not None or range_at else None
        entries.append((start, layout.offset, position[0], name[0], dated))
    return entries


def _write_rest(layout: TextLayout, resume: JsonResume) -> None:
    if resume.projects:
        layout.heading("projects", "Projects")
    for index, project in enumerate(resume.projects):
        at = f"/projects/{index}"
        dates, range_at = _written_range(project, project.startDate, project.endDate, at)
        _header(layout, [(project.name, f"{at}/name")], dates)
        layout.line([(role, f"{at}/roles/{i}") for i, role in enumerate(project.roles)])
        layout.line([(project.description, f"{at}/description")])
        layout.bullets(project.highlights, f"{at}/highlights")
        layout.line([(kw, f"{at}/keywords/{i}") for i, kw in enumerate(project.keywords)])
        _write_extras(layout, project, at, range_at)
    if resume.education:
        layout.heading("education", "Education")
    for index, school in enumerate(resume.education):
        at = f"/education/{index}"
        study = _own_or_extra(school.studyType, f"{at}/studyType", school, _DEGREE_KEYS, at)
        area = _own_or_extra(school.area, f"{at}/area", school, _MAJOR_KEYS, at)
        institution = _own_or_extra(school.institution, f"{at}/institution", school,
                                    _SCHOOL_KEYS, at)
        dates, range_at = _written_range(school, school.startDate, school.endDate, at)
        _header(layout, [study, area, institution], dates)
        layout.line([(course, f"{at}/courses/{i}") for i, course in enumerate(school.courses)])
        _write_extras(layout, school, at, study[1], area[1], institution[1], range_at,
                      written=(study[0], area[0], institution[0]))
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
        _write_extras(layout, group, at)
    _write_dated(layout, "publications", "Publications", [
        ([(p.name, f"/publications/{i}/name"), (p.publisher, f"/publications/{i}/publisher")],
         p.releaseDate, [(p.summary, f"/publications/{i}/summary")], p, f"/publications/{i}")
        for i, p in enumerate(resume.publications)])
    _write_dated(layout, "certifications", "Certifications", [
        ([(c.name, f"/certificates/{i}/name"), (c.issuer, f"/certificates/{i}/issuer")],
         c.date, [], c, f"/certificates/{i}") for i, c in enumerate(resume.certificates)])
    _write_dated(layout, "awards", "Awards", [
        ([(a.title, f"/awards/{i}/title"), (a.awarder, f"/awards/{i}/awarder")],
         a.date, [(a.summary, f"/awards/{i}/summary")], a, f"/awards/{i}")
        for i, a in enumerate(resume.awards)])
    if resume.volunteer:
        layout.heading("other", "Volunteering")
    for index, item in enumerate(resume.volunteer):
        at = f"/volunteer/{index}"
        _header(layout, [(item.position, f"{at}/position"),
                         (item.organization, f"{at}/organization")],
                _date_range(item.startDate, item.endDate))
        layout.line([(item.summary, f"{at}/summary")])
        layout.bullets(item.highlights, f"{at}/highlights")
        _write_extras(layout, item, at)
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
        _write_extras(layout, interest, at)


def _write_dated(layout: TextLayout, name: SectionName, heading: str,
                 entries: list[tuple[list[tuple[str | None, str]], str | None,
                                     list[tuple[str | None, str]], Entry, str]]) -> None:
    if entries:
        layout.heading(name, heading)
    for header, when, body, entry, at in entries:
        _header(layout, header, _month_year(when) if when else None)
        layout.line(body)
        _write_extras(layout, entry, at)


def _position(start: int, end: int, title: str | None, employer: str | None,
              written: str | None, today: date, vocabulary: Vocabulary) -> Position | None:
    """A position from the dates an entry's header shows, counted as ``find_positions`` counts
    the same range."""
    span = parse_range(written, today) if written else None
    if span is None:
        return None
    end_date = date(span.end_written[0], span.end_written[1], 1) if span.end_written else None
    title = clean_value(title) if title else None
    return Position(
        title=title or None, employer=clean_value(employer) if employer else None,
        start=date(span.start // 12, span.start % 12 + 1, 1), end=end_date, current=span.current,
        years=round((span.end - span.start) / 12, 2), text_start=start, text_end=end,
        relevant=bool(title and is_relevant_title(title, vocabulary)),
    )


def document_from_json_resume(resume: JsonResume, today: date | None = None,
                              vocabulary: Vocabulary = BUILT_IN,
                              plain: dict[str, Any] | None = None) -> Document:
    """The resume laid out as text, with sections, positions (from the work entries' dates;
    without work entries, as in a text resume, from the dates of its experience lines: a
    builder's own ``"experience"`` key), education and total years; then ``plain``, top-level
    values laid out by ``jsonvalues`` (default: the keys the schema does not have)."""
    today = today or date.today()
    layout = TextLayout()
    _write_basics(layout, resume.basics)
    entries = _write_work(layout, resume.work)
    _write_rest(layout, resume)
    if plain is None:
        plain = {key: value for key, value in (resume.model_extra or {}).items()
                 if key not in RESUME_KEYS}
    warnings = write_values(layout, plain, open_other=True)
    warnings += [w for w in sorted(layout.warnings) if w not in warnings]
    text = layout.text.rstrip("\n")
    if not layout.blocks:  # (headings and dates alone are no text to read)
        raise Empty("This JSON Resume has no text to read (no work, education, skills, ...).")
    doc = Document(text=text, source_format="jsonresume", pages=1, blocks=layout.blocks,
                   sections=layout.section_list(text), warnings=warnings)
    positions = [_position(start, min(end, len(text)), title, employer, dates, today, vocabulary)
                 for start, end, title, employer, dates in entries]
    doc.positions = [p for p in positions if p is not None]
    if not resume.work:  # (a builder's own "experience" key, laid out by ``jsonvalues``)
        doc.positions = experience_positions(doc, today, vocabulary)
    doc.education = find_education(text, doc.sections, today=today, vocabulary=vocabulary)
    doc.total_years = total_years(doc.positions, doc.sections, doc.section_at)
    return doc


def read_json_resume(text: str, today: date | None = None,
                     vocabulary: Vocabulary = BUILT_IN,
                     warnings: list[str] | None = None) -> Document:
    """A file that starts like JSON as a ``Document``: a JSON Resume (``lenient_resume``, then
    ``document_from_json_resume``), a FRESH resume (``fresh``) laid out the same way with its
    evidence pointing into the FRESH file, other JSON holding prose by ``jsonvalues``, and text
    that cannot be read as JSON as plain text when it holds prose (``_read_unreadable``);
    ``warnings`` (the decoding's) come first."""
    try:
        data = _loads(text)
    except (ValueError, RecursionError) as exc:
        return _read_unreadable(text, exc, today, vocabulary, warnings or [])
    if looks_like_fresh(data):
        doc = _read_fresh(data, today, vocabulary)
    elif is_json_resume(data):
        misshapen = misshapen_sections(data)
        resume, left_out = lenient_resume(_read_written_dates(
            {key: value for key, value in data.items() if key not in misshapen}))
        plain = {key: value for key, value in data.items()
                 if key in misshapen or key not in RESUME_KEYS}
        doc = document_from_json_resume(resume, today, vocabulary, plain)
        doc.warnings = [*(f"Read /{pointer_token(key)} as plain values: not shaped as a JSON "
                          f"Resume section." for key in misshapen), *left_out, *doc.warnings]
    else:
        doc = document_from_json_values(data, today, vocabulary)
    doc.warnings = [*(warnings or []), *doc.warnings]
    return doc


def _read_fresh(data: dict[str, Any], today: date | None, vocabulary: Vocabulary) -> Document:
    resume, pointers = from_fresh(data)
    converted, left_out = lenient_resume(resume, pointers)
    try:
        doc = document_from_json_resume(converted, today, vocabulary)
    except Empty:
        raise Empty("This FRESH resume has no text to read (no employment, education, "
                    "skills, ...).") from None
    doc.source_format = "fresh"
    doc.warnings = [*left_out, *doc.warnings]
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
