"""Scanned resume → full report through the sandbox pool, seconds per page, against Tesseract
alone on the same rendered page. Not an area of ``bench/run.py`` (CI's quick run has no OCR
engine to count on): ``python -m bench.ocr [--rounds N]`` prints the figure for
``bench/RESULTS.md``."""

from __future__ import annotations

import argparse
import sys
import time

from .common import REPO, median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "tests"))
    import resume_builders as rb

    from service.context import AnalysisContext
    from service.documents import ocr, parse_bytes
    from service.settings import get_settings

    if not ocr.available():
        raise SystemExit("OCR is not installed here: " + ocr.INSTALL_HINT)
    scans = {"clean": rb.image_pdf(rb.page_image()),
             "phone": rb.image_pdf(rb.page_image(shade=True, blur=1.0, skew=1.5,
                                                 jpeg_quality=40, noise=0.2))}
    settings = get_settings()
    context = AnalysisContext.from_settings(settings)

    def analyze_document(document):
        return context.analyze(document)

    def read(data: bytes):
        return parse_bytes(data, "scan.pdf", settings=settings, vocabulary=context.vocabulary)

    analyze_document(read(scans["clean"]))  # workers and pipeline warm
    for name, data in scans.items():
        ours, bare = [], []
        image = ocr.render_pages(data, [1])[0]
        for _ in range(args.rounds):
            start = time.perf_counter()
            extraction, _report = analyze_document(read(data))
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            ocr.recognise(image, settings.ocr_page_timeout_s, 1)
            bare.append(time.perf_counter() - start)
        found = {hit.id for hit in extraction.skills if hit.explicit} & rb.SKILL_IDS
        print(f"{name}: scanned 1-page resume -> full report (sandbox pool): "
              f"{median(ours):.2f} s/page; tesseract alone on the rendered page "
              f"{median(bare):.2f} s; ratio {median(ours) / median(bare):.2f}x; "
              f"{len(found)}/{len(rb.SKILL_IDS)} listed skills; median of {args.rounds}")


if __name__ == "__main__":
    main()
