"""What one PDF may cost (the settings are listed in ``pdf.py``'s docstring), and the check of
its compressed streams, which runs on the file's bytes before pdfium parses any of them."""

from __future__ import annotations

import dataclasses
import os
import re
import zlib
from dataclasses import dataclass

from ..errors import IngestError

__all__ = ["Limits", "check_inflated", "limit_error"]


@dataclass(frozen=True)
class Limits:
    """What one file may cost; ``Limits.from_env()`` reads the ``NAMNDKOLL_MAX_*`` settings."""

    page_chars: int = 500_000
    table_chars: int = 30_000
    ocr_pixels: int = 40_000_000
    inflated_mb: int = 256
    page_seconds: float = 120.0
    file_seconds: float = 1800.0

    @classmethod
    def from_env(cls, **overrides: float) -> Limits:
        values: dict[str, float] = {}
        for f in dataclasses.fields(cls):
            env = os.environ.get(f"NAMNDKOLL_MAX_{f.name.upper()}")
            if env:
                try:
                    number = float(env)
                    values[f.name] = int(number) if f.type in ("int", int) else number
                except ValueError:
                    raise IngestError(f"NAMNDKOLL_MAX_{f.name.upper()}={env!r} is not a number: "
                                      "set it to a number or unset it") from None
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]


def limit_error(what: str, setting: str, value: float) -> IngestError:
    return IngestError(f"{what} (limit {value:g}, NAMNDKOLL_MAX_{setting}): if the file is genuine, "
                       f"raise NAMNDKOLL_MAX_{setting} and ingest it again")


# ---- compressed streams -----------------------------------------------------------------

_STREAM = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")


def check_inflated(data: bytes, cap_mb: float) -> None:
    """Inflate every Flate stream that pdfium would parse (images are decoded only when drawn)
    in pieces, counting the bytes and keeping none, and stop at ``cap_mb`` megabytes."""
    cap = cap_mb * 1024 * 1024
    total = 0
    view = memoryview(data)
    for m in _STREAM.finditer(data):
        head_from = max(0, m.start() - 4096)
        objs = list(_OBJ.finditer(data, head_from, m.start()))
        head = data[objs[-1].end() if objs else head_from:m.start()]
        layers = head.count(b"/FlateDecode")
        if not layers or re.search(rb"/Subtype\s*/Image", head):
            continue
        length = _LENGTH.search(head)
        end = m.end() + int(length.group(1)) if length else data.find(b"endstream", m.end())
        if end <= m.end():
            continue
        total += _inflated_size(view[m.end():min(end, len(data))], min(layers, 2), cap - total)
        if total > cap:
            raise limit_error(f"compressed streams inflate to more than {cap_mb:g} MB (a \"flate bomb\"?)",
                         "INFLATED_MB", cap_mb)


def _inflated_size(stream: memoryview, layers: int, budget: float) -> int:
    """Bytes ``stream`` inflates to through ``layers`` Flate filters, counting stops past ``budget``."""
    decoders = [zlib.decompressobj() for _ in range(layers)]
    size = 0
    try:
        for i in range(0, len(stream), 1 << 16):
            pending = [bytes(stream[i:i + (1 << 16)])]
            for d in decoders:
                out = []
                for piece in pending:
                    out.append(d.decompress(piece, 1 << 20))
                    while d.unconsumed_tail:
                        out.append(d.decompress(d.unconsumed_tail, 1 << 20))
                        if d is decoders[-1]:
                            size += sum(len(o) for o in out)
                            out = []
                            if size > budget:
                                return size
                pending = out
            size += sum(len(p) for p in pending)
            if size > budget:
                return size
    except zlib.error:
        pass  # a stream we cannot inflate is pdfium's to judge, not a bomb
    return size
