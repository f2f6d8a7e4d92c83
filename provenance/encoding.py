"""Reading article files in whatever encoding they came in.

Relayed articles arrive as UTF-8, but also as GBK/GB18030 (mainland Chinese sites), Big5
(Taiwan, Hong Kong), EUC-KR/CP949 (Korean), Windows-1251 (Ukrainian, Russian) and UTF-16
with a byte-order mark (Windows tools). ``read_text(path)`` returns the decoded text or
raises ``BadInput`` naming the file when it is empty, binary or in no encoding we can
tell.

Detection looks at the head of the file only (charset-normalizer on a sample), so a
50 MB file costs one read and one decode, never a full-file statistical scan.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from provenance.errors import BadInput

#: Bytes charset-normalizer looks at. Large enough for a reliable guess on short legacy
#: multi-byte texts, small enough to be instant.
SAMPLE_BYTES = 64 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_text(path: str | Path) -> str:
    """The text of a file, decoded, with a BOM removed and newlines normalised to ``\\n``."""
    path = Path(path)
    data = path.read_bytes()
    return decode(data, name=str(path))


def decode(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode bytes of unknown encoding; ``name`` is used in error messages."""
    if not data.strip():
        raise BadInput(f"{name}: empty file")
    encoding = detect_encoding(data, name=name)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        # The head looked like one encoding, the body is not: try the whole file once.
        encoding = _guess(data, name=name, sample=False)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise BadInput(f"{name}: cannot decode as {encoding} ({exc.reason} at byte "
                           f"{exc.start})") from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BadInput(f"{name}: empty file")
    return text


def detect_encoding(data: bytes, *, name: str = "<bytes>") -> str:
    """The Python codec name for ``data``: BOM, else strict UTF-8, else charset-normalizer."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    head = data[:SAMPLE_BYTES]
    if b"\x00" in head:
        # Text without a BOM has no NUL bytes, except BOM-less UTF-16/32, which we accept
        # only when the detector is sure; anything else is a binary file.
        guess = _guess(head, name=name, sample=True)
        if guess.replace("_", "-").startswith(("utf-16", "utf-32")):
            return guess
        raise BadInput(f"{name}: binary file, not text")
    if _is_utf8(data):
        return "utf-8"
    return _guess(data, name=name, sample=True)


def _is_utf8(data: bytes) -> bool:
    try:
        # Checking the head first keeps the common failure (a legacy-encoded file) cheap.
        data[:SAMPLE_BYTES].decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the sample's end is not a failure.
        if exc.start < len(data[:SAMPLE_BYTES]) - 4:
            return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _guess(data: bytes, *, name: str, sample: bool) -> str:
    import charset_normalizer

    chunk = data[:SAMPLE_BYTES] if sample else data
    best = charset_normalizer.from_bytes(chunk).best()
    if best is None:
        raise BadInput(f"{name}: binary file or unknown text encoding")
    return str(best.encoding)
