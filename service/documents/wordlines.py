"""Text saved one word per line, as a PDF reader's text items joined by newlines.

Browser apps that read a PDF with pdf.js and join its text items with "\\n" write each word on
a line of its own, the space between two words as a line holding one space, a line break as two
or more such lines (or none: then a bullet or a capital opens the next line), and a wide gap (a
column) as a long line of spaces; two items of one word ("Languages" and ":") sit on adjacent
lines. Read as it is, no phrase spans two lines and no sentence has its words together.
``rejoin_word_lines`` writes such text back as lines of words.
"""

from __future__ import annotations

import re

# the shape: most lines a single word, most of the others a lone space
_MIN_WORD_LINES = 30
_WIDE_GAP = re.compile(r"[ \t]{4,}")
# (not "•" nor "–": also separators inside a line, "Python • R • SQL", "2021 – present")
_BULLETS = frozenset("●▪■◆➢►")


def is_word_per_line(text: str) -> bool:
    """Whether ``text`` looks like PDF text items joined one per line: at least 30 lines of
    words, nine in ten of them a single word, and about as many lines of a space between them."""
    if text.count("\n") < 2 * _MIN_WORD_LINES or "\n \n" not in text:
        return False
    words = spaces = single = 0
    for line in text.split("\n"):
        if _is_space(line):
            spaces += 1
        elif line.strip():
            words += 1
            single += " " not in line.strip()
    return (words >= _MIN_WORD_LINES and single >= 0.9 * words
            and spaces >= 0.7 * words)


def rejoin_word_lines(text: str) -> str:
    """``text`` with its one-word lines joined back (see the module's docstring); other text is
    returned as it is."""
    lines = text.replace("\r\n", "\n") if "\r" in text else text
    if not is_word_per_line(lines):
        return text
    out: list[str] = []
    run = 0  # space lines since the last word
    for line in lines.split("\n"):
        if _is_space(line):
            run += 1
            continue
        if not line.strip():
            if run < 2 and _WIDE_GAP.fullmatch(line):  # a column's gap on the same line
                out.append("\t")
                run = 0
            else:  # an empty line, or a gap after a line break: the break stands
                run = 2
            continue
        if out:
            out.append(_joint(run, out[-1], line))
        out.append(line)
        run = 0
    return _one_tab_a_gap("".join(out))


def _one_tab_a_gap(text: str) -> str:
    """Each run of spaces and tabs holding a tab as one tab (what ``re.sub(r"[ \t]*\t[ \t]*",
    "\t", text)`` gives, without its scan from every space of a long run of them)."""
    parts = text.split("\t")
    if len(parts) == 1:
        return text
    last = len(parts) - 1
    pieces = [part.rstrip(" ") if index == 0 else part.lstrip(" ") if index == last
              else part.strip(" ") for index, part in enumerate(parts)]
    return "\t".join(piece for index, piece in enumerate(pieces)
                      if piece or index in (0, last))


def _joint(run: int, before: str, line: str) -> str:
    """What goes between two word lines after ``run`` space lines: a space, a line break (two
    or more, or a bullet opening its item), or nothing between two items of one word
    ("Languages" and ":") unless the second opens a new line with a capital ("SQL", then
    "EXPERIENCE")."""
    word = line.strip()
    if run >= 2 or word in _BULLETS:
        return "\n"
    if run == 1:
        return " "
    return "\n" if word[0].isupper() and before != "\t" and before[-1:].isalnum() else ""


def _is_space(line: str) -> bool:
    """A line of one to three spaces: the space between two words."""
    return 0 < len(line) < 4 and line.count(" ") == len(line)
