"""Text saved one word per line, as a PDF reader's text items joined by newlines.

Browser apps that read a PDF with pdf.js and join its text items with "\\n" write each word on
a line of its own, the space between two words as a line holding one space, a line break as two
or more such lines (or not at all: a bullet then opens its line), and a wide gap (a column) as
a long line of spaces; two items of one word
("Languages" and ":") sit on adjacent lines. Read as it is, no phrase spans two lines and no
sentence has its words together. ``rejoin_word_lines`` writes such text back as lines of words.
"""

from __future__ import annotations

import re

# the shape: most lines a single word, most of the others a lone space
_MIN_WORD_LINES = 30
_WIDE_GAP = re.compile(r"[ \t]{4,}")
_BULLETS = frozenset("●•▪■◦‣◆➢►–")


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
    if not is_word_per_line(text):
        return text
    out: list[str] = []
    run = 0  # space lines since the last word
    for line in text.split("\n"):
        if _is_space(line):
            run += 1
            continue
        if not line.strip():
            if _WIDE_GAP.fullmatch(line):  # a column's gap on the same line
                out.append("\t")
                run = 0
            else:  # an empty line: a paragraph's end
                run = 2
            continue
        if out:  # (a bullet opens its item's line)
            out.append("\n" if run >= 2 or line.strip() in _BULLETS else " " if run else "")
        out.append(line)
        run = 0
    return re.sub(r"[ \t]*\t[ \t]*", "\t", "".join(out))


def _is_space(line: str) -> bool:
    """A line of one to three spaces: the space between two words."""
    return 0 < len(line) < 4 and line.count(" ") == len(line)
