"""A faster pdfminer page aggregator: the same ``LTChar`` objects, built with less overhead.

pdfminer spends a third of a text-only page in ``render_char``: per character it looks the
glyph's text and width up again (with a debug-log call per lookup), builds the text matrix,
and constructs an ``LTChar`` through four nested ``__init__`` calls and ``apply_matrix_rect``.
``FastPageAggregator`` caches the per-(font, cid) lookups for the document and fills each
``LTChar`` directly with the very same arithmetic, so the layout analysis that follows sees
bit-identical boxes. Vertical fonts take pdfminer's own path.
"""

from __future__ import annotations

from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined

_new_char = LTChar.__new__


class FastPageAggregator(PDFPageAggregator):
    """``PDFPageAggregator`` whose horizontal text rendering skips pdfminer's per-char overhead."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._glyphs: dict[tuple[PDFFont, int], tuple[str, float]] = {}
        self._descents: dict[PDFFont, float] = {}

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
