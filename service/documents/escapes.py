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
# a written line break: before a capital, a digit, a mark, a space or another escape ("\nSkills",
# "\n- Python", "\n\n"), not inside a word or a path ("C:\nightly", LaTeX's "\newline")
_ESCAPED_BREAK = re.compile(r"\\n(?![a-z])")
_VALID_ESCAPE = re.compile(r'\\["\\/bfnrtu]')
# an escape JSON does not have: a path ("C:\Users"), a regex ("\d+"), LaTeX ("\section")
_INVALID_ESCAPE = re.compile(r'\\[^"\\/bfnrtu]')
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|([\"\\/bfnrt]))")
_SIMPLE = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\", "/": "/"}
# what a copy of a JSON value may bring along: its key, its quotes, the comma after it
_KEY = re.compile(r'^"[^"\\\n]{1,60}"\s*:\s*(?=")')


def is_json_escaped(text: str) -> bool:
    """Whether ``text`` is a JSON string's content: at most two real line breaks, at least five
    written ones, and at most two escapes JSON does not have (a path's "C:\\Users", a regex's
    "\\d"), or one in ten of its own."""
    if text.count("\n") > _MAX_REAL_BREAKS or "\\" not in text:
        return False
    if len(_ESCAPED_BREAK.findall(text)) < _MIN_ESCAPED_BREAKS:
        return False
    invalid = len(_INVALID_ESCAPE.findall(text))
    return invalid <= 2 or invalid * 10 <= len(_VALID_ESCAPE.findall(text))


def unescape_json_text(text: str) -> str:
    """``text`` with its JSON string escapes decoded, when it has the shape of one (see the
    module's docstring); other text is returned as it is."""
    if not is_json_escaped(text):
        return text
    value = _KEY.sub("", text.strip())
    if value.endswith(","):
        value = value[:-1].rstrip()
    if len(value) > 1 and value[0] == value[-1] == '"':
        value = value[1:-1]
    try:
        decoded = json.loads(f'"{value}"', strict=False)
    except ValueError:  # a stray backslash or quote: decode the escapes one by one
        decoded = _ESCAPE.sub(_decoded, value)
    # surrogate pairs written as two escapes become one character, a lone half U+FFFD
    return decoded.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _decoded(match: re.Match[str]) -> str:
    code, simple = match.groups()
    return _SIMPLE[simple] if simple is not None else chr(int(code, 16))
