"""Mentions in a resume that name other people's skills or a market, not the writer's: the
work of people in a relative clause ("worked with data scientists who built …"), the
engineers a recruiter hired ("Recruited Java and Scala engineers", "hired engineers with
Kubernetes experience", "46 hires including three ML engineers (PyTorch)"), the licences a
salesperson sold ("Sold Tableau licences", "account manager for AWS partners"), a competitor
("battlecards vs Google Cloud"), a company in the news ("profiled Snowflake ahead of its IPO"),
the tools of another team or of the customers ("their own team ran the Kubernetes stack",
"most of them run Snowflake"). Callers ask it of resumes only: a posting's "we hire Python
engineers" is the job.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .context.folded import Folded
from .literals import Occurrences, lowered_for_search, needed_by_any, needed_literals

if TYPE_CHECKING:
    from .mention import Mention

# other people's work, in a relative clause: "worked with data scientists who built deep
# learning models", "supported engineers that deploy on Kubernetes"
_OTHERS_WHO = re.compile(
    r"\b(?i:with|for|to|supported|supporting|helped|helping|assisted|assisting|alongside|"
    r"managed|managing|recruited|recruiting|hired|hiring)\s+(?:(?i:the|our|a|an|several|many)\s+)?"
    r"(?:[\w-]+\s+){0,3}(?i:scientists|engineers|researchers|developers|analysts|teams?|"
    r"colleagues|clients|customers|users|stakeholders|candidates|people)"
    r"\s*,?\s+(?i:who|that|which)\b"
    r"[^.;!?\n]*$"
)


_PEOPLE = ("scientists", "engineers", "researchers", "developers", "analysts", "teams", "team",
           "colleagues", "clients", "customers", "users", "stakeholders", "candidates", "people")
_PEOPLE_WHO = re.compile(rf"\b(?i:{'|'.join(_PEOPLE)})\s*,?\s+(?i:who|that|which)\b")
# the " who"/" that" ending a match: found first (a cheap scan for the word), then the blanks
# and the comma before it, then the word before is tried (a regex from each blank, as
# "[\s,]\s*who", took time growing with the square of a run of blanks)
_WHO_THAT = re.compile(r"(?i)(?<=[\s,])(?:who|that|which)\b")
_PEOPLE_LENGTHS = sorted({len(word) for word in _PEOPLE})
_OTHERS_REACH = 160


def others_clauses(text: str) -> list[int]:
    """Where each "engineers who", "analysts that" of the text ends (for ``in_others_work``):
    the ends of ``_PEOPLE_WHO.finditer(text)``, found from the " who"/" that" endings."""
    ends = []
    floor = 0  # (where the last match ended: no blank before it is walked back over again)
    for tail in _WHO_THAT.finditer(text):
        start, end = tail.span()
        while start > floor and text[start - 1].isspace():
            start -= 1
        if start > floor and text[start - 1] == ",":
            start -= 1
        floor = end
        if any(n <= start and _PEOPLE_WHO.fullmatch(text, start - n, end)
               for n in _PEOPLE_LENGTHS):
            ends.append(end)
    return ends


def in_others_work(text: str, mention: Mention, clauses: Sequence[int]) -> bool:
    """The mention sits in a relative clause about other people ("worked with data scientists
    who built deep learning models"): their skill, not the writer's (callers ask it of resumes:
    in a posting the team's tools count). ``clauses``: ``others_clauses(text)``."""
    index = bisect_right(clauses, mention.start)
    if not index or mention.start - clauses[index - 1] > _OTHERS_REACH:
        return False
    return bool(_OTHERS_WHO.search(text, max(0, mention.start - _OTHERS_REACH), mention.start))


# a clause's hiring verb, before the mention: "recruited", "hiring", "sourced candidates for"
_HIRING = Folded(re.compile(
    r"\b(?:recruit(?:ed|ing|s)?|hir(?:ed|ing|es|e)|sourc(?:ed|ing|es|e)|headhunt(?:ed|ing|s)?|"
    r"staff(?:ed|ing)|plac(?:ed|ing) (?:\w+ )?(?:candidates|engineers|developers|talent)|"
    r"interview(?:ed|ing|s)?|screen(?:ed|ing|s)? (?:\w+ )?(?:candidates|applicants|cvs|resumes))\b"
    r"[^.;!?\n]*$",
    re.IGNORECASE,
))
# the people or roles a hired skill describes, right after it and its list: "Java and Scala
# engineers", "machine learning and data science roles"
_PEOPLE_AFTER = re.compile(
    r"(?i)[^.;!?\n]{0,60}?\b(?:engineers?|developers?|scientists?|analysts?|architects?|"
    r"candidates?|roles?|positions?|openings?|vacanc(?:y|ies)|talent|hires|specialists?|"
    r"experts?|professionals?|consultants?|programmers?|researchers?)\b"
)
# a skill the people have: "engineers with Kubernetes, Go and AWS experience"
_PEOPLE_WITH = re.compile(
    r"(?i)\b(?:engineers?|developers?|scientists?|analysts?|candidates?|talent|hires|"
    r"professionals?|specialists?|consultants?|programmers?)\s+(?:with|who know|skilled in|"
    r"experienced in)\s+[^.;!?\n]{0,80}$"
)
# what the people have it as: "… AWS experience", "… Spark skills"
_ATTRIBUTE_AFTER = re.compile(
    r"(?i)[^.;!?\n]{0,60}?\b(?:experience|skills?|background|expertise|knowledge)\b")
_WORDS_BETWEEN = re.compile(r"[\w+#./-]+")
# what a market is sold or partnered in: "Tableau licences", "AWS partners", "Salesforce seats"
# (list runs are atomic groups: "and" is a separator or a word, and a long run of them must not
# be split every way before the match fails)
_MARKET_AFTER = re.compile(
    r"(?>\s*(?:,|and|&|/)\s*[\w+#.-]+(?:\s(?!(?i:licen|subscription|partner|reseller|renewal|seats))"
    r"[\w+#.-]+)?)*\s+(?i:licen[cs](?:es|ing)|"
    r"subscriptions?|partners?|partnerships?|resellers?|renewals?|seats|reseller)\b"
)
_SOLD = Folded(re.compile(
    r"\b(?:s[oe]ll(?:s|ing)?|sold|resold|resell(?:s|ing)?|upsell(?:s|ing)?|upsold|"
    r"account (?:manager|executive|management)|partner manager|channel|sales|quota|"
    r"pipeline|revenue|deals?|renewals?)\b[^.;!?\n]*$",
    re.IGNORECASE,
))
# the people whose bracketed list the mention is in: "three ML engineers (PyTorch, LLM serving)"
_PEOPLE_BRACKET = re.compile(
    r"(?i)\b(?:engineers?|developers?|scientists?|analysts?|architects?|candidates?|roles?|"
    r"hires|specialists?|consultants?|programmers?|researchers?)\s*\([^()\n]{0,60}$"
)
# other people as the subject of the clause the tool is in: another team ("their own team ran
# the Kubernetes and software stack", "the client's engineers maintained the Hadoop cluster"),
# the reader's company in a cover letter ("how your company runs its model serving")
# or the customers ("fintech customers; most of them run Snowflake")
_OTHERS_AS_SUBJECT = Folded(re.compile(
    r"(?:\b(?:their|the (?:client|customer)'s|another|a different|other)\s+(?:own\s+)?"
    r"(?:teams?|engineers|data scientists|developers|staff)\s+(?:ran|run|runs|owned|owns|own|"
    r"managed|manages|manage|handled|handles|maintained|maintains|built|builds|operated|operates)"
    r"|\b(?:how|what|why|where)\s+your\s+(?:company|team|teams|organi[sz]ation|firm)\s+"
    r"(?:runs|uses|builds|does|handles|approaches|manages)"
    r"|\b[\w-]+\s+of (?:them|our (?:customers|clients|users)|the (?:customers|clients|users))"
    r"\s+(?:run|runs|use|uses|used|ran|are on|were on|rely on))\b"
    r"(?:(?!\b(?:i|my|we|our)\b|,\s*so\b)[^.;!?\n]){0,60}$",
    re.IGNORECASE,
))
# the writer's own work right after: "… on the Kubernetes platform I built"
_WRITERS_OWN_AFTER = re.compile(
    r"[^.;!?\n]{0,30}?\b(?:I|we)\s+(?:built|created|wrote|designed|set up|own|maintain|run|ran|"
    r"developed|deployed)\b")
# a competitor in a sales clause: "battlecards vs Google Cloud and Oracle", "won deals against
# Snowflake"
_COMPETING = Folded(re.compile(
    r"\b(?:battle ?cards?|competitors?|competitive (?:deals?|bids?|positioning|intelligence)|"
    r"displac(?:e|ed|es|ing)|(?:won|win|wins|winning|lost|losing)\s+(?:\w+\s+){0,2}"
    r"(?:deals?|accounts?|bids?|tenders?|rfps?|logos?|business))\b[^.;!?\n]{0,80}?"
    r"\b(?:vs\.?|versus|against)\s+(?>[\w+#.-]+(?:\s[\w+#.-]+)?\s*(?:,|and|or|&|/)\s*)*$",
    re.IGNORECASE,
))
# a company's own events after it: "Snowflake and Databricks ahead of their funding rounds"
_COMPANY_EVENTS = re.compile(
    r"(?>\s*(?:,|and|&|/)\s*[\w+#.-]+(?:\s[\w+#.-]+)?)*[^.;!?\n]{0,40}?"
    r"\b(?i:ahead of|before|after|during|around)\s+(?i:their|its)\s+"
    r"(?:[\w-]+\s+)?(?i:funding rounds?|ipos?|valuations?|acquisitions?|earnings|"
    r"fundrais(?:e|es|ing)|series [a-e](?: rounds?)?|listings?)\b"
)
_REACH = 120
# the clause before a mention (hiring, competing, other people as subject) and the words after
# it (a market, a company's events): every match of one of their patterns holds one of these
_BEFORE_NEEDS = needed_by_any(
    needed_literals(p) for p in (_HIRING, _COMPETING, _OTHERS_AS_SUBJECT))
_AFTER_NEEDS = needed_by_any(needed_literals(p) for p in (_MARKET_AFTER, _COMPANY_EVENTS))
# (what ``Strangers`` scans a text for, in the order it takes their ``Occurrences``)
NEEDS = (_BEFORE_NEEDS, _AFTER_NEEDS)


class Strangers:
    """The rules of this module for one text. A mention with none of the strings their patterns
    need in reach (``literals.Occurrences`` of ``NEEDS``: the clause before it, the words after
    it) is not searched around; most mentions have none. ``occurrences``: those two, when the
    caller scanned the text for them with others' strings (``Occurrences.of_each``)."""

    def __init__(self, text: str,
                 occurrences: tuple[Occurrences, Occurrences] | None = None) -> None:
        self.text = text
        if occurrences is None:
            occurrences = tuple(Occurrences.of_each(lowered_for_search(text), NEEDS))
        self._before, self._after = occurrences

    def __call__(self, mention: Mention) -> bool:
        """The mention names people hired, a market sold, a competitor, a company, or the tool
        of a clause whose subject is another team or the customers (``hired_skill``,
        ``sold_skill``, ``competitor``, ``company_in_the_news``, ``_OTHERS_AS_SUBJECT``)."""
        start, end = mention.start, mention.end
        text, lo = self.text, max(0, start - _REACH)
        if self._before.may_hold(lo, start) and (
            hired_skill(text, mention) or competitor(text, mention) or (
                bool(_OTHERS_AS_SUBJECT.search(text[lo:start]))
                and not _WRITERS_OWN_AFTER.match(text, end))
        ):
            return True
        return self._after.may_hold(end, end + 120) and (
            sold_skill(text, mention) or company_in_the_news(text, mention))


def hired_skill(text: str, mention: Mention) -> bool:
    """The mention describes people hired, sourced or interviewed, in a clause whose verb is a
    hiring one: "Recruited Java and Scala engineers", "sourced candidates for machine learning
    roles", "hired 30 engineers with Kubernetes experience"."""
    lo = max(0, mention.start - _REACH)
    before = text[lo:mention.start]
    if not _HIRING.search(before):
        return False
    after = _PEOPLE_AFTER.match(text, mention.end, mention.end + 80)
    if after is not None and len(_WORDS_BETWEEN.findall(after.group())) <= 6:
        return True
    if _PEOPLE_BRACKET.search(before):
        return True
    return bool(_PEOPLE_WITH.search(before)) and bool(
        _ATTRIBUTE_AFTER.match(text, mention.end, mention.end + 80))


def sold_skill(text: str, mention: Mention) -> bool:
    """The mention is a market: licences sold, partners managed ("Sold Salesforce and Tableau
    licences", "account manager for AWS partners"), in a clause about selling."""
    if not _MARKET_AFTER.match(text, mention.end, mention.end + 80):
        return False
    return bool(_SOLD.search(text[max(0, mention.start - _REACH):mention.start]))


def competitor(text: str, mention: Mention) -> bool:
    """The mention is a competitor named in a sales clause: "wrote the competitive battlecards
    vs Google Cloud and Oracle", "won three deals against Snowflake"."""
    return bool(_COMPETING.search(text[max(0, mention.start - _REACH):mention.start]))


def company_in_the_news(text: str, mention: Mention) -> bool:
    """The mention is a company with its own business events after it: "profiled Snowflake and
    Databricks ahead of their funding rounds"."""
    return bool(_COMPANY_EVENTS.match(text, mention.end, mention.end + 120))


# a question about someone else, in a resume: an FAQ's "Does Dana have AWS experience?", "Can
# Dana help your team migrate to Kubernetes?", a heading's "Why Rust?" (not one with the writer
# or the reader in it, answered or pitched: "Have I run Kubernetes in production? Yes, …", "Do
# you need a Go developer?"; a posting's "Do you know Kubernetes?" asks for it: callers ask this
# of resumes only)
_QUESTION = re.compile(
    r"(?:^|(?<=[.!?:][ \t])|(?<=[.!?:][ \t]{2}))[ \t>*#_-]*"
    r"(?:Does|Do|Did|Is|Are|Was|Were|Has|Have|Had|Can|Could|Would|Will|Should|What|Which|How|"
    r"Why|Where|Who|When)\b[^.!?\n]{0,200}\?",
    re.MULTILINE,
)
_WRITER_OR_READER = re.compile(r"\b(?:I|[Ww]e|[Yy]ou)\b")


class Questions:
    """The questions about someone else in one text, found once; ``__call__`` tells whether a
    mention is in one."""

    def __init__(self, text: str) -> None:
        spans = [m.span() for m in _QUESTION.finditer(text)
                 if not _WRITER_OR_READER.search(m.group())] if "?" in text else []
        self._starts = [start for start, _ in spans]
        self._ends = [end for _, end in spans]

    def __call__(self, mention: Mention) -> bool:
        index = bisect_right(self._starts, mention.start) - 1
        return index >= 0 and mention.end <= self._ends[index]
