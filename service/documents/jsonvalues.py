"""JSON that is neither JSON Resume nor FRESH (a builder's own export, a profile API's answer, a
job board's posting) read as text: its values are written in document order, each string on a
line of its own pointing at it (``/person/positions/0/description``), a list's strings as
``- item`` lines, and a key that names a section ("experience", "positions", "skills", ...)
as that section's heading (other keys open none, but a resume's own top-level keys: see
``write_values``). HTML inside a value stays in the text, as in a text file (the extractor
reads past tags and entities). Keys and values that hold no text a reader wants
(ids, addresses, colours, layout, theme and metadata settings, pictures, numbers, booleans)
are skipped. Positions are read from the dates of the lines under an experience key, as in a
text resume (``experience_positions``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any, cast

from ..errors import Empty, UnsupportedFormat
from ..models import Document, Position
from ..models.document import SectionName
from .education import find_education
from .jsonlayout import TextLayout, pointer_token
from .sections import classify_heading, heading_key
from .timeline import find_positions, total_years
from .vocab import BUILT_IN, Vocabulary

NOT_A_RESUME_WARNING = "Not a JSON Resume: its text values were read in order."
# words of a key ("companyUrl" → company, url) that say its value is no text to read
_NOT_TEXT_KEY_WORDS = frozenset({
    "id", "ids", "uuid", "guid", "key", "url", "urls", "uri", "href", "link", "links", "website",
    "picture", "photo", "image", "avatar", "icon", "logo", "color", "colour", "colors",
    "colours", "theme", "layout", "css", "typography", "font", "fonts", "metadata", "meta",
    "template", "settings", "style", "styles", "schema", "version", "visible", "hidden",
    "slug", "hash", "token", "urn", "created", "updated", "modified",
})
# key words naming a section that the heading vocabulary (``sections``) does not know
_SECTION_KEYS: dict[str, SectionName] = {
    "work": "experience", "positions": "experience", "jobs": "experience",
    "employment": "experience", "schools": "education", "studies": "education",
    "about": "summary", "bio": "summary", "certificates": "certifications",
    "volunteer": "other", "volunteering": "other",
}
# a value that is no text: an address, a uuid, a hex id or hash, a colour
_NOT_TEXT_VALUE = re.compile(
    r"^(?:(?:https?://|www\.|mailto:|urn:)\S*|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
    r"[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{12,}|#[0-9a-fA-F]{3,8})$")
_KEY_WORD = re.compile(r"[^\W\d_]+|\d+")
# keys of well-known files that are no documents (package.json, composer.json, tsconfig.json,
# linters' settings) whose values are commands, package names, versions, globs or compiler
# settings, never prose: the prose gate does not count what is under them
NOT_PROSE_KEYS = frozenset({
    "scripts", "dependencies", "devDependencies", "peerDependencies", "optionalDependencies",
    "bundleDependencies", "bundledDependencies", "overrides", "resolutions", "engines",
    "workspaces", "exports", "imports", "browserslist", "eslintConfig", "prettier", "jest",
    "lint-staged", "husky", "require", "require-dev", "autoload", "autoload-dev",
    "compilerOptions", "paths", "include", "exclude", "files", "references", "extends",
})
# JSON holding prose that is no document, told by its top-level keys: (what it is, one of
# these keys, and all of these)
NOT_DOCUMENTS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("a Jupyter notebook", ("nbformat",), ("cells",)),
    ("an OpenAPI document", ("openapi", "swagger"), ("paths",)),
    ("a GeoJSON file", ("type",), ("features",)),
    ("a GeoJSON file", ("type",), ("geometry", "properties")),
)
# a sentence-like string: mostly words of letters (``full-text``, ``don't``); a flag
# (``--max-warnings``) or a shell operator makes it a command
_MARKUP = re.compile(r"<[^<>]{0,200}>|&#?\w{1,10};")
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_COMMAND_TOKEN = re.compile(r"^(?:--?[^\W\d_]|&&$|\|\|$)")
_TOKEN_EDGES = "\"'“”‘’()[]{}.,;:!?…*"
_SEPARATORS = frozenset({"-", "–", "—", "•", "·", "|", "/", "&", "+"})
PROSE_WORDS = 4
"""A sentence-like string of at least this many words is prose."""
PROSE_VALUES = 3
"""JSON with at least this many prose strings (or ``PROSE_TOTAL`` words in them) is read."""
PROSE_TOTAL = 20
_DEPTH_AT_MOST = 64  # values nested deeper are not read


def _camel_split(key: str) -> str:
    """``key`` with a space before each capital that starts a word, in any script
    (``"formaciónÉducation"``, ``"HTMLParser"`` → ``"HTML Parser"``)."""
    chars: list[str] = []
    for index, char in enumerate(key):
        if index and char.isupper():
            before, after = key[index - 1], key[index + 1:index + 2]
            if before.islower() or (before.isupper() and after.islower()):
                chars.append(" ")
        chars.append(char)
    return "".join(chars)


def _key_words(key: str) -> list[str]:
    """``"workExperience"`` → ``["work", "experience"]``; ``"start_date"`` → start, date."""
    return [word.lower() for word in _KEY_WORD.findall(_camel_split(key))]


def is_text_key(key: str) -> bool:
    """Whether a key may hold text to read (not an id, address, colour, setting, picture)."""
    words = _key_words(key)
    return bool(words) and not any(word in _NOT_TEXT_KEY_WORDS for word in words)


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip()) and not _NOT_TEXT_VALUE.match(
        value.strip())


def section_of(key: str) -> SectionName | None:
    """The section a key names: ``"positions"`` → experience, ``"workExperience"`` →
    experience (the heading vocabulary of ``sections``)."""
    words = _key_words(key)
    if not words:
        return None
    if len(words) == 1 and words[0] in _SECTION_KEYS:
        return _SECTION_KEYS[words[0]]
    name = classify_heading(" ".join(words))
    if name is None and words[-1].endswith("s"):  # "educations" → education
        name = classify_heading(" ".join([*words[:-1], words[-1][:-1]]))
    return cast(SectionName, name) if name else None


def text_strings(value: Any, depth: int = 0,
                 skip: frozenset[str] = frozenset()) -> Iterator[str]:
    """The strings of ``value`` that are text to read, in document order (none under a key
    in ``skip``)."""
    if depth > _DEPTH_AT_MOST:
        return
    if isinstance(value, str):
        if _is_text(value):
            yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if is_text_key(str(key)) and key not in skip:
                yield from text_strings(item, depth + 1, skip)
    elif isinstance(value, list):
        for item in value:
            yield from text_strings(item, depth + 1, skip)


def holds_text(value: Any, depth: int = 0) -> bool:
    """Whether ``value`` holds a string that is text to read."""
    return next(text_strings(value, depth), None) is not None


def sentence_words(text: str) -> int:
    """The words of ``text`` when it is sentence-like prose, else 0: at least ``PROSE_WORDS``
    words of letters (tags and entities aside), at least twice as many as the other tokens
    (numbers, paths, versions, ``a=b``), and no flag or ``&&`` (a command line)."""
    words = others = 0
    for token in _MARKUP.sub(" ", text).split():
        if _COMMAND_TOKEN.match(token):
            return 0
        core = token.strip(_TOKEN_EDGES)
        if not core or core in _SEPARATORS:
            continue
        if _LETTER_WORD.fullmatch(core):
            words += 1
        else:
            others += 1
    return words if words >= PROSE_WORDS and words >= 2 * others else 0


def holds_prose(value: Any) -> bool:
    """Whether ``value`` holds enough prose to be a document (not a package.json or a
    settings file): ``PROSE_VALUES`` sentence-like strings of ``PROSE_WORDS`` words, or
    ``PROSE_TOTAL`` words in such strings; nothing under ``NOT_PROSE_KEYS`` counts."""
    prose = [count for text in text_strings(value, skip=NOT_PROSE_KEYS)
             if (count := sentence_words(text))]
    return len(prose) >= PROSE_VALUES or sum(prose) >= PROSE_TOTAL


def not_a_document(data: Any) -> str | None:
    """What ``data`` is when its top-level keys say it is JSON holding prose that is no
    document (``NOT_DOCUMENTS``: "a Jupyter notebook", "an OpenAPI document"), else None."""
    if isinstance(data, dict):
        for what, one_of, all_of in NOT_DOCUMENTS:
            if any(key in data for key in one_of) and all(key in data for key in all_of):
                return what
    return None


def _heading(key: str) -> str:
    return " ".join(word.capitalize() for word in _key_words(key))


def _without_label(value: Any, key: str) -> Any:
    """An object under ``key`` without its members that only repeat the key (a builder's
    ``"experience": {"name": "Experience", "items": []}``): the heading says it already."""
    if not isinstance(value, dict):
        return value
    label = heading_key(" ".join(_key_words(key)))
    return {name: item for name, item in value.items()
            if not (isinstance(item, str) and heading_key(item) == label)}


DEPTH_WARNING = f"Left out values nested more than {_DEPTH_AT_MOST} levels deep."


class _Writer:
    """Writes values in document order; the heading of a section a key opens is written with
    the first value under the key (none when there is none), so no subtree is walked twice."""

    def __init__(self, layout: TextLayout, open_other: bool = False) -> None:
        self.layout = layout
        self.open_other = open_other
        self.heading: tuple[SectionName, str] | None = None
        self.too_deep = False

    def _open(self) -> None:
        if self.heading is not None:
            self.layout.heading(*self.heading)
            self.heading = None

    def write(self, value: Any, pointer: str, in_section: bool, depth: int) -> None:
        if depth > _DEPTH_AT_MOST:
            self.too_deep = self.too_deep or bool(value) and isinstance(value, (str, list, dict))
            return
        if isinstance(value, str):
            if _is_text(value):
                self._open()
                self.layout.line([(value, pointer)])
        elif isinstance(value, list):
            for index, item in enumerate(value):
                at = f"{pointer}/{index}"
                if isinstance(item, str):
                    if _is_text(item):
                        self._open()
                        self.layout.bullet(item, at)
                else:
                    self.write(item, at, in_section, depth + 1)
        elif isinstance(value, dict):
            for key, item in value.items():
                key = str(key)
                if not is_text_key(key):
                    continue
                at = f"{pointer}/{pointer_token(key)}"
                name = None if in_section else section_of(key)
                if name is None and self.open_other and depth == 0 and not (
                        isinstance(item, dict) and any(section_of(str(k)) for k in item)):
                    name = "other"  # (a builder's own top-level key: "customSections")
                if name is None:
                    self.write(item, at, in_section, depth + 1)
                    continue
                self.heading = (name, _heading(key))
                self.write(_without_label(item, key), at, True, depth + 1)
                self.heading = None  # (not written: nothing under the key was text)


def write_values(layout: TextLayout, value: Any, pointer: str = "",
                 open_other: bool = False) -> list[str]:
    """Write ``value`` (at ``pointer``) in document order, each string a line (a list's as
    ``- item``). A key naming a section opens it (headed by the key) when it holds text;
    inside a section keys open none, and other keys open none (their text is read as lines of
    the section open), except with ``open_other`` a top-level key holding no key that names a
    section: it opens an ``other`` section (a resume's own extra keys, which would otherwise
    run on in its last section). The warnings: ``DEPTH_WARNING`` when values nested past
    ``_DEPTH_AT_MOST`` were left out."""
    writer = _Writer(layout, open_other)
    writer.write(value, pointer, False, 0)
    return [DEPTH_WARNING] if writer.too_deep else []


def experience_positions(doc: Document, today: date, vocabulary: Vocabulary) -> list[Position]:
    """The positions the laid-out text's dates give, as in a text resume, inside experience
    sections only (a project's or a volunteer role's dates are no job)."""
    return [p for p in find_positions(doc.text, doc.sections, today=today,
                                      section_at=doc.section_at, vocabulary=vocabulary)
            if (section := doc.section_at(p.text_start)) is not None
            and section.name == "experience"]


def write_entry_values(layout: TextLayout, values: dict[str, Any], pointer: str) -> list[str]:
    """Write the values of one entry's keys (at ``pointer``) as its lines, in order: no key
    opens a section (they are the entry's: a builder's ``"bullets"``, ``"tech"``); the
    warnings, as ``write_values``'."""
    writer = _Writer(layout)
    writer.write(values, pointer, True, 1)
    return [DEPTH_WARNING] if writer.too_deep else []


def document_from_json_values(data: Any, today: date | None = None,
                              vocabulary: Vocabulary = BUILT_IN) -> Document:
    """``data`` laid out as text (``source_format`` "json", with a warning saying so);
    ``UnsupportedFormat`` when it is a file that is no document (``NOT_DOCUMENTS``) or holds
    too little prose to be one."""
    if (what := not_a_document(data)) is not None:
        raise UnsupportedFormat(f"This JSON file is {what}, not a JSON Resume (jsonresume.org) "
                                "or a document to read. Upload a resume.json, PDF, DOCX, RTF, "
                                "TXT or Markdown file.")
    if not holds_prose(data):
        raise UnsupportedFormat("This JSON file is not a JSON Resume (jsonresume.org) and holds "
                                "too little text to read as one. Upload a resume.json, PDF, "
                                "DOCX, RTF, TXT or Markdown file.")
    layout = TextLayout()
    warnings = write_values(layout, data)
    text = layout.text.rstrip("\n")
    if not text.strip():
        raise Empty("This JSON file has no text to read.")
    doc = Document(text=text, source_format="json", pages=1, blocks=layout.blocks,
                   sections=layout.section_list(text),
                   warnings=[NOT_A_RESUME_WARNING, *warnings])
    today = today or date.today()
    doc.positions = experience_positions(doc, today, vocabulary)
    doc.education = find_education(text, doc.sections, today=today, vocabulary=vocabulary)
    doc.total_years = total_years(doc.positions, doc.sections, doc.section_at)
    return doc
