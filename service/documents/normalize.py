"""Text normalisation shared by every document format and the extractor.

Offsets of evidence index the normalised text, so this runs once, before anything else.
"""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "st", "\ufb06": "st"}
_BULLETS = "•●○◦▪▫■□►▸‣⁃∙·➢➤✓✔❖◆◇§"
_TRANSLATE = str.maketrans({
    **_LIGATURES,
    "\u00ad": "",  # soft hyphen
    "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "", "\u2060": "",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u3000": " ",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u2026": "...",
    "\t": " ", "\r": "\n", "\x0c": "\n", "\x0b": "\n", "\u2028": "\n", "\u2029": "\n",
    **{b: "-" for b in _BULLETS},
})
_CID_BULLET = re.compile(r"\(cid:\d+\)")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_HYPHENATED = re.compile(r"(?<=[a-z])-\n(?=[a-z])")
_SPACES = re.compile(r"[ ]{2,}")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize(text: str) -> str:
    """NFKC, ligatures, soft hyphens, line-break hyphenation, bullets, quotes and spaces.

    Idempotent: ``normalize(normalize(t)) == normalize(t)``.
    """
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n"))
    text = unicodedata.normalize("NFKC", text.translate(_TRANSLATE)).translate(_TRANSLATE)
    text = _CID_BULLET.sub("-", text)
    text = _HYPHENATED.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
