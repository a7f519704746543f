"""Ranking quality on the labelled corpus: does the score order people the way a recruiter would?

``python bench/ranking.py [--corpus ../shared/corpus] [--half dev|confirm|both] [--json]`` reports,
for each half of the corpus:

- the ML-engineer profile AUC: the chance an ``ml`` resume outscores an ``other`` one;
- for each ``ml`` posting, the AUC of ranking that half's resumes by their score against the posting
  (what ``skillmatch batch --job`` does), next to the dictionary-overlap baseline: the count of the
  posting's dictionary skills (``DictionaryMatcher``) that the resume also contains.

Halves: ``dev`` = the old documents (001-0xx) and the ODD-numbered new ones (201, 203, ...);
``confirm`` = the EVEN-numbered new ones, kept unseen while tuning. ``--bands`` prints the band
thresholds (``service/scoring/bands.py``) that every labelled resume gives. Documents are read
through the document reader (PDFs included); one that cannot be read is skipped and named.
``--cache DIR`` keeps the extractions between runs for quick iteration (keyed by file content,
the taxonomy files and the reading and extraction code).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from service import __version__  # noqa: E402
from service.errors import SkillmatchError  # noqa: E402
from service.evaluate import DictionaryMatcher  # noqa: E402
from service.evaluation_metrics import auc  # noqa: E402
from service.context import AnalysisContext  # noqa: E402
from service.documents.files import read_path  # noqa: E402
from service.models import Extraction  # noqa: E402
from service.settings import Settings  # noqa: E402

DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"
PROFILE = "ml-engineer"


def half_of(doc: str) -> str:
    """``dev`` for old documents and odd-numbered new ones, ``confirm`` for even new ones."""
    number = int(Path(doc).stem)
    return "dev" if number < 200 or number % 2 else "confirm"


@dataclass
class Resume:
    doc: str
    group: str
    extraction: Extraction
    words: frozenset[str]  # dictionary skills found in the text (folded names)


@dataclass
class HalfResult:
    name: str
    resumes: int
    profile_auc: float | None
    postings: list[dict] = field(default_factory=list)

    @property
    def mean_posting_auc(self) -> float | None:
        values = [p["auc"] for p in self.postings]
        return statistics.fmean(values) if values else None

    @property
    def mean_baseline_auc(self) -> float | None:
        values = [p["baseline"] for p in self.postings]
        return statistics.fmean(values) if values else None


@lru_cache(maxsize=1)
def analysis() -> AnalysisContext:
    """The context of the configured taxonomy (``SKILLMATCH_*`` settings apply), built once."""
    return AnalysisContext.from_settings(Settings())


@lru_cache(maxsize=1)
def _code_digest() -> bytes:
    """The taxonomy files and the reading / extraction code: a change to any of them (a title
    form changes how positions are read) invalidates the cached extractions."""
    root = HERE.parent
    digest = hashlib.sha256(f"{__version__}|{analysis().taxonomy.version}".encode())
    files = [*sorted(Path(analysis().settings.taxonomy_dir or root / "taxonomy").rglob("*.yaml")),
             *sorted((root / "service" / "documents").rglob("*.py")),
             *sorted((root / "service" / "extract").rglob("*.py"))]
    for file in files:
        digest.update(file.read_bytes())
    return digest.digest()


def _extraction(path: Path, cache: Path | None) -> Extraction:
    data = path.read_bytes()
    key = hashlib.sha256(data + _code_digest()).hexdigest()
    cached = cache / f"{key[:24]}.json" if cache else None
    if cached is not None and cached.exists():
        return Extraction.model_validate_json(cached.read_text(encoding="utf-8"))
    context = analysis()
    extraction = context.extract(read_path(path, settings=context.settings,
                                           vocabulary=context.vocabulary))
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(extraction.model_dump_json(), encoding="utf-8")
    return extraction


def load(corpus: Path, cache: Path | None) -> tuple[list[Resume], list[dict], list[str]]:
    """The resumes (extracted), the ``ml`` postings (with their text) and the docs skipped."""
    matcher = DictionaryMatcher(analysis().taxonomy)
    resumes: list[Resume] = []
    postings: list[dict] = []
    skipped: list[str] = []
    for line in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("group") not in {"ml", "other"}:
            continue
        try:
            extraction = _extraction(corpus / row["doc"], cache)
        except SkillmatchError as exc:
            skipped.append(f"{row['doc']}: {exc.message}")
            continue
        if row["kind"] == "resume":
            resumes.append(Resume(row["doc"], row["group"], extraction,
                                  frozenset(matcher.find(extraction.text).found)))
        elif row["group"] == "ml":
            postings.append({"doc": row["doc"], "extraction": extraction,
                             "words": frozenset(matcher.find(extraction.text).found)})
    return resumes, postings, skipped


def measure(name: str, resumes: list[Resume], postings: list[dict]) -> HalfResult:
    """Profile AUC and per-posting AUCs (with the dictionary-overlap baseline) for one half."""
    from service.scoring import resume_facts, score_facts

    context = analysis()
    facts = [resume_facts(r.extraction, context.taxonomy) for r in resumes]
    profile = context.profile(PROFILE)
    ml = [r.group == "ml" for r in resumes]

    def split(values: list[float]) -> tuple[list[float], list[float]]:
        return ([v for v, m in zip(values, ml, strict=True) if m],
                [v for v, m in zip(values, ml, strict=True) if not m])

    scores = [score_facts(f, profile).score for f in facts]
    result = HalfResult(name, len(resumes), auc(*split(scores)) if any(ml) and not all(ml)
                        else None)
    for posting in postings:
        job = context.parse_job(posting["extraction"].text, extraction=posting["extraction"])
        ours = [score_facts(f, job).score for f in facts]
        overlap = [float(len(posting["words"] & r.words)) for r in resumes]
        result.postings.append({"doc": posting["doc"], "title": job.title,
                                "auc": auc(*split(ours)), "baseline": auc(*split(overlap))})
    result.profile_scores = scores  # type: ignore[attr-defined]
    return result


def thresholds(scores: list[tuple[float, bool]], share: float = 0.9,
               least: int = 5) -> tuple[float, float]:
    """(weak below, strong from): the lowest whole score at or above which at least ``share`` of
    the resumes are ``ml`` (``least`` resumes at least), and the highest whole score below which
    at least ``share`` are not. ``scores``: (score, is_ml) pairs."""
    strong = weak = None
    for t in range(0, 101):
        above = [m for s, m in scores if s >= t]
        if strong is None and len(above) >= least and sum(above) >= share * len(above):
            strong = float(t)
        below = [not m for s, m in scores if s < t]
        if len(below) >= least and sum(below) >= share * len(below):
            weak = float(t)
    strong = strong if strong is not None else 100.0
    weak = min(weak if weak is not None else 0.0, strong)
    return weak, strong


def bands(resumes: list[Resume], postings: list[dict]) -> dict[str, tuple[float, float]]:
    """Band thresholds for the profile and for postings, from every labelled resume."""
    from service.scoring import resume_facts, score_facts

    context = analysis()
    facts = [resume_facts(r.extraction, context.taxonomy) for r in resumes]
    ml = [r.group == "ml" for r in resumes]
    profile = context.profile(PROFILE)
    profile_scores = [(score_facts(f, profile).score, m) for f, m in zip(facts, ml, strict=True)]
    job_scores = []
    for posting in postings:
        job = context.parse_job(posting["extraction"].text, extraction=posting["extraction"])
        job_scores += [(score_facts(f, job).score, m) for f, m in zip(facts, ml, strict=True)]
    out = {}
    for kind, scores in (("profile", profile_scores), ("job", job_scores)):
        weak, strong = thresholds(scores)
        above = [m for v, m in scores if v >= strong]
        below = [not m for v, m in scores if v < weak]
        out[kind] = (weak, strong, len(above), sum(above), len(below), sum(below), len(scores))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--half", choices=["dev", "confirm", "both"], default="dev")
    parser.add_argument("--cache", type=Path, default=None,
                        help="directory to keep extractions in between runs")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--verbose", action="store_true", help="list every resume's score")
    parser.add_argument("--bands", action="store_true",
                        help="print the band thresholds the labelled resumes give")
    args = parser.parse_args(argv)
    if not (args.corpus / "gold.jsonl").exists():
        print(f"{args.corpus}: no gold.jsonl", file=sys.stderr)
        return 2
    resumes, postings, skipped = load(args.corpus, args.cache)
    if args.bands:
        for kind, (weak, strong, n_up, ml_up, n_low, other_low, n) in bands(
                resumes, postings).items():
            print(f"{kind}: weak below {weak:g} ({other_low} of {n_low} are other), strong from "
                  f"{strong:g} ({ml_up} of {n_up} are ml); {n} scores")
        return 0
    halves = ["dev", "confirm"] if args.half == "both" else [args.half]
    results = [measure(h, [r for r in resumes if half_of(r.doc) == h],
                       [p for p in postings if half_of(p["doc"]) == h]) for h in halves]
    if args.json:
        print(json.dumps({"skipped": skipped, "halves": [
            {"half": r.name, "resumes": r.resumes, "profile_auc": r.profile_auc,
             "mean_posting_auc": r.mean_posting_auc, "mean_baseline_auc": r.mean_baseline_auc,
             "postings": r.postings} for r in results]}, indent=2))
        return 0
    for line in skipped:
        print(f"skipped {line}")
    for r in results:
        print(f"\n== {r.name}: {r.resumes} resumes, {len(r.postings)} ml postings")
        print(f"profile {PROFILE} AUC: {r.profile_auc:.3f}")
        if args.verbose:
            rows = sorted(zip(r.profile_scores, [x for x in resumes if half_of(x.doc) == r.name],
                              strict=True), key=lambda t: -t[0])
            for value, resume in rows:
                print(f"  {value:5.1f} {resume.group:5} {resume.doc}")
        for p in r.postings:
            print(f"  {p['doc']:14} auc {p['auc']:.3f}  overlap {p['baseline']:.3f}  "
                  f"{p['title'][:50]}")
        if r.postings:
            print(f"mean posting AUC {r.mean_posting_auc:.3f} (overlap baseline "
                  f"{r.mean_baseline_auc:.3f}); worst {min(p['auc'] for p in r.postings):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
