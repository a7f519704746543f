"""Text copied out of a JSON file with its string escapes still in it.

A description copied from a job board's API response or a scraped dataset keeps the escapes of
its JSON string: the whole posting is one line, its line breaks are the two characters "\\n",
its quotes "\\"", its other characters "\\u00a0" or "\\u2014". Read as it is, "\\nPython" is one
word and no line is a heading or a list item. ``unescape_json_text`` gives such text back its
characters.
"""

from __future__ import annotations

import json
import re

# the shape: a long text of (almost) one line whose line breaks are written "\n"
_MIN_ESCAPED_BREAKS = 5
_MAX_REAL_BREAKS = 2
_ESCAPED_BREAK = re.compile(r"\\n")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|([\"\\/bfnrt]))")
_SIMPLE = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\", "/": "/"}


def is_json_escaped(text: str) -> bool:
    """Whether ``text`` is a JSON string's content: at most two real line breaks and at least
    five written ones (LaTeX's "\\newline" comes with real line breaks)."""
    return (text.count("\n") <= _MAX_REAL_BREAKS and "\\" in text
            and len(_ESCAPED_BREAK.findall(text)) >= _MIN_ESCAPED_BREAKS)


def unescape_json_text(text: str) -> str:
    """``text`` with its JSON string escapes decoded, when it has the shape of one (see the
    module's docstring); other text is returned as it is."""
    if not is_json_escaped(text):
        return text
    try:
        decoded = json.loads(f'"{text.strip()}"', strict=False)
    except ValueError:  # a stray backslash or quote: decode the escapes one by one
        return _ESCAPE.sub(_decoded, text)
    # (a lone half of a surrogate pair cannot be encoded later: a replacement character)
    return _LONE_SURROGATE.sub("\ufffd", decoded)


def _decoded(match: re.Match[str]) -> str:
    code, simple = match.groups()
    if simple is not None:
        return _SIMPLE[simple]
    char = chr(int(code, 16))
    return "\ufffd" if _LONE_SURROGATE.match(char) else char
