"""Writes dashboard/assets/favicon.ico: the accent blue square with a white falling line (216 bytes).

Dash sends its own favicon (Plotly's logo, 5.6 KiB) unless the assets hold one; this one says
what the site is about and costs a request of a few hundred bytes. A PNG inside an ICO, written
with the standard library so the file can be made again without an image tool.

    .venv/bin/python tools/favicon.py
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

SIZE = 32
BLUE, WHITE = (0x00, 0x44, 0x88), (0xFF, 0xFF, 0xFF)  # style.css's --accent, and white
TARGET = Path(__file__).resolve().parents[1] / "dashboard" / "assets" / "favicon.ico"


def pixels() -> list[list[tuple[int, int, int] | None]]:
    """Rows of RGB (None: transparent): the square with rounded corners, a line falling left to right."""
    rows: list[list[tuple[int, int, int] | None]] = [[BLUE] * SIZE for _ in range(SIZE)]
    for x in range(5, 27):
        y = round(8 + (x - 5) * 16 / 22)
        for yy in (y - 1, y, y + 1):
            rows[yy][x] = WHITE
    for y in range(SIZE):
        for x in range(SIZE):
            cx, cy = min(x, SIZE - 1 - x), min(y, SIZE - 1 - y)
            if cx < 4 and cy < 4 and (4 - cx) ** 2 + (4 - cy) ** 2 > 17:
                rows[y][x] = None
    return rows


def png(rows: list[list[tuple[int, int, int] | None]]) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"".join(bytes((*p, 255)) if p else bytes(4) for p in row) for row in rows)
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


def ico(image: bytes) -> bytes:
    """One PNG image in an ICO container (every current browser reads it)."""
    return struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 22) + image


if __name__ == "__main__":
    data = ico(png(pixels()))
    TARGET.write_bytes(data)
    print(f"{TARGET.relative_to(TARGET.parents[2])}: {len(data)} bytes")
