"""The ``Document`` model: what the documents layer hands to the extractor."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

SectionName = Literal[
    "contact", "summary", "skills", "experience", "projects", "education", "certifications",
    "publications", "awards", "languages", "interests", "references", "other",
]


class Block(BaseModel):
    """A run of text as laid out in the source (a paragraph, a column piece, a table row)."""

    start: int = Field(ge=0, description="Offset of the block in Document.text")
    end: int = Field(ge=0)
    page: int | None = Field(None, ge=1)
    pointer: str | None = Field(
        None, description="JSON pointer of the value the block holds (JSON Resume input only)"
    )


class Section(BaseModel):
    """A part of the document under one heading."""

    name: SectionName
    heading: str = Field(description="The heading as written")
    start: int = Field(ge=0, description="Offset of the heading in Document.text")
    end: int = Field(ge=0, description="Offset where the section ends")
    page: int | None = None


class Position(BaseModel):
    """One job in the experience timeline."""

    title: str | None = None
    employer: str | None = None
    start: date
    end: date | None = Field(None, description="None while current")
    current: bool = False
    years: float = Field(ge=0)
    text_start: int = Field(ge=0, description="Offset of the entry's text (dates through bullets)")
    text_end: int = Field(ge=0)
    relevant: bool = Field(False, description="Title counts as relevant prior experience")


class EducationEntry(BaseModel):
    """A degree: level, field, institution and year where the text says them."""

    level: Literal["associate", "bachelor", "master", "phd", "other"] | None = None
    field: str | None = Field(None, description="Canonical field id, e.g. computer-science")
    field_text: str | None = None
    institution: str | None = None
    year: int | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)


# what a document is, where its door says so (an upload for scoring is a resume, a posted job a
# posting); ``None`` where it is not known
DocumentKind = Literal["resume", "job"]


class Document(BaseModel):
    """Normalised text of one document with its layout and structure."""

    text: str
    source_format: Literal["pdf", "docx", "rtf", "text", "markdown", "jsonresume", "fresh",
                           "json", "image"] = "text"
    pages: int = Field(1, ge=0)
    blocks: list[Block] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    education: list[EducationEntry] = Field(default_factory=list)
    total_years: float | None = Field(None, description="Professional experience, overlaps merged")
    untied_dates: int = Field(
        0, ge=0, description="When no years could be read: date ranges outside "
        "education-like sections that no position holds (e.g. a date column read apart from "
        "its job titles)")
    warnings: list[str] = Field(default_factory=list)
    ocr_pages: list[int] = Field(
        default_factory=list, description="Pages read by OCR (no text layer): check the result")

    def section_at(self, offset: int) -> Section | None:
        """The section containing ``offset``, if any."""
        for section in self.sections:
            if section.start <= offset < section.end:
                return section
        return None

    def pointer_at(self, offset: int) -> str | None:
        """The JSON pointer of the block containing ``offset``, if known."""
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block.pointer
        return None

    def page_at(self, offset: int) -> int | None:
        """The page of the block containing ``offset``, if known."""
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block.page
        return None
