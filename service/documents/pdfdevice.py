"""A faster pdfminer page aggregator: the same ``LTChar`` objects, built with less overhead.

pdfminer spends a third of a text-only page in ``render_char``: per character it looks the
glyph's text and width up again (with a debug-log call per lookup), builds the text matrix,
and constructs an ``LTChar`` through four nested ``__init__`` calls and ``apply_matrix_rect``.
``FastPageAggregator`` caches the per-(font, cid) lookups for the document and fills each
``LTChar`` directly with the very same arithmetic, so the layout analysis that follows sees
bit-identical boxes. Vertical fonts take pdfminer's own path.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import (
    LAParams,
    LTAnno,
    LTChar,
    LTComponent,
    LTPage,
    LTTextLine,
    LTTextLineHorizontal,
)
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.utils import apply_matrix_rect, fsplit

_new_char = LTChar.__new__


class FastPage(LTPage):
    """``LTPage`` whose characters → horizontal lines step (``group_objects``) is pdfminer's
    algorithm with the per-pair method calls inlined. With ``boxes_flow=None`` (the reader
    orders lines itself) the lines are the page's items: pdfminer's grouping of lines into
    text boxes, which nothing downstream uses, is skipped."""

    def analyze(self, laparams: LAParams) -> None:
        if laparams.boxes_flow is not None or laparams.detect_vertical:
            super().analyze(laparams)
            return
        chars, others = fsplit(lambda obj: isinstance(obj, LTChar), self)
        for obj in others:
            obj.analyze(laparams)
        if not chars:
            return
        lines: list[LTComponent] = list(self.group_objects(laparams, chars))
        for line in lines:
            line.analyze(laparams)
        self._objs = lines + others

    def group_objects(self, laparams: LAParams,
                      objs: Iterable[LTComponent]) -> Iterator[LTTextLine]:
        if laparams.detect_vertical:
            yield from super().group_objects(laparams, objs)
            return
        yield from group_chars(objs, laparams.line_overlap, laparams.char_margin,
                               laparams.word_margin)


# Inside form XObjects (Canva, some HTML-to-PDF printers) every glyph is placed on its own and
# the tracking is often wider than pdfminer's word margin (0.1 of the glyph's height): a word
# gap there is a space glyph or a gap of at least a fifth of the font size. Justified text
# there is spread by placing glyphs, not by wider spaces: a line holds glyphs up to 4 glyph
# widths apart (each form is one text box, so no second column shares its baselines).
FIGURE_WORD_MARGIN = 0.2
FIGURE_CHAR_MARGIN = 4.0


def figure_lines(chars: Iterable[LTChar], laparams: LAParams) -> list[LTTextLine]:
    """Text lines (with word spaces) from the loose characters pdfminer leaves in an
    ``LTFigure`` (text drawn inside a form XObject): upright characters only, grouped in
    drawing order as the page's own characters are."""
    upright = [char for char in chars
               if char.upright and abs(char.matrix[1]) < 1e-6 and abs(char.matrix[2]) < 1e-6]
    if not upright:
        return []
    lines = list(group_chars(upright, laparams.line_overlap,
                             max(laparams.char_margin, FIGURE_CHAR_MARGIN),
                             max(laparams.word_margin, FIGURE_WORD_MARGIN)))
    for line in lines:
        line.analyze(laparams)
    return lines


def group_chars(objs: Iterable[LTComponent], overlap: float, char_margin: float,
                word_margin: float) -> Iterator[LTTextLine]:
    """pdfminer's ``LTLayoutContainer.group_objects`` for horizontal text, with the per-pair
    method calls inlined: consecutive characters on one baseline, close enough, form a line."""
    obj0: LTComponent | None = None
    line: _LineBuilder | None = None
    for obj1 in objs:
        if obj0 is not None:
            # pdfminer's halign: is_voverlap, voverlap, hdistance of obj0 and obj1
            halign = False
            if obj1.y0 <= obj0.y1 and obj0.y0 <= obj1.y1:
                if min(obj0.height, obj1.height) * overlap < min(
                        abs(obj0.y0 - obj1.y1), abs(obj0.y1 - obj1.y0)):
                    if obj1.x0 <= obj0.x1 and obj0.x0 <= obj1.x1:
                        distance: float = 0
                    else:
                        distance = min(abs(obj0.x0 - obj1.x1), abs(obj0.x1 - obj1.x0))
                    halign = distance < max(obj0.width, obj1.width) * char_margin
            if halign and line is not None:
                line.add(obj1)
            elif line is not None:
                yield line.finish()
                line = None
            elif halign:
                line = _LineBuilder(word_margin)
                line.add(obj0)
                line.add(obj1)
            else:
                single = _LineBuilder(word_margin)
                single.add(obj0)
                yield single.finish()
        obj0 = obj1
    if line is None:
        line = _LineBuilder(word_margin)
        assert obj0 is not None
        line.add(obj0)
    yield line.finish()


class _LineBuilder:
    """Collects an ``LTTextLineHorizontal`` as its ``add`` would (word-gap ``LTAnno(" ")``,
    growing box) and sets the box once at the end."""

    __slots__ = ("last_x1", "line", "objs", "word_margin", "x0", "x1", "y0", "y1")

    def __init__(self, word_margin: float) -> None:
        self.line = LTTextLineHorizontal(word_margin)
        self.objs = self.line._objs
        self.word_margin = word_margin
        self.last_x1 = self.x0 = self.y0 = float("inf")
        self.x1 = self.y1 = float("-inf")

    def add(self, obj: LTComponent) -> None:
        if isinstance(obj, LTChar) and self.word_margin:
            if self.last_x1 < obj.x0 - self.word_margin * max(obj.width, obj.height):
                self.objs.append(LTAnno(" "))
        self.last_x1 = obj.x1
        self.objs.append(obj)
        self.x0 = min(self.x0, obj.x0)
        self.y0 = min(self.y0, obj.y0)
        self.x1 = max(self.x1, obj.x1)
        self.y1 = max(self.y1, obj.y1)

    def finish(self) -> LTTextLineHorizontal:
        self.line._x1 = self.last_x1
        self.line.set_bbox((self.x0, self.y0, self.x1, self.y1))
        return self.line


class FastPageAggregator(PDFPageAggregator):
    """``PDFPageAggregator`` whose horizontal text rendering skips pdfminer's per-char overhead."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._glyphs: dict[tuple[PDFFont, int], tuple[str, float]] = {}
        self._descents: dict[PDFFont, float] = {}

    def begin_page(self, page: Any, ctm: Any) -> None:
        (x0, y0, x1, y1) = apply_matrix_rect(ctm, page.mediabox)
        self.cur_item = FastPage(self.pageno, (0, 0, abs(x0 - x1), abs(y0 - y1)))

    def _glyph(self, font: PDFFont, cid: int) -> tuple[str, float]:
        """(text, width) of ``cid`` in ``font``, looked up once per document."""
        key = (font, cid)
        glyph = self._glyphs.get(key)
        if glyph is None:
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = self.handle_undefined_char(font, cid)
            glyph = self._glyphs[key] = (text, font.char_width(cid))
        return glyph

    def render_string_horizontal(self, seq: Any, matrix: Any, pos: Any, font: PDFFont,
                                 fontsize: float, scaling: float, charspace: float,
                                 wordspace: float, rise: float, dxscale: float, ncs: Any,
                                 graphicstate: Any) -> Any:
        """pdfminer's ``render_string_horizontal`` + ``render_char`` + ``LTChar.__init__``,
        fused (same arithmetic in the same order)."""
        if font.is_vertical():
            return super().render_string_horizontal(
                seq, matrix, pos, font, fontsize, scaling, charspace, wordspace, rise, dxscale,
                ncs, graphicstate)
        (x, y) = pos
        (a, b, c, d, e, f) = matrix
        upright = a * d * scaling > 0 and b * c <= 0
        fontname = font.fontname
        descent = self._descents.get(font)
        if descent is None:
            descent = self._descents[font] = font.get_descent()
        by0 = descent * fontsize + rise
        by1 = by0 + fontsize
        # apply_matrix_rect of the glyph box (0, by0, adv, by1): the terms that do not depend on
        # the glyph, each computed as pdfminer computes it (a * 0 + c * by0, ...)
        cb0, cb1, db0, db1 = c * by0, c * by1, d * by0, d * by1
        left_b0, left_b1 = a * 0 + cb0, a * 0 + cb1
        bottom_b0, bottom_b1 = b * 0 + db0, b * 0 + db1
        glyphs = self._glyphs
        add = self.cur_item.add
        needcharspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    glyph = glyphs.get((font, cid)) or self._glyph(font, cid)
                    text, textwidth = glyph
                    ex = x * a + y * c + e
                    ey = x * b + y * d + f
                    adv = textwidth * fontsize * scaling
                    aa, ba = a * adv, b * adv
                    left1, left2 = left_b0 + ex, left_b1 + ex
                    right1, right2 = aa + cb0 + ex, aa + cb1 + ex
                    bottom1, top2 = bottom_b0 + ey, bottom_b1 + ey
                    bottom2, top1 = ba + db0 + ey, ba + db1 + ey
                    x0 = min(left1, left2, right1, right2)
                    y0 = min(bottom1, bottom2, top1, top2)
                    x1 = max(left1, left2, right1, right2)
                    y1 = max(bottom1, bottom2, top1, top2)
                    item = _new_char(LTChar)
                    item._text = text
                    item.matrix = (a, b, c, d, ex, ey)
                    item.fontname = fontname
                    item.ncs = ncs
                    item.graphicstate = graphicstate
                    item.adv = adv
                    item.upright = upright
                    item.x0 = x0
                    item.y0 = y0
                    item.x1 = x1
                    item.y1 = y1
                    item.width = x1 - x0
                    item.height = item.size = y1 - y0
                    item.bbox = (x0, y0, x1, y1)
                    add(item)
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
            else:
                super().render_string_horizontal(
                    [obj], matrix, (x, y), font, fontsize, scaling, charspace, wordspace, rise,
                    dxscale, ncs, graphicstate)
        return (x, y)
