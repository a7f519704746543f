"""Text normalisation shared by every document format and the extractor.

Offsets of evidence index the normalised text, so this runs once, before anything else.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate
from typing import Literal

_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "st", "\ufb06": "st"}
_BULLETS = "•●○◦▪▫■□►▸‣⁃∙·➢➤✓✔❖◆◇§▶▷➔➜➝➞➙⮚⇨"
# Symbol/Wingdings bullets that Word leaves in the private-use area; every other private-use
# character is an icon-font glyph (phone, mail, LinkedIn) and is dropped.
_PRIVATE_BULLETS = "\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf0e8"
_TRANSLATE = str.maketrans({
    **_LIGATURES,
    "\u00ad": "",  # soft hyphen
    "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "", "\u2060": "",
    "\u2122": "", "\u00ae": "", "\u2120": "",  # trademarks: "Spark™" (NFKC gives "SparkTM")
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u3000": " ",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u2026": "...",
    # CJK text's list comma, full stop and full-width marks, which no space follows
    # ("Java、C++、Python。", "熟悉Python，SQL"): a run of text is a chunk only up to them
    "\u3001": ", ", "\u3002": ". ", "\uff0c": ", ", "\uff1b": "; ", "\uff1a": ": ",
    "\uff01": "! ", "\uff1f": "? ",
    "\t": " ", "\r": "\n", "\x0c": "\n", "\x0b": "\n", "\u2028": "\n", "\u2029": "\n",
    **{b: "- " for b in _BULLETS + _PRIVATE_BULLETS},
})
_TRANSLATE_CHARS = {chr(code): value for code, value in _TRANSLATE.items()}
_TRANSLATABLE = re.compile("[" + "".join(re.escape(c) for c in _TRANSLATE_CHARS) + "]")
_CID_BULLET = re.compile(r"\(cid:\d+\)")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
                      r"\ue000-\uf8ff\U000f0000-\U0010ffff]")
# (the ones an ASCII text may hold, as bytes)
_ASCII_CONTROLS = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])
# (each written to open with literal characters, which the engine skips ahead to: a look-behind
# or a repeat first makes it try every position)
_HYPHENATED = re.compile(r"-\n(?<=[a-z]-\n)(?=[a-z])")
_SPACES = re.compile(r"  +")
_BLANK_LINES = re.compile(r"\n\n\n+")
# UTF-8 read as Latin-1/cp1252 ("NaÃ¯ve", "â€¢"): a lead byte then continuation bytes.
_CP1252_CONTINUATION = "".join(
    ch for ch in bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore") if ord(ch) > 0xFF
)
_CONT = f"[\x80-\xbf{_CP1252_CONTINUATION}]"
_MOJIBAKE = re.compile(f"[\xc2-\xdf]{_CONT}|[\xe0-\xef]{_CONT}{{2}}|[\xf0-\xf4]{_CONT}{{3}}")


def _may_hold_mojibake(text: str) -> bool:
    """Whether ``_MOJIBAKE`` may match ``text`` (False: it cannot). A match opens with a
    character of U+00C2..U+00F4, whose UTF-8 form opens with the byte C3, as those of
    U+00C0..U+00FF do and no other character's (C3 leads only them; a continuation byte is
    80..BF): encoding the text is a copy, several times faster than the regex's try at every
    position of a text that is not ASCII."""
    return b"\xc3" in text.encode("utf-8", "surrogatepass")


# a LaTeX source's accent commands ("optimizaci\\'on", "{\\'e}", "\\'{\\i}", "M\\"uller",
# "Fran\\c{c}ois"): the accented letter, on the letters each accent takes in Western European
# languages (so "It\\'s" in a script's string is left alone; only in a LaTeX source anyway)
_ACCENT_MARKS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
                 "c": "\u0327"}
# (a brace group of its own, "{\\'e}", not a command's argument, "\\textbf{\\'E}cole"; a tilde
# not in an address, ".../\\~alice")
_LATEX_ACCENT = re.compile(
    r"(?<![A-Za-z])\{\\(?:([`'^\"])[ \t]*\{?([aeiouyAEIOUY]|\\i)\}?|(~)[ \t]*\{?([anoANO])\}?|"
    r"(c)[ \t]*\{?([cC])\}?)\}"
    r"|\\(?:([`'^\"])[ \t]*(?:\{([aeiouyAEIOUY]|\\i)\}|([aeiouyAEIOUY]|\\i(?![A-Za-z])))|"
    r"(?<!/\\)(~)[ \t]*(?:\{([anoANO])\}|([anoANO]))|(c)(?:\{([cC])\}|[ \t]+([cC])))"
)


# a LaTeX source's macro without arguments ("\\newcommand{\\ML}{\\textsc{Matlab}}",
# "\\def\\py{Python}"): read where it is used, not where it is defined (a preamble lists no skills)
_LATEX_MACRO = re.compile(
    r"\\(?:(?:re|provide)?newcommand\*?[ \t]*\{?\\([A-Za-z]+)\}?|def[ \t]*\\([A-Za-z]+))[ \t]*"
    r"\{((?:[^{}\n]|\{[^{}\n]{0,200}\}){0,200})\}")
_MACROS_AT_MOST = 200  # definitions; a source with more is left as it is
_MACRO_BODY_AT_MOST = 200  # characters
_MACRO_GROWTH_AT_MOST = 20_000  # characters the expansions may add to a document


# commands that only place or size what a macro body prints: "C\\nolinebreak\\hspace{-.05em}
# \\raisebox{.4ex}{\\tiny\\bf +}…" prints "C++", as the common \\CC macro does
_TYPOGRAPHY = re.compile(
    r"\\(?:nolinebreak(?:\[\d\])?|raisebox\{[^{}]*\}|tiny|scriptsize|footnotesize|small|"
    r"normalsize|bfseries|bf|itshape|it|scshape|sc|rmfamily|rm|ttfamily|tt|relax)(?![A-Za-z])"
    r"[ \t]*")
# a space put between characters: a word space, unless it pulls them together ("-.05em")
_SPACING = re.compile(r"\\(?:hspace\*?\{[ \t]*(-?)[^{}]*\}|kern[ \t]*(-?)[\d.]+[a-z]{2})[ \t]*")


def _typeset(body: str) -> str:
    """A macro body as it prints when it is only characters placed and sized ("C++" for the
    common \\CC macro); any other body as written."""
    plain = _SPACING.sub(lambda m: "" if (m.group(1) or m.group(2)) else " ",
                         _TYPOGRAPHY.sub("", body))
    if plain == body or "\\" in plain:
        return body
    return plain.replace("{", "").replace("}", "").strip()


def _expand_latex_macros(text: str) -> str:
    """``text`` without its argument-less macro definitions (not those commented out with
    ``%``), each use replaced by the macro's last body (once: a body's own macros are left as
    written; short bodies only, and at most ``_MACRO_GROWTH_AT_MOST`` characters added)."""
    bodies: dict[str, str] = {}
    found = []
    for match in _LATEX_MACRO.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if re.search(r"(?<!\\)%", text[line_start:match.start()]):
            continue  # (commented out)
        found.append(match)
        body = match.group(3)
        if len(body) <= _MACRO_BODY_AT_MOST and "newcommand" not in body and "\\def" not in body:
            bodies[match.group(1) or match.group(2)] = _typeset(body)
    if not bodies or len(found) > _MACROS_AT_MOST:
        return text
    pieces, cursor = [], 0
    for match in found:
        if (match.group(1) or match.group(2)) in bodies:
            pieces.append(text[cursor:match.start()])
            cursor = match.end()
    pieces.append(text[cursor:])
    text = "".join(pieces)
    uses = re.compile(r"\\(" + "|".join(sorted(map(re.escape, bodies), key=len, reverse=True))
                      + r")(?![A-Za-z])")
    budget = [_MACRO_GROWTH_AT_MOST]

    def expand(match: re.Match[str]) -> str:
        body = bodies[match.group(1)]
        budget[0] -= max(0, len(body) - len(match.group()))
        return body if budget[0] >= 0 else match.group()

    return uses.sub(expand, text)


def _latex_accent(match: re.Match[str]) -> str:
    groups = [group for group in match.groups() if group is not None]
    mark, letter = groups[0], groups[-1]
    letter = "i" if letter == "\\i" else letter
    accented = unicodedata.normalize("NFC", letter + _ACCENT_MARKS[mark])
    return accented if len(accented) == 1 else match.group()


def strip_accents(text: str) -> str:
    """``text`` decomposed (NFKD) without its combining marks: "forêt" → "foret"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _unmojibake(match: re.Match[str]) -> str:
    run = match.group()
    try:
        data = b"".join(bytes([ord(c)]) if ord(c) < 256 else c.encode("cp1252") for c in run)
        return data.decode("utf-8")
    except UnicodeError:
        return run


def normalize(text: str) -> str:
    """Mojibake repair, NFKC, ligatures, soft hyphens, line-break hyphenation, bullets (arrow
    markers too), quotes and spaces; icon-font glyphs (private-use characters) dropped.

    Idempotent: ``normalize(normalize(t)) == normalize(t)`` (repeated to a fixed point).
    """
    result = _normalize_once(text)
    for _ in range(4):
        if _settled(result):
            break
        again = _normalize_once(result)
        if again == result:
            break
        result = again
    return result


def _settled(text: str) -> bool:
    """Whether ``_normalize_once(text) == text`` for an output of ``_normalize_once``, told
    cheaply: only a "(cid:N)" or a line-break hyphen that the last pass joined up (by removing
    the spaces or line around it) can still change, and on other than ASCII text what the
    character steps would still find (mojibake, characters to translate or drop, a form other
    than NFKC); the space and line steps left nothing to do."""
    if _CID_BULLET.search(text) or _HYPHENATED.search(text):
        return False
    return text.isascii() or not (
        (_may_hold_mojibake(text) and _MOJIBAKE.search(text)) or _TRANSLATABLE.search(text)
        or _CONTROL.search(text) or not unicodedata.is_normalized("NFKC", text)
    )


def _may_hold_controls(text: str) -> bool:
    """Whether ``_CONTROL`` may match ``text`` (False: it cannot): on ASCII text, whether
    dropping the control bytes from its bytes shortens them (``bytes.translate``, many times
    faster than the regex's scan)."""
    if not text.isascii():
        return True
    data = text.encode("ascii")
    return len(data.translate(None, _ASCII_CONTROLS)) != len(data)


def _translate(text: str) -> str:
    """``text.translate(_TRANSLATE)``, touching only the characters it maps (str.translate
    looks every character up in the table, which is slow on non-ASCII text)."""
    return _TRANSLATABLE.sub(lambda match: _TRANSLATE_CHARS[match.group()], text)


def _normalize_once(text: str) -> str:
    if not text.isascii() and _may_hold_mojibake(text):  # (mojibake lead bytes are not ASCII)
        text = _MOJIBAKE.sub(_unmojibake, text)
    text = _translate(text.replace("\r\n", "\n"))
    if _may_hold_controls(text):
        text = _CONTROL.sub(" ", text)
    # NFKC leaves ASCII alone; no character _TRANSLATE maps to is mapped again, so translating
    # twice is translating once
    if not unicodedata.is_normalized("NFKC", text):
        text = _translate(unicodedata.normalize("NFKC", text))
    text = _CID_BULLET.sub("-", text)
    text = _HYPHENATED.sub("", text)
    if "\\" in text and _LATEX_SOURCE.search(text):  # (a LaTeX source, as ``unmark`` tells)
        if "newcommand" in text or "\\def" in text:
            text = _expand_latex_macros(text)
        text = _LATEX_ACCENT.sub(_latex_accent, text)
    # _SPACES never spans a line break, so one pass over the text equals one per line
    lines = [line.strip() for line in _SPACES.sub(" ", text).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


# --- markup, blanked for matching (same length, same offsets) ------------------------------------

# what any markup ``unmark`` blanks holds: one of these strings, an entity or a tag (each string
# a ``str`` search: one scan of the text each, much faster than a regex's test of every character)
_MARKUP_STRINGS = ("\\", "*", "_", "`", "](", "[[", "#+", ":PROPERTIES:")
_ENTITY_HINT = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_TAG_HINT = re.compile(r"<[!/A-Za-z]")
# a YAML source (a site's CV data: "- name: Statistics", "  company: Acme"), and its commented-out
# entries and list items, which a reader never sees ("# - name: Statistics" left from the theme's
# example, "# - Launched a Hadoop cluster")
_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n.*?\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_YAML_KEY_LINE = re.compile(r"(?m)^[ \t]*(?:-[ \t]+)?[a-z_][\w-]*:(?:[ \t]|$)")
_YAML_COMMENTED = re.compile(
    r"(?m)^[ \t]*#[ \t]*(?:(?:-[ \t]+)?[a-z_][\w-]*:(?:[ \t][^\n]*)?|-[ \t]+[^\n]*)$")
# comments a reader never sees: HTML's, and in a LaTeX source an unescaped "%" to the line end
# (an unclosed one hides only the rest of its line)
# an HTML comment, to its "-->", or to its line's end when none follows (``_blocks``)
_HTML_COMMENT = re.compile(r"<!--")
_HTML_COMMENT_END = re.compile(r"-->")
# an HTML tag inside a Markdown or text document ('<td align="left">Matlab, SQL</td>'): a known
# element, its attributes shaped name="value" (not "<a second … RabbitMQ -> Kafka")
_HTML_TAG = re.compile(
    r"</?(?i:a|abbr|b|big|blockquote|br|center|code|dd|details|div|dl|dt|em|font|h[1-6]|hr|i|img|"
    r"li|ol|p|pre|section|small|span|strong|sub|summary|sup|table|tbody|td|tfoot|th|thead|tr|tt|u|"
    r"ul)(?:[ \t\n]+[A-Za-z_:][\w:-]*[ \t]*=[ \t]*(?:\"[^\"<>\n]{0,300}\"|'[^'<>\n]{0,300}'|"
    r"[^\s\"'<>]{1,100}))"
    r"{0,12}[ \t\n]*/?>")
# an XML source (a CV kept as "<job><task>Built Spark ETL jobs</task>"): every element's tag,
# and its declaration or processing instructions, whatever the element's name; a title-like
# attribute's value stays visible ('<section title="Skills">' reads "Skills")
_XML_SOURCE = re.compile(r"\A\ufeff?\s*<\?xml\b")
_XML_TAG = re.compile(
    r"<\?[^<>]{0,2000}\?>|<!DOCTYPE[^<>]{0,2000}>|<!\[CDATA\[|\]\]>"
    r"|</?[A-Za-z_][\w:.-]*(?:[ \t\n]+[A-Za-z_:][\w:.-]*[ \t]*=[ \t]*"
    r"(?:\"[^\"<>]{0,300}\"|'[^'<>]{0,300}'))*[ \t\n]*/?>")
_ATTRIBUTE_VALUE = r"""[ \t]*=[ \t]*(?:"([^"<>\n]{1,120})"|'([^'<>\n]{1,120})')"""
_XML_TITLE = re.compile(r"[ \t\n](?:title|name|label|heading|caption)" + _ATTRIBUTE_VALUE)
# (in XHTML a name is an identifier: '<input name="spark">', '<a name="java"/>')
_XHTML_TITLE = re.compile(r"[ \t\n](?:title|label|heading|caption)" + _ATTRIBUTE_VALUE)
_LATEX_SOURCE = re.compile(r"\\(?:documentclass|begin\{|item\b|section\*?\{|cvitem|cventry|"
                           r"resumeItem|href\{|textbf\{|hfill\b)")
# (not an address's escape: "\\href{https://github.com/jane%20doe}"; nor a percentage, "88%
# accuracy", which a LaTeX author escapes and a text with one stray command does not)
_LATEX_COMMENT = re.compile(r"(?<!\\)(?<!\d)%(?![0-9A-Fa-f]{2})[^\n]*")
# a Typst source (a CV typeset with Typst: "#set page(...)", "#let name = ...",
# "#text(fill: muted)[...]") and its comments, opening a line or after a space: a line's rest
# after "//" (not an address's "//") or a "/* ... */" block
_TYPST_SOURCE = re.compile(
    r"(?m)^[ \t]*#(?:set|let|show|import|include)\b|#(?:text|link|strong|emph|box|grid|block|"
    r"h|v)\("
)
# a "//" to its line's end or a "/* … */" block, opening a line or after a space (``_blocks``;
# "/*" with no "*/" after it is none)
_TYPST_COMMENT = re.compile(r"(?m)(?:^|(?<=[ \t]))/[/*]")
_TYPST_COMMENT_END = re.compile(r"\*/")
# a troff source (a CV typeset with groff's ms, mom or man macros: ".SH", ".PP", ".B C",
# "\fBPython\fR"): told by three lines opening with one of its common requests or a comment
_TROFF_SOURCE = re.compile(
    r"(?m)^\.(?:\\\"|(?:TH|SH|SS|PP|LP|IP|TP|TL|AU|AB|AE|NH|B|I|BI|BR|IR|RB|RS|RE|nf|fi|br|"
    r"sp|ds|nr|de|ps|vs|ft|ce|ti|fam|so|ss|ll|po|ig)(?=[ \t]|$))")
# (one of them only troff has: a heading, paragraph, register, string or comment request)
_TROFF_STRONG = re.compile(r"(?m)^\.(?:\\\"|(?:TH|SH|PP|LP|nr|ds|de)(?=[ \t]|$))")
# what a reader of the typeset page never sees: comments (a line's rest after \", an ".ig"
# block), a line's request or macro name (".B", ".skill"; its arguments are text), and escapes:
# fonts, sizes, motions, colours, strings, registers, zero-width and spacing marks ("\fB",
# "\s-2", "\s12", "\h'0n'", "\m[red]", "\*[AUTHOR]", "\n(.l", "\&", "\/")
_TROFF_COMMENT = re.compile(r"(?m)^[.']\\\"[^\n]*|\\\"[^\n]*")
# (an ".ig" block to its ".." line: found by ``_blocks``)
_TROFF_IGNORE = re.compile(r"(?m)^\.ig\b")
_TROFF_IGNORE_END = re.compile(r"(?m)^\.\.[ \t]*$")
_TROFF_REQUEST = re.compile(r"(?m)^[.'][ \t]*[A-Za-z][A-Za-z0-9_]*")
_TROFF_ESCAPE = re.compile(
    r"\\(?:[fFmMn*](?:\[[^\]\n]{0,40}\]|\(..|[^\s(\[])|"
    r"s(?:[+-]?(?:[1-3]\d|\d)|'[^'\n]{0,10}'|[+-]?\(\d\d|[+-]?\[[^\]\n]{0,10}\])|"
    r"[hvlLxDoZbwAXNRSY]'[^'\n]{0,80}'|\[[^\]\n]{1,20}\]|[&c%:|^}{/,)dukz])")
# its special characters that read as a character: "\(em", "\(bu", "\(pl", "\-", "\e"
_TROFF_CHARACTERS = {"(em": "-", "(en": "-", "(hy": "-", "(bu": "-", "(ga": "`", "(aq": "'",
                     "(dq": '"', "(lq": '"', "(rq": '"', "(oq": "'", "(cq": "'", "(pl": "+",
                     "(mi": "-", "(rs": "\\", "(sl": "/", "-": "-", "e": "\\", "~": " ",
                     " ": " ", "0": " "}
_TROFF_CHARACTER = re.compile(r"\\(\([A-Za-z]{2}|[-e~ 0])")
# an image tag's text alternative, as group 1 or 2: '<img src="logo.svg" alt="Python" />'
_IMG_ALT = re.compile(r"""<(?i:img)\b[^<>]*?(?<![\w-])(?i:alt)[ \t]*=[ \t]*(?:"([^"<>\n]{1,80})"|'([^'<>\n]{1,80})')""")
# a Markdown link to another page: its text is read, its address is not ("[R](https://...)")
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]{1,80})\]\((?:https?://|www\.|mailto:)[^)\s]{0,2000}\)")
# an Org-mode link: its description is read, its address is not ("[[https://numpy.org/][Numpy]]")
_ORG_LINK = re.compile(
    r"\[\[(?:https?://|www\.|mailto:|file:)[^\]\s]{0,2000}\]\[([^\]\n]{1,80})\]\]")
# an Org-mode source ("#+TITLE: CV", a property drawer, an Org link, a "#+BEGIN_" block) and
# its emphasis markers around a word or phrase, by Org's own rule: the opening marker after a
# space, a line start or one of -({'", the closing one before a space, a line end or one of
# -.,;:!?')}"[ , neither touching a space inside ("=Python=", "~Go~", "/Scala/", "+Theano+")
_ORG_SOURCE = re.compile(
    r"(?m)^[ \t]*#\+(?:[A-Za-z_]+:|BEGIN_|begin_)|^[ \t]*:PROPERTIES:[ \t]*$"
    r"|\[\[[^\[\]\n]{1,2000}\]\[")  # (no "[" inside: a run of them is not tried to its end)
_ORG_EMPHASIS = re.compile(
    r"(?m)(?:^|(?<=[\s\-({'\"]))([=~+/*_])(?=[^\s=~+/*_])([^\n]{0,80}?[^\s=~+/*_])\1"
    r"(?=[\s\-.,;:!?')}\"\[]|$)")
# a quoted item of a bracketed list in a data source (JSON, TOML, a site's TypeScript):
# ["spaCy", "NLTK"], ['Go', 'Rust'], and a list written one item a line
_QUOTED_ITEM = re.compile(
    r"""(?<=[\[,])[ \t]*(?:\n[ \t]*)?(["'])[^"'\n,\[\]]{1,60}\1(?=[ \t]*[,\]]|\s*\])""")
# (what a text with such a list holds)
_QUOTED_ITEM_HINTS = ('", "', "', '", '","', '",\n', "',\n")
_LATEX_ESCAPE = re.compile(r"\\([#&%$_])")
_LATEX_TIE = re.compile(r"(?<=[A-Za-z.])~(?=[A-Za-z0-9])")
# a dash written as a command or in math ("\\textendash{}", "\\textemdash\\ ", "$-$"), with what
# ends the command's name
_LATEX_DASH = re.compile(r"\\text(?:en|em)dash(?:\{\}|\\ |\b)|\$-{1,3}\$")
_LATEX_COMMAND = re.compile(r"\\(?:textbf|textit|textsc|texttt|emph|underline|mbox|hbox)\s*\{")
_LATEX_BRACE = re.compile(r"(?<=[\w+#.])\}")
# a suffix set in another font right after a letter: "C\texttt{++}", "C{}\textsuperscript{\#}"
_LATEX_GLUED = re.compile(
    r"(?<=[A-Za-z])(?:\{\})?\\(?:texttt|textbf|textsuperscript|textsc|textrm|textsf|mbox|hbox|"
    r"small|footnotesize|scriptsize|tiny)\s*\{\s*(\+\+|\\#|#)\s*\}")
# (each marker, tried longest first, then a look back past it: no word character, "*" or
# backslash before it; a look-behind first would make the engine try every position. At most
# 1,000 characters inside: an opener without a closer would otherwise scan to its line's end,
# and a long line of them ("_a _a _a …") took seconds)
_EMPHASIS = re.compile(
    "(" + "|".join(rf"{re.escape(marker)}(?<![\w*\\]{re.escape(marker)})"
                   for marker in ("**", "__", "*", "_", "`"))
    + r")(?=[^\s*_`])([^\n*`]{0,999}?[^\s*_`\\])\1(?![\w*])"
)
# the quotes an entity may stand for, straightened as reading does (``_TRANSLATE``'s own)
_ENTITY_QUOTES = {ord(quote): _TRANSLATE[ord(quote)] for quote in "\u2018\u2019\u201c\u201d"}
_ENTITY = r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});"
_ENTITIES = re.compile(rf"{_ENTITY}(?:{_ENTITY})*")  # (opening with "&", which the engine skips to)


def _yaml_comments(text: str, commented: list[re.Match[str]]) -> list[re.Match[str]]:
    """The ``commented`` lines that are YAML comments: those inside a leading front-matter block
    (``---`` … ``---``, YAML whatever follows it), and past it only when the rest is YAML data
    too (``yaml_source``), not a Markdown page whose "# skills: …" is a heading."""
    front = _FRONT_MATTER.match(text)
    edge = front.end() if front is not None else 0
    inside = [match for match in commented if match.start() < edge]
    after = [match for match in commented if match.start() >= edge]
    if after and yaml_source(text[edge:]):
        inside += after
    return inside


def yaml_source(text: str, lines: int = 3, share: float = 0.25) -> bool:
    """At least ``lines`` lines of the text, and ``share`` of its non-blank lines, are YAML
    keys ("  company: Acme"): a YAML data file (a site's CV data), not prose."""
    # (a page's front matter is no sign of YAML data; a YAML file wrapped in "---" lines,
    # with nothing after them, is judged whole)
    front = _FRONT_MATTER.match(text)
    if front is not None and text[front.end():].strip():
        text = text[front.end():]
    keys = sum(1 for _ in _YAML_KEY_LINE.finditer(text))
    if keys < lines:
        return False
    filled = sum(1 for line in text.splitlines() if line.strip())
    return keys >= share * filled


def _holds(text: str, string: str) -> bool:
    """``string in text``, asking first for its first character: a search for one character is
    a ``memchr``, many times faster than CPython's search for two or more characters (as slow
    as a regex's scan), and most texts lack the marks these strings open with."""
    return string[0] in text and string in text


def _opens_a_line(text: str, mark: str) -> bool:
    """Whether a line of ``text`` opens with ``mark`` after blanks and tabs only (where a YAML
    comment opens): each ``mark`` looked for by ``str.find``, which skips the rest of the text
    far faster than a line-anchored regex, tried at every position. A line whose first mark
    has something else before it is left at once (its later marks do too: linear on a line of
    a hundred thousand "#")."""
    index = text.find(mark)
    while index >= 0:
        if not text[text.rfind("\n", 0, index) + 1:index].strip(" \t"):
            return True
        line_end = text.find("\n", index)
        if line_end < 0:
            return False
        index = text.find(mark, line_end + 1)
    return False


def org_source(text: str) -> bool:
    """Whether ``text`` is an Org-mode source ("#+TITLE:", ":PROPERTIES:", "[[link][name]]")."""
    return (_holds(text, "#+") or ":PROPERTIES:" in text or _holds(text, "[[")) and bool(
        _ORG_SOURCE.search(text))


# what the padding of an escape or entity belongs to: the character before it (``_TRAILING``:
# "C\\#" reads "C# ") or the word after it (``_LEADING``: "CI&#x2F;CD" reads "     CI/CD")
# (and ``SHIFTED``: the moved word head and the entity's character, which no longer sit at their
# own offsets: a mention touching them takes the whole word and entity)
TRAILING_PAD, LEADING_PAD, SHIFTED = 1, 2, 3
_TRAILING, _LEADING = bytes([TRAILING_PAD]), bytes([LEADING_PAD])


def _untroff(text: str, chars: list[str], pads: bytearray) -> None:
    """Blank a troff source's comments, request names and escapes in ``chars``; a special
    character becomes its plain one followed by spaces marked in ``pads``."""
    for match in _blocks(text, _TROFF_IGNORE, _TROFF_IGNORE_END, unclosed="none"):
        chars[match.start():match.end()] = " " * (match.end() - match.start())
    for pattern in (_TROFF_COMMENT, _TROFF_REQUEST, _TROFF_ESCAPE):
        for match in pattern.finditer(text):
            chars[match.start():match.end()] = " " * (match.end() - match.start())
    for match in _TROFF_CHARACTER.finditer(text):
        if chars[match.start()] != "\\":  # (inside a blanked comment)
            continue
        value = _TROFF_CHARACTERS.get(match.group(1), "")
        start, end = match.span()
        chars[start:end] = list(value) + [" "] * (end - start - len(value))
        pads[start + len(value):end] = _TRAILING * (end - start - len(value))


# a word character (or a language name's "+" or "#") right after an entity: it is inside a word
_IN_WORD = re.compile(r"[\w+#]")
# the characters that join a word's parts ("CI/CD", "C++", "C#", "scikit-learn", "Node.js"); a
# space, a comma, an "&" or an invisible character between words keeps them apart
_JOINING = frozenset({"/", "+", "#", "++", "-", "."})
_WORD_BEFORE_AT_MOST = 40  # characters of a word's head moved (a longer run is no word)


def _word_before(text: str, chars: list[str], pads: bytearray, start: int) -> int:
    """Where the word ending right before ``start`` begins (``start`` when none: a space, a
    mark or padding comes first, the run is too long to be a word, or a LaTeX escape opens
    it, which a later step rewrites in place)."""
    lead = start
    while lead > 0 and start - lead < _WORD_BEFORE_AT_MOST:
        char = chars[lead - 1]
        if pads[lead - 1] not in (0, SHIFTED) or not (char.isalnum() or char in "+#./-"):
            break
        lead -= 1
    if lead < start and (start - lead >= _WORD_BEFORE_AT_MOST or not chars[start - 1].isalnum()
                         and chars[start - 1] not in "+#"
                         or "\\" in text[max(0, lead - 1):start]):
        return start
    return lead


def _may_hold_markup(text: str) -> bool:
    """Whether ``text`` may hold markup that ``unmark`` blanks (False: it holds none)."""
    return (any(_holds(text, string) for string in _MARKUP_STRINGS)
            or "&" in text and _ENTITY_HINT.search(text) is not None
            or "<" in text and _TAG_HINT.search(text) is not None)


_LATEX_DOCUMENT = re.compile(r"\\documentclass\b|\\begin\{document\}")


def latex_document(text: str) -> bool:
    """Whether ``text`` is a whole LaTeX document (``\\documentclass``, ``\\begin{document}``):
    not a text with a stray command, whose "&" is an ampersand and whose braces are text."""
    return "\\" in text and _LATEX_DOCUMENT.search(text) is not None


# a command whose first argument is no content: a colour, a length, an address, a label
_LATEX_SETTING = re.compile(
    r"\\(?:textcolor|color|colorbox|hspace|vspace|href|url|includegraphics|begin|end|label|ref|"
    r"cite|setlength|fontsize|newcommand|renewcommand|faicon|icon|documentclass|usepackage)"
    r"\*?(?:\[[^\]\n]{0,80}\])?\{[^{}\n]*\}")
# a command that lays fields apart on a line: "Acme \\hfill 2019"
_LATEX_SPACER = re.compile(r"\\(?:hfill|hfil|hspace\*?|quad|qquad|enspace|dotfill|textbar)"
                           r"(?![A-Za-z])")
# any command's name, or a line break ("\\\\")
_LATEX_NAME = re.compile(r"\\(?:[A-Za-z@]+\*?|\\)")


def latex_fields(source: str, plain: str, join: str = " ") -> str:
    """``plain`` (``unmark``'s text of the LaTeX ``source``, or one like it: same length) with
    the source's commands blanked and their arguments parted as fields:
    ``\\cventry{2021--Present}{Research Scientist}{Acme}`` reads "2021--Present| Research
    Scientist| Acme"; a column's ``&`` and a spacer (``\\hfill``) part fields too. Any other
    command and brace becomes ``join`` (a caller's joining mark: "Senior {\\em ML} Engineer"
    stays one field), a line break a blank. A comment stays blank, and what ``unmark``
    resolved (an escape, an accent) stays as it resolved it; same length, so every offset
    holds (what positions read in a LaTeX CV)."""
    chars = list(plain)
    comments = [m.span() for m in _LATEX_COMMENT.finditer(source)] if "%" in source else []
    starts = [start for start, _ in comments]

    def writable(index: int) -> bool:
        if chars[index] not in (source[index], " "):
            return False  # (resolved by unmark)
        at = bisect_right(starts, index) - 1
        return at < 0 or index >= comments[at][1]

    def blank(start: int, end: int, lead: str, rest: str) -> None:
        for index in range(start, end):
            if writable(index):
                chars[index] = lead if index == start else rest

    for match in _LATEX_SPACER.finditer(source):
        blank(*match.span(), "|", " ")
    for match in _LATEX_SETTING.finditer(source):
        blank(*match.span(), join, join)
    for match in _LATEX_NAME.finditer(source):
        if chars[match.start()] != "|":
            mark = " " if match.group() == "\\\\" else join
            blank(*match.span(), mark, mark)
    for index, char in enumerate(source):
        if char not in "{}&$" or not writable(index):
            continue
        if char in "&$":  # a column; math's delimiter ("$\\cdot$"); not an escaped "\\&", "\\$"
            if index == 0 or source[index - 1] != "\\":
                chars[index] = "|" if char == "&" else join
        else:  # "}{" parts two arguments; any other brace joins
            chars[index] = "|" if char == "}" and source.startswith("{", index + 1) else join
    if "dash" in source or "$-" in source:  # (a dash unmark resolved, padding and all)
        for match in _LATEX_DASH.finditer(source):
            if plain[match.start()] == "\u2013":
                chars[match.start():match.end()] = plain[match.start():match.end()]
    fields = "".join(chars)
    if join == " " or join not in fields:
        return fields
    # a run of joining marks joins only inside a line's text: at a line's start or end, or
    # between two blanks, it is blank ("\\textbf{Analyst}" opening a line is indented text, a
    # line of markup alone stays a blank line)
    def joined(run: re.Match[str]) -> str:
        before = fields[run.start() - 1] if run.start() else "\n"
        after = fields[run.end()] if run.end() < len(fields) else "\n"
        if before == "\n" or after == "\n" or (before.isspace() and after.isspace()):
            return " " * len(run.group())
        return run.group()

    return re.sub(f"{re.escape(join)}+", joined, fields)


class _Span:
    """A span ``_blocks`` found, read as a regex's match is: ``start()``, ``end()``,
    ``span()`` and ``re``, the pattern of its opener."""

    __slots__ = ("_end", "_start", "re")

    def __init__(self, start: int, end: int, pattern: re.Pattern[str]) -> None:
        self._start, self._end, self.re = start, end, pattern

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end


def _blocks(text: str, opener: re.Pattern[str], closer: re.Pattern[str], *,
            unclosed: Literal["line", "none"], line_opener: str | None = None) -> list[_Span]:
    """The blocks from each ``opener`` to the first ``closer`` after it, leftmost and not
    overlapping, as a lazy regex (``opener.*?closer``, DOTALL) finds them; an opener with no
    closer after it runs to its line's end (``unclosed="line"``) or is none (``"none"``); an
    opener reading ``line_opener`` always runs to its line's end. Each stretch of text is looked
    at once: the regex looked from every unclosed opener to the text's end."""
    spans: list[_Span] = []
    position, closerless = 0, len(text) + 1  # (no closer starts at or after ``closerless``)
    while (found := opener.search(text, position)) is not None:
        start, after = found.span()
        close = None
        if found.group() != line_opener and after < closerless:
            close = closer.search(text, after)
            if close is None:
                closerless = after
        if close is not None:
            spans.append(_Span(start, close.end(), opener))
            position = close.end()
        elif found.group() == line_opener or unclosed == "line":
            line_end = text.find("\n", after)
            end = len(text) if line_end < 0 else line_end
            spans.append(_Span(start, end, opener))
            position = end if end > start else start + 1
        else:
            position = start + 1
    return spans


def unmark(text: str) -> tuple[str, bytearray | None]:
    """``text`` with Markdown emphasis (``**Python**``, ``_R_``, backticks), LaTeX escapes and
    emphasis commands (``C\\#``, ``R\\&D``, ``\\textbf{SQL}``), HTML entities (``C&#35;``,
    ``&amp;``), HTML tags, comments (HTML's, a LaTeX source's ``% ...``, a YAML source's
    commented-out entries ``# - name: Statistics``), a LaTeX source's ties
    (``Hugging~Face``), Markdown and Org-mode link addresses and the quotes of a data file's list
    items (``["spaCy", "NLTK"]``) blanked for matching: same
    length, so every offset still indexes ``text``.

    An escape or entity becomes its character followed by spaces; the returned mask marks
    those spaces, so that a mention ending just before them can take them back (its evidence
    is then ``C\\#``, not ``C\\``). An entity inside a word ("CI&#x2F;CD") keeps the word
    whole: its spaces go before the word, marked as leading, and the moved head and character
    as shifted (a mention touching them takes back the whole word and entity). ``None`` when
    nothing changed.
    """
    commented = list(_YAML_COMMENTED.finditer(text)) if _opens_a_line(text, "#") else []
    # a Typst source's comments ("// - old project: a Spark streaming notebook")
    typst = "#" in text and "//" in text and _TYPST_SOURCE.search(text) is not None
    quoted = ((_holds(text, '",') or _holds(text, "',"))  # (as every hint opens)
              and any(hint in text for hint in _QUOTED_ITEM_HINTS) and _QUOTED_ITEM.search(text))
    troff = (("\n." in text or text.startswith(".")) and len(_TROFF_SOURCE.findall(text)) >= 3
             and _TROFF_STRONG.search(text) is not None)
    if not commented and not typst and not quoted and not troff and not _may_hold_markup(text):
        return text, None
    chars = list(text)
    pads = bytearray(len(text))
    changed = False
    if troff:
        _untroff(text, chars, pads)
        changed = True
    comments: list[re.Match[str] | _Span] = (
        _blocks(text, _HTML_COMMENT, _HTML_COMMENT_END, unclosed="line") if "<!--" in text
        else [])
    latex = "\\" in text and _LATEX_SOURCE.search(text) is not None
    if latex and "%" in text:
        comments += _LATEX_COMMENT.finditer(text)
    if latex and "~" in text:  # a non-breaking space: "Hugging~Face"
        for match in _LATEX_TIE.finditer(text):
            chars[match.start()] = " "
            changed = True
    xml = "<?" in text[:200] and _XML_SOURCE.match(text) is not None
    tags = list((_XML_TAG if xml else _HTML_TAG).finditer(text)) if "<" in text else []
    comments += tags
    if typst:
        comments += _blocks(text, _TYPST_COMMENT, _TYPST_COMMENT_END, unclosed="none",
                            line_opener="//")
    if commented:
        comments += _yaml_comments(text, commented)
    for match in comments:
        chars[match.start():match.end()] = " " * (match.end() - match.start())
        changed = True
    # an image's text alternative is read, as a Markdown image's is ("![Python](logo.svg)"):
    # '<img src="python.svg" alt="Python">', a page's row of tool logos (not inside a comment)
    hidden = (sorted(c.span() for c in comments if c.re not in (_HTML_TAG, _XML_TAG))
              if tags else [])
    hidden_ends = list(accumulate((end for _, end in hidden), max))  # (spans may nest)
    for tag in tags if "alt" in text else ():
        alt = _IMG_ALT.match(text, tag.start(), tag.end())
        # (inside a comment: a comment opening at or before the tag that ends after it)
        before = bisect_right(hidden, (tag.start(), len(text)))
        if alt is not None and not (before and hidden_ends[before - 1] > tag.start()):
            start, end = alt.span(alt.lastindex or 1)
            chars[start:end] = text[start:end]
    titled = _XHTML_TITLE if xml and "<html" in text else _XML_TITLE
    for tag in tags if xml else ():
        title = titled.search(text, tag.start(), tag.end())
        if title is not None:
            start, end = title.span(title.lastindex or 1)
            chars[start:end] = text[start:end]
    if _holds(text, "]("):
        for match in _MARKDOWN_LINK.finditer(text):
            chars[match.start()] = " "
            if match.start() and text[match.start() - 1] == "!":  # an image: "![C](badge.svg)"
                chars[match.start() - 1] = " "
            chars[match.end(1):match.end()] = " " * (match.end() - match.end(1))
            changed = True
    if _holds(text, "[["):
        for match in _ORG_LINK.finditer(text):
            chars[match.start():match.start(1)] = " " * (match.start(1) - match.start())
            chars[match.end(1):match.end()] = "  "
            changed = True
    for match in _ENTITIES.finditer(text):
        # (quotes straightened as reading does: "don&rsquo;t" reads "don't")
        value = html.unescape(match.group()).translate(_ENTITY_QUOTES)
        if value == match.group() or len(value) > len(match.group()):
            continue
        start, end = match.span()
        width = end - start - len(value)
        joins = value in _JOINING and _IN_WORD.match(text, end) is not None
        lead = _word_before(text, chars, pads, start) if joins else start
        if lead < start:
            # inside a word ("CI&#x2F;CD", "scikit&#45;learn"): the word's head moves right up
            # to the character, the spaces go before it, so the word stays whole ("CI/CD")
            head = chars[lead:start]
            chars[lead:end] = [" "] * width + head + list(value)
            pads[lead:lead + width] = _LEADING * width
            pads[lead + width:end] = bytes([SHIFTED]) * (end - lead - width)
        else:
            chars[start:end] = list(value) + [" "] * width
            pads[start + len(value):end] = _TRAILING * width
        changed = True
    if "\\" in text:
        for match in _LATEX_ESCAPE.finditer(text):
            start = match.start()
            chars[start], chars[start + 1] = match.group(1), " "
            pads[start + 1] = TRAILING_PAD
            changed = True
        if latex and ("dash" in text or "$-" in text):  # a range's ("2019 \\textendash{} 2021")
            for match in _LATEX_DASH.finditer(text):
                start, end = match.span()
                if chars[start] != text[start]:
                    continue  # (inside a comment, blanked)
                chars[start:end] = ["\u2013"] + [" "] * (end - start - 1)
                pads[start + 1:end] = _TRAILING * (end - start - 1)
                changed = True
        glued = []
        for match in _LATEX_GLUED.finditer(text):
            value = match.group(1).lstrip("\\")
            start, end = match.span()
            chars[start:end] = list(value) + [" "] * (end - start - len(value))
            pads[start:start + len(value)] = bytes(len(value))
            pads[start + len(value):end] = _TRAILING * (end - start - len(value))
            glued.append(match.span())
            changed = True
        for match in _LATEX_COMMAND.finditer(text):
            if any(start <= match.start() < end for start, end in glued):
                continue
            chars[match.start():match.end()] = " " * (match.end() - match.start())
            changed = True
            close = _LATEX_BRACE.search(text, match.end(), match.end() + 200)
            if close is not None:
                chars[close.start()] = " "
    if quoted:  # a data file's list: ["spaCy", "NLTK", "Transformers"] reads as a list
        for match in _QUOTED_ITEM.finditer(text):
            chars[match.start(1)] = chars[match.end() - 1] = " "
            changed = True
    if org_source(text):
        for match in _ORG_EMPHASIS.finditer(text):
            chars[match.start()] = chars[match.end() - 1] = " "
            changed = True
    for match in _EMPHASIS.finditer(text):
        marker = len(match.group(1))
        start, end = match.span()
        chars[start:start + marker] = " " * marker
        chars[end - marker:end] = " " * marker
        changed = True
    if not changed:
        return text, None
    return "".join(chars), pads
