"""The extractor's shortcuts change no result: folded regexes, bisected section/page look-ups and
remembered fuzzy verdicts."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from service.documents.text import first_holding as _locator
from service.extract.context import ambiguity, negation
from service.extract.context.requirements import RequirementCues, RequirementHints
from service.extract.context.folded import Folded
from service.extract import names, others
from service.extract.forms import fold
from service.extract.fuzzy import MIN_FORM_CHARS, FuzzyIndex
from service.extract.mention import Mention
from service.extract.pipeline import get_pipeline
from service.models import Block, Document, Section

CUES = RequirementCues.of(get_pipeline().taxonomy.cues)
FOLDED = [negation._NEG_CUE, negation._NOT_NEGATION, negation._POST_NEG, CUES.preferred,
          CUES.required, ambiguity._TECH_LEAD]
WORDS = st.sampled_from([
    "No", "NOT", "never", "Without", "willing to learn", "Interested in", "is not required", "a Plus",
    "MUST", "Required", "5+ years", "experience with", "You'll need", "nice-to-have", "plan to",
    "Python", " ", "\n", ", ", ". ", "ſ", "K", "İ", "é", "x",
])


class _EverySpanSearched(RequirementHints):
    """The hints without the per-text string gate: every cue pattern searched in every span."""

    def _hint(self, span, start, end):
        return self.cues.hint(span)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(WORDS, st.sampled_from(["Requirements:", "Bonus", "PLUS", "\nSkills\n"])),
                max_size=25).map("".join))
def test_requirement_hints_are_the_same_without_the_string_gate(text):
    gated = RequirementHints(text, get_pipeline().taxonomy.cues)
    reference = _EverySpanSearched(text, get_pipeline().taxonomy.cues)
    for start in range(0, len(text), 3):
        end = min(len(text), start + 6)
        assert gated(start, end) == reference(start, end)


class _EveryHeadingWalked(RequirementHints):
    """The hints walking up to the heading afresh for every line (no distances remembered)."""

    def _heading(self, cursor):
        from service.extract.context.lines import HEADING_LOOKBACK

        for _ in range(HEADING_LOOKBACK):
            if cursor <= 0:
                return None
            previous = self.text.rfind("\n", 0, cursor) + 1
            is_heading, hint = self._heading_verdict(previous, cursor)
            if is_heading:
                return hint
            cursor = previous - 1
        return None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "Requirements:", "Nice to have:", "ABOUT US", "- Python and SQL", "Built a long pipeline here.",
    "\n", "\n", "\n", "\n\n", "Bonus", "x",
]), max_size=60).map("".join), st.randoms(use_true_random=False))
def test_requirement_headings_are_the_same_without_remembered_distances(text, random):
    remembered = RequirementHints(text, get_pipeline().taxonomy.cues)
    reference = _EveryHeadingWalked(text, get_pipeline().taxonomy.cues)
    starts = list(range(len(text)))
    random.shuffle(starts)
    for start in starts[:80]:
        assert remembered(start, start) == reference(start, start)


def test_a_heading_reaches_only_its_lookback_also_when_remembered():
    text = "Requirements:\n" + "- Python and SQL\n" * 20
    reference = _EveryHeadingWalked(text, get_pipeline().taxonomy.cues)
    for order in (range(len(text)), range(len(text) - 1, -1, -1)):
        remembered = RequirementHints(text, get_pipeline().taxonomy.cues)
        answers = [remembered(start, start) for start in order]
        assert answers == [reference(start, start) for start in order]
        assert None in answers and "required" in answers


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "Scientists", "users", "xusers", "STAKEHOLDERS", "ſcientists", "people", " ", "\n", "\t",
    "who", "WHO", "that", "thatch", "whoever", "_", "-", ".", "a",
]), max_size=20).map("".join))
def test_others_clauses_are_where_the_whole_pattern_matches(text):
    assert others.others_clauses(text) == [m.end() for m in others._PEOPLE_WHO.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=20).map("".join))
def test_folded_patterns_match_as_the_case_insensitive_originals(text):
    for folded in FOLDED:
        assert [m.span() for m in folded.finditer(text)] == [
            m.span() for m in folded.pattern.finditer(text)
        ]
        assert bool(folded.search(text)) == bool(folded.pattern.search(text))
        assert bool(folded.match(text)) == bool(folded.pattern.match(text))


def test_folding_refuses_patterns_with_upper_case_letters():
    with pytest.raises(ValueError):
        Folded(re.compile(r"[A-Z]+ skills", re.IGNORECASE))
    with pytest.raises(ValueError):
        Folded(re.compile(r"skills"))


SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=8)


@settings(max_examples=300, deadline=None)
@given(SPANS, st.booleans())
def test_locator_finds_what_the_document_scan_finds(raw, ordered):
    spans = sorted(raw) if ordered else raw
    sections = [Section(name="skills", heading="Skills", start=s, end=s + n) for s, n in spans]
    blocks = [Block(start=s, end=s + n, page=i + 1) for i, (s, n) in enumerate(spans)]
    doc = Document(text="x" * 100, sections=sections, blocks=blocks)
    section_at = _locator(doc.sections, doc.section_at)
    page_at = _locator(doc.blocks, doc.page_at, lambda block: block.page)
    for offset in range(100):
        assert section_at(offset) is doc.section_at(offset)
        assert page_at(offset) == doc.page_at(offset)


def test_fuzzy_verdicts_are_the_same_cold_and_warm():
    pipeline = get_pipeline()
    text = "Skills: Pytroch, Kubernates, Pyhton, scikit lern and Tensor flow; docket, status"
    cold = FuzzyIndex(pipeline.taxonomy, pipeline.table)
    found = [(m.start, m.end, m.form.text) for m in pipeline.mentions(text) if m.method == "fuzzy"]
    assert {text[s:e] for s, e, _ in found} >= {"Pytroch", "Kubernates", "Pyhton"}
    doc = pipeline.tokenize(text)
    starts, ends = [t.idx for t in doc], [t.idx + len(t) for t in doc]
    words = [t.is_alpha and t.is_ascii and not t.is_stop for t in doc]
    first = [(m.start, m.end, m.form.text) for m in cold.find(text, starts, ends, words, [])]
    again = [(m.start, m.end, m.form.text) for m in cold.find(text, starts, ends, words, [])]
    assert first == again
    assert cold._verdicts


def _every_candidate(index, text, starts, ends, words, covered):
    """Every token n-gram that fits a bucket of ``index`` and no exact match covers, folded, as
    ``FuzzyIndex._candidates`` found them before it remembered raw n-grams."""
    out = []
    for i in range(len(starts)):
        if not words[i] or covered[starts[i]]:
            continue
        bucket = index._by_prefix.get(text[starts[i]:starts[i] + 2].lower())
        if bucket is None:
            continue
        sizes, longest, reach = bucket
        length = taken = 0
        for end in range(i, len(starts)):
            if not words[end]:
                if text[starts[end]:ends[end]] != "-":
                    break
                continue
            length += ends[end] - starts[end]
            if length > longest:
                break
            taken += 1
            if length in sizes:
                if covered.find(1, starts[i], ends[end]) >= 0:
                    break
                raw = text[starts[i]:ends[end]]
                candidate = " ".join(fold(raw).split())
                if len(candidate) >= MIN_FORM_CHARS and "\n" not in raw:
                    out.append((starts[i], ends[end], candidate))
            if taken == reach:
                break
    return out


class _EveryNgramJudged(FuzzyIndex):
    """The fuzzy index without its memory: every n-gram that fits a bucket judged afresh."""

    def _candidates(self, text, starts, ends, words, covered):
        self.forget()
        return _every_candidate(self, text, starts, ends, words, covered)


_PIPELINE = get_pipeline()
_REMEMBERING = FuzzyIndex(_PIPELINE.taxonomy, _PIPELINE.table)  # (shared: warm across examples)
_FORGETFUL = _EveryNgramJudged(_PIPELINE.taxonomy, _PIPELINE.table)
_TYPO_WORDS = st.sampled_from([
    "Pytroch", "pytorch", "Kubernates", "Kubernetes", "Pyhton", "scikit", "lern", "learn",
    "Tensor", "flow", "docket", "status", "Docker", "machine", "lerning", "data", "scinece",
    "and", "the", "K", "C", "x", "meens", "clustring", "shrap", "ſ", "é", "-", " - ", " ", "  ",
    "\n", ", ", "/", "(",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_TYPO_WORDS, max_size=16), st.lists(st.tuples(st.integers(0, 80),
                                                             st.integers(1, 12)), max_size=3))
@example(["Tensor", " ", "flow", " ", "Pytroch"], [(7, 4)])
@example(["scikit", "-", "lern", "\n", "Kubernates", " ", "Kubernates"], [])
@example(["K", ", ", "K", " ", "meens", ", ", "K", "-", "meens", ", ", "C", " ", "shrap"], [])
def test_fuzzy_mentions_equal_every_ngram_judged_afresh(words, spans):
    text = "".join(words)
    _, starts, ends, plain = _PIPELINE.tokenizer.split(text)
    covered = [(s, min(s + n, len(text))) for s, n in spans if s < len(text)]
    expected = [(m.start, m.end, m.form.text)
                for m in _FORGETFUL.find(text, starts, ends, plain, covered)]
    for _ in range(2):  # (cold for this text, then warm)
        found = _REMEMBERING.find(text, starts, ends, plain, covered)
        assert [(m.start, m.end, m.form.text) for m in found] == expected


def _unwrapped(text: str) -> str:
    """``soft_unwrap``'s rule, newline by newline: a line running on in lower case, or after a
    word no sentence ends with ("models in" / "Docker")."""
    out = list(text)
    for index, char in enumerate(text):
        if char != "\n":
            continue
        before, after = text[:index], text[index + 1:index + 2]
        lower = re.fullmatch(r"[a-z]", after) and re.search(r"[^\s.;:!?]\Z", before)
        runs_on = re.fullmatch(r"[A-Z0-9]", after) and re.search(
            r"[ \t](?:a|an|the|and|or|of|in|into|to|with|for|on|by|from|as|at|using|via)\Z", before)
        if lower or runs_on:
            out[index] = " "
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abinoA0.;:!?\n\t -", max_size=40))
@example("packaged the models in\nDocker")
@example("Skills\nPython in\n2019 and\n- Go")
def test_soft_unwrap_joins_the_same_line_breaks(text):
    from service.extract.pipeline import soft_unwrap

    assert soft_unwrap(text) == _unwrapped(text)


def test_token_spans_and_plain_words_follow_the_tokens():
    pipeline = get_pipeline()
    for text in ["Built C++ and Python tools, the pipelines (2019) in naïve ways\n", "", "  x  \n\ny "]:
        doc, starts, ends, plain = pipeline.tokenizer.split(text)
        assert list(zip(starts, ends)) == [(t.idx, t.idx + len(t)) for t in doc]
        assert plain == [t.is_alpha and t.is_ascii and not t.is_stop for t in doc]


LEAD_PIECES = st.sampled_from([
    "worked at", "Worked AT", "employed by", "Engineer at", "years for", "intern at", "at", "for",
    "by", "bat", "format", " ", "  ", "\n", "\t", "\u00a0", "Python", "x", "é", "İ", ",",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(LEAD_PIECES, max_size=12).map("".join), st.sampled_from(["Acme", "acme", "ACME"]))
def test_employer_lead_pre_check_changes_no_answer(before, name):
    text = before + name
    mention = Mention(len(before), len(text), None, "exact")  # type: ignore[arg-type]
    led = names.EmployerHeaders(text, Document(text=text))._led(mention)
    assert led == (name[:1].isupper() and bool(
        names._EMPLOYER_LEAD.search(text, max(0, len(before) - 40), len(before))))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["pre", "req", "-", "PRE", "Req", "prereq", "x", " ", "ſ", "é"]),
                max_size=10).map("".join))
@example("Pre-reqs: calculus")
def test_prerequisite_pre_check_changes_no_answer(text):
    assert negation.mentions_prerequisites(text) == bool(negation._PREREQ_WORD.search(text))


def _in_degree_phrase_reference(text, mention, levels):
    """``names.in_degree_phrase`` searching every pattern in the whole reach."""
    before = text[max(0, mention.start - 120):mention.start]
    ends = [m.end() for pattern in (names._DEGREE_WORDS, *(p for lv, p in levels if lv != "other"))
            for m in pattern.finditer(before)]
    if ends and names._DEGREE_GAP.fullmatch(before[max(ends):].removeprefix(".")):
        return True
    return bool(re.match(r"\s+(?:degree|major|diploma)\b", text[mention.end:mention.end + 12],
                         re.IGNORECASE))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([
    "MSc", "M.Sc.", "Bachelor of Science", "BS", "degree", "majored", "in", " ", "\n", ".", ";",
    "Statistics", "x", "Master's", "PhD", ", ", "é",
]), max_size=14).map("".join))
def test_degree_phrase_search_from_the_last_line_break_changes_no_answer(before):
    levels = get_pipeline().vocabulary.levels
    text = before + "Statistics degree"
    end = len(before) + len("Statistics")
    mention = Mention(len(before), end, None, "exact")  # type: ignore[arg-type]
    assert names.in_degree_phrase(text, mention, levels) == _in_degree_phrase_reference(
        text, mention, levels)
    text = before + "Statistics"
    assert names.in_degree_phrase(text, mention, levels) == _in_degree_phrase_reference(
        text, mention, levels)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([".", " ", ";", "!", "?", "\n", "\t", "a", "b", "\u2028", "é",
                                  "x" * 140, ". \n", ".\n"]), max_size=30).map("".join))
@example("a.b")
@example("a.\nb")
def test_sentence_starts_are_where_the_windowed_scan_puts_them(text):
    starts = names.SentenceStarts(text)
    for start in range(len(text) + 1):
        mention = Mention(start, start, None, "exact")  # type: ignore[arg-type]
        assert starts(start) == names._sentence_start(text, mention), start


def test_sentence_starts_reach_back_at_most_the_window():
    text = "x" * 400 + ". " + "y" * 320 + "\n" + "z" * 10
    starts = names.SentenceStarts(text)
    for start in (0, 350, 402, 700, 725, len(text)):
        mention = Mention(start, start, None, "exact")  # type: ignore[arg-type]
        assert starts(start) == names._sentence_start(text, mention)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "é", "•", "\ud800", "\udfff", "\ud83d", "x", " "]),
               max_size=12))
def test_a_text_encodes_unless_it_holds_a_lone_surrogate(text):
    from service.extract.pipeline import _SURROGATE, _encodes

    assert _encodes(text) == (_SURROGATE.search(text) is None)


def _non_overlapping_searching_every_blocked_span(mentions, blocked):
    """``pipeline._non_overlapping`` without its blocked-characters pre-test."""
    from service.extract.pipeline import _shares_an_edge_word

    if not mentions:
        return []
    taken = bytearray(max(m.end for m in mentions) + 1)
    chosen = []
    for mention in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        if 1 in taken[mention.start:mention.end] and not _shares_an_edge_word(mention, chosen):
            continue
        if any(mention.start < end and start < mention.end
               and (start, end) != (mention.start, mention.end) for start, end in blocked):
            continue
        taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
        chosen.append(mention)
    return chosen


_SPAN = st.tuples(st.integers(0, 30), st.integers(0, 6)).map(lambda s: (s[0], s[0] + s[1]))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_SPAN, st.sampled_from(["Python", "image classification",
                                                   "classification models", "Salesforce.com"])),
                max_size=8),
       st.lists(_SPAN, max_size=4))
def test_mentions_overlapping_no_blocked_character_are_kept_as_before(spans, blocked):
    from service.extract.forms import Form
    from service.extract.pipeline import _non_overlapping

    mentions = [Mention(start, end, Form(text, (text,))) for (start, end), text in spans]
    assert _non_overlapping(mentions, blocked) == _non_overlapping_searching_every_blocked_span(
        mentions, blocked)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "Google", "Cloud", "Platform", "Amazon", "Web", "Services", "machine", "learning", "Spark",
    "SQL", " ", "\n", "\n  ", ", ", "(", ")", "in", "Apache", "Deep", "Learning", "-"]),
    max_size=16).map("".join))
@example("Built on Google\nCloud Platform")
@example("Amazon\nWeb Services")
def test_wrapped_forms_skip_only_lines_opening_with_no_second_word(text):
    """The lines whose first word is no second word of a form are passed before the word
    before the break is read; the forms found are those found reading every break."""
    from service.extract.wrapped import (
        _CLOSERS,
        _FIRST_CHUNK,
        _LINE_BREAK,
        _OPENERS,
        _WORD_END,
        _takes_one_side,
        _words_ahead,
        _words_back,
    )

    pipeline = get_pipeline()
    wrapped = pipeline.wrapped
    found = {(m.start, m.end): m for m in pipeline.mentions(text) if m.method == "exact"}
    every = {}
    spans = sorted(found)
    for brk in _LINE_BREAK.finditer(text):
        cut, resume = brk.start(), brk.end()
        while cut > 0 and text[cut - 1] in " \t":
            cut -= 1
        if not cut or not _WORD_END.match(text, cut - 1):
            continue
        before = text[text.rfind(" ", 0, cut) + 1:cut]
        after = _FIRST_CHUNK.match(text, resume).group()
        pair = (before[before.rfind("\n") + 1:].lstrip(_OPENERS).casefold(),
                after.rstrip(_CLOSERS).casefold())
        if pair not in wrapped.word_pairs:
            continue
        lo, hi = _words_back(text, cut), _words_ahead(text, resume)
        flat = text[lo:cut] + " " * (resume - cut) + text[resume:hi]
        doc, starts, ends, _ = wrapped.tokenizer.split(flat)
        for match_id, start, end in wrapped.matcher(doc):
            span = (lo + starts[start], lo + ends[end - 1])
            if span[0] < cut and resume <= span[1] and _takes_one_side(spans, span, cut):
                every[span] = Mention(*span, wrapped.keys[match_id])
    assert wrapped.find(text, found) == every


def _chunks_of_one_regex(text, hint):
    """``pipeline._chunks`` as it was: the matches of one regex joining every hint."""
    chunks = []
    for match in hint.finditer(text):
        if chunks and match.start() < chunks[-1][1]:
            continue
        start = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        ends = [i for i in (text.find(" ", match.end()), text.find("\n", match.end())) if i >= 0]
        chunks.append((start, min(ends, default=len(text))))
    return chunks


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([
    "C++", "C#", "+", "#", ".NET", ".net", "a.b", "x", ".", "www.", "wwww.x", "@", "jo@acme.io",
    "://", "acme.com", ".com", ".co", ".comx", "/", "a/b", " ", "\n", "\t", "1", "(", "é"]),
    max_size=14).map("".join))
@example("www.com")
@example("C++.Net")
def test_chunks_of_several_hints_are_the_chunks_of_their_union(text):
    import re

    from service.extract.pipeline import _GLUE_HINTS, _PATH_HINTS, _URL_HINT, _URL_HINTS, _chunks

    glue = re.compile(r"(?=[+#.])(?:[+#]|(?<![A-Za-z0-9])\.[A-Za-z])")
    assert _chunks(text, _GLUE_HINTS) == _chunks_of_one_regex(text, glue)
    assert _chunks(text, _URL_HINTS) == _chunks_of_one_regex(text, _URL_HINT)
    assert _chunks(text, _PATH_HINTS) == _chunks_of_one_regex(text, re.compile("/"))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([
    " ", "\t", "  ", "and", "or", "&", "brand", "for", "x", "Data", "ML", ",", "\n", "-", "é",
    "andor", "or&", "1"]), max_size=14).map("".join))
@example("x and or y")
@example("data\t&\tML")
@example("a and\tand b")
def test_conjunctions_are_the_matches_of_their_one_regex(text):
    import re

    from service.extract.coordination import _conjunctions

    one = re.compile(r"[ \t]+(?:(?:and|or)\b|&)[ \t]*(?=[A-Za-z])")
    assert _conjunctions(text) == [m.span() for m in one.finditer(text)]
