"""A JSON file written out as text: one ``Block`` per value, carrying the value's JSON pointer
(``/work/0/highlights/2``), and the section headings the layout adds. Shared by the JSON Resume
layout (``jsonresume``) and the generic one (``jsonvalues``)."""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Block, Section
from ..models.document import SectionName
from ..normalize import normalize


def clean_value(value: str) -> str:
    """A value as one normalised line (offsets of blocks index the final text)."""
    return " ".join(normalize(value).split())


def pointer_token(key: str | int) -> str:
    """``key`` as one JSON pointer token (RFC 6901: ``~`` → ``~0``, ``/`` → ``~1``)."""
    return str(key).replace("~", "~0").replace("/", "~1")


class TextLayout:
    """Writes a JSON file as text, recording a block (with its pointer) per value and the
    sections."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offset = 0
        self.blocks: list[Block] = []
        self.sections: list[tuple[SectionName, str, int]] = []
        self.warnings: set[str] = set()  # (what a writer left out, said once each)

    def raw(self, text: str) -> None:
        self.parts.append(text)
        self.offset += len(text)

    def value(self, value: str | None, pointer: str) -> bool:
        """Write one value as a block; False (nothing written) when it is empty."""
        text = clean_value(value) if value else ""
        if text:
            self._block(text, pointer)
        return bool(text)

    def _block(self, text: str, pointer: str) -> None:
        """Write a cleaned, non-empty value as a block."""
        self.blocks.append(Block(start=self.offset, end=self.offset + len(text), pointer=pointer))
        self.raw(text)

    def line(self, values: Iterable[tuple[str | None, str]], sep: str = ", ",
             tail: str | None = None) -> bool:
        """Several values on one line, separated by ``sep``, then ``tail`` (text the layout
        adds, such as a date range: no pointer); ends the line if anything was written."""
        wrote = False
        for value, pointer in values:
            text = clean_value(value) if value else ""
            if text:
                if wrote:
                    self.raw(sep)
                self._block(text, pointer)
                wrote = True
        if tail:
            self.raw((sep if wrote else "") + tail)
            wrote = True
        if wrote:
            self.raw("\n")
        return wrote

    def heading(self, name: SectionName, heading: str) -> None:
        if self.parts:
            self.raw("\n")
        self.sections.append((name, heading, self.offset))
        self.raw(heading + "\n")

    def bullet(self, item: str, pointer: str) -> None:
        """One list item as a ``- item`` line (nothing when it is empty)."""
        text = clean_value(item) if item else ""
        if text:
            self.raw("- ")
            self._block(text, pointer)
            self.raw("\n")

    def bullets(self, items: list[str], pointer: str) -> None:
        """Each item of a list as a ``- item`` line."""
        for index, item in enumerate(items):
            self.bullet(item, f"{pointer}/{index}")

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def section_list(self, text: str) -> list[Section]:
        """The sections of the written ``text`` (the layout's text, trailing newlines cut)."""
        bounds = [offset for _, _, offset in self.sections] + [len(text)]
        return [Section(name=name, heading=heading, start=start, end=bounds[i + 1])
                for i, (name, heading, start) in enumerate(self.sections)]
