"""When a mention is not a claim: negated ("no experience with X"), hypothetical ("willing to
learn X", "X (if used)"), or a course's prerequisite."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..literals import ASCII_CASE_MATES, Occurrences, shortest_needed
from .folded import Folded
from .lines import line_bounds

if TYPE_CHECKING:
    from ..mention import Mention

_NEG_CUE = Folded(re.compile(
    # (before the bare "no": "no interest in working with Go")
    r"\bno\s+(?:real\s+|particular\s+)?interest\s+in\b"
    r"|\b(?:no|not|never|without|nor|lack(?:s|ing)?(?: of)?|unfamiliar with|none)\b"
    r"|\b(?:willing|eager|keen|want(?:s|ing)?|hope|hoping|plan(?:s|ning)?|look(?:ing)? forward|"
    r"would like|'d like|love|aim(?:ing)?|excited|wish(?:es)?|intend(?:s|ing)?|open|"
    # (the nouns: "willingness to learn X", "motivation to learn Rust")
    r"willingness|eagerness|keenness|motivat(?:ion|ed)|desire)\s+to\s+"
    r"(?:learn(?:ing)?|explore|exploring|try|pick(?:ing)? up|study|(?:begin|start)(?: [a-z]+ing)?|"
    r"get(?:ting)?(?: (?:much|more|further|deeper|better))* into|"
    r"take (?:a |an )?(?:course|class|module|bootcamp|certification)s? (?:on|in)|"
    r"become (?:proficient|fluent|skilled|certified|an expert) (?:in|with))\b"
    # (a hope with no object is a trait: "a strong desire to learn, with experience in Python")
    r"(?![ \t]*(?:[,;.!]|and (?:grow|improve|develop)\b))"
    r"|\binterested in (?:learning |exploring |picking up |moving into |getting into )?"
    r"|\b(?:aspir(?:e|es|ing)|hop(?:e|es|ing)|plan(?:s|ning)?|look(?:ing)?|want(?:s|ing)?|aim(?:s|ing)?|"
    r"seek(?:s|ing)?)\s+to\s+(?:move|transition|grow|pivot|branch out|get|break|specialise|"
    r"specialize)\s+(?:into|towards?|in)\b"
    r"|\baspir(?:e|es|ing) to(?: become| be| work| learn| master)?\b|\baspirations? (?:in|towards?)\b"
    r"|\bgoals?:?\s+(?:to\s+)?(?:become|get|be)\s+(?:proficient|fluent|skilled|certified|an expert)\s+"
    r"(?:in|with)\b"
    # (not the means of a result: "cut release times by shifting towards CI/CD pipelines")
    r"|(?<!\bby )\b(?:mov(?:e|es|ing)|transitioning|pivoting|shifting) towards?\b"
    r"|\b(?:currently|now|still|am|started|starting|beginning to|begun)\s+(?:learn(?:ing)?|"
    r"teaching myself)\b"
    # tools still being learnt, named as examples: "continuously learning new tools like
    # MLflow" (not "learning-to-rank tools like LightGBM")
    r"|\b(?:continuously|constantly|always|actively|keen on|enjoy)\s+learning\s+(?:new\s+)?"
    r"(?:tools|technologies|frameworks|languages|libraries|platforms),?\s+"
    r"(?:like|such as|including)\b"
    # a list item still being learnt: "Python (glue), learning Scala" (not "learning to
    # rank", "learning rate")
    r"|(?:(?<=[,;(])|(?<=[,;(] ))learning(?=[ \t])(?![ \t]+(?:to|rate)\b)"
    # a course still under way: "currently following an online course on Python", "now
    # enrolled in a Coursera course on deep learning"
    r"|\b(?:currently|now)\s+(?:taking|following|doing|attending|enrolled in)\s+(?:a|an)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:course|class|mooc|bootcamp|specialization|specialisation)\s+"
    r"(?:on|in|about)\b"
    # "you won't need any MATLAB", "we don't use it" (curly apostrophes are straightened when
    # a document is read; an entity's padding may follow one: "don&rsquo;t" reads "don'      t")
    r"|n' {0,8}t\b",
    re.IGNORECASE,
))
# the strings one of which every cue holds: a mention with none of them before it has no cue
_CUE_NEEDS = shortest_needed(_NEG_CUE)
_NOT_NEGATION = Folded(re.compile(
    r"\bnot (?:only|just|limited|merely|to mention)\b|\bor not\b|\bno\.|\bno later\b|"
    r"\bnot a plus\b|\bno less\b|\bnone the less\b",
    re.IGNORECASE,
))
_POST_NEG = Folded(re.compile(
    r"\b(?:(?:is|are|was|were)\s+)?not\s+(?:required|necessary|needed|mandatory|expected|a "
    r"requirement|essential)\b|\b(?:isn't|aren't)\s+(?:required|necessary|needed)\b"
    r"|\b(?:isn't|is not|aren't|are not)\s+(?:something|anything|what)\s+we(?:'ll| will| would)?\s+"
    r"(?:ask|need|require|look for|expect|test)\b"
    r"|\b(?:is|are)\s+(?:still\s+|next\s+)?on my (?:to-learn|to learn|learning|to-do|todo|wish)"
    r"[ -]?list\b",
    re.IGNORECASE,
))
# "with a move to Kubernetes planned for 2019": not there yet
_PLANNED_AFTER = re.compile(
    r"\s*(?:is\s+|are\s+)?planned\s+(?:for|in)\s+(?:next|the next|the coming|later|20\d\d)\b"
    r"(?![^.;\n]*\b(?:delivered|completed|finished|done|shipped|launched)\b)",
    re.IGNORECASE,
)
_MOVE_BEFORE = re.compile(r"(?i)\b(?:move|migration|transition|switch)\s+to\s+$")
_FILLER = frozenset(
    """
    and or nor any prior previous professional commercial production hands-on hands on real
    world direct formal significant much experience experienced knowledge exposure familiarity
    familiar background expertise skills skill with in of using use used the a an to working
    work worked is are be been required needed necessary languages language tools tool
    frameworks framework libraries like such as e.g eg more about new technologies technology
    etc also yet at all do does did have has had programming coding written into up learn
    learning some basic advanced strong deep solid proficiency proficient fluency fluent need
    needs require requires comfortable confident good great very really enough currently still
    you expect know touch touched tried any anything after be writing write ask asked
    """.split()  # noqa: SIM905
)
_NEG_REACH = 120
# the label a cue opens: "Not yet:", "Not required:", "None:", "Not my strengths yet:", "Not my
# area:" (not "Not negotiable:")
_LABEL_COLON = re.compile(
    r"^\s*(?:yet|required|needed|used|applicable|familiar|experienced|"
    r"(?:yet\s+)?(?:my|a|an)\s+(?:strengths?|areas?|forte|focus|expertise)(?:\s+yet)?)?"
    r"\s*[*_]*:[*_]*(?=\s)",
    re.IGNORECASE,
)
# "MLflow (if used)", "Rust (keen to learn)": a hedge on the item right before it
_HEDGED = re.compile(
    r"\s*\(\s*(?:if (?:used|any|applicable)|(?:keen|eager|willing|hoping|planning|want(?:ing)?|"
    r"plan) to (?:learn|try|pick (?:it )?up)|(?:currently |still )?learning|to learn)\s*\)",
    re.IGNORECASE,
)


# marks that separate the items of one line ("SQL | Tableau"; bullets such as "▪" are read
# as " - ")
_ITEM_MARKS = (" -", " |", " –", " —")

_ASIDE = re.compile(r"\([^()\n]{0,60}\)")
_LIST_SPLIT = re.compile(r",|\bor\b|\band\b|/")
_SENTENCE_END = re.compile(r"[.;:!?](?:\s|$)")


def _list_run(gap: str) -> bool:
    """A negated list that names other things between the skills: "not yet worked with Spark,
    any cloud platform, or X": filler to the list's first item, short items, then filler right
    before X ("may not use daily (Java, Go" is no such list: "daily" is no filler)."""
    if "," not in gap or _crosses_sentence(gap):
        return False
    first, *items, last = _LIST_SPLIT.split(gap)
    return _only_filler(first) and _only_filler(last) and all(
        len(re.findall(r"[A-Za-z]+", item)) <= 3 for item in items)


def _crosses_sentence(gap: str) -> bool:
    """``gap`` holds a line break or a sentence's end."""
    return "\n" in gap or _SENTENCE_END.search(gap) is not None


def _only_filler(gap: str) -> bool:
    if _crosses_sentence(gap):
        return False
    words = re.findall(r"[A-Za-z][A-Za-z'.-]*", gap)
    return all(w.lower().strip(".") in _FILLER for w in words)


def blank_out(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every span replaced by spaces (same length), so cue searches see other
    skills as gaps."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def negated(text: str, mention: Mention, blanked: str,
            cues: Occurrences | None = None) -> bool:
    """"no experience with X", "not X", "without X", "willing to learn X", "X is not required":
    the cue and the mention must be joined only by list separators, other skills and filler.
    ``blanked`` is ``text`` with the accepted mentions blanked out (``blank_out``); ``cues``,
    where ``blanked`` may hold a cue (``Negations`` makes it), spares the search elsewhere."""
    start, end = mention.start, mention.end
    lo = max(0, start - _NEG_REACH)
    if cues is None or cues.may_hold(lo, start):  # (else no cue in reach, wherever the cut)
        before = blanked[lo:start]
        cut = max(before.rfind("\n"), before.rfind(". "), before.rfind(";")) + 1
        lo, before = lo + cut, before[cut:]
        # (the line or sentence left after the cut may hold no cue either: most do not)
        cued = cues is None or cues.may_hold(lo, start)
        for cue in reversed(list(_NEG_CUE.finditer(before))) if cued else ():
            around = text[lo + cue.start():lo + cue.start() + 20]
            if _NOT_NEGATION.match(around):
                continue
            gap = before[cue.end():]
            lead = before[:cue.start()].rstrip(" \t")
            if not lead.strip("*_•·-") or lead.endswith(_ITEM_MARKS):
                # a cue opening the line, or an item of it, labels what follows: "Not yet:
                # Rust, Scala", "SQL ▪ currently learning: Spark, AWS"
                gap = _LABEL_COLON.sub(" ", gap, count=1)
            if gap.count(")") > gap.count("(") and lead.rfind("(") > lead.rfind(")"):
                # the cue's bracket closed first: "C++ (competent, but not fluent), MATLAB"; an
                # earlier cue may still reach ("Not yet: Rust (keen to learn), Scala")
                continue
            # (a closed aside between the cue and the mention is another item's: "Not yet:
            # Rust (keen to learn), Scala")
            gap = _ASIDE.sub(" ", gap) if "(" in gap else gap
            if _only_filler(gap) or _list_run(gap):
                return True
            break
    if "(" in text[end:end + 4] and _HEDGED.match(text, end):
        return True
    after = blanked[end:end + _NEG_REACH]
    folded = after.lower()
    if "planned" in folded and _PLANNED_AFTER.match(after) and _MOVE_BEFORE.search(
            text, max(0, start - 60), start):
        return True
    if "not" not in folded and "n't" not in folded and "list" not in folded:
        return False  # (what every _POST_NEG match holds)
    after = after[:min((i for i in (after.find("\n"), after.find(". "), after.find(";")) if i >= 0),
                       default=len(after))]
    post = _POST_NEG.search(after)
    return bool(post and _only_filler(after[:post.start()]))


# a heading over a list of what is not asked for: "What you don't need", "Not required:"
_NEGATING_HEADING = Folded(re.compile(
    r"(?m)^[ \t#*_>-]*(?:(?:what|things)\s+you\s+(?:won['’]t|will not)\s+be\s+doing|"
    r"(?:what|things)\s+(?:you|we)\s+(?:don['’]t|do not|won['’]t|will not)"
    r"\s+(?:need|expect|require)|(?:you|we)\s+(?:don['’]t|do not|won['’]t|will not)\s+"
    r"(?:need|expect|require)|not\s+(?:required|needed|necessary|expected)|no need for|"
    r"nice to skip)\b[ \t]*[:*_#]*[ \t]*$",
    re.IGNORECASE,
))
# a turn inside a sentence: what follows is asked for again
_CONTRAST = re.compile(r"(?i)\b(?:but|however|though|although|yet)\b[,]?\s+"
                       r"(?:you|we|do|does|a|an|some|solid|good|basic|strong)\b")
# a bulleted line
_BULLET = re.compile(r"[ \t]*(?:[-*•▪●·–—>]|&bull;|\d+[.)])[ \t]")
_HEADING_REACH = 1500
# a new heading ends the list: Markdown ("**What you need**", "## Stack") or a line ending in ":"
_NEW_HEADING = re.compile(r"[ \t]*(?:#|\*\*|__)|[^\n]*:[ \t]*$")


# a posting's tool the team no longer runs: "we retired our old NLTK pipelines", "the team
# moved off MATLAB", "our last Spark job was retired in 2022" (in a resume, retiring a system is
# work done with it)
_RETIRED_BEFORE = re.compile(
    r"(?i)\b(?:we(?:'ve)?|team)\s+(?:have\s+|has\s+)?(?:retired|decommissioned|sunset(?:ted)?|"
    r"moved\s+(?:away\s+)?off|moved\s+away\s+from|migrated\s+(?:away\s+)?off|phased\s+out|"
    r"got\s+rid\s+of)\s+(?:(?:of|our|the|its|their|all|old|legacy|last|remaining)\s+){0,3}$"
)
_RETIRED_AFTER = re.compile(
    r"(?i)\s+(?:(?:jobs?|pipelines?|clusters?|stack|code|codebase|services?|instances?|setup|"
    r"deployments?|models?|servers?|platform)\s+){0,2}"
    r"(?:was|were|has\s+been|have\s+been|got)\s+(?:retired|"
    r"decommissioned|sunset(?:ted)?|phased\s+out|switched\s+off)\b"
)


class Negations:
    """``negated`` for the mentions of one text: the cue pattern is searched only before a
    mention with a string every cue needs in reach (most have none). A list under a heading
    that says it is not asked for ("What you don't need") is negated as a whole; in a posting,
    a tool the team has retired is not asked for either."""

    def __init__(self, text: str, blanked: str, retired: bool = False) -> None:
        # (``retired``: a posting whose text may name a retired tool, ``gates.may_name_retired``)
        self.text, self.blanked = text, blanked
        self.retired = retired
        lowered = None if any(c in blanked for c in ASCII_CASE_MATES) else blanked.lower()
        self._cues = Occurrences(lowered, _CUE_NEEDS)
        self._headings = [m.end() for m in _NEGATING_HEADING.finditer(text)]

    def __call__(self, mention: Mention) -> bool:
        return negated(self.text, mention, self.blanked, self._cues) or (
            bool(self._headings) and self._under_negating_heading(mention.start)
            and not self._after_a_contrast(mention.start)) or (
            self.retired and self._retired(mention))

    def _retired(self, mention: Mention) -> bool:
        """"We retired our old NLTK pipelines", "Our last Spark job was retired in 2022"."""
        text = self.text
        return bool(_RETIRED_BEFORE.search(text, max(0, mention.start - 80), mention.start)
                    or _RETIRED_AFTER.match(text, mention.end, mention.end + 60))

    def _after_a_contrast(self, start: int) -> bool:
        """The mention's sentence turns before it ("You do not need to be an engineer, but
        you should be comfortable with Git"): what follows the turn is asked for."""
        text = self.text
        reach = max(0, start - 300)
        lo = max(text.rfind(". ", reach, start), text.rfind("\n", reach, start), reach)
        return _CONTRAST.search(text, lo, start) is not None

    def _under_negating_heading(self, start: int) -> bool:
        """The mention's line is an item of the list right under a negating heading: every
        line from the heading down is blank, a bulleted item, an item written as a sentence
        (ending in a full stop) or a bullet's wrapped continuation; a title-like line (a
        Markdown heading, "Benefits", "Required skills: …" after a blank line) ends the list."""
        above = [end for end in self._headings if end < start <= end + _HEADING_REACH]
        if not above:
            return False
        text = self.text
        own_line = text.rfind("\n", 0, start) + 1
        cursor, previous_blank = above[-1] + 1, True
        while cursor <= own_line:
            line_end = text.find("\n", cursor)
            line = text[cursor:line_end if line_end >= 0 else len(text)]
            if not line.strip():
                previous_blank = True
            else:
                bullet = bool(_BULLET.match(line))
                if not bullet and _NEW_HEADING.match(line):
                    return False
                sentence = line.rstrip().endswith(".")
                # (leading spaces are gone once a document is read: a bullet's wrapped
                # continuation is a line right after it, opening in lower case or long)
                stripped = line.strip()
                continuation = not previous_blank and (
                    stripped[:1].islower() or len(stripped.split()) > 4)
                if not (bullet or sentence or continuation):
                    return False
                previous_blank = False
            if cursor == own_line or line_end < 0:
                return cursor == own_line and bool(line.strip())
            cursor = line_end + 1
        return False


_PREREQ_BEFORE = re.compile(r"(?i)\bpre-?req(?:uisite)?s?\b\s*(?::|-|\(|include[sd]?|are|were|of)")
_PREREQ_AFTER = re.compile(r"(?i)^\s*(?:(?:as|were|are|is|was)\s+)?(?:the\s+)?pre-?req(?:uisite)?s?\b")
_PREREQ_WORD = re.compile(r"(?i)\bpre-?req")
_COURSE = re.compile(
    r"(?i)\b(?:course|courses|class|classes|module|modules|MOOC|bootcamp|certificate|"
    r"specialization|specialisation|syllabus|curriculum|lecture|lectures|program(?:me)?|track)\b"
)


def mentions_prerequisites(text: str) -> bool:
    """Whether ``course_prerequisite`` can apply anywhere in ``text`` (a cheap pre-check)."""
    if text.isascii():  # (what every match holds, in some case)
        lowered = text.lower()
        if "prereq" not in lowered and "pre-req" not in lowered:
            return False
    return _PREREQ_WORD.search(text) is not None


def course_prerequisite(text: str, mention: Mention, blanked: str) -> bool:
    """"Prerequisites: calculus, linear algebra", "(calculus, linear algebra prerequisites)" in
    a line about a course: what the course assumed, not a claim. Postings' "prerequisites"
    (no course word on the line) stay claims; "Coursework: calculus" is a claim."""
    line_start, line_end = line_bounds(text, mention.start, mention.end)
    line_start = max(line_start, mention.start - 200)
    line_end = min(line_end, mention.end + 200)
    if not _COURSE.search(text, line_start, line_end):
        return False
    before = blanked[line_start:mention.start]
    cues = list(_PREREQ_BEFORE.finditer(before))
    if cues and _only_filler(before[cues[-1].end():].replace(",", " ")):
        return True
    after = blanked[mention.end:line_end]
    gap = re.match(r"[\s,/&]*(?:(?:and|or)\s+)?", after)
    rest = after[gap.end():] if gap else after
    return bool(_PREREQ_AFTER.match(rest))
