"""The matching pipeline: spaCy blank English tokenizer + PhraseMatcher + a symbol-form regex.

Built once per process (``get_pipeline``) from the taxonomy. ``Pipeline.mentions(text)`` returns
every exact and fuzzy mention with character offsets that slice ``text`` exactly; deciding which
mentions count (context, negation) is the ``context`` package's job.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from ..documents.vocab import Vocabulary
from ..settings import get_settings
from ..taxonomy import Taxonomy, default_taxonomy_dir, get_taxonomy
from ..taxonomy.models import CJK_CHARACTER, CJK_RANGES
from .alternation import Alternation
from .coordination import distributed_heads, shared_heads
from .forms import Form, FormTable, build_forms, fold
from .fuzzy import FuzzyIndex
from .glued import GluedWords
from .mention import Mention
from .practices import PracticeMatcher, PracticeRules, load_practices
from .tokens import ChunkTokenizer
from .wrapped import WrappedForms

_URL_OR_EMAIL = re.compile(
    r"(?i:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|"
    r"edu|ai|co|in|us|uk|de|gov)(?:/\S*)?\b"
)
# what an address holds, as regexes that each open with one fixed character: the engine skips
# ahead to it as fast as ``str.find`` (through a class of first characters it steps one by one)
_URL_HINTS = (re.compile("@"), re.compile("://"), re.compile(r"www\."),
              re.compile(r"\.(?:com|org|net|io|edu|ai|co|in|us|uk|de|gov)\b"))
_URL_HINT = re.compile("|".join(hint.pattern for hint in _URL_HINTS))
# a file's path ("/assets/images/pages/cv/cover.jpg", "img/python-logo.png"): its folder and
# file names are no skills (an absolute path needs three parts, a relative one an extension,
# so that "AI/ML" and "/ML/" stay words; not after "C++", "C#" or "F#": "C++/Java/Go"; no
# ".js", which names frameworks: "React/Node.js")
_FILE_PATH = re.compile(
    r"(?<![\w/.+#@-])(?:\.{1,2}/|~/|/)(?:[\w.@-]+/){2,}[\w.@-]*"
    r"|(?<![\w/.+#@-])(?:[\w.@-]+/)+[\w@-]+\.(?:jpe?g|png|gif|svg|webp|ico|pdf|html?|md|css|json|"
    r"ya?ml|txt|py|ipynb|tex|docx?|csv)\b"
)
_PATH_HINTS = (re.compile("/"),)
# what no mention may overlap, each found in the whitespace chunks holding one of its hints
_BLOCKED = ((_URL_HINTS, _URL_OR_EMAIL), (_PATH_HINTS, _FILE_PATH))
# where a form may be glued to other characters: a "+", a "#", a full stop opening a name
_GLUE_HINTS = (re.compile(r"\+"), re.compile("#"), re.compile(r"\.(?<![A-Za-z0-9]\.)[A-Za-z]"))
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# a run of Chinese, Japanese or Korean characters, which no space parts from a Latin word
# ("熟悉Python等", "使用Docker部署"), with their corner and angle brackets ("「Python」")
_CJK = r"[\u3008-\u3011" + CJK_RANGES + r"]+"
# (nor one word from the next: a name written in those characters, "模型部署", is found inside
# its run by a regex of its own, ``Pipeline.cjk``, not by the token matcher)
_EXTRA_INFIXES = [
    r"[)\]]?" + _CJK + r"[(\[]?",
    r"(?<=[A-Za-z0-9+#])/(?=[A-Za-z0-9.#])",
    r"(?<=[A-Za-z0-9+#])\|(?=[A-Za-z0-9.])",
    r"(?<=[0-9+#]),(?=[A-Za-z])",
    r"(?<=[A-Za-z0-9+#])[()](?=[A-Za-z0-9])",
    r"(?<=[A-Za-z0-9+#])[)\]]\.(?=[A-Z][a-z])",  # a list glued to the next sentence: "Docker).Proven"
    r"(?<=[A-Za-z0-9+#])[)\]](?=/)",  # a rating after a bracketed list: "(Qlik, Tableau)/3"
    # LaTeX's line break glued after a list's slash: "CUDA/\\Matlab" (not a path's
    # "\\\\server\\share")
    r"(?<=[A-Za-z0-9+#])/\\\\(?=[A-Za-z])",
    r"(?<=\S)[{}](?=\S)",  # LaTeX left in the text: "\cvitem{Tools}{Docker, Git}"
    r"(?<=\S)[\[\]](?=[A-Za-z])",  # Typst's content blocks: "#text(fill: muted)[Python · SQL]"
    r"(?<=[a-z])\+(?=[A-Za-z])",  # "pandas+NumPy"
    r"(?<=[A-Z]{2})\+(?=[A-Z])",  # "BDD+TDD", "SQL+DAX"
    r"(?<=[A-Za-z])@(?=(?:\d{1,3}|[kK])\b)",  # "NDCG@10", "recall@k" (not an e-mail address)
    # "SciPy.signal", "torch.nn": a module's submodule (not a framework's or file's suffix:
    # "Next.js", "ASP.net", "main.py")
    r"(?<=[A-Za-z]{2})\.(?!(?:js|ts|jsx|tsx|mjs|net|io|ai|py|rb|go|sh|md|json|ya?ml|csv|txt|"
    r"html?|css|xml|sql|ipynb|exe|dll|so|h|cpp|cc|c|java|kt|rs|swift|php|pl|r)\b)(?=[a-z]{2,}\b)",
]
# (a lone capital's full stop: "in R." ends a sentence; initials are judged in context; so does
# the full stop after a name ending in a capital: "with SparkR.", "with pruebas A/B.")
# (and split off a word's end: hyphens, a table cell's "|", a slash ending a line of a wrapped
# list, "Hadoop/" then "Hive cluster", and Markdown's hard line break, "Docker, AWS, GCP\\")
_EXTRA_SUFFIXES = [r"(?<=[A-Za-z0-9+#])(?:-+|\||/|\\)$", r"(?<=^[A-Z])\.", r"(?<=[a-z&/-][A-Z])\.$",
                   r"(?<=\S)\\\\$",  # LaTeX's line break after a word: "based on SVM.\\"
                   _CJK + "$"]
# "-Python" as a list bullet; "|Calculus I |Fall 2008|" as a Markdown table cell; French and
# Italian elisions before a name ("d'apprentissage profond", "dell'apprendimento automatico";
# not a possessive: "C's", "Dell's")
_EXTRA_PREFIXES = [r"-(?=[A-Za-z])", r"\|(?=[A-Za-z0-9])", _CJK,
                   (r"(?:[cdjlmnstCDJLMNST]|[Qq]u|[DdNnAa]ell|[Dd]all|[Ss]ull|[Aa]ll)['’]"
                    r"(?=[^\W\d_]{2})")]


def _case_variants(text: str) -> set[str]:
    """``text`` as written, lower, upper and title case, and a dotted name with its suffix in
    capitals ("Node.JS", "Vue.JS")."""
    variants = {text, text.lower(), text.upper(), text.title(), text[:1].upper() + text[1:].lower()}
    head, dot, tail = text.rpartition(".")
    if dot and head and tail.isalpha():
        variants.add(f"{head}.{tail.upper()}")
    return variants


def build_nlp(table: FormTable) -> spacy.language.Language:
    """``spacy.blank("en")`` whose tokenizer keeps symbol-heavy skill names whole."""
    nlp = spacy.blank("en")
    infixes = list(nlp.Defaults.infixes) + _EXTRA_INFIXES
    suffixes = list(nlp.Defaults.suffixes) + _EXTRA_SUFFIXES
    prefixes = _EXTRA_PREFIXES + list(nlp.Defaults.prefixes)
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # spaCy takes any "word.word" for a URL ("SciPy.signal", "torch.nn"): only what looks like a
    # web address or an e-mail stays one token
    url_match = nlp.tokenizer.url_match
    if url_match is not None:
        nlp.tokenizer.url_match = lambda text: url_match(text) if _URL_HINT.search(text) else None
    for form in table.forms.values():
        if form.symbolic and " " not in form.text:
            for variant in _case_variants(form.text):
                nlp.tokenizer.add_special_case(variant, [{"ORTH": variant}])
    return nlp


def _paraphrase_pattern(taxonomy: Taxonomy) -> tuple[Alternation | None, list[Form]]:
    """One alternation over every skill's ``patterns``, and the form each pattern names."""
    patterns, forms = [], []
    for skill in taxonomy.skills.values():
        for index, pattern in enumerate(getattr(skill, "patterns", [])):
            patterns.append(pattern)
            forms.append(Form(f"{skill.name} (pattern {index + 1})", (skill.id,)))
    return (Alternation(patterns) if patterns else None), forms


def _cjk_pattern(forms: list[Form]) -> re.Pattern[str] | None:
    """One regex over the forms written in Chinese, Japanese or Korean characters, longest
    first, found anywhere in a run of them."""
    if not forms:
        return None
    texts = sorted({f.text for f in forms}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in texts), re.IGNORECASE)


def _symbol_pattern(forms: list[Form]) -> re.Pattern[str] | None:
    """One regex over the forms a tokenizer might split, with word-like boundaries."""
    parts = []
    for form in sorted(forms, key=lambda f: len(f.text), reverse=True):
        body = r"\s+".join(re.escape(word) for word in form.text.split())
        left = r"(?<![A-Za-z0-9_.])" if not form.text[0].isalnum() else r"(?<![A-Za-z0-9_])"
        right = r"(?![A-Za-z0-9_])" if form.text[-1].isalnum() else r"(?![A-Za-z_+#])"
        parts.append(f"{left}{body}{right}")
    if not parts:
        return None
    return re.compile("|".join(parts), re.IGNORECASE)


class Pipeline:
    """Tokenizer, matchers and fuzzy index for one taxonomy; immutable once built."""

    def __init__(self, taxonomy: Taxonomy, practices: PracticeRules | None = None) -> None:
        self.taxonomy = taxonomy
        self.vocabulary = Vocabulary.from_taxonomy(taxonomy)  # the documents layer's words
        self.table = build_forms(taxonomy)
        self.nlp = build_nlp(self.table)
        self.glued = GluedWords(s for surfaces in self.table.surfaces.values() for s in surfaces)
        self.tokenizer = ChunkTokenizer(self.nlp, names=self.glued)
        # (for text a scraper glued together: its own chunk cache, since chunks split otherwise)
        self.unglued_tokenizer = ChunkTokenizer(self.nlp, self.glued, names=self.glued)
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._keys: dict[int, Form] = {}
        for key, form in self.table.forms.items():
            patterns = [self.nlp.make_doc(t) for t in sorted(self.table.surfaces[key])]
            match_id = self.nlp.vocab.strings.add(key)
            self._keys[match_id] = form
            self.matcher.add(key, patterns)
        self.wrapped = WrappedForms(self.table, self.tokenizer, self.matcher, self._keys)
        self.symbols = _symbol_pattern([f for f in self.table.forms.values() if f.glued])
        self.cjk = _cjk_pattern([f for f in self.table.forms.values()
                                 if CJK_CHARACTER.search(f.text)])
        self.fuzzy = FuzzyIndex(taxonomy, self.table)
        self.paraphrases, self._paraphrase_forms = _paraphrase_pattern(taxonomy)
        self.practices = PracticeMatcher(
            taxonomy, practices or PracticeRules(), self.nlp.vocab
        )
        self.soft_skills = frozenset(
            skill_id for skill_id, skill in taxonomy.skills.items() if skill.category == "soft"
        )
        self._implied: dict[str, tuple[str, ...]] = {}
        education = getattr(taxonomy, "education", None)
        self.field_forms = frozenset(
            fold(form) for field in getattr(education, "fields", []) for form in field.forms
        )

    def _paraphrased(self, text: str, chosen: list[Mention]) -> list[Mention]:
        """Matches of the taxonomy's ``patterns`` (paraphrases with words in between); they may
        overlap other skills' mentions, but not a mention of their own skill."""
        if self.paraphrases is None:
            return []
        extra: list[Mention] = []
        for index, match in self.paraphrases.finditer(text):
            form = self._paraphrase_forms[index]
            start, end = match.span()
            if start == end or any(
                m.start < end and start < m.end and m.form.skill_ids == form.skill_ids
                for m in [*chosen, *extra]
            ):
                continue
            extra.append(Mention(start, end, form, "context"))
        return extra

    def _practised(
        self, text: str, doc: Doc, starts: list[int], ends: list[int], chosen: list[Mention]
    ) -> list[Mention]:
        """Matches of the practice rules (``practices.py``)."""
        spans = [(m.start, m.end, m.form.skill_ids) for m in chosen]
        return [
            Mention(start, end, form, "context")
            for start, end, form in self.practices.find(text, doc, starts, ends, spans)
        ]

    def implied(self, skill_id: str) -> tuple[str, ...]:
        """``taxonomy.implied(skill_id)``, remembered."""
        found = self._implied.get(skill_id)
        if found is None:
            found = self._implied[skill_id] = tuple(self.taxonomy.implied(skill_id))
        return found

    def forget(self) -> None:
        """Empty the caches shared across texts (chunk tokens, fuzzy verdicts, the practice
        matcher's per-token facts): benchmarks use it to time texts never seen before."""
        self.tokenizer.forget()
        self.unglued_tokenizer.forget()
        self.fuzzy.forget()
        self.practices.forget()

    def tokenize(self, text: str) -> Doc:
        """The tokens of ``text`` (the same as ``self.nlp.make_doc``, chunk-cached)."""
        return self.tokenizer(text)

    def mentions(self, text: str) -> list[Mention]:
        """Exact mentions (phrase matcher + symbol regex), then fuzzy ones in the gaps.

        Matching runs on ``soft_unwrap(text)``; lone surrogates (which spaCy cannot encode) and
        the Turkish "İ" are replaced, all one character for one, so offsets hold.
        """
        if not _encodes(text):  # (only a text holding a lone surrogate is searched for them)
            text = _SURROGATE.sub("\ufffd", text)
        text = soft_unwrap(text)
        if "İ" in text:  # (Turkish capital dotted I lower-cases to two characters: "i" + a dot)
            text = text.replace("İ", "I")
        tokenizer = self.unglued_tokenizer if self.glued.is_glued(text) else self.tokenizer
        doc, starts, ends, words = tokenizer.split(text)
        found: dict[tuple[int, int], Mention] = {}
        for match_id, start, end in self.matcher(doc):
            span = (starts[start], ends[end - 1])
            found[span] = Mention(*span, self._keys[match_id])
        found.update(self.wrapped.find(text, found))
        for chunk_start, chunk_end in _chunks(text, _GLUE_HINTS) if self.symbols is not None else ():
            for match in self.symbols.finditer(text, chunk_start, chunk_end):
                form = self.table.forms.get(fold(" ".join(match.group().split())))
                span = (match.start(), match.end())
                if form is None or span in found:
                    continue
                found[span] = Mention(*span, form)
        if self.cjk is not None and CJK_CHARACTER.search(text):
            for match in self.cjk.finditer(text):
                form = self.table.forms.get(fold(match.group()))
                if form is not None:
                    found.setdefault(match.span(), Mention(*match.span(), form))
        blocked = [
            (m.start(), m.end())
            for hints, pattern in _BLOCKED
            for chunk_start, chunk_end in _chunks(text, hints)
            for m in pattern.finditer(text, chunk_start, chunk_end)
        ]
        chosen = _non_overlapping(list(found.values()), blocked)
        chosen.extend(shared_heads(text, self.table, chosen))
        chosen.extend(distributed_heads(text, self.table, chosen))
        chosen.extend(self._paraphrased(text, chosen))
        chosen.extend(self._practised(text, doc, starts, ends, chosen))
        covered = [(m.start, m.end) for m in chosen]
        chosen.extend(self.fuzzy.find(text, starts, ends, words, covered + blocked))
        chosen.sort(key=lambda m: (m.start, m.end))
        return chosen


# words a line cannot end a sentence with: the line runs on whatever case the next one opens in
# ("packaged the models in" / "Docker and deployed them")
_RUNS_ON = ("a", "an", "the", "and", "or", "of", "in", "into", "to", "with", "for", "on", "by",
            "from", "as", "at", "using", "via")
# (the newline first, then the look-behinds: Python's engine then skips ahead to each newline;
# one look-behind per word length, which Python requires fixed)
_SOFT_WRAP = re.compile(
    r"\n(?:(?<=[^\s.;:!?]\n)(?=[a-z])|(?=[A-Z0-9])(?:"
    + "|".join(
        rf"(?<=[ \t](?:{'|'.join(w for w in _RUNS_ON if len(w) == size)})\n)"
        for size in sorted({len(word) for word in _RUNS_ON})
    )
    + r"))"
)


def soft_unwrap(text: str) -> str:
    """``text`` with hard-wrapped line breaks (a line running on in lower case, as in
    "statistical\nanalysis", or after a word no sentence ends with, as in "models in\nDocker")
    turned into spaces: same length, same offsets."""
    return _SOFT_WRAP.sub(" ", text)


def _encodes(text: str) -> bool:
    """Whether ``text`` holds no lone surrogate (checked by encoding it, at C speed: UTF-8 has
    no code for one)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _chunks(text: str, hints: tuple[re.Pattern[str], ...]) -> list[tuple[int, int]]:
    """The whitespace-delimited chunks of ``text`` holding a match of one of ``hints``, in order
    (no hint holds a space or a line break: matches of two hints that overlap share a chunk)."""
    chunks: list[tuple[int, int]] = []
    for hint_start, hint_end in sorted(m.span() for hint in hints for m in hint.finditer(text)):
        if chunks and hint_start < chunks[-1][1]:
            continue
        start = max(text.rfind(" ", 0, hint_start), text.rfind("\n", 0, hint_start)) + 1
        ends = [i for i in (text.find(" ", hint_end), text.find("\n", hint_end)) if i >= 0]
        chunks.append((start, min(ends, default=len(text))))
    return chunks


def _non_overlapping(mentions: list[Mention], blocked: list[tuple[int, int]]) -> list[Mention]:
    """Longest mentions first; a mention overlapping a chosen one or a URL/e-mail is dropped
    (unless the "URL" is exactly the form, like "Salesforce.com"). Two several-word forms that
    share one word at their edges both stand ("image classification models": image
    classification and classification models)."""
    if not mentions:
        return []
    taken = bytearray(max(m.end for m in mentions) + 1)
    # (the characters of the blocked spans: a mention holding none of them overlaps none, but
    # an empty span holds no character, nor does an empty mention)
    blocked_chars = bytearray(max([len(taken), *(end for _, end in blocked)]))
    for start, end in blocked:
        blocked_chars[start:end] = b"\x01" * (end - start)
    check_all = any(start >= end for start, end in blocked)
    chosen: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        if 1 in taken[mention.start:mention.end] and not _shares_an_edge_word(mention, chosen):
            continue
        if (check_all or mention.start == mention.end
                or 1 in blocked_chars[mention.start:mention.end]) and any(
            mention.start < end and start < mention.end
            and (start, end) != (mention.start, mention.end)
            for start, end in blocked
        ):
            continue
        taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
        chosen.append(mention)
    return chosen


def _shares_an_edge_word(mention: Mention, chosen: list[Mention]) -> bool:
    """Every chosen mention ``mention`` overlaps only shares its first or last word with it,
    both being several words long."""
    if " " not in mention.form.text:
        return False
    overlapping = [c for c in chosen if c.start < mention.end and mention.start < c.end]
    return all(
        " " in c.form.text and (
            mention.start < c.start and c.start < mention.end < c.end
            and mention.form.text.rsplit(" ", 1)[1].lower() == c.form.text.split(" ", 1)[0].lower()
            or c.start < mention.start < c.end < mention.end
            and c.form.text.rsplit(" ", 1)[1].lower() == mention.form.text.split(" ", 1)[0].lower()
        )
        for c in overlapping
    )


@lru_cache(maxsize=4)
def _pipeline_for(directory: Path | None) -> Pipeline:
    taxonomy = get_taxonomy(directory)
    return Pipeline(taxonomy, load_practices(directory or default_taxonomy_dir(), taxonomy))


def get_pipeline(taxonomy_dir: Path | None = None) -> Pipeline:
    """The pipeline for ``taxonomy_dir`` (default: the installed taxonomy), built once."""
    return _pipeline_for(Path(taxonomy_dir) if taxonomy_dir is not None else None)
