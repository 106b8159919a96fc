"""Just enough PDF reading to look at each page of a PDF that Chromium printed: how much text it
holds and how far down the page its content reaches (no PDF library in the environment).

Chromium (Skia) writes each page as a `/Type /Page` object whose `/Contents` is one Flate stream;
text is shown with `Tj`/`TJ` on glyph ids written as hex strings (4 hex digits a glyph), placed
with `Tm`, and everything else drawn inside `cm` transforms.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


@dataclass(frozen=True)
class PdfPage:
    glyphs: int  # characters of text shown on the page
    content_bytes: int  # size of the page's drawing instructions (text, lines, fills)
    stream: str


def _objects(pdf: bytes) -> dict[int, bytes]:
    return {int(m.group(1)): m.group(2) for m in OBJECT.finditer(pdf)}


def _content(obj: bytes) -> bytes:
    found = STREAM.search(obj)
    if found is None:
        return b""
    data = found.group(1)
    return zlib.decompress(data) if b"/FlateDecode" in obj[: found.start()] else data


def pdf_pages(pdf: bytes) -> list[PdfPage]:
    """The pages in order (the page tree's /Kids), each with its text and drawing amounts."""
    objects = _objects(pdf)
    root = next(body for body in objects.values() if re.search(rb"/Type\s*/Pages\b", body))
    kids = [int(n) for n in re.findall(rb"(\d+) 0 R", re.search(rb"/Kids\s*\[(.*?)\]", root, re.S).group(1))]
    pages = []
    for kid in kids:
        contents = re.search(rb"/Contents\s*(\d+) 0 R", objects[kid])
        stream = _content(objects[int(contents.group(1))]) if contents else b""
        glyphs = sum(len(h) // 4 for h in re.findall(rb"<([0-9A-Fa-f]*)>", stream))
        pages.append(PdfPage(glyphs, len(stream), stream.decode("latin-1")))
    return pages
