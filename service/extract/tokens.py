"""spaCy's tokenizer with a chunk cache that keeps working on multi-line text.

spaCy caches the tokens of each whitespace-delimited chunk, but stops saving them for the rest
of a text after its first special case, and a newline is one: past the first line of a resume
every chunk went through the prefix/suffix/infix regexes again on every call (most of the
blank tokenizer's time). Tokens never cross whitespace, so ``ChunkTokenizer`` asks spaCy's own
tokenizer for each distinct chunk once, remembers the token texts, and assembles the ``Doc``
from words and spaces: the same tokens, offsets and lexemes as ``nlp.make_doc``, but for a chunk
longer than ``PIECE_CHARS``, tokenized in pieces (spaCy's affix rules take time growing with
the square of a chunk's length).

(One difference, on punctuation soup only: spaCy's special-case matcher can pair punctuation
across a space, as in ``( :*``, and so keep an emoticon from being joined; here each chunk is
tokenized on its own terms.) Given ``glued`` (``glued.GluedWords``), a word that a scraped page
glued together is split further into its words, for text known to be glued.
"""

from __future__ import annotations

import re

from spacy.attrs import IDX, IS_ALPHA, IS_ASCII, IS_STOP, LENGTH
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc

from .glued import GluedWords

# A chunk with the one space spaCy folds into its last token, or a whitespace run (which spaCy
# tokenizes, as "\n" or " \n", whenever it is more than that one space).
_RUNS = re.compile(r"\S+ ?|\s+")
# Chunks longer than this are tokenized but not remembered (hostile input: one huge "word").
MAX_CHUNK_CHARS = 80
# ... and chunks longer than this are tokenized in pieces: spaCy's affix rules take time that
# grows with the square of a chunk's length (a paragraph of Chinese, which no space divides,
# or a hostile run of quotes); a piece ends after a punctuation mark where one is near (not the
# dot of "Node.js"), else where the length says
PIECE_CHARS = 1000
_PIECE_END = re.compile(r"[,;!?，。、；：！？)\]」』]|[.:](?!\w)")
# ... and a long chunk is cut after every this many punctuation marks, in a run or spread out:
# spaCy strips a chunk's marks one at a time, each time searching the rest again
# (a 999-quote chunk took 0.1 s, and a text can hold hundreds of them)
PUNCTUATION_PIECE = 40
_PUNCTUATION_RUN = re.compile(rf"[^\w\s]{{{PUNCTUATION_PIECE + 1},}}")
_MARK = re.compile(r"[^\w\s]")
_MARKS_AT_MOST = PUNCTUATION_PIECE + 8  # (when no mark ending a list item comes first)
MAX_CACHED_CHUNKS = 50_000

# a run's tokens: their texts' ids in the vocabulary's string store (a ``Doc`` built from ids
# skips hashing every word again), whether each is followed by a space, and whether each is a
# plain word (ASCII letters, not a stop word: what fuzzy matching looks at)
Entry = tuple[tuple[int, ...], tuple[bool, ...], tuple[bool, ...]]


def _pieces(chunk: str) -> list[tuple[int, str]]:
    """``(offset, piece)`` of a chunk cut into pieces of at most ``PIECE_CHARS`` characters,
    each ending after the last punctuation mark of its final quarter where there is one (a
    token is never longer than a piece: only hostile or unspaced text has such chunks)."""
    if len(chunk) <= PIECE_CHARS:
        return [(0, chunk)]
    pieces, start = [], 0
    while start < len(chunk):
        end = min(len(chunk), start + PIECE_CHARS)
        if end < len(chunk):
            marks = [m.end() for m in _PIECE_END.finditer(chunk, end - PIECE_CHARS // 4, end)]
            end = marks[-1] if marks else end
        pieces.append((start, chunk[start:end]))
        start = end
    return pieces


class ChunkTokenizer:
    """``nlp.tokenizer`` memoised by whitespace-delimited chunk (bounded; safe to share between
    threads: the cache only ever gains complete entries, or is emptied)."""

    def __init__(self, nlp: Language, glued: GluedWords | None = None,
                 names: GluedWords | None = None) -> None:
        self.nlp = nlp
        self.glued = glued  # splits words a scraped page glued together ("learningProficiency")
        self.names = names  # splits a run of glued names in any text ("AirflowFastAPIDocker")
        self._cache: dict[str, Entry] = {}

    def __call__(self, text: str) -> Doc:
        return self.split(text)[0]

    def forget(self) -> None:
        """Empty the chunk cache (the next text is tokenized as if none came before)."""
        self._cache.clear()

    def split(self, text: str) -> tuple[Doc, list[int], list[int], list[bool]]:
        """The ``Doc``, each token's start and end offsets, and which tokens are plain words."""
        runs = _RUNS.findall(text)
        cache = self._cache
        entries = list(map(cache.get, runs))  # (looked up in C: most runs are known)
        if None in entries:
            self._learn({run for run, entry in zip(runs, entries) if entry is None})
            entries = [entry or cache.get(run) or self._tokenize(run)
                       for run, entry in zip(runs, entries)]
        orths: list[int] = []
        spaces: list[bool] = []
        plain: list[bool] = []
        for run_orths, run_spaces, run_plain in entries:
            orths += run_orths
            spaces += run_spaces
            plain += run_plain
        doc = Doc(self.nlp.vocab, words=orths, spaces=spaces)
        if not orths:
            return doc, [], [], plain
        # (the offsets the Doc worked out from the words and spaces: faster than summing here)
        columns = doc.to_array([IDX, LENGTH])
        starts = columns[:, 0]
        return doc, starts.tolist(), (starts + columns[:, 1]).tolist(), plain

    def _learn(self, runs: set[str]) -> None:
        """Tokenize the new chunks in one spaCy call, joined by newlines (a newline is a token
        of its own that no special case holds, so no rule reaches across the joins)."""
        cache = self._cache
        chunks = sorted(r for r in runs if len(r) <= MAX_CHUNK_CHARS and not r.isspace())
        if not chunks:
            return
        if len(cache) + len(chunks) > MAX_CACHED_CHUNKS:
            cache.clear()
        joined = "\n".join(r.rstrip(" ") for r in chunks)
        starts, ends, plain = self._tokens(joined)
        index, limit = 0, -1
        for run in chunks:
            limit += len(run.rstrip(" ")) + 1  # where the chunk ends: at the joining newline
            first = index
            while index < len(ends) and ends[index] <= limit:
                index += 1
            cache[run] = self._entry(
                [joined[a:b] for a, b in zip(starts[first:index], ends[first:index])],
                plain[first:index], run,
            )
            index += 1  # the newline

    def _tokenize(self, run: str) -> Entry:
        """One run on its own: whitespace (kept out of the batch) or a long chunk; a very long
        one in pieces (``_pieces``)."""
        chunk = run if run.isspace() else run.rstrip(" ")
        starts, ends, plain = [], [], []
        for offset, piece in self._cut_runs_of_marks(_pieces(chunk)):
            a, b, c = self._tokens(piece)
            starts += [offset + x for x in a]
            ends += [offset + x for x in b]
            plain += c
        entry = self._entry([chunk[a:b] for a, b in zip(starts, ends)], plain, run)
        if len(run) <= MAX_CHUNK_CHARS:
            self._cache[run] = entry
        return entry

    def _cut_runs_of_marks(self, pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """``pieces`` cut once they hold ``PUNCTUATION_PIECE`` marks, whether in one run or
        spread out (a run of quotes, "x'''x'''…"): spaCy strips a chunk's affixes one at a
        time, searching the rest each time. Each cut falls after a mark that ends a list item
        (``_PIECE_END``: a comma, not the dot of "Node.js") where one comes within a few more
        marks, else where the count says. A run of marks that spaCy keeps whole at both ends
        ("-----", a table's "----+----+") counts for none: one token or a few, quick to find.
        Only hostile or unspaced chunks hold so many marks; their tokens may differ from
        spaCy's where a cut falls inside a run (a quote that would pair with its neighbour)."""
        cut: list[tuple[int, str]] = []
        for offset, piece in pieces:
            if len(_MARK.findall(piece)) <= PUNCTUATION_PIECE:
                cut.append((offset, piece))
                continue
            whole = [run.span() for run in _PUNCTUATION_RUN.finditer(piece)
                     if not (self._split_up(run.group()[:PUNCTUATION_PIECE])
                             or self._split_up(run.group()[-PUNCTUATION_PIECE:]))]
            at, count = 0, 0
            for mark in _MARK.finditer(piece):
                if whole and any(start <= mark.start() < end for start, end in whole):
                    continue
                count += 1
                ends_item = _PIECE_END.match(piece, mark.start()) is not None
                if (count >= PUNCTUATION_PIECE and ends_item) or count >= _MARKS_AT_MOST:
                    end = mark.end() if ends_item else mark.start()
                    if end > at:
                        cut.append((offset + at, piece[at:end]))
                        at = end
                    count = 0 if ends_item else 1
            cut.append((offset + at, piece[at:]))
        return cut

    def _split_up(self, marks: str) -> bool:
        """Whether spaCy makes a token of most of ``marks`` (more than a quarter of them)."""
        return len(self.nlp.tokenizer(marks)) * 4 > len(marks)

    def _tokens(self, text: str) -> tuple[list[int], list[int], list[bool]]:
        """spaCy's tokens of ``text``: starts, ends and plain-word flags."""
        doc = self.nlp.tokenizer(text)
        if not len(doc):
            return [], [], []
        array = doc.to_array([IDX, LENGTH, IS_ALPHA, IS_ASCII, IS_STOP])
        starts = array[:, 0]
        plain = array[:, 2] * array[:, 3] * (1 - array[:, 4])
        return starts.tolist(), (starts + array[:, 1]).tolist(), plain.astype(bool).tolist()

    def _entry(self, words: list[str], plain: list[bool], run: str) -> Entry:
        """A chunk's entry, glued words split (each piece a plain word unless a stop word)."""
        glued, names = self.glued, self.names
        strings = self.nlp.vocab.strings
        if glued is None and names is None or len(run) < 6:
            return _entry(words, plain, run, strings)
        if glued is None and not any(len(word) >= 6 and flag for word, flag in zip(words, plain)):
            return _entry(words, plain, run, strings)  # (a run of names is one long plain word)
        stop = self.nlp.Defaults.stop_words
        split_words: list[str] = []
        split_plain: list[bool] = []
        for word, flag in zip(words, plain):
            pieces = None
            if names is not None and flag and len(word) >= 6:
                pieces = names.spelled(word)
            if pieces is None and glued is not None:
                pieces = glued.split(word)
            if pieces is None:
                split_words.append(word)
                split_plain.append(flag)
            else:
                split_words += pieces
                split_plain += [piece.lower() not in stop for piece in pieces]
        return _entry(split_words, split_plain, run, strings)


def _entry(words: list[str], plain: list[bool], run: str, strings: StringStore) -> Entry:
    spaces = [False] * len(words)
    if spaces and not run.isspace() and run.endswith(" "):
        spaces[-1] = True
    return tuple(map(strings.add, words)), tuple(spaces), tuple(plain)
