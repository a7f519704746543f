"""The JSON Resume schema (jsonresume.org, v1) as pydantic models: every section optional,
unknown keys kept (the schema allows them), dates as ISO ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD`` (an empty string counts as absent)."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict

# Top-level keys of the schema; a JSON object with none of them is not a resume.
RESUME_KEYS = ("basics", "work", "volunteer", "education", "awards", "certificates",
               "publications", "skills", "languages", "interests", "references", "projects")
ISO_DATE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
_MONTHS = {name: index for index, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for name in names}
_WRITTEN_DATE = re.compile(r"^([A-Za-z]+)\.?,?\s+(\d{4})$|^(\d{1,2})/(\d{4})$|^(\d{4})/(\d{1,2})$")
# an end date written as one of these words: no end (the job is current)
CURRENT_WORDS = frozenset({"current", "present", "now", "today", "ongoing"})


def read_date(value: object) -> str | None:
    """An ISO date (a year may be a number), or one written "June 2008", "Jun. 2008",
    "06/2008", "2008/06" as ``YYYY-MM``; None for anything else."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    text = value.strip() if isinstance(value, str) else ""
    if ISO_DATE.match(text):
        return text
    match = _WRITTEN_DATE.match(text)
    if match is None:
        return None
    if match.group(1):
        month, year = _MONTHS.get(match.group(1).lower()), match.group(2)
    elif match.group(3):
        month, year = int(match.group(3)), match.group(4)
    else:
        month, year = int(match.group(6)), match.group(5)
    return f"{year}-{month:02d}" if month and 1 <= month <= 12 else None


def _blank_is_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


def _check_date(value: str | None) -> str | None:
    if value is not None and not ISO_DATE.match(value.strip()):
        raise ValueError("not a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return value.strip() if value else None


Text = Annotated[str | None, BeforeValidator(_blank_is_none)]
IsoDate = Annotated[str | None, BeforeValidator(_blank_is_none), AfterValidator(_check_date)]


class Entry(BaseModel):
    """A section's entry: the schema's keys, and any others a builder adds (``model_extra``)."""

    model_config = ConfigDict(extra="allow")


class Location(Entry):
    address: Text = None
    city: Text = None
    region: Text = None
    countryCode: Text = None  # noqa: N815 (the schema's names)


class Basics(Entry):
    name: Text = None
    label: Text = None
    email: Text = None
    phone: Text = None
    url: Text = None
    summary: Text = None
    location: Location | None = None


class Work(Entry):
    name: Text = None
    position: Text = None
    location: Text = None
    description: Text = None
    startDate: IsoDate = None  # noqa: N815
    endDate: IsoDate = None  # noqa: N815
    summary: Text = None
    highlights: list[str] = []


class Volunteer(Entry):
    organization: Text = None
    position: Text = None
    startDate: IsoDate = None  # noqa: N815
    endDate: IsoDate = None  # noqa: N815
    summary: Text = None
    highlights: list[str] = []


class Education(Entry):
    institution: Text = None
    area: Text = None
    studyType: Text = None  # noqa: N815
    startDate: IsoDate = None  # noqa: N815
    endDate: IsoDate = None  # noqa: N815
    score: Text = None
    courses: list[str] = []


class Award(Entry):
    title: Text = None
    date: IsoDate = None
    awarder: Text = None
    summary: Text = None


class Certificate(Entry):
    name: Text = None
    date: IsoDate = None
    issuer: Text = None


class Publication(Entry):
    name: Text = None
    publisher: Text = None
    releaseDate: IsoDate = None  # noqa: N815
    summary: Text = None


class SkillGroup(Entry):
    name: Text = None
    level: Text = None
    keywords: list[str] = []


class Language(Entry):
    language: Text = None
    fluency: Text = None


class Interest(Entry):
    name: Text = None
    keywords: list[str] = []


class Project(Entry):
    name: Text = None
    description: Text = None
    highlights: list[str] = []
    keywords: list[str] = []
    startDate: IsoDate = None  # noqa: N815
    endDate: IsoDate = None  # noqa: N815
    roles: list[str] = []


class JsonResume(Entry):
    """A resume.json: every section optional, unknown keys kept (the schema allows them)."""

    basics: Basics | None = None
    work: list[Work] = []
    volunteer: list[Volunteer] = []
    education: list[Education] = []
    awards: list[Award] = []
    certificates: list[Certificate] = []
    publications: list[Publication] = []
    skills: list[SkillGroup] = []
    languages: list[Language] = []
    interests: list[Interest] = []
    projects: list[Project] = []
