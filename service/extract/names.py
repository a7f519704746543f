"""What is not a claim, or what kind of claim it is: organisation, event, team and place names
("Docker Inc.", "Spark Summit", "the Kubernetes team", "Scala Theatre"), a posting's employer
boilerplate, acronyms the text defines as something else, degree fields and course titles.

General rules only; skill-specific patterns are taxonomy data.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..documents.headers import is_region
from .context.folded import Folded
from .context.lines import SENTENCE_BREAK, line_bounds
from .literals import Occurrences, lowered_for_search

if TYPE_CHECKING:
    from ..models import Document
    from .context.ambiguity import Anchors
    from .pipeline import Mention


# --- organisation names ------------------------------------------------------------------------

# A comma may stand only before a legal form ("Docker, Inc."): before "University" or
# "Institute" it separates a degree's field from the school ("MSc in Statistics, University of …").
_ORG_SUFFIX = re.compile(
    r"(?:[ \t]*,[ \t]*|[ \t]+)(?:Inc\b\.?|LLC\b|Ltd\b\.?|Limited\b|Corp\b\.?|Corporation\b|GmbH\b|Pvt\b\.?)|"
    r"[ \t]+(?:Software Foundation\b|"
    r"Foundation\b|Institute\b|University\b|Conference\b|Summits?\b|Meetups?\b|Workshops?\b|"
    r"Symposium\b|Hackathon\b|Challenge\b|Competition\b|Days?[ \t]+\d{4}\b)|"
    # an event's name with one more word: "TensorFlow World conference", "Kafka Dev Summit",
    # "Acme ML Challenge", "the Deep Learning Riverside meetup"
    r"[ \t]+[A-Z][A-Za-z]+[ \t]+(?:(?i:conference|summit|meetup|symposium|hackathon)s?\b|"
    r"Challenge\b|Competition\b)|"
    # a conference of Amazon's: "AWS re:Invent"
    r"[ \t]+(?i:re:(?:invent|inforce|mars))\b|"
    # the company describing itself: "Docker is a remote-first company", "Weights & Biases is
    # the AI developer platform company"
    # (the words between describe it: not "Python is the main language in our company")
    r"[ \t]+is[ \t]+(?:a|an|the)[ \t]+"
    r"(?:(?!(?:in|of|for|at|on|to|across|within|our|this|that|the|your|their|its|my)\b)"
    r"[\w-]+[ \t]+){0,4}(?:company|startup|start-up|firm|organi[sz]ation)\b|"
    # a web name written as a brand, which the address filter (lower-case domains) lets by:
    # "DeepLearning.AI", "Kaggle.COM"
    r"\.(?i:ai|io|com|org|net)\b(?![.-]\w)"
)
# An event or publication named for its field: "IEEE Conference on Computer Vision and Pattern
# Recognition", "Journal of Machine Learning Research", "Workshop on Deep Learning for Science"
# (title case only, up to a comma; not "Handled Transactions in PostgreSQL", "School of
# Informatics, Python labs")
_EVENTS = r"Conference|Symposium|Journal|Transactions|Proceedings|Congress|Workshop"
_EVENT_WORDS = re.compile(_EVENTS)  # (what a lead needs, looked for first: cheaper)
_EVENT_LEAD = re.compile(
    rf"\b(?:{_EVENTS})[ \t]+(?:on|of)[ \t]+"
    r"(?:(?:[A-Z][\w-]*|and|&|\\&|of|in|for|the)[ \t]+){0,6}$")
# ... but a workshop the person gave names what they taught: "Delivered Workshop on Docker"
_EVENT_GIVEN = re.compile(
    r"(?i)\b(?:deliver(?:ed|ing)?|taught|teach(?:ing)?|gave|giv(?:e|ing)|ran|run(?:ning)?|led|"
    r"lead(?:ing)?|conduct(?:ed|ing)?|host(?:ed|ing)?|organi[sz](?:ed|ing)|facilitat(?:ed|ing))"
    r"[ \t]+(?:(?:a|an|the|our|my)[ \t]+)?(?:[\w-]+[ \t]+){0,2}$")
# Words that make a business name only where a name can stand ("at Databricks Labs", ", Kafka
# Solutions"): after a verb a title-cased bullet names work ("Developed Computer Vision
# Solutions", "Built Deep Learning Systems").
_WEAK_ORG_SUFFIX = re.compile(r"[ \t]+(?:Technologies|Labs|Solutions|Systems|Consulting)\b")
_NAME_LEAD = re.compile(
    r"(?:^|[\n,;:|(•·–—]\s*|(?<![\w-])-\s*|\b(?i:at|for|with|from|joined|by|the|of|to|and)\s+)$")
# "the Kubernetes team", "the Data Pipelines Team", "the payments, video and ML platform teams",
# "the Legal, AWS, and Research teams",
# "the NLP division", "the Spark Applied Research organization":
# a team named after the skill
_TEAM_BEFORE = re.compile(r"(?i)\bthe\s+(?:[\w+#.-]+,?\s+){0,5}$")
_TEAM_AFTER = re.compile(
    # more teams listed first: "the Legal, AWS, and Research teams" (not "Microsoft Teams")
    r"(?:[ \t]*,[ \t]*(?:(?:and|&)[ \t]+)?[A-Z][\w&-]*){0,4}"
    r"(?:,?[ \t]+(?:and|&)[ \t]+[A-Z][\w&-]*)?"
    r"(?:(?:[ \t]+[a-z]+|(?:[ \t]+(?!(?:The|For|Of|And|To|In|On|At|With|Across|A|An)\b)"
    r"[A-Z][\w&-]*){1,3})?[ \t]+(?:(?<!Microsoft )(?<!MS )[Tt]eams?|[Gg]uilds?|[Ss]quads?|"
    r"[Cc]hapters?|"
    r"[Oo]rgani[sz]ations?)(?![-\w])|"
    r"[ \t]+(?:[Dd]ivisions?|[Dd]epartments?)(?![-\w]))")


# A capitalised word then one of these (perhaps after one more capitalised word) names a place,
# venue, business or role: "Hive Coworking", "Scala Theatre", "Amazon Development Centre".
_PLACE_SUFFIX = re.compile(
    r"(?:[ \t]+[A-Z][a-z]+)?[ \t]+(?:Co-?working|Ambassadors?|Theat(?:re|er)s?|Festival|Club|Caf[eé]|"
    r"Hotel|Hostel|Inn|Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Square|Plaza|Park|Hall|Gallery|"
    r"Museum|Restaurant|Bar|Pub|Bistro|Bakery|Brewery|Studios|Cinema|Arena|Stadium|Mall|Cent(?:er|re)|"
    r"Ltd\b\.?|Inc\b\.?|PLC|Pty|Co\.|Group|Holdings|Partners|Ventures|Capital|Airlines?|Airways|"
    r"Bank|Insurance|Mutual|Assurance|Hospital|Clinic|Church|Academy|School|College|Society|"
    r"Association|Trust|Choir|"
    r"Orchestra|Band|Magazine|Records|Agency|Gym|Fitness|Salon|Boutique)\b"
)


# ... and its suffix, when a skill's name: the "AI" of "DeepLearning.AI"
_WEB_SUFFIX = re.compile(r"(?<=[A-Za-z]\.)(?i:ai)$")
# a data file's key naming an organisation (opening its line or after "{" or ","), its value
# up to the mention on the same line: `company: "Dept. of Statistics"`, `{ "employer":
# "Snowflake"`, `organizationName = "…"` (not prose: "at the company: built Spark jobs"). A
# value in quotes runs to its closing quote; one without stops at "|", ";", ",", "(", a dash or
# a sentence's end (a plain line's next field: "Company: Acme | Stack: Python", "Employer:
# Globex, tools: SQL", "Company: Acme — built Spark pipelines").
_ORG_KEY_WORDS = ("company", "employer", "organi")
ORG_KEY_NEEDS = frozenset(_ORG_KEY_WORDS)
_ORG_VALUE = re.compile(
    r"(?:^[ \t]*(?:-[ \t]+)?|[{,][ \t]*)[\"']?"
    r"(?i:company|employer|organi[sz]ation)(?:[ \t_-]?(?i:name))?[\"']?[ \t]*[:=][ \t]*"
    r"(?:[\"'`][^\"'`\n]*|(?:(?!\.\s|\s[-–—]\s)[^\"'`\n|;,(—])*)$")


class OrganisationNames:
    """Whether a mention of one text is in an organisation's, an event's or a team's name
    ("Docker Inc.", "Python Software Foundation", "Spark Summit", "Deep Learning Workshop",
    "Conference on Computer Vision", "the Kubernetes team", `company: "Snowflake"`): named
    after the skill, not a claim of it. An event's word and a data file's organisation key
    (``_ORG_KEY_WORDS``) are looked for once in the whole text, and around a mention only when
    the text holds one there (most texts hold neither)."""

    def __init__(self, text: str, keys: Occurrences | None = None) -> None:
        # (``keys``: the ``Occurrences`` of ``ORG_KEY_NEEDS``, when the caller scanned for them)
        self.text = text
        self._events = _EVENT_WORDS.search(text) is not None
        self._keys = keys if keys is not None else Occurrences(lowered_for_search(text),
                                                               ORG_KEY_NEEDS)

    def __call__(self, mention: Mention) -> bool:
        text = self.text
        if _named_organisation(text, mention, self._events):
            return True
        line_start = text.rfind("\n", 0, mention.start) + 1
        return self._keys.may_hold(line_start, mention.start) and _organisation_value(
            text, mention)


def _named_organisation(text: str, mention: Mention, events: bool) -> bool:
    """``OrganisationNames`` by the words around the mention, a data file's organisation key
    aside (``events``: whether the text holds an event's word, ``_EVENT_WORDS``)."""
    if _ORG_SUFFIX.match(text, mention.end) or _WEB_SUFFIX.match(text, mention.start, mention.end):
        return True
    if events and text[mention.start:mention.start + 1].isupper() and _EVENT_WORDS.search(
            text, max(0, mention.start - 90), mention.start):
        event = _EVENT_LEAD.search(text, max(0, mention.start - 90), mention.start)
        if event is not None and not _EVENT_GIVEN.search(
                text, max(0, event.start() - 40), event.start()):
            return True
    if _WEAK_ORG_SUFFIX.match(text, mention.end) and _NAME_LEAD.search(
        text, max(0, mention.start - 12), mention.start
    ):
        return True
    lo = max(0, mention.start - 40)
    return "the" in text[lo:mention.start].lower() and bool(  # (what _TEAM_BEFORE needs)
        _TEAM_AFTER.match(text, mention.end) and _TEAM_BEFORE.search(text, lo, mention.start))


def _organisation_value(text: str, mention: Mention) -> bool:
    """The mention is in the value of a data file's key naming an organisation (`company:
    "University of Toronto - Department of Statistics"`): a name, whatever it holds."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    if mention.start - line_start > 200:
        return False
    head = text[line_start:mention.start].lower()
    return any(word in head for word in _ORG_KEY_WORDS) and bool(_ORG_VALUE.search(head))


# words that lead to an employer in prose: "worked at Databricks", "Data Scientist at Snowflake"
_EMPLOYER_LEAD = re.compile(
    r"(?i)\b(?:(?:work(?:ed|ing|s)?|employed|interned|internship|tenure|career|years) (?:at|for)|"
    r"employed by|(?:engineer|scientist|analyst|manager|developer|consultant|architect|intern|"
    r"lead|director|executive|specialist|researcher) at)\s+$"
)
# characters that make a position's "employer" look like a list of tools rather than a name
_NOT_A_NAME = re.compile(r"[,/|;()]|\band\b")


def in_employer_name(text: str, document: Document, mention: Mention, anchors: Anchors) -> bool:
    """"Software Engineer, Databricks, 2019 – 2022", "Tableau Software | Marketing Manager":
    the mention is part of the employer the experience section names in a position's header
    (its line or the line above), not a claim of the skill; unless another skill sits right
    next to it ("Data Engineer — Python, Spark": a list of tools the parser took for a name).
    For many mentions of one text, ``EmployerHeaders``."""
    return EmployerHeaders(text, document)(mention, anchors)


class EmployerHeaders:
    """``in_employer_name`` for the mentions of one text: the positions' headers and employers
    are found once."""

    def __init__(self, text: str, document: Document) -> None:
        self.text = text
        # (header start, header end, employer) of each position with a name-like employer
        self.headers: list[tuple[int, int, str]] = []
        for position in document.positions:
            employer = position.employer
            if not employer or _NOT_A_NAME.search(employer):
                continue
            line_start, line_end = line_bounds(text, position.text_start, position.text_start)
            header_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
            self.headers.append((header_start, line_end, employer))

    def __call__(self, mention: Mention, anchors: Anchors) -> bool:
        return (self._led(mention) or self._in_header(mention)) and not anchors.adjacent(
            self.text, mention)

    def _led(self, mention: Mention) -> bool:
        text, start = self.text, mention.start
        if not text[start:start + 1].isupper():
            return False
        # (every match ends in "at", "for" or "by" and spaces: the regex runs only then)
        lo = max(0, start - 40)
        lead = text[lo:start]
        tail = lead.rstrip()
        if len(tail) == len(lead) or not tail[-3:].lower().endswith(("at", "for", "by")):
            return False
        return bool(_EMPLOYER_LEAD.search(text, lo, start))

    def _in_header(self, mention: Mention) -> bool:
        text = self.text
        for header_start, line_end, employer in self.headers:
            if not header_start <= mention.start < line_end:
                continue
            found = text.find(employer, header_start, line_end)
            while found >= 0:
                if found <= mention.start and mention.end <= found + len(employer):
                    return True
                found = text.find(employer, found + 1, line_end)
        return False


_BOILERPLATE = Folded(re.compile(
    # (not a model's word: "discriminative features", "the GAN's discriminator")
    r"\bequal (?:employment )?opportunity\b|\bwithout regard to\b|"
    r"\bdiscriminat(?:e|es|ed|ion|ory)\b|"
    r"\bprotected (?:veteran|class|characteristic)|\breasonable accommodations?\b",
    re.IGNORECASE,
))
_ABOUT_LABEL = Folded(re.compile(
    r"^[\s#*-]*(?:about (?:the company|us|our company|the client|the employer)|who we are|"
    r"our company|(?:company|employer|client) (?:overview|description|profile))\b\s*:?",
    re.IGNORECASE,
))
# a sentence about the employer rather than the person's work: "Acme is a leading provider of
# computer vision tools", "The company builds recommender systems for retailers"
_COMPANY_BLURB = re.compile(
    r"[\s•*-]*(?:(?i:the|our|my) (?:company|client|employer|firm|startup|organi[sz]ation)|"
    r"[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3}),? (?:is|was) (?:a|an|the|one of the) "
    r"(?:[\w-]+ ){0,3}(?:company|provider|startup|firm|leader|platform|vendor|consultancy|"
    r"agency|manufacturer|retailer|bank|insurer|business|organi[sz]ation|enterprise|scale-up)\b"
    r"|[\s•*-]*(?i:the|our|my) (?:company|client|employer|firm|startup) (?:builds|provides|develops|"
    r"offers|sells|specializes|specialises|makes)\b"
)


def _sentence_start(text: str, mention: Mention) -> int:
    lo = max(0, mention.start - 300)
    marks = [m.end() for m in SENTENCE_BREAK.finditer(text, lo, mention.start)]
    return marks[-1] if marks else lo


class SentenceStarts:
    """``_sentence_start`` for the mentions of one text, its sentence breaks found once: the
    last break ending by the mention whose match lies in the 300 characters before it (a
    break's newline counts on its own, as the windowed scan finds it), or the mention itself
    after a sentence mark (the windowed scan's ``$`` matches where the window ends)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # each break's end, and the first offset a window may start at and still find it
        self._ends: list[int] = []
        self._firsts: list[int] = []
        for match in SENTENCE_BREAK.finditer(text):
            end = match.end()
            self._ends.append(end)
            self._firsts.append(end - 1 if text[end - 1] == "\n" else match.start())

    def __call__(self, start: int) -> int:
        lo = max(0, start - 300)
        if start and self.text[start - 1] in ".;!?":
            return start
        index = bisect_right(self._ends, start) - 1
        # (the firsts grow with the ends: an earlier break lies before ``lo`` too)
        return self._ends[index] if index >= 0 and self._firsts[index] >= lo else lo


def in_company_blurb(text: str, mention: Mention,
                     sentence_start: SentenceStarts | None = None) -> bool:
    """A resume's sentence that describes the employer ("Acme is a leading provider of …",
    "The company builds …"), not the person's work (callers ask it of resumes only: in a
    posting, what the company does may be what the team uses); ``sentence_start``: the text's
    ``SentenceStarts``, for many mentions."""
    start = (sentence_start(mention.start) if sentence_start is not None
             else _sentence_start(text, mention))
    return bool(_COMPANY_BLURB.match(text, start, mention.start))


# an employer named by its field in a resume's sentence: "lead engineer at a boutique data
# science and statistics consulting firm", "joined an NLP startup" (the field is the employer's,
# not a claim of the person's; a lab or a team is left alone: its members do its work)
# (not a partner's: "partnered with an AWS consulting firm"; nor a vendor or a provider, which
# the person's work may use: "work with a managed Kafka provider")
_FIELD_LEAD = re.compile(
    r"(?i)(?<!partnered )(?<!partnering )(?<!partners )(?<!partner )(?<!collaborated )"
    r"(?<!collaborating )\b(?:at|with|for|joined|joining|join)\s+(?:a|an)\s+"
    r"(?:[\w/&+-]+,?\s+){0,5}$")
_FIELD_HEAD = re.compile(
    r"(?i)(?:\s*(?:,|and|&|/)\s*(?:[\w+-]+\s+){0,2}?[\w+-]+)?\s+(?:(?:consulting|consultancy|"
    r"services|solutions|software|analytics)\s+)?(?:firm|company|startup|start-up|consultancy|"
    r"agency|studio)\b")


def in_employer_field(text: str, mention: Mention) -> bool:
    """A resume's employer described by its field ("at a … statistics consulting firm", "joined
    an NLP startup"): the employer's domain, not the person's claim (callers ask it of
    resumes only)."""
    return bool(_FIELD_HEAD.match(text, mention.end)) and bool(
        _FIELD_LEAD.search(text, max(0, mention.start - 80), mention.start))


# a product that uses a method, before the method in its sentence: "our newest product, Northlight
# Forecast, uses machine learning", "Brightwater's AI newsroom tools, including …", "Our AI
# products include Kestrel Predict, a feature that uses time series models"
_PRODUCT_USES = re.compile(
    r"(?i)\b(?:our|its|their|[A-Z][\w&-]*['’]s)\s+(?:[\w&-]+\s+){0,3}?(?:products?|apps?|"
    r"platforms?|assistants?|features?|tools|copilots?|chatbots?|services?)\b[^.;!?\n]{0,120}?"
    r"\b(?:uses?|using|built on|powered by|includ(?:e|es|ing)|relies on|runs? on)\b"
    r"[^.;!?\n]{0,120}$"
)


def product_capability(text: str, mention: Mention) -> bool:
    """A posting's sentence about what the company's product does with a method ("our newest
    product uses machine learning to predict …"): the product's capability, not what the job
    asks for (callers ask it of approaches and algorithms in postings; a product's stack of
    tools is the team's)."""
    return bool(_PRODUCT_USES.search(text, _sentence_start(text, mention), mention.start))


# who an equal-opportunity statement is about, written right before it: "Acme Markets is an
# Equal Opportunity Employer", "We are proud to be an equal opportunity workplace"
_EEO_SUBJECT = re.compile(
    r"(?:\b(?:[Ww]e|[A-Z][\w&.'’-]*(?:[ \t]+(?:[A-Z][\w&.'’-]*|&|of|and))*))"
    r"[ \t]+(?:is|are)[ \t]+(?:(?:proud|committed|happy)[ \t]+to[ \t]+be[ \t]+)?an?[ \t]+$"
)


def in_boilerplate(text: str, mention: Mention) -> bool:
    """A posting's equal-opportunity sentence, or a short "About the company:" line: they
    describe the employer, not the job. A statement whose subject starts after the mention
    ("… Hadoop and SQL desirable Acme Markets is an Equal Opportunity Employer", where a
    flattened posting has lost its full stops) is not the mention's sentence."""
    start = _sentence_start(text, mention)
    after = SENTENCE_BREAK.search(text, mention.end, mention.end + 300)
    end = after.start() if after else min(len(text), mention.end + 300)
    sentence = text[start:end]
    later = len(sentence)  # where a statement starting after the mention begins
    for cue in _BOILERPLATE.finditer(sentence):
        if cue.start() >= later:
            break
        subject = _EEO_SUBJECT.search(sentence, max(0, cue.start() - 80), cue.start())
        if subject is None or start + subject.start() < mention.end:
            return True
        later = subject.start()
    line_start, line_end = line_bounds(text, mention.start, mention.end)
    return line_end - line_start <= 400 and bool(_ABOUT_LABEL.match(text[line_start:line_end]))


# the products a company's founders made, listed right after the phrase: "… was founded by the
# original creators of Lakehouse, Apache Spark, Delta Lake and MLflow"
_FOUNDERS_MADE = re.compile(
    r"(?i)\bfounded by the (?:original )?(?:creators|authors|makers|team behind) of\s+"
    r"(?:[\w.+#-]+(?:[ \t]+[\w.+#-]+){0,2}[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+|&[ \t]*)){0,6}$"
)


def made_by_founders(text: str, mention: Mention) -> bool:
    """A posting's history: the mention is one of the products its founders made ("founded by
    the original creators of Apache Spark, Delta Lake and MLflow"), not the job's stack."""
    return bool(_FOUNDERS_MADE.search(text, max(0, mention.start - 200), mention.start))


# ", Austria", ", New South Wales": the region a comma joins a town to
_REGION_AFTER = re.compile(r",[ \t]*([A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*){0,2})\b")


def in_place_name(text: str, mention: Mention) -> bool:
    """"Scala Theatre", "Hive Coworking", "Spark Ambassador": a capitalised mention followed by
    a capitalised place, venue, business or role word; "Rust, Austria": a town a comma joins
    to a country or US state (callers exempt skills lists)."""
    if not text[mention.start:mention.start + 1].isupper():
        return False
    if _PLACE_SUFFIX.match(text, mention.end):
        return True
    if not text.startswith(",", mention.end):
        return False
    region = _REGION_AFTER.match(text, mention.end)
    return region is not None and is_region(region.group(1))


# --- acronyms defined in the text ----------------------------------------------------------------

# (lower-case words too: "an approximate nearest-neighbour (ANN) index"; the initials decide)
_EXPANSION_BEFORE = re.compile(r"((?:[A-Za-z][A-Za-z]*[ -](?:(?:of|and|for|the|&) )?){1,5}[A-Za-z][A-Za-z]*)\s*\($")
_EXPANSION_AFTER = re.compile(r"\s*\(\s*((?:[A-Z][A-Za-z]*[ -](?:(?:of|and|for|the|&) )?){1,5}[A-Z][A-Za-z]*)\s*\)")
_MINOR = frozenset({"of", "and", "for", "the", "&"})


def acronym_expansion(text: str, mention: Mention) -> str | None:
    """The name an all-caps mention abbreviates in this text: "Institute of Chartered
    Accountants (ICA)", "DL (Distribution List)". ``None`` when the text defines none."""
    surface = text[mention.start:mention.end]
    if not (2 <= len(surface) <= 6 and surface.isalpha() and surface.isupper()):
        return None
    candidates = []
    if text[mention.end:mention.end + 1] == ")":
        before = _EXPANSION_BEFORE.search(text[max(0, mention.start - 80):mention.start])
        if before:
            candidates.append(before.group(1))
    after = _EXPANSION_AFTER.match(text, mention.end)
    if after:
        candidates.append(after.group(1))
    for words in candidates:
        tokens = [w for w in re.split(r"[ -]+", words) if w.lower() not in _MINOR]
        initials = "".join(w[0] for w in tokens[-len(surface):]).upper()
        if len(tokens) >= len(surface) and initials == surface.upper():
            return " ".join(tokens[-len(surface):]) if len(tokens) > len(surface) else words
    return None


# --- degree fields ----------------------------------------------------------------------------

# Words that open a field of study besides the degree levels' own forms (``Vocabulary.levels``,
# from taxonomy/education.yaml)
_DEGREE_WORDS = re.compile(r"(?i:\bdegrees?\b|\bdiploma\b|\b(?:major|minor)(?:ed|ing)?\b|"
                           r"\bgraduated?\b)")
_DEGREE_GAP = re.compile(r"[^.;:!?\n]{0,100}")


@lru_cache(maxsize=64)
def _within_line(pattern: re.Pattern[str]) -> bool:
    """Whether no match of ``pattern`` can hold a line break: written without one, without
    classes that take one (``\\s``, ``\\W``, ``\\D``, ``[^…]``) and without DOTALL (the
    degree levels' forms, escaped, are)."""
    source = pattern.pattern
    return not (pattern.flags & re.DOTALL or "\n" in source
                or any(token in source for token in ("\\n", "\\s", "\\W", "\\D", "[^", "\\x", "\\u",
                                                     "\\0", "\\N", "\\U", "\\v", "\\f", "\\r")))


def in_degree_phrase(text: str, mention: Mention,
                     levels: Sequence[tuple[str, re.Pattern[str]]]) -> bool:
    """"Bachelor's degree in business, statistics or …", "M.Sc. Statistics": the field of a
    degree, not a skill claim (``levels``: the degree levels' patterns)."""
    lo = max(0, mention.start - 120)
    before = text[lo:mention.start]
    # a match ending before the last line break leaves the break in the gap: none can count, and
    # a pattern that never matches a line break need not be searched there
    line = before.rfind("\n") + 1
    ends = [m.end() for pattern in (_DEGREE_WORDS, *(p for level, p in levels if level != "other"))
            for m in pattern.finditer(before, line if _within_line(pattern) else 0)]
    if ends and _DEGREE_GAP.fullmatch(before[max(ends):].removeprefix(".")):  # "MSc. Statistics"
        return True
    after = text[mention.end:mention.end + 12]
    return bool(re.match(r"\s+(?:degree|major|diploma)\b", after, re.IGNORECASE))


# (matched on lower-cased text, where one of _COURSE_WORDS starts)
_COURSE_LABEL = re.compile(
    r"(?:course(?:work|s)?|modules?|classes|subjects|curriculum)\b"
    r"\s*(?:taken|completed|included)?\s*[:\-–|]"
)
_COURSE_WORDS = ("course", "module", "classes", "subjects", "curriculum")
# a course code ("CS231n:", "EE 364:"): found from its digits and colon, then checked
_COURSE_CODE_END = re.compile(r"\d[A-Za-z]?[ \t]*:")
_COURSE_CODE = re.compile(r"(?<![A-Za-z])[A-Z]{2,4} ?\d{2,3}[A-Za-z]?[ \t]*:$")


class CourseLists:
    """Where a "Coursework:" / "Relevant courses:" / "Modules:" label or a course code
    ("CS231n:") sits in a text (found once): a mention after one on the same line is a course
    title, which names its subject."""

    def __init__(self, text: str) -> None:
        self.text = text
        lowered = text.lower()
        ends = []
        for word in _COURSE_WORDS:
            at = lowered.find(word)
            while at >= 0:
                label = None if at and lowered[at - 1].isalnum() else _COURSE_LABEL.match(
                    lowered, at)
                if label is not None:
                    ends.append(label.end())
                at = lowered.find(word, at + len(word))
        for match in _COURSE_CODE_END.finditer(text):
            if _COURSE_CODE.search(text, max(0, match.end() - 12), match.end()):
                ends.append(match.end())
        self.ends = sorted(ends)

    def __call__(self, mention: Mention) -> bool:
        if not self.ends:
            return False
        index = bisect_right(self.ends, mention.start) - 1
        if index < 0:
            return False
        label_end = self.ends[index]
        return mention.start - label_end <= 300 and "\n" not in self.text[label_end:mention.start]


