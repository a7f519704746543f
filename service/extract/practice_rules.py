"""The practice file (``taxonomy/practices.yaml``): its models, validated at load with errors
naming file, entry and field; the inflection of its words (verbs: -s, -ed, -ing, British -ise;
nouns: plurals); and each rule as one regex whose slots are its families' forms and whose gaps are
at most ``gap`` words of one sentence. Matched by ``practices.PracticeMatcher``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import TaxonomyError
from ..taxonomy import Taxonomy
from ..taxonomy.loading import read_yaml
from .literals import tree_alternation

FILE = "practices.yaml"
NUMBER = "number"
# A gap word: letters, digits and the marks words carry ("ML-based", "C++", "team's"), figures
# with their marks ("~40", "12%", "$2M"; not "0.91", a full stop), between spaces, commas,
# slashes, brackets, quotes ('the "core" models', "the ‘churn’ model") and arrows
# ("pipelines → deployment → monitoring", "training -> serving").
# (a word opens with a letter, digit or mark that no separator is, so a run of "-" or "+" is
# one separator and not a choice of splits; both runs are possessive, so "a-a-a" is one word,
# never a choice of words and separators, which made a long hyphenated word cost time growing
# as its length to the power of the gap. The last separator may be followed by up to two heads
# of a compound whose tail the next slot is: "Deployment von ML-Modellen", "raised PR-AUC".)
_GAP = (r"(?:[ ,/&()+\"“”‘’>→⇒-]++[\w#'’~%%$£€][\w+#'’~%%$£€-]*+){0,%d}?"
        r"[ ,/&()+\"“”‘’>→⇒-]++(?:[\w#'’~%%$£€][\w+#'’~%%$£€]*+-){0,2}")
# A score: a decimal or a percentage ("0.91", "95%", "12.5 percent"), not a bare count.
# (a full stop may end the sentence right after the figure: "F1 0.89.")
_NUMBER = r"(?<![\w.])(?:\d{1,3}(?:\.\d+)?(?: ?%| percent)|0?\.\d+)(?!\w|\.\d)"
# where a rule that opens with a figure may start (each such rule is tried only there): the
# matches of ``_NUMBER``, written to open with the character class of their first character
# (the engine then skips ahead to one; a look-around first makes it try every position), the
# look-behinds after it asking what came before it and what it was
FIGURE = re.compile(
    r"[\d.](?<![\w.].)"
    r"(?:(?<=\d)(?:\d{0,2}(?:\.\d+)?(?: ?%| percent)|(?<=0)\.\d+)|(?<=\.)\d+)(?!\w|\.\d)",
    re.IGNORECASE,
)
# Coordinated verbs after a verb slot ("evaluating, testing, and deploying"): not gap words.
# Base forms ("design and analyse", "design, analyse and report on") only from the file's
# ``coordinated`` list: a bare word after "and" is as often a noun.
# The marks no gap, joiner or word form (unless one is written with it) holds: a match of a rule
# without them lies inside one stretch of text between them.
BREAK_MARK = re.compile(r"[.;:!?\n]")
_JOINER = r"(?: ?,| ?,? and| ?,? or| ?/| ?&) "
# (an adverb may come first: "designed and iteratively improved")
_ADVERB = r"(?:[a-z]{2,}ly )?"
_COORDINATED = rf"(?:{_JOINER}{_ADVERB}[a-z][a-z-]*(?:ing|ed))*"
_VOWELS = "aeiou"


class Family(BaseModel):
    """Words that play one part in a practice ("deploy", "ship", "serve"), inflected as
    ``inflect`` says; multi-word entries inflect their first word (verbs) or last (nouns)."""

    model_config = ConfigDict(extra="forbid")

    inflect: Literal["verb", "noun", "none"] = "none"
    words: list[str] = Field(min_length=1)
    # a word right before one of the family's forms that makes it something else
    # ("Helm charts", "org charts" are not data visuals)
    not_after: list[str] = Field(default_factory=list)
    # words right after one of the family's forms that make it something else ("code of
    # conduct" is no code to review)
    not_before: list[str] = Field(default_factory=list)
    # false: a form right after "word-" is the tail of a compound, not this word
    # ("climate-controlled trial" is no controlled experiment)
    after_hyphen: bool = True

    @field_validator("not_after", "not_before", mode="before")
    @classmethod
    def _flattened(cls, words: object) -> object:
        """One list from a shared list and more words: YAML's ``[*shared, [more, words]]``
        (an alias, then a list) arrives nested and is flattened one level."""
        if not isinstance(words, list):
            return words
        return [word for item in words for word in (item if isinstance(item, list) else [item])]

    @field_validator("words")
    @classmethod
    def _not_blank(cls, words: list[str]) -> list[str]:
        for index, word in enumerate(words):
            if not word.strip():
                raise ValueError(f"item {index + 1}: empty word")
        return words


class Practice(BaseModel):
    """A skill named by families in order (``slots``), each at most ``gap`` words after the
    previous one; ``either_order`` also accepts two slots the other way round."""

    model_config = ConfigDict(extra="forbid")

    skill: str
    slots: list[str] = Field(min_length=2, max_length=3)
    gap: int = Field(4, ge=0, le=8)
    either_order: bool = False
    # families one of whose words must be in the same sentence ("selected features for the
    # release" is product work, "selected features for the churn classifier" is not)
    requires: list[str] = Field(default_factory=list)
    # how many sentences before the match's own may hold the ``requires`` word ("Senior ML
    # engineer. Owned delivery: training → deployment → monitoring")
    requires_before: int = Field(0, ge=0, le=2)


class PracticeData(BaseModel):
    """The whole ``practices.yaml``; ``irregular``: English verbs whose past forms are not
    "-ed" (take → took, taken), used wherever a verb family holds them."""

    model_config = ConfigDict(extra="forbid")

    families: dict[str, Family]
    practices: list[Practice]
    irregular: dict[str, list[str]] = Field(default_factory=dict)
    # verbs that may stand, in any form, coordinated after a verb slot's word without counting
    # as gap words ("design and analyse A/B tests"); their -ing and -ed forms always may
    coordinated: list[str] = Field(default_factory=list)


def verb_forms(word: str, irregular: Mapping[str, list[str]] | None = None) -> set[str]:
    """``deploy`` → deploy, deploys, deployed, deploying; ``serve`` → serves, served, serving;
    ``ship`` → shipped; ``productionize`` also → productionise, productionised…; and the past
    forms ``irregular`` gives (``take`` → took, taken; ``roll out`` keeps its tail)."""
    head, _, rest = word.partition(" ")
    tail = f" {rest}" if rest else ""
    bases = {head}
    if head.endswith("ize"):
        bases.add(head[:-3] + "ise")
    forms = set()
    for base in bases:
        forms.add(base)
        if base.endswith("e"):
            forms |= {base + "s", base + "d", base[:-1] + "ing"}
        elif base.endswith("y") and base[-2:-1] not in _VOWELS:
            forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
        elif base.endswith(("s", "sh", "ch", "x")):
            forms |= {base + "es", base + "ed", base + "ing"}
        elif (
            len(base) <= 4 and len(base) >= 3 and base[-1] not in _VOWELS + "wxy"
            and base[-2] in _VOWELS and base[-3] not in _VOWELS
        ):
            forms |= {base + "s", base + base[-1] + "ed", base + base[-1] + "ing"}
        else:
            forms |= {base + "s", base + "ed", base + "ing"}
    forms |= {past.lower() for past in (irregular or {}).get(head, ())}
    return {form + tail for form in forms}


def noun_forms(word: str) -> set[str]:
    """``model`` → models; ``query`` → queries; ``neural network`` → neural networks."""
    head, _, last = word.rpartition(" ")
    lead = f"{head} " if head else ""
    if last.endswith("y") and last[-2:-1] not in _VOWELS:
        plural = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch", "x")):
        plural = last + "es"
    else:
        plural = last + "s"
    return {word, lead + plural}


def family_forms(family: Family, irregular: Mapping[str, list[str]] | None = None) -> set[str]:
    """Every form of the family's words, lower-cased (``irregular``: see ``verb_forms``)."""
    forms: set[str] = set()
    for word in family.words:
        word = " ".join(word.lower().split())
        if family.inflect == "verb":
            forms |= verb_forms(word, irregular)
        else:
            forms |= noun_forms(word) if family.inflect == "noun" else {word}
    return forms


def _phrase(form: str) -> str:
    """``form`` as a regex whose words may stand one or more spaces apart."""
    return r"[ ]+".join(re.escape(word) for word in form.split())


def _alternation(forms: Sequence[str]) -> str:
    """``(?:f1|f2|…)`` of the ``_phrase`` of each form, tried in the order given, written as a
    tree of their shared starts (``literals.tree_alternation``)."""
    return tree_alternation(forms, lambda ch: r"[ ]+" if ch == " " else re.escape(ch))


def _slot(forms: set[str], not_after: Sequence[str] = (), not_before: Sequence[str] = (),
          tails: bool = True) -> str:
    # one look-behind per word length (a look-behind's alternatives must share a width), after
    # the word boundary so that only word starts pay for them
    by_length: dict[int, list[str]] = {}
    for word in sorted({w.lower() for w in not_after}):
        by_length.setdefault(len(word), []).append(re.escape(word))
    guards = "".join(rf"(?<!\b(?:{'|'.join(words)}) )" for _, words in sorted(by_length.items()))
    after = ""
    if not_before:
        after = rf"(?![ -](?:{'|'.join(_phrase(w.lower()) for w in not_before)})\b)"
    # (``tails``: whether a form right after "word-" counts, the tail of a compound)
    lead = r"\b" if tails else r"\b(?<![\w]-)"
    forms_first = _alternation(sorted(forms, key=len, reverse=True))  # (longest first)
    return lead + guards + forms_first + r"(?![\w+#])" + after


def start_words(slot: str, families: dict[str, Family],
                irregular: Mapping[str, list[str]] | None = None) -> frozenset[str]:
    """The first word of each form of a slot, split at any mark, and also at any mark but an
    apostrophe ("l'évaluation" and "l"): a match can start only at a token that is one of them
    (empty for ``number``: any number may start it)."""
    if slot == NUMBER:
        return frozenset()
    forms = family_forms(families[slot], irregular)
    # a token keeps a French or Italian elision whole ("l'évaluation"), an English
    # possessive apart ("team" "'s")
    return frozenset(
        re.split(pattern, form)[0] for form in forms for pattern in (r"[\W_]+", r"[^\w'’]+"))


def coordinated_pattern(verbs: Sequence[str] = (),
                        irregular: Mapping[str, list[str]] | None = None) -> str:
    """What may follow a verb slot's word without counting as gap words: coordinated -ing and
    -ed forms, and any form of ``verbs`` ("design and analyse", "design, analyse and report
    on")."""
    forms: set[str] = set()
    for verb in verbs:
        forms |= verb_forms(" ".join(verb.lower().split()), irregular)
    if not forms:
        return _COORDINATED
    named = "|".join(_phrase(form) for form in sorted(forms, key=len, reverse=True))
    return rf"(?:{_JOINER}{_ADVERB}(?:[a-z][a-z-]*(?:ing|ed)|(?:{named}))(?![\w+#]))*"


def rule_patterns(practice: Practice, families: dict[str, Family],
                  irregular: Mapping[str, list[str]] | None = None,
                  coordinated: str = _COORDINATED) -> list[tuple[str, str]]:
    """The ``(?i)`` regexes of one rule, each with the slot it starts with (two regexes when
    the slots may come in either order); ``coordinated``: see ``coordinated_pattern``."""
    slots = {
        name: _NUMBER if name == NUMBER else _slot(family_forms(families[name], irregular),
                                                   families[name].not_after,
                                                   families[name].not_before,
                                                   families[name].after_hyphen)
        + (coordinated if families[name].inflect == "verb" else "")
        for name in practice.slots
    }
    orders = [practice.slots]
    if practice.either_order:
        orders.append(list(reversed(practice.slots)))
    gap = _GAP % practice.gap
    return [("(?i)" + gap.join(slots[name] for name in order), order[0]) for order in orders]


@dataclass(frozen=True)
class PracticeRule:
    """One regex naming ``skill``; ``starts``: the words a match may start with (``number``:
    it starts with a figure instead)."""

    skill: str
    pattern: str
    starts: frozenset[str]
    number: bool = False
    # per later slot (not numbers), the words one of its forms starts with: a text without
    # any of one slot's words cannot match
    needs: tuple[frozenset[str], ...] = ()
    # a regex one of whose matches must lie in the match's sentence (``Practice.requires``),
    # or in one of the ``requires_before`` sentences before it
    requires: str | None = None
    requires_before: int = 0
    # whether a match may hold a sentence mark or line break (a figure such as "0.91", or a
    # form written with one): only then may its words lie past one
    crosses_breaks: bool = False


@dataclass(frozen=True)
class PracticeRules:
    """Every rule of the practice file, one skill possibly with several."""

    rules: tuple[PracticeRule, ...] = ()


def load_practices(directory: Path | None, taxonomy: Taxonomy) -> PracticeRules:
    """The rules of ``directory/practices.yaml`` (none when the file is absent), validated:
    errors name the file, the entry and the field."""
    if directory is None:
        return PracticeRules()
    path = Path(directory) / FILE
    if not path.exists():
        return PracticeRules()
    raw = read_yaml(path)
    try:
        data = PracticeData.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = [str(p) for p in first["loc"]]
        entry = ".".join(loc[:2]) or "(file)"
        field = ".".join(loc[2:]) or "(entry)"
        raise TaxonomyError(f"{FILE}: entry {entry}: field {field}: {first['msg']}") from None
    rules = []
    coordinated = coordinated_pattern(data.coordinated, data.irregular)
    coordinated_breaks = any(BREAK_MARK.search(verb) for verb in data.coordinated)
    for index, practice in enumerate(data.practices):
        label = f"practices.{index}"
        if practice.skill not in taxonomy.skills:
            raise TaxonomyError(
                f"{FILE}: entry {label}: field skill: unknown skill {practice.skill!r}"
            )
        for field, names in (("slots", practice.slots), ("requires", practice.requires)):
            for name in names:
                if name != NUMBER and name not in data.families:
                    raise TaxonomyError(
                        f"{FILE}: entry {label}: field {field}: unknown family {name!r}")
        irregular = data.irregular
        requires = None
        if practice.requires:
            words: set[str] = set()
            for name in practice.requires:
                words |= family_forms(data.families[name], irregular)
            requires = "(?i)" + _slot(words)
        for pattern, first in rule_patterns(practice, data.families, irregular, coordinated):
            later = [slot for slot in practice.slots if slot not in (first, NUMBER)]
            crosses = NUMBER in practice.slots or coordinated_breaks or any(
                BREAK_MARK.search(form)
                for slot in practice.slots for form in family_forms(data.families[slot], irregular)
            )
            rules.append(PracticeRule(
                practice.skill, pattern, start_words(first, data.families, irregular),
                first == NUMBER,
                tuple(start_words(slot, data.families, irregular) for slot in later),
                requires, practice.requires_before, crosses,
            ))
    return PracticeRules(tuple(rules))
