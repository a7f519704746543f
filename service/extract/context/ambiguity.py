"""When an ambiguous form counts: rejected by the skill's own patterns or a non-skill shape,
confirmed by its own patterns, a technology phrase, a skills area, a list of skills, or other
tools in the same sentence.

Skill-specific patterns are data (``context.confirm`` / ``context.reject`` in the taxonomy);
this module holds only general rules about lists, headings and phrases.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right, insort
from functools import lru_cache
from typing import TYPE_CHECKING

from ...documents.sections import LATEX_SECTIONING
from ...models import Document
from ...taxonomy import ContextRule
from .folded import Folded, Window
from .lines import HEADING_LOOKBACK, SENTENCE_BREAK, line_after, line_before, line_bounds

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..mention import Mention

# (a comma's "and"/"or" belongs to the separator: "R, Python, or Julia" has the item "Julia";
# a run of spaces parts columns and blanked markup: "C       C++       Python" from a badge row)
_LIST_SEPARATOR = re.compile(
    r"\s*(?:[,;|()\[\]{}](?:\s+(?:and|or|&)(?=\s))?|(?<=\s)[-/](?=\s)|/|\s(?:and|or|&)\s)\s*"
    r"|[ \t]{3,}"
)
_SKILL_LABEL = re.compile(
    # (a data file's keys: _DATA_KEY_LABEL)
    r"^[\s\-*]*[A-Za-z/&+ ]{0,40}?\b(?:skills?|skill ?set|languages?|tools?|technolog(?:y|ies)|"
    r"frameworks?|librar(?:y|ies)|platforms?|environments?|software|databases?|stack|"
    r"proficienc(?:y|ies)|expertise|competenc(?:y|ies)|programming|cloud|packages?|"
    r"keywords)\b[A-Za-z/&+ ]{0,30}?\s*(?::|-\s|\||=)",
    re.IGNORECASE,
)
# a data file's key: joined words ("techStack: [", "programming_languages =", "tech-stack =") or
# quoted ("\"skills\": [")
_DATA_KEY_LABEL = re.compile(
    r"[\s-]*(?:(?:tech|technology|skill|tool|programming|coding|dev|software|main|core|key|top)"
    r"(?:[-_]?(?:stack|skills?|tools|technolog(?:y|ies)|languages?|frameworks?|librar(?:y|ies)|"
    r"keywords)|(?:Stack|Skills?|Tools|Technolog(?:y|ies)|Languages?|Frameworks?|Librar(?:y|ies)|"
    r"Keywords))|[\"'](?:[\w -]{0,30}[ _-])?(?i:skills?|stack|tools|technolog(?:y|ies)|"
    r"languages|frameworks?|librar(?:y|ies)|keywords)[\"'])[\"']?[ \t]*[:=]")
_SKILL_HEADING = re.compile(
    r"^[\s\-*]*(?:technical |key |core |it |computer |relevant )?(?:skills?(?: details| summary| "
    r"set)?|skillset|technical proficienc(?:y|ies)|technolog(?:y|ies)(?: used)?|tools(?: and "
    r"technologies)?|tech stack|programming languages|competenc(?:y|ies)|areas of expertise)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z0-9+#.]+")
_INITIAL = re.compile(r"\b[A-Z][a-z]+ $")
_LIST_REACH = 2
_LIST_SPAN = 200
_MAX_ITEM_WORDS = 3



_HYPHEN_LETTER = re.compile(r"-[A-Za-z]")
# "Rust-based services", "a Watson-powered chatbot": a name used as a technology, not a word
# joined into another ("C-suite", "R-squared")
_TECH_SUFFIX = re.compile(r"-(?:based|powered|driven|backed|native|enabled|compatible)\b")
_LETTER_HYPHEN = re.compile(r"[A-Za-z]-")
_BRACKET_GLUED = re.compile(r"[)\]][A-Za-z]")


def rejected(text: str, mention: Mention, rule: ContextRule | None) -> bool:
    """A reject pattern overlapping the mention, or a general non-skill shape (R&D, C-suite,
    a lower-case acronym, an initial)."""
    return rejected_by_shape(text, mention) or rejected_by_rule(text, mention, rule)


def rejected_by_shape(text: str, mention: Mention) -> bool:
    """General non-skill shapes: "R&D", "C-suite", "LSTM-based" (a hyphen then a letter), a
    lower-case acronym, another case than a case-sensitive form's, an initial, an abbreviation
    ("C. elegans")."""
    start, end = mention.start, mention.end
    surface, form = text[start:end], mention.form.text
    if text[end:end + 1] == "&" or text[start - 1:start] == "&":
        return True
    if _HYPHEN_LETTER.match(text, end, end + 2) and not _TECH_SUFFIX.match(text, end):
        return True
    if start >= 2 and _LETTER_HYPHEN.fullmatch(text, start - 2, start):
        return True
    if form.isupper() and surface.islower():
        return True
    if mention.form.case_sensitive and " ".join(surface.split()) != form:
        # a line written all in capitals ("SKILLS: PYTHON, GO, RUST") keeps no case to compare
        return not (surface.isupper() and " ".join(surface.split()) == form.upper()
                    and _all_capitals(text, start, end))
    return len(form) == 1 and (
        not surface.isupper() or _initial(text, start, end) or bool(_ABBREVIATION.match(text, end))
    )


# a capital, a full stop and a Latin-looking lower-case word: a genus ("C. elegans", "E. coli",
# "S. cerevisiae"), not a sloppy sentence end ("in C. also wrote", "R. etc.")
_ABBREVIATION = re.compile(r"\.[ \t]+[a-z]{2,}(?:ans|ens|ii|is|us|um|ae|i|a)\b")


def letter_of_a_word(text: str, mention: Mention) -> bool:
    """A one-letter name in brackets glued to the word it starts: "(C)Make", "[R]evolution"
    (a word's spelling, whatever list it stands in)."""
    start = mention.start
    return (mention.end - start == 1 and text[start - 1:start] in ("(", "[")
            and bool(_BRACKET_GLUED.match(text, mention.end)))


def _all_capitals(text: str, start: int, end: int) -> bool:
    """The line holding ``text[start:end]`` has letters, all of them capitals."""
    line_start, line_end = line_bounds(text, start, end)
    return text[line_start:line_end].isupper()


def rejected_by_rule(text: str, mention: Mention, rule: ContextRule | None) -> bool:
    """One of the skill's own reject patterns overlaps the mention."""
    if rule is None or not rule.rejecting:
        return False
    return rejected_by_patterns(text, mention, rule.rejecting, rule.window)


def rejected_by_patterns(text: str, mention: Mention, patterns: Sequence[str],
                         reach: int) -> bool:
    """One of ``patterns``, searched ``reach`` characters either side, overlaps the mention."""
    start, end = mention.start, mention.end
    lo, hi = max(0, start - reach), min(len(text), end + reach)
    window = Window(text, lo, hi)
    for pattern in patterns:
        for match in window.finditer(pattern):
            if lo + match.start() < end and start < lo + match.end():
                return True
    return False


def _initial(text: str, start: int, end: int) -> bool:
    """``John R. Smith``: a capital letter between a name and a capitalised word."""
    return bool(
        re.match(r"\. ?[A-Z][a-z]", text[end:end + 4])
        and _INITIAL.search(text[max(0, start - 30):start])
    )


# a prefix glued on that makes the name another thing: "semi-supervised methods",
# "self-supervised models", "non-linear regression", "weakly-supervised", or a time before
# or after it ("the pre-LLM days")
_MEANING_PREFIX = re.compile(r"(?i)(?<![\w-])(?:semi|self|non|un|weakly|pseudo|anti|pre|post)-$")
# (with a space, only before "supervised": "self supervised approaches", not "semi automated
# testing")
_SPACED_PREFIX = re.compile(r"(?i)(?<![\w-])(?:semi|self|weakly) $")


def prefixed_otherwise(text: str, mention: Mention) -> bool:
    """The name is the end of a word with a prefix that changes what it names ("semi-supervised
    methods" is not supervised learning, "non-linear regression" not linear regression; "self
    supervised approaches", written apart, neither; nor "the pre-LLM days" a language model)."""
    start = mention.start
    if start <= 2:
        return False
    if text[start - 1] == " ":
        return text[start:start + 10].lower() == "supervised" and bool(
            _SPACED_PREFIX.search(text, max(0, start - 8), start))
    return text[start - 1] == "-" and bool(_MEANING_PREFIX.search(text, max(0, start - 8), start))


def named_as_technology(text: str, mention: Mention) -> bool:
    """Written in the taxonomy's own case and joined to "-based", "-powered", "-native" …
    ("Rust-based services", "Watson-powered chatbot") or offered with another of its kind
    ("Rust or another systems language", "Spark or a similar engine"); callers ask it of tools,
    platforms, languages and libraries only ("CV-based screening" is not computer vision)."""
    return text[mention.start:mention.end] == mention.form.text and bool(
        _TECH_SUFFIX.match(text, mention.end) or _ANOTHER_OF_ITS_KIND.match(text, mention.end))


def named_in_role(text: str, mention: Mention, name: str) -> bool:
    """The skill's own name, as the taxonomy writes it, leads a role's title ("Senior Spark
    Data Engineer", "Go developers", "R and Python developers"): a job made of the technology.
    Callers ask it of tools, platforms, languages and libraries; an alias ("Amazon") may be an
    employer, so only the skill's name counts, and not before "Software Engineer" ("Snowflake
    Software Engineer" is a job at the company)."""
    return (text[mention.start:mention.end] == name == mention.form.text
            and bool(_ROLE_AFTER.match(text, mention.end)))


def named_with_competence(text: str, mention: Mention, name: str) -> bool:
    """A language's own name before a competence noun, weighed by a word before it ("strong Go
    proficiency", "3+ years of Julia experience", "five years' Rust experience"); callers ask it
    of languages only (a tool named like a thing is another thing's competence: "solid Pig
    experience" on a farm, "strong Helm experience" on yachts)."""
    return (text[mention.start:mention.end] == name == mention.form.text
            and bool(_COMPETENCE_AFTER.match(text, mention.end))
            and bool(_QUALIFIER_BEFORE.search(text, max(0, mention.start - 30), mention.start)))


def named_with_artifact(text: str, mention: Mention) -> bool:
    """A language written in its own case before what is made in it ("a little Go CLI", "an R
    package", "the Rust crate", "C code"; not a product's name: "the Amazon Go app"); callers
    ask it of languages only."""
    return (text[mention.start:mention.end] == mention.form.text
            and not _NAME_BEFORE.search(text, max(0, mention.start - 30), mention.start)
            and bool(_ARTIFACT_AFTER.match(text, mention.end)))


_ARTIFACT_AFTER = re.compile(
    r"[ \t]+(?:CLIs?|command[- ]line (?:tools?|apps?|interfaces?)|apps?|applications?|"
    r"(?:micro)?services?|librar(?:y|ies)|packages?|modules?|crates?|gems?|SDKs?|APIs?|"
    r"back-?ends?|code(?:base)?|scripts?|programs?|binar(?:y|ies)|bindings?|wrappers?|compilers?|"
    r"interpreters?|runtimes?|implementations?)\b")
# a capitalised word right before the name, inside a sentence: a product ("Amazon Go app")
_NAME_BEFORE = re.compile(r"[\w,;:)][ \t]+[A-Z][\w'’-]*[ \t]+$")


# a role noun right after the name, perhaps after one field word: "Spark Data Engineer"
_ROLE_AFTER = re.compile(
    # more names first: "R and Python developers", "Go, Rust or C++ engineers"
    r"(?:[ \t]*(?:,|/|&|\band\b|\bor\b)[ \t]*[A-Z][\w+#.]*){0,3}"
    r"[ \t]+(?:(?:[Dd]ata|[Bb]ack-?[Ee]nd|[Ff]ull[- ]?[Ss]tack|[Pp]latform|[Cc]loud|"
    r"[Bb]ig [Dd]ata|ML|AI)[ \t]+)?(?:[Dd]evelopers?|[Ee]ngineers?|[Pp]rogrammers?|[Aa]rchitects?|"
    r"[Aa]dministrators?|DBAs?)\b"
)


# a competence in a language, weighed by a word before: "strong Go proficiency", "3+ years of
# Julia experience", "3 years Go experience" (not a sentence's first word, a verb or a name:
# "Go experience the city", "Swift experience in handling escalations", "Hepatitis C
# knowledge", "Julia's experience")
_COMPETENCE_AFTER = re.compile(
    r"[ \t]+(?:proficiency|fluency|expertise|experience|skills?|knowledge|know-how)\b")
_QUALIFIER_BEFORE = re.compile(
    r"(?:\b(?i:strong|solid|good|deep|proven|hands-on|extensive|professional|production|prior|"
    r"demonstrated|excellent|advanced|basic|working|practical|previous|recent|commercial|"
    r"real-world|expert-level|senior-level|some|any)|(?:\d\+?|\b(?i:one|two|three|four|five|"
    r"six|seven|eight|nine|ten))[ \t]*(?i:years?|yrs?)(?:'|[ \t]+of)?)[ \t]+$")


_ANOTHER_OF_ITS_KIND = re.compile(
    r"[ \t]+or[ \t]+(?:another|other|any other|a similar|similar|an equivalent|"
    r"equivalent|a comparable|comparable)[ \t]+(?:[\w+#-]+[ \t]+){0,2}?(?:(?:programming[ \t]+)?"
    r"languages?|frameworks?|librar(?:y|ies)|tools?|platforms?|databases?|engines?)\b"
    # (the kind's people are not: "Julia or other platform leads")
    r"(?![ \t]+(?:leads?|engineers?|teams?|members?|managers?|owners?|people|staff|colleagues|"
    r"specialists?|experts?|users?)\b)"
)


def confirmed_by_rule(text: str, mention: Mention, rule: ContextRule | None) -> bool:
    """The skill's own confirm patterns match within its window."""
    if rule is None or not rule.confirm:
        return False
    lo, hi = max(0, mention.start - rule.window), min(len(text), mention.end + rule.window)
    window = Window(text, lo, hi)
    return any(window.search(p) for p in rule.confirm)


_TECH_LEAD = Folded(re.compile(
    r"\b(?:learn(?:ing|t|ed)?|experience (?:with|in|using)|proficien(?:t|cy) (?:in|with)|"
    r"knowledge of|programming in|written in|coded in|developed in|expertise in|skilled in|"
    r"fluent in|familiar(?:ity)? with|hands-on (?:with|in)|"
    # the same in Spanish, French, Italian, Portuguese and German: "experiencia con X",
    # "expérience avec X", "esperienza con X", "experiência com X", "Erfahrung mit X"
    r"experiencia (?:con|en)|exp[ée]rience (?:avec|en|sur)|esperienza (?:con|in|su)|"
    r"experi[êe]ncia (?:com|em)|erfahrung(?:en)? (?:mit|in)|kenntnisse (?:in|mit|von)|"
    r"conocimientos? (?:de|en)|connaissances? (?:de|en)|conhecimentos? (?:de|em)|"
    r"conoscenz[ae] (?:di|in)|dominio de|dom[íi]nio de|ma[îi]trise de)\s+$"
    # "proficient in the use of X", "experience in using X", "skilled at working with X"
    r"|\b(?:experienced?|proficien(?:t|cy)|knowledge|expertise|skilled|fluent|competen(?:t|ce))"
    r" (?:in|at|with) (?:(?:the )?use of|using|working (?:with|in))\s+$"
    # an example of a kind of technology: "a systems language (e.g. Go", "tools such as Hive"
    r"|\b(?:languages?|frameworks?|tools?|platforms?|librar(?:y|ies)|databases?|stacks?)"
    r"\s*(?:[(,:]\s*)?(?:such as|e\.g\.,?|eg,?|like|including|for example,?)\s+$",
    re.IGNORECASE,
))


# technical work moved onto or run on a named system: "migrated 40 training jobs from cron to
# Airflow", "ran the nightly queries on Presto", "loaded the events into Snowflake"
_WORK_ON = Folded(re.compile(
    r"\b(?:migrat(?:e|es|ed|ing)|port(?:s|ed|ing)?|mov(?:e|es|ed|ing)|re-?writ(?:e|es|ing|ten)|"
    r"re-?wrote|re-?implement(?:s|ed|ing)?|load(?:s|ed|ing)?|schedul(?:e|es|ed|ing)|"
    r"orchestrat(?:e|es|ed|ing)|ran|run(?:s|ning)?|execut(?:e|es|ed|ing)|host(?:s|ed|ing)?|"
    r"land(?:s|ed|ing)?|stor(?:e|es|ed|ing)|quer(?:y|ies|ied|ying))\b[^.;:!?\n]{0,80}?"
    r"\b(?:jobs?|tables?|pipelines?|models?|scripts?|code(?:base)?|quer(?:y|ies)|workloads?|etl|"
    r"dags?|workflows?|notebooks?|simulations?|tasks?|batch(?:es)?|datasets?|events?|logs?|"
    r"data|solvers?)\b"
    r"[^.;:!?\n]{0,60}?\b(?:to|into|onto|on|in|with|using|via)\s+$",
    re.IGNORECASE,
))
# a person's name goes on: "to Julia's team", "with Julia Chen", "to Julia while she covered"
_NAME_GOES_ON = re.compile(
    r"['’]s\b|[ \t]+[A-Z][a-z]+|\W+(?:\w+\W+){0,3}(?:she|he|her|him|his)\b")


def confirmed_by_work_on(text: str, mention: Mention) -> bool:
    """A name written in the taxonomy's case that technical work was moved to or run on
    ("migrated the training jobs from cron to Airflow", "ran the reporting jobs on Spark"),
    not a person's ("sent the reports to Julia Chen")."""
    if text[mention.start:mention.end] != mention.form.text or _NAME_GOES_ON.match(
            text, mention.end):
        return False
    return bool(_WORK_ON.search(text[max(0, mention.start - 160):mention.start]))


def confirmed_by_phrase(text: str, mention: Mention) -> bool:
    """A phrase that only takes a technology: "experience with X", "written in X", "learn X",
    an example of a kind of technology ("a systems language (e.g. X", "tools such as X");
    or a one-letter name after "in"/"using"/"with" that ends the sentence or comes before a
    bracket ("wrote the simulations in C.", "in R (tidyverse)"), or after "in"/"use" and before
    "for"/"to" and a verb or noun ("used R for survival analysis", "in C to drive sensors");
    any ambiguous name right after "used"/"using" and before such a purpose ("used pandas to
    clean survey data")."""
    if _TECH_LEAD.search(text[max(0, mention.start - 40):mention.start]):
        return True
    lead = _ONE_LETTER_LEAD.search(text, max(0, mention.start - 12), mention.start)
    if lead is None:
        return False
    word = lead.group(1).lower()
    if mention.end - mention.start > 1:
        # "used pandas to clean the data", "using Hive for ad-hoc queries" (not "in Amazon
        # for three years": an employer)
        return word in _USE_WORDS and word != "in" and bool(_PURPOSE.match(text, mention.end))
    if not text[mention.start].isupper():
        return False
    if word in _USE_WORDS and _PURPOSE.match(text, mention.end):
        return True
    if word in ("used", "use", "uses"):
        return False
    # after "with", "and", "or" a full stop then a capital is more likely an initial
    end = _SENTENCE_END_STRICT if word in ("with", "and", "or") else _ONE_LETTER_END
    return bool(end.match(text, mention.end))


_ONE_LETTER_LEAD = re.compile(r"(?i)\b(in|using|with|and|or|used|use|uses)\s+$")
# "Airflow & Helm experience", "Spark/Hive expertise" (beside another tool), "Airflow experience
# required" (asked for); not "Julia experience was the deciding factor", "Go experience the city"
_BESIDE_ANOTHER = re.compile(r"[ \t]*(?:&|and|/|,)[ \t]*(?=[A-Z])")
_EXPERIENCE = re.compile(
    r"[ \t]+(?:experience|expertise|proficiency)\b"
    r"(?![ \t]+(?:the|a|an|our|your|this|that|it|life|new|what|how)\b)")
_ASKED_FOR = re.compile(
    r"[ \t]*(?:is[ \t]+|would[ \t]+be[ \t]+)?(?:required|preferred|a[ \t]+plus|a[ \t]+bonus|"
    r"desired|needed|nice[ \t]+to[ \t]+have|helpful|an[ \t]+advantage|valued|essential|"
    r"mandatory|a[ \t]+must)\b")
# "the Spark experience", "a Julia experience": an event or a product's, not a skill's
_ARTICLE_BEFORE = re.compile(r"(?i)\b(?:the|an?|our|this|your|their)\s+$")


def named_before_experience(text: str, mention: Mention, name: str,
                            mentions: Mapping[int, int]) -> bool:
    """The skill's own name (several letters, as the taxonomy writes it) before "experience",
    "expertise" or "proficiency", beside another skill's name (``mentions``: end by start of
    every mention in the text) or asked for ("required", "a plus"), with no article before it
    ("Bonus: Airflow & Helm experience"; not "Pig & Poultry experience", "the Spark
    experience", an event's, nor "Amazon experience", an employer's: an alias, not the name)."""
    if (mention.end - mention.start < 2 or text[mention.start:mention.end] != name
            or _ARTICLE_BEFORE.search(text, max(0, mention.start - 8), mention.start)):
        return False
    beside = _BESIDE_ANOTHER.match(text, mention.end)
    if beside is not None:
        other_end = mentions.get(beside.end())
        return other_end is not None and bool(_EXPERIENCE.match(text, other_end))
    experience = _EXPERIENCE.match(text, mention.end)
    return experience is not None and bool(_ASKED_FOR.match(text, experience.end()))


_USE_WORDS = frozenset({"in", "using", "used", "use", "uses"})
# "R for survival analysis", "C to drive the sensors": a purpose after the name
_PURPOSE = re.compile(r"[ \t]+(?:for|to)[ \t]+[a-z]")
_ONE_LETTER_END = re.compile(r"[.;!?]?[ \t]*(?:$|\n)|[.;!?]\s+[A-Z]|\s*[(\[]")
_SENTENCE_END_STRICT = re.compile(r"[.;!?]?[ \t]*(?:$|\n)|\s*[(\[]")


# what may stand around a list item's name: spaces and bullets
_ITEM_MARKS = " \t-*•·"


def sole_item_among_skills(text: str, mention: Mention, anchors: Anchors) -> bool:
    """The mention is a whole list item ("GO" in "Python, GO, SQL"; "-R" as a bullet; "- r" on
    its own line after "- python") and an item next to it is a technical skill: a list of
    skills, whatever the case or bullet."""
    items = list_items(text, mention.start, mention.end)
    for index, (start, end) in enumerate(items):
        if not (start <= mention.start and mention.end <= end):
            continue
        if text[start:end].strip(_ITEM_MARKS) != text[mention.start:mention.end]:
            return False
        lo, hi = max(0, index - _LIST_REACH), min(len(items), index + _LIST_REACH + 1)
        return any(i != index and _short_skill_item(text, s, e, anchors)
                   for i, (s, e) in enumerate(items[lo:hi], lo)
                   ) or len(items) == 1 and _item_of_a_column(text, mention, anchors)
    return False


def _short_skill_item(text: str, start: int, end: int, anchors: Anchors) -> bool:
    """After its label ("Programming Languages: python"), the item is a skill's name alone
    ("Amazon Web Services") or a skill in at most two words ("Microsoft Excel 365"): not a
    clause a sentence cut off ("new MLOps tools and … efficiency and c", "Build Grafana
    dashboards and c")."""
    colon = text.rfind(":", start, end)
    start = colon + 1 if colon >= 0 else start
    item = text[start:end]
    lead = len(item) - len(item.lstrip(_ITEM_MARKS))
    start, end = start + lead, start + len(item.rstrip(" \t.;"))
    if anchors.covering(start, end) and start < end:
        return True
    if not anchors.within(start, end):
        return False
    words = [w for w in _WORD.findall(text, start, end) if not w.isdigit()]
    return len(words) < _MAX_ITEM_WORDS or anchors.is_span(start, end)


def in_skills_area(text: str, document: Document, mention: Mention) -> bool:
    """In a skills section, after a "Skills:"-type label, or under a skills heading of the
    mention's own section."""
    section = document.section_at(mention.start)
    if section is not None and section.name == "skills":
        return True
    line_start, _ = line_bounds(text, mention.start, mention.end)
    label = _SKILL_LABEL.match(text[line_start:mention.start])
    if label and label.end() <= mention.start - line_start:
        return True
    if _DATA_KEY_LABEL.match(text, line_start, mention.start):
        return True
    cursor = line_start - 1
    for _ in range(HEADING_LOOKBACK):
        if cursor <= 0:
            return False
        previous = text.rfind("\n", 0, cursor) + 1
        line = text[previous:cursor]
        # (not across a heading: "Python, Go" then "* Invited Talks" above the mention)
        if not line.strip() or document.section_at(previous) is not section:
            return False
        if _SKILL_HEADING.match(line):
            return True
        cursor = previous - 1
    return False


def list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of the separator-delimited list on the line holding ``start`` (within
    ``_LIST_SPAN`` characters of it: flattened documents have very long lines)."""
    line_start, line_end = line_bounds(text, start, end)
    line_start, line_end = max(line_start, start - _LIST_SPAN), min(line_end, end + _LIST_SPAN)
    line = text[line_start:line_end]
    items, cursor = [], 0
    for sep in _LIST_SEPARATOR.finditer(line):
        if sep.start() > cursor:
            items.append((line_start + cursor, line_start + sep.start()))
        cursor = max(cursor, sep.end())
    if cursor < len(line):
        items.append((line_start + cursor, line_end))
    return items


def confirmed_by_neighbours(text: str, mention: Mention, anchors: Anchors) -> bool:
    """A short list item whose nearby items are technical skills, or a technical skill right
    next to the mention ("Spark SQL", "Python/R")."""
    items = list_items(text, mention.start, mention.end)
    index = next(
        (i for i, (s, e) in enumerate(items) if s <= mention.start and mention.end <= e), None
    )
    lead = text[items[index][0]:mention.start] if index is not None else ""
    if index is not None and len(_WORD.findall(lead)) < _MAX_ITEM_WORDS:
        lo, hi = max(0, index - _LIST_REACH), min(len(items), index + _LIST_REACH + 1)
        for i in range(lo, hi):
            s, e = items[i]
            if i != index and anchors.within(s, e) and len(_WORD.findall(text[s:e])) <= (
                _MAX_ITEM_WORDS + 1
            ):
                return True
    return (anchors.adjacent(text, mention) or _item_of_a_column(text, mention, anchors)
            or _value_of_a_record(text, mention, anchors)
            or _value_of_an_inline_record(text, mention, anchors)
            or _argument_of_sibling_commands(text, mention, anchors))


_BULLET = " \t-*•·–"


# a line that only rates the skill above it, as resume builders lay out skill bars:
# "Expert", "Intermediate", "●●●○○", "80%", "4/5", "3 yrs"
_LEVEL_WORD = (r"(?:expert|advanced|intermediate|beginner|basic|proficient|elementary|novice|"
               r"fluent|native|professional|competent)(?:[ \t]+level)?")
# (the level words that end no skill's name: "React Native", "Visual Basic" are names)
_BARE_LEVEL_WORD = (r"(?:expert|advanced|intermediate|beginner|proficient|elementary|novice|"
                    r"fluent|competent)")
_LEVEL_FIGURE = (r"(?:\d{1,3}[ \t]*%|\d(?:\.\d)?[ \t]*/[ \t]*\d{1,2}|[•·●○◉◯⬤★☆■□▪▫◼◻]+|"
                 r"\(?\d{1,2}\+?[ \t]*(?:yrs?|years?)\)?)")
_MARKS = "-•·●○◉◯⬤★☆■□▪▫◼◻"
# (possessive spaces first, and a run of marks that consumes a mark each turn: a long line of
# spaces is no catastrophe)
_LEVEL_LINE = re.compile(
    rf"(?i)[ \t]*+(?:{_LEVEL_WORD}|{_LEVEL_FIGURE}|\d{{1,2}}(?:\.\d)?|"
    rf"[{_MARKS}](?:[ \t]*+[{_MARKS}])*)?[ \t]*")
# the same rating after the skill on its line ("R - proficient", "Python: expert", "SQL (4/5)",
# "Go ●●●○○", "Go Advanced"; "native" and "basic" only after a mark), and LaTeX's line break
# ending a line ("Julia - intermediate\\")
_RATED = re.compile(
    rf"(?i)(?:(?:[ \t]*[-–—:|][ \t]*|[ \t]*\([ \t]*)(?:{_LEVEL_WORD}|{_LEVEL_FIGURE})"
    rf"|[ \t]+(?:{_BARE_LEVEL_WORD}(?:[ \t]+level)?|{_LEVEL_FIGURE}))\)?[ \t]*$")
# a rating right after a short item, the line running on with what was done with it: "- R:
# Intermediate proficiency, used for econometrics", "Stata – advanced, wrote user programs"
# (not a title that opens with a level word: "C: Advanced Placement")
_RATED_LEAD = re.compile(
    rf"(?i)[ \t]*(?:[:–—-]|\()[ \t]*{_LEVEL_WORD}(?:[ \t]+(?:proficiency|knowledge|user|"
    r"skills?|experience|command|understanding))?\)?[ \t]*[,;][ \t]*\w")
_LINE_BREAK = re.compile(r"[ \t]*\\\\[ \t]*$")
_ITEM_LINE = 100  # characters: a longer line is no item of a column (and is not searched)


def _item_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The item a list line holds: the line without its bullet, trailing punctuation, LaTeX
    line break and rating ("- R - proficient\\\\" holds "R", and so does "- R: intermediate,
    used for econometrics"); empty for a line too long to be an item."""
    if end - start > _ITEM_LINE:
        return start, start
    line = text[start:end]
    trail = _LINE_BREAK.search(line)
    line = line[:trail.start()] if trail else line
    rated = _RATED.search(line) or _RATED_LEAD.search(line)
    line = line[:rated.start()] if rated and rated.start() else line
    body = line.strip(_BULLET + ".,;")
    if not body:
        return start, start
    offset = start + line.index(body)
    return offset, offset + len(body)


def _item_of_a_column(text: str, mention: Mention, anchors: Anchors) -> bool:
    """The mention is a whole line ("- R", "R - proficient") and the line right above or below
    is a short technical skill on its own: an item of a one-per-line list ("- R\n- Python\n-
    SQL"); a line that only rates a skill ("Expert", "●●●○○", "4") between them is stepped
    over, and so is a rating after the item on its own line."""
    start, end = line_bounds(text, mention.start, mention.end)
    if _item_span(text, start, end) != (mention.start, mention.end):
        return False
    above = line_before(text, start)
    if above is not None and _LEVEL_LINE.fullmatch(text, *above) and above[0] < above[1]:
        above = line_before(text, above[0])
    if above is not None and _whole_skill_line(text, *above, anchors):
        return True
    below = line_after(text, end)
    if below is not None and _LEVEL_LINE.fullmatch(text, *below) and below[0] < below[1]:
        below = line_after(text, below[1])
    return below is not None and _whole_skill_line(text, *below, anchors)


# a data file's key and what opens its value: `name = "`, `- name: `, `"name": "`
_RECORD_KEY = re.compile(
    r"[ \t]*(?:-[ \t]+)?[\"']?([A-Za-z_][\w-]{0,30})[\"']?[ \t]*[:=][ \t]*[\"']?")
_RECORD_REACH = 600  # characters either side: a few records of a few lines each


def _value_of_a_record(text: str, mention: Mention, anchors: Anchors) -> bool:
    """The mention is the whole value of a data file's key (`name = "Go"`, `- name: Go`) and
    the same key's whole value in a record nearby is a technical skill: one of a list of
    records (`[[skills]]` tables, `- name: Python` entries with a `level:` line between)."""
    before = text[max(0, mention.start - 3):mention.start]
    if ":" not in before and "=" not in before:  # (what every key's value follows)
        return False
    start, end = line_bounds(text, mention.start, mention.end)
    lead = _RECORD_KEY.fullmatch(text, start, mention.start)
    if lead is None or text[mention.end:end].strip(" \t\"',") or lead.start(1) == mention.start:
        return False
    lo, hi = _record_group(text, start, end)
    for match in _record_values(lead.group(1)).finditer(text, lo, hi):
        if match.start(1) != mention.start and match.start(1) in anchors.starts \
                and match.end(1) in anchors.ends:
            return True
    return False


# an inline object's key and the quote that opens its value: `{ name: "`, `, "name": '`
_INLINE_KEY = re.compile(r"[{,][ \t]*[\"']?([A-Za-z_]\w{0,30})[\"']?[ \t]*:[ \t]*([\"'])$")
_INLINE_LINES = 3  # lines either side: the sibling records of a one-record-per-line list


def _lines_around(text: str, start: int, end: int, stop: re.Pattern[str]) -> tuple[int, int]:
    """The offsets of up to ``_INLINE_LINES`` lines either side of the line ``start``–``end``,
    each way up to (not including) a line that ``stop`` matches whole."""
    lo, hi = start, end
    up = down = True
    for _ in range(_INLINE_LINES):
        above = line_before(text, lo) if up else None
        below = line_after(text, hi) if down else None
        up = above is not None and not stop.fullmatch(text, *above)
        down = below is not None and not stop.fullmatch(text, *below)
        lo = above[0] if up and above is not None else lo
        hi = below[1] if down and below is not None else hi
    return lo, hi


def _value_of_an_inline_record(text: str, mention: Mention, anchors: Anchors) -> bool:
    """The mention is the whole quoted value of a key in an inline object (`{ name: "R",
    level: 70 }`) and the same key's values in the objects on the lines around it are technical
    skills (two at least, and most of them): a list of records written one per line, as in a
    site's JavaScript data."""
    line_start, line_end = line_bounds(text, mention.start, mention.end)
    lead = _INLINE_KEY.search(text, max(line_start, mention.start - 40), mention.start)
    if lead is None or text[mention.end:mention.end + 1] != lead.group(2):
        return False
    key = lead.group(1)
    # the lines around, up to a key that opens another list ("referees: [")
    lo, hi = _lines_around(text, line_start, line_end, _PARENT_KEY)
    # two siblings at least that are technical skills, and most of them: a list of skills, not
    # of people or pets one of which is called Python
    skills = others = 0
    for match in _inline_values(key).finditer(text, lo, hi):
        if match.start(2) == mention.start:
            continue
        others += 1
        skills += match.start(2) in anchors.starts and match.end(2) in anchors.ends
    return skills >= 2 and 2 * skills > others


@lru_cache(maxsize=64)
def _inline_values(key: str) -> re.Pattern[str]:
    """An inline object's quoted value of ``key``, the value as group 2."""
    return re.compile(rf"[{{,][ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*:[ \t]*([\"'])"
                      r"([^\"'\n]{1,60})\1")


# a LaTeX command's star and optional argument, and one of its brace arguments
_OPTIONS = r"\*?(?:\[[^\]\n]{0,40}\])?"
_ARGUMENT_TEXT = r"[^{}\n]{0,60}"
_ARGUMENT = rf"\{{{_ARGUMENT_TEXT}\}}"
# a LaTeX command and the brace groups before the mention's: "\\baritem{", "\\cvskill{Tools}{"
_COMMAND_LEAD = re.compile(rf"\\([A-Za-z]+){_OPTIONS}((?:{_ARGUMENT}){{0,3}})\{{$")


def _argument_of_sibling_commands(text: str, mention: Mention, anchors: Anchors) -> bool:
    """The mention is a whole argument of a LaTeX command (`\\baritem{R}{100}`,
    `\\skill{Tools}{Julia}`) and the same argument of the same command on the lines around it is
    a technical skill (two at least, and most of them): a skills list that a CV class draws as
    bars or dots."""
    if text[mention.start - 1:mention.start] != "{" or text[mention.end:mention.end + 1] != "}":
        return False
    line_start, line_end = line_bounds(text, mention.start, mention.end)
    lead = _COMMAND_LEAD.search(text, max(line_start, mention.start - 200), mention.start)
    if lead is None:
        return False
    # a bar's other arguments are labels, levels or colours, not a project's or a job's words
    # after the name ("\\project{Spark}{a kids' app}", "\\cventry{2019}{Sales}{Snowflake}{…}");
    # a category before it may be longer ("\\cvskill{Data Engineering Tools}{Spark}{4}")
    if any(len(group.split()) > 4 for group in _BRACE_GROUP.findall(lead.group(2))):
        return False
    cursor = mention.end + 1
    for _ in range(3):
        if text[cursor:cursor + 1] != "{":
            break
        close = text.find("}", cursor, cursor + 200)
        group = text[cursor + 1:close] if close >= 0 else ""
        if close < 0 or "{" in group or "\n" in group or len(group.split()) > 2:
            return False
        cursor = close + 1
    # the lines around, within reach, not across a heading ("\\cvsection{Interests}")
    lo, hi = _lines_around(text, line_start, line_end, _LATEX_HEADING)
    lo, hi = max(lo, mention.start - _RECORD_REACH), min(hi, mention.end + _RECORD_REACH)
    skills = others = 0
    for match in _command_arguments(lead.group(1), lead.group(2).count("{")).finditer(text, lo, hi):
        if match.start(1) == mention.start:
            continue
        others += 1
        skills += match.start(1) in anchors.starts and match.end(1) in anchors.ends
    return skills >= 2 and 2 * skills > others


_BRACE_GROUP = re.compile(rf"\{{({_ARGUMENT_TEXT})\}}")
# a sectioning command opening a line ("\\section{", "\\cvsection*{", developercv's "\\cvsect{")
_LATEX_HEADING = re.compile(rf"[ \t]*{LATEX_SECTIONING}.*")


@lru_cache(maxsize=64)
def _command_arguments(name: str, position: int) -> re.Pattern[str]:
    """The argument at ``position`` (from 0) of the LaTeX command ``name``, as group 1."""
    return re.compile(rf"\\{name}{_OPTIONS}(?:{_ARGUMENT}){{{position}}}"
                      r"\{([^{}\n]{1,60})\}")


# a TOML table's header: "[[skills]]", "[skills.languages]"
_TABLE_HEADER = re.compile(r"[ \t]*\[\[?([^\[\]\n]+)\]\]?[ \t]*")
# a key that opens a list or an object: "work:", "- projects:", "\"skills\": [", "education = {"
_PARENT_KEY = re.compile(r"[ \t]*(?:-[ \t]+)?[\"']?[\w -]{1,40}[\"']?[ \t]*[:=][ \t]*[\[{]?[ \t]*")


def _record_group(text: str, start: int, end: int) -> tuple[int, int]:
    """The lines around ``start``–``end`` (a record's key line) that hold records of the same
    list, within ``_RECORD_REACH`` characters: up to a key that opens another list or object
    ("work:" or "\"skills\": [" in YAML or JSON, whose indents reading may have lost) or a TOML
    header of another table ("[[references]]" after "[[skills]]")."""
    def table(line: str) -> str | None:
        match = _TABLE_HEADER.fullmatch(line)
        return match.group(1).strip() if match else None

    def outside(line: str, header: str | None, following: str, own: str | None) -> bool:
        if header is not None:
            return header != own
        # a key that opens a list or object of records ("skills:" then "- name: Python"), not
        # a record's own nested list ("tags:" then "- backend") or an empty field
        return bool(_PARENT_KEY.fullmatch(line)) and bool(_RECORD_KEY.match(following))

    lines_above = text[max(0, start - _RECORD_REACH):start].split("\n")[:-1]
    headers_above = [table(line) for line in lines_above]
    own = next((header for header in reversed(headers_above) if header), None)
    lo = cursor = start
    following = text[start:end]
    for line, header in zip(reversed(lines_above), reversed(headers_above)):
        cursor -= len(line) + 1
        if outside(line, header, following, own):
            break
        if own is None or header == own:
            lo = cursor  # (a TOML table's lines start at its header)
        if line.strip():
            following = line
    below_lines = text[end:min(len(text), end + _RECORD_REACH)].split("\n")[1:]
    # the next line with anything on it, after each line below
    after: list[str] = []
    upcoming = ""
    for line in reversed(below_lines):
        after.append(upcoming)
        if line.strip():
            upcoming = line
    after.reverse()
    hi = end
    for line, following_line in zip(below_lines, after):
        if outside(line, table(line), following_line, own):
            break
        hi += len(line) + 1
    return lo, hi


@lru_cache(maxsize=64)
def _record_values(key: str) -> re.Pattern[str]:
    """Lines giving ``key`` a value, the value as group 1."""
    return re.compile(rf"(?m)^[ \t]*(?:-[ \t]+)?[\"']?{re.escape(key)}[\"']?[ \t]*[:=][ \t]*"
                      r"[\"']?([^\"'\n]*?[^\"'\s,])[\"']?[ \t]*,?[ \t]*$")


def _whole_skill_line(text: str, start: int, end: int, anchors: Anchors) -> bool:
    """The line ``start``–``end`` is, bullets and a rating aside, a short technical skill and
    nothing else."""
    item_start, item_end = _item_span(text, start, end)
    if item_start == item_end or len(_WORD.findall(text, item_start, item_end)) > _MAX_ITEM_WORDS:
        return False
    return item_start in anchors.starts and item_end in anchors.ends


_COMPANY_REACH = 120
# words that lead to a person rather than a tool: "met Julia", "thanks to Julia", "Dr. Watson"
_PERSON_LEAD = re.compile(
    r"(?i)\b(?:met|meet|meeting|thanks?(?: to)?|dear|mr|ms|mrs|dr|prof|by|from|friend|colleague)"
    r"\.?\s+$"
)


def confirmed_by_company(text: str, mention: Mention, anchors: Anchors) -> bool:
    """Written in the taxonomy's own case ("Spark", not "spark") in a sentence that names at
    least two other technical skills close by: a tool among tools in prose ("jobs on Spark,
    tuned with Databricks and dbt")."""
    surface = text[mention.start:mention.end]
    form = mention.form.text
    if surface != form and not (surface[:-1] == form and surface.endswith("s")):
        return False
    if not any(c.isupper() for c in form) or _PERSON_LEAD.search(
        text, max(0, mention.start - 12), mention.start
    ):
        return False
    lo = max(0, mention.start - _COMPANY_REACH)
    hi = min(len(text), mention.end + _COMPANY_REACH)
    breaks = [m.end() for m in SENTENCE_BREAK.finditer(text, lo, mention.start)]
    lo = breaks[-1] if breaks else lo
    after = SENTENCE_BREAK.search(text, mention.end, hi)
    hi = after.start() if after else hi
    return anchors.count_within(lo, hi, exclude=(mention.start, mention.end)) >= 2


# (with an Oxford comma too: "R, Python, or Julia")
_ADJACENT_GAP = re.compile(r"[ ,/&+|()\-]{1,3}|,?[ \t]+(?:and|or)[ \t]+")


class Anchors:
    """Spans of technical-skill mentions, indexed for "is one next to this?" and "is one inside
    this item?" questions."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans: list[tuple[int, int]] = sorted(spans)
        self.starts: set[int] = {start for start, _ in spans}
        self.ends: set[int] = {end for _, end in spans}

    def add(self, span: tuple[int, int]) -> None:
        insort(self.spans, span)
        self.starts.add(span[0])
        self.ends.add(span[1])

    def is_span(self, start: int, end: int) -> bool:
        """An anchor is exactly ``start``–``end``."""
        index = bisect_left(self.spans, (start, end))
        return index < len(self.spans) and self.spans[index] == (start, end)

    def within(self, start: int, end: int) -> bool:
        index = bisect_left(self.spans, (start, -1))
        return index < len(self.spans) and self.spans[index][1] <= end

    def covering(self, start: int, end: int) -> bool:
        """An anchor holds all of ``start``–``end`` (a part of a name that spans items:
        "TypeScript" of "JavaScript/TypeScript")."""
        index = bisect_right(self.spans, (start, math.inf)) - 1
        return index >= 0 and self.spans[index][1] >= end

    def count_within(self, start: int, end: int, exclude: tuple[int, int]) -> int:
        """How many anchors lie wholly inside ``start``–``end``, other than ``exclude``."""
        index = bisect_left(self.spans, (start, -1))
        count = 0
        while index < len(self.spans) and self.spans[index][0] < end:
            span = self.spans[index]
            if span[1] <= end and span != exclude:
                count += 1
            index += 1
        return count

    def adjacent(self, text: str, mention: Mention) -> bool:
        """An anchor at most three spaces or punctuation marks away, or across an "and"/"or",
        on the same line ("Julia and Python")."""
        for gap in (1, 2, 3, 4, 5, 6):  # (", and " is six)
            left, right = mention.start - gap, mention.end + gap
            if left in self.ends and _ADJACENT_GAP.fullmatch(text[left:mention.start]):
                return True
            if right in self.starts and _ADJACENT_GAP.fullmatch(text[mention.end:right]):
                return True
        return False
