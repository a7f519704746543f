"""The surface-form table: every taxonomy form, its spelling variants and what it names.

Built once from the taxonomy (data, not code). A form names one skill, or several when it is a
compound ("C/C++"). Variants cover hyphenation ("k-means" / "k means" / "kmeans"), hyphen for
space ("time-series"), plurals ("SVMs", "decision trees"), accents ("Naïve"), British spellings,
"ML" for "machine learning", and practices said as verbs ("A/B tested"); a variant that
collides with another skill's form is dropped, so the taxonomy's own forms always win.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..normalize import strip_accents
from ..taxonomy import Skill, Taxonomy

_SYMBOL = re.compile(r"[^A-Za-z0-9 ]")
_GLUE = re.compile(r"[+#]|^\.")
_HYPHEN_WORDS = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+$")


def fold(text: str) -> str:
    """Case- and accent-insensitive key for a form (NFKD, marks dropped, casefolded)."""
    if text.isascii():
        return text.lower()
    return strip_accents(text).casefold()


@dataclass(frozen=True)
class Form:
    """One surface form and the skills it names."""

    text: str
    skill_ids: tuple[str, ...]
    ambiguous: bool = False
    variant: bool = False
    case_sensitive: bool = False
    translated: bool = False  # a name in another language (never fuzzy-matched)

    @property
    def symbolic(self) -> bool:
        """True when the form holds characters a tokenizer may split (C++, CI/CD, .NET)."""
        return bool(_SYMBOL.search(self.text))

    @property
    def glued(self) -> bool:
        """True when the form may sit glued to other characters that no tokenizer rule splits
        ("C++17", "ASP.NET"-like contexts): these are also matched character by character."""
        return bool(_GLUE.search(self.text))


@dataclass
class FormTable:
    """All forms by folded key, plus which skills allow fuzzy matching."""

    forms: dict[str, Form] = field(default_factory=dict)
    surfaces: dict[str, set[str]] = field(default_factory=dict)

    def add(self, form: Form) -> None:
        key = fold(form.text)
        # (the matcher compares lower case: "große" lowers to itself but casefolds to "grosse")
        self.surfaces.setdefault(key, set()).update({form.text.casefold(), form.text.lower()})
        existing = self.forms.get(key)
        if existing is None or existing.variant and not form.variant:
            self.forms[key] = form
        elif not existing.variant and not form.variant and existing.skill_ids != form.skill_ids:
            merged = tuple(dict.fromkeys(existing.skill_ids + form.skill_ids))
            self.forms[key] = Form(existing.text, merged, existing.ambiguous and form.ambiguous)

    def get(self, text: str) -> Form | None:
        return self.forms.get(fold(text))


def form_is_ambiguous(skill: Skill, form: str) -> bool:
    """A bare single-word form of an ambiguous skill needs context; phrases, listed
    unambiguous aliases and names in other languages never do."""
    if not skill.ambiguous or form in skill.unambiguous_aliases or form in skill.translated_forms:
        return False
    return " " not in form.strip()


# German letters as written without them: "ueberwachtes Lernen", "Entscheidungsbaeume"
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                          "ß": "ss"})


# Turkish dotless and dotted i as an English keyboard or a capital writes them: "ogrenme" for
# "öğrenme" is folded, "bilgisayarli" for "bilgisayarlı" is this ("AĞLARI" lower-cases to it)
_DOTLESS = str.maketrans({"ı": "i", "İ": "I"})


def translated_spellings(text: str) -> list[str]:
    """A name in another language as written, without its accents ("estadistica"), with
    German umlauts spelt out ("ueberwachtes") and Turkish dotless i dotted ("sinir aglari")."""
    dotted = text.translate(_DOTLESS)
    return list(dict.fromkeys([text, fold(text), text.translate(_UMLAUTS), dotted, fold(dotted)]))


# Spelling pairs applied word by word (American → British and back): "visualization" ↔
# "visualisation", "modeling" ↔ "modelling".
_SPELLINGS = [
    (re.compile(r"(?<=[a-z]{3})iz(ation|ations|e|es|ed|er|ers|ing)$"), r"is\1"),
    (re.compile(r"(?<=[a-z]{3})is(ation|ations|e|es|ed|er|ers|ing)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{2}e)l(ing|ed|er|ers)$"), r"ll\1"),
    (re.compile(r"(?<=[a-z]{2}e)ll(ing|ed|er|ers)$"), r"l\1"),
]
# Abbreviations a phrase may use for one of its parts: "ML infrastructure" ↔ "machine learning
# infrastructure".
_ABBREVIATIONS = [("machine learning", "ML"), ("artificial intelligence", "AI")]


def _respelled(form: str) -> list[str]:
    """``form`` with each word's spelling pair applied (one variant per rule that changes it)."""
    out = []
    for pattern, replacement in _SPELLINGS:
        words = form.split(" ")
        changed = [pattern.sub(replacement, word) if word.islower() else word for word in words]
        if changed != words:
            out.append(" ".join(changed))
    return out


def _abbreviated(form: str) -> list[str]:
    """A phrase with "machine learning" ↔ "ML" (and the like) swapped, never the bare term."""
    out = []
    lowered = form.lower()
    for long, short in _ABBREVIATIONS:
        if long in lowered and lowered != long:
            start = lowered.index(long)
            out.append(form[:start] + short + form[start + len(long):])
        words = form.split(" ")
        if short in words and len(words) > 1:
            out.append(" ".join(long if w == short else w for w in words))
    return out


# A practice named by a gerund after its object is also said as a compound verb: "A/B testing" →
# "A/B tested", "unit testing" → "unit-tested", "code reviewing" → "code-reviewed". Only these
# endings: "supervised learning" → "supervised learned" is no English.
_PARTICIPLES = {"testing": "tested", "reviewing": "reviewed"}


def _participles(form: str) -> list[str]:
    """A several-word gerund form as a past participle, spaced and hyphenated."""
    words = form.split(" ")
    past = _PARTICIPLES.get(words[-1]) if len(words) > 1 else None
    if past is None:
        return []
    spaced = " ".join([*words[:-1], past])
    return [spaced, "-".join([" ".join(words[:-1]), past])]


_LAST_CONJUNCTION = re.compile(r"(?<=[^,]) (and|or|&) (?=\S+$)")


def _serial_comma(form: str) -> list[str]:
    """A list form with and without the serial comma: "extract, transform and load" ↔
    "extract, transform, and load"."""
    if ", " not in form:
        return []
    if ", and " in form or ", or " in form:
        return [re.sub(r", (and|or) ", r" \1 ", form)]
    added = _LAST_CONJUNCTION.sub(r", \1 ", form)
    return [added] if added != form else []


def _variants(form: str) -> list[str]:
    out: list[str] = [*_respelled(form), *_abbreviated(form), *_serial_comma(form),
                      *_participles(form)]
    if _HYPHEN_WORDS.match(form):
        out += [form.replace("-", " "), form.replace("-", "")]
    if " " in form and "-" not in form and len(form.split()) <= 3:
        out.append(form.replace(" ", "-"))
    stripped = fold(form)
    if stripped != form.casefold():
        out.append(stripped)
    plural_base = [form, *out]
    for text in plural_base:
        last = text.split()[-1] if text.split() else ""
        if last.isalpha() and not last.lower().endswith(("s", "ing")) and (
            len(last) >= 4 or last.isupper()
        ):
            out.append(text + "s")
    return out


_LISTING = re.compile(r"[,/&]| (?:and|or) ")
_ACRONYM = re.compile(r"\b[A-Z0-9]{2,}\b")


def _variable_compound(form: str) -> bool:
    """A compound of several plain words ("Azure Kubernetes Service"): no list, no acronym."""
    return " " in form and not _LISTING.search(form) and not _ACRONYM.search(form)


def compound_entries(taxonomy: Taxonomy) -> list[tuple[str, tuple[str, ...]]]:
    """``(form, skill ids)`` for each compound form the taxonomy declares, whatever its shape
    (a mapping form → ids, or a list of objects with ``form``/``forms`` and ``skills``)."""
    raw = getattr(taxonomy, "compounds", None) or []
    entries: list[tuple[str, tuple[str, ...]]] = []
    if isinstance(raw, dict):
        for form, ids in raw.items():
            entries.append((str(form), tuple(ids)))
        return entries
    for item in raw:
        data = item if isinstance(item, dict) else item.model_dump()
        ids = tuple(data.get("skills") or data.get("skill_ids") or data.get("names") or ())
        forms = data.get("forms") or [data.get("form") or data.get("text")]
        for form in forms:
            if form:
                entries.append((str(form), ids))
    return entries


def build_forms(taxonomy: Taxonomy) -> FormTable:
    """The form table for ``taxonomy``: declared forms first, then non-colliding variants."""
    table = FormTable()
    for skill in taxonomy.skills.values():
        for text in skill.english_forms:
            ambiguous = form_is_ambiguous(skill, text)
            cased = ambiguous and bool(getattr(skill, "case_sensitive", False))
            table.add(Form(text.strip(), (skill.id,), ambiguous, case_sensitive=cased))
        for text in skill.translated_forms:
            for spelling in translated_spellings(text.strip()):
                table.add(Form(spelling, (skill.id,), False, translated=True))
    compounds = [(text.strip(), tuple(i for i in ids if i in taxonomy.skills))
                 for text, ids in compound_entries(taxonomy)]
    for text, known in compounds:
        if known:
            table.add(Form(text, known, False))
    # a one-name compound's variants before a single skill's: "Azure Kubernetes services"
    # still names Azure as well as the service (a listing compound, "C and C++", has none,
    # nor one with an acronym, matched in any case once varied: "ELKs", "MEAN stacks")
    for text, known in compounds:
        for variant in _variants(text) if known and _variable_compound(text) else ():
            if fold(variant) not in table.forms:
                table.add(Form(variant, known, False, variant=True))
    for skill in taxonomy.skills.values():
        for text in skill.english_forms:
            if form_is_ambiguous(skill, text):
                continue
            for variant in _variants(text.strip()):
                if fold(variant) not in table.forms:
                    table.add(Form(variant, (skill.id,), False, variant=True))
    return table
