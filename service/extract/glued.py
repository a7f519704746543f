"""Words that a scraped page glued together, split apart for matching.

Job boards' scrapers drop the breaks between list items and headings: "Data
WranglingFeature EngineeringModel Tuning", "deep learningProficiency in Python", "SQLHave
experience", "MLFlowExperience". Such a page shows it several times, in words that open in
lower case ("modelsExpertise", "techniquesSolid"), which names of products and code do not
("ScalaCheck", "SQLAlchemy", "EuroPython"; "startDate" is a key): only a text with at least
``MIN_GLUED`` distinct ones is split (``is_glued``). A word is split where a run of three
lower-case letters meets a capitalised word ("learning|Proficiency") or an acronym meets one
("SQL|Have"), and pieces that together spell a one-word form of the taxonomy stay joined
("TensorFlow", "JavaScript", "XGBoost", "MLflow" in "MLFlowExperience"). A name glued to a
capitalised word stays whole unless that word opens a posting's item or sentence
(``OPENERS``: "SQL|Have", "AWS|Familiarity"), so a product or event named after a skill is not
split even in a glued page ("SQLAlchemy", "JuliaCon", "EuroPython", "RubyMine"). Used by
``tokens.ChunkTokenizer``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# (fixed-width look-behinds: a lower-case run, or two capitals, then a capitalised word)
_BOUNDARY = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2})|(?<=[A-Z]{2})(?=[A-Z][a-z]{2})")
_CANDIDATE = re.compile(r"[A-Za-z]+")
# a capital inside a word, after a lower-case letter or before one: where glued names meet
_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z][A-Z][a-z]")
_WORD_PIECE = re.compile(r"[A-Z][a-z]{2,}")
# a tag list glued into one word is a few names long; longer words are not tried (the search
# grows with the cube of the capitals)
_MAX_SPELLED = 120
_MAX_CUTS = 32
# a glued word that opens in lower case, not in code or markup (a LaTeX macro, a key, a handle,
# a path, a file or a call: "\\resumeItem", "startDate:", "@janeDoe", "github.com/jo/sentimentApp",
# "projectData.json", "parseInt(")
_LOWER_GLUED = re.compile(
    r"(?<![\\A-Za-z0-9_.{\"'#@$/-])[a-z]{3,}[A-Z][a-z]{2,}[A-Za-z]*(?![A-Za-z0-9_(\"':=.}\]])"
)
# words that make a run of names an event, a prize or a class rather than a tag list
# ("PythonPandasDaskConferenceBerlin", "…CollaborationExcellenceAward", "RedisMongoConnectionPool")
_NOT_TAGS = frozenset("""
    award awards prize prizes conference conf meetup meetups summit program programme pool day
    days week camp bootcamp hackathon challenge cup competition series forum workshop school
    academy club society fellowship scholarship grant excellence connection client manager
    factory service handler provider adapter driver helper config builder operator session
""".split())
MIN_GLUED = 3
# each ASCII letter as "a" or "A": a text whose shape shows fewer than ``MIN_GLUED`` "aaaAaa" has
# no glued word to count (bytes.translate and count run at C speed, the regex does not)
_SHAPE = bytes(ord("a") if chr(b).islower() else ord("A") if chr(b).isupper() else b
               for b in range(128)) + bytes(range(128, 256))
# words that open a posting's item or sentence, after which a glued skill name still splits
# ("SQLHave experience", "AWSFamiliarity with Lambda", "MLFlowExperience")
OPENERS = frozenset("""
    about ability able additional and are as at background bachelor bachelors benefits bonus
    build collaborate comfortable communicate conduct create degree demonstrated deploy design
    desired develop drive education ensure evaluate excellent experience experienced expertise
    exposure familiar familiarity for good great hands has have how identify implement in is
    knowledge knowledgeable lead location maintain manage master masters mentor minimum monitor
    must nice or our own participate passion passionate perform phd plus preferred proficiency
    proficient proven qualifications required requirements responsibilities salary should
    skills solid strong support the this to understanding we what who will with work working
    write years you your
""".split())


class GluedWords:
    """Splits glued words, keeping every one-word form of the taxonomy whole."""

    def __init__(self, forms: Iterable[str]) -> None:
        # folded one-word forms, the only joins kept ("tensorflow", "mlflow", "xgboost")
        self._forms = frozenset(f.casefold() for f in forms if f.isalpha())

    @staticmethod
    def is_glued(text: str) -> bool:
        """Whether ``text`` shows at least ``MIN_GLUED`` distinct glued words opening in lower
        case."""
        if text.encode("utf-8", "replace").translate(_SHAPE).count(b"aaaAaa") < MIN_GLUED:
            return False
        found: set[str] = set()
        for match in _LOWER_GLUED.finditer(text):
            found.add(match.group())
            if len(found) >= MIN_GLUED:
                return True
        return False

    def split(self, word: str) -> list[str] | None:
        """The pieces of ``word``, or ``None`` when it is not glued."""
        if len(word) < 6 or not _CANDIDATE.fullmatch(word) or word.casefold() in self._forms:
            return None
        cuts = [m.start() for m in _BOUNDARY.finditer(word)]
        if not cuts:
            return None
        bounds = [0, *cuts, len(word)]
        pieces = [word[a:b] for a, b in zip(bounds, bounds[1:])]
        joined: list[str] = []
        index = 0
        while index < len(pieces):
            # the longest run of pieces from here that spells a form, else the piece alone
            end = len(pieces)
            while end > index + 1 and "".join(pieces[index:end]).casefold() not in self._forms:
                end -= 1
            piece = "".join(pieces[index:end])
            if joined and not self._parts(joined[-1], piece):
                joined[-1] += piece
            else:
                joined.append(piece)
            index = end
        return joined if len(joined) > 1 else None

    def spelled(self, word: str) -> list[str] | None:
        """The names of ``word`` when it is three or more one-word forms glued together, each
        opening with a capital and at least three letters long (a tag list a page lost its spaces
        in: "AirflowFastAPIMLflowDocker"); one piece in two names beyond the first may be another
        capitalised word ("…MLflowFeastDocker"). ``None`` otherwise, and for a form itself
        ("PostgreSQL"), a name and a word ("GitHub") or two names ("SparkNLP": one product's)."""
        if len(word) > _MAX_SPELLED or not word[:1].isupper() or not _CAMEL.search(word):
            return None
        folded = word.casefold()
        if folded in self._forms:
            return None
        cuts = [0, *(i for i in range(1, len(word)) if word[i].isupper()), len(word)]
        if len(cuts) > _MAX_CUTS:
            return None
        # best[i]: (score, known, pieces) spelling word[:cuts[i]]; a name scores 2, a word -1
        best: list[tuple[int, int, list[str]] | None] = [(0, 0, [])] + [None] * (len(cuts) - 1)
        for end in range(1, len(cuts)):
            for start in range(end):
                before = best[start]
                if before is None:
                    continue
                piece = word[cuts[start]:cuts[end]]
                if len(piece) >= 3 and piece.casefold() in self._forms:
                    candidate = (before[0] + 2, before[1] + 1, [*before[2], piece])
                elif _WORD_PIECE.fullmatch(piece):
                    candidate = (before[0] - 1, before[1], [*before[2], piece])
                else:
                    continue
                if best[end] is None or candidate[0] > best[end][0]:
                    best[end] = candidate
        found = best[-1]
        if found is None or len(found[2]) < 3:
            return None
        _, known, pieces = found
        # other words: one in two names beyond the first, or, among three names or more, fewer
        # than the names (a tag list holds tools the taxonomy does not: "…OpenaiPytorchVector")
        others = len(pieces) - known
        if others > (known - 1) // 2 and not (
                known >= 3 and others < known
                and not any(piece.casefold() in _NOT_TAGS for piece in pieces)):
            return None
        return pieces

    def _parts(self, left: str, right: str) -> bool:
        """Whether two glued pieces are two words: the left one opens in lower case
        ("learning|Proficiency"), neither is a skill's name ("Engineering|Model"), or the right
        one opens an item ("SQL|Have"); not a name made from a skill's ("Julia|Con")."""
        forms = self._forms
        return (left[:1].islower() or right.casefold() in OPENERS
                or (left.casefold() not in forms and right.casefold() not in forms))
