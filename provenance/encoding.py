"""Reading article files in whatever encoding they came in, stray bytes and all.

Relayed articles arrive as UTF-8, but also as GBK/GB18030 (mainland Chinese sites), Big5
(Taiwan, Hong Kong), EUC-KR/CP949 (Korean), Windows-1251 (Ukrainian, Russian), Windows-1252
(Western Europe) and UTF-16 with a byte-order mark (Windows tools). Files scraped at
scale also carry damage: a stray byte in otherwise valid UTF-8, a character cut in half,
a NUL or an escape sequence. ``decode_bytes`` returns the text with every byte that is
not text replaced by U+FFFD and counted (:class:`Decoded`), so the caller can say how
many; ``read_text``/``decode`` return the text alone and warn when bytes were replaced.
Empty, binary and undecodable input raises ``BadInput`` naming the file.

The order of the guesses is the point:

1. a byte-order mark, or NUL bytes that charset-normalizer reads as BOM-less UTF-16/32;
2. binary: more than 5% control bytes at the head;
3. strict UTF-8;
4. UTF-8 with a few stray bytes: valid multi-byte characters outnumber the invalid bytes
   at least 2 to 1 (legacy CJK and Cyrillic text read as UTF-8 gives the reverse ratio,
   about 1 valid to 4 invalid), so a Chinese article with one bad byte is not lost;
5. mostly-ASCII text whose few other bytes read as Windows-1252 letters and punctuation
   where a Western European text would have them (no "Ã©" after a lower-case letter);
6. charset-normalizer on the head, trusted only with enough evidence (8 or more
   non-ASCII bytes: on two stray bytes it will name some DOS code page, whose letters
   would be mojibake) and when the result reads as text (random bytes decode in any
   single-byte code page, as symbols);
7. UTF-8 with replacement, when the damage is small (at most 8 bytes or 1%).

A file whose byte-order mark names an encoding its bytes then break more than that is
"cannot decode", not silently half replaced.

Detection looks at the head of the file only (charset-normalizer on a sample), so a
50 MB file costs one read and a few linear passes, never a full-file statistical scan.
"""

from __future__ import annotations

import codecs
import re
import threading
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path

from provenance.errors import BadInput, RepairedInput

#: Bytes charset-normalizer looks at. Large enough for a reliable guess on short legacy
#: multi-byte texts, small enough to be instant.
SAMPLE_BYTES = 64 * 1024

#: Share of control bytes (other than tab, newlines, form feed) above which a head is
#: binary. Text has none; compressed or image data has about one in eight.
BINARY_CONTROL_SHARE = 0.05

#: Non-ASCII bytes needed before a statistical guess of a legacy encoding is trusted.
MIN_LEGACY_EVIDENCE = 8

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# Characters that are never article text and can drive a terminal (escape sequences,
# C1 controls such as CSI); tab, newlines, vertical tab and form feed stay.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_WESTERN_LETTERS = frozenset("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŒŠŽŸ"
                             "àáâãäåæçèéêëìíîïñòóôõöøùúûüýßœšž")
_WESTERN_MARKS = frozenset("\u00a0‘’‚“”„–—…•«»·°€£§©®™¡¿ºª×")
_REPLACE = "provenance.count"
_tally = threading.local()


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    _tally.bytes += exc.end - exc.start
    return "\ufffd", exc.end


codecs.register_error(_REPLACE, _count_and_replace)


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the codec that read it and how many stray bytes became U+FFFD."""

    text: str
    encoding: str
    replaced: int = 0

    def problem(self) -> str | None:
        """One line for the user when bytes were replaced, else None."""
        if not self.replaced:
            return None
        plural = "s" if self.replaced > 1 else ""
        return (f"{self.replaced} stray byte{plural} replaced with U+FFFD "
                f"(text read as {self.encoding})")


def read_text(path: str | Path) -> str:
    """The text of a file, decoded, with a BOM removed and newlines normalised to ``\\n``;
    a :class:`RepairedInput` warning says how many stray bytes were replaced."""
    return _warned(read_decoded(path), str(path))


def decode(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode bytes of unknown encoding (see :func:`read_text`); ``name`` is used in
    messages."""
    return _warned(decode_bytes(data, name=name), name)


def read_decoded(path: str | Path) -> Decoded:
    """:func:`decode_bytes` on a file's content."""
    path = Path(path)
    return decode_bytes(path.read_bytes(), name=str(path))


def decode_bytes(data: bytes, *, name: str = "<bytes>", declared: str | None = None) -> Decoded:
    """Decode bytes of unknown encoding; stray bytes are replaced and counted.

    ``declared`` is an encoding the container names (an HTML ``<meta charset>``): used
    when the bytes agree with it, ignored when they do not.
    """
    if not data.strip():
        raise BadInput(f"{name}: empty file")
    decoded = _decode(data, name, declared)
    text, controls = scrub_controls(decoded.text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.replace("\ufffd", "").strip():
        raise BadInput(f"{name}: empty file" if not text.strip()
                       else f"{name}: binary file or unknown text encoding")
    return Decoded(text, decoded.encoding, decoded.replaced + controls)


def scrub_controls(text: str) -> tuple[str, int]:
    """``text`` with control characters that are never article text (escape sequences,
    NUL, C1 controls) replaced by U+FFFD, and how many there were."""
    return _CONTROL_CHARS.subn("\ufffd", text)


def detect_encoding(data: bytes, *, name: str = "<bytes>") -> str:
    """The Python codec name that reads ``data`` best (see the module's guessing order)."""
    return _decode(data, name, None).encoding


# -- the guesses ------------------------------------------------------------------------

def _decode(data: bytes, name: str, declared: str | None) -> Decoded:
    tolerated = max(MIN_LEGACY_EVIDENCE, len(data) // 100)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _within(_lenient(data, encoding), tolerated, len(data), name)
    head = data[:SAMPLE_BYTES]
    if b"\x00" in head and (wide := _wide_unicode(head, name)):
        return _within(_lenient(data, wide), tolerated, len(data), name)
    if len(_CONTROL_BYTES.findall(head)) > BINARY_CONTROL_SHARE * len(head):
        raise BadInput(f"{name}: binary file, not text")
    if declared and (found := _as_declared(data, declared)):
        return found
    if _is_utf8(data):
        return Decoded(data.decode("utf-8"), "utf-8")
    utf8 = _lenient(data, "utf-8")
    valid_multibyte = sum(1 for ch in utf8.text if ch > "\x7f") - utf8.text.count("\ufffd")
    if valid_multibyte >= 2 * utf8.replaced:
        return utf8
    high = sum(1 for byte in head if byte > 0x7F)
    # Latin-script text has a minority of non-ASCII bytes; Cyrillic, Greek or CJK most.
    if high < 0.3 * len(head) and (western := _plausible_western(data)):
        return western
    if high >= MIN_LEGACY_EVIDENCE:
        guessed = _lenient(data, _guess(head, name))
        if guessed.replaced > tolerated and len(data) > SAMPLE_BYTES:
            # The head looked like one encoding, the body is not: guess on all of it.
            guessed = _lenient(data, _guess(data, name))
        if guessed.replaced <= tolerated and _reads_as_text(guessed.text[:SAMPLE_BYTES]):
            return guessed
    if utf8.replaced <= tolerated:
        return utf8
    raise BadInput(f"{name}: binary file or unknown text encoding")


def _within(decoded: Decoded, tolerated: int, size: int, name: str) -> Decoded:
    """``decoded``, unless more bytes were replaced than a damaged file would have."""
    if decoded.replaced > tolerated:
        raise BadInput(f"{name}: cannot decode as {decoded.encoding} ({decoded.replaced:,} "
                       f"of {size:,} bytes invalid)")
    return decoded


def _reads_as_text(text: str) -> bool:
    """Random bytes decode in any single-byte code page, but as symbols, private-use and
    unassigned characters where text has letters: at most 1 in 10 of them is allowed."""
    odd = total = 0
    for match in _NON_ASCII.finditer(text):
        total += 1
        odd += unicodedata.category(match.group())[0] in "SC"
    return odd * 10 <= total


def _lenient(data: bytes, encoding: str) -> Decoded:
    """``data`` decoded, every undecodable byte counted and replaced by U+FFFD."""
    _tally.bytes = 0
    text = data.decode(encoding, errors=_REPLACE)
    return Decoded(text, encoding, _tally.bytes)


def _as_declared(data: bytes, declared: str) -> Decoded | None:
    try:
        codecs.lookup(declared)
    except LookupError:
        return None
    found = _lenient(data, declared)
    # A declaration the bytes contradict (a page re-encoded by a proxy) is ignored.
    return found if found.replaced <= len(data) // 1000 else None


def _wide_unicode(head: bytes, name: str) -> str | None:
    """UTF-16/32 without a BOM, when the detector is sure; else None."""
    try:
        guess = _guess(head, name)
    except BadInput:
        return None
    return guess if guess.replace("_", "-").startswith(("utf-16", "utf-32")) else None


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


def _plausible_western(data: bytes) -> Decoded | None:
    """Windows-1252 text, when each non-ASCII character reads as what a Western European
    text has there: an accented letter (upper case only at a word start or inside an
    upper-case word) or typographic punctuation, never a symbol after an accented
    capital (the "Ã©" of UTF-8 read as Windows-1252)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None  # a byte Windows-1252 leaves undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d)
    for match in _NON_ASCII.finditer(text):
        i, ch = match.start(), match.group()
        before = text[i - 1] if i else " "
        if ch in _WESTERN_LETTERS:
            if ch.isupper() and before.islower():
                return None
        elif ch not in _WESTERN_MARKS or (before > "\x7f" and before.isupper()):
            return None
    return Decoded(text, "cp1252")


def _guess(head: bytes, name: str) -> str:
    import charset_normalizer

    best = charset_normalizer.from_bytes(head).best()
    if best is None:
        raise BadInput(f"{name}: binary file or unknown text encoding")
    return str(best.encoding)


def _warned(decoded: Decoded, name: str) -> str:
    if problem := decoded.problem():
        warnings.warn(f"{name}: {problem}", RepairedInput, stacklevel=3)
    return decoded.text
