"""How a mention is written: an acronym in lower case ("etl") is often an ordinary
abbreviation, unless the whole text is written in lower case."""

from __future__ import annotations

import re

from .mention import Mention


def lowercase_acronym(text: str, mention: Mention) -> bool:
    """An acronym form ("SVC", "ETL") written in lower case ("svc", "etl"): often an ordinary
    abbreviation ("service"), so it needs the same technical context as an ambiguous form."""
    form = mention.form.text
    return (
        2 <= len(form) <= 5 and form.isalpha() and form.isupper()
        and text[mention.start:mention.end].islower()
    )


# the first letter of a sentence (after ". ", "! ", "? "): wrapped lines may open in lower
# case in any text, sentences do only where the writer writes that way
_SENTENCE_HEAD = re.compile(
    r"[.!?](?:[ \t]+|[ \t]*\n)[ \t\-*•·–]*([A-Za-z])|\n[ \t]*\n[ \t\-*•·–]*([A-Za-z])"
)


def written_in_lower_case(text: str) -> bool:
    """Most sentences open in lower case ("i mostly write sql. built etl jobs on aws."): the
    writer's style, so an acronym in lower case is no sign of an ordinary word."""
    heads = [m.group(1) or m.group(2) for m in _SENTENCE_HEAD.finditer(text)]
    return len(heads) >= 3 and sum(h.islower() for h in heads) >= 0.6 * len(heads)
