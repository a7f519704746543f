"""Robustness of extraction to layout: the same labelled text documents, laid out differently.

``python bench/robustness.py [--gold ../shared/corpus/gold.jsonl] [--half dev|confirm|both]
[--json]`` rewrites every labelled ``.txt`` document of the gold file in ways that change its
layout but not what it claims, and scores extraction (``skillmatch evaluate``'s micro figures)
on each version next to the original:

- ``wrap``: long lines hard-wrapped at 72 columns, as PDFs and e-mails lay text out;
- ``bullets``: every list bullet written as "•"; ``flat``: the whole text on one line, as job
  boards flatten resumes; ``upper``: short title-case heading lines in capitals;
- ``markdown``: heading lines as "## Heading", "Label:" lead-ins in bold;
- ``spaced``: a blank line after every line; ``crlf``: Windows line ends.

A drop against ``original`` is a rule that depends on layout rather than on what the text
says. Halves as in ``bench/ranking.py``: ``dev`` = the old documents and the odd-numbered new
ones, ``confirm`` = the even-numbered new ones; ``both`` (any gold file, e.g. ``samples/gold.jsonl``)
takes every document.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.ranking import half_of  # noqa: E402
from service.extract import get_pipeline  # noqa: E402
from service.evaluate import evaluate  # noqa: E402
from service.settings import Settings  # noqa: E402

DEFAULT_GOLD = HERE.parent.parent / "shared" / "corpus" / "gold.jsonl"
WIDTH = 72
_BULLET = re.compile(r"^([ \t]*)(?:[-*•●▪◦·])[ \t]+", re.MULTILINE)
_HEADING = re.compile(r"^([A-Z][A-Za-z &/]{2,40})$", re.MULTILINE)
_LEAD_IN = re.compile(r"^([ \t]*(?:[-*•][ \t]+)?)([A-Z][A-Za-z /&]{2,30}):", re.MULTILINE)


def wrap(text: str) -> str:
    """Lines longer than ``WIDTH`` broken at spaces (never inside a word)."""
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(textwrap.wrap(line, WIDTH, break_on_hyphens=False, break_long_words=False)
                   if len(line) > WIDTH else [line])
    return "\n".join(out)


def bullets(text: str) -> str:
    return _BULLET.sub(lambda m: m[1] + "• ", text)


def flat(text: str) -> str:
    return " ".join(line.strip() for line in text.split("\n") if line.strip())


def upper(text: str) -> str:
    return _HEADING.sub(lambda m: m[1].upper(), text)


def markdown(text: str) -> str:
    return _LEAD_IN.sub(r"\1**\2**:", _HEADING.sub(r"## \1", text))


def spaced(text: str) -> str:
    return text.replace("\n", "\n\n")


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


LAYOUTS: dict[str, Callable[[str], str]] = {
    "original": lambda text: text, "wrap": wrap, "bullets": bullets, "flat": flat,
    "upper": upper, "markdown": markdown, "spaced": spaced, "crlf": crlf,
}


def relaid(gold: Path, half: str, layout: Callable[[str], str], into: Path) -> Path:
    """A gold file in ``into`` naming a copy of each labelled text document of ``half``, laid
    out by ``layout`` (``scope.txt`` copied along)."""
    into.mkdir(parents=True, exist_ok=True)
    scope = gold.parent / "scope.txt"
    if scope.exists():
        (into / "scope.txt").write_text(scope.read_text(encoding="utf-8"), encoding="utf-8")
    rows = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        source = gold.parent / row["doc"]
        if source.suffix != ".txt" or half != "both" and half != half_of(row["doc"]):
            continue
        name = row["doc"].replace("/", "_")
        (into / name).write_bytes(layout(source.read_text(encoding="utf-8")).encode("utf-8"))
        rows.append(json.dumps({**row, "doc": name}))
    (into / "gold.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return into / "gold.jsonl"


def measure(gold: Path, half: str, layouts: list[str]) -> dict[str, dict[str, dict[str, float]]]:
    """{layout: {kind: {precision, recall, f1, documents}}}."""
    pipeline, settings = get_pipeline(), Settings()
    out: dict[str, dict[str, dict[str, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in layouts:
            relaid_gold = relaid(gold, half, LAYOUTS[name], Path(tmp) / name)
            report = evaluate(relaid_gold, pipeline=pipeline, settings=settings)
            out[name] = {
                k.kind: {"precision": k.systems[0].micro.precision,
                         "recall": k.systems[0].micro.recall, "f1": k.systems[0].micro.f1,
                         "documents": k.documents}
                for k in report.kinds
            }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--half", choices=("dev", "confirm", "both"), default="dev")
    parser.add_argument("--layout", action="append", choices=sorted(LAYOUTS),
                        help="only these layouts (repeatable; original is always scored)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"robustness: no gold file at {args.gold}", file=sys.stderr)
        return 2
    layouts = ["original", *[n for n in (args.layout or LAYOUTS) if n != "original"]]
    results = measure(args.gold, args.half, layouts)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    base = results["original"]
    print(f"{args.gold} ({args.half}): micro precision / recall / F1 per layout")
    for name, kinds in results.items():
        cells = []
        for kind, m in kinds.items():
            delta = "" if name == "original" else (
                f" (F1 {m['f1'] - base[kind]['f1']:+.3f})")
            cells.append(f"{kind} {m['precision']:.3f} / {m['recall']:.3f} / "
                         f"{m['f1']:.3f}{delta}")
        print(f"  {name:9} " + "   ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
