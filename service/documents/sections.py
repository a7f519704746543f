"""Find section headings (Skills, Experience, Education …) in normalised text."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Section
from ..normalize import strip_accents

_HEADINGS: dict[str, tuple[str, ...]] = {
    "contact": ("contact", "contact information", "contact details", "personal details",
                "personal information", "personal info"),
    "summary": ("summary", "professional summary", "career summary", "executive summary",
                "profile", "professional profile", "career profile", "objective",
                "career objective", "professional objective", "about", "about me", "overview",
                "personal statement", "introduction", "summary of qualifications",
                "qualifications summary", "highlights", "career highlights"),
    "skills": ("skills", "technical skills", "core competencies", "competencies",
               "key competencies", "tools technologies", "technologies", "tech stack",
               "technical stack", "skill set", "skillset", "key skills", "core skills",
               "areas of expertise", "expertise", "technical expertise",
               "technical proficiencies", "proficiencies", "skills tools", "tools",
               "skill details", "it skills", "computer skills", "software skills",
               "skills expertise", "skills abilities", "skills competencies",
               "technical competencies", "technologies tools", "languages technologies",
               "programming skills"),
    "experience": ("experience", "work experience", "professional experience",
                   "employment history", "employment", "work history", "career history",
                   "relevant experience", "professional background", "experience details",
                   "industry experience", "internships", "internship experience",
                   "internship", "professional history", "employment experience",
                   "work experience details", "company details", "career"),
    "projects": ("projects", "personal projects", "selected projects", "key projects",
                 "academic projects", "project experience", "side projects",
                 "open source", "open source contributions", "project details",
                 "notable projects", "research projects", "research experience", "research"),
    "education": ("education", "academic background", "education details",
                  "academic qualifications", "educational qualifications",
                  "educational background", "education training", "academics",
                  "academic history", "qualifications", "education qualifications",
                  "academic profile", "education and training"),
    "certifications": ("certifications", "certification", "certificates", "licenses",
                       "licences", "licenses certifications", "certifications licenses",
                       "courses", "courses certifications", "certifications courses",
                       "training", "trainings", "professional development",
                       "training certifications", "certifications training",
                       "relevant coursework", "coursework"),
    "publications": ("publications", "selected publications", "papers", "research papers",
                     "publications presentations", "patents", "patents publications"),
    "awards": ("awards", "honors", "honours", "achievements", "awards honors",
               "honors awards", "awards achievements", "achievements awards", "recognition",
               "accomplishments", "awards recognition", "key achievements"),
    "languages": ("languages", "language skills", "spoken languages", "language"),
    "interests": ("interests", "hobbies", "hobbies interests", "interests hobbies",
                  "personal interests", "activities", "extracurricular activities",
                  "extra curricular activities", "extracurriculars"),
    "references": ("references", "referees", "references available upon request"),
    "other": ("volunteer experience", "volunteering", "volunteer work", "leadership",
              "leadership experience", "declaration", "additional information",
              "memberships", "professional memberships", "affiliations"),
}
# The same headings in French, Spanish, Italian, Portuguese and German, as ``heading_key``
# writes them (accents folded: "Compétences" → "competences", "Formação" → "formacao")
_HEADINGS_ELSEWHERE: dict[str, tuple[str, ...]] = {
    "summary": ("profil", "perfil", "profilo", "perfil profesional", "perfil profissional",
                "profil professionnel", "a propos", "a propos de moi", "sobre mi", "sobre mim",
                "uber mich", "chi sono", "objetivo", "objectif", "resumen", "resumo",
                "kurzprofil"),
    "skills": ("competences", "competences techniques", "competencias", "competencias tecnicas",
               "habilidades", "habilidades tecnicas", "conocimientos", "conocimientos tecnicos",
               "aptitudes", "competenze", "competenze tecniche", "conoscenze",
               "conoscenze informatiche", "conhecimentos", "conhecimentos tecnicos",
               "kenntnisse", "fahigkeiten", "faehigkeiten", "fachkenntnisse", "it kenntnisse",
               "edv kenntnisse", "technische kenntnisse", "kompetenzen", "fachkompetenzen",
               "fachliche kompetenzen", "outils", "herramientas", "strumenti", "ferramentas",
               "werkzeuge", "tecnologias", "tecnologie", "technologien",
               "competences informatiques", "informatique"),
    "experience": ("experience professionnelle", "experiences professionnelles",
                   "experiences", "experiencia", "experiencia profesional",
                   "experiencia laboral", "experiencias", "esperienza", "esperienze",
                   "esperienza professionale", "esperienze professionali",
                   "esperienze lavorative", "esperienza lavorativa",
                   "experiencia profissional", "experiencias profissionais",
                   "berufserfahrung", "berufliche erfahrung", "beruflicher werdegang",
                   "werdegang", "praktische erfahrung"),
    "projects": ("projets", "projets personnels", "proyectos", "proyectos personales",
                 "progetti", "progetti personali", "projetos", "projetos pessoais", "projekte"),
    "education": ("formation", "formation academique", "formacion", "formacion academica",
                  "educacion", "estudios", "istruzione", "formazione",
                  "istruzione formazione", "formacao", "formacao academica", "educacao",
                  "escolaridade", "ausbildung", "bildung", "studium", "bildungsweg",
                  "akademischer werdegang"),
    "certifications": ("certificaciones", "certificazioni", "certificacoes", "zertifikate",
                       "zertifizierungen", "cursos", "cours", "corsi", "weiterbildung",
                       "weiterbildungen"),
    "publications": ("publicaciones", "pubblicazioni", "publicacoes", "publikationen",
                     "veroffentlichungen", "veroeffentlichungen"),
    "awards": ("prix", "distinctions", "premios", "reconocimientos", "premi",
               "riconoscimenti", "auszeichnungen"),
    "languages": ("langues", "idiomas", "lingue", "conoscenze linguistiche", "sprachen",
                  "sprachkenntnisse", "linguas"),
    "interests": ("centres d interet", "loisirs", "intereses", "aficiones", "interessi",
                  "hobby", "interesses", "hobbys", "interessen"),
    "references": ("referencias", "referenze", "referenzen"),
}
# the English ones only: what may open a line of capitals that runs on ("SKILLS Python …"),
# where a foreign word is as often a company's ("FORMATION BIO - Data Scientist", "HOBBY
# LOBBY STORES")
_ENGLISH_HEADING_NAMES: dict[str, str] = {
    key: name for name, keys in _HEADINGS.items() for key in keys}
HEADING_NAMES: dict[str, str] = {
    **_ENGLISH_HEADING_NAMES,
    **{key: name for name, keys in _HEADINGS_ELSEWHERE.items() for key in keys},
}

# Decoration around a heading, as str.strip sets (faster than the regex
# ``^[\s#*_=~|>\-:.]+|[\s#*_=~|<\-:.]+$``): every character re's \s matches (exactly the
# str.isspace ones), and the marks.
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
               "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_DECORATION_LEAD = WHITESPACE + "#*_=~|>-:."
_DECORATION_TRAIL = WHITESPACE + "#*_=~|<-:."
_NON_WORD = re.compile(r"[^a-z]+")
# (on ASCII text, ``_NON_WORD``'s runs as blanks by ``str.translate``, several times faster)
_NON_WORD_BLANKS = str.maketrans({chr(code): " " for code in range(128)
                                  if not "a" <= chr(code) <= "z"})
_ENUMERATOR = re.compile(r"^(?:\d{1,2}|[IVX]{1,4})[.)]?\s+(?=[A-Za-z])")
# Letter-spaced words; a browser's kerning can keep a pair together ("S U M M A RY").
_SPACED = re.compile(r"[A-Za-z]{1,2}(?: {1,3}(?:[A-Za-z]{1,2}|&)){3,}")
# Small caps as PDFs draw them: a full-size capital, then the rest smaller ("E XPERIENCE").
_SMALL_CAPS = re.compile(r"[A-Z] [A-Z]{2,}(?: [A-Z] [A-Z]{2,}| &| [A-Z]{2,})*")
_INLINE = re.compile(r"^[\s#*_]*([A-Za-z][A-Za-z &/,]{1,45}?)[\s*_]*:\s*(\S.*)$")
_CAPS_LEAD = re.compile(r"^([A-Z][A-Z &/]{3,40})(?=\s+\S)")


@dataclass(frozen=True)
class Heading:
    """A heading found in the text: its name, its words as written, and where it sits."""

    name: str
    text: str
    start: int
    line_end: int
    level: int | None = None
    """1 for a top heading, 2 below it …: set when markup makes the line a heading."""


def heading_key(text: str) -> str:
    """Lowercase words only, accents folded: "Tools & Technologies:" → "tools technologies",
    "Compétences" → "competences"."""
    lowered = text.lower()
    if not lowered.isascii():
        lowered = strip_accents(lowered)
    words = (lowered.translate(_NON_WORD_BLANKS) if lowered.isascii()
             else _NON_WORD.sub(" ", lowered)).split()
    return " ".join([w for w in words if w != "and"] if "and" in words else words)


def classify_heading(line: str) -> str | None:
    """The section name if the whole ``line`` is a heading."""
    undecorated = line.lstrip(_DECORATION_LEAD).rstrip(_DECORATION_TRAIL)
    # unspaced first: "I N T E R E S T S" does not open with the enumerator "I"
    stripped = _unspace(undecorated)
    if stripped[:1] in ("I", "V", "X") or stripped[:1].isdecimal():  # (how an enumerator opens)
        stripped = _ENUMERATOR.sub("", stripped)
    if not stripped or len(stripped) > 50 or len(stripped.split()) > 6 or has_digit(stripped):
        return None
    return HEADING_NAMES.get(heading_key(stripped))


_ASCII_DIGITS = frozenset("0123456789")


def has_digit(text: str) -> bool:
    """Whether a character of ``text`` is a digit (``str.isdigit``; on ASCII, 0-9)."""
    if text.isascii():
        return not _ASCII_DIGITS.isdisjoint(text)
    return any(ch.isdigit() for ch in text)


def _unspace(text: str) -> str:
    """Letter-spaced headings ("E X P E R I E N C E", "W O R K  H I S T O R Y") and small caps
    ("W ORK E XPERIENCE") → words."""
    if " " not in text[1:3]:  # (where both kinds have their first space)
        return text
    if _SMALL_CAPS.fullmatch(text):
        return re.sub(r"\b([A-Z]) (?=[A-Z]{2,})", r"\1", text)
    if not _spaced(text):
        return text
    return " ".join(word.replace(" ", "") for word in re.split(r"\s{2,}", text))


def _spaced(text: str) -> bool:
    """Letter-spaced: single letters (a kerned pair here and there) one to three spaces apart."""
    if " " not in text[1:3] or not _SPACED.fullmatch(text):
        return False
    tokens = text.split()
    return sum(len(token) == 1 for token in tokens) >= 0.6 * len(tokens)


def heading_like(line: str) -> bool:
    """A known heading, letter-spaced capitals, or a short all-capitals line without digits
    ("OTHER ACTIVITIES"): how a layout marks where a block starts."""
    stripped = line.strip(_DECORATION_LEAD)
    if classify_heading(stripped) or letter_spaced(stripped):
        return True
    words = stripped.split()
    return (1 <= len(words) <= 4 and stripped.isupper() and len(stripped) <= 40
            and not any(ch.isdigit() for ch in stripped)
            and all(ch.isalpha() or ch in " &/-'" for ch in stripped))


def letter_spaced(line: str) -> bool:
    """Whether ``line`` is letter-spaced capitals ("A W A R D S"): a heading by its looks,
    whatever its words (never words of the text: "I N T E R E S T S" holds no skill R)."""
    stripped = line.strip(_DECORATION_LEAD)
    return _spaced(stripped) and not any(ch.islower() for ch in stripped)


def _inline_heading(line: str) -> tuple[str, str] | None:
    """``SKILLS: Python, SQL`` or ``EDUCATION Bachelor of …``: (name, heading text)."""
    match = _INLINE.match(line) if ":" in line else None  # (the colon it needs)
    if match:
        name = HEADING_NAMES.get(heading_key(match.group(1)))
        if name:
            return name, match.group(1).strip()
    # (a capital first, and a second or a blank, "&" or "/": what opens a match)
    match = (_CAPS_LEAD.match(line) if "A" <= line[:1] <= "Z"
             and ("A" <= line[1:2] <= "Z" or line[1:2] in " &/") else None)
    if match:
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            candidate = " ".join(words[:size])
            name = _ENGLISH_HEADING_NAMES.get(heading_key(candidate))
            if name and candidate.isupper() and len(heading_key(candidate)) >= 4:
                return name, candidate
    return None


# Sections whose entries are never a short line of capitals: there, such a line is the heading
# of a block the reader does not know (a sidebar's "SOFT SKILLS" after the publications).
_CLOSED_BY_CAPS = frozenset({"publications", "references"})


# Markup that makes a whole line a heading whatever its words, with its level: "## Talks",
# "\section{Talks}" ("\subsection", awesome-cv's "\cvsection", developercv's "\cvsect"),
# "<h2>Talks</h2>", an Org source's "** Talks", a line underlined with "===" (1) or "---" (2).
# (the words to the line's end, their closing marks stripped after: a lazy match before "[ \t#]*"
# tried the rest of the line from every character of a long run of " #")
_ATX = re.compile(r" {0,3}(#{1,6})[ \t]+(\S.*)")
# a LaTeX sectioning command up to its brace (groups: the "sub"s of either spelling)
# (a class's own prefix of at most 20 letters, at most three "sub"s: unbounded, the two runs
# were tried against each other, "\\subsub…subsection" taking time growing with its square)
LATEX_SECTIONING = r"\\(?:[a-z]{0,20}?((?:sub){0,3})section|(?:cv)?((?:sub){0,3})sect)\*?\{"
_LATEX_SECTION = re.compile(rf"[ \t]*{LATEX_SECTIONING}([^{{}}\n]+)\}}[ \t]*(?:%.*)?")
_ORG_HEADING = re.compile(r"(\*{1,6})[ \t]+(\S.*?)(?:[ \t]+:[\w@#%:]+:)?[ \t]*")
_HTML_HEADING = re.compile(r"[ \t]*<[hH]([1-6])\b[^>\n]*>(.*?)</[hH]\1>[ \t]*")
_TAG = re.compile(r"<[^<>\n]*>")
# an element alone on its line that names a known section: an XML source's
# '<section title="Skills">' or "<title>Skills</title>" (not a tooltip: '<div title="Acme">')
# (the attributes, and the element names of "<title>Skills</title>")
_TITLE_ATTRIBUTES = "title|heading|name|label"
_TITLED_ELEMENT = re.compile(
    r"[ \t]*<(?!(?i:img|a|abbr|acronym|input|button|link|meta|iframe|span)\b)[A-Za-z_][\w:.-]*"
    r"(?:[ \t]+[\w:.-]+[ \t]*=[ \t]*(?:\"[^\"<>\n]*\"|'[^'<>\n]*'))*?"
    rf"[ \t]+(?:{_TITLE_ATTRIBUTES})[ \t]*=[ \t]*(?:\"([^\"<>\n]{{1,80}})\"|'([^'<>\n]{{1,80}})')"
    r"(?:[ \t]+[\w:.-]+[ \t]*=[ \t]*(?:\"[^\"<>\n]*\"|'[^'<>\n]*'))*[ \t]*>[ \t]*"
    rf"|[ \t]*<({_TITLE_ATTRIBUTES})>([^<>\n]{{1,80}})</\3>[ \t]*")
_UNDERLINE = re.compile(r" {0,3}(?:(=){3,}|-{3,})[ \t]*")
# where a marked heading's line may start (an underline: the line before it), found in one pass
# over the text after a line break: each match opens with the break before its line, which the
# engine skips ahead to (a line start first makes it try every position)
_MARK_LINE = re.compile(
    r"(?m)\n(?:(?P<under> {0,3}(?:=+|-+)[ \t]*$)| {0,3}#|[ \t]*\\[a-z]*sect|[ \t]*<[hH][1-6]|\*"
    r"|(?:export[ \t]|const[ \t]|let[ \t]|var[ \t])|[ \t]*<(?:[A-Za-z_][\w:.-]*(?:[ \t][^<>\n]*?)?"
    rf"[ \t](?:{_TITLE_ATTRIBUTES})[ \t]*=|(?:{_TITLE_ATTRIBUTES})>))")
# a JavaScript or TypeScript data file's top-level declaration of a list, an object or a string
# ("export const projectsData = [", "const experience: Job[] = ["; not "let lr = 3e-4" in a
# wrapped line, nor "const app = express();"): each holds one part of the resume, so it starts
# a section named by its words ("projects data" → projects), never running on in the one above
_JS_DECLARATION = re.compile(
    r"(?:export[ \t]+)?(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)(?:[ \t]*:[^=\n]{0,80})?"
    r"[ \t]*=[ \t]*[\[{`\"']")
_CAMEL_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|[_$]+")


# a Markdown code block: a line opening with a fence of three or more backticks or tildes, to
# the next line of the same fence alone (an opener of four may close as one of three, its fourth
# mark read as the start of its info string, when no fence of four follows)
_FENCE_LINE = re.compile(r"(?m)^ {0,3}(`{3,}+|~{3,}+)[^\n]*\n")
_BARE_FENCE = re.compile(r"(?m)^ {0,3}(`{3,}+|~{3,}+)[ \t]*$")


def fenced(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s closed Markdown code blocks ("```bash … ```"), in order (each
    line looked at once: a regex from each opener to its closer took time growing with the
    square of a text of unclosed fences)."""
    if "```" not in text and "~~~" not in text:
        return []
    closers: dict[str, list[tuple[int, int]]] = {}  # each bare fence's lines, in order
    for match in _BARE_FENCE.finditer(text):
        closers.setdefault(match.group(1), []).append(match.span())
    spans: list[tuple[int, int]] = []
    for opener in _FENCE_LINE.finditer(text):
        if spans and opener.start() < spans[-1][1]:
            continue  # inside the block before
        fence = opener.group(1)
        for closer in sorted((c for c in closers if c[0] == fence[0] and len(c) <= len(fence)),
                             key=len, reverse=True):
            lines = closers[closer]
            # (the first that starts on a line after the opener's)
            index = bisect_right(lines, (opener.end() - 1, math.inf))
            if index < len(lines):
                spans.append((opener.start(), lines[index][1]))
                break
    return spans


def in_spans(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of ``spans`` (sorted, not overlapping)."""
    index = bisect_right(spans, (offset, math.inf)) - 1  # the last span starting at or before
    return index >= 0 and offset < spans[index][1]


def _marked_candidates(text: str) -> set[int]:
    """Offsets of the lines that may be marked headings (none inside a code block)."""
    starts = set()
    fences = fenced(text)
    for match in _MARK_LINE.finditer("\n" + text):
        start = match.start()  # (its line's offset in text: the break put first shifts it)
        if fences and in_spans(fences, start):
            continue
        if match.group("under") is None:
            starts.add(start)
        elif start > 0:
            starts.add(text.rfind("\n", 0, start - 1) + 1)
    return starts


_BULLET_LEAD = re.compile(r"\s*(?:[-*+•]|\d+[.)])\s")


def marked_heading(line: str, next_line: str = "", org: bool = False) -> tuple[int, str] | None:
    """(level, words) when markup makes ``line`` a heading: Markdown's "#" marks or an
    underline, LaTeX's sectioning commands, an HTML heading element, an Org source's stars."""
    first = line[:1]
    if first in " #":
        match = _ATX.fullmatch(line)
        if match:
            words = match.group(2)
            return len(match.group(1)), words.rstrip(" \t#") or words[0]
    if "sect" in line:
        match = _LATEX_SECTION.fullmatch(line)
        if match:
            return 1 + len(match.group(1) or match.group(2) or "") // 3, match.group(3).strip()
    if "<" in line[:8]:
        match = _HTML_HEADING.fullmatch(line)
        if match:
            words = " ".join(_TAG.sub(" ", match.group(2)).split())
            return (int(match.group(1)), words) if words else None
    if "<" in line[:40] and len(line) <= 300:
        match = _TITLED_ELEMENT.fullmatch(line)
        words = match and (match.group(1) or match.group(2) or match.group(4) or "").strip()
        if words and classify_heading(words) is not None:
            return 1, words
    if first in "celv":
        match = _JS_DECLARATION.match(line)
        if match:
            return 1, " ".join(_CAMEL_BREAK.sub(" ", match.group(1)).split())
    if org and first == "*":
        match = _ORG_HEADING.fullmatch(line)
        if match:
            return len(match.group(1)), match.group(2)
    if next_line[:1] in " =-" and line.strip() and len(line) <= 80:
        match = _UNDERLINE.fullmatch(next_line)
        if match and not _BULLET_LEAD.match(line) and not _UNDERLINE.fullmatch(line):
            return (1 if match.group(1) else 2), line.strip()
    return None


def find_headings(text: str, marked: Sequence[tuple[str, int, int]] = (),
                  org: bool = False) -> list[Heading]:
    """Heading lines (whole-line or ``Name: content``) in order of appearance.

    A heading that markup makes (``marked_heading``; ``marked``: a converted Markdown source's
    headings as (words, how many lines of the same words come before it, level)) and that reads
    as a section's title (a few words, no
    digit, comma or bracket: not "Data Scientist, Acme (2019 - 2021)") ends the sections that
    marked headings of its level or deeper opened. It belongs to the nearest shallower open
    heading ("### Cloud" under "## Skills" stays in the skills), or, if none is open, opens an
    "other" section ("## Invited Talks" after "## Skills"). A plain heading line's section stays
    open. Code blocks (Markdown fences) hold no headings. ``org``: an Org-mode source (its stars
    are headings, not bullets)."""
    headings: list[Heading] = []
    # open whole-line headings, shallowest first: (level, name); a plain line's level is 0
    open_: list[tuple[int, str]] = []
    offset = 0
    candidates = _marked_candidates(text)
    # a converted Markdown source's headings: (words, how many lines of the same words come
    # before it) → level
    wanted = {(words, count): level for words, count, level in marked}
    seen: dict[str, int] = {}
    for line in text.split("\n"):
        line_end = offset + len(line)
        explicit = None
        underlined = False
        if offset in candidates:
            following = text[line_end + 1:text.find("\n", line_end + 1) % (len(text) + 1)]
            explicit = marked_heading(line, following, org)
            underlined = explicit is not None and explicit[1] == line.strip()
        if wanted:
            words = line.strip()
            count = seen.get(words, 0)
            seen[words] = count + 1
            if (words, count) in wanted:
                explicit, underlined = (wanted[words, count], words), False
        level = explicit[0] if explicit else None
        name = (classify_heading(line) or (explicit and classify_heading(explicit[1]))
                or ("other" if letter_spaced(line) else None))
        if name is None and explicit and _JS_DECLARATION.match(line):
            name = _declared_section(explicit[1])
        if name is None and headings and headings[-1].name in _CLOSED_BY_CAPS and heading_like(
                line) and line.strip().isupper():
            name = "other"  # "SOFT SKILLS" after a list of papers is not a paper
        if name == "languages" and level is not None and any(
                0 < depth < level and parent == "skills" for depth, parent in open_):
            name = "skills"  # "### Languages" under "## Skills": a group of the skills
        if name is None and level is not None and _ends_sections(
                explicit[1], underlined, open_[-1][1] if open_ else None):
            while open_ and open_[-1][0] >= level:
                open_.pop()
            if open_ and open_[-1][0] == 0:
                pass  # under a plain heading line, whose depth is not known: it stays open
            elif open_:
                name = open_[-1][1]  # a group of the section above ("### Cloud" in the skills)
            elif any(heading.level is not None for heading in headings):
                name = "other"  # "## Invited Talks" after "## Skills": the skills end there
        if name:
            start = offset + (len(line) - len(line.lstrip()))
            headings.append(Heading(name, line.strip(), start, line_end, level))
            depth = level or 0
            # (a marked heading also ends a plain heading line's section, as a plain one ends all)
            while open_ and depth and (open_[-1][0] >= depth or open_[-1][0] == 0):
                open_.pop()
            if not depth:
                open_.clear()
            open_.append((depth, name))
        elif line and len(line) > 3:
            inline = _inline_heading(line)
            inside_entries = bool(headings) and headings[-1].name in ("experience", "projects")
            if inline and not (inside_entries and not inline[1].isupper()):
                headings.append(Heading(inline[0], inline[1], offset + line.index(inline[1][0]),
                                        line_end))
        offset = line_end + 1
    return headings


def _declared_section(words: str) -> str:
    """The section a declaration's words name, by their longest leading run that is a heading
    ("projects data" → projects, "about me content" → summary), else "other"."""
    parts = words.split()
    for size in range(len(parts), 0, -1):
        name = classify_heading(" ".join(parts[:size]))
        if name:
            return name
    return "other"


def _ends_sections(words: str, underlined: bool, current: str | None) -> bool:
    """Whether an unknown marked heading of these words may end sections: one that reads as
    a title always ("Invited Talks"); one with a digit, comma or bracket ("Data Scientist, Acme
    (2019 - 2021)", "Hobbies (outside work)") is an entry of experience or projects, and an
    underlined one of any section (a "---" under "Go, R" parts a list)."""
    if _TITLE_LIKE.fullmatch(words) and len(words.split()) <= 6:
        return True
    return not underlined and current not in ("experience", "projects") and any(
        ch.isalpha() for ch in words)


# a marked heading's words that read as a section's title: "Invited Talks", "Cloud & DevOps"
_TITLE_LIKE = re.compile(r"[^\W\d_](?:[^\d,;:()\[\]|@/<>]{0,48}[^\W\d_])?")


def detect_sections(text: str, page_at=None, marked: Sequence[tuple[str, int, int]] = (),
                    org: bool = False) -> list[Section]:
    """Sections from each heading to the next one (the last runs to the end of the text);
    ``marked`` and ``org`` as ``find_headings`` takes them."""
    headings = find_headings(text, marked, org)
    sections = []
    for index, heading in enumerate(headings):
        end = headings[index + 1].start if index + 1 < len(headings) else len(text)
        page = page_at(heading.start) if page_at else None
        sections.append(Section(name=heading.name, heading=heading.text, start=heading.start,
                                end=end, page=page))
    return sections
