"""Several-word forms broken by a line wrap: PDFs and hard-wrapped text lay "in Google" and
"Cloud Platform" out on two lines, with the second starting in upper case (``soft_unwrap``
already joins a line that runs on in lower case). ``WrappedForms.find`` matches the words
around each such break as one line.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from .mention import Mention

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher

    from .forms import Form, FormTable
    from .tokens import ChunkTokenizer


class WrappedForms:
    """The pipeline's phrase matcher, asked about the words around each line break that falls
    between two words that follow each other in some several-word form."""

    def __init__(self, table: FormTable, tokenizer: ChunkTokenizer, matcher: PhraseMatcher,
                 keys: dict[int, Form]) -> None:
        self.tokenizer, self.matcher, self.keys = tokenizer, matcher, keys
        # the pairs of words that follow each other in a several-word form: a line break can
        # fall inside a form only between such two
        self.word_pairs = frozenset(
            pair for surfaces in table.surfaces.values() for surface in surfaces
            for pair in itertools.pairwise(surface.split())
        )
        # (the second words alone: most lines open with none of them, and are passed at once)
        self.second_words = frozenset(second for _, second in self.word_pairs)

    def find(
        self, text: str, found: dict[tuple[int, int], Mention]
    ) -> dict[tuple[int, int], Mention]:
        """Several-word forms broken by a line wrap that ``soft_unwrap`` leaves ("in Google" /
        "Cloud Platform", as PDFs and hard-wrapped text lay them out): the words around each
        such line break matched as one line. A match may take in mentions found on one side of
        the break ("Amazon" / "Web Services"), never on both, nor cut one: two list lines never
        merge into one skill ("Spark" / "SQL", "Apache Spark" / "SQL")."""
        extra: dict[tuple[int, int], Mention] = {}
        starts: list[tuple[int, int]] | None = None  # the found spans, sorted when first needed
        for brk in _LINE_BREAK.finditer(text):
            cut, resume = brk.start(), brk.end()
            after = _FIRST_CHUNK.match(text, resume).group().rstrip(_CLOSERS).casefold()
            if after not in self.second_words:
                continue
            while cut > 0 and text[cut - 1] in " \t":
                cut -= 1
            if not cut or not _WORD_END.match(text, cut - 1):
                continue
            before = text[text.rfind(" ", 0, cut) + 1:cut]
            pair = (before[before.rfind("\n") + 1:].lstrip(_OPENERS).casefold(), after)
            if pair not in self.word_pairs:
                continue
            if starts is None:
                starts = sorted(found)
            lo, hi = _words_back(text, cut), _words_ahead(text, resume)
            flat = text[lo:cut] + " " * (resume - cut) + text[resume:hi]
            doc, token_starts, token_ends, _ = self.tokenizer.split(flat)
            for match_id, start, end in self.matcher(doc):
                span = (lo + token_starts[start], lo + token_ends[end - 1])
                if span[0] < cut and resume <= span[1] and _takes_one_side(starts, span, cut):
                    extra[span] = Mention(*span, self.keys[match_id])
        return extra


# a line break between two words that soft_unwrap keeps: the next line starts in upper case
# (found from the newline: the spaces before it and the word they follow are checked after)
_LINE_BREAK = re.compile(r"\n[ \t]*(?=[A-Za-z])")
_WORD_END = re.compile(r"[A-Za-z0-9+#]")
_FIRST_CHUNK = re.compile(r"\S*")
_OPENERS = "([{\"'“‘*•-"
_CLOSERS = ")]},.;:!?\"'”’*"
# the few words on either side of a line break a several-word form can reach
_WRAP_WORDS = 3
# how far before a span a found mention overlapping it can start (no form is longer)
_LONGEST_REACH = 80
_WORD_BACK = re.compile(r"(?:[^\s]+[ \t]+){0,%d}[^\s]*$" % (_WRAP_WORDS - 1))
_WORD_AHEAD = re.compile(r"[^\s]*(?:[ \t]+[^\s]+){0,%d}" % (_WRAP_WORDS - 1))


def _words_back(text: str, end: int) -> int:
    """Where the last few words of the line ending at ``end`` start."""
    return _WORD_BACK.search(text, text.rfind("\n", 0, end) + 1, end).start()


def _words_ahead(text: str, start: int) -> int:
    """Where the first few words of the line starting at ``start`` end."""
    return _WORD_AHEAD.match(text, start).end()


def _takes_one_side(starts: list[tuple[int, int]], span: tuple[int, int], cut: int) -> bool:
    """Whether the found mentions (``starts``: their spans, sorted) overlapping ``span`` all
    lie inside it and on one side of ``cut``."""
    index = bisect_left(starts, (span[0] - _LONGEST_REACH, 0))
    sides = set()
    for start, end in itertools.takewhile(lambda s: s[0] < span[1], starts[index:]):
        if end <= span[0]:
            continue
        if start < span[0] or end > span[1]:
            return False
        sides.add(end <= cut)
    return len(sides) < 2
