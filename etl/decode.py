"""Raw bytes to text: detect the encoding, refuse what is not text, strip HTML.

Reports arrive as UTF-8 (with or without BOM), UTF-16, GB18030/GBK or saved
web pages. BOMs and valid UTF-8 are trusted first; then UTF-16 without a BOM
and GB18030 are tried with a Chinese-text test, because charset-normalizer
can misjudge short Chinese files (as Big5 or Korean); charset-normalizer
decides the rest. Every refusal says why in one line.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

from charset_normalizer import from_bytes

MAX_BYTES = 20 * 1024 * 1024

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of a decoding's characters that must look like Chinese report text.
TEXT_LIKE = 0.9
# Characters of the text that the tests of what it is (encoding, binary) look at.
SAMPLE_CHARS = 8192


class DecodeError(ValueError):
    """The file is not a text report; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(raw: bytes) -> Decoded:
    """Decode a report's bytes, or raise DecodeError saying why it is not text."""
    if len(raw) > MAX_BYTES:
        raise DecodeError(f"the file is larger than the limit of {MAX_BYTES // (1024 * 1024)} MB")
    if not raw.strip():
        raise DecodeError("the file is empty")
    raw, utf8 = _without_cut_character(raw)
    encoding, text = _encoding(raw, utf8)
    if text is None:
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as err:
            raise DecodeError(f"cannot be decoded as {encoding}: {err}") from err
    if _looks_binary(text):
        raise DecodeError("the file is binary, not text")
    if _looks_like_html(text):
        text = html_to_text(text)
    if not text.strip():
        raise DecodeError("the file holds no text")
    return Decoded(text=text, encoding=_canonical(encoding))


def _encoding(raw: bytes, utf8: str | None) -> tuple[str, str | None]:
    """The encoding of `raw`, and its text when finding the encoding decoded it already,
    so that a corpus is decoded once. `utf8` is its text when it is UTF-8, else None."""
    for bom, name in BOMS:
        if raw.startswith(bom):
            return name, None
    if b"\x00" in raw[:4096]:
        # UTF-8 and GB18030 text never holds NUL bytes; UTF-16 text does.
        utf16 = _utf16_without_bom(raw)
        if utf16:
            return utf16, None
    if utf8 is not None:
        return "utf-8", utf8
    if b"\x00" in raw[:4096]:
        raise DecodeError("the file is binary, not text")
    gb18030 = _gb18030_text(raw)
    if gb18030 is not None:
        return "gb18030", gb18030
    best = from_bytes(raw[: 256 * 1024]).best()
    if best is None:
        raise DecodeError(
            f"not valid UTF-8 (byte {_first_bad_utf8_byte(raw)}) and no other text encoding fits: binary or damaged?"
        )
    name = best.encoding
    # Chinese text detected as GB2312 or GBK decodes best as their superset.
    if name in ("gb2312", "gbk", "hz", "cp936"):
        name = "gb18030"
    return name, None


def _first_bad_utf8_byte(raw: bytes) -> int:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start
    return -1


def _without_cut_character(raw: bytes) -> tuple[bytes, str | None]:
    """UTF-8 cut off inside its last character (a truncated copy) loses only that character.

    Returns the bytes to read and, when they are valid UTF-8, their text.
    """
    try:
        return raw, raw.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data" and err.start >= len(raw) - 3:
            try:
                return raw[: err.start], raw[: err.start].decode("utf-8")
            except UnicodeDecodeError:
                return raw, None
    return raw, None


def _utf16_without_bom(raw: bytes) -> str | None:
    """utf-16-le or utf-16-be when the bytes read as Chinese text in one of them."""
    if len(raw) % 2:
        return None
    scores = []
    for name in ("utf-16-le", "utf-16-be"):
        try:
            scores.append((_text_likeness(raw.decode(name)), name))
        except UnicodeDecodeError:
            continue
    score, name = max(scores, default=(0.0, None))
    return name if score >= TEXT_LIKE else None


def _gb18030_text(raw: bytes) -> str | None:
    """The text, if the bytes decode as GB18030 into the common characters of GB2312.

    Big5 or Korean bytes also decode as GB18030, but mostly into its rare
    extension characters; real simplified Chinese is nearly all GB2312.
    """
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    # Counted by the codecs, not per character: ASCII is one byte in GB2312, the rest two.
    # A sample decides, as charset detectors do: a report is one encoding throughout.
    sample = text[:SAMPLE_CHARS]
    ascii_chars = len(sample.encode("ascii", "ignore"))
    wide = len(sample) - ascii_chars
    if not wide:
        return None
    common = (len(sample.encode("gb2312", "ignore")) - ascii_chars) // 2
    return text if common / wide >= TEXT_LIKE else None


def _text_likeness(text: str) -> float:
    """Share of characters that are letters, digits, punctuation or line breaks."""
    sample = text[:SAMPLE_CHARS]
    if not sample:
        return 0.0
    good = sum(1 for c in sample if c in "\t\n\r" or unicodedata.category(c)[0] in "LNPSZ")
    # Byte-swapped UTF-16 lands in private use (Co) and unassigned (Cn) code points.
    return good / len(sample)


def _canonical(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16"}.get(name, name)


# Control characters other than tab, line breaks and form feed. They are ASCII, so they
# are counted as bytes of the sample's UTF-8, where bytes.translate deletes all others
# at C speed (a regex visits each character).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def _looks_binary(text: str) -> bool:
    sample = text[:SAMPLE_CHARS]
    controls = len(sample.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL))
    return controls > max(8, len(sample) // 100)


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in text)


class _TextOnly(HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article"}
    SKIP = {"script", "style", "head", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of a page, one block per line."""
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
